import { describe, expect, it } from 'vitest';
import { addWorkingDays, chineseDate, findDateProblems, parseChineseDate, workingDaysBetween } from './chineseDates';

describe('dates in full', () => {
  it('writes Arabic numerals without leading zeros', () => {
    expect(chineseDate('2022-05-27')).toBe('2022年5月27日');
    expect(chineseDate('2021-10-04')).toBe('2021年10月4日');
    expect(chineseDate('2021-11-01T09:30:00+08:00')).toBe('2021年11月1日');
    expect(() => chineseDate('2022-02-30')).toThrow(RangeError);
  });

  it('reads them back', () => {
    expect(parseChineseDate('2022年5月27日')).toBe('2022-05-27');
    expect(parseChineseDate('2022年2月30日')).toBeNull();
    expect(parseChineseDate('二〇二二年五月二十七日')).toBeNull();
  });
});

describe('dates written the wrong way', () => {
  const kinds = (text: string) => findDateProblems(text).map((p) => [p.kind, p.text, p.suggestion]);

  it('finds each wrong form and suggests the full one', () => {
    expect(kinds('禹州市市场监督管理局\n二〇二二年五月二十七日')).toEqual([['chineseNumerals', '二〇二二年五月二十七日', '2022年5月27日']]);
    expect(kinds('二○二一年十月十日')).toEqual([['chineseNumerals', '二○二一年十月十日', '2021年10月10日']]);
    expect(kinds('于2022.5.27送达')).toEqual([['dotted', '2022.5.27', '2022年5月27日']]);
    expect(kinds('于2022/05/27送达')).toEqual([['slashed', '2022/05/27', '2022年5月27日']]);
    expect(kinds('于2022-05-27送达')).toEqual([['dashed', '2022-05-27', '2022年5月27日']]);
    expect(kinds('于22年5月27日送达')).toEqual([['shortYear', '22年5月27日', '2022年5月27日']]);
    expect(kinds('于2022年05月07日送达')).toEqual([['leadingZero', '2022年05月07日', '2022年5月7日']]);
    expect(kinds('于2022年2月30日送达')).toEqual([['noSuchDay', '2022年2月30日', undefined]]);
  });

  it('passes dates in full, and numbers that are not dates', () => {
    expect(findDateProblems('经查，2021年4月18日至2021年10月14日期间，共抓拍124200条，罚款200,000.00元')).toEqual([]);
    expect(findDateProblems('版本1.2.3，编号12/34')).toEqual([]);
    expect(findDateProblems('文件 capture/2021-04-18/cam1.jpg、cam_2021-04-18_0912.jpg、D:\\2022.05.27\\a.jpg')).toEqual([]);
  });

  it('reports several, in text order', () => {
    expect(findDateProblems('2022.5.1与2022/5/2').map((p) => p.index)).toEqual([0, 9]);
  });
});

describe('working days (weekends only unless a calendar is given)', () => {
  it('counts from the next day', () => {
    // 2022-05-27 was a Friday: 5 working days run Mon 5-30 … Fri 6-3.
    expect(addWorkingDays('2022-05-27', 5)).toBe('2022-06-03');
    // From a Monday: Tue…Mon.
    expect(addWorkingDays('2022-05-23', 5)).toBe('2022-05-30');
    // From a Saturday: Mon…Fri.
    expect(addWorkingDays('2022-05-28', 5)).toBe('2022-06-03');
    // 15 working days from Wednesday 2022-06-01: three weeks.
    expect(addWorkingDays('2022-06-01', 15)).toBe('2022-06-22');
    expect(addWorkingDays('2022-06-01', 0)).toBe('2022-06-01');
  });

  it('takes a year’s holidays and 调休 workdays when the caller has them', () => {
    // 端午节 2022: Fri 6-3 off. From Fri 5-27, 5 working days then end on Mon 6-6.
    expect(addWorkingDays('2022-05-27', 5, { holidays: ['2022-06-03'] })).toBe('2022-06-06');
    // A Saturday worked in exchange counts.
    expect(addWorkingDays('2022-05-27', 1, { workdays: ['2022-05-28'] })).toBe('2022-05-28');
  });

  it('counts the working days between two dates', () => {
    expect(workingDaysBetween('2022-05-27', '2022-06-03')).toBe(5);
    expect(workingDaysBetween('2022-05-27', '2022-05-29')).toBe(0);
    expect(workingDaysBetween('2022-06-03', '2022-05-27')).toBe(0);
  });
});
