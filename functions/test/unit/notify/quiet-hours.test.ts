/** Quiet hours: windows within a day and spanning midnight, the end of a quiet period, DST nights. */
import assert from 'node:assert/strict';
import { firstInstantOutsideQuiet, isQuietAt, minuteIsQuiet, minutesUntilQuiet, quietWithin } from '../../../src/notify/quiet-hours';
import { parseTimeOfDay as m } from '../../../src/notify/zoned-time';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();
const night = { start: '22:00', end: '07:00' };
const afternoon = { start: '13:00', end: '15:30' };

describe('quiet hours: minutes of the day', () => {
  it('a window spanning midnight includes its start and excludes its end', () => {
    assert.equal(minuteIsQuiet(m('21:59'), night), false);
    assert.equal(minuteIsQuiet(m('22:00'), night), true);
    assert.equal(minuteIsQuiet(m('23:59'), night), true);
    assert.equal(minuteIsQuiet(m('00:00'), night), true);
    assert.equal(minuteIsQuiet(m('06:59'), night), true);
    assert.equal(minuteIsQuiet(m('07:00'), night), false);
    assert.equal(minuteIsQuiet(m('12:00'), night), false);
  });

  it('a window within one day', () => {
    assert.equal(minuteIsQuiet(m('12:59'), afternoon), false);
    assert.equal(minuteIsQuiet(m('13:00'), afternoon), true);
    assert.equal(minuteIsQuiet(m('15:29'), afternoon), true);
    assert.equal(minuteIsQuiet(m('15:30'), afternoon), false);
    assert.equal(minuteIsQuiet(m('23:00'), afternoon), false);
  });

  it('no window, or an empty one (start = end), is never quiet', () => {
    assert.equal(minuteIsQuiet(m('03:00'), null), false);
    assert.equal(minuteIsQuiet(m('22:00'), { start: '22:00', end: '22:00' }), false);
  });

  it('looks ahead over a span, wrapping past midnight', () => {
    assert.equal(quietWithin(m('21:45'), 15, night), false);
    assert.equal(quietWithin(m('21:46'), 15, night), true);
    assert.equal(quietWithin(m('23:50'), 15, afternoon), false);
    assert.equal(quietWithin(m('23:50'), 15, { start: '00:00', end: '06:00' }), true);
    assert.equal(minutesUntilQuiet(m('21:50'), night), 10);
    assert.equal(minutesUntilQuiet(m('22:30'), night), 1410);
    assert.equal(minutesUntilQuiet(m('22:00'), night), 1440);
    assert.equal(minutesUntilQuiet(m('10:00'), null), null);
  });
});

describe('quiet hours: instants in a timezone', () => {
  it('uses the local time of the person, e.g. +05:45 in Kathmandu', () => {
    // 16:14Z is 21:59 in Kathmandu, 16:15Z is 22:00.
    assert.equal(isQuietAt(at('2025-05-05T16:14:00Z'), 'Asia/Kathmandu', night), false);
    assert.equal(isQuietAt(at('2025-05-05T16:15:00Z'), 'Asia/Kathmandu', night), true);
    assert.equal(isQuietAt(at('2025-05-05T16:15:00Z'), 'Asia/Kolkata', night), false);
  });

  it('an instant outside quiet hours is returned as it is', () => {
    const t = at('2025-05-05T10:00:00Z');
    assert.equal(firstInstantOutsideQuiet(t, 'Asia/Kolkata', night), t);
    assert.equal(firstInstantOutsideQuiet(t, 'Asia/Kolkata', null), t);
  });

  it('before midnight, a spanning window ends the next morning', () => {
    // 23:00 IST on the 5th → 07:00 IST on the 6th.
    assert.equal(iso(firstInstantOutsideQuiet(at('2025-05-05T17:30:00Z'), 'Asia/Kolkata', night)), '2025-05-06T01:30:00.000Z');
  });

  it('after midnight, it ends the same morning', () => {
    // 03:00 IST on the 6th → 07:00 IST on the 6th.
    assert.equal(iso(firstInstantOutsideQuiet(at('2025-05-05T21:30:00Z'), 'Asia/Kolkata', night)), '2025-05-06T01:30:00.000Z');
  });

  it('a window within one day ends the same day', () => {
    assert.equal(iso(firstInstantOutsideQuiet(at('2025-05-05T08:00:00Z'), 'Asia/Kolkata', afternoon)), '2025-05-05T10:00:00.000Z');
  });

  it('ends at local 07:00 across a spring-forward night (New York)', () => {
    // 23:00 EST on March 8 → 07:00 EDT on March 9 (11:00Z, one hour less than on a normal night).
    assert.equal(iso(firstInstantOutsideQuiet(at('2025-03-09T04:00:00Z'), 'America/New_York', night)), '2025-03-09T11:00:00.000Z');
  });

  it('ends at local 07:00 across a fall-back night (New York)', () => {
    assert.equal(iso(firstInstantOutsideQuiet(at('2025-11-02T03:00:00Z'), 'America/New_York', night)), '2025-11-02T12:00:00.000Z');
  });

  it('inside the second pass of a fall-back hour, the end is still ahead', () => {
    // Quiet 00:00–01:30; at 01:15 EST (the second 01:15, 06:15Z) the end is 01:30 EST (06:30Z), not 01:30 EDT.
    const q = { start: '00:00', end: '01:30' };
    const t = at('2025-11-02T06:15:00Z');
    assert.equal(isQuietAt(t, 'America/New_York', q), true);
    assert.equal(iso(firstInstantOutsideQuiet(t, 'America/New_York', q)), '2025-11-02T06:30:00.000Z');
  });
});
