/** The streak in local days, when it breaks, and when the one nudge is due (timezones, quiet hours, DST). */
import assert from 'node:assert/strict';
import { localDay, localMinuteOfDay, parseTimeOfDay } from '../../../src/notify/zoned-time';
import { applyActivity, breaksAtMidnight, liveStreak, streakNudgeAt, type Streak } from '../../../src/wellbeing/streak';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const fresh: Streak = { current: 0, longest: 0, lastDay: null };

describe('streak: applying activity', () => {
  it('the first entry starts a streak of 1', () => {
    assert.deepEqual(applyActivity(fresh, '2025-05-05'), { current: 1, longest: 1, lastDay: '2025-05-05' });
  });

  it('another entry the same day changes nothing', () => {
    const s = { current: 3, longest: 5, lastDay: '2025-05-05' };
    assert.equal(applyActivity(s, '2025-05-05'), s);
  });

  it('the next day extends it, and longest follows', () => {
    assert.deepEqual(applyActivity({ current: 5, longest: 5, lastDay: '2025-05-05' }, '2025-05-06'), { current: 6, longest: 6, lastDay: '2025-05-06' });
    assert.deepEqual(applyActivity({ current: 2, longest: 9, lastDay: '2025-05-05' }, '2025-05-06'), { current: 3, longest: 9, lastDay: '2025-05-06' });
  });

  it('a missed day starts over at 1 and keeps the longest', () => {
    assert.deepEqual(applyActivity({ current: 7, longest: 7, lastDay: '2025-05-05' }, '2025-05-07'), { current: 1, longest: 7, lastDay: '2025-05-07' });
  });

  it('crosses month and year ends', () => {
    assert.equal(applyActivity({ current: 2, longest: 2, lastDay: '2024-12-31' }, '2025-01-01').current, 3);
    assert.equal(applyActivity({ current: 2, longest: 2, lastDay: '2024-02-28' }, '2024-02-29').current, 3);
    assert.equal(applyActivity({ current: 2, longest: 2, lastDay: '2024-02-28' }, '2024-03-01').current, 1);
  });

  it('an earlier day (late delivery, timezone change) cannot extend it backwards', () => {
    const s = { current: 4, longest: 4, lastDay: '2025-05-05' };
    assert.equal(applyActivity(s, '2025-05-04'), s);
  });

  it('counts local days: 23:50 and 00:10 IST are two days, though both are the same UTC day', () => {
    const a = localDay(Date.parse('2025-05-05T18:20:00Z'), 'Asia/Kolkata');
    const b = localDay(Date.parse('2025-05-05T18:40:00Z'), 'Asia/Kolkata');
    assert.deepEqual(applyActivity(applyActivity(fresh, a), b), { current: 2, longest: 2, lastDay: '2025-05-06' });
  });

  it('in Kathmandu (+05:45) the day changes at 18:15 UTC', () => {
    const a = localDay(Date.parse('2025-05-05T18:14:00Z'), 'Asia/Kathmandu');
    const b = localDay(Date.parse('2025-05-05T18:16:00Z'), 'Asia/Kathmandu');
    assert.deepEqual([a, b], ['2025-05-05', '2025-05-06']);
    assert.equal(applyActivity(applyActivity(fresh, a), b).current, 2);
  });

  it('across a DST change the local days still count one each (New York, 23 and 25 hour days)', () => {
    const days = ['2025-03-08T23:30:00-05:00', '2025-03-09T23:30:00-04:00', '2025-11-01T23:30:00-04:00', '2025-11-02T23:30:00-05:00'].map((t) =>
      localDay(Date.parse(t), 'America/New_York'),
    );
    assert.deepEqual(days, ['2025-03-08', '2025-03-09', '2025-11-01', '2025-11-02']);
    assert.equal(applyActivity(applyActivity(fresh, days[0] ?? ''), days[1] ?? '').current, 2);
    assert.equal(applyActivity(applyActivity(fresh, days[2] ?? ''), days[3] ?? '').current, 2);
  });
});

describe('streak: breaking and the live value', () => {
  const s = { current: 4, longest: 6, lastDay: '2025-05-05' };

  it('is live on its last day and the day after, 0 later', () => {
    assert.equal(liveStreak(s, '2025-05-05'), 4);
    assert.equal(liveStreak(s, '2025-05-06'), 4);
    assert.equal(liveStreak(s, '2025-05-07'), 0);
    assert.equal(liveStreak(fresh, '2025-05-07'), 0);
  });

  it('breaks at midnight only on the day after its last day, and only from 2 days', () => {
    assert.equal(breaksAtMidnight(s, '2025-05-05'), false);
    assert.equal(breaksAtMidnight(s, '2025-05-06'), true);
    assert.equal(breaksAtMidnight(s, '2025-05-07'), false);
    assert.equal(breaksAtMidnight({ current: 1, longest: 1, lastDay: '2025-05-05' }, '2025-05-06'), false);
    assert.equal(breaksAtMidnight({ current: 2, longest: 2, lastDay: '2025-05-05' }, '2025-05-06'), true);
  });
});

describe('streak: when to nudge', () => {
  const s = { current: 3, longest: 3, lastDay: '2025-05-05' };

  it('19:00 local on the day after the last day (Kolkata, Kathmandu)', () => {
    assert.equal(iso(streakNudgeAt(s, 'Asia/Kolkata', null)), '2025-05-06T13:30:00.000Z');
    assert.equal(iso(streakNudgeAt(s, 'Asia/Kathmandu', null)), '2025-05-06T13:15:00.000Z');
  });

  it('earlier when quiet hours cover 19:00–20:00', () => {
    assert.equal(iso(streakNudgeAt(s, 'Asia/Kolkata', { start: '19:30', end: '07:00' })), '2025-05-06T12:30:00.000Z');
    assert.equal(iso(streakNudgeAt(s, 'Asia/Kolkata', { start: '18:00', end: '07:00' })), '2025-05-06T11:30:00.000Z');
  });

  it('not at all when quiet hours leave no hour between 09:00 and 20:00', () => {
    assert.equal(streakNudgeAt(s, 'Asia/Kolkata', { start: '08:00', end: '23:00' }), null);
  });

  it('not for a streak too short to matter, or none', () => {
    assert.equal(streakNudgeAt({ current: 1, longest: 4, lastDay: '2025-05-05' }, 'Asia/Kolkata', null), null);
    assert.equal(streakNudgeAt(fresh, 'Asia/Kolkata', null), null);
  });

  it('19:00 local on a DST-change day', () => {
    const t = streakNudgeAt({ current: 3, longest: 3, lastDay: '2025-03-08' }, 'America/New_York', null);
    assert.equal(iso(t), '2025-03-09T23:00:00.000Z');
    assert.equal(localMinuteOfDay(t ?? 0, 'America/New_York'), parseTimeOfDay('19:00'));
  });
});
