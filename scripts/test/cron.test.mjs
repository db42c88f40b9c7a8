// Tests for scripts/lib/cron.mjs: parsing of every schedule form the local scheduler accepts, and the next
// firing instant in UTC and in zones with DST and with :30 / :45 offsets.
import assert from 'node:assert/strict';
import { ScheduleError, nextRun, parseField, parseSchedule, zonedParts } from '../lib/cron.mjs';

const at = (iso) => Date.parse(iso);
const iso = (ms) => new Date(ms).toISOString();
function runs(schedule, fromIso, count, timeZone = 'UTC') {
  const parsed = parseSchedule(schedule);
  const out = [];
  let t = at(fromIso);
  for (let i = 0; i < count; i++) {
    t = nextRun(parsed, t, { timeZone, anchorMs: at(fromIso) });
    out.push(iso(t));
  }
  return out;
}

describe('cron parsing', () => {
  it('expands lists, ranges, steps and names', () => {
    assert.deepEqual(parseField('1,5,10-12', 0), [1, 5, 10, 11, 12]);
    assert.deepEqual(parseField('*/20', 0), [0, 20, 40]);
    assert.deepEqual(parseField('10-30/10', 0), [10, 20, 30]);
    assert.deepEqual(parseField('50/5', 0), [50, 55]);
    assert.deepEqual(parseField('jan,Mar-MAY', 3), [1, 3, 4, 5]);
    assert.deepEqual(parseField('MON-FRI', 4), [1, 2, 3, 4, 5]);
    assert.deepEqual(parseField('*', 4), [0, 1, 2, 3, 4, 5, 6]);
  });

  it('reads day-of-week 7 as Sunday', () => {
    assert.deepEqual(parseField('5-7', 4), [0, 5, 6]);
  });

  it('rejects malformed schedules with a readable reason', () => {
    const cases = [
      ['* * * *', /5 fields/],
      ['60 * * * *', /minute: 60 is outside 0-59/],
      ['* 24 * * *', /hour: 24/],
      ['* * 0 * *', /day-of-month: 0/],
      ['*/0 * * * *', /step "0"/],
      ['5-1 * * * *', /runs backwards/],
      ['* * * FOO *', /month: "FOO" is not a number or a name/],
      ['1,,2 * * * *', /empty list item/],
      ['every 0 minutes', /unsupported interval/],
      ['every 5 fortnights', /unsupported interval/],
      ['every someday 10:00', /not a day of the week/],
      ['every day 25:00', /not a time of day/],
      ['', /empty/],
    ];
    for (const [text, reason] of cases) {
      assert.throws(() => parseSchedule(text), (e) => e instanceof ScheduleError && reason.test(e.message), text);
    }
  });

  it("parses every schedule the functions codebase declares", () => {
    for (const text of ['*/15 * * * *', '0 * * * *', 'every 10 minutes', 'every 1 minutes']) {
      assert.doesNotThrow(() => parseSchedule(text), text);
    }
  });
});

