/** The shortest word read as a compound with words set between its parts, and the most characters between them. */
const MIN_COMPOUND = 4;
const MAX_GAP = 4;

/**
 * How a Chinese compound may be written with a qualifier inside it, within one clause: for each way of cutting it into
 * two parts of at least two characters, a regular-expression source matching the first part, one to MAX_GAP characters
 * that are not punctuation, then the second (京蒙合作 → 京蒙…合作 matches 京蒙教育合作; 固态电池 matches 固态储能电池).
 * Empty for a word too short to be a compound or not all Chinese. Read against text normalised for matching, which
 * keeps its punctuation. Pure.
 */
export function splitCompoundSources(word: string): string[] {
  if (word.length < MIN_COMPOUND || !/^\p{Script=Han}+$/u.test(word)) return [];
  const sources: string[] = [];
  for (let at = 2; at <= word.length - 2; at += 1)
    sources.push(`${word.slice(0, at)}[^\\p{P}\\p{S}]{1,${MAX_GAP}}${word.slice(at)}`);
  return sources;
}
