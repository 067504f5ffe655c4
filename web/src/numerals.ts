// Chinese numerals for part labels ("第四部分") and for tolerating citation
// markers written as 〔第十二条〕 instead of 〔第12条〕.

const DIGITS = '〇一二三四五六七八九';

/** 1..99 → 一..九十九 (the document has ten parts, so this is plenty). */
export function toChineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99) return String(n);
  if (n < 10) return DIGITS.charAt(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS.charAt(tens)}十${ones === 0 ? '' : DIGITS.charAt(ones)}`;
}

/** Parses Arabic digits or Chinese numerals up to 999; NaN when not a number. */
export function parseNumeral(text: string): number {
  if (/^[0-9]+$/.test(text)) return Number(text);
  let total = 0;
  let current = 0;
  for (const ch of text) {
    const digit = DIGITS.indexOf(ch === '零' ? '〇' : ch);
    if (digit >= 0) current = digit;
    else if (ch === '十') {
      total += (current || 1) * 10;
      current = 0;
    } else if (ch === '百') {
      total += (current || 1) * 100;
      current = 0;
    } else return Number.NaN;
  }
  return total + current;
}
