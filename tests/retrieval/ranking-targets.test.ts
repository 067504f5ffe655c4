import { describe, expect, it } from 'vitest';
import { chunkPlan } from '../../ingest/chunk-plan.ts';
import { indexTextOf } from '../../ingest/index-text.ts';
import { tokenize } from '../../ingest/tokenizer.ts';
import { RankingTargets } from '../../server/retrieval/ranking-targets.ts';
import { realPlan } from '../helpers/unit-plan.ts';

const chunks = chunkPlan(realPlan()).map((chunk) => ({
  ...chunk,
  tokens: tokenize(indexTextOf(chunk)),
}));
const targets = new RankingTargets(chunks);

describe('RankingTargets: which articles hold a question word', () => {
  it('a compound the plan writes with a qualifier inside it is held there too (食品安全 in 食品药品安全)', () => {
    // Article 31: 提升食品药品安全现代化治理水平. The plan never writes 食品安全 as such.
    expect(targets.splitForms('食品安全').forms).toContain('食品药品安全');
    expect(targets.holdingToken('食品安全')).toContain('a31');
    // 固态电池 as written (articles 3, 11, 15) and as 固态储能电池 (article 16).
    expect([...targets.holdingToken('固态电池')].sort()).toEqual(['a11', 'a15', 'a16', 'a3']);
  });

  it('the parts must stand in one clause, a few characters apart, and the word be a compound', () => {
    // 京蒙 … 合作 across a comma or far apart is not 京蒙合作; a two-character word is never split.
    expect(targets.splitForms('京蒙合作').forms.every((form) => form.length <= 8)).toBe(true);
    expect(targets.splitForms('京蒙合作').forms.every((form) => !/[,，、]/.test(form))).toBe(true);
    expect(targets.splitForms('养老').forms).toEqual([]);
    expect(targets.splitForms('bdo项目').forms).toEqual([]);
  });
});
