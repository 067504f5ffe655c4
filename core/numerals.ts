/** Numerals as Chinese policy documents and their readers write them: 12, １２, 十二, 一百零五. */

const DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** Characters a Chinese numeral is written with, for building patterns. */
export const CHINESE_NUMERAL_CHARS = '〇零一二两三四五六七八九十百';

/** Only well-formed numerals: 十四五 or 一二三 are words, not numbers. */
const WELL_FORMED =
  /^(?:[一二两三四五六七八九]?百(?:零?[一二三四五六七八九])?|[一二两三四五六七八九]?百?[一二三四五六七八九]?十[一二三四五六七八九]?|[〇零一二两三四五六七八九])$/;

/** Parses 1..999 written in Arabic digits (half or full width) or Chinese numerals; null when it is neither. */
export function parseNumeral(raw: string): number | null {
  const text = raw.normalize('NFKC').trim();
  if (/^\d+$/.test(text)) return Number(text);
  if (!WELL_FORMED.test(text)) return null;
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

/** 12 → 十二, for answers and labels (0..99; larger values stay in digits). */
export function toChineseNumeral(value: number): string {
  const names = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  if (!Number.isInteger(value) || value < 0 || value > 99) return String(value);
  if (value < 10) return names[value] ?? String(value);
  const tens = Math.floor(value / 10);
  const ones = value % 10;
  return `${tens === 1 ? '' : names[tens]}十${ones === 0 ? '' : names[ones]}`;
}

/** Digits as years are written in Chinese, one character per digit: 二〇三五, 二零二五. */
const YEAR_DIGITS = '〇零一二三四五六七八九';
/** A year of 1900..2099 written digit by digit, not part of a longer numeral (十五五, 一二三四五). */
const CHINESE_YEAR = new RegExp(
  `(?<![${CHINESE_NUMERAL_CHARS}])(?:一九|二[〇零])[${YEAR_DIGITS}]{2}(?![${CHINESE_NUMERAL_CHARS}])`,
  'g',
);

/** A year in Arabic digits (half or full width) or digit by digit in Chinese (二〇三五 → 2035); null otherwise. */
export function parseYear(raw: string): number | null {
  const text = raw.normalize('NFKC').trim();
  if (/^\d{4}$/.test(text)) return Number(text);
  if (!new RegExp(`^[${YEAR_DIGITS}]{4}$`).test(text)) return null;
  return Number([...text].map((char) => DIGITS[char] ?? 0).join(''));
}

/**
 * Writes every Chinese year of a text in Arabic digits (到二〇三五年 → 到2035年), so that 2035 and 二〇三五 read alike.
 * Only years of 1900..2099 standing alone are rewritten; counts and ordinals (十五五, 三十六) are left as they are.
 */
export function normalizeYears(text: string): string {
  return text.replace(CHINESE_YEAR, (year) => String(parseYear(year) ?? year));
}
