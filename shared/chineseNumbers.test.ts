import { describe, expect, it } from 'vitest';
import {
  articleLabel,
  chineseInteger,
  groupingProblem,
  itemLabel,
  paragraphLabel,
  parseYuanCapital,
  parseYuanFigures,
  yuanCapital,
  yuanFigures,
  yuanInWan,
} from './chineseNumbers';

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

describe('yuan in capital numerals (banking convention)', () => {
  // Examples from 《正确填写票据和结算凭证的基本规定》 and fines seen in decisions.
  it.each([
    [200_000, '贰拾万元整'],
    [100_000, '壹拾万元整'],
    [500_000, '伍拾万元整'],
    [1_000_000, '壹佰万元整'],
    [50_000_000, '伍仟万元整'],
    [180_000.5, '壹拾捌万元伍角整'],
    [1005, '壹仟零伍元整'],
    [10, '壹拾元整'],
    [15, '壹拾伍元整'],
    [325.04, '叁佰贰拾伍元零肆分'],
    [16_409.02, '壹万陆仟肆佰零玖元零贰分'],
    [1680.32, '壹仟陆佰捌拾元叁角贰分'],
    [107_000.53, '壹拾万柒仟元伍角叁分'],
    [100_500, '壹拾万零伍佰元整'],
    [120_000_000, '壹亿贰仟万元整'],
    [100_000_001, '壹亿零壹元整'],
    [1_000_010_000, '壹拾亿零壹万元整'],
    [0.5, '伍角整'],
    [0.05, '伍分'],
    [0, '零元整'],
  ])('%d → %s, and back', (yuan, text) => {
    expect(yuanCapital(yuan)).toBe(text);
    expect(parseYuanCapital(text)).toBe(yuan);
  });

  it('reads the variants the convention allows, and 人民币, 圆, 正', () => {
    expect(parseYuanCapital('壹仟陆佰捌拾元零叁角贰分')).toBe(1680.32);
    expect(parseYuanCapital('壹拾万零柒仟元伍角叁分')).toBe(107_000.53);
    expect(parseYuanCapital('人民币贰拾万元整')).toBe(200_000);
    expect(parseYuanCapital('贰拾万圆正')).toBe(200_000);
    expect(parseYuanCapital('壹拾捌万元伍角')).toBe(180_000.5);
  });

  it('refuses what is not a capital amount', () => {
    expect(parseYuanCapital('贰拾万')).toBeNull(); // no 元
    expect(parseYuanCapital('二十万元整')).toBeNull(); // small numerals
    expect(parseYuanCapital('贰伍元整')).toBeNull();
    expect(parseYuanCapital('')).toBeNull();
    expect(() => yuanCapital(-1)).toThrow(RangeError);
    expect(() => yuanCapital(0.001)).toThrow(RangeError);
  });
});

describe('yuan in figures', () => {
  it('formats with and without grouping, and in 万元', () => {
    expect(yuanFigures(200_000)).toBe('200000元');
    expect(yuanFigures(200_000, { grouping: true })).toBe('200,000元');
    expect(yuanFigures(1_234_567.5, { grouping: true })).toBe('1,234,567.50元');
    expect(yuanFigures(999, { grouping: true })).toBe('999元');
    expect(yuanFigures(180_000.05)).toBe('180000.05元');
    expect(yuanInWan(200_000)).toBe('20万元');
    expect(yuanInWan(185_000)).toBe('18.5万元');
    expect(yuanInWan(1_000_000)).toBe('100万元');
    expect(yuanInWan(1234.5)).toBe('0.12345万元');
  });

  it('reads figures back', () => {
    expect(parseYuanFigures('200000元')).toBe(200_000);
    expect(parseYuanFigures('200,000元')).toBe(200_000);
    expect(parseYuanFigures('20万元')).toBe(200_000);
    expect(parseYuanFigures('18.5万元')).toBe(185_000);
    expect(parseYuanFigures('¥200,000.00')).toBe(200_000);
    expect(parseYuanFigures('二十万元')).toBeNull();
    expect(parseYuanFigures('２０００００元')).toBe(200_000);
  });

  it('finds wrong grouping', () => {
    expect(groupingProblem('200,000')).toBeNull();
    expect(groupingProblem('1,234,567.50')).toBeNull();
    expect(groupingProblem('200000')).toBeNull();
    expect(groupingProblem('20,0000')).not.toBeNull();
    expect(groupingProblem('2000,00')).not.toBeNull();
    expect(groupingProblem('1,23,456')).not.toBeNull();
  });
});
