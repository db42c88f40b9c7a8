/**
 * `onRiskEventCreated` (initial fan-out, driven through firebase-functions-test) and `escalationSweep`
 * (escalation steps and re-screening, run through the scheduled function's own `run`), built around fakes,
 * with the real notifier over offline providers.
 */
import assert from 'node:assert/strict';
import functionsTest from 'firebase-functions-test';
import { Timestamp } from 'firebase-admin/firestore';
import { paths } from '../../../src/model/paths';
import { messageSchema, type RiskEventLevel } from '../../../src/model/schemas';
import { captureLogs } from '../../../src/platform/log';
import { pushChannel } from '../../../src/platform/providers/channels';
import { OFFLINE_UNREGISTERED_TOKEN_PREFIX, offlinePushSender } from '../../../src/platform/providers/offline';
import { ProviderError, type PushSender } from '../../../src/platform/providers/types';
import { FanOutIncompleteError } from '../../../src/safety/alerts';
import { riskEventIdFor } from '../../../src/safety/ids';
import { ensureRiskEvent } from '../../../src/safety/risk-events';
import { buildEscalationSweep, buildOnRiskEventCreated } from '../../../src/safety/triggers';
import { PENDING_REASON, UNSCREENED_REASON } from '../../../src/safety/verdict';
import { notificationsOf, profileFixture, seedContact, seedDevice } from '../../support/notify-fakes';
import {
  fakeSafetyDeps,
  peekAs,
  riskEventsIn,
  seedChat,
  seedMessage,
  seedOrg,
  seedStaff,
  seedStudent,
  snapshotData,
  T_START,
  type FakeSafety,
} from '../../support/safety-fakes';

const ffTest = functionsTest({ projectId: 'demo-manmitra' });
after(() => ffTest.cleanup());

const MIN = 60_000;

function setup(onCall: string[] = ['c1']): FakeSafety {
  const fake = fakeSafetyDeps();
  seedOrg(fake.docs, 'org-a', { onCall });
  seedStaff(fake.docs, 'c1', 'counselor', 'org-a');
  seedStaff(fake.docs, 'c2', 'counselor', 'org-a');
  seedStaff(fake.docs, 'c3', 'counselor', 'org-a', { active: false });
  seedStaff(fake.docs, 'a1', 'admin', 'org-a');
  seedStaff(fake.docs, 'x1', 'counselor', 'org-b');
  for (const uid of ['c1', 'c2', 'c3', 'a1', 'x1']) seedDevice(fake.docs, uid, 'd1', `token-${uid}`);
  seedContact(fake.docs, 'c1', { phone: '+919800000001', email: 'c1@college.example' });
  seedStudent(fake.docs, 's1', { orgId: 'org-a' });
  seedChat(fake.docs, 'chat1', { studentUid: 's1', orgId: 'org-a' });
  return fake;
}

async function raise(fake: FakeSafety, level: RiskEventLevel, msgId = 'm1'): Promise<string> {
  const sourcePath = paths.message('chat1', msgId);
  const created = await ensureRiskEvent(fake.deps, {
    source: 'chat',
    sourcePath,
    studentUid: 's1',
    profile: profileFixture({ orgId: 'org-a' }),
    orgId: 'org-a',
    level,
    reasons: ['suicidal-intent'],
    text: 'words',
  });
  assert.ok(created);
  return created.id;
}

async function fanOut(fake: FakeSafety, id: string): Promise<unknown> {
  const event = riskEventsIn(fake.docs).find((e) => e.id === id);
  assert.ok(event);
  const { id: _id, ...data } = event;
  const wrapped = ffTest.wrap(buildOnRiskEventCreated(() => fake.deps));
  return wrapped({ data: ffTest.firestore.makeDocumentSnapshot(snapshotData(data), paths.riskEvent(id)), params: { eventId: id } });
}

async function sweepAt(fake: FakeSafety, at: number): Promise<void> {
  fake.clock.now = at;
  await buildEscalationSweep(() => fake.deps).run({ scheduleTime: new Date(at).toISOString() });
}

const notified = (fake: FakeSafety, type: 'risk-alert' | 'risk-escalation') =>
  ['c1', 'c2', 'c3', 'a1', 'x1'].filter((uid) => notificationsOf(fake.docs, uid).some((n) => n.type === type));

