/**
 * `firestoreCirclesStore` and `firestoreForumStore` against the project's offline Firestore emulator (started
 * from source on a free port for this suite), through firebase-admin: real transactions under concurrency
 * (capacity, exact counters), the reminder queries, conditional writes and the moderation queue.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deleteApp, initializeApp, type App } from 'firebase-admin/app';
import { getFirestore, Timestamp, type Firestore } from 'firebase-admin/firestore';
import { firestoreCirclesStore } from '../../../src/connect/circles/firestore-store';
import { planJoin, planLeave } from '../../../src/connect/circles/logic';
import { firestoreForumStore } from '../../../src/connect/forum/firestore-store';
import { decideScreening, planModeration, planReport } from '../../../src/connect/forum/moderation';
import { filterAbuse } from '../../../src/connect/forum/abuse-filter';
import { paths } from '../../../src/model/paths';
import { auditLogSchema, commentSchema, forumPostSchema, forumReportSchema, participantSchema, peerSessionSchema } from '../../../src/model/schemas';
import type { Caller } from '../../../src/platform/callable';
import { DomainError } from '../../../src/platform/errors';

const ROOT = join(__dirname, '..', '..', '..', '..');
const READY = /ready on (\S+):(\d+)/;
const T = Date.parse('2025-05-05T06:30:00Z');
const ts = (ms: number) => Timestamp.fromMillis(ms);

function startEmulator(): Promise<{ child: ChildProcess; address: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', require.resolve('tsx/cjs'), join(ROOT, 'emulator', 'src', 'server', 'cli.ts'), '--host', '127.0.0.1', '--port', '0'], {
      cwd: mkdtempSync(join(tmpdir(), 'community-store-')),
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

const caller = (uid: string): Caller => ({ uid, role: 'student', orgId: 'org-a' });

describe('connect community stores (offline Firestore emulator)', function () {
  this.timeout(60_000);
  let child: ChildProcess;
  let app: App;
  let db: Firestore;
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
    app = initializeApp({ projectId: `demo-community-${String(project)}` }, `community-store-${String(project)}`);
    db = getFirestore(app);
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

  const seedSession = (id: string, data: Record<string, unknown> = {}) =>
    db.doc(paths.peerSession(id)).set(
      peerSessionSchema.parse({
        title: 'Circle',
        category: 'exam-stress',
        language: 'en',
        orgId: 'org-a',
        scheduledAt: ts(T + 3_600_000),
        durationMin: 45,
        capacity: 4,
        hostUids: ['vol1'],
        status: 'scheduled',
        participantCount: 0,
        createdBy: 'vol1',
        createdAt: ts(T - 1),
        ...data,
      }),
    );
  const sessionOf = async (id: string) => peerSessionSchema.parse((await db.doc(paths.peerSession(id)).get()).data());

  describe('circles', () => {
    it('concurrent joins in real transactions: exactly capacity participants and an exact count', async () => {
      const store = firestoreCirclesStore(db);
      await seedSession('c1');
      const uids = Array.from({ length: 12 }, (_, i) => `s${String(i)}`);
      const results = await Promise.allSettled(uids.map((uid) => store.join('c1', uid, (s, p) => planJoin(s, p, caller(uid), T), 'Alias', T)));
      const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      assert.equal(results.length - refused.length, 4);
      for (const r of refused) assert.ok(r.reason instanceof DomainError && r.reason.code === 'circles/full');
      assert.equal((await sessionOf('c1')).participantCount, 4);
      assert.equal((await db.collection(paths.participants('c1')).get()).size, 4);
    });

    it('join twice, leave, leave again, rejoin; nothing written for a refused plan', async () => {
      const store = firestoreCirclesStore(db);
      await seedSession('c1');
      const plan = (uid: string) => (s: Parameters<typeof planJoin>[0], p: Parameters<typeof planJoin>[1]) => planJoin(s, p, caller(uid), T);
      assert.equal((await store.join('c1', 's1', plan('s1'), 'Calm Otter 42', T)).plan.kind, 'join');
      assert.equal((await store.join('c1', 's1', plan('s1'), 'Other', T)).plan.kind, 'already-joined');
      const leave = (s: Parameters<typeof planLeave>[0], p: Parameters<typeof planLeave>[1]) => planLeave(s, p, caller('s1'), T + 5);
      assert.deepEqual(await store.leave('c1', 's1', leave, T + 5), { plan: { kind: 'leave' }, participantCount: 0 });
      assert.deepEqual(await store.leave('c1', 's1', leave, T + 6), { plan: { kind: 'not-joined' }, participantCount: 0 });
      assert.equal(participantSchema.parse((await db.doc(paths.participant('c1', 's1')).get()).data()).leftAt?.toMillis(), T + 5);
      assert.deepEqual(await store.join('c1', 's1', plan('s1'), 'Other', T + 7), { plan: { kind: 'rejoin' }, participantCount: 1 });
      const back = participantSchema.parse((await db.doc(paths.participant('c1', 's1')).get()).data());
      assert.deepEqual([back.alias, back.leftAt, back.joinedAt.toMillis()], ['Calm Otter 42', null, T + 7]);
      await assert.rejects(store.join('missing', 's1', plan('s1'), 'A', T), (e: unknown) => e instanceof DomainError && e.code === 'circles/not-found');
      await seedSession('full', { capacity: 2, participantCount: 2 });
      await assert.rejects(store.join('full', 's9', plan('s9'), 'A', T), (e: unknown) => e instanceof DomainError && e.code === 'circles/full');
      assert.equal((await db.doc(paths.participant('full', 's9')).get()).exists, false);
    });

    it('reminder queries: scheduled sessions in the window, current participants, the reminded mark', async () => {
      const store = firestoreCirclesStore(db);
      await seedSession('soon', { scheduledAt: ts(T + 30 * 60_000) });
      await seedSession('later', { scheduledAt: ts(T + 3 * 3_600_000) });
      await seedSession('cancelled', { scheduledAt: ts(T + 20 * 60_000), status: 'cancelled' });
      await seedSession('past', { scheduledAt: ts(T - 60_000) });
      assert.deepEqual((await store.sessionsStarting(T, T + 3_600_000, 10)).map((s) => s.id), ['soon']);
      await db.doc(paths.participant('soon', 'a')).set({ alias: 'A', joinedAt: ts(T), leftAt: null });
      await db.doc(paths.participant('soon', 'b')).set({ alias: 'B', joinedAt: ts(T), leftAt: ts(T) });
      assert.deepEqual((await store.currentParticipants('soon')).map((p) => p.uid), ['a']);
      await store.markReminded('soon', 'a', T + 30 * 60_000);
      assert.equal(participantSchema.parse((await db.doc(paths.participant('soon', 'a')).get()).data()).remindedFor?.toMillis(), T + 30 * 60_000);
    });

    it('feedback totals once, report screening written, alias read from the profile', async () => {
      const store = firestoreCirclesStore(db);
      await seedSession('c1');
      await db.doc(paths.feedback('c1', 's1')).set({ rating: 4, createdAt: ts(T) });
      const runs = await Promise.all([store.countFeedback('c1', 's1', T), store.countFeedback('c1', 's1', T)]);
      assert.deepEqual(runs.sort(), ['already', 'counted']);
      assert.equal(await store.countFeedback('c1', 'nobody', T), 'missing');
      const s = await sessionOf('c1');
      assert.deepEqual([s.feedbackCount, s.ratingSum], [1, 4]);
      await db.doc(paths.report('c1', 'r1')).set({ authorUid: 'vol1', text: 'ok', concerns: [], createdAt: ts(T) });
      await store.writeReportScreening('c1', 'r1', { level: 'low', reasons: ['stress'], by: 'rules', at: T });
      assert.equal((await store.report('c1', 'r1'))?.screening?.level, 'low');
      assert.equal(await store.alias('nobody'), null);
    });
  });

  describe('forum', () => {
    const seedPost = (id: string, data: Record<string, unknown> = {}) =>
      db.doc(paths.forumPost(id)).set(
        forumPostSchema.parse({ authorUid: 's1', alias: 'Calm Otter 42', title: 't', body: 'b', tags: [], status: 'pending', likeCount: 0, commentCount: 0, createdAt: ts(T), ...data }),
      );
    const seedComment = (postId: string, id: string, data: Record<string, unknown> = {}) =>
      db.doc(paths.comment(postId, id)).set(commentSchema.parse({ authorUid: 's2', alias: 'Brave Lark 7', body: 'b', status: 'pending', createdAt: ts(T), ...data }));
    const postOf = async (id: string) => forumPostSchema.parse((await db.doc(paths.forumPost(id)).get()).data());
    const clean = decideScreening({ level: 'none', reasons: [], by: 'rules', pending: false }, filterAbuse('hello'), { kind: 'skipped' });

    it('screening applies once; a visible comment counts on its post once', async () => {
      const store = firestoreForumStore(db);
      await seedPost('p1');
      const write = { level: 'none' as const, reasons: [], by: 'rules' as const, at: T, decision: clean, riskEventId: null };
      assert.equal(await store.applyScreening({ kind: 'post', postId: 'p1' }, write), 'applied');
      assert.equal(await store.applyScreening({ kind: 'post', postId: 'p1' }, write), 'already');
      assert.equal(await store.applyScreening({ kind: 'post', postId: 'nope' }, write), 'missing');
      assert.deepEqual([(await postOf('p1')).status, (await postOf('p1')).moderation?.reason], ['visible', 'clean']);
      await seedComment('p1', 'c1');
      const ref = { kind: 'comment' as const, postId: 'p1', commentId: 'c1' };
      await Promise.all([store.applyScreening(ref, write), store.applyScreening(ref, write)]);
      assert.equal((await postOf('p1')).commentCount, 1);
      assert.equal(await store.reconcileComment('p1', 'c1'), 0);
      await db.doc(paths.comment('p1', 'c1')).update({ status: 'hidden' });
      assert.deepEqual(await Promise.all([store.reconcileComment('p1', 'c1'), store.reconcileComment('p1', 'c1')]).then((r) => r.sort()), [-1, 0]);
      assert.equal((await postOf('p1')).commentCount, 0);
    });

    it('likes: concurrent reconciles count each like exactly once', async () => {
      const store = firestoreForumStore(db);
      await seedPost('p1', { status: 'visible' });
      for (const uid of ['a', 'b', 'c']) await db.doc(paths.like('p1', uid)).set({ createdAt: ts(T) });
      await Promise.all(['a', 'b', 'c', 'a', 'b', 'c'].map((uid) => store.reconcileLike('p1', uid, T)));
      assert.equal((await postOf('p1')).likeCount, 3);
      await db.doc(paths.like('p1', 'b')).delete();
      await Promise.all([store.reconcileLike('p1', 'b', T), store.reconcileLike('p1', 'b', T)]);
      assert.equal((await postOf('p1')).likeCount, 2);
      assert.equal(await store.reconcileLike('gone', 'a', T), 'missing');
    });

    it('moderation with its audit entry in one transaction; a refused plan writes nothing', async () => {
      const store = firestoreForumStore(db);
      await seedPost('p1', { status: 'visible' });
      await store.changeItem({ kind: 'post', postId: 'p1' }, (s) => planModeration(s, 'hide', 'v1', T), T, (before, change) => ({
        actor: { uid: 'v1', role: 'volunteer' },
        action: 'forum.moderate',
        target: paths.forumPost('p1'),
        meta: { from: before.status, to: change.status ?? before.status },
      }));
      const post = await postOf('p1');
      assert.deepEqual([post.status, post.moderation?.reason, post.moderation?.decidedBy, post.moderation?.level], ['hidden', 'moderator', 'v1', 'none']);
      const audits = await db.collection(paths.auditLogs()).get();
      assert.deepEqual(audits.docs.map((d) => auditLogSchema.parse(d.data()).meta), [{ from: 'visible', to: 'hidden' }]);
      await assert.rejects(store.changeItem({ kind: 'post', postId: 'p1' }, (s) => planModeration(s, 'hide', 's1', T), T), (e: unknown) => e instanceof DomainError && e.code === 'forum/own-content');
      await assert.rejects(store.changeItem({ kind: 'post', postId: 'nope' }, (s) => planModeration(s, 'hide', 'v1', T), T), (e: unknown) => e instanceof DomainError && e.code === 'forum/not-found');
      assert.equal((await db.collection(paths.auditLogs()).get()).size, 1);
    });

    it('reports: one per reporter, the item queued; the queue lists posts and comments oldest first', async () => {
      const store = firestoreForumStore(db);
      await seedPost('p1', { status: 'visible', createdAt: ts(T + 10) });
      await seedComment('p1', 'c1', { status: 'visible', createdAt: ts(T + 5) });
      const report = { reporterUid: 's3', postId: 'p1', commentId: null, reason: 'spam' as const, createdAt: T };
      const plan = (s: Parameters<typeof planReport>[0]) => planReport(s, 's3');
      const results = await Promise.all([
        store.fileReport('r1', report, { kind: 'post', postId: 'p1' }, plan, T),
        store.fileReport('r1', report, { kind: 'post', postId: 'p1' }, plan, T),
      ]);
      assert.deepEqual(results.sort(), ['created', 'exists']);
      assert.equal((await postOf('p1')).moderation?.reportCount, 1);
      assert.equal(forumReportSchema.parse((await db.doc(paths.forumReport('r1')).get()).data()).reason, 'spam');
      await store.fileReport('r2', { ...report, commentId: 'c1' }, { kind: 'comment', postId: 'p1', commentId: 'c1' }, plan, T);
      const queue = await store.queue(10);
      assert.deepEqual(queue.map((q) => [q.kind, q.postId, q.commentId, q.reviewWhy, q.reportCount]), [
        ['comment', 'p1', 'c1', 'reported', 1],
        ['post', 'p1', null, 'reported', 1],
      ]);
    });
  });
});
