/** One line of a jieba main dictionary: `word frequency tag`. */
export interface DictionaryEntry {
  word: string;
  frequency: number;
  tag: string;
}

/**
 * Added to a trimmed dictionary with the frequency of every word left out, so that the total frequency (which jieba
 * divides every word's frequency by) stays the full dictionary's. Private-use characters: no text holds them.
 */
export const BALANCE_WORD = '\uE000\uE000';

export function parseDictionary(text: string): DictionaryEntry[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, index) => {
      const [word, frequency, tag, ...rest] = line.trim().split(' ');
      const value = Number(frequency);
      if (!word || !tag || rest.length > 0 || !Number.isInteger(value) || value < 0)
        throw new Error(`dictionary line ${index + 1} is not "word frequency tag": ${line}`);
      return { word, frequency: value, tag };
    });
}

export function formatDictionary(entries: readonly DictionaryEntry[]): string {
  return `${entries.map((entry) => `${entry.word} ${entry.frequency} ${entry.tag}`).join('\n')}\n`;
}

/**
 * The words of a dictionary that occur anywhere in the texts (every substring of every text is looked up).
 */
export function wordsOccurringIn(
  entries: readonly DictionaryEntry[],
  texts: Iterable<string>,
): Set<string> {
  const words = new Set(entries.map((entry) => entry.word));
  const longest = entries.reduce((most, entry) => Math.max(most, entry.word.length), 0);
  const found = new Set<string>();
  for (const text of texts)
    for (let start = 0; start < text.length; start += 1)
      for (let end = start + 1; end <= Math.min(text.length, start + longest); end += 1) {
        const candidate = text.slice(start, end);
        if (words.has(candidate)) found.add(candidate);
      }
  return found;
}

/**
 * A smaller main dictionary that segments the given texts exactly as the full one does, and other text nearly so.
 * jieba segments a text by the dictionary words that occur in it, each weighed by log(frequency / total), with the
 * rarest word's weight for characters it lacks. So it keeps: every word occurring in the texts, every one-character
 * word, the `commonWords` most frequent words, and a word of the lowest frequency; and it adds BALANCE_WORD carrying the
 * frequency of all the others, so that the total is unchanged. Entries keep their order. Pure.
 */
export function trimDictionary(
  entries: readonly DictionaryEntry[],
  options: { texts: Iterable<string>; commonWords: number },
): DictionaryEntry[] {
  if (entries.length === 0) return [];
  const keep = wordsOccurringIn(entries, options.texts);
  for (const entry of entries) if ([...entry.word].length === 1) keep.add(entry.word);
  const byFrequency = entries
    .map((entry, position) => ({ entry, position }))
    .sort(
      (left, right) =>
        right.entry.frequency - left.entry.frequency || left.position - right.position,
    );
  for (const { entry } of byFrequency.slice(0, options.commonWords)) keep.add(entry.word);
  keep.add(byFrequency.at(-1)!.entry.word);
  const kept = entries.filter((entry) => keep.has(entry.word));
  const total = entries.reduce((sum, entry) => sum + entry.frequency, 0);
  const keptTotal = kept.reduce((sum, entry) => sum + entry.frequency, 0);
  return total > keptTotal
    ? [...kept, { word: BALANCE_WORD, frequency: total - keptTotal, tag: 'x' }]
    : kept;
}
