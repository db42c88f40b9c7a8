/**
 * dailySummaries (`fn.run` of the real onSchedule function) with in-memory fakes: the counselor's morning
 * summary at 08:00 org time (open risk events by level, today's bookings), the weekly reflection for students who
 * opted in, org timezones (+05:30, +05:45), and idempotency of a repeated run.
 */
import assert from 'node:assert/strict';
import { Timestamp } from 'firebase-admin/firestore';
import { paths } from '../../../src/model/paths';
import type { UserProfile } from '../../../src/model/schemas';
import { summaryDayAt, weeklyReflection } from '../../../src/wellbeing/handle-summaries';
import { buildDailySummaries } from '../../../src/wellbeing/triggers';
import { notificationsOf, profileFixture, seedDevice } from '../../support/notify-fakes';
import { fakeWellbeing, seedBooking, seedCounselor, seedOrg, seedRiskEvent, type FakeWellbeing } from '../../support/wellbeing-fakes';

const ts = (iso: string) => Timestamp.fromMillis(Date.parse(iso));
/** Sunday 2025-05-04, 08:00 IST. */
const SUNDAY_8_IST = '2025-05-04T02:30:00Z';
/** Monday 2025-05-05, 08:00 IST. */
const MONDAY_8_IST = '2025-05-05T02:30:00Z';

async function runAt(f: FakeWellbeing, when: string) {
  f.docs.clock.now = Date.parse(when);
  await buildDailySummaries(f.wellbeing).run({ scheduleTime: when, jobName: 'dailySummaries' });
}

function user(f: FakeWellbeing, uid: string, overrides: Partial<UserProfile> = {}) {
  f.docs.seed(paths.user(uid), profileFixture({ prefs: { reminderTime: null, quietHours: { start: '22:00', end: '07:00' }, channels: { push: true, sms: false, email: false } }, ...overrides }));
  seedDevice(f.docs, uid, 'd1', `token-${uid}`);
}

function org(f: FakeWellbeing) {
  seedOrg(f.docs, 'org-a');
  user(f, 'c1', { role: 'counselor', alias: 'Counselor One' });
  user(f, 'c2', { role: 'counselor', alias: 'Counselor Two' });
  seedCounselor(f.docs, 'c1', 'org-a');
  seedCounselor(f.docs, 'c2', 'org-a', false);
  seedRiskEvent(f.docs, 'r1', 'org-a', 'imminent', 'open');
  seedRiskEvent(f.docs, 'r2', 'org-a', 'high', 'acknowledged');
  seedRiskEvent(f.docs, 'r3', 'org-a', 'high', 'escalated');
  seedRiskEvent(f.docs, 'r4', 'org-a', 'moderate', 'resolved');
  seedRiskEvent(f.docs, 'r5', 'org-b', 'moderate', 'open');
  seedBooking(f.docs, 'b1', { counselorUid: 'c1', studentUid: 's1', status: 'confirmed', start: ts('2025-05-05T04:30:00Z') });
  seedBooking(f.docs, 'b2', { counselorUid: 'c1', studentUid: 's2', status: 'confirmed', start: ts('2025-05-05T17:00:00Z') });
  seedBooking(f.docs, 'b3', { counselorUid: 'c1', studentUid: 's3', status: 'requested', start: ts('2025-05-05T09:00:00Z') });
  seedBooking(f.docs, 'b4', { counselorUid: 'c1', studentUid: 's4', status: 'confirmed', start: ts('2025-05-05T19:00:00Z') });
  seedBooking(f.docs, 'b5', { counselorUid: 'c1', studentUid: 's5', status: 'cancelled', start: ts('2025-05-05T05:00:00Z') });
  seedBooking(f.docs, 'b6', { counselorUid: 'c9', studentUid: 's6', status: 'confirmed', start: ts('2025-05-05T05:00:00Z') });
}

