/**
 * `firestoreSafetyStore` against the project's offline Firestore emulator (started from source on a free
 * port for this suite), through firebase-admin: typed reads, conditional creates, transactions, the queries
 * of the sweeps, and the message handler end to end on real Firestore semantics.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deleteApp, initializeApp, type App } from 'firebase-admin/app';
import { getFirestore, Timestamp, type Firestore } from 'firebase-admin/firestore';
import { paths } from '../../../src/model/paths';
import { appConfigSchema, chatSchema, messageSchema, riskEventSchema, type Message } from '../../../src/model/schemas';
import { DomainError } from '../../../src/platform/errors';
import { ModelBudget } from '../../../src/safety/budget';
import { SafetyCache, type SafetyDeps } from '../../../src/safety/deps';
import { botReplyIdFor, riskEventIdFor } from '../../../src/safety/ids';
import { handleChatMessage } from '../../../src/safety/message-handler';
import { RateLimiter } from '../../../src/safety/rate-limit';
import type { SafetyStore } from '../../../src/safety/store';
import { firestoreSafetyStore } from '../../../src/safety/store-firestore';
import { PENDING_REASON } from '../../../src/safety/verdict';
import { profileFixture, TEST_KEY_RING } from '../../support/notify-fakes';
import { keywordScreener, ScriptedModel } from '../../support/safety-fakes';

const ROOT = join(__dirname, '..', '..', '..', '..');
const READY = /ready on (\S+):(\d+)/;
const T = Date.parse('2025-05-05T06:30:00Z');
const ts = (ms: number) => Timestamp.fromMillis(ms);

function startEmulator(): Promise<{ child: ChildProcess; address: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', require.resolve('tsx/cjs'), join(ROOT, 'emulator', 'src', 'server', 'cli.ts'), '--host', '127.0.0.1', '--port', '0'], {
      cwd: mkdtempSync(join(tmpdir(), 'safety-store-')),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let tail = '';
    const onData = (chunk: Buffer) => {
      tail = (tail + chunk.toString()).slice(-4000);
      const m = READY.exec(tail);
      if (m?.[1] && m[2]) resolve({ child, address: `${m[1]}:${m[2]}` });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`emulator exited (${String(code)}): ${tail}`)));
  });
}

describe('firestoreSafetyStore (offline Firestore emulator)', function () {
  this.timeout(60_000);
  let child: ChildProcess;
  let app: App;
  let db: Firestore;
  let store: SafetyStore;
  let previousEnv: Record<'FIRESTORE_EMULATOR_HOST' | 'METADATA_SERVER_DETECTION', string | undefined>;
  let project = 0;

  before(async () => {
    const started = await startEmulator();
    child = started.child;
    previousEnv = { FIRESTORE_EMULATOR_HOST: process.env.FIRESTORE_EMULATOR_HOST, METADATA_SERVER_DETECTION: process.env.METADATA_SERVER_DETECTION };
    process.env.FIRESTORE_EMULATOR_HOST = started.address;
    process.env.METADATA_SERVER_DETECTION = 'none';
  });

  beforeEach(() => {
    project += 1;
    app = initializeApp({ projectId: `demo-safety-${String(project)}` }, `safety-store-${String(project)}`);
    db = getFirestore(app);
    store = firestoreSafetyStore(db);
  });

  afterEach(async () => {
    await db.terminate();
    await deleteApp(app);
  });

  after(async () => {
    for (const [name, value] of Object.entries(previousEnv)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    child.kill('SIGTERM');
    if (child.exitCode === null) await new Promise((r) => child.once('exit', r));
  });

  const seedChat = (id: string, data: Record<string, unknown> = {}) =>
    db.doc(paths.chat(id)).set(chatSchema.parse({ kind: 'bot', studentUid: 's1', orgId: 'org-a', status: 'open', createdAt: ts(T - 3_600_000), lastMessageAt: ts(T - 3_600_000), ...data }));
  const seedMessage = (chatId: string, id: string, data: Partial<Message> & { text: string }) =>
    db.doc(paths.message(chatId, id)).set(messageSchema.parse({ authorUid: 's1', sender: 'student', createdAt: ts(T), ...data }));
  const newEvent = (level: 'moderate' | 'high' | 'imminent' = 'high', orgId = 'org-a', createdAt = T) => ({
    orgId,
    studentUid: 's1',
    alias: 'Calm Otter 42',
    source: 'chat' as const,
    sourcePath: 'chats/c1/messages/m1',
    level,
    reasons: ['suicidal-intent'],
    excerpt: null,
    createdAt,
    nextEscalationAt: createdAt + 600_000,
  });

  it('reads config/app with defaults when it is missing, and parses it when present', async () => {
    assert.deepEqual(await store.appConfig(), appConfigSchema.parse({}));
    await db.doc(paths.appConfig()).set({ modelBudget: { dailyCallsPerOrg: 7 } });
    assert.equal((await store.appConfig()).modelBudget.dailyCallsPerOrg, 7);
  });

  it('creates a riskEvent once, raises it only upwards, and brings its deadline forward', async () => {
    assert.equal(await store.createRiskEvent('e1', newEvent('high')), 'created');
    assert.equal(await store.createRiskEvent('e1', newEvent('imminent')), 'exists');
    assert.equal((await store.riskEvent('e1'))?.level, 'high');
    assert.deepEqual(await store.raiseRiskEvent('e1', 'moderate', ['x'], T), { raised: false, from: 'high' });
    assert.deepEqual(await store.raiseRiskEvent('e1', 'imminent', ['plan'], T + 180_000), { raised: true, from: 'high' });
    const raised = await store.riskEvent('e1');
    assert.deepEqual([raised?.level, raised?.reasons, raised?.nextEscalationAt?.toMillis()], ['imminent', ['suicidal-intent', 'plan'], T + 180_000]);
    assert.equal(await store.raiseRiskEvent('nope', 'high', [], T), 'missing');
  });

  it('finds due events, records a step only from the expected step, and clears handled ones', async () => {
    await store.createRiskEvent('due', newEvent('high', 'org-a', T - 700_000));
    await store.createRiskEvent('later', newEvent('high', 'org-a', T));
    assert.deepEqual((await store.dueRiskEvents(T, 10)).map((r) => r.id), ['due']);
    assert.equal(await store.advanceEscalation('due', 1, T + 600_000, T), true);
    assert.equal(await store.advanceEscalation('due', 1, T + 600_000, T), false);
    const stepped = await store.riskEvent('due');
    assert.deepEqual([stepped?.escalationStep, stepped?.status], [1, 'escalated']);
    await store.clearEscalation('later');
    assert.equal((await store.riskEvent('later'))?.nextEscalationAt, null);
  });

  it('applies a work-queue change and its audit entry in one transaction, and hides other orgs’ events', async () => {
    await store.createRiskEvent('e1', newEvent());
    const result = await store.updateWork(
      'e1',
      'org-a',
      (s) => ({ ...s, status: 'acknowledged', ackBy: 'c1', ackAt: T, nextEscalationAt: null }),
      () => ({ actor: { uid: 'c1', role: 'counselor', orgId: 'org-a' }, action: 'risk.update', target: 'riskEvents/e1', orgId: 'org-a', meta: { action: 'acknowledge' } }),
    );
    assert.deepEqual([result.changed, result.event.status, result.event.ackAt?.toMillis()], [true, 'acknowledged', T]);
    const stored = riskEventSchema.parse((await db.doc(paths.riskEvent('e1')).get()).data());
    assert.deepEqual([stored.status, stored.ackBy, stored.nextEscalationAt], ['acknowledged', 'c1', null]);
    const audits = await db.collection(paths.auditLogs()).get();
    assert.equal(audits.size, 1);
    await assert.rejects(
      store.updateWork('e1', 'org-b', (s) => s, () => assert.fail('no audit')),
      (e: unknown) => e instanceof DomainError && e.code === 'risk/not-found',
    );
    const unchanged = await store.updateWork('e1', 'org-a', (s) => s, () => assert.fail('no audit'));
    assert.equal(unchanged.changed, false);
  });

  it('lists the org queue with an in-filter on status', async () => {
    await store.createRiskEvent('a', newEvent('high'));
    await store.createRiskEvent('b', newEvent('moderate', 'org-b'));
    await store.createRiskEvent('c', newEvent('imminent'));
    await db.doc(paths.riskEvent('c')).update({ status: 'resolved' });
    assert.deepEqual((await store.riskQueue('org-a', ['open', 'escalated', 'acknowledged'], 10)).map((r) => r.id), ['a']);
  });

  it('writes screening, queues pending messages across chats oldest first, and skips a corrupt one', async () => {
    await seedChat('c1');
    await seedChat('c2');
    await seedMessage('c1', 'm1', { text: 'a' });
    await seedMessage('c2', 'm2', { text: 'b' });
    await seedMessage('c2', 'm3', { text: 'c' });
    await store.writeScreening('c1', 'm1', { level: 'low', reasons: ['stress', PENDING_REASON], by: 'rules', at: T + 2000 });
    await store.writeScreening('c2', 'm2', { level: 'none', reasons: [PENDING_REASON], by: 'rules', at: T + 1000 });
    await store.writeScreening('c2', 'm3', { level: 'none', reasons: [], by: 'rules+model', at: T });
    await db.doc('chats/c9/messages/bad').set({ text: 'no shape', screening: { reasons: [PENDING_REASON], at: ts(T) } });
    const pending = await store.pendingRescreens(10);
    assert.deepEqual(pending.map((p) => `${p.chatId}/${p.msgId}`), ['c2/m2', 'c1/m1']);
    assert.equal(pending[1]?.message.screening?.at.toMillis(), T + 2000);
    const stored = async (chatId: string, id: string) => messageSchema.parse((await db.doc(paths.message(chatId, id)).get()).data());
    assert.equal((await stored('c1', 'm1')).expireAt, undefined, 'no expireAt unless given');
    await store.writeScreening('c1', 'm1', { level: 'low', reasons: ['stress'], by: 'rules+model', at: T + 3000 }, T + 30 * 86_400_000);
    assert.equal((await stored('c1', 'm1')).expireAt?.toMillis(), T + 30 * 86_400_000);
    assert.deepEqual((await stored('c1', 'm1')).screening?.reasons, ['stress']);
  });

  it('creates Bestie’s message once and reads messages newest first and around a message', async () => {
    await seedChat('c1');
    for (let i = 0; i < 6; i += 1) await seedMessage('c1', `m${String(i)}`, { text: `t${String(i)}`, createdAt: ts(T + i * 1000) });
    assert.equal(await store.createBotMessage('c1', 'r1', { text: 'hi', agent: 'local', at: T + 10_000, expireAt: T + 20_000 }), 'created');
    assert.equal(await store.createBotMessage('c1', 'r1', { text: 'hi again', agent: 'local', at: T + 10_000, expireAt: T + 30_000 }), 'exists');
    const r1 = messageSchema.parse((await db.doc(paths.message('c1', 'r1')).get()).data());
    assert.deepEqual([r1.text, r1.expireAt?.toMillis()], ['hi', T + 20_000]);
    assert.deepEqual((await store.recentMessages('c1', 3)).map((m) => m.msgId), ['r1', 'm5', 'm4']);
    assert.deepEqual((await store.messagesAround('c1', 'm3', 2, 1)).map((m) => m.msgId), ['m1', 'm2', 'm3', 'm4']);
    assert.deepEqual(await store.messagesAround('c1', 'missing', 2, 1), []);
  });

  it('finds idle open chats and closes one only while it is still idle', async () => {
    await seedChat('idle', { lastMessageAt: ts(T - 40 * 60_000) });
    await seedChat('moved', { lastMessageAt: ts(T - 40 * 60_000) });
    await seedChat('fresh', { lastMessageAt: ts(T - 60_000) });
    await seedChat('closed', { status: 'closed', lastMessageAt: ts(T - 90 * 60_000) });
    assert.deepEqual((await store.idleChats(T - 30 * 60_000, 10)).map((c) => c.chatId).sort(), ['idle', 'moved']);
    await store.touchChat('moved', T - 5 * 60_000);
    const summary = { alg: 'A256GCM' as const, kid: 'k', iv: 'aXY=', ct: 'Y3Q=', tag: 'dGFn' };
    assert.equal(await store.closeChat('idle', { summary, closedAt: T, idleSince: T - 40 * 60_000 }), 'closed');
    assert.equal(await store.closeChat('moved', { summary, closedAt: T, idleSince: T - 40 * 60_000 }), 'active');
    assert.equal(await store.closeChat('closed', { summary, closedAt: T, idleSince: T }), 'gone');
    const idle = chatSchema.parse((await db.doc(paths.chat('idle')).get()).data());
    assert.deepEqual([idle.status, idle.closedAt?.toMillis(), idle.summary], ['closed', T, summary]);
  });

  it('lists active counselors and admins of an org, and checks an assignee', async () => {
    await db.doc(paths.counselor('c1')).set({ displayName: 'A', languages: ['en'], specialties: [], bio: '', orgId: 'org-a', active: true });
    await db.doc(paths.counselor('c2')).set({ displayName: 'B', languages: ['en'], specialties: [], bio: '', orgId: 'org-a', active: false });
    await db.doc(paths.counselor('c3')).set({ displayName: 'C', languages: ['en'], specialties: [], bio: '', orgId: 'org-b', active: true });
    await db.doc(paths.user('a1')).set(profileFixture({ role: 'admin', orgId: 'org-a' }));
    await db.doc(paths.user('s1')).set(profileFixture({ orgId: 'org-a' }));
    assert.deepEqual(await store.activeCounselors('org-a'), ['c1']);
    assert.deepEqual(await store.admins('org-a'), ['a1']);
    assert.deepEqual([await store.isActiveCounselor('org-a', 'c1'), await store.isActiveCounselor('org-a', 'c2'), await store.isActiveCounselor('org-a', 'c3')], [true, false, false]);
  });

  it('leases model calls without passing the daily limit', async () => {
    assert.equal(await store.leaseModelCalls('org-a', '2025-05-05', 4, 6), 4);
    assert.equal(await store.leaseModelCalls('org-a', '2025-05-05', 4, 6), 2);
    assert.equal(await store.leaseModelCalls('org-a', '2025-05-05', 4, 6), 0);
    assert.equal(await store.leaseModelCalls('org-a', '2025-05-06', 4, 6), 4);
  });

  it('runs the message handler end to end: screening, riskEvent and crisis reply for a high message; listener reply for a benign one', async () => {
    await db.doc(paths.user('s1')).set(profileFixture({ orgId: 'org-a' }));
    await db.doc(paths.org('org-a')).set({ name: 'Demo', country: 'IN', timezone: 'Asia/Kolkata', onCall: ['c1'] });
    await seedChat('c1', { lastMessageAt: ts(T) });
    const model = new ScriptedModel();
    const deps: SafetyDeps = {
      store,
      screen: keywordScreener,
      model,
      notify: () => Promise.reject(new Error('not used')),
      keyRing: TEST_KEY_RING,
      now: () => T,
      cache: new SafetyCache(),
      limiter: new RateLimiter(),
      budget: new ModelBudget(store),
      botMessageRetentionDays: 30,
    };
    for (const [id, text] of [['m1', 'hello there'], ['m2', 'I want to die']] as const) {
      await seedMessage('c1', id, { text });
      const message = messageSchema.parse((await db.doc(paths.message('c1', id)).get()).data());
      await handleChatMessage(deps, { chatId: 'c1', msgId: id, message });
    }
    const screening = async (id: string) => messageSchema.parse((await db.doc(paths.message('c1', id)).get()).data()).screening;
    assert.deepEqual([(await screening('m1'))?.level, (await screening('m2'))?.level], ['none', 'high']);
    const reply = async (id: string) => messageSchema.parse((await db.doc(paths.message('c1', botReplyIdFor(id))).get()).data()).agent;
    assert.deepEqual([await reply('m1'), await reply('m2')], ['listener', 'crisis']);
    const expiry = async (id: string) => messageSchema.parse((await db.doc(paths.message('c1', id)).get()).data()).expireAt?.toMillis();
    const in30Days = T + 30 * 86_400_000;
    assert.deepEqual([await expiry('m1'), await expiry('m2'), await expiry(botReplyIdFor('m1')), await expiry(botReplyIdFor('m2'))], [in30Days, in30Days, in30Days, in30Days]);
    const event = riskEventSchema.parse((await db.doc(paths.riskEvent(riskEventIdFor(paths.message('c1', 'm2')))).get()).data());
    assert.deepEqual([event.level, event.orgId, event.alias], ['high', 'org-a', 'Calm Otter 42']);
    const usage = await db.doc('modelUsage/org-a/days/2025-05-05').get();
    assert.ok(usage.exists);
  });
});
