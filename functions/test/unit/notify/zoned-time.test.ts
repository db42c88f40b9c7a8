/** Timezone day math with Intl only: offsets, local days, local time → instant across DST gaps and overlaps. */
import assert from 'node:assert/strict';
import {
  addDays,
  daysBetween,
  formatTimeOfDay,
  localDay,
  localMinuteOfDay,
  localParts,
  offsetAt,
  parseTimeOfDay,
  startOfLocalDay,
  weekday,
  zonedTimeToInstant,
} from '../../../src/notify/zoned-time';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();

describe('zoned time: offsets and local parts', () => {
  it('Asia/Kolkata is +05:30 all year', () => {
    assert.equal(offsetAt(at('2025-01-15T00:00:00Z'), 'Asia/Kolkata'), 5.5 * 3600_000);
    assert.equal(offsetAt(at('2025-07-15T00:00:00Z'), 'Asia/Kolkata'), 5.5 * 3600_000);
  });

  it('Asia/Kathmandu is +05:45', () => {
    assert.equal(offsetAt(at('2025-06-01T12:00:00Z'), 'Asia/Kathmandu'), (5 * 60 + 45) * 60_000);
    assert.deepEqual(localParts(at('2025-06-01T18:15:00Z'), 'Asia/Kathmandu'), { year: 2025, month: 6, day: 2, hour: 0, minute: 0, second: 0 });
  });

  it('America/New_York changes offset at the DST transitions', () => {
    assert.equal(offsetAt(at('2025-03-09T06:59:59Z'), 'America/New_York'), -5 * 3600_000);
    assert.equal(offsetAt(at('2025-03-09T07:00:00Z'), 'America/New_York'), -4 * 3600_000);
    assert.equal(offsetAt(at('2025-11-02T05:59:59Z'), 'America/New_York'), -4 * 3600_000);
    assert.equal(offsetAt(at('2025-11-02T06:00:00Z'), 'America/New_York'), -5 * 3600_000);
  });

  it('midnight reads as hour 0, never 24', () => {
    assert.equal(localParts(at('2025-05-05T18:30:00Z'), 'Asia/Kolkata').hour, 0);
    assert.equal(localMinuteOfDay(at('2025-05-05T18:30:00Z'), 'Asia/Kolkata'), 0);
  });

  it('rejects an unknown timezone', () => {
    assert.throws(() => localDay(0, 'Mars/Olympus_Mons'), RangeError);
  });
});

describe('zoned time: local days', () => {
  it('the local day flips at local midnight, not at UTC midnight', () => {
    assert.equal(localDay(at('2025-05-05T18:29:59Z'), 'Asia/Kolkata'), '2025-05-05');
    assert.equal(localDay(at('2025-05-05T18:30:00Z'), 'Asia/Kolkata'), '2025-05-06');
    assert.equal(localDay(at('2025-05-05T18:14:59Z'), 'Asia/Kathmandu'), '2025-05-05');
    assert.equal(localDay(at('2025-05-05T18:15:00Z'), 'Asia/Kathmandu'), '2025-05-06');
    assert.equal(localDay(at('2025-05-06T03:59:59Z'), 'America/New_York'), '2025-05-05');
  });

  it('adds days across month, year and leap-day boundaries', () => {
    assert.equal(addDays('2024-02-28', 1), '2024-02-29');
    assert.equal(addDays('2024-02-29', 1), '2024-03-01');
    assert.equal(addDays('2025-12-31', 1), '2026-01-01');
    assert.equal(addDays('2025-01-01', -1), '2024-12-31');
    assert.equal(addDays('2025-03-01', -7), '2025-02-22');
  });

  it('counts days between and names weekdays', () => {
    assert.equal(daysBetween('2025-02-27', '2025-03-02'), 3);
    assert.equal(daysBetween('2025-03-02', '2025-02-27'), -3);
    assert.equal(weekday('2025-06-01'), 0);
    assert.equal(weekday('2025-06-07'), 6);
  });

  it('parses and formats HH:mm', () => {
    assert.equal(parseTimeOfDay('00:00'), 0);
    assert.equal(parseTimeOfDay('23:59'), 1439);
    assert.equal(formatTimeOfDay(20 * 60 + 5), '20:05');
    assert.throws(() => parseTimeOfDay('24:00'), RangeError);
    assert.throws(() => parseTimeOfDay('7:00'), RangeError);
    assert.throws(() => addDays('2025-1-1', 1), RangeError);
  });
});

