/**
 * Peer circles: the pure join/leave/reminder/feedback/report logic, and the callables, the reminder schedule
 * and the feedback and report triggers built around fakes and driven through firebase-functions-test
 * (every trigger also run twice).
 */
import assert from 'node:assert/strict';
import functionsTest from 'firebase-functions-test';
import { HttpsError, type CallableRequest } from 'firebase-functions/v2/https';
import { z } from 'zod';
import {
  concernLevel,
  concernSourcePath,
  concernsByParticipant,
  minutesUntil,
  needsReminder,
  planJoin,
  planLeave,
  reminderKey,
  REMINDER_LEAD_MS,
} from '../../../src/connect/circles/logic';
import {
  buildJoinPeerSession,
  buildLeavePeerSession,
  buildOnPeerFeedbackCreated,
  buildOnPeerReportCreated,
  buildPeerSessionReminders,
} from '../../../src/connect/circles/triggers';
import { paths } from '../../../src/model/paths';
import { peerReportSchema, type PeerSession } from '../../../src/model/schemas';
import type { Caller } from '../../../src/platform/callable';
import { DomainError } from '../../../src/platform/errors';
import { riskEventIdFor } from '../../../src/safety/ids';
import { authData, callableRequest } from '../../support/callable';
import { fakeCirclesDeps, T0, ts, type FakeCircles } from '../../support/connect-community-fakes';
import { snapshotData } from '../../support/safety-fakes';

const ffTest = functionsTest({ projectId: 'demo-manmitra' });
after(() => ffTest.cleanup());

const student: Caller = { uid: 's1', role: 'student', orgId: 'org-a' };
const code = (expected: string) => (e: unknown) => e instanceof DomainError && e.code === expected;

function session(overrides: Partial<PeerSession> = {}): PeerSession {
  return {
    title: 'Exam stress circle',
    category: 'exam-stress',
    language: 'en',
    orgId: 'org-a',
    scheduledAt: ts(T0 + 3_600_000),
    durationMin: 45,
    capacity: 3,
    hostUids: ['vol1'],
    status: 'scheduled',
    participantCount: 0,
    createdBy: 'vol1',
    createdAt: ts(T0 - 1),
    ...overrides,
  };
}

describe('peer circles logic', () => {
  it('join: a new participant, a returning one, or already in', () => {
    assert.deepEqual(planJoin(session(), null, student, T0), { kind: 'join' });
    assert.deepEqual(planJoin(session(), { alias: 'A', joinedAt: ts(T0), leftAt: ts(T0) }, student, T0), { kind: 'rejoin' });
    assert.deepEqual(planJoin(session({ participantCount: 3 }), { alias: 'A', joinedAt: ts(T0), leftAt: null }, student, T0), { kind: 'already-joined' });
  });

  it('join refuses: full, started, live, ended, cancelled, another org, a host', () => {
    assert.throws(() => planJoin(session({ participantCount: 3 }), null, student, T0), code('circles/full'));
    assert.throws(() => planJoin(session({ participantCount: 3 }), { alias: 'A', joinedAt: ts(T0), leftAt: ts(T0) }, student, T0), code('circles/full'));
    assert.throws(() => planJoin(session(), null, student, T0 + 3_600_000), code('circles/started'));
    assert.throws(() => planJoin(session({ status: 'live' }), null, student, T0), code('circles/started'));
    assert.throws(() => planJoin(session({ status: 'ended' }), null, student, T0), code('circles/ended'));
    assert.throws(() => planJoin(session({ status: 'cancelled' }), null, student, T0), code('circles/cancelled'));
    assert.throws(() => planJoin(session({ orgId: 'org-b' }), null, student, T0), code('circles/other-org'));
    assert.throws(() => planJoin(session(), null, { uid: 'vol1', role: 'volunteer', orgId: 'org-a' }, T0), code('circles/host'));
  });

  it('a session without orgId is open to every org', () => {
    const { orgId: _omit, ...open } = session();
    void _omit;
    assert.deepEqual(planJoin(open, null, { ...student, orgId: 'org-z' }, T0), { kind: 'join' });
  });

  it('leave: only a current participant, only before the start', () => {
    const inside = { alias: 'A', joinedAt: ts(T0), leftAt: null };
    assert.deepEqual(planLeave(session({ participantCount: 1 }), inside, student, T0), { kind: 'leave' });
    assert.deepEqual(planLeave(session(), null, student, T0), { kind: 'not-joined' });
    assert.deepEqual(planLeave(session(), { ...inside, leftAt: ts(T0) }, student, T0), { kind: 'not-joined' });
    assert.throws(() => planLeave(session({ status: 'live', participantCount: 1 }), inside, student, T0), code('circles/started'));
    assert.throws(() => planLeave(session({ orgId: 'org-b' }), inside, student, T0), code('circles/other-org'));
  });

  it('reminders: once per start time, not after leaving', () => {
    const s = session();
    assert.equal(needsReminder({ alias: 'A', joinedAt: ts(T0), leftAt: null }, s), true);
    assert.equal(needsReminder({ alias: 'A', joinedAt: ts(T0), leftAt: null, remindedFor: s.scheduledAt }, s), false);
    assert.equal(needsReminder({ alias: 'A', joinedAt: ts(T0), leftAt: null, remindedFor: ts(T0) }, s), true);
    assert.equal(needsReminder({ alias: 'A', joinedAt: ts(T0), leftAt: ts(T0) }, s), false);
    assert.equal(reminderKey('x', 'u', 5), 'peer-reminder:x:u:5');
    assert.equal(minutesUntil(T0 + 59 * 60_000 + 1, T0), 60);
    assert.equal(minutesUntil(T0, T0), 1);
  });

  it('concern level: at least moderate; a third-person note keeps its findings\' own level', () => {
    assert.equal(concernLevel({ level: 'none', reasons: [] }), 'moderate');
    assert.equal(concernLevel({ level: 'moderate', reasons: ['suicidal-intent', 'third-party'] }), 'high');
    assert.equal(concernLevel({ level: 'imminent', reasons: ['act-in-progress'] }), 'imminent');
  });

  it('report concerns: one per participant, notes joined, source path per participant', () => {
    const report = peerReportSchema.parse({
      authorUid: 'vol1',
      text: 'ok',
      concerns: [
        { participantUid: 's1', note: 'quiet' },
        { participantUid: 's2', note: 'low' },
        { participantUid: 's1', note: 'left early' },
      ],
      createdAt: ts(T0),
    });
    assert.deepEqual(concernsByParticipant(report), [
      { participantUid: 's1', note: 'quiet\nleft early' },
      { participantUid: 's2', note: 'low' },
    ]);
    assert.equal(concernSourcePath('peerSessions/x/reports/r', 's1'), 'peerSessions/x/reports/r#concern:s1');
  });
});

