import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { documentText, normalizedDocumentText } from '../../core/plan-lookup.ts';
import { parsePlan } from '../../ingest/parse-plan.ts';
import { DEFAULT_SOURCE_FILE } from '../../ingest/project-paths.ts';
import { loadAnswerPolicy } from '../../server/policy/load-answer-policy.ts';
import { detectOutOfPlan } from '../../server/query/out-of-plan.ts';
import { unnamedComparison } from '../../server/query/unnamed-comparison.ts';

const doc = parsePlan(readFileSync(DEFAULT_SOURCE_FILE, 'utf8'), 'wuhai');
const text = documentText(doc);
const { outOfPlan } = loadAnswerPolicy();
const compared = (message: string) =>
  unnamedComparison(message, outOfPlan.requests, normalizedDocumentText(doc))?.word;

describe('a comparison with something the plan does not name', () => {
  it.each([
    ['练书法入门先练楷书还是隶书', '楷书'],
    ['冬天用燃气壁挂炉和电暖器哪个更省钱', '壁挂炉'],
    ['再生水能直接喝吗？跟自来水差在哪', '自来水'],
    ['硅碳负极比石墨负极到底好在哪', '石墨'],
    // The thing may stand past a light word (好, 做); 有啥不一样 asks how they differ.
    ['孩子近视了，是配眼镜好还是做角膜塑形好', '配眼镜'],
    ['EOD模式是什么意思？跟PPP有啥不一样', 'ppp'],
  ])('%s is outside the plan (it never says %s)', (message, word) => {
    expect(text).not.toContain(word);
    expect(compared(message)).toBe(word);
  });

  it('two things the plan names are left to retrieval', () => {
    expect(text).toContain('固态电池');
    expect(text).toContain('氢能');
    expect(compared('乌海重点发展固态电池还是氢能')).toBeUndefined();
  });

  it('past a word of content the thing is not looked for (拆了还是留着当文化遗产, 是真的还是我错觉)', () => {
    expect(compared('老矿井会拆了还是留着当文化遗产')).toBeUndefined();
    expect(compared('天比以前蓝了，是真的还是我错觉')).toBeUndefined();
  });

  it('还是 as "still", or beside words that name no thing, is no comparison', () => {
    expect(compared('我还是不明白绿电直连是什么')).toBeUndefined();
    expect(compared('矿区那些废弃的老厂房、老矿井，会拆了还是留着当文化遗产')).toBeUndefined();
  });

  it('和 joins things compared only in a clause that asks which or how they differ', () => {
    expect(compared('壁挂炉和电暖器哪个好')).toBe('壁挂炉');
    expect(compared('壁挂炉和电暖器都不暖和，供暖会改善吗')).toBeUndefined();
  });

  it('a question about what will be done is not refused as a comparison', () => {
    expect(detectOutOfPlan('冬天用燃气壁挂炉和电暖器哪个更省钱', outOfPlan, text, false)).toEqual({
      kind: 'comparison',
      word: '壁挂炉',
      cue: '和',
    });
    expect(detectOutOfPlan('以后供暖是烧煤还是用壁挂炉', outOfPlan, text, false)).toBeNull();
  });
});
