/**
 * The steps of an account deletion, in order (DELETION_STEPS). Each step does one bounded page of work and
 * says whether it is finished and where it continues (`cursor`); every effect is idempotent (a removed
 * document is simply not found again; counters change in the same transaction that removes the document
 * they count), so a step that is re-run after a crash does nothing twice.
 */
import { Timestamp, type DocumentReference, type Firestore } from 'firebase-admin/firestore';
import { z } from 'zod';
import { COLLECTIONS, paths } from '../model/paths';
import { commentCountAfter, likeCountAfter, peerSessionAdjustment } from './counts';
import type { PrivacyDeps } from './deps';
import type { DeletionStep } from './records';
import { exportPrefix } from './storage';

/** What a riskEvent's alias becomes when its student's account is deleted. */
export const DELETED_ALIAS = '[deleted account]';

/** Documents handled per page of a step. */
export const STEP_PAGE = 100;
/** Trees (posts, chats) removed per page: each may hold many documents. */
const TREE_PAGE = 10;

export interface StepResult {
  done: boolean;
  cursor: string | null;
  documents: number;
  anonymised: number;
  files: number;
}

export interface StepContext {
  deps: PrivacyDeps;
  db: Firestore;
  uid: string;
}

type StepFn = (ctx: StepContext, cursor: string | null) => Promise<StepResult>;

const result = (done: boolean, counts: Partial<Omit<StepResult, 'done' | 'cursor'>> = {}, cursor: string | null = null): StepResult => ({
  done,
  cursor,
  documents: counts.documents ?? 0,
  anonymised: counts.anonymised ?? 0,
  files: counts.files ?? 0,
});

/** Removes a document and everything under it; returns how many documents were deleted. */
export async function deleteTree(db: Firestore, ref: DocumentReference): Promise<number> {
  let deleted = 0;
  const writer = db.bulkWriter();
  writer.onWriteResult(() => {
    deleted += 1;
  });
  try {
    await db.recursiveDelete(ref, writer);
  } finally {
    await writer.close();
  }
  return deleted;
}

/** One page of ids of a top-level collection after `after`, without reading fields. */
async function idPage(db: Firestore, collection: string, after: string | null, size: number): Promise<string[]> {
  let q = db.collection(collection).orderBy('__name__').select().limit(size);
  if (after !== null) q = q.startAfter(after);
  return (await q.get()).docs.map((d) => d.id);
}

const likeCountSchema = z.object({ likeCount: z.int().min(0) }).loose();
const commentCountSchema = z.object({ commentCount: z.int().min(0) }).loose();
const countedVisibleSchema = z.object({ countedVisible: z.boolean() }).loose();
const likeCountedSchema = z.object({ counted: z.boolean() }).loose();
const peerCountersSchema = z
  .object({ participantCount: z.int().min(0), feedbackCount: z.int().min(0).optional(), ratingSum: z.int().min(0).optional() })
  .loose();
const participantLeftSchema = z.object({ leftAt: z.unknown() }).loose();
const ratingSchema = z.object({ rating: z.int().min(1).max(5) }).loose();
const bookingSlotSchema = z.object({ counselorUid: z.string().min(1), slotId: z.string().min(1) }).loose();
const slotStateSchema = z.object({ status: z.string(), bookingId: z.string().nullable().optional(), start: z.instanceof(Timestamp) }).loose();

const auth: StepFn = async ({ deps, uid }) => {
  await deps.auth.deleteUser(uid);
  return result(true);
};

const riskEvents: StepFn = async ({ deps, db, uid }) => {
  const snap = await db.collection(paths.riskEvents()).where('studentUid', '==', uid).limit(STEP_PAGE).get();
  if (snap.empty) return result(true);
  const batch = db.batch();
  for (const doc of snap.docs) {
    batch.update(doc.ref, { studentUid: null, alias: DELETED_ALIAS, sourcePath: null, updatedAt: Timestamp.fromMillis(deps.now()) });
  }
  await batch.commit();
  return result(snap.size < STEP_PAGE, { anonymised: snap.size });
};