describe('zoned time: local date and time → instant', () => {
  it('Asia/Kolkata and Asia/Kathmandu', () => {
    assert.equal(iso(zonedTimeToInstant('2025-05-05', parseTimeOfDay('20:00'), 'Asia/Kolkata')), '2025-05-05T14:30:00.000Z');
    assert.equal(iso(zonedTimeToInstant('2025-05-05', parseTimeOfDay('20:00'), 'Asia/Kathmandu')), '2025-05-05T14:15:00.000Z');
    assert.equal(iso(startOfLocalDay('2025-05-06', 'Asia/Kathmandu')), '2025-05-05T18:15:00.000Z');
  });

  it('a time in the spring-forward gap moves forward by the gap (02:30 → 03:30 EDT)', () => {
    const t = zonedTimeToInstant('2025-03-09', parseTimeOfDay('02:30'), 'America/New_York');
    assert.equal(iso(t), '2025-03-09T07:30:00.000Z');
    assert.equal(localMinuteOfDay(t, 'America/New_York'), parseTimeOfDay('03:30'));
  });

  it('a time that happens twice on the fall-back night takes the first (01:30 EDT)', () => {
    assert.equal(iso(zonedTimeToInstant('2025-11-02', parseTimeOfDay('01:30'), 'America/New_York')), '2025-11-02T05:30:00.000Z');
    assert.equal(iso(zonedTimeToInstant('2025-10-26', parseTimeOfDay('01:30'), 'Europe/London')), '2025-10-26T00:30:00.000Z');
  });

  it('times on either side of a transition keep their own offset', () => {
    assert.equal(iso(zonedTimeToInstant('2025-03-09', parseTimeOfDay('01:59'), 'America/New_York')), '2025-03-09T06:59:00.000Z');
    assert.equal(iso(zonedTimeToInstant('2025-03-09', parseTimeOfDay('20:00'), 'America/New_York')), '2025-03-10T00:00:00.000Z');
    assert.equal(iso(zonedTimeToInstant('2025-03-08', parseTimeOfDay('20:00'), 'America/New_York')), '2025-03-09T01:00:00.000Z');
  });

  it('a half-hour DST shift (Australia/Lord_Howe)', () => {
    // Clocks go from 02:00 +10:30 to 02:30 +11:00 on 2025-10-05.
    const t = zonedTimeToInstant('2025-10-05', parseTimeOfDay('02:15'), 'Australia/Lord_Howe');
    assert.equal(localMinuteOfDay(t, 'Australia/Lord_Howe'), parseTimeOfDay('02:45'));
  });

  it('a day whose midnight does not exist starts at the first instant that does (Sao Paulo 2018-11-04)', () => {
    const t = startOfLocalDay('2018-11-04', 'America/Sao_Paulo');
    assert.equal(iso(t), '2018-11-04T03:00:00.000Z');
    assert.equal(localDay(t, 'America/Sao_Paulo'), '2018-11-04');
    assert.equal(localDay(t - 1, 'America/Sao_Paulo'), '2018-11-03');
  });

  it('round-trips every quarter hour of a DST-change day in Europe/London', () => {
    for (let m = 0; m < 1440; m += 15) {
      const t = zonedTimeToInstant('2025-10-26', m, 'Europe/London');
      assert.equal(localDay(t, 'Europe/London'), '2025-10-26');
      assert.equal(localMinuteOfDay(t, 'Europe/London'), m, `minute ${m}`);
    }
  });
});
