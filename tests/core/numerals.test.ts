import { describe, expect, it } from 'vitest';
import { parseNumeral, toChineseNumeral } from '../../core/numerals.ts';

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