const likes: StepFn = async ({ db, uid }, cursor) => {
  const postIds = await idPage(db, paths.forumPosts(), cursor, STEP_PAGE);
  const refs = postIds.flatMap((id) => [db.doc(paths.like(id, uid)), db.doc(paths.likeState(id, uid))]);
  const snaps = refs.length > 0 ? await db.getAll(...refs) : [];
  const posts = new Set(snaps.filter((s) => s.exists).map((s) => s.ref.parent.parent?.id).filter((id): id is string => id !== undefined));
  let documents = 0;
  for (const postId of posts) {
    const postRef = db.doc(paths.forumPost(postId));
    const likeRef = db.doc(paths.like(postId, uid));
    const stateRef = db.doc(paths.likeState(postId, uid));
    documents += await db.runTransaction(async (tx) => {
      const [postSnap, likeSnap, stateSnap] = await tx.getAll(postRef, likeRef, stateRef);
      const state = likeCountedSchema.safeParse(stateSnap?.data());
      const post = likeCountSchema.safeParse(postSnap?.data());
      const next = post.success ? likeCountAfter(post.data.likeCount, state.success && state.data.counted) : undefined;
      if (next !== undefined) tx.update(postRef, { likeCount: next });
      let removed = 0;
      for (const snap of [likeSnap, stateSnap]) {
        if (!snap?.exists) continue;
        tx.delete(snap.ref);
        removed += 1;
      }
      return removed;
    });
  }
  return result(postIds.length < STEP_PAGE, { documents }, postIds[postIds.length - 1] ?? cursor);
};

const peer: StepFn = async ({ db, uid }, cursor) => {
  const sessionIds = await idPage(db, paths.peerSessions(), cursor, STEP_PAGE);
  const refs = sessionIds.flatMap((id) => [db.doc(paths.participant(id, uid)), db.doc(paths.feedback(id, uid))]);
  const snaps = refs.length > 0 ? await db.getAll(...refs) : [];
  const sessions = new Set(snaps.filter((s) => s.exists).map((s) => s.ref.parent.parent?.id).filter((id): id is string => id !== undefined));
  let documents = 0;
  for (const id of sessions) {
    const sessionRef = db.doc(paths.peerSession(id));
    const partRef = db.doc(paths.participant(id, uid));
    const fbRef = db.doc(paths.feedback(id, uid));
    documents += await db.runTransaction(async (tx) => {
      const [sessionSnap, partSnap, fbSnap] = await tx.getAll(sessionRef, partRef, fbRef);
      const part = partSnap?.exists ? participantLeftSchema.safeParse(partSnap.data()) : undefined;
      const fb = fbSnap?.exists ? ratingSchema.safeParse(fbSnap.data()) : undefined;
      const counters = peerCountersSchema.safeParse(sessionSnap?.data());
      if (counters.success) {
        const change = peerSessionAdjustment(
          counters.data,
          part ? { joined: part.success && (part.data.leftAt === null || part.data.leftAt === undefined) } : undefined,
          fb?.success ? { rating: fb.data.rating } : undefined,
        );
        if (Object.keys(change).length > 0) tx.update(sessionRef, change);
      }
      let removed = 0;
      if (partSnap?.exists) {
        tx.delete(partRef);
        removed += 1;
      }
      if (fbSnap?.exists) {
        tx.delete(fbRef);
        removed += 1;
      }
      return removed;
    });
  }
  return result(sessionIds.length < STEP_PAGE, { documents }, sessionIds[sessionIds.length - 1] ?? cursor);
};

const comments: StepFn = async ({ db, uid }) => {
  const snap = await db.collectionGroup(COLLECTIONS.comments).where('authorUid', '==', uid).limit(STEP_PAGE).get();
  let documents = 0;
  for (const doc of snap.docs) {
    const postRef = doc.ref.parent.parent;
    documents += await db.runTransaction(async (tx) => {
      const [commentSnap, postSnap] = await tx.getAll(doc.ref, ...(postRef ? [postRef] : []));
      if (!commentSnap?.exists) return 0;
      tx.delete(doc.ref);
      const counted = countedVisibleSchema.safeParse(commentSnap.data());
      const post = commentCountSchema.safeParse(postSnap?.data());
      const next = post.success ? commentCountAfter(post.data.commentCount, counted.success && counted.data.countedVisible) : undefined;
      if (postRef && next !== undefined) tx.update(postRef, { commentCount: next });
      return 1;
    });
  }
  return result(snap.size < STEP_PAGE, { documents });
};

