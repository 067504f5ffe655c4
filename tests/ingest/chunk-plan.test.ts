import { beforeAll, describe, expect, it } from 'vitest';
import { chunkPlan, DEFAULT_CHUNK_OPTIONS } from '../../ingest/chunk-plan.ts';
import type { Chunk, PlanDocument } from '../../core/document-model.ts';
import { articleByNumber, partByNumber, partOf } from '../../core/plan-lookup.ts';
import { parsePlan } from '../../ingest/parse-plan.ts';
import { splitSentences } from '../../core/split-sentences.ts';
import { readSource } from '../helpers/plan-index.ts';

describe('chunkPlan on the Wuhai proposal', () => {
  let source: string;
  let doc: PlanDocument;
  let chunks: Chunk[];

  beforeAll(async () => {
    source = await readSource();
    doc = parsePlan(source, 'wuhai-doc');
    chunks = chunkPlan(doc);
  });

  /** The text a chunk's offsets point into. */
  function containerText(chunk: Chunk): string {
    if (chunk.articleNumber !== null) return articleByNumber(doc, chunk.articleNumber)!.text;
    if (chunk.section === 'preamble') return doc.preamble;
    if (chunk.section === 'closing') return doc.closing;
    return partByNumber(doc, chunk.partNumber!)!.intro;
  }

  it('gives every chunk a unique id and the document id', () => {
    expect(chunks.length).toBeGreaterThan(36);
    expect(new Set(chunks.map((chunk) => chunk.id)).size).toBe(chunks.length);
    for (const chunk of chunks) expect(chunk.docId).toBe('wuhai-doc');
  });

  it('has offsets such that the container text sliced at [start, end) is the chunk text', () => {
    for (const chunk of chunks) {
      expect(chunk.end).toBeGreaterThan(chunk.start);
      expect(containerText(chunk).slice(chunk.start, chunk.end)).toBe(chunk.text);
    }
  });

  it('quotes only text that appears verbatim in the source file', () => {
    for (const chunk of chunks) expect(source).toContain(chunk.text);
  });

  it('labels article chunks with their article and part', () => {
    const articleChunks = chunks.filter((chunk) => chunk.articleNumber !== null);
    for (const chunk of articleChunks) {
      const article = articleByNumber(doc, chunk.articleNumber!)!;
      const part = partOf(doc, article);
      expect(chunk.articleTitle).toBe(article.title);
      expect(chunk.partNumber).toBe(part.number);
      expect(chunk.partTitle).toBe(part.title);
      expect(['article', 'main-goal', 'vision-2035']).toContain(chunk.section);
    }
    const article12 = articleChunks.filter((chunk) => chunk.articleNumber === 12);
    expect(article12.length).toBeGreaterThan(0);
    for (const chunk of article12) {
      expect(chunk).toMatchObject({
        articleTitle: '优化能源消费结构',
        partNumber: 4,
        partTitle: '加快绿色转型,构建小而精、小而强的现代化产业体系',
        sectionLabel: '第12条',
      });
    }
  });

  it('labels the preamble, part introductions and closing by section, with no article', () => {
    const outside = chunks.filter((chunk) => chunk.articleNumber === null);
    expect(outside.map((chunk) => chunk.section).sort()).toEqual([
      'closing',
      'part-intro',
      'part-intro',
      'part-intro',
      'part-intro',
      'part-intro',
      'part-intro',
      'part-intro',
      'part-intro',
      'part-intro',
      'preamble',
    ]);
    for (const chunk of outside) {
      expect(chunk.articleTitle).toBeNull();
      expect(chunk.sectionLabel.length).toBeGreaterThan(0);
    }
    const preamble = outside.find((chunk) => chunk.section === 'preamble')!;
    expect(preamble).toMatchObject({
      sectionLabel: '序言',
      partNumber: null,
      partTitle: null,
      text: doc.preamble,
    });
    const intro8 = outside.find(
      (chunk) => chunk.section === 'part-intro' && chunk.partNumber === 8,
    )!;
    expect(intro8).toMatchObject({
      partTitle: '增进民生福祉,扎实推动共同富裕',
      text: doc.parts[7]!.intro,
    });
    expect(intro8.sectionLabel).toContain('8');
    const closing = outside.find((chunk) => chunk.section === 'closing')!;
    expect(closing.sectionLabel).toBe('结束语');
    expect(closing.text.startsWith('全市各级党组织')).toBe(true);
  });

  it('covers every article: its chunks, in order and without overlap, hold all of its text', () => {
    for (const article of doc.articles) {
      const own = chunks.filter((chunk) => chunk.articleNumber === article.number);
      expect(own.length).toBeGreaterThan(0);
      let covered = 0;
      let uncovered = '';
      for (const chunk of own) {
        expect(chunk.start).toBeGreaterThanOrEqual(covered);
        uncovered += article.text.slice(covered, chunk.start);
        covered = chunk.end;
      }
      uncovered += article.text.slice(covered);
      // Only the line breaks between paragraphs are left out.
      expect(uncovered.trim()).toBe('');
    }
  });

  it('never lets a passage cross a paragraph, and cuts passages at sentence ends', () => {
    for (const chunk of chunks.filter((candidate) => candidate.section === 'article')) {
      expect(chunk.text).not.toContain('\n');
      const sentences = splitSentences(chunk.text);
      // Longer passages are only a single sentence that could not be cut.
      if (chunk.text.length > DEFAULT_CHUNK_OPTIONS.maxChars) expect(sentences).toHaveLength(1);
      expect(/[。！？!?；;]$/.test(chunk.text) || chunk.text === sentences.at(-1)?.text).toBe(true);
    }
  });

  it('makes one chunk per main goal and one for the 2035 vision, all in article 3', () => {
    const goals = chunks.filter((chunk) => chunk.section === 'main-goal');
    expect(goals).toHaveLength(8);
    expect(goals.map((chunk) => chunk.sectionLabel)).toEqual(
      doc.mainGoals.map((goal) => `主要目标：${goal.label}`),
    );
    expect(goals.map((chunk) => chunk.text)).toEqual(doc.mainGoals.map((goal) => goal.text));
    expect(goals[1]?.sectionLabel).toBe('主要目标：生态环境质量明显改善');
    for (const chunk of goals) expect(chunk.articleNumber).toBe(3);
    const vision = chunks.filter((chunk) => chunk.section === 'vision-2035');
    expect(vision).toHaveLength(1);
    expect(vision[0]?.articleNumber).toBe(3);
    expect(vision[0]?.text).toBe(doc.vision2035?.text);
  });

  it('respects a smaller passage size', () => {
    const small = chunkPlan(doc, { maxChars: 80 });
    expect(small.length).toBeGreaterThan(chunks.length);
    for (const chunk of small.filter((candidate) => candidate.section === 'article')) {
      if (chunk.text.length > 80) expect(splitSentences(chunk.text)).toHaveLength(1);
    }
  });
});
