// The page's reading of answer text: which bracketed pieces become 第N条 chips, and how much of a streaming answer
// may be rendered for good before a marker is complete.
import { describe, expect, it } from 'vitest';
import {
  createAnswerParser,
  parseAnswer,
  stableLength,
  type AnswerSegment,
} from '../../web/src/citation-markers.ts';

const cites = (segments: AnswerSegment[]): number[][] =>
  segments.flatMap((segment) => (segment.kind === 'cite' ? [segment.articles] : []));

/** What the reader sees, with chips written as {12,13}. */
const shown = (segments: AnswerSegment[]): string =>
  segments
    .map((segment) => (segment.kind === 'text' ? segment.text : `{${segment.articles.join(',')}}`))
    .join('');

/** Streams `text` in `step`-sized deltas the way AnswerRenderer does: commit up to stableLength, parse each committed slice. */
function streamed(
  text: string,
  step: number,
  parser = { parseAnswer, stableLength },
): AnswerSegment[] {
  const segments: AnswerSegment[] = [];
  let committed = 0;
  for (let length = step; length < text.length + step; length += step) {
    const sofar = text.slice(0, Math.min(length, text.length));
    const upTo = sofar.length === text.length ? text.length : parser.stableLength(sofar);
    if (upTo > committed) {
      segments.push(...parser.parseAnswer(sofar.slice(committed, upTo)));
      committed = upTo;
    }
  }
  return segments;
}

describe('parseAnswer: citation chips in answers', () => {
  it('turns the canonical marker into a chip and keeps the text around it', () => {
    const segments = parseAnswer('扩大新能源装机规模〔第12条〕。');
    expect(segments).toEqual([
      { kind: 'text', text: '扩大新能源装机规模' },
      { kind: 'cite', raw: '〔第12条〕', articles: [12] },
      { kind: 'text', text: '。' },
    ]);
  });

  it('reads Chinese numerals and full-width digits in a marker', () => {
    expect(cites(parseAnswer('甲〔第十二条〕乙〔第一百零五条〕丙〔第１２条〕'))).toEqual([
      [12],
      [105],
      [12],
    ]);
  });

  it('makes one chip group for each list marker, with every article in it', () => {
    expect(cites(parseAnswer('见〔第12条、第13条〕和〔第12、13条〕及〔第3条，第5条〕。'))).toEqual([
      [12, 13],
      [12, 13],
      [3, 5],
    ]);
  });

  it('accepts the other brackets a model writes', () => {
    expect(shown(parseAnswer('甲[第12条]乙【第13条】丙〔 第 14 条 〕'))).toBe('甲{12}乙{13}丙{14}');
  });

  it('leaves bracketed prose that is not a citation as plain text', () => {
    const text = '【学习要点】〔注〕〔2025年〕[1]〔十四五〕〔第十四五条〕〔第12条款说明〕结束';
    expect(parseAnswer(text)).toEqual([{ kind: 'text', text }]);
  });

  it('loses no text: chips and text together are the whole answer', () => {
    const text = '“十四五”时期〔第1条〕,面对新机遇〔第2、3条〕【说明】。';
    const rebuilt = parseAnswer(text)
      .map((segment) => (segment.kind === 'text' ? segment.text : segment.raw))
      .join('');
    expect(rebuilt).toBe(text);
  });
});

describe('stableLength: streaming answers', () => {
  it('holds back an unclosed marker until it closes', () => {
    expect(stableLength('扩大规模〔第1')).toBe('扩大规模'.length);
    expect(stableLength('扩大规模〔第12条〕')).toBe('扩大规模〔第12条〕'.length);
  });

  it('holds back markers opened with the brackets models use', () => {
    expect(stableLength('扩大规模[第1')).toBe(4);
    expect(stableLength('扩大规模【第')).toBe(4);
    expect(stableLength('〔第1条〕扩大规模【第2条】。')).toBe(
      '〔第1条〕扩大规模【第2条】。'.length,
    );
  });

  it('releases an opening bracket followed by more text than a marker holds', () => {
    const text = `说明〔${'很长的一段补充说明'.repeat(8)}`;
    expect(stableLength(text)).toBe(text.length);
  });

  it('holds back trailing line breaks', () => {
    expect(stableLength('第一段。\n\n')).toBe('第一段。'.length);
  });

  it('renders the same chips when the answer arrives a character at a time as when it arrives whole', () => {
    const text =
      '扩大新能源装机规模〔第12条〕,推动储能〔第十三条〕;另见【第12、14条】与[第15条]。\n\n说明〔注〕完。';
    const whole = parseAnswer(text);
    for (const step of [1, 2, 3]) {
      const parts = streamed(text, step);
      expect(cites(parts)).toEqual(cites(whole));
      expect(shown(parts)).toBe(shown(whole));
    }
  });
});

describe('the marker template drives the parser', () => {
  const parser = createAnswerParser('（见第{article}条）');

  it('parses markers written in the configured template', () => {
    expect(shown(parser.parseAnswer('扩大规模（见第12条）。'))).toBe('扩大规模{12}。');
    expect(shown(parseAnswer('扩大规模（见第12条）。'))).toBe('扩大规模（见第12条）。');
  });

  it('holds back the configured opening bracket while streaming', () => {
    expect(parser.stableLength('扩大规模（见第1')).toBe(4);
    expect(stableLength('扩大规模（见第1')).toBe('扩大规模（见第1'.length);
    const text = '扩大规模（见第12条）,推动储能（见第13条）。';
    expect(cites(streamed(text, 1, parser))).toEqual([[12], [13]]);
  });
});
