/**
 * The privacy functions against the project's offline Firestore emulator (started from source for this
 * suite), where the walks matter: export completeness (one document of every type the account owns, all in
 * the file, decrypted), deletion completeness (afterwards no document or file of the account remains
 * anywhere in the database), exact counters, resumption after a crash, the daily export limit, key
 * rotation, retention, and the callables through firebase-functions-test.
 */
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { utimesSync } from 'node:fs';
import { join } from 'node:path';
import { deleteApp, initializeApp, type App } from 'firebase-admin/app';
import { getFirestore, Timestamp, type DocumentReference, type Firestore } from 'firebase-admin/firestore';
import functionsTest from 'firebase-functions-test';
import { z } from 'zod';
import { HttpsError } from 'firebase-functions/v2/https';
import { DOCUMENTS } from '../../../src/model/registry';
import { paths } from '../../../src/model/paths';
import { auditLogSchema, riskEventSchema } from '../../../src/model/schemas';
import { decryptField, encryptField, encryptedFieldSchema, type KeyRing } from '../../../src/platform/crypto';
import { DomainError } from '../../../src/platform/errors';
import { DELETED_ALIAS } from '../../../src/privacy/deletion-steps';
import { continueDeletions, LEASE_MS, requestDeletion, runDeletion } from '../../../src/privacy/deletion';
import { exportMyData } from '../../../src/privacy/export';
import { deleteMyAccount } from '../../../src/privacy/handlers';
import { fieldContext } from '../../../src/privacy/json';
import { exported, OWNERSHIP } from '../../../src/privacy/ownership';
import { deletionJobSchema, privacyPaths } from '../../../src/privacy/records';
import { purgeInactiveAnonymous, purgeOldExports } from '../../../src/privacy/retention';
import { rotateKeys } from '../../../src/privacy/rotation';
import { DAY_MS } from '../../../src/privacy/settings';
import { localStorage } from '../../../src/privacy/storage';
import { buildContinueDeletions, buildDeleteMyAccount, buildExportMyData, buildRetentionPurge } from '../../../src/privacy/triggers';
import { authData, callableRequest } from '../../support/callable';
import { PRIVACY_RING, privacyFixture, startOfflineFirestore, stopOfflineFirestore, type PrivacyFixture } from '../../support/privacy-fakes';
import { samples } from '../model/fixtures';

const T = Date.UTC(2025, 4, 5, 6, 30);
const ts = (ms: number) => Timestamp.fromMillis(ms);
/** The account under test: a distinctive uid, so a search of every document for it cannot match by accident. */
const U = 'uid-gone-7f3a9c';
const OTHER = 'uid-stays-11b2';
const caller = (uid = U) => ({ uid, role: 'student' as const, orgId: 'demo-org' });
const ffTest = functionsTest({ projectId: 'demo-manmitra' });

function sample(key: string, index = 0): Record<string, unknown> {
  const s = samples()[key]?.[index];
  assert.ok(s, `no sample ${key}[${index}]`);
  return s;
}

const enc = (ring: KeyRing, text: string, path: string, field: string) => encryptField(ring, text, fieldContext(path, field));

/**
 * One document of every type the account owns (by OWNERSHIP), plus documents of another account and shared
 * ones that must survive. Returns the paths of the account's documents by type.
 */
