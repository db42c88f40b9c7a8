/**
 * The forum's triggers and callables built around fakes and driven through firebase-functions-test: screening
 * to visible or hidden, riskEvents and the caring message, model failure fallback, exact like and comment
 * counts, reports, moderation with audit, the queue. Every trigger is also run twice.
 */
import assert from 'node:assert/strict';
import functionsTest from 'firebase-functions-test';
import { HttpsError, type CallableRequest } from 'firebase-functions/v2/https';
import { z } from 'zod';
import {
  buildListModerationQueue,
  buildModerateContent,
  buildOnForumCommentCreated,
  buildOnForumCommentUpdated,
  buildOnForumLikeWritten,
  buildOnForumPostCreated,
  buildReportForumContent,
} from '../../../src/connect/forum/triggers';
import { careKey, forumReportIdFor } from '../../../src/connect/forum/handlers';
import { paths } from '../../../src/model/paths';
import { ProviderError } from '../../../src/platform/providers/types';
import { riskEventIdFor } from '../../../src/safety/ids';
import { authData, callableRequest } from '../../support/callable';
import { fakeForumDeps, RoutedModel, type FakeForum } from '../../support/connect-community-fakes';
import { snapshotData } from '../../support/safety-fakes';

const ffTest = functionsTest({ projectId: 'demo-manmitra' });
after(() => ffTest.cleanup());

async function createPost(fake: FakeForum, postId: string, body: string, title = 'A thought'): Promise<void> {
  const post = fake.store.seedPost(postId, { body, title });
  const wrapped = ffTest.wrap(buildOnForumPostCreated(() => fake.deps));
  const event = { data: ffTest.firestore.makeDocumentSnapshot(snapshotData(post), paths.forumPost(postId)), params: { postId } };
  await wrapped(event);
}

async function rerunPost(fake: FakeForum, postId: string): Promise<void> {
  const post = fake.store.posts.get(postId);
  assert.ok(post);
  await ffTest.wrap(buildOnForumPostCreated(() => fake.deps))({ data: ffTest.firestore.makeDocumentSnapshot(snapshotData(post), paths.forumPost(postId)), params: { postId } });
}

async function createComment(fake: FakeForum, postId: string, commentId: string, body: string): Promise<void> {
  const comment = fake.store.seedComment(postId, commentId, { body });
  const wrapped = ffTest.wrap(buildOnForumCommentCreated(() => fake.deps));
  await wrapped({ data: ffTest.firestore.makeDocumentSnapshot(snapshotData(comment), paths.comment(postId, commentId)), params: { postId, commentId } });
}

async function commentUpdated(fake: FakeForum, postId: string, commentId: string, beforeStatus: string): Promise<void> {
  const after = fake.store.comment(postId, commentId);
  assert.ok(after);
  const path = paths.comment(postId, commentId);
  const change = ffTest.makeChange(
    ffTest.firestore.makeDocumentSnapshot({ ...snapshotData(after), status: beforeStatus }, path),
    ffTest.firestore.makeDocumentSnapshot(snapshotData(after), path),
  );
  await ffTest.wrap(buildOnForumCommentUpdated(() => fake.deps))({ data: change, params: { postId, commentId } });
}

async function likeWritten(fake: FakeForum, postId: string, uid: string): Promise<void> {
  const path = paths.like(postId, uid);
  const exists = fake.store.likes.has(path);
  const snap = exists ? ffTest.firestore.makeDocumentSnapshot({ createdAt: new Date() }, path) : ffTest.firestore.makeDocumentSnapshot({}, path);
  await ffTest.wrap(buildOnForumLikeWritten(() => fake.deps))({ data: ffTest.makeChange(snap, snap), params: { postId, uid } });
}

async function call(fn: { run: (req: CallableRequest) => unknown }, data: unknown, uid: string, role: string): Promise<unknown> {
  return await fn.run(callableRequest(data, authData(uid, { role, orgId: 'org-a' })));
}

const detailsSchema = z.object({ code: z.string() }).loose();
const queueSchema = z.object({ items: z.array(z.object({ postId: z.string(), reason: z.string().nullable() }).loose()) });

async function rejects(promise: Promise<unknown>, status: string, code: string): Promise<void> {
  await assert.rejects(promise, (e: unknown) => e instanceof HttpsError && e.code === status && detailsSchema.safeParse(e.details).data?.code === code);
}

