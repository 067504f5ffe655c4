import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalizeLoose } from '../../core/normalize-text.ts';
import { articleByNumber, partByNumber } from '../../core/plan-lookup.ts';
import { parsePlan } from '../../ingest/parse-plan.ts';
import { DEFAULT_SOURCE_FILE } from '../../ingest/project-paths.ts';
import { answerMarker } from '../../evals/answer-marker.ts';
import { CATEGORIES, DEFAULT_DATASETS, REFUSAL_KINDS, loadDatasets } from '../../evals/dataset.ts';
import { textOutsideArticles } from '../../evals/metrics/answer-quotes.ts';

const source = readFileSync(DEFAULT_SOURCE_FILE, 'utf8');
const doc = parsePlan(source, 'wuhai');
const items = loadDatasets(DEFAULT_DATASETS);
const articleText = (number: number) => articleByNumber(doc, number)?.text ?? '';
const contains = (text: string, fact: string) =>
  normalizeLoose(text).includes(normalizeLoose(fact));

/** The heading and introduction of the part an article belongs to. */
function partTextOf(number: number): string {
  const article = articleByNumber(doc, number);
  const part = article ? partByNumber(doc, article.partNumber) : undefined;
  return part ? `${part.title}\n${part.intro}` : '';
}

/** The document's text outside the numbered articles. */
const outsideArticles = textOutsideArticles(doc);

describe('the evaluation dataset', () => {
  it('has at least 150 items covering every category', () => {
    expect(items.length).toBeGreaterThanOrEqual(150);
    for (const category of CATEGORIES)
      expect(items.filter((item) => item.category === category).length, category).toBeGreaterThan(
        0,
      );
  });

  it('ids follow <category>-NNN (views-NNN, out-of-scope-NNN and the refusal sets’ prefixes as documented)', () => {
    const prefixes: Record<string, string> = {
      out_of_scope: 'out-of-scope',
      near_miss: 'nearmiss\\d?',
      false_premise: 'premise\\d?',
    };
    for (const item of items) {
      const prefix =
        item.category === 'unanswerable'
          ? `refusal\\d?-${item.kind ?? 'none'}`
          : (prefixes[item.category] ?? item.category);
      expect(item.id, item.id).toMatch(new RegExp(`^(${prefix}|views)-\\d{3}$`));
    }
  });

  it('the refusal set has at least 200 unanswerable questions, 25 of every kind, and 60 near-misses', () => {
    const unanswerable = items.filter((item) => item.category === 'unanswerable');
    expect(unanswerable.length).toBeGreaterThanOrEqual(200);
    for (const kind of REFUSAL_KINDS)
      expect(unanswerable.filter((item) => item.kind === kind).length, kind).toBeGreaterThanOrEqual(
        25,
      );
    expect(items.filter((item) => item.category === 'near_miss').length).toBeGreaterThanOrEqual(60);
    for (const item of unanswerable) {
      expect(item.answerable, item.id).toBe(false);
      for (const number of item.related ?? [])
        expect(articleText(number), `${item.id} → ${number}`).not.toBe('');
    }
  });

  it('names only articles that exist, and answerable items have gold articles', () => {
    for (const item of items) {
      for (const number of [...item.gold, ...(item.acceptable ?? [])])
        expect(articleText(number), `${item.id} → ${number}`).not.toBe('');
      // Structure questions answered outside the numbered articles (adoption note, preamble, closing, number of
      // parts) have no gold article; their facts say what a correct answer contains.
      const answeredOutsideArticles =
        item.category === 'structure' && (item.facts?.length ?? 0) > 0;
      if (item.answerable && item.category !== 'adversarial' && !answeredOutsideArticles)
        expect(item.gold.length, item.id).toBeGreaterThan(0);
      if (!item.answerable) expect(item.gold, item.id).toEqual([]);
    }
  });

  it('every fact of every item occurs verbatim in the document (same characters and punctuation)', () => {
    for (const item of items)
      for (const fact of item.facts ?? [])
        expect(source.includes(fact), `${item.id}: ${fact}`).toBe(true);
  });

  it('every fact is where the item says the answer is: its articles (or their part heading), else outside the articles', () => {
    for (const item of items) {
      const articles = [...item.gold, ...(item.acceptable ?? [])];
      for (const fact of item.facts ?? []) {
        const found =
          item.gold.length === 0
            ? contains(outsideArticles, fact) ||
              articles.some((number) => contains(articleText(number), fact))
            : articles.some(
                (number) =>
                  contains(articleText(number), fact) || contains(partTextOf(number), fact),
              );
        expect(found, `${item.id}: ${fact}`).toBe(true);
      }
    }
  });

  it('follow-up items carry the conversation they follow, citing articles with the answer marker', () => {
    const marker = answerMarker();
    for (const item of items.filter((candidate) => candidate.category === 'followup')) {
      expect(item.history?.length ?? 0, item.id).toBeGreaterThan(0);
      const assistant = (item.history ?? []).filter((turn) => turn.role === 'assistant');
      expect(assistant.length, item.id).toBeGreaterThan(0);
      for (const turn of assistant)
        expect(
          marker.findLoose(turn.content).length,
          `${item.id}: ${turn.content}`,
        ).toBeGreaterThan(0);
    }
  });

  it('passages the assistant turns quote before a marker (：“…”〔第N条〕) are verbatim in the document', () => {
    const marker = answerMarker();
    for (const item of items)
      for (const turn of item.history ?? []) {
        if (turn.role !== 'assistant') continue;
        for (const found of marker.findLoose(turn.content)) {
          const before = turn.content.slice(0, found.index);
          const open = before.lastIndexOf('：“');
          if (!before.endsWith('”') || open < 0) continue;
          const quoted = before.slice(open + 2, -1);
          expect(source.includes(quoted), `${item.id}: ${quoted}`).toBe(true);
        }
      }
  });
});
