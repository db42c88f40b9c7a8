/**
 * Peer circles and the forum in the local stack, through the client SDK: a volunteer creates a circle with
 * their own client (rules apply), more students than its capacity join at once through the callable, and
 * only participants and hosts can read the room link. Forum posts created `pending` by students become
 * visible or hidden through onForumPostCreated; a crisis post raises a riskEvent and a caring notification;
 * likes keep an exact count; a host's concern about a participant raises a riskEvent.
 */
import assert from 'node:assert/strict';
import { deleteDoc, doc, getDoc, serverTimestamp, setDoc, Timestamp } from 'firebase/firestore';
import { concernSourcePath } from '../../src/connect/circles/logic';
import { careKey } from '../../src/connect/forum/handlers';
import { paths } from '../../src/model/paths';
import { forumPostSchema, peerSessionSchema, riskEventSchema, type ForumPost } from '../../src/model/schemas';
import { notificationIdFor } from '../../src/notify';
import { riskEventIdFor } from '../../src/safety/ids';
import { adminDb, eventually, signInStaff, useStack, type Session } from '../support/stack';

const ORG = 'demo-org';
const HOUR = 3_600_000;

function codeOf(e: unknown): { code: string; detail: unknown } {
  assert.ok(e instanceof Error && 'code' in e, `expected a FunctionsError, got ${String(e)}`);
  const details = 'details' in e && typeof e.details === 'object' && e.details !== null && 'code' in e.details ? e.details.code : undefined;
  return { code: String(e.code), detail: details };
}

/** The volunteer creates a circle with their own client, as the app does (rules apply). */
async function createCircle(host: Session, id: string, capacity: number): Promise<void> {
  await setDoc(doc(host.db, paths.peerSession(id)), {
    title: 'Exam stress circle',
    category: 'exam-stress',
    language: 'en',
    orgId: ORG,
    scheduledAt: Timestamp.fromMillis(Date.now() + 2 * HOUR),
    durationMin: 45,
    capacity,
    hostUids: [host.uid],
    status: 'scheduled',
    participantCount: 0,
    createdBy: host.uid,
    createdAt: serverTimestamp(),
  });
}

/** A student writes a post with their own client: pending, as the rules require. */
async function writePost(student: Session, postId: string, body: string): Promise<void> {
  await setDoc(doc(student.db, paths.forumPost(postId)), {
    authorUid: student.uid,
    alias: 'Calm Otter 42',
    title: 'Something on my mind',
    body,
    tags: [],
    status: 'pending',
    likeCount: 0,
    commentCount: 0,
    createdAt: serverTimestamp(),
  });
}

async function screenedPost(postId: string): Promise<ForumPost> {
  return eventually(`forumPosts/${postId} screened`, async () => {
    const snap = await adminDb().doc(paths.forumPost(postId)).get();
    const post = forumPostSchema.parse(snap.data());
    return post.status === 'pending' ? undefined : post;
  });
}

