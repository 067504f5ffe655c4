import type { CitationMarker } from '../../core/citation-marker.ts';
import type { PlanDocument } from '../../core/document-model.ts';
import { locateVerbatim } from '../../core/locate-verbatim.ts';
import { articleByNumber } from '../../core/plan-lookup.ts';
import type { ConversationExportRequest } from '../../core/wire/conversation-export-wire.ts';

/**
 * What in an exported conversation is not the document's own words: a citation whose quote is not in its article
 * (exactly, as the server hands quotes out), an article the document lacks, or a “quoted passage”〔第N条〕 in an
 * answer that the cited article does not contain (the tolerance of chat's own check: width and punctuation
 * variants). Empty when every quote is verbatim, so the Word file can present them as the document's words.
 */
export function conversationQuoteProblems(
  conversation: ConversationExportRequest,
  document: PlanDocument,
  marker: CitationMarker,
): string[] {
  const problems: string[] = [];
  const quoteThenMarkers = new RegExp(`”\\s*((?:${marker.source})+)`, 'g');
  conversation.messages.forEach((message, index) => {
    if (message.role !== 'assistant') return;
    const where = `messages.${index}`;
    message.citations.forEach((citation, position) => {
      const article = articleByNumber(document, citation.article);
      if (!article)
        problems.push(`${where}.citations.${position}: there is no article ${citation.article}`);
      else if (!article.text.includes(citation.quote))
        problems.push(
          `${where}.citations.${position}: the quote is not in article ${citation.article}`,
        );
    });
    message.related.forEach((related, position) => {
      if (!articleByNumber(document, related.article))
        problems.push(`${where}.related.${position}: there is no article ${related.article}`);
    });
    for (const match of message.content.matchAll(quoteThenMarkers)) {
      const end = match.index ?? 0;
      const lineStart = message.content.lastIndexOf('\n', end) + 1;
      const before = message.content.slice(lineStart, end);
      const articles = marker.citedArticles(match[1] ?? '');
      // The quote may itself hold “…” (the document quotes slogans): any opening mark may be the one that counts.
      const openings = [...before.matchAll(/“/g)].map((opening) => opening.index ?? 0);
      if (openings.length === 0) continue;
      const verbatim = openings.some((opening) =>
        articles.some((number) => {
          const article = articleByNumber(document, number);
          return (
            article !== undefined &&
            locateVerbatim(article.text, before.slice(opening + 1)) !== null
          );
        }),
      );
      if (!verbatim)
        problems.push(
          `${where}: a quote cited ${match[1]} is not in ${articles.length > 1 ? 'those articles' : 'that article'}`,
        );
    }
  });
  return problems;
}