describe('dailySummaries: counselor morning summary', () => {
  it('at 08:00 org time each active counselor gets open risk events by level and today\'s bookings', async () => {
    const f = fakeWellbeing();
    org(f);
    await runAt(f, MONDAY_8_IST);
    const [n] = notificationsOf(f.docs, 'c1');
    assert.equal(n?.type, 'morning-summary');
    // b4 starts at 00:30 IST on the 6th: tomorrow. r4 is resolved, r5 another org's.
    assert.equal(n?.body, 'Open risk alerts: 1 imminent, 2 high, 0 moderate. Today\'s sessions: 2 confirmed, 1 awaiting your reply.');
    assert.equal(n?.link, 'riskEvents');
    assert.equal(notificationsOf(f.docs, 'c2').length, 0);
    assert.equal(f.outbox.byChannel('push').length, 1);
  });

  it('in the counselor\'s language', async () => {
    const f = fakeWellbeing();
    org(f);
    user(f, 'c1', { role: 'counselor', language: 'hi' });
    await runAt(f, MONDAY_8_IST);
    assert.equal(notificationsOf(f.docs, 'c1')[0]?.title, 'सुप्रभात: आज का सारांश');
  });

  it('only in the 08:00 run: earlier and later runs send nothing', async () => {
    const f = fakeWellbeing();
    org(f);
    await runAt(f, '2025-05-05T02:15:00Z');
    await runAt(f, '2025-05-05T02:45:00Z');
    assert.equal(notificationsOf(f.docs, 'c1').length, 0);
    assert.equal(f.outbox.entries.length, 0);
  });

  it('a repeated 08:00 run sends nothing twice', async () => {
    const f = fakeWellbeing();
    org(f);
    await runAt(f, MONDAY_8_IST);
    await runAt(f, '2025-05-05T02:31:00Z');
    assert.equal(notificationsOf(f.docs, 'c1').length, 1);
    assert.equal(f.outbox.entries.length, 1);
  });

  it('each org at its own 08:00: Kathmandu (+05:45) at 02:15Z, Kolkata (+05:30) at 02:30Z', async () => {
    const f = fakeWellbeing();
    org(f);
    seedOrg(f.docs, 'org-np', { country: 'NP', timezone: 'Asia/Kathmandu' });
    user(f, 'c3', { role: 'counselor', orgId: 'org-np', timezone: 'Asia/Kathmandu' });
    seedCounselor(f.docs, 'c3', 'org-np');
    await runAt(f, '2025-05-05T02:15:00Z');
    assert.equal(notificationsOf(f.docs, 'c3').length, 1);
    assert.equal(notificationsOf(f.docs, 'c1').length, 0);
    await runAt(f, MONDAY_8_IST);
    assert.equal(notificationsOf(f.docs, 'c1').length, 1);
    assert.equal(notificationsOf(f.docs, 'c3').length, 1);
  });

  it('the window is [08:00, 08:15) in the org\'s timezone', () => {
    assert.equal(summaryDayAt(Date.parse('2025-05-05T02:29:59Z'), 'Asia/Kolkata'), null);
    assert.equal(summaryDayAt(Date.parse('2025-05-05T02:30:00Z'), 'Asia/Kolkata'), '2025-05-05');
    assert.equal(summaryDayAt(Date.parse('2025-05-05T02:44:59Z'), 'Asia/Kolkata'), '2025-05-05');
    assert.equal(summaryDayAt(Date.parse('2025-05-05T02:45:00Z'), 'Asia/Kolkata'), null);
    assert.equal(summaryDayAt(Date.parse('2025-03-09T12:00:00Z'), 'America/New_York'), '2025-03-09');
  });
});

