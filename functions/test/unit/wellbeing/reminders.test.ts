/**
 * sendReminders and streakCheck (`fn.run` of the real onSchedule functions) and the triggers that keep the due
 * fields right (onProfileWritten, onTaskWritten), with in-memory fakes: windows and quiet hours, once per
 * reminder even with overlapping runs, reads that grow with what is due, idempotency of every trigger.
 */
import assert from 'node:assert/strict';
import { Timestamp } from 'firebase-admin/firestore';
import functionsTest from 'firebase-functions-test';
import { paths } from '../../../src/model/paths';
import type { Task, UserProfile } from '../../../src/model/schemas';
import { runReminders } from '../../../src/wellbeing/handle-reminders';
import { buildOnProfileWritten, buildOnTaskWritten, buildSendReminders, buildStreakCheck } from '../../../src/wellbeing/triggers';
import { notificationsOf, profileFixture, seedContact, seedDevice } from '../../support/notify-fakes';
import { fakeWellbeing, seedTask, storedProfile, storedTask, type FakeWellbeing } from '../../support/wellbeing-fakes';

const ffTest = functionsTest({ projectId: 'demo-manmitra' });
after(() => ffTest.cleanup());

const t = (iso: string) => Date.parse(iso);
const ts = (iso: string) => Timestamp.fromMillis(t(iso));
const iso = (v: Timestamp | null | undefined) => (v ? v.toDate().toISOString() : v);
const MIN = 60_000;

/** 20:00 IST on 2025-05-05. */
const EIGHT_PM_IST = '2025-05-05T14:30:00Z';

function student(f: FakeWellbeing, uid: string, overrides: Partial<UserProfile> = {}) {
  f.docs.seed(paths.user(uid), profileFixture(overrides));
  seedDevice(f.docs, uid, 'd1', `token-${uid}`);
}

async function sendAt(f: FakeWellbeing, when: string | number) {
  f.docs.clock.now = typeof when === 'number' ? when : t(when);
  await buildSendReminders(f.wellbeing).run({ scheduleTime: new Date(f.docs.clock.now).toISOString(), jobName: 'sendReminders' });
}

async function streakAt(f: FakeWellbeing, when: string) {
  f.docs.clock.now = t(when);
  await buildStreakCheck(f.wellbeing).run({ scheduleTime: when, jobName: 'streakCheck' });
}

