/**
 * onAssessmentCreated through firebase-functions-test with in-memory fakes: scoring and band, trend, riskEvents
 * with deterministic ids (item 9 → high, severe → moderate), the caring message and the result notification,
 * invalid answers, and idempotency (a full redelivery, and one after a run that stopped half-way).
 */
import assert from 'node:assert/strict';
import { Timestamp } from 'firebase-admin/firestore';
import functionsTest from 'firebase-functions-test';
import { paths } from '../../../src/model/paths';
import { assessmentSchema, riskEventSchema } from '../../../src/model/schemas';
import { captureLogs } from '../../../src/platform/log';
import { handleAssessmentCreated, riskEventIdFor } from '../../../src/wellbeing/handle-assessments';
import { buildOnAssessmentCreated } from '../../../src/wellbeing/triggers';
import { notificationsOf, profileFixture, seedDevice } from '../../support/notify-fakes';
import { fakeWellbeing, InMemoryWellbeingStore, seedAssessment, seedOrg, type FakeWellbeing } from '../../support/wellbeing-fakes';

const ffTest = functionsTest({ projectId: 'demo-manmitra' });
after(() => ffTest.cleanup());

const NOON_IST = Date.parse('2025-05-05T06:30:00Z');
const NIGHT_IST = Date.parse('2025-05-05T18:00:00Z');

function setup(now = NOON_IST, profile = profileFixture()) {
  const f = fakeWellbeing(now);
  f.docs.seed(paths.user('s1'), profile);
  seedDevice(f.docs, 's1', 'd1', 'token-1');
  seedOrg(f.docs, 'org-a');
  return f;
}

function trigger(f: FakeWellbeing) {
  const wrapped = ffTest.wrap(buildOnAssessmentCreated(f.wellbeing));
  return (uid: string, assessmentId: string) =>
    wrapped({ data: ffTest.firestore.makeDocumentSnapshot({}, paths.assessment(uid, assessmentId)), params: { uid, assessmentId } });
}

/** The trigger with an event snapshot of the stored document whose create time is `createTime`. */
function triggerCreatedAt(f: FakeWellbeing, createTime: number) {
  const wrapped = ffTest.wrap(buildOnAssessmentCreated(f.wellbeing));
  return (uid: string, assessmentId: string) => {
    const path = paths.assessment(uid, assessmentId);
    const data = f.docs.peek(path) ?? {};
    const snap = ffTest.firestore.makeDocumentSnapshot(data, path, { createTime: new Date(createTime).toISOString() });
    return wrapped({ data: snap, params: { uid, assessmentId } });
  };
}

/** An assessment as a client may create it: instrument and answers only, no createdAt. */
function seedWithoutCreatedAt(f: FakeWellbeing, id: string, instrument: 'phq9' | 'gad7', answers: number[]) {
  f.docs.seed(paths.assessment('s1', id), { instrument, answers });
}

function stored(f: FakeWellbeing, id: string) {
  return assessmentSchema.parse(f.docs.peek(paths.assessment('s1', id)));
}

function riskEvents(f: FakeWellbeing) {
  return f.docs
    .paths()
    .filter((p) => p.startsWith('riskEvents/'))
    .map((p) => ({ id: p.slice('riskEvents/'.length), ...riskEventSchema.parse(f.docs.peek(p)) }));
}

