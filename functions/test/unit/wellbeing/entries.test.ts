/**
 * onEntryCreated through firebase-functions-test with in-memory fakes: counts, lastActiveAt, the streak in the
 * student's timezone, the daily score, journal screening only with consent, and idempotency on redelivery.
 */
import assert from 'node:assert/strict';
import { Timestamp } from 'firebase-admin/firestore';
import functionsTest from 'firebase-functions-test';
import { paths } from '../../../src/model/paths';
import { wellbeingSchema } from '../../../src/model/schemas';
import { captureLogs } from '../../../src/platform/log';
import { buildOnEntryCreated } from '../../../src/wellbeing/triggers';
import { profileFixture } from '../../support/notify-fakes';
import { fakeWellbeing, seedEntry, storedProfile, type FakeWellbeing } from '../../support/wellbeing-fakes';

const ffTest = functionsTest({ projectId: 'demo-manmitra' });
after(() => ffTest.cleanup());

const at = (iso: string) => Timestamp.fromMillis(Date.parse(iso));

function trigger(f: FakeWellbeing) {
  const wrapped = ffTest.wrap(buildOnEntryCreated({ store: f.store, screenJournal: f.screener.screen }));
  return (uid: string, entryId: string) =>
    wrapped({ data: ffTest.firestore.makeDocumentSnapshot({}, paths.entry(uid, entryId)), params: { uid, entryId } });
}

function wellbeingDoc(f: FakeWellbeing, uid: string, day: string) {
  const d = f.docs.peek(paths.wellbeing(uid, day));
  return d ? wellbeingSchema.parse(d) : undefined;
}

