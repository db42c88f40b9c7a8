/**
 * When each org is rolled up (schedule.ts): one :05 UTC tick inside local 02:xx for every offset, the tick
 * after a skipped 02:xx on a spring-forward night, the previous local day, and local-day windows.
 */
import assert from 'node:assert/strict';
import { dayWindow, daysFrom, dueDay, dueRollups } from '../../../src/analytics/schedule';

const HOUR = 3_600_000;
/** Every :05 tick of the UTC day `day` and the next. */
const ticks = (day: string) => Array.from({ length: 48 }, (_, h) => Date.parse(`${day}T00:05:00Z`) + h * HOUR);

describe('analytics schedule', () => {
  for (const [tz, expectedUtc] of [
    ['Asia/Kolkata', '2025-05-04T21:05:00.000Z'],
    ['Asia/Kathmandu', '2025-05-04T21:05:00.000Z'],
    ['UTC', '2025-05-05T02:05:00.000Z'],
    ['America/New_York', '2025-05-05T06:05:00.000Z'],
  ] as const) {
    it(`${tz}: exactly one tick a day is due, at local 02:xx, for the previous local day`, () => {
      const due = ticks('2025-05-04').filter((t) => dueDay(t, tz) === '2025-05-04');
      assert.deepEqual(due.map((t) => new Date(t).toISOString()), [expectedUtc]);
    });
  }

  it('runs the tick after the gap when 02:xx does not exist (spring forward), once', () => {
    // Europe/Berlin 2025-03-30: 02:00 → 03:00. Ticks at 00:05Z (01:05 CET) and 01:05Z (03:05 CEST).
    const due = ticks('2025-03-29').filter((t) => dueDay(t, 'Europe/Berlin') === '2025-03-29');
    assert.deepEqual(due.map((t) => new Date(t).toISOString()), ['2025-03-30T01:05:00.000Z']);
  });

  it('runs twice when 02:xx happens twice (fall back at 03:00); the rollup is idempotent', () => {
    const due = ticks('2025-10-25').filter((t) => dueDay(t, 'Europe/Berlin') === '2025-10-25');
    assert.deepEqual(due.map((t) => new Date(t).toISOString()), ['2025-10-26T00:05:00.000Z', '2025-10-26T01:05:00.000Z']);
  });

  it('lists only the orgs due at a tick', () => {
    const at = Date.parse('2025-05-04T21:05:00Z');
    const due = dueRollups(at, [
      { orgId: 'in', timeZone: 'Asia/Kolkata' },
      { orgId: 'utc', timeZone: 'UTC' },
    ]);
    assert.deepEqual(due, [{ orgId: 'in', timeZone: 'Asia/Kolkata', day: '2025-05-04' }]);
  });

  it('windows a local day from midnight to midnight (23 hours on a spring-forward day)', () => {
    assert.deepEqual(dayWindow('2025-05-04', 'Asia/Kolkata'), { from: Date.parse('2025-05-03T18:30:00Z'), to: Date.parse('2025-05-04T18:30:00Z') });
    const dst = dayWindow('2025-03-30', 'Europe/Berlin');
    assert.equal(dst.to - dst.from, 23 * HOUR);
  });

  it('lists the days of a range, both ends included', () => {
    assert.deepEqual(daysFrom('2025-02-27', '2025-03-02'), ['2025-02-27', '2025-02-28', '2025-03-01', '2025-03-02']);
    assert.deepEqual(daysFrom('2025-03-02', '2025-03-01'), []);
  });
});
