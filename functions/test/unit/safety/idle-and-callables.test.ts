/**
 * `closeIdleChats` (through the scheduled function's `run`) and the counselor callables
 * `getRiskEventDetail`, `updateRiskEvent`, `listRiskQueue` (through firebase-functions-test's v2 callable
 * wrapper), built around fakes.
 */
import assert from 'node:assert/strict';
import functionsTest from 'firebase-functions-test';
import { Timestamp } from 'firebase-admin/firestore';
import { HttpsError } from 'firebase-functions/v2/https';
import { paths } from '../../../src/model/paths';
import { chatSchema, type RiskEventLevel } from '../../../src/model/schemas';
import { decryptField } from '../../../src/platform/crypto';
import { summaryContext } from '../../../src/safety/ids';
import { IDLE_MS } from '../../../src/safety/idle-chats';
import { ensureRiskEvent } from '../../../src/safety/risk-events';
import { buildCloseIdleChats, buildGetRiskEventDetail, buildListRiskQueue, buildUpdateRiskEvent } from '../../../src/safety/triggers';
import { authData, callableRequest } from '../../support/callable';
import { profileFixture, TEST_KEY_RING } from '../../support/notify-fakes';
import {
  fakeSafetyDeps,
  peekAs,
  riskEventsIn,
  ScriptedModel,
  seedChat,
  seedMessage,
  seedOrg,
  seedStaff,
  T_START,
  type FakeSafety,
} from '../../support/safety-fakes';

const ffTest = functionsTest({ projectId: 'demo-manmitra' });
after(() => ffTest.cleanup());

const MIN = 60_000;
const ts = (ms: number) => Timestamp.fromMillis(ms);

async function rejects(p: Promise<unknown>, status: string, code?: string) {
  await assert.rejects(p, (e: unknown) => {
    assert.ok(e instanceof HttpsError, `expected HttpsError, got ${String(e)}`);
    assert.equal(e.code, status);
    if (code !== undefined) {
      const details: unknown = e.details;
      assert.ok(typeof details === 'object' && details !== null && 'code' in details);
      assert.equal(details.code, code);
    }
    return true;
  });
}

describe('closeIdleChats', () => {
  function chatWithMessages(fake: FakeSafety, chatId: string, times: number[], lastMessageAt: number) {
    seedChat(fake.docs, chatId, { studentUid: 's1', orgId: 'org-a', lastMessageAt: ts(lastMessageAt), createdAt: ts(times[0] ?? lastMessageAt) });
    times.forEach((at, i) =>
      seedMessage(fake.docs, chatId, `m${String(i)}`, {
        authorUid: i % 2 === 0 ? 's1' : 'bot',
        sender: i % 2 === 0 ? 'student' : 'bot',
        text: i % 2 === 0 ? 'exam stress, call me on 98765 43210' : 'I hear you',
        createdAt: ts(at),
        ...(i % 2 === 0 ? { screening: { level: 'low', reasons: ['stress'], by: 'rules', at: ts(at) } } : {}),
      }),
    );
  }
  const run = (fake: FakeSafety) => buildCloseIdleChats(() => fake.deps).run({ scheduleTime: new Date(fake.clock.now).toISOString() });
  const chat = (fake: FakeSafety, id: string) => peekAs(fake.docs, chatSchema, paths.chat(id));

  it('closes a chat idle for over 30 minutes with an encrypted local summary when there is no model', async () => {
    const fake = fakeSafetyDeps({ model: new ScriptedModel(false) });
    seedOrg(fake.docs, 'org-a');
    chatWithMessages(fake, 'idle', [T_START - 50 * MIN, T_START - 45 * MIN, T_START - 40 * MIN], T_START - 40 * MIN);
    await run(fake);
    const closed = chat(fake, 'idle');
    assert.deepEqual([closed?.status, closed?.closedAt?.toMillis()], ['closed', T_START]);
    assert.ok(closed?.summary);
    const text = decryptField(TEST_KEY_RING, closed.summary, summaryContext('idle'));
    assert.match(text, /Chat of 3 messages \(2 from the student\) over 10 minutes\. Highest screened level: low\./);
    assert.doesNotMatch(text, /98765/);
  });

  it('uses the model summary (from a stripped transcript) when the model is there', async () => {
    const fake = fakeSafetyDeps();
    seedOrg(fake.docs, 'org-a');
    fake.model.text = [{ status: 'ok', value: 'Exam stress; suggest a counselor session.', attempts: 1 }];
    chatWithMessages(fake, 'idle', [T_START - 50 * MIN, T_START - 45 * MIN], T_START - 45 * MIN);
    await run(fake);
    const closed = chat(fake, 'idle');
    assert.ok(closed?.summary);
    assert.equal(decryptField(TEST_KEY_RING, closed.summary, summaryContext('idle')), 'Exam stress; suggest a counselor session.');
    assert.doesNotMatch(fake.model.calls('text')[0]?.prompt ?? '', /98765/);
  });

  it('keeps open a chat whose lastMessageAt lags behind a recent message, and corrects lastMessageAt', async () => {
    const fake = fakeSafetyDeps();
    seedOrg(fake.docs, 'org-a');
    chatWithMessages(fake, 'busy', [T_START - 40 * MIN, T_START - 5 * MIN], T_START - 40 * MIN);
    chatWithMessages(fake, 'fresh', [T_START - 10 * MIN], T_START - 10 * MIN);
    await run(fake);
    assert.deepEqual([chat(fake, 'busy')?.status, chat(fake, 'busy')?.lastMessageAt.toMillis()], ['open', T_START - 5 * MIN]);
    assert.equal(chat(fake, 'fresh')?.status, 'open');
  });

  it('leaves closed chats alone and closes a chat exactly past the idle limit', async () => {
    const fake = fakeSafetyDeps({ model: new ScriptedModel(false) });
    seedChat(fake.docs, 'done', { studentUid: 's1', status: 'closed', lastMessageAt: ts(T_START - 90 * MIN) });
    chatWithMessages(fake, 'edge', [T_START - IDLE_MS], T_START - IDLE_MS);
    await run(fake);
    assert.equal(chat(fake, 'done')?.summary, undefined);
    assert.equal(chat(fake, 'edge')?.status, 'closed');
    const summary = chat(fake, 'edge')?.summary;
    assert.ok(summary);
    assert.match(decryptField(TEST_KEY_RING, summary, summaryContext('edge')), /^Chat of 1 message \(1 from the student\) over 0 minutes\./);
  });
});

