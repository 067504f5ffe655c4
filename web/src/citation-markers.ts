// Splits answer text into plain text and citation markers. The server writes
// 〔第12条〕; we also accept 〔第12条、第13条〕, 〔第12、13条〕 and Chinese numerals,
// because model output drifts. Anything else in 〔〕 stays plain text.
import { parseNumeral } from './numerals';

export type AnswerSegment =
  | { kind: 'text'; text: string }
  | { kind: 'cite'; raw: string; articles: number[] };

const MARKER = /〔([^〔〕]{1,60})〕/g;
// Only article references and list separators may appear inside a marker.
const MARKER_BODY = /^(?:\s|第|条|[0-9〇零一二三四五六七八九十百]|[、,，;；和及与至~～\-–])+$/;
const NUMBER = /[0-9]+|[〇零一二三四五六七八九十百]+/g;

export function parseMarkerBody(body: string): number[] | null {
  if (!body.includes('条') || !MARKER_BODY.test(body)) return null;
  const numbers: number[] = [];
  for (const token of body.match(NUMBER) ?? []) {
    const n = parseNumeral(token);
    if (Number.isInteger(n) && n > 0 && !numbers.includes(n)) numbers.push(n);
  }
  return numbers.length > 0 ? numbers : null;
}

export function parseAnswer(text: string): AnswerSegment[] {
  const segments: AnswerSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(MARKER)) {
    const articles = parseMarkerBody(match[1] ?? '');
    if (!articles) continue;
    const index = match.index ?? 0;
    if (index > last) segments.push({ kind: 'text', text: text.slice(last, index) });
    segments.push({ kind: 'cite', raw: match[0], articles });
    last = index + match[0].length;
  }
  if (last < text.length) segments.push({ kind: 'text', text: text.slice(last) });
  return segments;
}

/**
 * How much of a still-streaming text can be rendered for good: everything
 * before an unclosed 〔 (it might yet become a citation chip) and before
 * trailing line breaks (so a paragraph break is never split across renders).
 */
export function stableLength(text: string): number {
  let end = text.length;
  const open = text.lastIndexOf('〔');
  // A 〔 followed by more than a marker's worth of text is not a marker.
  if (open !== -1 && text.indexOf('〕', open) === -1 && text.length - open <= 61) end = open;
  while (end > 0 && text.charAt(end - 1) === '\n') end--;
  return end;
}
