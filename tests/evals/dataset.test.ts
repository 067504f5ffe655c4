import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizeLoose } from '../../core/normalize-text.ts';
import { articleByNumber } from '../../core/plan-lookup.ts';
import { parsePlan } from '../../ingest/parse-plan.ts';
import { DEFAULT_SOURCE_FILE, PROJECT_ROOT } from '../../ingest/project-paths.ts';
import { CATEGORIES, loadDataset } from '../../evals/dataset.ts';

const doc = parsePlan(readFileSync(DEFAULT_SOURCE_FILE, 'utf8'), 'wuhai');
const items = loadDataset(path.join(PROJECT_ROOT, 'evals', 'datasets', 'questions.jsonl'));
const articleText = (number: number) => articleByNumber(doc, number)?.text ?? '';

describe('the evaluation dataset', () => {
  it('has at least 150 items covering every category', () => {
    expect(items.length).toBeGreaterThanOrEqual(150);
    for (const category of CATEGORIES)
      expect(items.filter((item) => item.category === category).length, category).toBeGreaterThan(
        0,
      );
  });

  it('names only articles that exist, and answerable items have gold articles', () => {
    for (const item of items) {
      for (const number of [...item.gold, ...(item.acceptable ?? [])])
        expect(articleText(number), `${item.id} → ${number}`).not.toBe('');
      if (item.answerable && item.category !== 'adversarial')
        expect(item.gold.length, item.id).toBeGreaterThan(0);
      if (!item.answerable) expect(item.gold, item.id).toEqual([]);
    }
  });

  it('every fact occurs in one of its gold or acceptable articles', () => {
    for (const item of items) {
      for (const fact of item.facts ?? []) {
        const sources = [...item.gold, ...(item.acceptable ?? [])].map(articleText);
        expect(
          sources.some((text) => normalizeLoose(text).includes(normalizeLoose(fact))),
          `${item.id}: ${fact}`,
        ).toBe(true);
      }
    }
  });

  it('follow-up items carry the conversation they follow', () => {
    for (const item of items.filter((candidate) => candidate.category === 'followup'))
      expect(item.history?.length ?? 0, item.id).toBeGreaterThan(0);
  });
});
