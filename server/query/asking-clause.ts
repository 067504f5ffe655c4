import { normalizeForMatch } from '../../core/normalize-text.ts';

/** Commas, semicolons and sentence ends split a message into clauses (not 、, which lists within one). */
const CLAUSE_BREAK = /[,，;；。!！?？]+/u;

/**
 * The clause that asks the question when a message also sets a scene around it (老人走了办后事，殡仪馆乱收费的事有人管吗 →
 * 殡仪馆乱收费的事有人管吗): the last clause that holds one of the question cues (会不会, 怎么, 哪些: the question types)
 * and names a subject of its own (`subjects`: the everyday phrases recognised in the message, such as 殡仪馆). Null when
 * the message is one clause, when every clause asks, or when the asking clause names no subject (飞乌海的航班太少了，会改善吗:
 * the subject is in the scene): then every word is the question's. Pure.
 */
export function askingClause(
  text: string,
  cues: readonly RegExp[],
  subjects: readonly string[],
): string | null {
  const clauses = text.split(CLAUSE_BREAK).filter((clause) => clause.length > 0);
  if (clauses.length < 2) return null;
  const asking = clauses.filter((clause) => cues.some((cue) => cue.test(clause)));
  if (asking.length === 0 || asking.length === clauses.length) return null;
  const clause = normalizeForMatch(asking[asking.length - 1]!);
  return subjects.some((subject) => clause.includes(normalizeForMatch(subject))) ? clause : null;
}

/**
 * Whether a word of the question belongs only to the scene around it: it is not in the asking clause. A word the
 * message does not contain as such (an expansion's stand-in) is judged by the phrase it stands in for.
 */
export function isSceneWord(word: string, asking: string | null): boolean {
  return asking !== null && !asking.includes(normalizeForMatch(word));
}