describe('onForumPostCreated', () => {
  it('a benign post becomes visible (clean), screened by both layers, nothing queued, no riskEvent', async () => {
    const fake = fakeForumDeps();
    await createPost(fake, 'p1', 'How do you all cope with exam stress?');
    const post = fake.store.posts.get('p1');
    assert.equal(post?.status, 'visible');
    assert.deepEqual([post?.moderation?.reason, post?.moderation?.review, post?.moderation?.by, post?.moderation?.riskEventId], ['clean', false, 'rules+model', null]);
    assert.deepEqual(fake.model.asked.sort(), ['abuse', 'risk']);
    assert.equal(fake.safety.events.size, 0);
    assert.equal(fake.notifier.requests.length, 0);
  });

  it('a post with a phone number is hidden as doxxing and queued; the model never sees the number', async () => {
    const fake = fakeForumDeps();
    await createPost(fake, 'p1', 'Riya from hostel B keeps ignoring me, her number is 98765 43210, call her');
    const post = fake.store.posts.get('p1');
    assert.deepEqual([post?.status, post?.moderation?.reason, post?.moderation?.abuse, post?.moderation?.review], ['hidden', 'doxxing', ['doxxing-phone'], true]);
    assert.equal(fake.model.prompts.some((p) => p.includes('43210')), false);
  });

  it('a crisis post raises a riskEvent at once (deterministic id), hides the post and sends one caring message', async () => {
    const fake = fakeForumDeps();
    fake.safety.language = 'hi';
    await createPost(fake, 'p1', 'I want to die, I have the pills ready tonight');
    const id = riskEventIdFor(paths.forumPost('p1'));
    const event = fake.safety.events.get(id);
    assert.equal(event?.level, 'imminent');
    assert.deepEqual([event?.signal.source, event?.signal.studentUid], ['forum', 's1']);
    const post = fake.store.posts.get('p1');
    assert.deepEqual([post?.status, post?.moderation?.reason, post?.moderation?.riskEventId, post?.moderation?.level], ['hidden', 'risk', id, 'imminent']);
    assert.equal(fake.notifier.requests.length, 1);
    const care = fake.notifier.requests[0];
    assert.deepEqual([care?.uid, care?.type, care?.respectQuietHours, care?.idempotencyKey, care?.title], ['s1', 'safety', false, careKey(paths.forumPost('p1')), 'हम आपके साथ हैं']);
    assert.equal(care?.body.includes('112'), true);
  });

  it('the rules path does not wait for the model: the riskEvent exists even when the model throws', async () => {
    const model = new RoutedModel();
    model.risk = 'throw';
    model.abuse = 'throw';
    const fake = fakeForumDeps({ model });
    await createPost(fake, 'p1', 'I wish I was dead');
    assert.equal(fake.safety.events.size, 1);
    assert.equal(fake.store.posts.get('p1')?.status, 'hidden');
  });

  it('the model raises a post the rules read as low: riskEvent at the model level', async () => {
    const model = new RoutedModel();
    model.risk = { status: 'ok', value: { level: 'high', reasons: ['passive-death-wish'] }, attempts: 1 };
    const fake = fakeForumDeps({ model });
    await createPost(fake, 'p1', 'everything feels heavy lately');
    assert.equal(fake.safety.events.get(riskEventIdFor(paths.forumPost('p1')))?.level, 'high');
    assert.equal(fake.store.posts.get('p1')?.moderation?.reason, 'risk');
  });

  it('moderate risk: riskEvent raised, post visible, no caring message', async () => {
    const fake = fakeForumDeps();
    await createPost(fake, 'p1', 'I feel hopeless about everything');
    assert.equal(fake.safety.events.size, 1);
    assert.equal(fake.store.posts.get('p1')?.status, 'visible');
    assert.equal(fake.notifier.requests.length, 0);
  });

  it('a model failure falls back: clean text visible but queued; flagged text hidden', async () => {
    const model = new RoutedModel();
    model.abuse = { status: 'error', error: new ProviderError('gemini', 'timeout', 'deadline'), attempts: 2 };
    const fake = fakeForumDeps({ model });
    await createPost(fake, 'p1', 'Any tips for sleep before exams?');
    assert.deepEqual([fake.store.posts.get('p1')?.status, fake.store.posts.get('p1')?.moderation?.reviewWhy], ['visible', 'model-unavailable']);
    await createPost(fake, 'p2', 'our warden is a harami');
    assert.deepEqual([fake.store.posts.get('p2')?.status, fake.store.posts.get('p2')?.moderation?.reason], ['hidden', 'abuse']);
  });

  it('the model finds abuse the filter missed: hidden', async () => {
    const model = new RoutedModel();
    model.abuse = { status: 'ok', value: { abusive: true, categories: ['harassment'] }, attempts: 1 };
    const fake = fakeForumDeps({ model });
    await createPost(fake, 'p1', 'everyone in 2nd year CSE section B is a clown, especially the topper');
    assert.deepEqual([fake.store.posts.get('p1')?.status, fake.store.posts.get('p1')?.moderation?.abuse], ['hidden', ['model:harassment']]);
  });

  it('a malformed model answer counts as a failure, never as clean', async () => {
    const model = new RoutedModel();
    model.abuse = { status: 'ok', value: { verdict: 'fine' }, attempts: 1 };
    const fake = fakeForumDeps({ model });
    await createPost(fake, 'p1', 'Any tips for sleep before exams?');
    assert.equal(fake.store.posts.get('p1')?.moderation?.review, true);
  });

  it('without the model (offline, rate limit or budget): the deterministic layers decide, not queued', async () => {
    const fake = fakeForumDeps({ model: new RoutedModel(false) });
    await createPost(fake, 'p1', 'Any tips for sleep before exams?');
    assert.deepEqual([fake.store.posts.get('p1')?.status, fake.store.posts.get('p1')?.moderation?.by, fake.store.posts.get('p1')?.moderation?.review], ['visible', 'rules', false]);
    assert.equal(fake.model.asked.length, 0);
  });

  it('running twice changes nothing more: one riskEvent, one caring message, the model asked once per layer', async () => {
    const fake = fakeForumDeps();
    await createPost(fake, 'p1', 'I want to die');
    const first = fake.store.posts.get('p1');
    await rerunPost(fake, 'p1');
    assert.deepEqual(fake.store.posts.get('p1'), first);
    assert.equal(fake.safety.events.size, 1);
    assert.equal(fake.notifier.distinct.length, 1);
    assert.equal(fake.model.asked.length, 2);
  });

  it('a post already screened or moderated is left alone; a missing post is skipped', async () => {
    const fake = fakeForumDeps();
    fake.store.seedPost('p1', { status: 'visible' });
    await rerunPost(fake, 'p1');
    assert.equal(fake.store.posts.get('p1')?.moderation, undefined);
    await ffTest.wrap(buildOnForumPostCreated(() => fake.deps))({ data: ffTest.firestore.makeDocumentSnapshot({}, paths.forumPost('gone')), params: { postId: 'gone' } });
    assert.equal(fake.store.posts.has('gone'), false);
  });
});