describe('sendReminders: daily check-in', () => {
  it('sends the check-in at the chosen local time and moves the reminder to the next day', async () => {
    const f = fakeWellbeing();
    student(f, 's1', { nextReminderAt: ts(EIGHT_PM_IST) });
    await sendAt(f, EIGHT_PM_IST);
    const [n] = notificationsOf(f.docs, 's1');
    assert.equal(n?.type, 'checkin-reminder');
    assert.equal(n?.title, 'Time for your check-in');
    assert.equal(n?.expireAt?.toMillis(), t(EIGHT_PM_IST) + 14 * 86_400_000);
    assert.equal(f.outbox.byChannel('push').length, 1);
    assert.equal(iso(storedProfile(f.docs, 's1').nextReminderAt), '2025-05-06T14:30:00.000Z');
  });

  it('does nothing before the time, and nothing twice after it', async () => {
    const f = fakeWellbeing();
    student(f, 's1', { nextReminderAt: ts(EIGHT_PM_IST) });
    await sendAt(f, t(EIGHT_PM_IST) - 15 * MIN);
    assert.equal(f.outbox.entries.length, 0);
    await sendAt(f, EIGHT_PM_IST);
    await sendAt(f, t(EIGHT_PM_IST) + 15 * MIN);
    await sendAt(f, EIGHT_PM_IST);
    assert.equal(f.outbox.entries.length, 1);
    assert.equal(notificationsOf(f.docs, 's1').length, 1);
  });

  it('two overlapping runs send each reminder once (the second loses the claim)', async () => {
    const f = fakeWellbeing(t(EIGHT_PM_IST));
    for (const uid of ['s1', 's2', 's3']) student(f, uid, { nextReminderAt: ts(EIGHT_PM_IST) });
    const [a, b] = await Promise.all([runReminders(f.wellbeing, t(EIGHT_PM_IST)), runReminders(f.wellbeing, t(EIGHT_PM_IST))]);
    assert.equal(a.checkins.sent + b.checkins.sent, 3);
    assert.equal(a.checkins.lost + b.checkins.lost, 3);
    assert.equal(f.outbox.byChannel('push').length, 3);
  });

  it('uses each student\'s own timezone: 20:00 in Kathmandu comes 15 minutes before 20:00 in Kolkata', async () => {
    const f = fakeWellbeing();
    student(f, 'np', { timezone: 'Asia/Kathmandu', nextReminderAt: ts('2025-05-05T14:15:00Z') });
    student(f, 'in', { nextReminderAt: ts(EIGHT_PM_IST) });
    await sendAt(f, '2025-05-05T14:15:00Z');
    assert.deepEqual(f.outbox.byChannel('push').map((p) => p.context.recipientRef), ['users/np']);
    assert.equal(iso(storedProfile(f.docs, 'np').nextReminderAt), '2025-05-06T14:15:00.000Z');
    await sendAt(f, EIGHT_PM_IST);
    assert.deepEqual(f.outbox.byChannel('push').map((p) => p.context.recipientRef), ['users/np', 'users/in']);
  });

  it('a run inside quiet hours defers the reminder to their end, then sends it', async () => {
    const f = fakeWellbeing();
    const quietHours = { start: '20:10', end: '20:40' };
    student(f, 's1', { nextReminderAt: ts(EIGHT_PM_IST), prefs: { reminderTime: '20:00', quietHours, channels: { push: true, sms: false, email: false } } });
    await sendAt(f, t(EIGHT_PM_IST) + 15 * MIN);
    assert.equal(f.outbox.entries.length, 0);
    assert.equal(iso(storedProfile(f.docs, 's1').nextReminderAt), '2025-05-05T15:10:00.000Z');
    await sendAt(f, t(EIGHT_PM_IST) + 45 * MIN);
    assert.equal(f.outbox.entries.length, 1);
    // Tomorrow's 20:00 is less than one run before quiet hours begin at 20:10, so it moves to 19:55.
    assert.equal(iso(storedProfile(f.docs, 's1').nextReminderAt), '2025-05-06T14:25:00.000Z');
  });

  it('drops a reminder found hours late, and one for a student who already checked in today', async () => {
    const f = fakeWellbeing();
    student(f, 'late', { nextReminderAt: ts('2025-05-05T04:30:00Z'), prefs: { reminderTime: '10:00', quietHours: null, channels: { push: true, sms: false, email: false } } });
    student(f, 'done', { nextReminderAt: ts(EIGHT_PM_IST), streak: { current: 2, longest: 2, lastDay: '2025-05-05' } });
    await sendAt(f, EIGHT_PM_IST);
    assert.equal(f.outbox.entries.length, 0);
    assert.equal(iso(storedProfile(f.docs, 'late').nextReminderAt), '2025-05-06T04:30:00.000Z');
    assert.equal(iso(storedProfile(f.docs, 'done').nextReminderAt), '2025-05-06T14:30:00.000Z');
  });

  it('clears the reminder of a student who turned it off', async () => {
    const f = fakeWellbeing();
    student(f, 's1', { nextReminderAt: ts(EIGHT_PM_IST), prefs: { reminderTime: null, quietHours: null, channels: { push: true, sms: false, email: false } } });
    await sendAt(f, EIGHT_PM_IST);
    assert.equal(f.outbox.entries.length, 0);
    assert.equal(storedProfile(f.docs, 's1').nextReminderAt, null);
  });

  it('goes out by the channels the student chose', async () => {
    const f = fakeWellbeing();
    student(f, 's1', { nextReminderAt: ts(EIGHT_PM_IST), prefs: { reminderTime: '20:00', quietHours: null, channels: { push: false, sms: true, email: true } } });
    seedContact(f.docs, 's1', { phone: '+9779800000000', email: 's1@example.org' });
    await sendAt(f, EIGHT_PM_IST);
    assert.deepEqual(f.outbox.entries.map((e) => e.channel).sort(), ['email', 'sms']);
  });

  it('one reminder that fails does not stop the others, and is counted', async () => {
    const f = fakeWellbeing(t(EIGHT_PM_IST));
    student(f, 's1', { nextReminderAt: ts(EIGHT_PM_IST) });
    // A uid the notifier refuses as a recipient reference.
    f.docs.seed(paths.user('odd.uid'), profileFixture({ nextReminderAt: ts(EIGHT_PM_IST) }));
    student(f, 's3', { nextReminderAt: ts(EIGHT_PM_IST) });
    const { checkins } = await runReminders(f.wellbeing, t(EIGHT_PM_IST));
    assert.deepEqual({ due: checkins.due, sent: checkins.sent, failed: checkins.failed }, { due: 3, sent: 2, failed: 1 });
    assert.deepEqual(f.outbox.byChannel('push').map((p) => p.context.recipientRef).sort(), ['users/s1', 'users/s3']);
  });

  it('reads what is due, not every user: the same reads with 20 or 2,000 students', async () => {
    async function readsWith(total: number) {
      const f = fakeWellbeing();
      for (let i = 0; i < total; i += 1) {
        const due = i < 3 ? EIGHT_PM_IST : '2025-05-06T14:30:00Z';
        f.docs.seed(paths.user(`u${i}`), profileFixture({ nextReminderAt: ts(due) }));
      }
      for (let i = 0; i < 3; i += 1) seedDevice(f.docs, `u${i}`, 'd1', `token-${i}`);
      f.docs.reads = 0;
      await sendAt(f, EIGHT_PM_IST);
      assert.equal(f.outbox.byChannel('push').length, 3);
      return f.docs.reads;
    }
    const small = await readsWith(20);
    const large = await readsWith(2000);
    // 3 due profiles + 3 device queries + 1 empty task query.
    assert.equal(small, 7);
    assert.equal(large, small);
  });
});