// ---------------------------------------------------------------------------------------------------------

async function call(fn: { run: (req: CallableRequest) => unknown }, data: unknown, uid: string, orgId = 'org-a', role = 'student'): Promise<unknown> {
  return await fn.run(callableRequest(data, authData(uid, { role, orgId })));
}

const detailsSchema = z.object({ code: z.string() }).loose();
async function rejects(promise: Promise<unknown>, status: string, errorCode: string): Promise<void> {
  await assert.rejects(promise, (e: unknown) => e instanceof HttpsError && e.code === status && detailsSchema.safeParse(e.details).data?.code === errorCode);
}

function setup(): FakeCircles {
  const fake = fakeCirclesDeps();
  fake.store.seedSession('c1');
  fake.store.aliases.set('s1', 'Calm Otter 42');
  return fake;
}

describe('joinPeerSession / leavePeerSession', () => {
  it('joins with the profile alias; joining twice is one participation', async () => {
    const fake = setup();
    const join = buildJoinPeerSession(() => fake.deps);
    assert.deepEqual(await call(join, { sessionId: 'c1' }, 's1'), { sessionId: 'c1', joined: true, alreadyJoined: false, participantCount: 1 });
    assert.deepEqual(await call(join, { sessionId: 'c1' }, 's1'), { sessionId: 'c1', joined: true, alreadyJoined: true, participantCount: 1 });
    assert.equal(fake.store.participants.get(paths.participant('c1', 's1'))?.alias, 'Calm Otter 42');
    assert.equal(fake.store.sessions.get('c1')?.participantCount, 1);
  });

  it('capacity holds under concurrent joins: exactly capacity participants, the rest get circles/full', async () => {
    const fake = setup();
    const join = buildJoinPeerSession(() => fake.deps);
    const uids = Array.from({ length: 10 }, (_, i) => `s${String(i + 10)}`);
    const results = await Promise.allSettled(uids.map((uid) => call(join, { sessionId: 'c1' }, uid)));
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 3);
    for (const r of results) {
      if (r.status === 'rejected') {
        assert.ok(r.reason instanceof HttpsError);
        assert.equal(r.reason.code, 'failed-precondition');
        assert.equal(detailsSchema.parse(r.reason.details).code, 'circles/full');
      }
    }
    assert.equal(fake.store.sessions.get('c1')?.participantCount, 3);
    assert.equal([...fake.store.participants.values()].filter((p) => p.leftAt === null).length, 3);
  });

  it('leaving frees the place; leaving twice changes nothing; a returning participant counts again', async () => {
    const fake = setup();
    const join = buildJoinPeerSession(() => fake.deps);
    const leave = buildLeavePeerSession(() => fake.deps);
    await call(join, { sessionId: 'c1' }, 's1');
    await call(join, { sessionId: 'c1' }, 's2');
    assert.deepEqual(await call(leave, { sessionId: 'c1' }, 's1'), { sessionId: 'c1', left: true, participantCount: 1 });
    assert.deepEqual(await call(leave, { sessionId: 'c1' }, 's1'), { sessionId: 'c1', left: false, participantCount: 1 });
    assert.deepEqual(await call(leave, { sessionId: 'c1' }, 's9'), { sessionId: 'c1', left: false, participantCount: 1 });
    assert.equal(fake.store.participants.get(paths.participant('c1', 's1'))?.leftAt?.toMillis(), T0);
    assert.deepEqual(await call(join, { sessionId: 'c1' }, 's1'), { sessionId: 'c1', joined: true, alreadyJoined: false, participantCount: 2 });
    assert.equal(fake.store.participants.get(paths.participant('c1', 's1'))?.leftAt, null);
  });

  it('clear errors, nothing written: missing, other org, started, cancelled, bad id, signed out', async () => {
    const fake = setup();
    fake.store.seedSession('other', { orgId: 'org-b' });
    fake.store.seedSession('cancelled', { status: 'cancelled' });
    const join = buildJoinPeerSession(() => fake.deps);
    await rejects(call(join, { sessionId: 'nope' }, 's1'), 'not-found', 'circles/not-found');
    await rejects(call(join, { sessionId: 'other' }, 's1'), 'permission-denied', 'circles/other-org');
    await rejects(call(join, { sessionId: 'cancelled' }, 's1'), 'failed-precondition', 'circles/cancelled');
    await rejects(call(join, { sessionId: 'a/b' }, 's1'), 'invalid-argument', 'validation/invalid');
    await assert.rejects(Promise.resolve(join.run(callableRequest({ sessionId: 'c1' }))), (e: unknown) => e instanceof HttpsError && e.code === 'unauthenticated');
    fake.clock.now = T0 + 2 * 3_600_000;
    await rejects(call(join, { sessionId: 'c1' }, 's1'), 'failed-precondition', 'circles/started');
    assert.equal(fake.store.participants.size, 0);
    assert.equal(fake.store.sessions.get('c1')?.participantCount, 0);
  });
});