describe('onRiskEventCreated', () => {
  it('alerts the on-call counselors by push and in-app, linking the event, without the student or their words', async () => {
    const fake = setup(['c1']);
    const id = await raise(fake, 'high');
    await fanOut(fake, id);
    assert.deepEqual(notified(fake, 'risk-alert'), ['c1']);
    const [n] = notificationsOf(fake.docs, 'c1');
    assert.equal(n?.link, paths.riskEvent(id));
    assert.equal(n?.title, 'Risk alert: high');
    assert.doesNotMatch(`${n?.title ?? ''} ${n?.body ?? ''}`, /Otter|words|s1/);
    assert.deepEqual(fake.notify.deliveries.list().map((d) => [d.channel, d.template, d.recipientRef, d.status, d.sourcePath]), [
      ['push', 'risk.alert', 'users/c1', 'sent', paths.riskEvent(id)],
    ]);
  });

  it('alerts every active counselor of the org when nobody is on call', async () => {
    const fake = setup([]);
    await fanOut(fake, await raise(fake, 'high'));
    assert.deepEqual(notified(fake, 'risk-alert'), ['c1', 'c2']);
  });

  it('adds SMS and email for imminent events', async () => {
    const fake = setup(['c1']);
    await fanOut(fake, await raise(fake, 'imminent'));
    assert.deepEqual(fake.notify.deliveries.list().map((d) => d.channel).sort(), ['email', 'push', 'sms']);
    assert.match(fake.notify.outbox.byChannel('sms')[0]?.message.body ?? '', /Risk alert: imminent/);
  });

  it('removes a device whose token the push service reports unregistered', async () => {
    const fake = setup(['c1']);
    seedDevice(fake.docs, 'c1', 'dead', `${OFFLINE_UNREGISTERED_TOKEN_PREFIX}-1`, Timestamp.fromMillis(T_START));
    await fanOut(fake, await raise(fake, 'high'));
    assert.equal(fake.docs.peek(paths.device('c1', 'dead')), undefined);
    assert.ok(fake.docs.peek(paths.device('c1', 'd1')));
  });

  it('a failed delivery is recorded with its error, the trigger asks to be retried, and the retry sends only what failed', async () => {
    const fake = setup(['c1', 'c2']);
    const real = offlinePushSender('simulate', fake.notify.outbox);
    let failures = 1;
    const flaky: PushSender = {
      implementation: 'offline',
      async sendMulticast(message, context) {
        if (context.recipientRef === 'users/c2' && failures > 0) {
          failures -= 1;
          throw new ProviderError('fcm', 'unavailable', 'HTTP 503', { httpStatus: 503, attempts: 3 });
        }
        return real.sendMulticast(message, context);
      },
    };
    fake.notify.deps.push = pushChannel(flaky, fake.notify.deliveries);
    const id = await raise(fake, 'high');
    await assert.rejects(fanOut(fake, id), (e: unknown) => e instanceof FanOutIncompleteError);
    const c2 = () => fake.notify.deliveries.list().find((d) => d.recipientRef === 'users/c2');
    assert.deepEqual([c2()?.status, c2()?.attempts, c2()?.lastError], ['failed', 3, 'fcm/unavailable']);
    await fanOut(fake, id);
    assert.deepEqual([c2()?.status, c2()?.attempts, c2()?.lastError], ['sent', 4, null]);
    assert.equal(fake.notify.outbox.byChannel('push').filter((e) => e.context.recipientRef === 'users/c1').length, 1);
  });

  it('logs an error when the org has nobody to alert', async () => {
    const fake = fakeSafetyDeps();
    seedOrg(fake.docs, 'org-z', { onCall: [] });
    fake.docs.seed(paths.user('s9'), profileFixture({ orgId: 'org-z' }));
    const created = await ensureRiskEvent(fake.deps, { source: 'chat', sourcePath: 'chats/c/messages/m', studentUid: 's9', profile: null, orgId: 'org-z', level: 'high', reasons: [], text: 't' });
    assert.ok(created);
    const cap = captureLogs();
    try {
      await fanOut(fake, created.id);
    } finally {
      cap.restore();
    }
    assert.deepEqual(cap.lines.find((l) => l.event === 'safety.no-recipients')?.severity, 'error');
  });
});