async function seedWorld(db: Firestore, ring: KeyRing = PRIVACY_RING): Promise<Record<string, string>> {
  const mine: Record<string, string> = {
    user: paths.user(U),
    contact: paths.contact(U),
    safetyPlan: paths.safetyPlan(U),
    device: paths.device(U, 'd1'),
    entry: paths.entry(U, 'e1'),
    task: paths.task(U, 't1'),
    assessment: paths.assessment(U, 'a1'),
    notification: paths.notification(U, 'n1'),
    favorite: paths.favorite(U, 'res-1'),
    wellbeing: paths.wellbeing(U, '2025-01-15'),
    chat: paths.chat('chat-mine'),
    message: paths.message('chat-mine', 'm1'),
    counselor: paths.counselor(U),
    slot: paths.slot(U, 'slot-1'),
    booking: paths.booking('booking-mine'),
    forumPost: paths.forumPost('post-mine'),
    comment: paths.comment('post-other', 'comment-mine'),
    like: paths.like('post-other', U),
    likeState: paths.likeState('post-other', U),
    forumReport: paths.forumReport('report-mine'),
    participant: paths.participant('circle-1', U),
    feedback: paths.feedback('circle-1', U),
  };
  const set = (path: string, data: Record<string, unknown>) => db.doc(path).set(data);
  await set(mine.user ?? '', { ...sample('user'), lastActiveAt: ts(T) });
  await set(mine.contact ?? '', { email: enc(ring, 'student@example.in', paths.contact(U), 'email'), phone: enc(ring, '+919876543210', paths.contact(U), 'phone'), updatedAt: ts(T) });
  await set(mine.safetyPlan ?? '', sample('safetyPlan'));
  await set(mine.device ?? '', sample('device'));
  await set(mine.entry ?? '', sample('entry', 1));
  await set(mine.task ?? '', sample('task'));
  await set(mine.assessment ?? '', sample('assessment'));
  await set(mine.notification ?? '', sample('notification'));
  await set(mine.favorite ?? '', sample('favorite'));
  await set(mine.wellbeing ?? '', sample('wellbeing'));
  await set(mine.chat ?? '', { ...sample('chat', 1), studentUid: U, summary: enc(ring, 'talked about exams', paths.chat('chat-mine'), 'summary') });
  await set(mine.message ?? '', { ...sample('message'), authorUid: U });
  await set(paths.message('chat-mine', 'm2'), sample('message', 1));
  await set(mine.counselor ?? '', sample('counselor'));
  await set(mine.slot ?? '', sample('slot'));
  await set(mine.booking ?? '', { ...sample('booking'), studentUid: U, counselorUid: 'cou-1', slotId: 'slot-booked', start: ts(T + DAY_MS), end: ts(T + DAY_MS + 3_600_000) });
  await set(paths.slot('cou-1', 'slot-booked'), { start: ts(T + DAY_MS), end: ts(T + DAY_MS + 3_600_000), status: 'booked', heldBy: U, bookingId: 'booking-mine', createdAt: ts(T) });
  await set(mine.forumPost ?? '', { ...sample('forumPost', 1), authorUid: U });
  await set(paths.comment('post-mine', 'comment-other'), { ...sample('comment'), authorUid: OTHER });
  await set(paths.forumPost('post-other'), { ...sample('forumPost', 1), authorUid: OTHER, likeCount: 2, commentCount: 2 });
  await set(mine.comment ?? '', { ...sample('comment'), authorUid: U, status: 'visible', countedVisible: true });
  await set(paths.comment('post-other', 'comment-other'), { ...sample('comment'), authorUid: OTHER, status: 'visible', countedVisible: true });
  await set(mine.like ?? '', sample('like'));
  await set(mine.likeState ?? '', { counted: true, updatedAt: ts(T) });
  await set(paths.like('post-other', OTHER), sample('like'));
  await set(mine.forumReport ?? '', { ...sample('forumReport'), reporterUid: U, postId: 'post-other' });
  await set(paths.peerSession('circle-1'), { ...sample('peerSession'), participantCount: 2, feedbackCount: 2, ratingSum: 7 });
  await set(mine.participant ?? '', { ...sample('participant'), leftAt: null });
  await set(mine.feedback ?? '', { ...sample('feedback'), rating: 4 });
  await set(paths.participant('circle-1', OTHER), sample('participant'));
  await set(paths.feedback('circle-1', OTHER), { ...sample('feedback'), rating: 3 });
  await set(paths.riskEvent('risk-mine'), { ...sample('riskEvent'), studentUid: U, sourcePath: 'chats/chat-mine/messages/m1', excerpt: enc(ring, 'an excerpt', paths.riskEvent('risk-mine'), 'excerpt') });
  await set(paths.delivery('delivery-mine'), { ...sample('delivery'), recipientRef: `${paths.user(U)}/devices/d1` });
  await set(paths.delivery('delivery-mine-2'), { ...sample('delivery'), recipientRef: U });
  await set(paths.delivery('delivery-other'), { ...sample('delivery'), recipientRef: paths.user(OTHER) });
  await set(paths.user(OTHER), sample('user'));
  await set(paths.entry(OTHER, 'e1'), sample('entry'));
  await set(paths.chat('chat-other'), { ...sample('chat'), studentUid: OTHER });
  return mine;
}

