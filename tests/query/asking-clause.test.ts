import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../server/query/analyze-question.ts';
import { askingClause, isSceneWord } from '../../server/query/asking-clause.ts';
import { realPlan, realPolicy } from '../helpers/unit-plan.ts';

const policy = realPolicy();
const cues = policy.rules.questionTypes.map((entry) => entry.question);

describe('askingClause: the clause that asks, apart from the scene around it', () => {
  it('is the clause with the question cue when it names a subject of its own', () => {
    expect(askingClause('老人走了办后事，殡仪馆乱收费的事有人管吗', cues, ['殡仪馆', '老人'])).toBe(
      '殡仪馆乱收费的事有人管吗',
    );
  });

  it('is none when the asking clause names no subject: the scene holds it (航班 … 会改善吗)', () => {
    expect(askingClause('飞乌海的航班太少了，票也不好买，会改善吗', cues, ['航班'])).toBeNull();
  });

  it('is none for a one-clause question, and when every clause asks', () => {
    expect(askingClause('殡仪馆乱收费有人管吗', cues, ['殡仪馆'])).toBeNull();
    expect(askingClause('供暖怎么办，暖气会不会涨价', cues, ['供暖', '暖气'])).toBeNull();
  });

  it('a word is the scene’s only when the asking clause does not hold it', () => {
    expect(isSceneWord('老人', '殡仪馆乱收费的事有人管吗')).toBe(true);
    expect(isSceneWord('殡仪馆', '殡仪馆乱收费的事有人管吗')).toBe(false);
    expect(isSceneWord('老人', null)).toBe(false);
  });
});

describe('analyzeText marks the scene’s words', () => {
  it('the scene’s own and stand-in words are marked, the asking clause’s are not', () => {
    const { queryTerms } = analyzeText(
      '老人走了办后事，殡仪馆乱收费的事有人管吗',
      realPlan(),
      policy,
    );
    const term = (token: string) => queryTerms.find((candidate) => candidate.token === token);
    expect(term('老人')?.scene).toBe(true);
    expect(term('养老')?.scene).toBe(true);
    expect(term('殡仪馆')?.scene).toBeUndefined();
    expect(term('殡葬服务')?.scene).toBeUndefined();
  });

  it('a question without a scene marks nothing', () => {
    const { queryTerms } = analyzeText('殡仪馆乱收费的事有人管吗', realPlan(), policy);
    expect(queryTerms.some((term) => term.scene)).toBe(false);
  });
});