describe('dailySummaries: weekly reflection', () => {
  function student(f: FakeWellbeing, uid: string, weeklyReflection: boolean | undefined, orgId = 'org-a') {
    const prefs = { reminderTime: null, quietHours: null, channels: { push: true, sms: false, email: false }, ...(weeklyReflection === undefined ? {} : { weeklyReflection }) };
    user(f, uid, { orgId, prefs, streak: { current: 4, longest: 4, lastDay: '2025-05-03' } });
  }

  function day(f: FakeWellbeing, uid: string, d: string, score: number) {
    f.docs.seed(paths.wellbeing(uid, d), {
      day: d,
      score,
      inputs: { moodAvg: 3, sleepHours: null, sleepQuality: null, journalCount: 0, gratitudeCount: 0, breathingMinutes: 0, tasksDone: 0 },
      updatedAt: f.docs.now(),
    });
  }

  it('on Sunday at 08:00 org time, students who opted in get their week; nobody else does', async () => {
    const f = fakeWellbeing();
    org(f);
    student(f, 'yes', true);
    student(f, 'no', false);
    student(f, 'unset', undefined);
    student(f, 'other-org', true, 'org-b');
    day(f, 'yes', '2025-04-26', 10);
    day(f, 'yes', '2025-04-27', 60);
    day(f, 'yes', '2025-05-01', 70);
    day(f, 'yes', '2025-05-03', 51);
    day(f, 'yes', '2025-05-04', 10);
    await runAt(f, SUNDAY_8_IST);
    const [n] = notificationsOf(f.docs, 'yes');
    assert.equal(n?.type, 'weekly-reflection');
    // The last seven days are Apr 27 … May 3: Apr 26 is before them, today (May 4) after.
    assert.match(n?.body ?? '', /3 of the last 7 days, with an average well-being score of 60\. Current streak: 4 days/);
    assert.equal(notificationsOf(f.docs, 'no').length, 0);
    assert.equal(notificationsOf(f.docs, 'unset').length, 0);
    assert.equal(notificationsOf(f.docs, 'other-org').length, 0);
  });

  it('a repeated Sunday 08:00 run (same tick, then a later run in the window) sends the reflection once', async () => {
    const f = fakeWellbeing();
    org(f);
    student(f, 'yes', true);
    day(f, 'yes', '2025-05-01', 70);
    await runAt(f, SUNDAY_8_IST);
    await runAt(f, SUNDAY_8_IST);
    await runAt(f, '2025-05-04T02:40:00Z');
    const notes = notificationsOf(f.docs, 'yes');
    assert.deepEqual(notes.map((n) => n.type), ['weekly-reflection']);
    assert.match(notes[0]?.body ?? '', /1 of the last 7 days, with an average well-being score of 70/);
    const pushes = f.outbox.byChannel('push').filter((p) => p.message.tokens.includes('token-yes'));
    assert.equal(pushes.length, 1);
    // The next Sunday is a new week: one more.
    await runAt(f, '2025-05-11T02:30:00Z');
    assert.equal(notificationsOf(f.docs, 'yes').length, 2);
  });

  it('not on other days', async () => {
    const f = fakeWellbeing();
    org(f);
    student(f, 'yes', true);
    await runAt(f, MONDAY_8_IST);
    assert.equal(notificationsOf(f.docs, 'yes').length, 0);
  });

  it('counts days and averages scores (pure)', () => {
    const w = (score: number) => ({ day: '2025-05-01', score, inputs: { moodAvg: null, sleepHours: null, sleepQuality: null, journalCount: 0, gratitudeCount: 0, breathingMinutes: 0, tasksDone: 0 }, updatedAt: ts(SUNDAY_8_IST) });
    assert.deepEqual(weeklyReflection([w(50), w(61)], { current: 2, longest: 5, lastDay: '2025-05-04' }, '2025-05-04'), { daysActive: 2, averageScore: 56, streak: 2 });
    assert.deepEqual(weeklyReflection([], { current: 2, longest: 5, lastDay: '2025-05-01' }, '2025-05-04'), { daysActive: 0, averageScore: null, streak: 0 });
  });
});