describe('onForumCommentCreated and commentCount', () => {
  it('a benign comment becomes visible and counts once on its post; twice is still once', async () => {
    const fake = fakeForumDeps();
    fake.store.seedPost('p1', { status: 'visible' });
    await createComment(fake, 'p1', 'c1', 'Short breaks help me.');
    assert.equal(fake.store.comment('p1', 'c1')?.status, 'visible');
    assert.equal(fake.store.posts.get('p1')?.commentCount, 1);
    const comment = fake.store.comment('p1', 'c1');
    assert.ok(comment);
    await ffTest.wrap(buildOnForumCommentCreated(() => fake.deps))({
      data: ffTest.firestore.makeDocumentSnapshot(snapshotData(comment), paths.comment('p1', 'c1')),
      params: { postId: 'p1', commentId: 'c1' },
    });
    assert.equal(fake.store.posts.get('p1')?.commentCount, 1);
  });

  it('a harassing comment is hidden and not counted; a crisis comment raises its own riskEvent', async () => {
    const fake = fakeForumDeps();
    fake.store.seedPost('p1', { status: 'visible' });
    await createComment(fake, 'p1', 'c1', 'just kill yourself');
    assert.deepEqual([fake.store.comment('p1', 'c1')?.status, fake.store.comment('p1', 'c1')?.moderation?.abuse], ['hidden', ['harassment']]);
    assert.equal(fake.store.posts.get('p1')?.commentCount, 0);
    await createComment(fake, 'p1', 'c2', 'honestly I want to die too');
    assert.ok(fake.safety.events.has(riskEventIdFor(paths.comment('p1', 'c2'))));
  });

  it('a moderator hiding a comment directly (rules allow it) brings the count down once', async () => {
    const fake = fakeForumDeps();
    fake.store.seedPost('p1', { status: 'visible' });
    await createComment(fake, 'p1', 'c1', 'Short breaks help me.');
    const comment = fake.store.comment('p1', 'c1');
    assert.ok(comment);
    fake.store.comments.set(paths.comment('p1', 'c1'), { ...comment, status: 'hidden' });
    await commentUpdated(fake, 'p1', 'c1', 'visible');
    await commentUpdated(fake, 'p1', 'c1', 'visible');
    assert.equal(fake.store.posts.get('p1')?.commentCount, 0);
  });
});

