import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PlanDocument } from '../../core/document-model.ts';
import { articleByNumber } from '../../core/plan-lookup.ts';
import { readJsonDataFile } from '../../ingest/read-data-file.ts';
import { buildGlossary, serializeGlossary } from '../../ingest/glossary/build-glossary.ts';
import { composeGlossary, GlossaryBuildError } from '../../ingest/glossary/compose-glossary.ts';
import {
  GLOSSARY_FILE,
  GlossarySchema,
  type GlossaryData,
} from '../../ingest/glossary/glossary-schema.ts';
import { loadGlossaryTerms } from '../../ingest/glossary/glossary-terms.ts';
import { spelledOutCandidates } from '../../ingest/glossary/spelled-out-candidates.ts';
import { parsePlan } from '../../ingest/parse-plan.ts';
import { splitSentences } from '../../core/split-sentences.ts';
import { readSource, sourceSha256 } from '../helpers/plan-index.ts';

/** The plan's own slogans and terms the glossary must explain (from the brief, each checked against the document). */
const REQUIRED = [
  '五区一河',
  '四水四定',
  '两个屏障',
  '两个基地',
  '一个桥头堡',
  '三北精神',
  '新质生产力',
  '科创飞地',
  '源网荷储',
  '绿电直连',
  '枫桥经验',
  '一刻钟便民生活圈',
  '小马拉大车',
  '五个认同',
  '四个与共',
  '两个确立',
  '两个维护',
  '四个意识',
  '四个自信',
  '五横五纵',
  '四类管网',
  '标准地',
  '候鸟专家',
  '周末工程师',
  '蝇贪蚁腐',
  '第一议题',
  '五个进一步到位',
];

describe('the committed glossary (data/glossary/glossary.json)', () => {
  let document: PlanDocument;
  let glossary: GlossaryData;
  const articleText = (number: number) => articleByNumber(document, number)?.text ?? '';

  beforeAll(async () => {
    document = parsePlan(await readSource(), 'wuhai-15th-fyp-proposal');
    glossary = readJsonDataFile(GlossarySchema, GLOSSARY_FILE);
  });

  it('was built from the document as it is now, and is what a fresh build produces (twice the same)', async () => {
    expect(glossary.sourceSha256).toBe(await sourceSha256());
    const fresh = serializeGlossary(await buildGlossary());
    expect(serializeGlossary(await buildGlossary())).toBe(fresh);
    // If this fails after editing glossary-terms.json or the document: run `npm run build:glossary`.
    expect(readFileSync(GLOSSARY_FILE, 'utf8')).toBe(fresh);
  });

  it('explains 40 to 80 terms, including every required one, each once', () => {
    const terms = glossary.terms.map((entry) => entry.term);
    expect(terms.length).toBeGreaterThanOrEqual(40);
    expect(terms.length).toBeLessThanOrEqual(80);
    expect(new Set(terms).size).toBe(terms.length);
    for (const term of REQUIRED) expect(terms, term).toContain(term);
  });

  it('lists every article that uses a term, and no other', () => {
    for (const entry of glossary.terms) {
      for (const article of document.articles) {
        expect(
          entry.articles.includes(article.number),
          `${entry.term} in article ${article.number}`,
        ).toBe(article.text.includes(entry.term));
      }
    }
  });

  it('quotes every occurrence as a whole sentence, verbatim, containing the term, covering each listed article', () => {
    for (const entry of glossary.terms) {
      for (const occurrence of entry.occurrences) {
        const sentences = splitSentences(articleText(occurrence.article)).map(
          (sentence) => sentence.text,
        );
        expect(sentences, `${entry.term} in article ${occurrence.article}`).toContain(
          occurrence.quote,
        );
        expect(occurrence.quote).toContain(entry.term);
      }
      expect([...new Set(entry.occurrences.map((occurrence) => occurrence.article))]).toEqual(
        entry.articles,
      );
    }
  });

  it('gives a definition only as a verbatim sentence that names the term and contains each item it enumerates', () => {
    const defined = glossary.terms.filter((entry) => entry.definition);
    expect(defined.length).toBeGreaterThan(0);
    for (const { term, definition } of defined) {
      expect(articleText(definition!.article), term).toContain(definition!.quote);
      expect(definition!.quote).toContain(term);
      for (const item of definition!.items)
        expect(definition!.quote, `${term}: ${item}`).toContain(item);
    }
  });

  it('defines 五区一河 from article 7, with the five things it lists', () => {
    const entry = glossary.terms.find((candidate) => candidate.term === '五区一河')!;
    expect(entry.definition?.article).toBe(7);
    expect(entry.definition?.items).toEqual([
      '精品城区',
      '生态矿区',
      '绿色园区',
      '美丽农区',
      '优美河湖',
    ]);
    expect(entry.definition?.quote).toContain(
      '打造精品城区、生态矿区、绿色园区、美丽农区和优美河湖',
    );
  });

  it('leaves undefined the terms the document only uses (四水四定, 两个屏障, 枫桥经验)', () => {
    for (const term of ['四水四定', '两个屏障', '枫桥经验', '新质生产力']) {
      expect(glossary.terms.find((entry) => entry.term === term)?.definition, term).toBeUndefined();
    }
  });
});

