import { describe, expect, it } from 'vitest';
import { articleLabel, chineseInteger, itemLabel, paragraphLabel } from './chineseNumbers';

describe('Chinese numerals for article and item numbers', () => {
  it.each([
    [0, '零'],
    [1, '一'],
    [9, '九'],
    [10, '十'],
    [11, '十一'],
    [20, '二十'],
    [29, '二十九'],
    [56, '五十六'],
    [100, '一百'],
    [101, '一百零一'],
    [103, '一百零三'],
    [110, '一百一十'],
    [1005, '一千零五'],
    [1010, '一千零一十'],
    [10_000, '一万'],
    [100_500, '十万零五百'],
    [124_200, '十二万四千二百'],
  ])('%i → %s', (n, text) => expect(chineseInteger(n)).toBe(text));

  it('labels', () => {
    expect(articleLabel(29)).toBe('第二十九条');
    expect(articleLabel(103)).toBe('第一百零三条');
    expect(paragraphLabel(1)).toBe('第一款');
    expect(itemLabel(9)).toBe('（九）');
    expect(itemLabel(10)).toBe('（十）');
  });

  it('refuses what is not a whole number in range', () => {
    expect(() => chineseInteger(-1)).toThrow(RangeError);
    expect(() => chineseInteger(2.5)).toThrow(RangeError);
  });
});
