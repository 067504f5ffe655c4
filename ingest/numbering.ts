import { parseNumeral } from '../core/numerals.ts';

/** Reads section numbering in the forms Chinese policy documents use: 一、 / 第一部分, (12) / （12） / （十二） / 第十二条. */

const CHINESE_NUMERAL = '[〇零一二两三四五六七八九十百]+';
const ANY_NUMERAL = `(?:\\d+|[０-９]+|${CHINESE_NUMERAL})`;

/** A part heading: 一、标题 or 第一部分 标题. */
const PART_HEADING = new RegExp(
  `^(?:(${CHINESE_NUMERAL})、|第(${ANY_NUMERAL})部分[\\s:：、]*)(.+)$`,
);
/** An article opening: (12)标题。 / （12） / （十二） / 第十二条. */
const ARTICLE_MARKER = new RegExp(
  `^(?:[(（]\\s*(${ANY_NUMERAL})\\s*[)）]|第(${ANY_NUMERAL})条)\\s*`,
);

export interface NumberedLine {
  number: number;
  /** The rest of the line after the marker. */
  rest: string;
}

export function matchPartHeading(line: string): NumberedLine | null {
  const match = PART_HEADING.exec(line);
  if (!match) return null;
  const number = parseNumeral(match[1] ?? match[2] ?? '');
  const rest = (match[3] ?? '').trim();
  return number === null || rest === '' ? null : { number, rest };
}

export function matchArticleMarker(line: string): NumberedLine | null {
  const match = ARTICLE_MARKER.exec(line);
  if (!match) return null;
  const number = parseNumeral(match[1] ?? match[2] ?? '');
  return number === null ? null : { number, rest: line.slice(match[0].length) };
}
