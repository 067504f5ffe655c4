import { describe, expect, it } from 'vitest';
import { articleByNumber } from '../../core/plan-lookup.ts';
import { splitSentences } from '../../core/split-sentences.ts';
import { segmentUnits } from '../../ingest/tokenizer.ts';
import { informativeWords, relatesBeyondOneWord } from '../../server/retrieval/subject-support.ts';
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
