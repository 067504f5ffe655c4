import { describe, expect, it } from 'vitest';
import { articleByNumber } from '../../core/plan-lookup.ts';
import { splitSentences } from '../../core/split-sentences.ts';
import { segmentUnits } from '../../ingest/tokenizer.ts';
import {
  informativeWords,
  relatesBeyondOneWord,
  subjectSupport,
} from '../../server/retrieval/subject-support.ts';
import { planLexicon, realPlan, realPolicy, retrievalFor } from '../helpers/unit-plan.ts';

const { subjectSpecificIdf } = realPolicy().answerability;
const lexicon = planLexicon();

const wordsOf = (question: string) =>
  informativeWords(retrievalFor(question, []).queryTerms, lexicon);

/** The sentence of an article that holds a phrase, as a related quote would offer it. */
function sentenceWith(article: number, phrase: string): string {
  const text = articleByNumber(realPlan(), article)!.text;
  return splitSentences(text).find((sentence) => sentence.text.includes(phrase))!.text;
}

describe('informativeWords', () => {
  it('leaves out words found all over the plan and single characters', () => {
    const words = [...wordsOf('乌海发展骨科吗').keys()];
    expect(words).toContain('骨科');
    expect(words).not.toContain('发展');
    expect(words.every((word) => word.length >= 2)).toBe(true);
  });
});

describe('relatesBeyondOneWord', () => {
  it('does not relate a sentence that shares only a generic word (市委 with 现任市委书记是谁)', () => {
    const sentence = sentenceWith(1, '市委团结带领全市各族人民');
    expect(
      relatesBeyondOneWord(segmentUnits(sentence), wordsOf('现任市委书记是谁'), subjectSpecificIdf),
    ).toBe(false);
  });

  it('relates a sentence holding a specific word of the question, also inside the plan’s phrase (土地承包)', () => {
    const sentence = sentenceWith(24, '土地承包');
    const words = wordsOf('农村土地承包经营权证丢了，去哪补办');
    expect(relatesBeyondOneWord(segmentUnits(sentence), words, subjectSpecificIdf)).toBe(true);
  });

  it('relates a sentence sharing two informative words even when neither is specific', () => {
    const words = new Map([
      ['市委', subjectSpecificIdf - 1],
      ['全会', subjectSpecificIdf - 2],
    ]);
    expect(relatesBeyondOneWord(new Set(['市委', '全会', '精神']), words, subjectSpecificIdf)).toBe(
      true,
    );
    expect(relatesBeyondOneWord(new Set(['市委', '精神']), words, subjectSpecificIdf)).toBe(false);
  });
});

describe('subjectSupport', () => {
  const supportOf = (question: string) => {
    const retrieval = retrievalFor(question, []);
    return subjectSupport(
      retrieval.queryTerms,
      retrieval.analyzed.expanded.alternatives,
      lexicon,
      subjectSpecificIdf,
    );
  };

  it('finds the subject unsupported when its specific words are absent from the plan', () => {
    const support = supportOf('膝盖半月板损伤要不要手术');
    expect(support.unsupported).toEqual(expect.arrayContaining(['膝盖', '半月板']));
    expect(support.unsupportedShare).toBe(1);
  });

  it('counts an everyday word the term map carries into the plan’s wording as support (暖气)', () => {
    expect(supportOf('以后城里能都用上干净的暖气吗').unsupported).not.toContain('暖气');
  });

  it('counts the plan’s own terms as support even where general language does not know them (碳达峰)', () => {
    expect(supportOf('碳达峰可以往后拖一拖吗').unsupportedShare).toBeLessThan(0.5);
  });
});
