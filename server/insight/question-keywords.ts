import { isStopword, segment } from '../../ingest/tokenizer.ts';
import { normalizeForMatch } from '../../core/normalize-text.ts';

/**
 * A question's key words: its jieba words (with the plan's dictionary) less stopwords, unique and sorted, so that
 * 乌海的房价是多少 and 房价在乌海是多少 share them. A question of stopwords only keys on its whole normalised text.
 */
export function questionKeywords(question: string): string[] {
  const words = [...new Set(segment(question).filter((word) => !isStopword(word)))].sort();
  return words.length > 0 ? words : [normalizeForMatch(question).replace(/\s+/g, '')];
}