describe('peerSessionReminders', () => {
  async function run(fake: FakeCircles): Promise<void> {
    const fn = buildPeerSessionReminders(() => fake.deps);
    await fn.run({ scheduleTime: new Date(fake.clock.now).toISOString(), jobName: 'peerSessionReminders' });
  }

  it('reminds current participants of circles starting within the hour, once; a rescheduled circle reminds again', async () => {
    const fake = setup();
    const join = buildJoinPeerSession(() => fake.deps);
    for (const uid of ['s1', 's2', 's3']) await call(join, { sessionId: 'c1' }, uid);
    await call(buildLeavePeerSession(() => fake.deps), { sessionId: 'c1' }, 's3');
    fake.clock.now = T0 + 2 * 3_600_000 - REMINDER_LEAD_MS - 60_000;
    await run(fake);
    assert.equal(fake.notifier.requests.length, 0, 'not yet within the hour');
    fake.clock.now = T0 + 2 * 3_600_000 - 50 * 60_000;
    await run(fake);
    await run(fake);
    assert.deepEqual(fake.notifier.requests.map((r) => r.uid).sort(), ['s1', 's2']);
    const first = fake.notifier.requests[0];
    assert.deepEqual([first?.type, first?.respectQuietHours, first?.body], ['peer-session', true, '"Exam stress circle" starts in 50 minutes. Join from the app when it begins.']);
    assert.equal(first?.translations?.hi?.title, 'आपका पीयर सर्कल जल्द शुरू होगा');
    const current = fake.store.sessions.get('c1');
    assert.ok(current);
    fake.store.sessions.set('c1', { ...current, scheduledAt: ts(fake.clock.now + 30 * 60_000) });
    await run(fake);
    assert.equal(fake.notifier.requests.length, 4);
    assert.equal(new Set(fake.notifier.requests.map((r) => r.idempotencyKey)).size, 4);
  });

  it('cancelled circles remind nobody; a failing notification does not stop the others and is retried next run', async () => {
    const fake = setup();
    const gone = fake.store.seedSession('gone');
    const join = buildJoinPeerSession(() => fake.deps);
    for (const uid of ['s1', 's2']) await call(join, { sessionId: 'c1' }, uid);
    await call(join, { sessionId: 'gone' }, 's3');
    fake.store.sessions.set('gone', { ...gone, status: 'cancelled', participantCount: 1 });
    fake.notifier.failFor.add('s1');
    fake.clock.now = T0 + 2 * 3_600_000 - 30 * 60_000;
    await run(fake);
    assert.deepEqual(fake.notifier.requests.map((r) => r.uid), ['s2']);
    fake.notifier.failFor.clear();
    await run(fake);
    assert.deepEqual(fake.notifier.requests.map((r) => r.uid), ['s2', 's1']);
  });
});

