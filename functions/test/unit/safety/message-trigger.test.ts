/**
 * `onChatMessageCreated` built around fakes and driven through firebase-functions-test (the real v2
 * Firestore trigger wrapper): screening, riskEvents, Bestie's replies, rate limit, budget, idempotency.
 */
import assert from 'node:assert/strict';
import functionsTest from 'firebase-functions-test';
import { paths } from '../../../src/model/paths';
import { messageSchema, type Message } from '../../../src/model/schemas';
import { decryptField } from '../../../src/platform/crypto';
import { captureLogs } from '../../../src/platform/log';
import { ProviderError } from '../../../src/platform/providers/types';
import { botReplyIdFor, excerptContext, riskEventIdFor } from '../../../src/safety/ids';
import { buildOnChatMessageCreated, buildOnRiskEventCreated } from '../../../src/safety/triggers';
import { screen } from '../../../src/safety/screener';
import { PENDING_REASON, type DeterministicScreener } from '../../../src/safety/verdict';
import { seedContact, seedDevice, TEST_KEY_RING } from '../../support/notify-fakes';
import {
  botMessagesIn,
  fakeSafetyDeps,
  peekAs,
  riskEventsIn,
  ScriptedModel,
  seedChat,
  seedConfig,
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

function setup(options: { model?: ScriptedModel; kind?: 'bot' | 'counselor'; orgId?: string | null; screen?: DeterministicScreener } = {}): FakeSafety {
  const fake = fakeSafetyDeps({ ...(options.model ? { model: options.model } : {}), ...(options.screen ? { screen: options.screen } : {}) });
  seedOrg(fake.docs, 'org-a', { onCall: ['c1'] });
  seedStaff(fake.docs, 'c1', 'counselor', 'org-a');
  seedStudent(fake.docs, 's1', { orgId: 'org-a' });
  const orgId = options.orgId === undefined ? 'org-a' : options.orgId;
  seedChat(fake.docs, 'chat1', {
    kind: options.kind ?? 'bot',
    studentUid: 's1',
    ...(orgId !== null ? { orgId } : {}),
    ...(options.kind === 'counselor' ? { counselorUid: 'c1' } : {}),
  });
  return fake;
}

async function send(fake: FakeSafety, msgId: string, text: string, sender: Message['sender'] = 'student'): Promise<Message> {
  const message = seedMessage(fake.docs, 'chat1', msgId, { authorUid: sender === 'student' ? 's1' : sender === 'bot' ? 'bot' : 'c1', sender, text });
  await deliver(fake, msgId, message);
  return message;
}

async function deliver(fake: FakeSafety, msgId: string, message: Message): Promise<void> {
  const wrapped = ffTest.wrap(buildOnChatMessageCreated(() => fake.deps));
  await wrapped({ data: ffTest.firestore.makeDocumentSnapshot(snapshotData(message), paths.message('chat1', msgId)), params: { chatId: 'chat1', msgId } });
}

const screeningOf = (fake: FakeSafety, msgId: string) => peekAs(fake.docs, messageSchema, paths.message('chat1', msgId))?.screening;

describe('onChatMessageCreated', () => {
  it('a benign message in a bot chat: model verdict combined, the listener reply written under a derived id, no riskEvent', async () => {
    const fake = setup();
    fake.model.text = [{ status: 'ok', value: 'That sounds like a long day. What helped today?', attempts: 1 }];
    await send(fake, 'm1', 'long day, a bit stressed about exams');
    assert.deepEqual(screeningOf(fake, 'm1'), {
      level: 'low',
      reasons: ['stress'],
      by: 'rules+model',
      at: screeningOf(fake, 'm1')?.at,
    });
    const replies = botMessagesIn(fake.docs, 'chat1');
    assert.deepEqual(
      replies.map((r) => [r.id, r.agent, r.authorUid, r.text]),
      [[botReplyIdFor('m1'), 'listener', 'bot', 'That sounds like a long day. What helped today?']],
    );
    assert.equal(riskEventsIn(fake.docs).length, 0);
    assert.equal(fake.model.calls('json').length, 1);
    assert.equal(fake.model.calls('text').length, 1);
  });

  it('high by the rules: the riskEvent and the crisis reply exist before the model answers', async () => {
    const fake = setup();
    const release = fake.model.hold();
    const message = seedMessage(fake.docs, 'chat1', 'm1', { authorUid: 's1', text: 'I want to die' });
    const running = deliver(fake, 'm1', message);
    const eventId = riskEventIdFor(paths.message('chat1', 'm1'));
    for (let i = 0; i < 100 && botMessagesIn(fake.docs, 'chat1').length === 0; i += 1) await new Promise((r) => setImmediate(r));
    const [event] = riskEventsIn(fake.docs);
    assert.equal(event?.id, eventId);
    assert.equal(event?.level, 'high');
    assert.equal(botMessagesIn(fake.docs, 'chat1')[0]?.agent, 'crisis');
    assert.equal(screeningOf(fake, 'm1'), undefined, 'screening waits for the model; the alert does not');
    release();
    await running;
    assert.equal(screeningOf(fake, 'm1')?.level, 'high');
    assert.equal(botMessagesIn(fake.docs, 'chat1').length, 1);
  });

  it('stores the riskEvent with the student alias, the source, the policy deadline and an encrypted excerpt bound to its path', async () => {
    const fake = setup();
    await send(fake, 'm1', 'I want to die, nobody would notice');
    const [event] = riskEventsIn(fake.docs);
    assert.ok(event);
    assert.deepEqual(
      [event.orgId, event.studentUid, event.alias, event.source, event.sourcePath, event.status, event.escalationStep],
      ['org-a', 's1', 'Calm Otter 42', 'chat', paths.message('chat1', 'm1'), 'open', 0],
    );
    assert.equal(event.nextEscalationAt?.toMillis(), T_START + 10 * 60_000);
    assert.ok(event.excerpt);
    assert.equal(decryptField(TEST_KEY_RING, event.excerpt, excerptContext(event.id)), 'I want to die, nobody would notice');
    assert.throws(() => decryptField(TEST_KEY_RING, event.excerpt ?? assert.fail(), excerptContext('other')));
  });

  it('the crisis reply is in the student language with the helplines of the org country (Nepal: 1166)', async () => {
    const fake = setup();
    seedOrg(fake.docs, 'org-a', { country: 'NP', timezone: 'Asia/Kathmandu', onCall: ['c1'] });
    seedStudent(fake.docs, 's1', { orgId: 'org-a', language: 'ne' });
    await send(fake, 'm1', 'I want to die');
    const reply = botMessagesIn(fake.docs, 'chat1')[0];
    assert.equal(reply?.agent, 'crisis');
    assert.match(reply?.text ?? '', /1166/);
    assert.match(reply?.text ?? '', /तपाईंले मलाई भन्नुभएकोमा/);
  });

  it('someone else in danger: the riskEvent, and a crisis reply that speaks to the student as the helper', async () => {
    const fake = setup({ screen });
    await send(fake, 'm1', 'my roommate keeps saying she wants to die and she gave away her books');
    assert.equal(riskEventsIn(fake.docs)[0]?.level, 'high');
    assert.ok(screeningOf(fake, 'm1')?.reasons.includes('third-party'));
    const reply = botMessagesIn(fake.docs, 'chat1')[0];
    assert.equal(reply?.agent, 'crisis');
    assert.match(reply?.text ?? '', /^Thank you for telling me and for looking out for them/);
    assert.match(reply?.text ?? '', /14416/);
    assert.doesNotMatch(reply?.text ?? '', /If you might act on these thoughts/);
  });

  it('the writer in danger too: the crisis reply is for the writer, not the helper', async () => {
    const fake = setup({ screen });
    await send(fake, 'm1', 'my friend wants to die and I want to die too');
    const reply = botMessagesIn(fake.docs, 'chat1')[0];
    assert.equal(reply?.agent, 'crisis');
    assert.match(reply?.text ?? '', /^I'm really glad you told me/);
  });

  it('only the model sees a crisis and tags it as someone else\'s: the helper reply', async () => {
    const fake = setup();
    fake.model.json = [{ status: 'ok', value: { level: 'high', reasons: ['passive-death-wish'], thirdParty: true }, attempts: 1 }];
    await send(fake, 'm1', 'my cousin has been posting sad stuff lately');
    assert.equal(screeningOf(fake, 'm1')?.level, 'high');
    assert.match(botMessagesIn(fake.docs, 'chat1')[0]?.text ?? '', /^Thank you for telling me and for looking out for them/);
  });

  it('the model raises a benign-looking message to high: riskEvent and crisis reply instead of the listener', async () => {
    const fake = setup();
    fake.model.json = [{ status: 'ok', value: { level: 'high', reasons: ['passive-death-wish'] }, attempts: 1 }];
    await send(fake, 'm1', 'i just want to sleep and not wake up');
    assert.deepEqual(screeningOf(fake, 'm1')?.reasons, ['model:passive-death-wish']);
    assert.equal(screeningOf(fake, 'm1')?.level, 'high');
    assert.equal(riskEventsIn(fake.docs)[0]?.level, 'high');
    assert.deepEqual(botMessagesIn(fake.docs, 'chat1').map((m) => m.agent), ['crisis']);
  });

  it('the model raises a rules-high event to imminent: the event is raised and the on-call counselor also gets SMS/email', async () => {
    const fake = setup();
    seedContact(fake.docs, 'c1', { phone: '+919800000001', email: 'c1@college.example' });
    fake.model.json = [{ status: 'ok', value: { level: 'imminent', reasons: ['plan'] }, attempts: 1 }];
    await send(fake, 'm1', 'I want to die');
    const [event] = riskEventsIn(fake.docs);
    assert.equal(event?.level, 'imminent');
    assert.ok(event?.reasons.includes('model:plan'));
    assert.equal(event?.nextEscalationAt?.toMillis(), T_START + 3 * 60_000);
    assert.deepEqual(
      fake.notify.deliveries.list().map((d) => [d.channel, d.recipientRef, d.status]),
      [['sms', 'users/c1', 'sent'], ['email', 'users/c1', 'sent']],
    );
    assert.equal(fake.notify.outbox.byChannel('sms')[0]?.message.to, '+919800000001');
  });

  it('a model failure keeps the deterministic level, marks the message for re-screening and never reads it as safe', async () => {
    const fake = setup();
    fake.model.json = [{ status: 'error', error: new ProviderError('gemini', 'timeout', 'deadline'), attempts: 2 }];
    await send(fake, 'm1', 'feeling hopeless');
    const screening = screeningOf(fake, 'm1');
    assert.deepEqual([screening?.level, screening?.by, screening?.reasons], ['moderate', 'rules', ['hopelessness', PENDING_REASON]]);
    assert.equal(riskEventsIn(fake.docs)[0]?.level, 'moderate');
  });

  it('a safety block on the student message counts as at least moderate', async () => {
    const fake = setup();
    fake.model.json = [{ status: 'blocked', reason: 'prompt:SAFETY', attempts: 1 }];
    await send(fake, 'm1', 'something the model refuses');
    assert.deepEqual([screeningOf(fake, 'm1')?.level, screeningOf(fake, 'm1')?.reasons], ['moderate', ['model-blocked']]);
    assert.equal(riskEventsIn(fake.docs)[0]?.level, 'moderate');
  });

  it('offline (no model): deterministic screening only, not pending, and a local reply', async () => {
    const fake = setup({ model: new ScriptedModel(false) });
    await send(fake, 'm1', 'hello');
    assert.deepEqual([screeningOf(fake, 'm1')?.by, screeningOf(fake, 'm1')?.reasons], ['rules', []]);
    assert.equal(botMessagesIn(fake.docs, 'chat1')[0]?.agent, 'local');
    assert.equal(fake.model.requests.length, 0);
  });

  it('past the rate limit: screening still runs on every message, the model is not called, Bestie asks to slow down once', async () => {
    const fake = setup();
    seedConfig(fake.docs, { rateLimits: { chatMessages: { limit: 2, windowSec: 300 }, forumPosts: { limit: 5, windowSec: 86400 }, forumComments: { limit: 30, windowSec: 3600 } } });
    for (const id of ['m1', 'm2', 'm3', 'm4']) {
      await send(fake, id, 'stressed');
      fake.advance(1000);
    }
    await send(fake, 'm5', 'I want to die');
    assert.deepEqual(['m1', 'm2', 'm3', 'm4', 'm5'].map((id) => screeningOf(fake, id)?.by), ['rules+model', 'rules+model', 'rules', 'rules', 'rules']);
    assert.equal(screeningOf(fake, 'm5')?.level, 'high');
    assert.equal(fake.model.calls('json').length, 2);
    assert.deepEqual(botMessagesIn(fake.docs, 'chat1').map((m) => m.agent), ['listener', 'listener', 'slow-down', 'crisis']);
    assert.equal(riskEventsIn(fake.docs).length, 1);
  });

  it('when the org budget is spent, falls back to rules and local replies and logs it once', async () => {
    const fake = setup();
    seedConfig(fake.docs, { modelBudget: { dailyCallsPerOrg: 2 } });
    const cap = captureLogs();
    try {
      await send(fake, 'm1', 'hi');
      await send(fake, 'm2', 'hi again');
      await send(fake, 'm3', 'still here');
    } finally {
      cap.restore();
    }
    assert.deepEqual(['m1', 'm2', 'm3'].map((id) => screeningOf(fake, id)?.by), ['rules+model', 'rules', 'rules']);
    assert.deepEqual(botMessagesIn(fake.docs, 'chat1').map((m) => m.agent), ['listener', 'local', 'local']);
    assert.equal(fake.model.requests.length, 2);
    assert.equal(cap.lines.filter((l) => l.event === 'safety.model-budget-exhausted').length, 1);
  });

  it('a counselor chat gets screening and alerts but no Bestie reply; counselor and bot messages are not screened', async () => {
    const fake = setup({ kind: 'counselor' });
    await send(fake, 'm1', 'I want to die');
    await send(fake, 'm2', 'I am here with you', 'counselor');
    assert.equal(riskEventsIn(fake.docs).length, 1);
    assert.equal(botMessagesIn(fake.docs, 'chat1').length, 0);
    assert.equal(screeningOf(fake, 'm2'), undefined);
    assert.equal(fake.model.calls('text').length, 0);
  });

  it('a message whose chat document is missing is still screened and alerted on, without a reply', async () => {
    const fake = setup();
    fake.docs.delete(paths.chat('chat1'));
    await send(fake, 'm1', 'I want to die');
    assert.equal(screeningOf(fake, 'm1')?.level, 'high');
    assert.equal(riskEventsIn(fake.docs)[0]?.orgId, 'org-a');
    assert.equal(botMessagesIn(fake.docs, 'chat1').length, 0);
  });

  it('finds the org from the profile when the chat names none', async () => {
    const fake = setup({ orgId: null });
    await send(fake, 'm1', 'I want to die');
    assert.equal(riskEventsIn(fake.docs)[0]?.orgId, 'org-a');
  });

  it('run twice on the same event: one riskEvent, one reply, and (through onRiskEventCreated, also twice) one set of deliveries', async () => {
    const fake = setup();
    seedDevice(fake.docs, 'c1', 'd1', 'token-c1');
    const message = seedMessage(fake.docs, 'chat1', 'm1', { authorUid: 's1', text: 'I want to die' });
    await deliver(fake, 'm1', message);
    await deliver(fake, 'm1', message);
    const events = riskEventsIn(fake.docs);
    assert.equal(events.length, 1);
    assert.equal(botMessagesIn(fake.docs, 'chat1').length, 1);
    const fanOut = ffTest.wrap(buildOnRiskEventCreated(() => fake.deps));
    const event = events[0];
    assert.ok(event);
    const { id, ...data } = event;
    const snapshot = ffTest.firestore.makeDocumentSnapshot(snapshotData(data), paths.riskEvent(id));
    await fanOut({ data: snapshot, params: { eventId: id } });
    const afterFirst = fake.notify.deliveries.list().map((d) => [d.channel, d.recipientRef, d.status]);
    const outboxFirst = fake.notify.outbox.entries.length;
    await fanOut({ data: snapshot, params: { eventId: id } });
    assert.deepEqual(fake.notify.deliveries.list().map((d) => [d.channel, d.recipientRef, d.status]), afterFirst);
    assert.deepEqual(afterFirst, [['push', 'users/c1', 'sent']]);
    assert.equal(fake.notify.outbox.entries.length, outboxFirst);
    assert.equal(fake.docs.paths().filter((p) => p.startsWith('users/c1/notifications/')).length, 1);
  });

  it('writes the crisis reply even when creating the riskEvent fails (and fails the run so it is retried)', async () => {
    const fake = setup();
    fake.store.createRiskEvent = () => Promise.reject(new Error('firestore unavailable'));
    const message = seedMessage(fake.docs, 'chat1', 'm1', { authorUid: 's1', text: 'I want to die' });
    await assert.rejects(deliver(fake, 'm1', message), /firestore unavailable/);
    assert.equal(botMessagesIn(fake.docs, 'chat1')[0]?.agent, 'crisis');
  });

  it('still raises the alert when the student profile is unreadable (pseudonym from the uid, org from the chat)', async () => {
    const fake = setup();
    fake.docs.seed(paths.user('s1'), { alias: 42 });
    await send(fake, 'm1', 'I want to die');
    const [event] = riskEventsIn(fake.docs);
    assert.deepEqual([event?.orgId, event?.level], ['org-a', 'high']);
    assert.match(event?.alias ?? '', /^\w+ \w+ \d{2}$/);
    assert.equal(botMessagesIn(fake.docs, 'chat1')[0]?.agent, 'crisis');
  });

  it('with the real deterministic screener: a Hindi message of intent gets an alert and a Hindi crisis reply; an idiom does not', async () => {
    const fake = fakeSafetyDeps({ screen });
    seedOrg(fake.docs, 'org-a', { onCall: ['c1'] });
    seedStudent(fake.docs, 's1', { orgId: 'org-a' });
    seedChat(fake.docs, 'chat1', { studentUid: 's1', orgId: 'org-a' });
    const release = fake.model.hold();
    const running = send(fake, 'm1', 'मैं मरना चाहता हूँ');
    for (let i = 0; i < 100 && botMessagesIn(fake.docs, 'chat1').length === 0; i += 1) await new Promise((r) => setImmediate(r));
    assert.equal(riskEventsIn(fake.docs)[0]?.level, 'high');
    assert.match(botMessagesIn(fake.docs, 'chat1')[0]?.text ?? '', /मुझे सच में खुशी है कि आपने मुझे बताया/);
    release();
    await running;
    const idiom = fakeSafetyDeps({ screen, model: new ScriptedModel(false) });
    seedChat(idiom.docs, 'chat1', { studentUid: 's1', orgId: 'org-a' });
    await send(idiom, 'm1', 'this exam is killing me');
    assert.deepEqual([screeningOf(idiom, 'm1')?.level, riskEventsIn(idiom.docs).length], ['low', 0]);
  });

  describe('retention (expireAt, the TTL field of messages)', () => {
    const DAY = 86_400_000;
    const messageOf = (fake: FakeSafety, msgId: string) => peekAs(fake.docs, messageSchema, paths.message('chat1', msgId));

    it('in a bot chat: the student message gets expireAt with its screening, the reply with its creation, 30 days on', async () => {
      const fake = setup();
      fake.model.text = [{ status: 'ok', value: 'I hear you.', attempts: 1 }];
      const sent = await send(fake, 'm1', 'long day');
      assert.ok(messageOf(fake, 'm1')?.screening);
      assert.equal(messageOf(fake, 'm1')?.expireAt?.toMillis(), sent.createdAt.toMillis() + 30 * DAY);
      const [reply] = botMessagesIn(fake.docs, 'chat1');
      assert.ok(reply?.expireAt);
      assert.equal(reply.expireAt.toMillis(), reply.createdAt.toMillis() + 30 * DAY);
    });

    it('the crisis reply expires too; the days come from the deps', async () => {
      const fake = setup();
      fake.deps.botMessageRetentionDays = 7;
      await send(fake, 'm1', 'I want to die');
      const [crisis] = botMessagesIn(fake.docs, 'chat1');
      assert.equal(crisis?.agent, 'crisis');
      assert.equal(crisis.expireAt?.toMillis(), T_START + 7 * DAY);
      assert.equal(messageOf(fake, 'm1')?.expireAt?.toMillis(), T_START + 7 * DAY);
    });

    it('never in a counselor chat: neither the student\'s message nor the counselor\'s', async () => {
      const fake = setup({ kind: 'counselor' });
      await send(fake, 'm1', 'I feel low today');
      await send(fake, 'm2', 'I am here with you', 'counselor');
      assert.ok(messageOf(fake, 'm1')?.screening);
      assert.equal(messageOf(fake, 'm1')?.expireAt, undefined);
      assert.ok(messageOf(fake, 'm2'));
      assert.equal(messageOf(fake, 'm2')?.expireAt, undefined);
    });

    it('not when the chat document is missing (its kind is unknown)', async () => {
      const fake = setup();
      fake.docs.delete(paths.chat('chat1'));
      await send(fake, 'm1', 'hello');
      assert.ok(messageOf(fake, 'm1')?.screening);
      assert.equal(messageOf(fake, 'm1')?.expireAt, undefined);
    });

    it('a redelivery writes the same expireAt', async () => {
      const fake = setup({ model: new ScriptedModel(false) });
      const message = await send(fake, 'm1', 'hello');
      fake.advance(60_000);
      await deliver(fake, 'm1', message);
      assert.equal(messageOf(fake, 'm1')?.expireAt?.toMillis(), message.createdAt.toMillis() + 30 * DAY);
      assert.equal(botMessagesIn(fake.docs, 'chat1').length, 1);
    });
  });

  it('never logs the message text', async () => {
    const fake = setup();
    const cap = captureLogs();
    try {
      await send(fake, 'm1', 'I want to die SECRET-WORDS');
    } finally {
      cap.restore();
    }
    assert.ok(cap.lines.some((l) => l.event === 'safety.message-screened'));
    assert.ok(!JSON.stringify(cap.lines).includes('SECRET-WORDS'));
    assert.ok(!JSON.stringify(cap.lines).includes('s1'));
  });
});
