/**
 * Finds an account's documents in Firestore (OWNERSHIP in ownership.ts says which): the `users/{uid}`
 * sub-tree, chats where they are the student with their messages, forum posts and comments they wrote,
 * bookings, their forum reports, likes and like states / circle participation / feedback (document id =
 * uid), and a counselor's profile and slots. Read-only; the export uses it. Pages through large collections
 * so no read is unbounded.
 */
import { FieldPath, type DocumentReference, type DocumentSnapshot, type Firestore, type Query } from 'firebase-admin/firestore';
import { COLLECTIONS, paths } from '../model/paths';

export interface FoundDocument {
  path: string;
  data: Record<string, unknown>;
}

export const PAGE = 300;

/** Every document a query returns, page by page (ordered by document id). */
export async function* pagedQuery(query: Query, pageSize = PAGE): AsyncGenerator<DocumentSnapshot> {
  let last: DocumentSnapshot | undefined;
  for (;;) {
    let q = query.orderBy(FieldPath.documentId()).limit(pageSize);
    if (last) q = q.startAfter(last);
    const snap = await q.get();
    for (const doc of snap.docs) yield doc;
    if (snap.size < pageSize) return;
    last = snap.docs[snap.docs.length - 1];
  }
}

/** Ids of a top-level collection's documents, page by page, without reading their fields. */
export async function* pagedIds(db: Firestore, collection: string, after: string | null = null, pageSize = PAGE): AsyncGenerator<string[]> {
  let cursor = after;
  for (;;) {
    let q = db.collection(collection).orderBy(FieldPath.documentId()).select().limit(pageSize);
    if (cursor !== null) q = q.startAfter(cursor);
    const snap = await q.get();
    const ids = snap.docs.map((d) => d.id);
    if (ids.length > 0) yield ids;
    if (ids.length < pageSize) return;
    cursor = ids[ids.length - 1] ?? null;
  }
}

function found(doc: DocumentSnapshot): FoundDocument | undefined {
  const data = doc.data();
  return data === undefined ? undefined : { path: doc.ref.path, data };
}

async function existing(db: Firestore, refs: DocumentReference[]): Promise<FoundDocument[]> {
  if (refs.length === 0) return [];
  const snaps = await db.getAll(...refs);
  return snaps.flatMap((s) => found(s) ?? []);
}

/**
 * `users/{uid}` and the documents of its sub-collections. The sub-collections are listed, not taken from a
 * list, so one the registry adds later is included; the registry has none deeper than one level.
 */
async function userTree(db: Firestore, uid: string, out: FoundDocument[]): Promise<void> {
  const ref = db.doc(paths.user(uid));
  out.push(...(await existing(db, [ref])));
  for (const collection of await ref.listCollections()) {
    for await (const doc of pagedQuery(collection)) {
      const f = found(doc);
      if (f) out.push(f);
    }
  }
}

/** Everything of the account that an export contains. */
export async function collectAccountDocuments(db: Firestore, uid: string): Promise<FoundDocument[]> {
  const out: FoundDocument[] = [];
  await userTree(db, uid, out);

  for await (const chat of pagedQuery(db.collection(paths.chats()).where('studentUid', '==', uid))) {
    const f = found(chat);
    if (f) out.push(f);
    for await (const msg of pagedQuery(db.collection(paths.messages(chat.id)))) {
      const m = found(msg);
      if (m) out.push(m);
    }
  }
  for (const [collection, field] of [
    [paths.forumPosts(), 'authorUid'],
    [paths.bookings(), 'studentUid'],
    [paths.forumReports(), 'reporterUid'],
  ] as const) {
    for await (const doc of pagedQuery(db.collection(collection).where(field, '==', uid))) {
      const f = found(doc);
      if (f) out.push(f);
    }
  }
  for await (const doc of pagedQuery(db.collectionGroup(COLLECTIONS.comments).where('authorUid', '==', uid))) {
    const f = found(doc);
    if (f) out.push(f);
  }
  for await (const ids of pagedIds(db, paths.forumPosts())) {
    out.push(...(await existing(db, ids.flatMap((id) => [db.doc(paths.like(id, uid)), db.doc(paths.likeState(id, uid))]))));
  }
  for await (const ids of pagedIds(db, paths.peerSessions())) {
    out.push(...(await existing(db, ids.flatMap((id) => [db.doc(paths.participant(id, uid)), db.doc(paths.feedback(id, uid))]))));
  }
  out.push(...(await existing(db, [db.doc(paths.counselor(uid))])));
  for await (const slot of pagedQuery(db.collection(paths.slots(uid)))) {
    const f = found(slot);
    if (f) out.push(f);
  }
  return out;
}
