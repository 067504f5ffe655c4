/** Reads section numbering in the forms Chinese policy documents use: 一、 / 第一部分, (12) / （12） / （十二） / 第十二条. */

const DIGITS: Record<string, number> = {
  '〇': 0, '零': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9,
};

/** Parses 1..999 written in Arabic digits (half or full width) or Chinese numerals; null when it is neither. */
export function parseNumeral(raw: string): number | null {
  const text = raw.normalize('NFKC').trim();
  if (/^\d+$/.test(text)) return Number(text);
  // Only well-formed numerals: 十四五 or 一二三 are words, not numbers.
  if (!/^(?:[一二两三四五六七八九]?百(?:零?[一二三四五六七八九])?|[一二两三四五六七八九]?百?[一二三四五六七八九]?十[一二三四五六七八九]?|[〇零一二两三四五六七八九])$/.test(text)) return null;
  let total = 0;
  let current = 0;
  for (const char of text) {
    if (char === '百') {
      total += (current || 1) * 100;
      current = 0;
    } else if (char === '十') {
      total += (current || 1) * 10;
      current = 0;
    } else {
      current = current * 10 + (DIGITS[char] ?? 0);
    }
  }
  const value = total + current;
  return value > 0 ? value : null;
}

const CHINESE_NUMERAL = '[〇零一二两三四五六七八九十百]+';
const ANY_NUMERAL = `(?:\\d+|[０-９]+|${CHINESE_NUMERAL})`;

/** A part heading: 一、标题 or 第一部分 标题. */
const PART_HEADING = new RegExp(`^(?:(${CHINESE_NUMERAL})、|第(${ANY_NUMERAL})部分[\\s:：、]*)(.+)$`);
/** An article opening: (12)标题。 / （12） / （十二） / 第十二条. */
const ARTICLE_MARKER = new RegExp(`^(?:[(（]\\s*(${ANY_NUMERAL})\\s*[)）]|第(${ANY_NUMERAL})条)\\s*`);

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

/** 12 → 十二, for answers and labels (1..99). */
export function toChineseNumeral(value: number): string {
  const names = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  if (value < 10) return names[value] ?? String(value);
  const tens = Math.floor(value / 10);
  const ones = value % 10;
  return `${tens === 1 ? '' : names[tens]}十${ones === 0 ? '' : names[ones]}`;
}
