/**
 * Reminder scheduling: next local occurrence → UTC instant, quiet hours (spanning midnight), DST gaps and
 * overlaps, task repeat schedules, decisions at run time, and a simulation of the 15-minute run over many days.
 */
import assert from 'node:assert/strict';
import type { TaskSchedule } from '../../../src/model/schemas';
import { isQuietAt } from '../../../src/notify/quiet-hours';
import { localDay, localMinuteOfDay, MINUTE_MS, parseTimeOfDay } from '../../../src/notify/zoned-time';
import {
  decideDue,
  nextCheckinAt,
  nextTaskReminderAt,
  occurrence,
  REMINDER_RUN_MINUTES,
  STALE_AFTER_MS,
  taskOccursOn,
  type TaskTiming,
} from '../../../src/wellbeing/schedule';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const night = { start: '22:00', end: '07:00' };

describe('daily check-in: next occurrence', () => {
  it('later today when the time has not come, tomorrow once it has (Asia/Kolkata)', () => {
    assert.equal(iso(nextCheckinAt(at('2025-05-05T04:30:00Z'), 'Asia/Kolkata', '20:00', night)), '2025-05-05T14:30:00.000Z');
    assert.equal(iso(nextCheckinAt(at('2025-05-05T14:30:00Z'), 'Asia/Kolkata', '20:00', night)), '2025-05-06T14:30:00.000Z');
    assert.equal(iso(nextCheckinAt(at('2025-05-05T15:30:00Z'), 'Asia/Kolkata', '20:00', night)), '2025-05-06T14:30:00.000Z');
  });

  it('at +05:45 in Asia/Kathmandu', () => {
    assert.equal(iso(nextCheckinAt(at('2025-05-05T04:30:00Z'), 'Asia/Kathmandu', '20:00', night)), '2025-05-05T14:15:00.000Z');
  });

  it('none without a reminder time', () => {
    assert.equal(nextCheckinAt(at('2025-05-05T04:30:00Z'), 'Asia/Kolkata', null, night), null);
  });

  it('a time inside quiet hours moves to their end (23:00 → 07:00 the next morning)', () => {
    assert.equal(iso(nextCheckinAt(at('2025-05-05T04:30:00Z'), 'Asia/Kolkata', '23:00', night)), '2025-05-06T01:30:00.000Z');
    // At 05:00 local the previous evening's 23:00, moved to 07:00 today, is still ahead.
    assert.equal(iso(nextCheckinAt(at('2025-05-05T23:30:00Z'), 'Asia/Kolkata', '23:00', night)), '2025-05-06T01:30:00.000Z');
  });

  it('a time less than one run before quiet hours moves earlier so a run still catches it', () => {
    assert.equal(iso(occurrence('2025-05-05', '21:55', 'Asia/Kolkata', night)), '2025-05-05T16:15:00.000Z');
    assert.equal(localMinuteOfDay(occurrence('2025-05-05', '21:55', 'Asia/Kolkata', night), 'Asia/Kolkata'), parseTimeOfDay('21:45'));
    assert.equal(localMinuteOfDay(occurrence('2025-05-05', '21:45', 'Asia/Kolkata', night), 'Asia/Kolkata'), parseTimeOfDay('21:45'));
    assert.equal(localMinuteOfDay(occurrence('2025-05-05', '21:44', 'Asia/Kolkata', night), 'Asia/Kolkata'), parseTimeOfDay('21:44'));
  });

  it('a time in the spring-forward gap moves forward by the gap (New York, 02:30 → 03:30)', () => {
    assert.equal(iso(nextCheckinAt(at('2025-03-09T05:00:00Z'), 'America/New_York', '02:30', null)), '2025-03-09T07:30:00.000Z');
    assert.equal(iso(nextCheckinAt(at('2025-03-09T07:30:00Z'), 'America/New_York', '02:30', null)), '2025-03-10T06:30:00.000Z');
  });

  it('a time that happens twice on the fall-back night is used once, the first time', () => {
    const first = nextCheckinAt(at('2025-11-02T04:00:00Z'), 'America/New_York', '01:30', null);
    assert.equal(iso(first), '2025-11-02T05:30:00.000Z');
    assert.equal(iso(nextCheckinAt(first ?? 0, 'America/New_York', '01:30', null)), '2025-11-03T06:30:00.000Z');
  });

  it('keeps the local time across the DST change (20:00 EST then 20:00 EDT)', () => {
    const before = nextCheckinAt(at('2025-03-08T12:00:00Z'), 'America/New_York', '20:00', night);
    const after = nextCheckinAt(before ?? 0, 'America/New_York', '20:00', night);
    assert.deepEqual([iso(before), iso(after)], ['2025-03-09T01:00:00.000Z', '2025-03-10T00:00:00.000Z']);
  });
});

