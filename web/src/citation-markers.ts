// Splits answer text into plain text and citation markers. The marker's format
// is the core's (core/citation-marker.ts), built from the template in
// data/answer-templates.json that web/build.ts injects: the server writes
// 〔第12条〕, and the loose parser also accepts what models drift into —
// 〔第12条、第13条〕, 〔第12、13条〕, 〔第十二条〕, [第12条], 【第12条】.
// Anything else in brackets stays plain text.
import {
  createCitationMarker,
  DEFAULT_MARKER_TEMPLATE,
  type CitationMarker,
} from '../../core/citation-marker.ts';
import type {} from './build-constants.d.ts';

export type AnswerSegment =
  { kind: 'text'; text: string } | { kind: 'cite'; raw: string; articles: number[] };

/** Brackets a model may open a marker with besides the template's own (the core's findLoose accepts them all). */
const OTHER_OPENERS = '〔[【';
const OTHER_CLOSERS = '〕]】';
/** An opener followed by more than this much text is not a marker in the making. */
const MAX_MARKER_LENGTH = 60;

export interface AnswerParser {
  readonly marker: CitationMarker;
  parseAnswer(text: string): AnswerSegment[];
  stableLength(text: string): number;
}

export function createAnswerParser(template: string = DEFAULT_MARKER_TEMPLATE): AnswerParser {
  const marker = createCitationMarker(template);
  const openers = new Set([template.charAt(0), ...OTHER_OPENERS]);
  const closers = new Set([template.charAt(template.length - 1), ...OTHER_CLOSERS]);

  const parseAnswer = (text: string): AnswerSegment[] => {
    const segments: AnswerSegment[] = [];
    let last = 0;
    for (const found of marker.findLoose(text)) {
      if (found.index > last) segments.push({ kind: 'text', text: text.slice(last, found.index) });
      segments.push({ kind: 'cite', raw: found.raw, articles: found.articles });
      last = found.index + found.raw.length;
    }
    if (last < text.length) segments.push({ kind: 'text', text: text.slice(last) });
    return segments;
  };

  /**
   * How much of a still-streaming text can be rendered for good: everything
   * before an unclosed opening bracket (it might yet become a citation chip)
   * and before trailing line breaks (so a paragraph break is never split
   * across renders). A marker holds no brackets inside, so only the last
   * opener can start one.
   */
  const stableLength = (text: string): number => {
    let end = text.length;
    let open = -1;
    for (let i = text.length - 1; i >= 0 && text.length - i <= MAX_MARKER_LENGTH + 1; i--) {
      const ch = text.charAt(i);
      if (closers.has(ch)) break;
      if (openers.has(ch)) {
        open = i;
        break;
      }
    }
    if (open !== -1) end = open;
    while (end > 0 && text.charAt(end - 1) === '\n') end--;
    return end;
  };

  return { marker, parseAnswer, stableLength };
}

/** The page's parser, for the template the build injected (the core's default outside a bundle, e.g. in unit tests). */
const pageParser = createAnswerParser(
  typeof __CITATION_MARKER_TEMPLATE__ === 'string'
    ? __CITATION_MARKER_TEMPLATE__
    : DEFAULT_MARKER_TEMPLATE,
);

export const parseAnswer = pageParser.parseAnswer;
export const stableLength = pageParser.stableLength;