describe('peer circles and the forum in the local stack', function () {
  this.timeout(600_000);
  useStack();

  it('more students than capacity join at once: exactly capacity participants, an exact count, clear errors for the rest', async () => {
    const host = await signInStaff({ role: 'volunteer', orgId: ORG });
    await createCircle(host, 'race', 5);
    await setDoc(doc(host.db, paths.peerJoin('race')), { kind: 'link', url: 'https://meet.example.org/race', updatedAt: serverTimestamp() });
    const students = await Promise.all(Array.from({ length: 12 }, () => signInStaff({ role: 'student', orgId: ORG })));

    const results = await Promise.allSettled(students.map((s) => s.call<{ participantCount: number }>('joinPeerSession', { sessionId: 'race' })));
    const joined = students.filter((_, i) => results[i]?.status === 'fulfilled');
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    assert.equal(joined.length, 5, `exactly capacity joined (errors: ${refused.map((r) => String(r.reason)).slice(0, 3).join('; ')})`);
    for (const r of refused) assert.deepEqual(codeOf(r.reason), { code: 'functions/failed-precondition', detail: 'circles/full' });

    const session = peerSessionSchema.parse((await adminDb().doc(paths.peerSession('race')).get()).data());
    assert.equal(session.participantCount, 5);
    const participants = await adminDb().collection(paths.participants('race')).get();
    assert.deepEqual(participants.docs.map((d) => d.id).sort(), joined.map((s) => s.uid).sort());

    // Joining again is the same participation; the room link is for participants and hosts only.
    const [first] = joined;
    assert.ok(first);
    assert.equal((await first.call<{ alreadyJoined: boolean; participantCount: number }>('joinPeerSession', { sessionId: 'race' })).participantCount, 5);
    assert.equal((await getDoc(doc(first.db, paths.peerJoin('race')))).get('url'), 'https://meet.example.org/race');
    const outsider = students.find((s) => !joined.includes(s));
    assert.ok(outsider);
    await assert.rejects(getDoc(doc(outsider.db, paths.peerJoin('race'))), (e: unknown) => e instanceof Error && 'code' in e && e.code === 'permission-denied');

    // Leaving frees a place for someone else.
    assert.equal((await first.call<{ left: boolean; participantCount: number }>('leavePeerSession', { sessionId: 'race' })).participantCount, 4);
    assert.equal((await outsider.call<{ participantCount: number }>('joinPeerSession', { sessionId: 'race' })).participantCount, 5);
  });

  it('a circle of another org, or one that does not exist, refuses clearly', async () => {
    const host = await signInStaff({ role: 'volunteer', orgId: 'other-org' });
    await setDoc(doc(host.db, paths.peerSession('theirs')), {
      title: 'Their circle',
      category: 'sleep',
      language: 'hi',
      orgId: 'other-org',
      scheduledAt: Timestamp.fromMillis(Date.now() + HOUR),
      durationMin: 30,
      capacity: 4,
      hostUids: [host.uid],
      status: 'scheduled',
      participantCount: 0,
      createdBy: host.uid,
      createdAt: serverTimestamp(),
    });
    const student = await signInStaff({ role: 'student', orgId: ORG });
    await assert.rejects(student.call('joinPeerSession', { sessionId: 'theirs' }), (e: unknown) => {
      assert.deepEqual(codeOf(e), { code: 'functions/permission-denied', detail: 'circles/other-org' });
      return true;
    });
    await assert.rejects(student.call('joinPeerSession', { sessionId: 'nowhere' }), (e: unknown) => {
      assert.deepEqual(codeOf(e), { code: 'functions/not-found', detail: 'circles/not-found' });
      return true;
    });
  });

  it('forum posts created pending become visible (benign) or hidden (doxxing); a crisis post raises a riskEvent and a caring message', async () => {
    const student = await signInStaff({ role: 'student', orgId: ORG });
    await writePost(student, 'benign', 'How do you all cope with exam stress? Any tips for sleep?');
    await writePost(student, 'doxx', 'Riya from hostel B keeps ignoring me, her number is 98765 43210, call her');
    await writePost(student, 'crisis', 'I want to die. I have been saving pills and tonight I will take them.');

    const benign = await screenedPost('benign');
    assert.deepEqual([benign.status, benign.moderation?.reason, benign.moderation?.review], ['visible', 'clean', false]);
    const doxx = await screenedPost('doxx');
    assert.deepEqual([doxx.status, doxx.moderation?.reason, doxx.moderation?.abuse], ['hidden', 'doxxing', ['doxxing-phone']]);
    const crisis = await screenedPost('crisis');
    const eventId = riskEventIdFor(paths.forumPost('crisis'));
    assert.deepEqual([crisis.status, crisis.moderation?.reason, crisis.moderation?.riskEventId], ['hidden', 'risk', eventId]);

    const event = riskEventSchema.parse((await adminDb().doc(paths.riskEvent(eventId)).get()).data());
    assert.deepEqual([event.source, event.studentUid, event.orgId, event.sourcePath], ['forum', student.uid, ORG, paths.forumPost('crisis')]);
    assert.ok(event.level === 'high' || event.level === 'imminent');
    const care = await adminDb().doc(paths.notification(student.uid, notificationIdFor(careKey(paths.forumPost('crisis'))))).get();
    assert.equal(care.get('type'), 'safety');
    assert.match(String(care.get('body')), /14416/);

    // Other students see the visible post only; the author still reads their own hidden one.
    const reader = await signInStaff({ role: 'student', orgId: ORG });
    assert.equal((await getDoc(doc(reader.db, paths.forumPost('benign')))).get('status'), 'visible');
    await assert.rejects(getDoc(doc(reader.db, paths.forumPost('doxx'))));
    assert.equal((await getDoc(doc(student.db, paths.forumPost('doxx')))).get('status'), 'hidden');
  });

  it('likes keep an exact count through like, unlike and like again', async () => {
    const author = await signInStaff({ role: 'student', orgId: ORG });
    await writePost(author, 'liked', 'Small wins today: went for a walk.');
    await screenedPost('liked');
    const fans = await Promise.all(Array.from({ length: 3 }, () => signInStaff({ role: 'student', orgId: ORG })));
    await Promise.all(fans.map((f) => setDoc(doc(f.db, paths.like('liked', f.uid)), { createdAt: serverTimestamp() })));
    const countIs = (n: number) =>
      eventually(`likeCount ${String(n)}`, async () => ((await adminDb().doc(paths.forumPost('liked')).get()).get('likeCount') === n ? true : undefined));
    await countIs(3);
    const [fan] = fans;
    assert.ok(fan);
    await deleteDoc(doc(fan.db, paths.like('liked', fan.uid)));
    await countIs(2);
    await setDoc(doc(fan.db, paths.like('liked', fan.uid)), { createdAt: serverTimestamp() });
    await countIs(3);
  });

  it("a host's concern about a participant raises a riskEvent for that participant", async () => {
    const host = await signInStaff({ role: 'volunteer', orgId: ORG });
    await createCircle(host, 'circle', 4);
    const student = await signInStaff({ role: 'student', orgId: ORG });
    await student.call('joinPeerSession', { sessionId: 'circle' });
    await setDoc(doc(host.db, paths.report('circle', 'r1')), {
      authorUid: host.uid,
      text: 'Calm session, four people.',
      concerns: [{ participantUid: student.uid, note: 'she said she wants to die' }],
      createdAt: serverTimestamp(),
    });
    const eventId = riskEventIdFor(concernSourcePath(paths.report('circle', 'r1'), student.uid));
    const event = await eventually('riskEvent of the concern', async () => {
      const snap = await adminDb().doc(paths.riskEvent(eventId)).get();
      return snap.exists ? riskEventSchema.parse(snap.data()) : undefined;
    });
    assert.deepEqual([event.source, event.studentUid, event.level], ['peer', student.uid, 'high']);
    await eventually('report screening', async () => ((await adminDb().doc(paths.report('circle', 'r1')).get()).get('screening') !== undefined ? true : undefined));
  });
});