describe('task schedules', () => {
  const once: TaskSchedule = { repeat: 'once', date: '2025-05-07' };
  const daily: TaskSchedule = { repeat: 'daily' };
  const monWed: TaskSchedule = { repeat: 'weekly', days: [1, 3] };
  const timing = (schedule: TaskSchedule, over: Partial<TaskTiming> = {}): TaskTiming => ({ schedule, remindAt: '08:00', done: false, doneDay: null, ...over });
  const monday0800 = at('2025-05-05T02:30:00Z');

  it('which local days a schedule names', () => {
    assert.equal(taskOccursOn(once, '2025-05-07'), true);
    assert.equal(taskOccursOn(once, '2025-05-08'), false);
    assert.equal(taskOccursOn(daily, '2025-05-08'), true);
    assert.deepEqual(['2025-05-04', '2025-05-05', '2025-05-06', '2025-05-07'].map((d) => taskOccursOn(monWed, d)), [false, true, false, true]);
  });

  it('a one-off task is reminded on its date, and never once done or past', () => {
    assert.equal(iso(nextTaskReminderAt(monday0800, 'Asia/Kolkata', timing(once), night)), '2025-05-07T02:30:00.000Z');
    assert.equal(nextTaskReminderAt(monday0800, 'Asia/Kolkata', timing(once, { done: true, doneDay: '2025-05-05' }), night), null);
    assert.equal(nextTaskReminderAt(at('2025-05-08T00:00:00Z'), 'Asia/Kolkata', timing(once), night), null);
  });

  it('a daily task: the next 08:00; done today skips today', () => {
    const sunday = at('2025-05-04T12:00:00Z');
    assert.equal(iso(nextTaskReminderAt(sunday, 'Asia/Kolkata', timing(daily), night)), '2025-05-05T02:30:00.000Z');
    assert.equal(iso(nextTaskReminderAt(sunday - 12 * 3600_000, 'Asia/Kolkata', timing(daily, { done: true, doneDay: '2025-05-04' }), night)), '2025-05-05T02:30:00.000Z');
    assert.equal(iso(nextTaskReminderAt(at('2025-05-05T01:00:00Z'), 'Asia/Kolkata', timing(daily, { done: true, doneDay: '2025-05-05' }), night)), '2025-05-06T02:30:00.000Z');
  });

  it('a weekly task: the next named weekday', () => {
    assert.equal(iso(nextTaskReminderAt(monday0800, 'Asia/Kolkata', timing(monWed), night)), '2025-05-07T02:30:00.000Z');
    assert.equal(iso(nextTaskReminderAt(at('2025-05-07T03:00:00Z'), 'Asia/Kolkata', timing(monWed), night)), '2025-05-12T02:30:00.000Z');
    assert.equal(iso(nextTaskReminderAt(at('2025-05-07T03:00:00Z'), 'Asia/Kathmandu', timing({ repeat: 'weekly', days: [0] }), night)), '2025-05-11T02:15:00.000Z');
  });

  it('no reminder time, no reminder', () => {
    assert.equal(nextTaskReminderAt(monday0800, 'Asia/Kolkata', timing(daily, { remindAt: null }), night), null);
  });

  it('a task reminder inside quiet hours moves to their end', () => {
    assert.equal(iso(nextTaskReminderAt(monday0800, 'Asia/Kolkata', timing(daily, { remindAt: '06:00' }), night)), '2025-05-06T01:30:00.000Z');
  });
});