describe('next run', () => {
  it('*/15 in UTC fires on the quarter hours, strictly after the given instant', () => {
    assert.deepEqual(runs('*/15 * * * *', '2026-11-22T01:07:30Z', 3), [
      '2026-11-22T01:15:00.000Z',
      '2026-11-22T01:30:00.000Z',
      '2026-11-22T01:45:00.000Z',
    ]);
    assert.deepEqual(runs('*/15 * * * *', '2026-11-22T01:15:00Z', 1), ['2026-11-22T01:30:00.000Z']);
  });

  it('hourly crosses midnight, month and year ends', () => {
    assert.deepEqual(runs('0 * * * *', '2026-12-31T23:00:00Z', 2), ['2027-01-01T00:00:00.000Z', '2027-01-01T01:00:00.000Z']);
  });

  it('evaluates wall-clock time in the schedule time zone (Asia/Kolkata +5:30, weekdays only)', () => {
    // 2026-11-22 is a Sunday: the next weekday 09:00 IST is Monday 03:30 UTC.
    assert.deepEqual(runs('0 9 * * 1-5', '2026-11-22T01:00:00Z', 2, 'Asia/Kolkata'), ['2026-11-23T03:30:00.000Z', '2026-11-24T03:30:00.000Z']);
  });

  it('handles a +5:45 zone (Asia/Kathmandu)', () => {
    assert.deepEqual(runs('0 6 * * *', '2026-11-22T00:00:00Z', 1, 'Asia/Kathmandu'), ['2026-11-22T00:15:00.000Z']);
    assert.deepEqual(runs('30 * * * *', '2026-11-22T00:00:00Z', 2, 'Asia/Kathmandu'), ['2026-11-22T00:45:00.000Z', '2026-11-22T01:45:00.000Z']);
  });

  it('follows daylight saving changes (America/New_York)', () => {
    assert.deepEqual(runs('0 9 * * *', '2026-10-30T00:00:00Z', 4, 'America/New_York'), [
      '2026-10-30T13:00:00.000Z',
      '2026-10-31T13:00:00.000Z',
      '2026-11-01T14:00:00.000Z',
      '2026-11-02T14:00:00.000Z',
    ]);
  });

  it('ORs day-of-month and day-of-week when both are restricted, ANDs when one starts with *', () => {
    // 1st of the month or any Monday: Sun 2026-11-22 → Mon 23, Mon 30, Tue Dec 1, Mon Dec 7.
    assert.deepEqual(runs('0 0 1 * MON', '2026-11-22T00:00:00Z', 4), [
      '2026-11-23T00:00:00.000Z',
      '2026-11-30T00:00:00.000Z',
      '2026-12-01T00:00:00.000Z',
      '2026-12-07T00:00:00.000Z',
    ]);
    // `*/10` in day-of-month with `*` day-of-week: days 1, 11, 21, 31 only.
    assert.deepEqual(runs('0 0 */10 * *', '2026-11-22T00:00:00Z', 3), [
      '2026-12-01T00:00:00.000Z',
      '2026-12-11T00:00:00.000Z',
      '2026-12-21T00:00:00.000Z',
    ]);
  });

  it('finds the next 29 February and gives up on a date that never exists', () => {
    assert.deepEqual(runs('0 0 29 2 *', '2026-11-22T00:00:00Z', 1), ['2028-02-29T00:00:00.000Z']);
    assert.equal(nextRun(parseSchedule('0 0 31 2 *'), at('2026-11-22T00:00:00Z')), undefined);
  });

  it('App Engine forms: every N minutes from the anchor, synchronized from midnight, daily and weekly', () => {
    assert.deepEqual(runs('every 10 minutes', '2026-11-22T01:07:30Z', 2), ['2026-11-22T01:17:30.000Z', '2026-11-22T01:27:30.000Z']);
    assert.deepEqual(runs('every 2 hours synchronized', '2026-11-22T01:07:30Z', 2), ['2026-11-22T02:00:00.000Z', '2026-11-22T04:00:00.000Z']);
    assert.deepEqual(runs('every day 07:30', '2026-11-22T00:00:00Z', 1, 'Asia/Kolkata'), ['2026-11-22T02:00:00.000Z']);
    assert.deepEqual(runs('every monday,friday 09:00', '2026-11-22T00:00:00Z', 2), ['2026-11-23T09:00:00.000Z', '2026-11-27T09:00:00.000Z']);
  });

  it('an interval later than the anchor still steps from the anchor', () => {
    const every = parseSchedule('every 10 minutes');
    assert.equal(iso(nextRun(every, at('2026-11-22T01:30:00Z'), { anchorMs: at('2026-11-22T01:07:30Z') })), '2026-11-22T01:37:30.000Z');
  });

  it('zonedParts reports wall-clock fields and rejects unknown zones', () => {
    assert.deepEqual(zonedParts(at('2026-11-22T20:00:00Z'), 'Asia/Kolkata'), { year: 2026, month: 11, day: 23, hour: 1, minute: 30, weekday: 1 });
    assert.throws(() => zonedParts(0, 'Mars/Olympus'), ScheduleError);
  });
});
