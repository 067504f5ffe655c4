import { splitSentences } from '../../core/split-sentences.ts';

const QUESTION_SENTENCE = /[？?]$|[吗呢么]$/u;

/**
 * A long message (a pasted story ending in a question) drowns its question in words that match everything; the
 * question sentences are what should be searched. Short messages are returned as they are.
 */
export function focusQuestion(message: string, longMessageChars: number): string {
  if (message.length <= longMessageChars) return message;
  const sentences = splitSentences(message.replace(/[:：]/g, '：\n'));
  const questions = sentences.filter((sentence) => QUESTION_SENTENCE.test(sentence.text));
  const chosen = questions.length > 0 ? questions.slice(-2) : sentences.slice(-2);
  return [...new Set(chosen.map((sentence) => sentence.text))].join(' ');
}
