import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Document } from '@langchain/core/documents';
import { StringOutputParser } from '@langchain/core/output_parsers';
import { ChatPromptTemplate } from '@langchain/core/prompts';
import { BaseRetriever } from '@langchain/core/retrievers';
import { RunnableLambda, RunnablePassthrough, RunnableSequence } from '@langchain/core/runnables';
import { FakeListChatModel } from '@langchain/core/utils/testing';
import type { ChatPromptValueInterface } from '@langchain/core/prompt_values';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanDocument } from '../../core/document-model.ts';
import { articleByNumber } from '../../core/plan-lookup.ts';
import { loadConfig } from '../../server/config.ts';
import {
  createPlanRetriever,
  type PlanDocumentMetadata,
} from '../../server/library/plan-retriever.ts';
import { openRetriever } from '../../server/retrieval/open-retriever.ts';
import { makeTempDir } from '../helpers/plan-index.ts';
import { realPlan } from '../helpers/unit-plan.ts';

describe('createPlanRetriever: the hybrid retrieval as a LangChain retriever', () => {
  let temp: { dir: string; cleanup: () => Promise<void> };
  let env: Record<string, string>;
  const plan: PlanDocument = realPlan();

  beforeAll(async () => {
    temp = await makeTempDir('plan-retriever-');
    env = { INDEX_DIR: path.join(temp.dir, 'index') };
  });

  afterAll(async () => {
    await temp?.cleanup();
  });

  const articleText = (article: number) => articleByNumber(plan, article)!.text;

  it('builds the index on first use as npm start does, then loads it without rebuilding', async () => {
    const manifest = path.join(env.INDEX_DIR!, 'manifest.json');
    await expect(stat(manifest)).rejects.toThrow();
    const retriever = createPlanRetriever({ env });
    expect(retriever).toBeInstanceOf(BaseRetriever);
    expect(await retriever.invoke('冬天取暖')).not.toHaveLength(0);
    const built = (await stat(manifest)).mtimeMs;

    expect(await createPlanRetriever({ env }).invoke('看病就医')).not.toHaveLength(0);
    expect((await stat(manifest)).mtimeMs).toBe(built);
  });

  it('冬天取暖: article 23 first, its passage verbatim, with where it stands in the plan', async () => {
    const [first] = await createPlanRetriever({ env }).invoke('冬天取暖');
    const article = articleByNumber(plan, 23)!;
    expect(first!.metadata).toEqual({
      article: 23,
      title: article.title,
      part: article.partNumber,
      partTitle: plan.parts[article.partNumber - 1]!.title,
      score: expect.any(Number),
      coverage: expect.any(Number),
      section: 'article',
      citation: '〔第23条〕',
      via: 'ranking',
    });
    expect(first!.metadata.score).toBeGreaterThan(0);
    expect(first!.metadata.score).toBeLessThanOrEqual(1);
    expect(first!.pageContent).toContain('清洁供暖');
    expect(articleText(23)).toContain(first!.pageContent);
  });

  it('ranks as GET /api/search does (the same hybrid retriever over the same index)', async () => {
    const planRetriever = createPlanRetriever({ env });
    await planRetriever.invoke('就业'); // builds the index when this test runs alone
    const { retriever } = openRetriever(loadConfig(env));
    for (const question of ['孩子上学有什么变化', '黄河乌海段水质', '养老服务']) {
      const expected = (await retriever.search(question)).hits.map((hit) => hit.article);
      const documents = await planRetriever.invoke(question);
      expect(documents.map((document) => document.metadata.article)).toEqual(expected);
    }
  });

  it('honours k', async () => {
    expect(await createPlanRetriever({ env }).invoke('就业')).toHaveLength(5);
    expect(await createPlanRetriever({ env, k: 2 }).invoke('就业')).toHaveLength(2);
    expect(await createPlanRetriever({ env, k: 8 }).invoke('就业')).toHaveLength(8);
    // A whole part is more articles than k: still k.
    const part = await createPlanRetriever({ env, k: 2 }).invoke('第八部分讲了哪些内容');
    expect(part.map((document) => document.metadata.article)).toEqual([25, 26]);
    expect(() => createPlanRetriever({ env, k: 0 })).toThrow(/k must be a positive integer/);
    expect(() => createPlanRetriever({ env, k: 2.5 })).toThrow(/k must be a positive integer/);
  });

  it('an article named outright comes whole, with score 1', async () => {
    const [named] = await createPlanRetriever({ env }).invoke('第12条讲什么？');
    expect(named!.metadata).toMatchObject({ article: 12, via: 'structure', score: 1 });
    expect(named!.pageContent).toBe(articleText(12));
  });

  it('text outside the articles has article null: the closing, the preamble, a part introduction', async () => {
    const retriever = createPlanRetriever({ env });
    const [closing] = await retriever.invoke(plan.closing.slice(0, 40));
    expect(closing!.metadata).toMatchObject({
      article: null,
      section: 'closing',
      part: null,
      citation: null,
    });
    expect(plan.closing).toContain(closing!.pageContent);

    const [preamble] = await retriever.invoke(plan.preamble.slice(0, 40));
    expect(preamble!.metadata).toMatchObject({ article: null, section: 'preamble' });
    expect(plan.preamble).toContain(preamble!.pageContent);

    const partEight = plan.parts[7]!;
    const [intro] = await retriever.invoke(partEight.intro.slice(0, 40));
    expect(intro!.metadata).toMatchObject({
      article: null,
      section: 'part-intro',
      part: 8,
      partTitle: partEight.title,
    });
    expect(partEight.intro).toContain(intro!.pageContent);
  });

  it('a blank query retrieves nothing', async () => {
    expect(await createPlanRetriever({ env }).invoke('   ')).toEqual([]);
  });

  it('works inside a RunnableSequence: its passages reach the prompt of a chain of one’s own', async () => {
    const prompts: string[] = [];
    const formatDocuments = (documents: Document<PlanDocumentMetadata>[]) =>
      documents
        .map((document) => `${document.metadata.citation ?? ''}${document.pageContent}`)
        .join('\n');
    const chain = RunnableSequence.from([
      {
        context: createPlanRetriever({ env, k: 3 }).pipe(formatDocuments),
        question: new RunnablePassthrough<string>(),
      },
      ChatPromptTemplate.fromMessages([
        ['system', '只依据下列条文回答：\n{context}'],
        ['human', '{question}'],
      ]),
      RunnableLambda.from((value: ChatPromptValueInterface) => {
        prompts.push(value.toString());
        return value;
      }),
      new FakeListChatModel({ responses: ['见第23条。'] }),
      new StringOutputParser(),
    ]);

    expect(await chain.invoke('冬天取暖')).toBe('见第23条。');
    expect(prompts).toHaveLength(1);
    const [top] = await createPlanRetriever({ env, k: 1 }).invoke('冬天取暖');
    expect(prompts[0]).toContain(`〔第23条〕${top!.pageContent}`);
    expect(prompts[0]).toContain('冬天取暖');
  });

  it('reports its runs to LangChain callbacks (tracing)', async () => {
    const seen: { query?: string; articles?: Array<number | null> } = {};
    await createPlanRetriever({ env }).invoke('冬天取暖', {
      callbacks: [
        {
          handleRetrieverStart: (_retriever, query) => {
            seen.query = query;
          },
          handleRetrieverEnd: (documents) => {
            seen.articles = documents.map((document) => document.metadata.article as number | null);
          },
        },
      ],
    });
    expect(seen.query).toBe('冬天取暖');
    expect(seen.articles?.[0]).toBe(23);
  });
});