describe('due reminders at run time', () => {
  const due = at('2025-05-05T14:30:00Z'); // 20:00 IST

  it('on time or a little late: send', () => {
    assert.deepEqual(decideDue(due, due, 'Asia/Kolkata', night), { action: 'send' });
    assert.deepEqual(decideDue(due, due + 14 * MINUTE_MS, 'Asia/Kolkata', night), { action: 'send' });
    assert.deepEqual(decideDue(due, due + STALE_AFTER_MS, 'Asia/Kolkata', null), { action: 'send' });
  });

  it('more than three hours late: drop', () => {
    assert.deepEqual(decideDue(due, due + STALE_AFTER_MS + 1, 'Asia/Kolkata', null), { action: 'drop', why: 'stale' });
  });

  it('the run itself falls in quiet hours: defer to their end when that is soon, else drop', () => {
    const q = { start: '20:10', end: '20:40' };
    assert.deepEqual(decideDue(due, due + 15 * MINUTE_MS, 'Asia/Kolkata', q), { action: 'defer', until: due + 40 * MINUTE_MS });
    assert.deepEqual(decideDue(due, due + 15 * MINUTE_MS, 'Asia/Kolkata', { start: '20:10', end: '07:00' }), { action: 'drop', why: 'stale' });
  });
});

describe('the 15-minute run over many days (simulation)', () => {
  /** Runs every quarter hour (UTC) from `from` for `days`, as sendReminders would; returns the send instants. */
  function simulate(timeZone: string, reminderTime: string, quiet: { start: string; end: string } | null, from: string, days: number): number[] {
    const start = at(from);
    let due = nextCheckinAt(start, timeZone, reminderTime, quiet);
    const sent: number[] = [];
    for (let now = start; now < start + days * 86_400_000; now += REMINDER_RUN_MINUTES * MINUTE_MS) {
      if (due === null || due > now) continue;
      const decision = decideDue(due, now, timeZone, quiet);
      if (decision.action === 'defer') {
        due = decision.until;
        continue;
      }
      if (decision.action === 'send') sent.push(now);
      due = nextCheckinAt(Math.max(now, due), timeZone, reminderTime, quiet);
    }
    return sent;
  }

  const cases: Array<[string, string, { start: string; end: string } | null, string]> = [
    ['Asia/Kolkata', '20:00', night, '20:00'],
    ['Asia/Kathmandu', '20:00', night, '20:00'],
    ['Asia/Kathmandu', '21:55', night, '21:45'],
    ['Asia/Kolkata', '23:00', night, '07:00'],
    ['America/New_York', '20:00', night, '20:00'],
    ['Europe/London', '08:10', night, '08:10'],
  ];
  for (const [zone, time, quiet, expected] of cases) {
    it(`${zone} at ${time}: once per local day, outside quiet hours, within one run of ${expected}`, () => {
      const sent = simulate(zone, time, quiet, zone === 'Europe/London' ? '2025-10-20T00:00:00Z' : '2025-03-03T00:00:00Z', 14);
      const days = sent.map((t) => localDay(t, zone));
      assert.equal(new Set(days).size, days.length, `two reminders on one day: ${days.join(', ')}`);
      assert.ok(sent.length >= 13, `only ${sent.length} reminders in 14 days`);
      for (const t of sent) {
        assert.equal(isQuietAt(t, zone, quiet), false, `sent in quiet hours at ${iso(t)}`);
        const late = (localMinuteOfDay(t, zone) - parseTimeOfDay(expected) + 1440) % 1440;
        assert.ok(late < REMINDER_RUN_MINUTES, `sent ${late} min after ${expected} at ${iso(t)}`);
      }
    });
  }
});
