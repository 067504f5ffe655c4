import { SINGLE_BRACES } from '../../core/fill-template.ts';
import { normalizeLoose } from '../../core/normalize-text.ts';

/**
 * Measures of the quotes an answer is built from and of its shape. A quote is a citation's `quote` (the verbatim
 * passage the response cites), or a line's closing quote of the document's own text outside the articles
 * (answer-quotes.ts), not any text between quotation marks in the answer, where titles are quoted too.
 */

/** Whether a quote contains one of the facts, comparing without width, punctuation or whitespace differences. */
export function quoteHoldsFact(quote: string, facts: string[]): boolean {
  const text = normalizeLoose(quote);
  return facts.some((fact) => {
    const wanted = normalizeLoose(fact);
    return wanted.length > 0 && text.includes(wanted);
  });
}

/** 1 when the first quote holds a fact, 0 when it does not or there is no quote; null for an item without facts. */
export function firstQuoteHoldsFact(
  quotes: ReadonlyArray<{ quote: string }>,
  facts: string[],
): number | null {
  if (facts.length === 0) return null;
  const first = quotes[0];
  return first !== undefined && quoteHoldsFact(first.quote, facts) ? 1 : 0;
}

/** Share of the quotes that hold a fact; null for an item without facts or an answer without quotes. */
export function quoteFactShare(
  quotes: ReadonlyArray<{ quote: string }>,
  facts: string[],
): number | null {
  if (facts.length === 0 || quotes.length === 0) return null;
  return quotes.filter((quote) => quoteHoldsFact(quote.quote, facts)).length / quotes.length;
}

/** How many passages an answer quotes (its citations, one per quoted passage). */
export function quoteCount(quotes: ReadonlyArray<{ quote: string }>): number {
  return quotes.length;
}

/** Length in characters (Unicode code points, so a character outside the BMP counts once). */
export function answerLength(answer: string): number {
  return [...answer].length;
}

/** The median (mean of the middle two for an even count); null for no values. */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Separators between the phrases of one note (the server joins several with a list comma). */
const PHRASE_SEPARATORS = /[、，,;；]/;

/**
 * A reader of "the plan does not use this word" notes, built from the note templates themselves (e.g. the
 * `notInDocument` templates of data/answer-templates.json): each template's literal text must match exactly and its
 * `{phrases}` placeholder captures the words; other placeholders match anything on the line. Returns the phrases the
 * answer's notes say the document does not use.
 */
export function createAbsenceNoteReader(
  templates: string[],
  placeholder = 'phrases',
): (answer: string) => string[] {
  const patterns = templates.map((template) => {
    let source = '';
    let last = 0;
    let captures = 0;
    for (const match of template.matchAll(new RegExp(SINGLE_BRACES.source, 'g'))) {
      source += escapeRegExp(template.slice(last, match.index));
      if (match[1] === placeholder) {
        source += '([^\\n]+?)';
        captures += 1;
      } else source += '[^\\n]*?';
      last = match.index + match[0].length;
    }
    source += escapeRegExp(template.slice(last));
    if (captures !== 1)
      throw new Error(`absence note template needs exactly one {${placeholder}}: ${template}`);
    return new RegExp(source, 'g');
  });
  return (answer) => {
    const phrases: string[] = [];
    for (const pattern of patterns)
      for (const match of answer.matchAll(pattern))
        for (const phrase of (match[1] ?? '').split(PHRASE_SEPARATORS)) {
          const trimmed = phrase.trim();
          if (trimmed.length > 0 && !phrases.includes(trimmed)) phrases.push(trimmed);
        }
    return phrases;
  };
}

/**
 * False-absence notes: the phrases an answer says the document does not use although the document's text (all of
 * it, see `documentText`) does contain them, compared without width, punctuation or whitespace differences.
 */
export function falseAbsences(
  answer: string,
  readNotes: (answer: string) => string[],
  text: string,
): string[] {
  const haystack = normalizeLoose(text);
  return readNotes(answer).filter((phrase) => {
    const wanted = normalizeLoose(phrase);
    return wanted.length > 0 && haystack.includes(wanted);
  });
}
