import { expect } from 'vitest';
import type { ChatResponse } from '../../core/wire/chat-wire.ts';
import { answerMarker, connectivePatterns } from './extractive-lines.ts';

const isConnective = (text: string) => connectivePatterns().some((pattern) => pattern.test(text));

/**
 * Asserts that an answer about the document states nothing of its own: every line is template text, or template
 * text followed by a “verbatim quote” — of article N when the line ends with its marker 〔第N条〕, else of the
 * document's own text outside the articles (adoption note, preamble, closing, part headings). Every citation is a
 * verbatim substring of its article and appears in the answer with its marker.
 */
export function expectDocumentAnswerLines(
  answer: Pick<ChatResponse, 'answer' | 'citations'>,
  articleText: (article: number) => string,
  documentText: string,
): void {
  const marker = answerMarker();
  const lines = answer.answer.split('\n');
  expect(lines.length).toBeGreaterThan(0);
  for (const line of lines) {
    expect(line.trim(), 'no blank lines').not.toBe('');
    if (isConnective(line)) continue;
    const article = marker.trailingArticle(line);
    const body = article === null ? line : line.slice(0, -marker.format(article).length);
    expect(body.endsWith('”'), `a line is template text or ends with a quote: ${line}`).toBe(true);
    const source = article === null ? documentText : articleText(article);
    // The quote may itself contain “…” (the document quotes slogans), so try every opening mark.
    const valid = [...body.matchAll(/“/g)].some(({ index = 0 }) => {
      const prefix = body.slice(0, index);
      const quote = body.slice(index + 1, -1);
      return quote.length > 0 && source.includes(quote) && (prefix === '' || isConnective(prefix));
    });
    expect(valid, `not a verbatim quote after template text: ${line}`).toBe(true);
  }
  for (const citation of answer.citations) {
    expect(articleText(citation.article)).toContain(citation.quote);
    expect(answer.answer).toContain(`“${citation.quote}”${marker.format(citation.article)}`);
  }
}