describe('composeGlossary and the spelled-out candidates', () => {
  let document: PlanDocument;

  beforeAll(async () => {
    document = parsePlan(await readSource(), 'wuhai-15th-fyp-proposal');
  });

  it('refuses a term the document never uses', () => {
    expect(() =>
      composeGlossary(document, 'a'.repeat(64), [{ term: '三大攻坚战', kind: 'slogan' }]),
    ).toThrow(GlossaryBuildError);
  });

  it('refuses a definition the document does not give: items that are not in the quote, or a quote that is not verbatim', () => {
    const quote =
      '全方位贯彻“四水四定”原则,优化城市水资源配置和供水保障管理体系,深化节水行动和水预算管理,推进农业节水增效、工业节水减排和城镇节水降损,开展中水回用和循环用水技术改造,加强再生水、矿井水等非常规水综合利用,推动水权置换,缓解区域性缺水压力。';
    const invented = {
      term: '四水四定',
      kind: 'slogan' as const,
      definition: { article: 20, quote, items: ['以水定城', '以水定地', '以水定人', '以水定产'] },
    };
    expect(() => composeGlossary(document, 'a'.repeat(64), [invented])).toThrow(
      /does not contain the item 以水定城/,
    );
    const paraphrased = {
      ...invented,
      definition: {
        article: 20,
        quote: '“四水四定”即以水定城、以水定地、以水定人、以水定产。',
        items: ['以水定城', '以水定地'],
      },
    };
    expect(() => composeGlossary(document, 'a'.repeat(64), [paraphrased])).toThrow(
      /not verbatim in article 20/,
    );
  });

  it('offers the sentence of article 7 as a candidate for 五区一河 and skips terms that are only items of a list', () => {
    const glossary = composeGlossary(document, 'a'.repeat(64), loadGlossaryTerms());
    const occurrencesOf = (term: string) =>
      glossary.terms.find((entry) => entry.term === term)!.occurrences;
    const candidates = spelledOutCandidates('五区一河', occurrencesOf('五区一河'));
    expect(
      candidates.some(
        (candidate) =>
          candidate.article === 7 && candidate.enumeration.includes('精品城区、生态矿区'),
      ),
    ).toBe(true);
    expect(spelledOutCandidates('两个屏障', occurrencesOf('两个屏障'))).toEqual([]);
    const twoClusters = spelledOutCandidates('两个产业集群', occurrencesOf('两个产业集群'));
    expect(twoClusters).toEqual([
      expect.objectContaining({ article: 11, position: 'before', openEnded: false }),
    ]);
  });
});