describe('onAssessmentCreated', () => {
  it('scores a PHQ-9, stores band, flags and no trend for the first one, and tells the student', async () => {
    const f = setup();
    seedAssessment(f.docs, 's1', 'a1', 'phq9', [1, 1, 1, 1, 1, 1, 1, 0, 0]);
    await trigger(f)('s1', 'a1');
    const a = stored(f, 'a1');
    assert.equal(a.score, 7);
    assert.equal(a.severity, 'mild');
    assert.deepEqual(a.flags, []);
    assert.equal(a.trend, null);
    assert.ok(a.scoredAt);
    assert.equal(a.orgId, 'org-a', 'the owner\'s org, for the analytics rollup');
    assert.deepEqual(riskEvents(f), []);
    const [n] = notificationsOf(f.docs, 's1');
    assert.equal(n?.type, 'assessment-result');
    assert.equal(n?.title, 'Your PHQ-9 result: mild (7 of 27)');
    assert.match(n?.body ?? '', /This is a screening, not a diagnosis\./);
    assert.equal(n?.link, 'users/s1/assessments/a1');
    assert.equal(f.outbox.byChannel('push').length, 1);
  });

  it('PHQ-9 item 9 above 0 with a minimal total: a high riskEvent and a caring message with helplines and booking', async () => {
    const f = setup();
    seedAssessment(f.docs, 's1', 'a1', 'phq9', [0, 0, 0, 0, 0, 0, 0, 0, 1]);
    await trigger(f)('s1', 'a1');
    assert.equal(stored(f, 'a1').severity, 'minimal');
    assert.deepEqual(stored(f, 'a1').flags, ['phq9-item9-positive']);
    const [event] = riskEvents(f);
    assert.ok(event);
    assert.equal(event.id, riskEventIdFor('users/s1/assessments/a1'));
    assert.ok(!event.id.includes('s1'));
    assert.deepEqual(
      { ...event, createdAt: undefined, updatedAt: undefined },
      {
        id: event.id,
        orgId: 'org-a',
        studentUid: 's1',
        alias: 'Calm Otter 42',
        source: 'assessment',
        sourcePath: 'users/s1/assessments/a1',
        level: 'high',
        reasons: ['phq9-item9-positive'],
        excerpt: null,
        status: 'open',
        assignedTo: null,
        ackBy: null,
        ackAt: null,
        escalationStep: 0,
        nextEscalationAt: null,
        outcome: null,
        createdAt: undefined,
        updatedAt: undefined,
      },
    );
    const care = notificationsOf(f.docs, 's1').find((n) => n.type === 'safety');
    assert.ok(care);
    assert.equal(care.link, 'counselors');
    assert.match(care.body, /Tele-MANAS 14416/);
    assert.match(care.body, /call 112/);
    assert.match(care.body, /book a session/);
    assert.ok(notificationsOf(f.docs, 's1').some((n) => n.type === 'assessment-result'));
  });

  it('the caring message reaches the student in quiet hours; the result push waits', async () => {
    const f = setup(NIGHT_IST);
    seedAssessment(f.docs, 's1', 'a1', 'phq9', [2, 2, 2, 2, 2, 2, 2, 2, 2]);
    await trigger(f)('s1', 'a1');
    const pushes = f.outbox.byChannel('push');
    assert.equal(pushes.length, 1);
    assert.equal(pushes[0]?.context.template, 'wellbeing.item9-care');
    assert.equal(notificationsOf(f.docs, 's1').length, 2);
  });

  it('uses the helplines of the org\'s country (Nepal) and the student\'s language', async () => {
    const f = fakeWellbeing(NOON_IST);
    f.docs.seed(paths.user('s1'), profileFixture({ orgId: 'org-np', language: 'ne', timezone: 'Asia/Kathmandu' }));
    seedOrg(f.docs, 'org-np', { country: 'NP', timezone: 'Asia/Kathmandu' });
    seedAssessment(f.docs, 's1', 'a1', 'phq9', [0, 0, 0, 0, 0, 0, 0, 0, 2]);
    await trigger(f)('s1', 'a1');
    const care = notificationsOf(f.docs, 's1').find((n) => n.type === 'safety');
    assert.equal(care?.title, 'हामी तपाईंसँग छौं');
    assert.match(care?.body ?? '', /1166/);
    assert.doesNotMatch(care?.body ?? '', /14416/);
    assert.equal(riskEvents(f)[0]?.orgId, 'org-np');
  });

  it('a severe total without item 9 raises a moderate event (PHQ-9 and GAD-7)', async () => {
    const f = setup();
    seedAssessment(f.docs, 's1', 'p', 'phq9', [3, 3, 3, 3, 3, 3, 2, 0, 0]);
    seedAssessment(f.docs, 's1', 'g', 'gad7', [3, 3, 3, 3, 3, 0, 0]);
    const run = trigger(f);
    await run('s1', 'p');
    await run('s1', 'g');
    assert.equal(stored(f, 'p').severity, 'severe');
    assert.equal(stored(f, 'g').severity, 'severe');
    assert.deepEqual(
      riskEvents(f).map((e) => [e.sourcePath, e.level, e.reasons]).sort(),
      [
        ['users/s1/assessments/g', 'moderate', ['gad7-severe']],
        ['users/s1/assessments/p', 'moderate', ['phq9-severe']],
      ],
    );
    assert.equal(notificationsOf(f.docs, 's1').filter((n) => n.type === 'safety').length, 0);
  });

  it('a moderately severe total raises no event; its result lists helplines', async () => {
    const f = setup();
    seedAssessment(f.docs, 's1', 'a1', 'phq9', [2, 2, 2, 2, 2, 2, 2, 1, 0]);
    await trigger(f)('s1', 'a1');
    assert.equal(stored(f, 'a1').severity, 'moderately-severe');
    assert.deepEqual(riskEvents(f), []);
    assert.match(notificationsOf(f.docs, 's1')[0]?.body ?? '', /14416/);
  });

  it('the trend compares with the previous result of the same instrument only', async () => {
    const f = setup();
    seedAssessment(f.docs, 's1', 'old', 'phq9', [3, 3, 3, 3, 3, 0, 0, 0, 0], Timestamp.fromMillis(NOON_IST - 14 * 86_400_000));
    seedAssessment(f.docs, 's1', 'gad', 'gad7', [0, 0, 0, 0, 0, 0, 0], Timestamp.fromMillis(NOON_IST - 86_400_000));
    seedAssessment(f.docs, 's1', 'new', 'phq9', [1, 1, 1, 1, 1, 1, 1, 0, 0]);
    await trigger(f)('s1', 'new');
    assert.deepEqual(stored(f, 'new').trend, { previousId: 'old', previousScore: 15, delta: -8, direction: 'improved' });
    assert.match(notificationsOf(f.docs, 's1')[0]?.body ?? '', /8 points lower, an improvement/);
  });

  describe('without createdAt (the rules let a client leave it out)', () => {
    it('is scored, and gets the create time of the event snapshot as createdAt with the result', async () => {
      const f = setup();
      const created = NOON_IST - 1_500;
      seedWithoutCreatedAt(f, 'a1', 'phq9', [2, 2, 2, 2, 2, 2, 2, 2, 2]);
      await triggerCreatedAt(f, created)('s1', 'a1');
      const a = stored(f, 'a1');
      assert.equal(a.score, 18);
      assert.equal(a.severity, 'moderately-severe');
      assert.ok(a.scoredAt);
      assert.equal(a.createdAt?.toMillis(), created);
      assert.equal(a.trend, null, 'the first one');
      assert.equal(notificationsOf(f.docs, 's1').filter((n) => n.type === 'assessment-result').length, 1);
    });

    it('is compared with the previous result created before its create time', async () => {
      const f = setup();
      seedAssessment(f.docs, 's1', 'old', 'phq9', [3, 3, 3, 3, 3, 0, 0, 0, 0], Timestamp.fromMillis(NOON_IST - 14 * 86_400_000));
      seedAssessment(f.docs, 's1', 'later', 'phq9', [0, 0, 0, 0, 0, 0, 0, 0, 0], Timestamp.fromMillis(NOON_IST + 60_000));
      seedWithoutCreatedAt(f, 'new', 'phq9', [1, 1, 1, 1, 1, 1, 1, 0, 0]);
      await triggerCreatedAt(f, NOON_IST)('s1', 'new');
      assert.deepEqual(stored(f, 'new').trend, { previousId: 'old', previousScore: 15, delta: -8, direction: 'improved' });
    });

    it('once scored, is the previous result of the next one (its written createdAt orders it)', async () => {
      const f = setup();
      seedWithoutCreatedAt(f, 'first', 'gad7', [3, 3, 3, 3, 3, 0, 0]);
      await triggerCreatedAt(f, NOON_IST - 86_400_000)('s1', 'first');
      seedAssessment(f.docs, 's1', 'second', 'gad7', [1, 1, 1, 1, 1, 0, 0]);
      await trigger(f)('s1', 'second');
      assert.deepEqual(stored(f, 'second').trend, { previousId: 'first', previousScore: 15, delta: -10, direction: 'improved' });
    });

    it('a document with createdAt keeps its own: the event\'s create time is not written over it', async () => {
      const f = setup();
      seedAssessment(f.docs, 's1', 'a1', 'phq9', [1, 1, 1, 1, 1, 1, 1, 0, 0], Timestamp.fromMillis(NOON_IST - 5_000));
      await triggerCreatedAt(f, NOON_IST)('s1', 'a1');
      assert.equal(stored(f, 'a1').createdAt?.toMillis(), NOON_IST - 5_000);
    });

    it('a redelivery leaves the written createdAt as it is', async () => {
      const f = setup();
      seedWithoutCreatedAt(f, 'a1', 'phq9', [1, 1, 1, 1, 1, 1, 1, 0, 0]);
      await triggerCreatedAt(f, NOON_IST - 2_000)('s1', 'a1');
      const version = f.docs.versionOf(paths.assessment('s1', 'a1'));
      await triggerCreatedAt(f, NOON_IST - 2_000)('s1', 'a1');
      assert.equal(f.docs.versionOf(paths.assessment('s1', 'a1')), version);
      assert.equal(stored(f, 'a1').createdAt?.toMillis(), NOON_IST - 2_000);
    });
  });

  it('is idempotent: a redelivery after scoring does nothing', async () => {
    const f = setup();
    seedAssessment(f.docs, 's1', 'a1', 'phq9', [3, 3, 3, 3, 3, 3, 3, 3, 3]);
    const run = trigger(f);
    await run('s1', 'a1');
    const snapshot = f.docs.paths().map((p) => [p, f.docs.versionOf(p)]);
    const pushes = f.outbox.entries.length;
    await run('s1', 'a1');
    assert.deepEqual(f.docs.paths().map((p) => [p, f.docs.versionOf(p)]), snapshot);
    assert.equal(f.outbox.entries.length, pushes);
    assert.equal(riskEvents(f).length, 1);
  });

  it('a run that stopped before saving the result is completed by the next one without duplicates', async () => {
    const f = setup();
    seedAssessment(f.docs, 's1', 'a1', 'phq9', [0, 0, 0, 0, 0, 0, 0, 0, 3]);
    class CrashBeforeSaving extends InMemoryWellbeingStore {
      override async saveAssessmentResult(): Promise<void> {
        throw new Error('crash');
      }
    }
    const broken = { ...f.wellbeing, store: new CrashBeforeSaving(f.docs) };
    await assert.rejects(handleAssessmentCreated(broken, 's1', 'a1', NOON_IST), /crash/);
    assert.equal(stored(f, 'a1').scoredAt, undefined);
    await trigger(f)('s1', 'a1');
    assert.ok(stored(f, 'a1').scoredAt);
    assert.equal(riskEvents(f).length, 1);
    assert.equal(notificationsOf(f.docs, 's1').length, 2);
    assert.equal(f.outbox.byChannel('push').length, 2);
    assert.equal(f.deliveries.list().length, 2);
  });

  it('does not score invalid answers, raises nothing, and logs only a count', async () => {
    const f = setup();
    f.docs.seed(paths.assessment('s1', 'bad'), { instrument: 'phq9', answers: [0, 0, 0, 0, 0, 0, 0, 0, 7], createdAt: f.docs.now() });
    const cap = captureLogs();
    let outcome;
    try {
      outcome = await handleAssessmentCreated(f.wellbeing, 's1', 'bad', NOON_IST);
    } finally {
      cap.restore();
    }
    assert.equal(outcome.status, 'invalid');
    assert.equal(f.docs.peek(paths.assessment('s1', 'bad'))?.score, undefined);
    assert.deepEqual(riskEvents(f), []);
    assert.equal(notificationsOf(f.docs, 's1').length, 0);
    assert.ok(cap.lines.some((l) => l.event === 'wellbeing.assessment-invalid' && l.fields.issueCount === 1));
  });

  it('scores but notifies no one and raises nothing when the profile is gone', async () => {
    const f = fakeWellbeing(NOON_IST);
    seedAssessment(f.docs, 'gone', 'a1', 'phq9', [0, 0, 0, 0, 0, 0, 0, 0, 1]);
    const outcome = await handleAssessmentCreated(f.wellbeing, 'gone', 'a1', NOON_IST);
    assert.equal(outcome.status, 'scored');
    assert.deepEqual(riskEvents(f), []);
    assert.equal(f.outbox.entries.length, 0);
    const a = assessmentSchema.parse(f.docs.peek(paths.assessment('gone', 'a1')));
    assert.equal(a.severity, 'minimal');
    assert.equal(a.orgId, undefined, 'no profile, no org to count it under');
  });
});