/** Every document in the database: the root collections listed, then every document's sub-collections. */
async function everyDocument(db: Firestore): Promise<Array<{ path: string; data: Record<string, unknown> }>> {
  const out: Array<{ path: string; data: Record<string, unknown> }> = [];
  const visit = async (refs: DocumentReference[]) => {
    for (const ref of refs) {
      const snap = await ref.get();
      const data = snap.data();
      if (data) out.push({ path: ref.path, data });
      for (const col of await ref.listCollections()) await visit(await col.listDocuments());
    }
  };
  for (const col of await db.listCollections()) await visit(await col.listDocuments());
  return out;
}

describe('privacy against the offline Firestore emulator', function () {
  this.timeout(120_000);
  let child: ChildProcess;
  let app: App;
  let db: Firestore;
  let fx: PrivacyFixture;
  let previousEnv: Record<'FIRESTORE_EMULATOR_HOST' | 'METADATA_SERVER_DETECTION', string | undefined>;
  let project = 0;

  before(async () => {
    const started = await startOfflineFirestore('privacy');
    child = started.child;
    previousEnv = { FIRESTORE_EMULATOR_HOST: process.env.FIRESTORE_EMULATOR_HOST, METADATA_SERVER_DETECTION: process.env.METADATA_SERVER_DETECTION };
    process.env.FIRESTORE_EMULATOR_HOST = started.address;
    process.env.METADATA_SERVER_DETECTION = 'none';
  });

  beforeEach(() => {
    project += 1;
    app = initializeApp({ projectId: `demo-privacy-${String(project)}` }, `privacy-${String(project)}`);
    db = getFirestore(app);
    fx = privacyFixture(db, { now: T });
  });

  afterEach(async () => {
    await db.terminate();
    await deleteApp(app);
  });

  after(async () => {
    ffTest.cleanup();
    for (const [name, value] of Object.entries(previousEnv)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await stopOfflineFirestore(child);
  });

  const exportFileSchema = z.object({
    format: z.literal('manmitra-export/1'),
    uid: z.string(),
    documents: z.array(z.object({ path: z.string(), type: z.string(), data: z.record(z.string(), z.unknown()) })),
  });

  async function readExport(path: string) {
    const text = await fx.storage.read(path);
    assert.ok(text, `no file ${path}`);
    return exportFileSchema.parse(JSON.parse(text));
  }

  describe('exportMyData', () => {
    it('writes every document type the account owns to one file, encrypted fields decrypted, nobody else\'s', async () => {
      const mine = await seedWorld(db);
      const result = await exportMyData(fx.deps, caller());
      assert.equal(result.path, `exports/${U}/exp-1.json`);
      const file = await readExport(result.path);
      const byPath = new Map(file.documents.map((d) => [d.path, d]));
      for (const d of DOCUMENTS) {
        const o = OWNERSHIP[d.key];
        if (!o || !exported(o)) continue;
        const path = mine[d.key];
        assert.ok(path, `the test seeds no ${d.key}`);
        assert.equal(byPath.get(path)?.type, d.key, `${d.key} (${path}) is missing from the export`);
      }
      assert.equal(byPath.get(paths.contact(U))?.data.email, 'student@example.in');
      assert.equal(byPath.get(paths.contact(U))?.data.phone, '+919876543210');
      assert.equal(byPath.get(paths.chat('chat-mine'))?.data.summary, 'talked about exams');
      assert.ok(byPath.has(paths.message('chat-mine', 'm2')), 'the bot\'s messages in the student\'s chat are theirs too');
      for (const p of byPath.keys()) {
        assert.ok(!p.includes(OTHER) && !p.includes('chat-other') && !p.startsWith('riskEvents/') && !p.startsWith('deliveries/'), `${p} is not the account's`);
      }
      assert.equal(file.documents.length, result.documents);
      const audit = (await db.collection(paths.auditLogs()).where('action', '==', 'data.export').get()).docs.map((d) => auditLogSchema.parse(d.data()));
      assert.deepEqual(audit.map((a) => [a.actor.uid, a.target, a.meta.exportId]), [[U, `users/${U}`, 'exp-1']]);
    });

    it('allows one export a day; a failed export does not use it up', async () => {
      await seedWorld(db);
      await exportMyData(fx.deps, caller());
      fx.clock.advance(DAY_MS - 60_000);
      await assert.rejects(exportMyData(fx.deps, caller()), (e: unknown) => e instanceof DomainError && e.code === 'privacy/export-rate-limited' && e.status === 'resource-exhausted' && e.details?.retryAfterSec === 60);
      fx.clock.advance(60_000);
      const failing = privacyFixture(db, {
        now: fx.clock.now,
        storage: (root) => ({ ...localStorage(root), save: () => Promise.reject(new Error('bucket unavailable')) }),
      });
      await assert.rejects(exportMyData(failing.deps, caller()), /bucket unavailable/);
      const second = await exportMyData(fx.deps, caller());
      assert.ok(await fx.storage.read(second.path));
    });

    it('is refused while the account is being deleted', async () => {
      await seedWorld(db);
      await requestDeletion(fx.deps, U, 'self');
      await assert.rejects(exportMyData(fx.deps, caller()), (e: unknown) => e instanceof DomainError && e.code === 'privacy/deletion-pending');
    });

    it('as a callable: unauthenticated refused, rate limit mapped to resource-exhausted with its code', async () => {
      await seedWorld(db);
      const fn = ffTest.wrap(buildExportMyData(fx.deps));
      await assert.rejects(fn(callableRequest({})), (e: unknown) => e instanceof HttpsError && e.code === 'unauthenticated');
      const ok: unknown = await fn(callableRequest(null, authData(U, { role: 'student', orgId: 'demo-org' })));
      assert.deepEqual(ok, { exportId: 'exp-1', path: `exports/${U}/exp-1.json`, documents: (await readExport(`exports/${U}/exp-1.json`)).documents.length });
      await assert.rejects(fn(callableRequest({}, authData(U, { role: 'student', orgId: 'demo-org' }))), (e: unknown) => e instanceof HttpsError && e.code === 'resource-exhausted' && JSON.stringify(e.details).includes('privacy/export-rate-limited'));
    });
  });

  describe('deleteMyAccount', () => {
    async function assertAccountGone(): Promise<void> {
      const docs = await everyDocument(db);
      for (const d of docs) {
        if (d.path.startsWith('auditLogs/')) continue;
        assert.ok(!d.path.includes(U), `${d.path} is still there`);
        assert.ok(!JSON.stringify(d.data).includes(U), `${d.path} still names the account`);
      }
      const risk = riskEventSchema.parse((await db.doc(paths.riskEvent('risk-mine')).get()).data());
      assert.deepEqual([risk.studentUid, risk.alias, risk.sourcePath], [null, DELETED_ALIAS, null]);
      assert.ok(risk.excerpt, 'the safety record keeps its excerpt');
      assert.deepEqual(await fx.storage.list(`exports/${U}/`), []);
      assert.ok(fx.auth.deleted.includes(U));
      assert.equal((await db.doc(privacyPaths.deletion(U)).get()).exists, false, 'the job is removed when done');
    }

    async function assertOthersIntact(): Promise<void> {
      const postOther = (await db.doc(paths.forumPost('post-other')).get()).data();
      assert.deepEqual([postOther?.likeCount, postOther?.commentCount], [1, 1], 'the counted like and comment come off');
      const circle = (await db.doc(paths.peerSession('circle-1')).get()).data();
      assert.deepEqual([circle?.participantCount, circle?.feedbackCount, circle?.ratingSum], [1, 1, 3]);
      const slot = (await db.doc(paths.slot('cou-1', 'slot-booked')).get()).data();
      assert.deepEqual([slot?.status, slot?.bookingId, slot?.heldBy], ['open', null, null], 'the future booking\'s slot is free again');
      for (const p of [paths.user(OTHER), paths.entry(OTHER, 'e1'), paths.chat('chat-other'), paths.like('post-other', OTHER), paths.participant('circle-1', OTHER), paths.delivery('delivery-other'), paths.comment('post-other', 'comment-other')]) {
        assert.ok((await db.doc(p).get()).exists, `${p} must stay`);
      }
    }

    it('removes every document and file of the account, anonymises its riskEvents, keeps counters exact', async () => {
      await seedWorld(db);
      await exportMyData(fx.deps, caller());
      assert.equal((await fx.storage.list(`exports/${U}/`)).length, 1);
      assert.deepEqual(await deleteMyAccount(fx.deps, caller(), 60_000), { status: 'deleted' });
      await assertAccountGone();
      await assertOthersIntact();
      const audit = (await db.collection(paths.auditLogs()).where('action', '==', 'account.delete').get()).docs.map((d) => auditLogSchema.parse(d.data()));
      assert.equal(audit.length, 1);
      assert.ok(!JSON.stringify(audit).includes(U), 'the deletion audit entry carries no uid');
      assert.equal(audit[0]?.meta.anonymised, 1);
      assert.equal(audit[0]?.meta.files, 1);
    });

    it('deleting twice is harmless', async () => {
      await seedWorld(db);
      await deleteMyAccount(fx.deps, caller(), 60_000);
      fx.clock.advance(1000);
      assert.deepEqual(await deleteMyAccount(fx.deps, caller(), 60_000), { status: 'deleted' });
      await assertAccountGone();
      await assertOthersIntact();
    });

    it('resumes after a crash between steps and after a crash inside a step', async () => {
      await seedWorld(db);
      for (let i = 0; i < 105; i++) {
        await db.doc(paths.riskEvent(`risk-extra-${String(i).padStart(3, '0')}`)).set({ ...sample('riskEvent'), studentUid: U, excerpt: null });
      }
      let pages = 0;
      const crashing = { ...fx.deps, onDeletionProgress: () => { if (++pages === 2) throw new Error('instance lost'); } };
      await requestDeletion(crashing, U, 'self');
      await assert.rejects(runDeletion(crashing, U, 60_000), /instance lost/);
      const job = deletionJobSchema.parse((await db.doc(privacyPaths.deletion(U)).get()).data());
      assert.equal(job.step, 'riskEvents', 'stopped in the middle of the riskEvents step');
      assert.equal(job.counts.anonymised, 100, 'after its first page');
      assert.equal(await runDeletion(fx.deps, U, 60_000), 'busy', 'the crashed run\'s lease still holds');
      assert.deepEqual(await continueDeletions(fx.deps, 60_000), { done: 0, pending: 0, busy: 0, missing: 0 }, 'not stalled yet');

      fx.clock.advance(LEASE_MS + 1);
      let removals = 0;
      const flaky = { ...fx.deps, storage: { ...fx.storage, removePrefix: (p: string) => (++removals === 1 ? Promise.reject(new Error('storage timeout')) : fx.storage.removePrefix(p)) } };
      await assert.rejects(runDeletion(flaky, U, 60_000), /storage timeout/);
      assert.equal(deletionJobSchema.parse((await db.doc(privacyPaths.deletion(U)).get()).data()).step, 'files');

      fx.clock.advance(LEASE_MS + 1);
      assert.deepEqual(await continueDeletions(flaky, 60_000), { done: 1, pending: 0, busy: 0, missing: 0 });
      await assertAccountGone();
      await assertOthersIntact();
      const extra = await db.collection(paths.riskEvents()).where('alias', '==', DELETED_ALIAS).count().get();
      assert.equal(extra.data().count, 106);
    });

    it('stops when its time budget is spent and leaves the rest to the continuation', async () => {
      await seedWorld(db);
      const slow = { ...fx.deps, now: () => (fx.clock.now += 1000) };
      assert.deepEqual(await deleteMyAccount(slow, caller(), 1), { status: 'pending' });
      const job = deletionJobSchema.parse((await db.doc(privacyPaths.deletion(U)).get()).data());
      assert.equal(job.step, 'riskEvents');
      assert.equal(job.leaseUntil.toMillis(), 0, 'a paused job is free for the continuation at once');
      assert.deepEqual(await continueDeletions(fx.deps, 60_000), { done: 1, pending: 0, busy: 0, missing: 0 });
      await assertAccountGone();
    });

    it('the scheduled continuation finishes a job left behind', async () => {
      await seedWorld(db);
      await requestDeletion(fx.deps, U, 'self');
      await buildContinueDeletions(fx.deps).run({ scheduleTime: new Date(fx.clock.now).toISOString(), jobName: 'continueDeletions' });
      await assertAccountGone();
      await assertOthersIntact();
    });

    it('as a callable: needs {confirm: true}', async () => {
      await seedWorld(db);
      const fn = ffTest.wrap(buildDeleteMyAccount(fx.deps));
      const auth = authData(U, { role: 'student', orgId: 'demo-org' });
      await assert.rejects(fn(callableRequest({}, auth)), (e: unknown) => e instanceof HttpsError && e.code === 'invalid-argument');
      assert.equal((await db.doc(paths.user(U)).get()).exists, true);
      assert.deepEqual(await fn(callableRequest({ confirm: true }, auth)), { status: 'deleted' });
      await assertAccountGone();
    });
  });

  describe('key rotation', () => {
    const K_OLD: KeyRing = { keys: [{ id: 'old', key: Buffer.alloc(32, 5) }] };
    const K_NEW: KeyRing = { keys: [{ id: 'new', key: Buffer.alloc(32, 6) }, { id: 'old', key: Buffer.alloc(32, 5) }] };

    async function encryptedValues(): Promise<Array<{ path: string; field: string; kid: string; plain: string }>> {
      const out: Array<{ path: string; field: string; kid: string; plain: string }> = [];
      for (const d of await everyDocument(db)) {
        for (const [field, value] of Object.entries(d.data)) {
          const e = encryptedFieldSchema.safeParse(value);
          if (e.success) out.push({ path: d.path, field, kid: e.data.kid, plain: decryptField(K_NEW, e.data, fieldContext(d.path, field)) });
        }
      }
      return out.sort((a, b) => `${a.path}#${a.field}`.localeCompare(`${b.path}#${b.field}`));
    }

    it('moves every old-kid field to the current key with the same value; a dry run writes nothing; re-running changes nothing', async () => {
      await seedWorld(db, K_OLD);
      await db.doc(paths.contact(OTHER)).set({ email: enc(K_NEW, 'other@example.in', paths.contact(OTHER), 'email'), phone: null, updatedAt: ts(T) });
      const before = await encryptedValues();
      assert.deepEqual(before.map((v) => v.kid).sort(), ['new', 'old', 'old', 'old', 'old']);

      const dry = await rotateKeys(db, K_NEW, { dryRun: true, restart: false, pageSize: 2 });
      assert.equal(dry.rotated, 4);
      assert.deepEqual((await encryptedValues()).map((v) => v.kid).sort(), ['new', 'old', 'old', 'old', 'old']);

      const partial = await rotateKeys(db, K_NEW, { dryRun: false, restart: false, pageSize: 1, maxPages: 2 });
      assert.equal(partial.done, false);
      const done = await rotateKeys(db, K_NEW, { dryRun: false, restart: false, pageSize: 1 });
      assert.equal(done.done, true);
      assert.equal(done.rotated, 4, 'the resumed run continued the count instead of starting over');
      const after = await encryptedValues();
      assert.deepEqual(after.map((v) => v.kid), after.map(() => 'new'));
      assert.deepEqual(after.map(({ path, field, plain }) => [path, field, plain]), before.map(({ path, field, plain }) => [path, field, plain]));

      const again = await rotateKeys(db, K_NEW, { dryRun: false, restart: true, pageSize: 50 });
      assert.equal(again.rotated, 0);
      assert.deepEqual(await encryptedValues(), after);
    });
  });

  describe('retention', () => {
    it('removes export files older than the configured days, at most the per-run limit', async () => {
      const limited = privacyFixture(db, { now: T, settings: { exportRetentionDays: 7, maxPerRun: 2 } });
      for (const [name, age] of [['a', 8], ['b', 9], ['c', 10], ['d', 1]] as const) {
        await limited.storage.save(`exports/u1/${name}.json`, '{}', 'application/json');
        const t = new Date(T - age * DAY_MS);
        utimesSync(join(limited.storageRoot, 'exports', 'u1', `${name}.json`), t, t);
      }
      assert.deepEqual(await purgeOldExports(limited.deps), { scanned: 4, removed: 2 });
      assert.deepEqual(await purgeOldExports(limited.deps), { scanned: 2, removed: 1 });
      assert.deepEqual((await limited.storage.list('exports/')).map((f) => f.name), ['exports/u1/d.json']);
    });

    it('deletes only anonymous students inactive in Firestore and Auth beyond the period', async () => {
      const days = 365;
      const old = T - (days + 1) * DAY_MS;
      const profile = (role: string, lastActive: number) => ({ ...sample('user'), role, lastActiveAt: ts(lastActive) });
      const cases: Array<[string, string, number, { anonymous: boolean; lastSeenAt: number } | undefined]> = [
        ['anon-old', 'student', old, { anonymous: true, lastSeenAt: old }],
        ['anon-old-2', 'student', old - 1000, { anonymous: true, lastSeenAt: old }],
        ['anon-recent-auth', 'student', old, { anonymous: true, lastSeenAt: T - DAY_MS }],
        ['registered-old', 'student', old, { anonymous: false, lastSeenAt: old }],
        ['anon-active', 'student', T - DAY_MS, { anonymous: true, lastSeenAt: T - DAY_MS }],
        ['counselor-old', 'counselor', old, { anonymous: true, lastSeenAt: old }],
        ['orphan-old', 'student', old, undefined],
      ];
      for (const [uid, role, lastActive, account] of cases) {
        await db.doc(paths.user(uid)).set(profile(role, lastActive));
        await db.doc(paths.entry(uid, 'e1')).set(sample('entry'));
        if (account) fx.auth.add({ uid, ...account });
      }
      const result = await purgeInactiveAnonymous(fx.deps, 60_000);
      assert.deepEqual(result, { scanned: 6, deleted: 3, pending: 0, wrapped: true });
      const left = (await db.collection(paths.users()).get()).docs.map((d) => d.id).sort();
      assert.deepEqual(left, ['anon-active', 'anon-recent-auth', 'counselor-old', 'registered-old']);
      assert.equal((await db.doc(paths.entry('anon-old', 'e1')).get()).exists, false);
      assert.deepEqual(fx.auth.deleted.sort(), ['anon-old', 'anon-old-2', 'orphan-old']);
      const audit = (await db.collection(paths.auditLogs()).get()).docs.map((d) => auditLogSchema.parse(d.data()));
      assert.deepEqual(audit.map((a) => [a.actor.uid, a.meta.reason]), [['system', 'retention'], ['system', 'retention'], ['system', 'retention']]);
    });

    it('runs as the daily schedule: old export files and inactive anonymous accounts go', async () => {
      const old = T - 400 * DAY_MS;
      await db.doc(paths.user('anon-old')).set({ ...sample('user'), lastActiveAt: ts(old) });
      fx.auth.add({ uid: 'anon-old', anonymous: true, lastSeenAt: old });
      await fx.storage.save('exports/someone/x.json', '{}', 'application/json');
      const t = new Date(T - 30 * DAY_MS);
      utimesSync(join(fx.storageRoot, 'exports', 'someone', 'x.json'), t, t);
      await buildRetentionPurge(fx.deps).run({ scheduleTime: new Date(T).toISOString(), jobName: 'retentionPurge' });
      assert.equal((await db.doc(paths.user('anon-old')).get()).exists, false);
      assert.deepEqual(await fx.storage.list('exports/'), []);
    });

    it('continues the scan where the last run stopped when the per-run limit is reached', async () => {
      const limited = privacyFixture(db, { now: T, settings: { maxPerRun: 1 } });
      const old = T - 400 * DAY_MS;
      for (const uid of ['a1', 'a2', 'a3']) {
        await db.doc(paths.user(uid)).set({ ...sample('user'), lastActiveAt: ts(old) });
        limited.auth.add({ uid, anonymous: true, lastSeenAt: old });
      }
      for (let run = 1; run <= 3; run++) assert.equal((await purgeInactiveAnonymous(limited.deps, 60_000)).deleted, 1, `run ${run}`);
      assert.equal((await db.collection(paths.users()).get()).size, 0);
    });
  });
});