describe('onEntryCreated', () => {
  it('counts the entry, marks the student active, starts the streak and scores the local day', async () => {
    const f = fakeWellbeing();
    f.docs.seed(paths.user('s1'), profileFixture());
    seedEntry(f.docs, 's1', 'e1', { kind: 'mood', mood: 4, emotions: ['calm'], createdAt: at('2025-05-05T18:40:00Z') });
    await trigger(f)('s1', 'e1');
    const p = storedProfile(f.docs, 's1');
    assert.deepEqual(p.counts, { mood: 1, journal: 0, gratitude: 0, sleep: 0, breathing: 0 });
    assert.deepEqual(p.streak, { current: 1, longest: 1, lastDay: '2025-05-06' });
    assert.equal(p.lastActiveAt.toMillis(), Date.parse('2025-05-05T18:40:00Z'));
    assert.equal(p.streakNudgeAt, null);
    assert.ok(f.docs.peek(paths.entry('s1', 'e1'))?.processedAt instanceof Timestamp);
    assert.equal(f.docs.peek(paths.entry('s1', 'e1'))?.orgId, 'org-a', 'the owner\'s org, for the analytics rollup');
    const day = wellbeingDoc(f, 's1', '2025-05-06');
    assert.ok(day);
    assert.equal(day.day, '2025-05-06');
    assert.equal(day.inputs.moodAvg, 4);
    assert.equal(day.score, 43);
    // No analytics consent in the fixture: the day carries the org but is not counted as an active student.
    assert.deepEqual([day.orgId, day.analytics], ['org-a', false]);
  });

  it('flags the day for the analytics rollup only for a student who consents to analytics', async () => {
    const f = fakeWellbeing();
    const consent = { aiScreening: false, shareWithCounselor: false, analytics: true, version: 1, at: null };
    f.docs.seed(paths.user('s1'), profileFixture({ consent }));
    f.docs.seed(paths.user('c1'), profileFixture({ consent, role: 'counselor' }));
    seedEntry(f.docs, 's1', 'e1', { kind: 'mood', mood: 4, emotions: [], createdAt: at('2025-05-05T06:00:00Z') });
    seedEntry(f.docs, 'c1', 'e1', { kind: 'mood', mood: 4, emotions: [], createdAt: at('2025-05-05T06:00:00Z') });
    await trigger(f)('s1', 'e1');
    await trigger(f)('c1', 'e1');
    assert.deepEqual([wellbeingDoc(f, 's1', '2025-05-05')?.orgId, wellbeingDoc(f, 's1', '2025-05-05')?.analytics], ['org-a', true]);
    assert.equal(wellbeingDoc(f, 'c1', '2025-05-05')?.analytics, false, 'staff are not students');
  });

  it('a second delivery of the same event changes nothing (idempotent)', async () => {
    const f = fakeWellbeing();
    f.docs.seed(paths.user('s1'), profileFixture());
    seedEntry(f.docs, 's1', 'e1', { kind: 'gratitude', text: 'friends', createdAt: at('2025-05-05T06:00:00Z') });
    const run = trigger(f);
    await run('s1', 'e1');
    const once = { profile: storedProfile(f.docs, 's1'), day: wellbeingDoc(f, 's1', '2025-05-05'), entry: f.docs.versionOf(paths.entry('s1', 'e1')) };
    await run('s1', 'e1');
    assert.deepEqual(storedProfile(f.docs, 's1'), once.profile);
    assert.equal(f.docs.versionOf(paths.entry('s1', 'e1')), once.entry, 'the entry is not written again');
    assert.equal(f.docs.peek(paths.entry('s1', 'e1'))?.orgId, 'org-a');
    assert.equal(storedProfile(f.docs, 's1').counts.gratitude, 1);
    assert.deepEqual(wellbeingDoc(f, 's1', '2025-05-05')?.inputs, once.day?.inputs);
  });

  it('gives an entry processed before orgId was written its org on a redelivery, without recounting', async () => {
    const f = fakeWellbeing();
    f.docs.seed(paths.user('s1'), profileFixture());
    seedEntry(f.docs, 's1', 'e1', { kind: 'mood', mood: 2, emotions: [], createdAt: at('2025-05-05T06:00:00Z'), processedAt: at('2025-05-05T06:00:01Z') });
    await trigger(f)('s1', 'e1');
    assert.equal(f.docs.peek(paths.entry('s1', 'e1'))?.orgId, 'org-a');
    assert.equal(storedProfile(f.docs, 's1').counts.mood, 0);
  });

  it('never changes the org an entry was counted under', async () => {
    const f = fakeWellbeing();
    f.docs.seed(paths.user('s1'), profileFixture());
    seedEntry(f.docs, 's1', 'e1', { kind: 'mood', mood: 2, emotions: [], createdAt: at('2025-05-05T06:00:00Z'), processedAt: at('2025-05-05T06:00:01Z'), orgId: 'org-old' });
    const before = f.docs.versionOf(paths.entry('s1', 'e1'));
    await trigger(f)('s1', 'e1');
    assert.equal(f.docs.peek(paths.entry('s1', 'e1'))?.orgId, 'org-old');
    assert.equal(f.docs.versionOf(paths.entry('s1', 'e1')), before);
  });

  it('keeps the streak in Asia/Kolkata: 23:50 and 00:10 IST are consecutive days, and a nudge is planned', async () => {
    const f = fakeWellbeing();
    f.docs.seed(paths.user('s1'), profileFixture());
    seedEntry(f.docs, 's1', 'e1', { kind: 'mood', mood: 3, emotions: [], createdAt: at('2025-05-05T18:20:00Z') });
    seedEntry(f.docs, 's1', 'e2', { kind: 'sleep', hours: 7, quality: 6, createdAt: at('2025-05-05T18:40:00Z') });
    const run = trigger(f);
    await run('s1', 'e1');
    await run('s1', 'e2');
    const p = storedProfile(f.docs, 's1');
    assert.deepEqual(p.streak, { current: 2, longest: 2, lastDay: '2025-05-06' });
    // The streak breaks at midnight after 2025-05-07; the nudge is at 19:00 IST that day.
    assert.equal(p.streakNudgeAt?.toDate().toISOString(), '2025-05-07T13:30:00.000Z');
    assert.equal(wellbeingDoc(f, 's1', '2025-05-05')?.inputs.moodAvg, 3);
    assert.equal(wellbeingDoc(f, 's1', '2025-05-06')?.inputs.moodAvg, null);
    assert.equal(wellbeingDoc(f, 's1', '2025-05-06')?.inputs.sleepHours, 7);
  });

  it('keeps the streak in Asia/Kathmandu (+05:45), where the same two instants fall on one day', async () => {
    const f = fakeWellbeing();
    f.docs.seed(paths.user('s1'), profileFixture({ timezone: 'Asia/Kathmandu' }));
    seedEntry(f.docs, 's1', 'e1', { kind: 'mood', mood: 3, emotions: [], createdAt: at('2025-05-05T17:50:00Z') });
    seedEntry(f.docs, 's1', 'e2', { kind: 'mood', mood: 5, emotions: [], createdAt: at('2025-05-05T18:10:00Z') });
    const run = trigger(f);
    await run('s1', 'e1');
    await run('s1', 'e2');
    assert.deepEqual(storedProfile(f.docs, 's1').streak, { current: 1, longest: 1, lastDay: '2025-05-05' });
    assert.equal(wellbeingDoc(f, 's1', '2025-05-05')?.inputs.moodAvg, 4);
  });

  it('extends an existing streak on the next local day and restarts it after a gap', async () => {
    const f = fakeWellbeing();
    f.docs.seed(paths.user('s1'), profileFixture({ streak: { current: 6, longest: 6, lastDay: '2025-05-04' } }));
    seedEntry(f.docs, 's1', 'e1', { kind: 'breathing', pattern: 'box', durationSec: 300, createdAt: at('2025-05-05T06:00:00Z') });
    await trigger(f)('s1', 'e1');
    assert.deepEqual(storedProfile(f.docs, 's1').streak, { current: 7, longest: 7, lastDay: '2025-05-05' });
    seedEntry(f.docs, 's1', 'e2', { kind: 'breathing', pattern: 'box', durationSec: 300, createdAt: at('2025-05-08T06:00:00Z') });
    await trigger(f)('s1', 'e2');
    assert.deepEqual(storedProfile(f.docs, 's1').streak, { current: 1, longest: 7, lastDay: '2025-05-08' });
  });

  it('sends journal text to screening only when the student consented', async () => {
    const f = fakeWellbeing();
    f.docs.seed(paths.user('s1'), profileFixture());
    f.docs.seed(paths.user('s2'), profileFixture({ consent: { aiScreening: true, shareWithCounselor: false, analytics: false, version: 1, at: null } }));
    seedEntry(f.docs, 's1', 'e1', { kind: 'journal', text: 'no consent here' });
    seedEntry(f.docs, 's2', 'e1', { kind: 'journal', text: 'screen me' });
    const run = trigger(f);
    await run('s1', 'e1');
    await run('s2', 'e1');
    assert.deepEqual(f.screener.requests, [
      { uid: 's2', entryId: 'e1', entryPath: 'users/s2/entries/e1', orgId: 'org-a', alias: 'Calm Otter 42', language: 'en', text: 'screen me' },
    ]);
    assert.equal(storedProfile(f.docs, 's1').counts.journal, 1);
  });

  it('does not screen an entry that already carries a verdict, nor other kinds', async () => {
    const f = fakeWellbeing();
    f.docs.seed(paths.user('s2'), profileFixture({ consent: { aiScreening: true, shareWithCounselor: false, analytics: false, version: 1, at: null } }));
    seedEntry(f.docs, 's2', 'e1', { kind: 'journal', text: 'done', screening: { level: 'none', reasons: [], by: 'rules', at: f.docs.now() } });
    seedEntry(f.docs, 's2', 'e2', { kind: 'gratitude', text: 'sunshine' });
    await trigger(f)('s2', 'e1');
    await trigger(f)('s2', 'e2');
    assert.equal(f.screener.requests.length, 0);
  });

  it('a failed screening fails the run after counts and score are saved; the redelivery screens without recounting', async () => {
    const f = fakeWellbeing();
    f.docs.seed(paths.user('s2'), profileFixture({ consent: { aiScreening: true, shareWithCounselor: false, analytics: false, version: 1, at: null } }));
    seedEntry(f.docs, 's2', 'e1', { kind: 'journal', text: 'retry me' });
    const run = trigger(f);
    f.screener.fail = true;
    await assert.rejects(run('s2', 'e1'), /screening unavailable/);
    assert.equal(storedProfile(f.docs, 's2').counts.journal, 1);
    assert.ok(wellbeingDoc(f, 's2', '2025-05-05'));
    f.screener.fail = false;
    await run('s2', 'e1');
    assert.equal(f.screener.requests.length, 2);
    assert.equal(storedProfile(f.docs, 's2').counts.journal, 1);
  });

  it('the score counts only the entries of that local day and the tasks completed in it', async () => {
    const f = fakeWellbeing();
    f.docs.seed(paths.user('s1'), profileFixture());
    seedEntry(f.docs, 's1', 'old', { kind: 'journal', text: 'yesterday', createdAt: at('2025-05-04T18:29:00Z') });
    seedEntry(f.docs, 's1', 'e1', { kind: 'journal', text: 'today', createdAt: at('2025-05-04T18:31:00Z') });
    f.docs.seed(paths.task('s1', 't1'), {
      title: 'Walk',
      category: 'movement',
      schedule: { repeat: 'daily' },
      remindAt: null,
      done: true,
      doneAt: at('2025-05-05T10:00:00Z'),
      createdAt: at('2025-05-01T00:00:00Z'),
    });
    await trigger(f)('s1', 'e1');
    const day = wellbeingDoc(f, 's1', '2025-05-05');
    assert.equal(day?.inputs.journalCount, 1);
    assert.equal(day?.inputs.tasksDone, 1);
    assert.equal(day?.score, 67);
  });

  it('does nothing for a deleted entry or a missing profile', async () => {
    const f = fakeWellbeing();
    f.docs.seed(paths.user('s1'), profileFixture());
    await trigger(f)('s1', 'gone');
    seedEntry(f.docs, 'ghost', 'e1', { kind: 'mood', mood: 2, emotions: [] });
    await trigger(f)('ghost', 'e1');
    assert.deepEqual(storedProfile(f.docs, 's1').counts, profileFixture().counts);
    assert.equal(f.docs.paths().filter((p) => p.includes('/wellbeing/')).length, 0);
  });

  it('gives up (logged, not retried) on an entry that does not match its schema', async () => {
    const f = fakeWellbeing();
    f.docs.seed(paths.user('s1'), profileFixture());
    f.docs.seed(paths.entry('s1', 'bad'), { kind: 'mood', mood: 9, emotions: [], createdAt: f.docs.now() });
    const cap = captureLogs();
    try {
      await trigger(f)('s1', 'bad');
    } finally {
      cap.restore();
    }
    assert.ok(cap.lines.some((l) => l.event === 'wellbeing.trigger-gave-up' && l.fields.errorCode === 'data/corrupt-document'));
    assert.equal(storedProfile(f.docs, 's1').counts.mood, 0);
  });

  it('never logs journal text or the uid', async () => {
    const f = fakeWellbeing();
    f.docs.seed(paths.user('student-uid-9'), profileFixture({ consent: { aiScreening: true, shareWithCounselor: false, analytics: false, version: 1, at: null } }));
    seedEntry(f.docs, 'student-uid-9', 'e1', { kind: 'journal', text: 'VERY-PRIVATE-WORDS' });
    const cap = captureLogs();
    try {
      await trigger(f)('student-uid-9', 'e1');
    } finally {
      cap.restore();
    }
    const text = JSON.stringify(cap.lines);
    assert.ok(cap.lines.some((l) => l.event === 'wellbeing.entry-processed'));
    assert.ok(!text.includes('VERY-PRIVATE-WORDS'));
    assert.ok(!text.includes('student-uid-9'));
  });
});
