import { describe, expect, it } from 'vitest';
import { normalizeYears, parseNumeral, parseYear, toChineseNumeral } from '../../core/numerals.ts';

describe('parseNumeral', () => {
  it.each([
    ['一', 1],
    ['九', 9],
    ['二十五', 25],
    ['12', 12],
    ['１２', 12],
    [' 7 ', 7],
    ['十二', 12],
    ['十', 10],
    ['二十', 20],
    ['三十六', 36],
    ['两', 2],
    ['一百零五', 105],
    ['一百', 100],
    ['百', 100],
  ])('reads %s as %i', (raw, value) => {
    expect(parseNumeral(raw)).toBe(value);
  });

  it.each(['十四五', '一二三', '一二三x', '第十二', '12条', '条', '', '〇', '零', '12a', 'abc'])(
    'does not read the word %s as a number',
    (raw) => {
      expect(parseNumeral(raw)).toBeNull();
    },
  );
});

describe('toChineseNumeral', () => {
  it.each([
    [1, '一'],
    [10, '十'],
    [12, '十二'],
    [20, '二十'],
    [36, '三十六'],
  ])('writes %i as %s', (value, text) => {
    expect(toChineseNumeral(value)).toBe(text);
  });

  it('keeps values it cannot write in Chinese as digits', () => {
    expect(toChineseNumeral(100)).toBe('100');
    expect(toChineseNumeral(-1)).toBe('-1');
    expect(toChineseNumeral(1.5)).toBe('1.5');
  });

  it('writes every number from 1 to 99 so that parseNumeral reads it back', () => {
    for (let value = 1; value <= 99; value += 1)
      expect(parseNumeral(toChineseNumeral(value)), String(value)).toBe(value);
  });
});

describe('parseYear and normalizeYears', () => {
  it.each([
    ['2035', 2035],
    ['２０３５', 2035],
    ['二〇三五', 2035],
    ['二零三五', 2035],
    ['二〇二五', 2025],
    ['一九四九', 1949],
  ])('reads the year %s as %i', (raw, value) => {
    expect(parseYear(raw)).toBe(value);
  });

  it.each(['三十六', '十五五', '2035年', '二〇三', '203', 'abcd'])('%s is not a year', (raw) => {
    expect(parseYear(raw)).toBeNull();
  });

  it('writes Chinese years in digits, both spellings alike', () => {
    expect(normalizeYears('到二〇三五年远景目标')).toBe('到2035年远景目标');
    expect(normalizeYears('二零三五年')).toBe(normalizeYears('2035年'));
    expect(normalizeYears('二〇二五年十一月二十五日')).toBe('2025年十一月二十五日');
  });

  it('leaves counts, ordinals and slogans alone', () => {
    expect(normalizeYears('“十五五”时期')).toBe('“十五五”时期');
    expect(normalizeYears('第三十六条')).toBe('第三十六条');
    expect(normalizeYears('一二三四五')).toBe('一二三四五');
    expect(normalizeYears('二〇三五五')).toBe('二〇三五五');
  });
});