describe('escalationSweep: escalation steps', () => {
  it('escalates an unacknowledged high event: more counselors at 10 min, admins at 20, SMS/email at 30, each step recorded', async () => {
    const fake = setup(['c1']);
    const id = await raise(fake, 'high');
    const event = () => riskEventsIn(fake.docs).find((e) => e.id === id);

    await sweepAt(fake, T_START + 9 * MIN);
    assert.equal(event()?.escalationStep, 0);

    await sweepAt(fake, T_START + 10 * MIN);
    assert.deepEqual([event()?.escalationStep, event()?.status, event()?.nextEscalationAt?.toMillis()], [1, 'escalated', T_START + 20 * MIN]);
    assert.deepEqual(notified(fake, 'risk-escalation'), ['c1', 'c2']);

    await sweepAt(fake, T_START + 20 * MIN);
    assert.equal(event()?.escalationStep, 2);
    assert.deepEqual(notified(fake, 'risk-escalation'), ['c1', 'c2', 'a1']);

    await sweepAt(fake, T_START + 30 * MIN);
    assert.equal(event()?.escalationStep, 3);
    const urgent = fake.notify.deliveries.list().filter((d) => d.template === 'risk.escalation' && (d.channel === 'sms' || d.channel === 'email'));
    assert.deepEqual(urgent.map((d) => [d.channel, d.recipientRef, d.status]), [['sms', 'users/c1', 'sent'], ['email', 'users/c1', 'sent']]);
    assert.equal(event()?.nextEscalationAt?.toMillis(), T_START + 60 * MIN);
  });

  it('paces imminent events faster (first step after 3 minutes)', async () => {
    const fake = setup(['c1']);
    const id = await raise(fake, 'imminent');
    await sweepAt(fake, T_START + 3 * MIN);
    assert.equal(riskEventsIn(fake.docs).find((e) => e.id === id)?.escalationStep, 1);
  });

  it('two sweeps at once record the step once and notify each person once', async () => {
    const fake = setup(['c1']);
    const id = await raise(fake, 'high');
    fake.clock.now = T_START + 10 * MIN;
    const sweep = buildEscalationSweep(() => fake.deps);
    const tick = { scheduleTime: new Date(fake.clock.now).toISOString() };
    await Promise.all([sweep.run(tick), sweep.run(tick)]);
    assert.equal(riskEventsIn(fake.docs).find((e) => e.id === id)?.escalationStep, 1);
    assert.equal(notificationsOf(fake.docs, 'c2').length, 1);
    assert.equal(fake.notify.deliveries.list().filter((d) => d.recipientRef === 'users/c2').length, 1);
  });

  it('stops once someone acknowledges, even when the client acknowledged directly (the sweep clears the deadline)', async () => {
    const fake = setup(['c1']);
    const id = await raise(fake, 'high');
    fake.docs.update(paths.riskEvent(id), { status: 'acknowledged', ackBy: 'c1', ackAt: Timestamp.fromMillis(T_START + MIN) });
    await sweepAt(fake, T_START + 10 * MIN);
    const event = riskEventsIn(fake.docs).find((e) => e.id === id);
    assert.deepEqual([event?.escalationStep, event?.nextEscalationAt], [0, null]);
    assert.deepEqual(notified(fake, 'risk-escalation'), []);
  });
});

describe('escalationSweep: re-screening', () => {
  function pending(fake: FakeSafety, msgId: string, createdAt: number) {
    seedMessage(fake.docs, 'chat1', msgId, {
      authorUid: 's1',
      text: 'i feel hopeless and want it to stop',
      createdAt: Timestamp.fromMillis(createdAt),
      screening: { level: 'moderate', reasons: ['hopelessness', PENDING_REASON], by: 'rules', at: Timestamp.fromMillis(createdAt) },
    });
  }
  const screening = (fake: FakeSafety, msgId: string) => peekAs(fake.docs, messageSchema, paths.message('chat1', msgId))?.screening;

  it('screens a pending message again and raises the alert when the model finds more', async () => {
    const fake = setup(['c1']);
    pending(fake, 'm1', T_START - 2 * MIN);
    fake.model.json = [{ status: 'ok', value: { level: 'high', reasons: ['passive-death-wish'] }, attempts: 1 }];
    await sweepAt(fake, T_START);
    assert.deepEqual([screening(fake, 'm1')?.level, screening(fake, 'm1')?.by, screening(fake, 'm1')?.reasons], [
      'high',
      'rules+model',
      ['hopelessness', 'model:passive-death-wish'],
    ]);
    const [event] = riskEventsIn(fake.docs);
    assert.deepEqual([event?.id, event?.level], [riskEventIdFor(paths.message('chat1', 'm1')), 'high']);
  });

  it('a new failure keeps it pending and moves it to the back of the queue', async () => {
    const fake = setup(['c1']);
    pending(fake, 'm1', T_START - 2 * MIN);
    fake.model.json = [{ status: 'empty', attempts: 1 }];
    await sweepAt(fake, T_START);
    assert.deepEqual([screening(fake, 'm1')?.level, screening(fake, 'm1')?.reasons, screening(fake, 'm1')?.at.toMillis()], [
      'moderate',
      ['hopelessness', PENDING_REASON],
      T_START,
    ]);
  });

  it('gives up after a day without asking the model', async () => {
    const fake = setup(['c1']);
    pending(fake, 'm1', T_START - 25 * 60 * MIN);
    await sweepAt(fake, T_START);
    assert.deepEqual(screening(fake, 'm1')?.reasons, ['hopelessness', UNSCREENED_REASON]);
    assert.equal(fake.model.requests.length, 0);
  });
});