describe('onForumLikeWritten', () => {
  it('keeps likeCount exact through repeated, reordered and re-liked events', async () => {
    const fake = fakeForumDeps();
    fake.store.seedPost('p1', { status: 'visible' });
    const like = paths.like('p1', 'u1');
    fake.store.likes.add(like);
    await likeWritten(fake, 'p1', 'u1');
    await likeWritten(fake, 'p1', 'u1');
    assert.equal(fake.store.posts.get('p1')?.likeCount, 1);
    fake.store.likes.add(paths.like('p1', 'u2'));
    await likeWritten(fake, 'p1', 'u2');
    assert.equal(fake.store.posts.get('p1')?.likeCount, 2);
    fake.store.likes.delete(like);
    await likeWritten(fake, 'p1', 'u1');
    await likeWritten(fake, 'p1', 'u1');
    assert.equal(fake.store.posts.get('p1')?.likeCount, 1);
    fake.store.likes.add(like);
    await likeWritten(fake, 'p1', 'u1');
    assert.equal(fake.store.posts.get('p1')?.likeCount, 2);
  });

  it('a like created and deleted before its trigger ran never counts', async () => {
    const fake = fakeForumDeps();
    fake.store.seedPost('p1', { status: 'visible' });
    await likeWritten(fake, 'p1', 'u1');
    await likeWritten(fake, 'p1', 'u1');
    assert.equal(fake.store.posts.get('p1')?.likeCount, 0);
  });
});

describe('reportForumContent', () => {
  it('one report per user per item; the third distinct reporter hides a visible post', async () => {
    const fake = fakeForumDeps();
    fake.store.seedPost('p1', { status: 'visible', moderation: undefined });
    const report = buildReportForumContent(() => fake.deps);
    assert.deepEqual(await call(report, { postId: 'p1', reason: 'harassment', note: 'rude' }, 's2', 'student'), { reported: true });
    assert.deepEqual(await call(report, { postId: 'p1', reason: 'harassment' }, 's2', 'student'), { reported: false });
    assert.equal(fake.store.posts.get('p1')?.moderation?.reportCount, 1);
    assert.equal(fake.store.posts.get('p1')?.moderation?.reviewWhy, 'reported');
    await call(report, { postId: 'p1', reason: 'spam' }, 's3', 'student');
    assert.equal(fake.store.posts.get('p1')?.status, 'visible');
    await call(report, { postId: 'p1', reason: 'hate' }, 's4', 'student');
    assert.deepEqual([fake.store.posts.get('p1')?.status, fake.store.posts.get('p1')?.moderation?.reason], ['hidden', 'reported']);
    assert.equal(fake.store.reports.size, 3);
    assert.equal(fake.store.reports.get(forumReportIdFor({ kind: 'post', postId: 'p1' }, 's2'))?.note, 'rude');
  });

  it('clear errors: own post, hidden post, missing post, bad input', async () => {
    const fake = fakeForumDeps();
    fake.store.seedPost('p1', { status: 'visible' });
    fake.store.seedPost('p2', { status: 'hidden' });
    const report = buildReportForumContent(() => fake.deps);
    await rejects(call(report, { postId: 'p1', reason: 'spam' }, 's1', 'student'), 'failed-precondition', 'forum/own-content');
    await rejects(call(report, { postId: 'p2', reason: 'spam' }, 's2', 'student'), 'failed-precondition', 'forum/not-visible');
    await rejects(call(report, { postId: 'nope', reason: 'spam' }, 's2', 'student'), 'not-found', 'forum/not-found');
    await rejects(call(report, { postId: 'p1', reason: 'meh' }, 's2', 'student'), 'invalid-argument', 'validation/invalid');
    assert.equal(fake.store.reports.size, 0);
  });

  it('reports a comment and brings the post count down when the comment gets hidden', async () => {
    const fake = fakeForumDeps();
    fake.store.seedPost('p1', { status: 'visible', commentCount: 1 });
    fake.store.seedComment('p1', 'c1', { status: 'visible', countedVisible: true });
    const report = buildReportForumContent(() => fake.deps);
    for (const uid of ['s3', 's4', 's5']) await call(report, { postId: 'p1', commentId: 'c1', reason: 'harassment' }, uid, 'student');
    assert.equal(fake.store.comment('p1', 'c1')?.status, 'hidden');
    assert.equal(fake.store.posts.get('p1')?.commentCount, 0);
  });
});

