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
