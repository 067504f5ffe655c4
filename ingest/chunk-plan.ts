import type { Article, Chunk, PlanDocument, SectionKind } from '../core/document-model.ts';
import { partByNumber } from '../core/plan-lookup.ts';
import { splitSentences } from '../core/split-sentences.ts';

export interface ChunkOptions {
  /** Passages are cut at sentence ends once they would grow past this many characters. */
  maxChars: number;
}

export const DEFAULT_CHUNK_OPTIONS: ChunkOptions = { maxChars: 260 };

/**
 * Cuts the document into retrieval units: sentence-aligned passages of each article (never crossing a paragraph,
 * with each main goal and the 2035 vision on their own), plus the preamble, part introductions and closing.
 */
export function chunkPlan(
  doc: PlanDocument,
  options: ChunkOptions = DEFAULT_CHUNK_OPTIONS,
): Chunk[] {
  const chunks: Chunk[] = [];
  const partTitle = (partNumber: number) => partByNumber(doc, partNumber)?.title ?? null;
  const base = { docId: doc.id, articleNumber: null, articleTitle: null };

  if (doc.preamble) {
    chunks.push({
      ...base,
      id: `${doc.id}#preamble`,
      section: 'preamble',
      sectionLabel: '序言',
      partNumber: null,
      partTitle: null,
      start: 0,
      end: doc.preamble.length,
      text: doc.preamble,
    });
  }
  for (const part of doc.parts) {
    if (part.intro) {
      chunks.push({
        ...base,
        id: `${doc.id}#part-${part.number}-intro`,
        section: 'part-intro',
        sectionLabel: `第${part.number}部分导语`,
        partNumber: part.number,
        partTitle: part.title,
        start: 0,
        end: part.intro.length,
        text: part.intro,
      });
    }
    for (const article of doc.articles.filter(
      (candidate) => candidate.partNumber === part.number,
    )) {
      chunks.push(...chunkArticle(doc, article, part.title, options));
    }
  }
  if (doc.closing) {
    chunks.push({
      ...base,
      id: `${doc.id}#closing`,
      section: 'closing',
      sectionLabel: '结束语',
      partNumber: null,
      partTitle: partTitle(doc.parts.length),
      start: 0,
      end: doc.closing.length,
      text: doc.closing,
    });
  }
  return chunks;
}

function chunkArticle(
  doc: PlanDocument,
  article: Article,
  partTitle: string,
  options: ChunkOptions,
): Chunk[] {
  const labelled = [...doc.mainGoals, ...(doc.vision2035 ? [doc.vision2035] : [])].filter(
    (paragraph) => paragraph.articleNumber === article.number,
  );
  const chunks: Chunk[] = [];
  const make = (section: SectionKind, sectionLabel: string, start: number, end: number): Chunk => ({
    id: `${doc.id}#article-${article.number}-${chunks.length + 1}`,
    docId: doc.id,
    section,
    sectionLabel,
    partNumber: article.partNumber,
    partTitle,
    articleNumber: article.number,
    articleTitle: article.title,
    start,
    end,
    text: article.text.slice(start, end),
  });

  let paragraphStart = 0;
  for (const paragraph of article.text.split('\n')) {
    const start = paragraphStart;
    paragraphStart += paragraph.length + 1;
    const label = labelled.find((candidate) => candidate.start === start);
    if (label) {
      const sectionLabel = label.kind === 'main-goal' ? `主要目标：${label.label}` : label.label;
      chunks.push(make(label.kind, sectionLabel, label.start, label.end));
      continue;
    }
    for (const passage of groupSentences(paragraph, options.maxChars)) {
      chunks.push(
        make('article', `第${article.number}条`, start + passage.start, start + passage.end),
      );
    }
  }
  return chunks;
}

/** Greedily packs whole sentences into passages of at most maxChars (a single longer sentence stays whole). */
function groupSentences(
  paragraph: string,
  maxChars: number,
): Array<{ start: number; end: number }> {
  const passages: Array<{ start: number; end: number }> = [];
  for (const sentence of splitSentences(paragraph)) {
    const current = passages.at(-1);
    if (current && sentence.end - current.start <= maxChars) current.end = sentence.end;
    else passages.push({ start: sentence.start, end: sentence.end });
  }
  return passages;
}