describe('counselor callables', () => {
  const counselor = (uid = 'c1', orgId = 'org-a') => authData(uid, { role: 'counselor', orgId });

  async function setup(levels: RiskEventLevel[] = ['high']) {
    const fake = fakeSafetyDeps();
    seedOrg(fake.docs, 'org-a', { onCall: ['c1'] });
    seedStaff(fake.docs, 'c1', 'counselor', 'org-a');
    seedStaff(fake.docs, 'c2', 'counselor', 'org-a');
    seedStaff(fake.docs, 'c9', 'counselor', 'org-a', { active: false });
    seedChat(fake.docs, 'chat1', { studentUid: 's1', orgId: 'org-a' });
    const texts = ['hi', 'exams tomorrow', 'I want to die', 'I am scared', 'ok'];
    texts.forEach((text, i) => seedMessage(fake.docs, 'chat1', `m${String(i)}`, { authorUid: 's1', text, createdAt: ts(T_START - (10 - i) * MIN) }));
    const ids: string[] = [];
    for (const [i, level] of levels.entries()) {
      fake.clock.now = T_START + i * MIN;
      const e = await ensureRiskEvent(fake.deps, {
        source: 'chat',
        sourcePath: paths.message('chat1', i === 0 ? 'm2' : `other${String(i)}`),
        studentUid: 's1',
        profile: profileFixture({ orgId: 'org-a' }),
        orgId: 'org-a',
        level,
        reasons: ['suicidal-intent'],
        text: i === 0 ? 'I want to die' : `text ${String(i)}`,
      });
      assert.ok(e);
      ids.push(e.id);
    }
    return { fake, ids };
  }

  it('getRiskEventDetail gives a counselor of the org the decrypted excerpt and the chat around it, and audits the access first', async () => {
    const { fake, ids } = await setup();
    const get = ffTest.wrap(buildGetRiskEventDetail(() => fake.deps));
    const detail = await get(callableRequest({ eventId: ids[0] }, counselor()));
    assert.equal(detail.excerpt, 'I want to die');
    assert.deepEqual(detail.context.map((m) => [m.id, m.source]), [['m0', false], ['m1', false], ['m2', true], ['m3', false], ['m4', false]]);
    assert.equal(detail.event.level, 'high');
    assert.deepEqual(fake.store.audits, [
      { actor: { uid: 'c1', role: 'counselor', orgId: 'org-a' }, action: 'risk.excerpt-read', target: paths.riskEvent(ids[0] ?? ''), orgId: 'org-a', meta: { level: 'high', source: 'chat' } },
    ]);
    await get(callableRequest({ eventId: ids[0] }, authData('a1', { role: 'admin', orgId: 'org-a' })));
    assert.equal(fake.store.audits.length, 2, 'every call writes an audit entry');
  });

  it('getRiskEventDetail refuses students, other orgs (as not found) and unknown ids, without auditing', async () => {
    const { fake, ids } = await setup();
    const get = ffTest.wrap(buildGetRiskEventDetail(() => fake.deps));
    await rejects(get(callableRequest({ eventId: ids[0] }, authData('s1', { role: 'student', orgId: 'org-a' }))), 'permission-denied', 'risk/not-staff');
    await rejects(get(callableRequest({ eventId: ids[0] }, counselor('x1', 'org-b'))), 'not-found', 'risk/not-found');
    await rejects(get(callableRequest({ eventId: 'nope' }, counselor())), 'not-found', 'risk/not-found');
    await rejects(get(callableRequest({ eventId: ids[0] })), 'unauthenticated');
    await rejects(get(callableRequest({ eventId: 'a/b' }, counselor())), 'invalid-argument');
    assert.equal(fake.store.audits.length, 0);
  });

  it('updateRiskEvent acknowledges, assigns and resolves with an outcome, auditing each change, and stops escalation', async () => {
    const { fake, ids } = await setup();
    const id = ids[0] ?? '';
    const update = ffTest.wrap(buildUpdateRiskEvent(() => fake.deps));
    fake.clock.now = T_START + 2 * MIN;
    const acked = await update(callableRequest({ eventId: id, action: 'acknowledge' }, counselor()));
    assert.deepEqual([acked.event.status, acked.event.ackBy, acked.event.nextEscalationAt, acked.changed], ['acknowledged', 'c1', null, true]);
    const again = await update(callableRequest({ eventId: id, action: 'acknowledge' }, counselor('c2')));
    assert.deepEqual([again.changed, again.event.ackBy], [false, 'c1']);
    await update(callableRequest({ eventId: id, action: 'assign', assignee: 'c2' }, counselor()));
    const resolved = await update(callableRequest({ eventId: id, action: 'resolve', outcome: 'false-positive' }, counselor('c2')));
    assert.deepEqual([resolved.event.status, resolved.event.outcome, resolved.event.assignedTo], ['resolved', 'false-positive', 'c2']);
    const stored = riskEventsIn(fake.docs)[0];
    assert.deepEqual([stored?.status, stored?.outcome, stored?.nextEscalationAt, stored?.resolvedAt?.toMillis()], ['resolved', 'false-positive', null, T_START + 2 * MIN]);
    assert.deepEqual(
      fake.store.audits.map((a) => [a.action, a.actor.uid, a.meta]),
      [
        ['risk.update', 'c1', { action: 'acknowledge', from: 'open', to: 'acknowledged' }],
        ['risk.update', 'c1', { action: 'assign', from: 'acknowledged', to: 'acknowledged', assignee: 'c2' }],
        ['risk.update', 'c2', { action: 'resolve', from: 'acknowledged', to: 'resolved', outcome: 'false-positive' }],
      ],
    );
  });

  it('updateRiskEvent refuses an inactive or unknown assignee, another org, and a second life for a resolved alert', async () => {
    const { fake, ids } = await setup();
    const id = ids[0] ?? '';
    const update = ffTest.wrap(buildUpdateRiskEvent(() => fake.deps));
    await rejects(update(callableRequest({ eventId: id, action: 'assign', assignee: 'c9' }, counselor())), 'invalid-argument', 'risk/bad-assignee');
    await rejects(update(callableRequest({ eventId: id, action: 'assign', assignee: 's1' }, counselor())), 'invalid-argument', 'risk/bad-assignee');
    await rejects(update(callableRequest({ eventId: id, action: 'acknowledge' }, counselor('x1', 'org-b'))), 'not-found', 'risk/not-found');
    await update(callableRequest({ eventId: id, action: 'resolve', outcome: 'true-positive' }, counselor()));
    await rejects(update(callableRequest({ eventId: id, action: 'acknowledge' }, counselor())), 'failed-precondition', 'risk/already-resolved');
    assert.equal(fake.store.audits.length, 1);
  });

  it('listRiskQueue orders the org queue by level, then age, and leaves resolved events out', async () => {
    const { fake, ids } = await setup(['moderate', 'high', 'imminent', 'high']);
    const list = ffTest.wrap(buildListRiskQueue(() => fake.deps));
    const update = ffTest.wrap(buildUpdateRiskEvent(() => fake.deps));
    await update(callableRequest({ eventId: ids[3], action: 'resolve', outcome: 'unclear' }, counselor()));
    const queue = await list(callableRequest({}, counselor()));
    assert.deepEqual(queue.events.map((e) => e.id), [ids[2], ids[1], ids[0]]);
    assert.ok(queue.events.every((e) => !('excerpt' in e)));
    const resolved = await list(callableRequest({ view: 'resolved' }, counselor()));
    assert.deepEqual(resolved.events.map((e) => e.id), [ids[3]]);
    await rejects(list(callableRequest({}, authData('s1', { role: 'student', orgId: 'org-a' }))), 'permission-denied');
  });
});