const forumReports: StepFn = async ({ db, uid }) => {
  const snap = await db.collection(paths.forumReports()).where('reporterUid', '==', uid).select().limit(STEP_PAGE).get();
  if (snap.empty) return result(true);
  const batch = db.batch();
  for (const doc of snap.docs) batch.delete(doc.ref);
  await batch.commit();
  return result(snap.size < STEP_PAGE, { documents: snap.size });
};

function treesWhere(collection: string, field: string): StepFn {
  return async ({ db, uid }) => {
    const snap = await db.collection(collection).where(field, '==', uid).select().limit(TREE_PAGE).get();
    let documents = 0;
    for (const doc of snap.docs) documents += await deleteTree(db, doc.ref);
    return result(snap.size < TREE_PAGE, { documents });
  };
}

const bookings: StepFn = async ({ deps, db, uid }) => {
  const snap = await db.collection(paths.bookings()).where('studentUid', '==', uid).limit(STEP_PAGE).get();
  const now = deps.now();
  let documents = 0;
  for (const doc of snap.docs) {
    const link = bookingSlotSchema.safeParse(doc.data());
    const slotRef = link.success ? db.doc(paths.slot(link.data.counselorUid, link.data.slotId)) : undefined;
    documents += await db.runTransaction(async (tx) => {
      const [bookingSnap, slotSnap] = await tx.getAll(doc.ref, ...(slotRef ? [slotRef] : []));
      if (!bookingSnap?.exists) return 0;
      const slot = slotStateSchema.safeParse(slotSnap?.data());
      if (slotRef && slot.success && slot.data.bookingId === doc.id && slot.data.status !== 'open' && slot.data.start.toMillis() > now) {
        tx.update(slotRef, { status: 'open', heldBy: null, bookingId: null, holdExpiresAt: null });
      }
      tx.delete(doc.ref);
      return 1;
    });
  }
  return result(snap.size < STEP_PAGE, { documents });
};

const deliveries: StepFn = async ({ db, uid }) => {
  const userPath = paths.user(uid);
  const col = db.collection(paths.deliveries());
  const queries = [
    col.where('recipientRef', '==', uid),
    col.where('recipientRef', '==', userPath),
    col.where('recipientRef', '>=', `${userPath}/`).where('recipientRef', '<', `${userPath}0`),
  ];
  let documents = 0;
  let done = true;
  for (const q of queries) {
    const snap = await q.select().limit(STEP_PAGE).get();
    if (snap.size === STEP_PAGE) done = false;
    if (snap.empty) continue;
    const batch = db.batch();
    for (const doc of snap.docs) batch.delete(doc.ref);
    await batch.commit();
    documents += snap.size;
  }
  return result(done, { documents });
};

const counselor: StepFn = async ({ db, uid }) => result(true, { documents: await deleteTree(db, db.doc(paths.counselor(uid))) });

const userTree: StepFn = async ({ db, uid }) => result(true, { documents: await deleteTree(db, db.doc(paths.user(uid))) });

const files: StepFn = async ({ deps, uid }) => result(true, { files: await deps.storage.removePrefix(exportPrefix(uid)) });

/** The work of every step but `finish` (which the runner does: audit entry, job removal). */
export const STEPS: Readonly<Record<Exclude<DeletionStep, 'finish'>, StepFn>> = {
  auth,
  riskEvents,
  likes,
  peer,
  comments,
  forumReports,
  posts: treesWhere(paths.forumPosts(), 'authorUid'),
  chats: treesWhere(paths.chats(), 'studentUid'),
  bookings,
  deliveries,
  counselor,
  userTree,
  files,
};