describe('moderateContent and the queue', () => {
  it('a volunteer restores an auto-hidden post: visible, out of the queue, audited', async () => {
    const fake = fakeForumDeps();
    await createPost(fake, 'p1', 'selling my old notes, come to room no 12');
    assert.equal(fake.store.posts.get('p1')?.status, 'hidden');
    const queue = buildListModerationQueue(() => fake.deps);
    const before = queueSchema.parse(await call(queue, {}, 'v1', 'volunteer'));
    assert.deepEqual(before.items.map((i) => [i.postId, i.reason]), [['p1', 'doxxing']]);
    const moderate = buildModerateContent(() => fake.deps);
    assert.deepEqual(await call(moderate, { postId: 'p1', action: 'restore' }, 'v1', 'volunteer'), { status: 'visible', changed: true });
    const post = fake.store.posts.get('p1');
    assert.deepEqual([post?.status, post?.moderation?.review, post?.moderation?.decidedBy, post?.moderation?.reason], ['visible', false, 'v1', 'clean']);
    assert.deepEqual(fake.store.audits.map((a) => [a.action, a.target, a.actor.uid, a.meta.action, a.meta.from, a.meta.to]), [
      ['forum.moderate', paths.forumPost('p1'), 'v1', 'restore', 'hidden', 'visible'],
    ]);
    assert.equal(queueSchema.parse(await call(queue, {}, 'c9', 'counselor')).items.length, 0);
  });

  it('hide and dismiss on comments; the post count follows', async () => {
    const fake = fakeForumDeps();
    fake.store.seedPost('p1', { status: 'visible', commentCount: 1 });
    fake.store.seedComment('p1', 'c1', { status: 'visible', countedVisible: true });
    const moderate = buildModerateContent(() => fake.deps);
    assert.deepEqual(await call(moderate, { postId: 'p1', commentId: 'c1', action: 'hide' }, 'a1', 'admin'), { status: 'hidden', changed: true });
    assert.equal(fake.store.posts.get('p1')?.commentCount, 0);
    assert.deepEqual(await call(moderate, { postId: 'p1', commentId: 'c1', action: 'dismiss' }, 'a1', 'admin'), { status: 'hidden', changed: false });
    assert.equal(fake.store.audits.length, 2);
  });

  it('students cannot moderate or read the queue; nobody moderates their own post', async () => {
    const fake = fakeForumDeps();
    fake.store.seedPost('p1', { status: 'visible', authorUid: 'v1' });
    const moderate = buildModerateContent(() => fake.deps);
    await rejects(call(moderate, { postId: 'p1', action: 'hide' }, 's2', 'student'), 'permission-denied', 'forum/not-moderator');
    await rejects(call(buildListModerationQueue(() => fake.deps), {}, 's2', 'student'), 'permission-denied', 'forum/not-moderator');
    await rejects(call(moderate, { postId: 'p1', action: 'hide' }, 'v1', 'volunteer'), 'permission-denied', 'forum/own-content');
    await rejects(call(moderate, { postId: 'p1', action: 'delete' }, 'v2', 'volunteer'), 'invalid-argument', 'validation/invalid');
    assert.equal(fake.store.posts.get('p1')?.status, 'visible');
    assert.equal(fake.store.audits.length, 0);
  });
});
