/** Times on the office's clock, whatever the machine's zone: labels and round axis ticks. */
import { describe, expect, it } from 'vitest';
import { zonedDateTime, zonedTicks } from './zonedTime';

const at = (local: string) => Date.parse(`${local}+08:00`);

describe('zoned time', () => {
  it('labels an instant on the case zone\'s wall clock', () => {
    expect(zonedDateTime(at('2021-04-18T09:30:15'), 'Asia/Shanghai')).toBe('2021-04-18 09:30');
    expect(zonedDateTime(at('2021-04-18T09:30:15'), 'Asia/Shanghai', true)).toBe('2021-04-18 09:30:15');
    expect(zonedDateTime(at('2021-04-18T09:30:15'), 'UTC')).toBe('2021-04-18 01:30');
  });

  it('puts ticks on local midnights over weeks, on whole hours over a day, on round minutes within an hour', () => {
    const weeks = zonedTicks(at('2021-04-18T10:01:07'), at('2021-05-27T16:55:22'), 'Asia/Shanghai');
    expect(weeks.length).toBeGreaterThan(3);
    expect(weeks.length).toBeLessThanOrEqual(9);
    expect(weeks.every((t) => zonedDateTime(t, 'Asia/Shanghai').endsWith('00:00'))).toBe(true);
    const day = zonedTicks(at('2021-05-01T08:10:00'), at('2021-05-01T19:40:00'), 'Asia/Shanghai');
    expect(day.map((t) => zonedDateTime(t, 'Asia/Shanghai').slice(11))).toEqual(['10:00', '12:00', '14:00', '16:00', '18:00']);
    const hour = zonedTicks(at('2021-05-01T10:03:00'), at('2021-05-01T10:58:00'), 'Asia/Shanghai');
    expect(hour.map((t) => zonedDateTime(t, 'Asia/Shanghai').slice(11))).toEqual(['10:10', '10:20', '10:30', '10:40', '10:50']);
  });
});