describe('onPeerFeedbackCreated', () => {
  it('adds the rating to the session totals once, however often it runs', async () => {
    const fake = setup();
    fake.store.feedback.set(paths.feedback('c1', 's1'), { rating: 4, notes: 'helpful', createdAt: ts(T0) });
    fake.store.feedback.set(paths.feedback('c1', 's2'), { rating: 5, createdAt: ts(T0) });
    const wrapped = ffTest.wrap(buildOnPeerFeedbackCreated(() => fake.deps));
    for (const uid of ['s1', 's1', 's2']) {
      await wrapped({ data: ffTest.firestore.makeDocumentSnapshot({ rating: 4 }, paths.feedback('c1', uid)), params: { sessionId: 'c1', uid } });
    }
    const s = fake.store.sessions.get('c1');
    assert.deepEqual([s?.feedbackCount, s?.ratingSum], [2, 9]);
  });
});

describe('onPeerReportCreated', () => {
  function seedReport(fake: FakeCircles, reportId: string, overrides: Record<string, unknown> = {}) {
    const report = peerReportSchema.parse({ authorUid: 'vol1', text: 'Good session, six people.', concerns: [], createdAt: ts(T0), ...overrides });
    fake.store.reports.set(paths.report('c1', reportId), report);
    return report;
  }

  async function deliver(fake: FakeCircles, reportId: string): Promise<void> {
    const report = fake.store.reports.get(paths.report('c1', reportId));
    assert.ok(report);
    await ffTest.wrap(buildOnPeerReportCreated(() => fake.deps))({
      data: ffTest.firestore.makeDocumentSnapshot(snapshotData(report), paths.report('c1', reportId)),
      params: { sessionId: 'c1', reportId },
    });
  }

  it('a concern about a participant raises a riskEvent (at least moderate, higher when the note reads higher); twice is one event', async () => {
    const fake = setup();
    await call(buildJoinPeerSession(() => fake.deps), { sessionId: 'c1' }, 's1');
    await call(buildJoinPeerSession(() => fake.deps), { sessionId: 'c1' }, 's2');
    seedReport(fake, 'r1', {
      concerns: [
        { participantUid: 's1', note: 'seemed withdrawn' },
        { participantUid: 's2', note: 'said she wants to die' },
        { participantUid: 'stranger', note: 'not in the circle' },
      ],
    });
    await deliver(fake, 'r1');
    await deliver(fake, 'r1');
    const path = paths.report('c1', 'r1');
    const e1 = fake.safety.events.get(riskEventIdFor(concernSourcePath(path, 's1')));
    const e2 = fake.safety.events.get(riskEventIdFor(concernSourcePath(path, 's2')));
    assert.deepEqual([e1?.level, e1?.signal.source, e1?.signal.studentUid, e1?.signal.reasons[0]], ['moderate', 'peer', 's1', 'host-concern']);
    assert.equal(e2?.level, 'high');
    assert.equal(fake.safety.events.size, 2, 'nobody outside the circle gets a riskEvent');
    assert.equal(fake.safety.raiseCalls.length, 2, 'the second run found the report screened');
    assert.deepEqual([fake.store.reports.get(path)?.screening?.level, fake.store.reports.get(path)?.screening?.by], ['none', 'rules']);
  });

  it('the report text is screened and stored; a report by someone who is not a host raises nothing', async () => {
    const fake = setup();
    await call(buildJoinPeerSession(() => fake.deps), { sessionId: 'c1' }, 's1');
    seedReport(fake, 'r2', { authorUid: 'intruder', text: 'I feel hopeless after this session', concerns: [{ participantUid: 's1', note: 'worried' }] });
    await deliver(fake, 'r2');
    assert.equal(fake.safety.events.size, 0);
    assert.equal(fake.store.reports.get(paths.report('c1', 'r2'))?.screening?.level, 'moderate');
  });
});
