import type { Occurrence } from './glossary-schema.ts';

export interface SpelledOutCandidate extends Occurrence {
  term: string;
  /** Where the 、-enumeration sits: later in the sentence (打造甲、乙和丙) or ending right at the term (“甲、乙”两件大事). */
  position: 'after' | 'before';
  /** The clause holding the enumeration. */
  enumeration: string;
  /** The enumeration ends in 等: examples, not a complete spelling-out. */
  openEnded: boolean;
}

const CLAUSE_BREAK = /[,，:：]/;
const QUOTES = /[“”"]/g;

/**
 * Sentences that may spell a term out, for a person to review: a 、-enumeration later in the sentence, or one that
 * ends right at the term. A term that is itself an item of a list (“两个屏障”、“两个基地”) is only listed, not
 * spelled out, so that list is skipped. Nothing here is accepted automatically.
 */
export function spelledOutCandidates(
  term: string,
  occurrences: Occurrence[],
): SpelledOutCandidate[] {
  const candidates: SpelledOutCandidate[] = [];
  for (const occurrence of occurrences) {
    const at = occurrence.quote.indexOf(term);
    const before = occurrence.quote.slice(0, at).replace(QUOTES, '');
    const after = occurrence.quote.slice(at + term.length).replace(QUOTES, '');
    const isListItem = /[、和及]$/.test(before) || after.startsWith('、');
    const clausesAfter = after.split(/[;；。]/)[0]?.split(CLAUSE_BREAK) ?? [];
    // The term's own clause continues the list it is an item of; enumerations after that may spell it out.
    const laterEnumeration = clausesAfter
      .slice(isListItem ? 1 : 0)
      .find((clause) => clause.includes('、'));
    if (laterEnumeration) candidates.push(candidate(occurrence, term, 'after', laterEnumeration));
    const clauseBefore = before.split(CLAUSE_BREAK).at(-1) ?? '';
    if (!isListItem && clauseBefore.includes('、'))
      candidates.push(candidate(occurrence, term, 'before', clauseBefore));
  }
  return candidates;
}

function candidate(
  occurrence: Occurrence,
  term: string,
  position: SpelledOutCandidate['position'],
  enumeration: string,
): SpelledOutCandidate {
  return { ...occurrence, term, position, enumeration, openEnded: /等[^、]*$/.test(enumeration) };
}
