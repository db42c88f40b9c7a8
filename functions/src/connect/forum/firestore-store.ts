/**
 * The forum store on Firestore (admin SDK). Every read is parsed with the model's schemas; every change to an
 * item happens in a transaction that also keeps the post's counters exact.
 */
import { FieldValue, Timestamp, type DocumentReference, type Firestore, type Transaction } from 'firebase-admin/firestore';
import { COLLECTIONS, paths } from '../../model/paths';
import { commentSchema, forumPostSchema, likeStateSchema, type Comment, type ForumPost } from '../../model/schemas';
import { errors } from '../../platform/errors';
import { parseStored } from '../../platform/validation';
import { commentCountDelta, likeCountDelta } from './moderation';
import {
  entryOf,
  itemPath,
  moderationAfter,
  screenedModeration,
  stateOf,
  type ForumItem,
  type ForumStore,
  type ItemRef,
  type QueueEntry,
} from './repository';

async function readItem(tx: Transaction, ref: ItemRef, doc: DocumentReference): Promise<ForumItem | null> {
  const snap = await tx.get(doc);
  if (!snap.exists) return null;
  return ref.kind === 'post' ? parseStored(forumPostSchema, snap.data(), doc.path) : parseStored(commentSchema, snap.data(), doc.path);
}

export function firestoreForumStore(db: Firestore): ForumStore {
  /** For a comment whose status becomes `status`: the post's counter change, read inside the transaction. */
  async function commentCounter(tx: Transaction, ref: ItemRef, item: ForumItem) {
    if (ref.kind !== 'comment' || 'title' in item) return undefined;
    const postRef = db.doc(paths.forumPost(ref.postId));
    const post = await tx.get(postRef);
    return { postRef, postExists: post.exists, counted: item.countedVisible === true };
  }

  function writeCounter(
    tx: Transaction,
    counter: Awaited<ReturnType<typeof commentCounter>>,
    status: ForumItem['status'],
    fields: Record<string, unknown>,
  ): Record<string, unknown> {
    if (!counter) return fields;
    const { delta, countedVisible } = commentCountDelta(status, counter.counted);
    if (delta === 0 || !counter.postExists) return fields;
    tx.update(counter.postRef, { commentCount: FieldValue.increment(delta) });
    return { ...fields, countedVisible };
  }

  return {
    async item(ref) {
      const doc = db.doc(itemPath(ref));
      const snap = await doc.get();
      if (!snap.exists) return null;
      return ref.kind === 'post' ? parseStored(forumPostSchema, snap.data(), doc.path) : parseStored(commentSchema, snap.data(), doc.path);
    },

    async applyScreening(ref, write) {
      const doc = db.doc(itemPath(ref));
      return db.runTransaction(async (tx) => {
        const item = await readItem(tx, ref, doc);
        if (!item) return 'missing' as const;
        if (item.status !== 'pending' || item.moderation !== undefined) return 'already' as const;
        const counter = await commentCounter(tx, ref, item);
        const fields = writeCounter(tx, counter, write.decision.status, { status: write.decision.status, moderation: screenedModeration(write) });
        tx.update(doc, fields);
        return 'applied' as const;
      });
    },

    async changeItem(ref, plan, now, audit) {
      const doc = db.doc(itemPath(ref));
      return db.runTransaction(async (tx) => {
        const item = await readItem(tx, ref, doc);
        if (!item) throw errors.notFound('forum/not-found', 'That post or comment does not exist.');
        const counter = await commentCounter(tx, ref, item);
        const before = stateOf(item);
        const change = plan(before);
        const status = change.status ?? item.status;
        const fields = writeCounter(tx, counter, status, { status, moderation: moderationAfter(item.moderation, change, now) });
        tx.update(doc, fields);
        if (audit) tx.create(db.collection(COLLECTIONS.auditLogs).doc(), { ...audit(before, change), at: FieldValue.serverTimestamp() });
        return { before, change };
      });
    },

    async fileReport(reportId, report, ref, plan, now) {
      const doc = db.doc(itemPath(ref));
      const reportRef = db.doc(paths.forumReport(reportId));
      return db.runTransaction(async (tx) => {
        const existing = await tx.get(reportRef);
        const item = await readItem(tx, ref, doc);
        if (existing.exists) return 'exists' as const;
        if (!item) throw errors.notFound('forum/not-found', 'That post or comment does not exist.');
        const counter = await commentCounter(tx, ref, item);
        const change = plan(stateOf(item));
        const status = change.status ?? item.status;
        const fields = writeCounter(tx, counter, status, { status, moderation: moderationAfter(item.moderation, change, now) });
        tx.create(reportRef, { ...report, createdAt: Timestamp.fromMillis(report.createdAt) });
        tx.update(doc, fields);
        return 'created' as const;
      });
    },

    async reconcileComment(postId, commentId) {
      const ref: ItemRef = { kind: 'comment', postId, commentId };
      const doc = db.doc(itemPath(ref));
      return db.runTransaction(async (tx) => {
        const item = await readItem(tx, ref, doc);
        if (!item || 'title' in item) return 'missing' as const;
        const counter = await commentCounter(tx, ref, item);
        if (!counter?.postExists) return 'missing' as const;
        const { delta, countedVisible } = commentCountDelta(item.status, counter.counted);
        if (delta === 0) return 0;
        tx.update(counter.postRef, { commentCount: FieldValue.increment(delta) });
        tx.update(doc, { countedVisible });
        return delta;
      });
    },

    async reconcileLike(postId, uid, now) {
      const postRef = db.doc(paths.forumPost(postId));
      const likeRef = db.doc(paths.like(postId, uid));
      const stateRef = db.doc(paths.likeState(postId, uid));
      return db.runTransaction(async (tx) => {
        const [post, like, state] = await Promise.all([tx.get(postRef), tx.get(likeRef), tx.get(stateRef)]);
        if (!post.exists) return 'missing' as const;
        const postData: ForumPost = parseStored(forumPostSchema, post.data(), postRef.path);
        const counted = state.exists ? parseStored(likeStateSchema, state.data(), stateRef.path).counted : false;
        const { delta, counted: next } = likeCountDelta(like.exists, counted);
        if (delta === 0) return 0;
        const likeCount = Math.max(0, postData.likeCount + delta);
        tx.update(postRef, { likeCount });
        tx.set(stateRef, { counted: next, updatedAt: Timestamp.fromMillis(now) });
        return delta;
      });
    },

    async queue(limit) {
      const [posts, comments] = await Promise.all([
        db.collection(COLLECTIONS.forumPosts).where('moderation.review', '==', true).orderBy('createdAt').limit(limit).get(),
        db.collectionGroup(COLLECTIONS.comments).where('moderation.review', '==', true).orderBy('createdAt').limit(limit).get(),
      ]);
      const entries: QueueEntry[] = [];
      for (const snap of posts.docs) {
        const post = parseStored(forumPostSchema, snap.data(), snap.ref.path);
        entries.push(entryOf({ kind: 'post', postId: snap.id }, post));
      }
      for (const snap of comments.docs) {
        const postId = snap.ref.parent.parent?.id;
        if (postId === undefined) continue;
        const comment: Comment = parseStored(commentSchema, snap.data(), snap.ref.path);
        entries.push(entryOf({ kind: 'comment', postId, commentId: snap.id }, comment));
      }
      return entries.sort((a, b) => a.createdAt - b.createdAt).slice(0, limit);
    },
  };
}
