import { createHash } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../ingest/project-paths.ts';
import { loadDataset } from '../../evals/dataset.ts';
import { halfOf } from '../../evals/split.ts';

describe('the dev/test split', () => {
  it('follows the first byte of SHA-256 of the id: even → dev, odd → test', () => {
    // sha256('staff-001') = 22…, sha256('staff-002') = 9a…: both even.
    expect(halfOf('staff-001')).toBe('dev');
    expect(halfOf('staff-002')).toBe('dev');
    for (const id of ['staff-003', 'citizen-010', 'structure-001', 'followup-019', '问题']) {
      const firstByte = createHash('sha256').update(id, 'utf8').digest()[0]!;
      expect(halfOf(id), id).toBe(firstByte % 2 === 0 ? 'dev' : 'test');
    }
  });

  it('depends on the id alone, so adding or reordering items never moves one', () => {
    const ids = Array.from({ length: 200 }, (_, index) => `item-${index}`);
    const before = new Map(ids.map((id) => [id, halfOf(id)]));
    const grown = ['new-1', ...ids.slice().reverse(), 'new-2'];
    for (const id of grown) if (before.has(id)) expect(halfOf(id), id).toBe(before.get(id));
  });

  it('puts a fair share of the dataset, and of each larger category, in each half', () => {
    const items = loadDataset(path.join(PROJECT_ROOT, 'evals', 'datasets', 'questions.jsonl'));
    const test = items.filter((item) => halfOf(item.id) === 'test').length;
    expect(test / items.length).toBeGreaterThan(0.35);
    expect(test / items.length).toBeLessThan(0.65);
    const categories = new Set(items.map((item) => item.category));
    for (const category of categories) {
      const subset = items.filter((item) => item.category === category);
      if (subset.length < 20) continue;
      const inTest = subset.filter((item) => halfOf(item.id) === 'test').length;
      expect(inTest, category).toBeGreaterThan(0);
      expect(inTest, category).toBeLessThan(subset.length);
    }
  });
});
