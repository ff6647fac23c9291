import { describe, expect, it } from 'vitest';
import { fillCalendarDays } from './calendarDays';

describe('calendar days', () => {
  it('fills the days between with zeros, across month ends', () => {
    const filled = fillCalendarDays(
      [{ date: '2021-04-29', captures: 3 }, { date: '2021-05-02', captures: 1 }],
      (date) => ({ date, captures: 0 }),
    );
    expect(filled).toEqual([
      { date: '2021-04-29', captures: 3 },
      { date: '2021-04-30', captures: 0 },
      { date: '2021-05-01', captures: 0 },
      { date: '2021-05-02', captures: 1 },
    ]);
  });
  it('gives nothing for nothing', () => {
    expect(fillCalendarDays([], (date) => ({ date }))).toEqual([]);
  });
});
