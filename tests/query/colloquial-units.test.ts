import { describe, expect, it } from 'vitest';
import {
  expandColloquial,
  occursAsUnit,
  unitText,
} from '../../server/query/colloquial-expansion.ts';
import { loadAnswerPolicy } from '../../server/policy/load-answer-policy.ts';

const unit = (text: string, phrase: string) => occursAsUnit(unitText(text), phrase);

describe('everyday words are read as the writer wrote them', () => {
  it('a phrase straddling two words is not read (河水 in 黄河|水质)', () => {
    expect(unit('黄河水质怎么样', '河水')).toBe(false);
    expect(unit('河水脏不脏', '河水')).toBe(true);
  });

  it('a phrase inside one word, or on both of its edges, is read', () => {
    expect(unit('暖气费太贵了', '暖气')).toBe(true);
    expect(unit('看病贵怎么办', '看病')).toBe(true);
  });

  it('a phrase in the middle of one word is not read (部队 in 干部|队伍), one starting or ending it is', () => {
    expect(unit('加强干部队伍建设', '部队')).toBe(false);
    expect(unit('我在部队待过', '部队')).toBe(true);
    expect(unit('暖气费太贵了', '暖气费')).toBe(true);
    const { termMap } = loadAnswerPolicy();
    expect(expandColloquial('干部队伍建设有什么要求', termMap).matched).not.toContain('部队');
  });

  it('a Latin phrase must start a word, and a short one end it too (ai is not in Wuhai or again)', () => {
    expect(unit("what's the weather like in wuhai", 'ai')).toBe(false);
    expect(unit('will ai change jobs', 'ai')).toBe(true);
    expect(unit('Solid-state batteries', 'solidstatebatter')).toBe(true);
    expect(unit('solid state batteries', 'solidstatebatter')).toBe(true);
  });

  it('an English phrase of the map is found wherever a word of the question starts it, in any case', () => {
    const termMap = [
      { topic: 't', colloquial: ['e-commerce', 'r&d', 'solid state batter'], policy: ['x'] },
      { topic: 'u', colloquial: ['co2'], policy: ['y'] },
    ].map((entry) => ({ ...entry, policyForMatch: entry.policy, patterns: [] }));
    const matched = (question: string) => expandColloquial(question, termMap).matched;
    expect(matched('Will E-Commerce grow?')).toEqual(['e-commerce']);
    expect(matched('More R&D money?')).toEqual(['r&d']);
    expect(matched('Solid State Batteries and CO2')).toEqual(['solid state batter', 'co2']);
    expect(matched('Was there a recommerce fair?')).toEqual([]);
  });

  it('the expansion of an English question no longer hears “AI” in “Wuhai”', () => {
    const { termMap } = loadAnswerPolicy();
    expect(
      expandColloquial("What's the weather like in Wuhai today?", termMap).matched,
    ).not.toContain('ai');
  });
});