describe('sendReminders: tasks', () => {
  function withTask(task: Partial<Task>, profile: Partial<UserProfile> = {}) {
    const f = fakeWellbeing();
    student(f, 's1', profile);
    seedTask(f.docs, 's1', 't1', { nextReminderAt: ts('2025-05-05T12:30:00Z'), ...task });
    return f;
  }

  it('reminds a daily task at its local time and moves it to the next day', async () => {
    const f = withTask({});
    await sendAt(f, '2025-05-05T12:30:00Z');
    const [n] = notificationsOf(f.docs, 's1');
    assert.equal(n?.type, 'task-reminder');
    assert.match(n?.body ?? '', /^Evening walk: /);
    assert.equal(n?.link, 'users/s1/tasks/t1');
    assert.equal(iso(storedTask(f.docs, 's1', 't1').nextReminderAt), '2025-05-06T12:30:00.000Z');
  });

  it('a repeating task already done today is not reminded today', async () => {
    const f = withTask({ done: true, doneAt: ts('2025-05-05T05:00:00Z') });
    await sendAt(f, '2025-05-05T12:30:00Z');
    assert.equal(f.outbox.entries.length, 0);
    assert.equal(iso(storedTask(f.docs, 's1', 't1').nextReminderAt), '2025-05-06T12:30:00.000Z');
  });

  it('a done one-off task is never reminded again', async () => {
    const f = withTask({ schedule: { repeat: 'once', date: '2025-05-05' }, done: true, doneAt: ts('2025-05-05T05:00:00Z') });
    await sendAt(f, '2025-05-05T12:30:00Z');
    assert.equal(f.outbox.entries.length, 0);
    assert.equal(storedTask(f.docs, 's1', 't1').nextReminderAt, null);
  });

  it('a task of a deleted account is cleared', async () => {
    const f = fakeWellbeing();
    seedTask(f.docs, 'gone', 't1', { nextReminderAt: ts('2025-05-05T12:30:00Z') });
    await sendAt(f, '2025-05-05T12:30:00Z');
    assert.equal(storedTask(f.docs, 'gone', 't1').nextReminderAt, null);
    assert.equal(f.outbox.entries.length, 0);
  });

  it('reads each owner\'s profile once per run', async () => {
    const f = withTask({});
    seedTask(f.docs, 's1', 't2', { title: 'Stretch', nextReminderAt: ts('2025-05-05T12:30:00Z') });
    f.docs.reads = 0;
    await sendAt(f, '2025-05-05T12:30:00Z');
    assert.equal(f.outbox.byChannel('push').length, 2);
    // Empty check-in query 1 + tasks 2 + one profile 1 + device queries 2.
    assert.equal(f.docs.reads, 6);
  });
});

