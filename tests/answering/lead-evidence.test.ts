import { describe, expect, it } from 'vitest';
import { chunkPlan } from '../../ingest/chunk-plan.ts';
import { indexTextOf } from '../../ingest/index-text.ts';
import { Bm25Index } from '../../ingest/indexing/bm25-index.ts';
import { tokenize } from '../../ingest/tokenizer.ts';
import type { Audience } from '../../core/wire/chat-wire.ts';
import type { AnswerContext } from '../../server/answering/answer-types.ts';
import { composeExtractive } from '../../server/answering/compose-answer.ts';
import { decideAnswerability } from '../../server/answering/decide-answerability.ts';
import type { AnswerPolicy } from '../../server/policy/answer-policy.ts';
import type { RetrievalHit } from '../../server/retrieval/retrieval-types.ts';
import { usableHits } from '../../server/retrieval/usable-hits.ts';
import {
  articleHit,
  evidenceQueryFor,
  realPlan,
  realPolicy,
  retrievalFor,
} from '../helpers/unit-plan.ts';

const doc = realPlan();
const policy = realPolicy();

/** The IDF the server scores sentences with: BM25 over the plan's chunks, as the index is built (no vectors needed). */
const bm25 = new Bm25Index(chunkPlan(doc).map((chunk) => tokenize(indexTextOf(chunk))));
const idf = (token: string) => bm25.idf(token);

function answer(
  question: string,
  hits: RetrievalHit[],
  options: { mode?: Audience; policy?: AnswerPolicy } = {},
) {
  const used = options.policy ?? policy;
  const retrieval = retrievalFor(question, hits, used);
  const context: AnswerContext = {
    question,
    history: [],
    mode: options.mode ?? 'staff',
    retrieval,
    decision: decideAnswerability(
      { retrieval, usable: usableHits(retrieval, used.answerability) },
      used,
    ),
    document: doc,
    evidenceQuery: { ...evidenceQueryFor(retrieval, used), idf },
    policy: used,
  };
  return composeExtractive(context);
}

const citedArticles = (draft: ReturnType<typeof answer>) => [
  ...new Set(draft.citations.map((citation) => citation.article)),
];

describe('the answering quote leads', () => {
  // 办事难 stands for 营商环境 / 政务环境 (第18条) and for 投资项目审批 (第21条): a sentence of either matches.
  const RED_TAPE = '办个执照跑了好几趟，办事难的问题能解决吗？';

  it('across articles, the better-retrieved article leads when their sentences match alike', () => {
    const firstBetter = answer(RED_TAPE, [
      articleHit(18, { score: 0.88, coverage: 0.21, matchesExpansion: true }),
      articleHit(21, { score: 0.68, coverage: 0.21, matchesExpansion: true }),
    ]);
    expect(firstBetter.citations[0]?.article).toBe(18);
    const secondBetter = answer(RED_TAPE, [
      articleHit(21, { score: 0.88, coverage: 0.21, matchesExpansion: true }),
      articleHit(18, { score: 0.68, coverage: 0.21, matchesExpansion: true }),
    ]);
    expect(secondBetter.citations[0]?.article).toBe(21);
  });

  it('with articleRankPower 0 the best-matching sentence leads whatever the article ranking', () => {
    const sentencesOnly = {
      ...policy,
      evidence: { ...policy.evidence, articleRankPower: 0 },
    };
    const hits = (first: number, second: number) => [
      articleHit(first, { score: 0.88, coverage: 0.21, matchesExpansion: true }),
      articleHit(second, { score: 0.68, coverage: 0.21, matchesExpansion: true }),
    ];
    const one = answer(RED_TAPE, hits(18, 21), { policy: sentencesOnly });
    const other = answer(RED_TAPE, hits(21, 18), { policy: sentencesOnly });
    expect(one.citations[0]?.article).toBe(other.citations[0]?.article);
  });

  it('a question about an article’s subject as a whole quotes its opening, and no article that shares the word in passing', () => {
    // 教育 is 第26条 办好人民满意教育's subject; 第35条 (廉洁教育) and 第5条 (宣传教育) only use the word.
    const draft = answer('那教育方面呢？', [
      articleHit(26, { score: 0.9, coverage: 1 }),
      articleHit(35, { score: 0.8, coverage: 1 }),
      articleHit(5, { score: 0.7, coverage: 1 }),
    ]);
    expect(citedArticles(draft)).toEqual([26]);
    // Staff get the article's title first (its subject in its own words), then its opening.
    expect(draft.citations[0]?.quote).toBe('办好人民满意教育。');
    expect(draft.citations[1]?.quote).toContain('落实立德树人根本任务');
  });
});

describe('the article whose title names the whole subject leads', () => {
  it('能源消费结构这一块呢 leads with 第12条 优化能源消费结构, even when 第21条 (提振消费) is retrieved first', () => {
    const draft = answer('能源消费结构这一块呢？', [
      articleHit(21, { score: 0.9, coverage: 0.5 }),
      articleHit(12, { score: 0.85, coverage: 1 }),
    ]);
    expect(draft.citations[0]?.article).toBe(12);
    expect(draft.citations[0]?.quote).toBe('优化能源消费结构。');
  });

  it('words that ask how a subject is treated (方面, 部署) do not stop the titled article from leading', () => {
    const draft = answer('能源消费结构方面有什么部署？', [
      articleHit(21, { score: 0.9, coverage: 0.5 }),
      articleHit(12, { score: 0.85, coverage: 1 }),
    ]);
    expect(draft.citations[0]?.article).toBe(12);
  });
});

describe('the clause that asks weighs more than the scene around it', () => {
  it('老人走了办后事，殡仪馆乱收费的事有人管吗 leads with the funeral services sentence, not the elderly one', () => {
    const draft = answer('老人走了办后事，殡仪馆乱收费的事有人管吗', [
      articleHit(28, { score: 0.9, coverage: 0.3, matchesExpansion: true }),
    ]);
    expect(draft.citations[0]?.quote).toContain('殡葬服务');
  });

  it('with sceneWeight 1 the scene counts as much, and the elderly sentence leads', () => {
    const flat = { ...policy, evidence: { ...policy.evidence, sceneWeight: 1 } };
    const draft = answer(
      '老人走了办后事，殡仪馆乱收费的事有人管吗',
      [articleHit(28, { score: 0.9, coverage: 0.3, matchesExpansion: true })],
      { policy: flat },
    );
    expect(draft.citations[0]?.quote).not.toContain('殡葬服务');
  });
});

describe('a stand-in word counts by how much of the plan’s phrase a sentence holds', () => {
  // 养鸡场 stands for 畜禽标准化养殖: 第24条 says 适度发展畜禽标准化养殖, and 标准化种植基地 shares only 标准化.
  const CHICKENS = '想在村里搞个养鸡场，规划让不让养';
  const hits = [articleHit(24, { score: 0.9, coverage: 0.2, matchesExpansion: true })];

  it('the sentence holding the whole phrase leads, not one sharing a fragment of it', () => {
    expect(answer(CHICKENS, hits).citations[0]?.quote).toBe('适度发展畜禽标准化养殖。');
  });

  it('the analysis gives each stand-in word the plan’s phrases it belongs to', () => {
    const retrieval = retrievalFor(CHICKENS, hits);
    const term = retrieval.queryTerms.find((candidate) => candidate.token === '标准化');
    expect(term?.phrases).toEqual(['畜禽标准化养殖']);
    expect(retrieval.queryTerms.find((candidate) => candidate.token === '养鸡场')?.phrases).toBe(
      undefined,
    );
  });
});