describe('streakCheck', () => {
  const atRisk = { streak: { current: 4, longest: 4, lastDay: '2025-05-04' }, streakNudgeAt: ts('2025-05-05T13:30:00Z') };

  it('nudges once, gently, a student whose streak breaks at local midnight', async () => {
    const f = fakeWellbeing();
    student(f, 's1', atRisk);
    await streakAt(f, '2025-05-05T14:00:00Z');
    const [n] = notificationsOf(f.docs, 's1');
    assert.equal(n?.type, 'streak-warning');
    assert.match(n?.body ?? '', /4 days in a row/);
    assert.equal(storedProfile(f.docs, 's1').streakNudgeAt, null);
    await streakAt(f, '2025-05-05T15:00:00Z');
    assert.equal(notificationsOf(f.docs, 's1').length, 1);
    assert.equal(f.outbox.entries.length, 1);
  });

  it('does not nudge a student who already wrote today, or whose streak already broke', async () => {
    const f = fakeWellbeing();
    student(f, 'today', { ...atRisk, streak: { current: 5, longest: 5, lastDay: '2025-05-05' } });
    student(f, 'broken', { ...atRisk, streak: { current: 5, longest: 5, lastDay: '2025-05-03' } });
    await streakAt(f, '2025-05-05T14:00:00Z');
    assert.equal(f.outbox.entries.length, 0);
    assert.equal(storedProfile(f.docs, 'today').streakNudgeAt, null);
    assert.equal(storedProfile(f.docs, 'broken').streakNudgeAt, null);
  });

  it('never nudges in quiet hours', async () => {
    const f = fakeWellbeing();
    student(f, 's1', { ...atRisk, prefs: { reminderTime: null, quietHours: { start: '19:00', end: '07:00' }, channels: { push: true, sms: false, email: false } } });
    await streakAt(f, '2025-05-05T14:00:00Z');
    assert.equal(f.outbox.entries.length, 0);
    assert.equal(notificationsOf(f.docs, 's1').length, 0);
  });

  it('uses the student\'s local day (Kathmandu)', async () => {
    const f = fakeWellbeing();
    student(f, 's1', { timezone: 'Asia/Kathmandu', streak: { current: 3, longest: 3, lastDay: '2025-05-04' }, streakNudgeAt: ts('2025-05-05T13:15:00Z') });
    // 18:15Z is already 00:00 on the 6th in Kathmandu: the streak has broken, so no nudge.
    await streakAt(f, '2025-05-05T18:15:00Z');
    assert.equal(f.outbox.entries.length, 0);
  });
});

describe('onProfileWritten and onTaskWritten keep reminders scheduled', () => {
  function profileEvent(uid: string, before: UserProfile | null, after: UserProfile | null) {
    const snap = (p: UserProfile | null) => (p ? ffTest.firestore.makeDocumentSnapshot(p, paths.user(uid)) : ffTest.firestore.makeDocumentSnapshot({}, ''));
    return { data: ffTest.makeChange(snap(before), snap(after)), params: { uid }, time: '2025-05-05T06:30:00Z' };
  }
  function taskEvent(uid: string, taskId: string, before: Task | null, after: Task | null) {
    const snap = (x: Task | null) => (x ? ffTest.firestore.makeDocumentSnapshot(x, paths.task(uid, taskId)) : ffTest.firestore.makeDocumentSnapshot({}, ''));
    return { data: ffTest.makeChange(snap(before), snap(after)), params: { uid, taskId }, time: '2025-05-05T06:30:00Z' };
  }

  it('schedules the first check-in of a new profile, once', async () => {
    const f = fakeWellbeing();
    const created = profileFixture();
    f.docs.seed(paths.user('s1'), created);
    const run = ffTest.wrap(buildOnProfileWritten(f.wellbeing));
    await run(profileEvent('s1', null, created));
    const scheduled = storedProfile(f.docs, 's1');
    assert.equal(iso(scheduled.nextReminderAt), EIGHT_PM_IST.replace('Z', '.000Z'));
    // The event of its own write changes nothing; a redelivered creation event writes the same instant again.
    const version = f.docs.versionOf(paths.user('s1'));
    await run(profileEvent('s1', created, scheduled));
    assert.equal(f.docs.versionOf(paths.user('s1')), version);
    await run(profileEvent('s1', null, created));
    assert.deepEqual(storedProfile(f.docs, 's1'), scheduled);
  });

  it('reschedules when the reminder time or timezone changes, tasks too; not for other changes', async () => {
    const f = fakeWellbeing();
    const before = profileFixture({ nextReminderAt: ts(EIGHT_PM_IST) });
    f.docs.seed(paths.user('s1'), before);
    seedTask(f.docs, 's1', 't1', { nextReminderAt: ts('2025-05-05T12:30:00Z') });
    const run = ffTest.wrap(buildOnProfileWritten(f.wellbeing));

    const counted = { ...before, counts: { ...before.counts, mood: 3 } };
    const v0 = f.docs.versionOf(paths.user('s1'));
    await run(profileEvent('s1', before, counted));
    assert.equal(f.docs.versionOf(paths.user('s1')), v0);

    const earlier = { ...before, prefs: { ...before.prefs, reminderTime: '09:30' } };
    f.docs.seed(paths.user('s1'), earlier);
    await run(profileEvent('s1', before, earlier));
    assert.equal(iso(storedProfile(f.docs, 's1').nextReminderAt), '2025-05-06T04:00:00.000Z');
    assert.equal(iso(storedTask(f.docs, 's1', 't1').nextReminderAt), '2025-05-05T12:30:00.000Z');

    const moved = { ...earlier, timezone: 'Asia/Kathmandu' };
    f.docs.seed(paths.user('s1'), moved);
    await run(profileEvent('s1', earlier, moved));
    assert.equal(iso(storedProfile(f.docs, 's1').nextReminderAt), '2025-05-06T03:45:00.000Z');
    assert.equal(iso(storedTask(f.docs, 's1', 't1').nextReminderAt), '2025-05-05T12:15:00.000Z');
  });

  it('schedules a new task, skips today once it is done, and rescores the day it was done', async () => {
    const f = fakeWellbeing();
    student(f, 's1');
    const created = seedTask(f.docs, 's1', 't1');
    const run = ffTest.wrap(buildOnTaskWritten(f.wellbeing));
    await run(taskEvent('s1', 't1', null, created));
    const scheduled = storedTask(f.docs, 's1', 't1');
    assert.equal(iso(scheduled.nextReminderAt), '2025-05-05T12:30:00.000Z');

    const version = f.docs.versionOf(paths.task('s1', 't1'));
    await run(taskEvent('s1', 't1', created, scheduled));
    assert.equal(f.docs.versionOf(paths.task('s1', 't1')), version);

    const done = { ...scheduled, done: true, doneAt: ts('2025-05-05T06:00:00Z') };
    f.docs.seed(paths.task('s1', 't1'), done);
    await run(taskEvent('s1', 't1', scheduled, done));
    assert.equal(iso(storedTask(f.docs, 's1', 't1').nextReminderAt), '2025-05-06T12:30:00.000Z');
    assert.equal(f.docs.peek(paths.wellbeing('s1', '2025-05-05'))?.score, 33);
  });

  it('ignores a deleted task', async () => {
    const f = fakeWellbeing();
    student(f, 's1');
    const task = seedTask(f.docs, 's1', 't1');
    f.docs.delete(paths.task('s1', 't1'));
    const writes = f.docs.writes;
    await ffTest.wrap(buildOnTaskWritten(f.wellbeing))(taskEvent('s1', 't1', task, null));
    assert.equal(f.docs.writes, writes);
  });
});
