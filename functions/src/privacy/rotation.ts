/**
 * Key rotation of encrypted fields. ENCRYPTED_FIELDS lists where encrypted values live (a test checks it
 * against every registry sample that holds one); `rotateDocumentFields` is the pure re-encryption of one
 * document's values under the current key (the first of the ring), same context, same plaintext;
 * `rotateKeys` sweeps Firestore page by page, each document in a transaction (a concurrent writer is never
 * overwritten), recording progress in `keyRotations/{kid}` so an interrupted run continues where it stopped.
 * Re-running is harmless: values already under the current key are left alone.
 */
import { FieldPath, Timestamp, type DocumentSnapshot, type Firestore, type Query } from 'firebase-admin/firestore';
import { z } from 'zod';
import { COLLECTIONS, DOC_IDS, paths } from '../model/paths';
import { timestampSchema } from '../model/schemas';
import { encryptedFieldSchema, needsRotation, rotateField, type EncryptedField, type KeyRing } from '../platform/crypto';
import { parseStored } from '../platform/validation';
import { fieldContext } from './json';

export interface EncryptedTarget {
  /** Registry key of the document type. */
  key: string;
  /** Top-level collection, or a collection group (then only documents with id `docId`). */
  collection: string;
  group: boolean;
  docId?: string;
  fields: readonly string[];
}

export const ENCRYPTED_FIELDS: readonly EncryptedTarget[] = [
  { key: 'contact', collection: COLLECTIONS.private, group: true, docId: DOC_IDS.contact, fields: ['email', 'phone'] },
  { key: 'chat', collection: paths.chats(), group: false, fields: ['summary'] },
  { key: 'riskEvent', collection: paths.riskEvents(), group: false, fields: ['excerpt'] },
];

export interface FieldRotation {
  /** New values of the fields that were under an older key. */
  changes: Record<string, EncryptedField>;
  /** Fields under an older key that could not be decrypted (key not in the ring, or tampered). */
  failed: string[];
  /** Fields already under the current key. */
  current: number;
}

/** Pure: re-encrypts the listed fields of one document that are under an older key. */
export function rotateDocumentFields(ring: KeyRing, path: string, data: Record<string, unknown>, fields: readonly string[]): FieldRotation {
  const out: FieldRotation = { changes: {}, failed: [], current: 0 };
  for (const field of fields) {
    const parsed = encryptedFieldSchema.safeParse(data[field]);
    if (!parsed.success) continue;
    if (!needsRotation(ring, parsed.data)) {
      out.current += 1;
      continue;
    }
    try {
      out.changes[field] = rotateField(ring, parsed.data, fieldContext(path, field));
    } catch {
      out.failed.push(field);
    }
  }
  return out;
}

export const rotationProgressSchema = z
  .object({
    kid: z.string().min(1).max(32).describe('the key values are rotated to'),
    target: z.int().min(0).describe('index in ENCRYPTED_FIELDS being swept'),
    cursor: z.string().max(1500).nullable().describe('last document path handled in that target'),
    scanned: z.int().min(0).describe('documents looked at'),
    rotated: z.int().min(0).describe('fields re-encrypted'),
    failed: z.int().min(0).describe('fields that could not be decrypted'),
    done: z.boolean().describe('every target swept'),
    startedAt: timestampSchema.describe('when this sweep began'),
    updatedAt: timestampSchema.describe('last page'),
  })
  .strict();
export type RotationProgress = z.infer<typeof rotationProgressSchema>;

export function rotationProgressPath(kid: string): string {
  return `keyRotations/${kid}`;
}

export interface RotateOptions {
  dryRun: boolean;
  /** Ignore recorded progress and sweep from the start. */
  restart: boolean;
  pageSize: number;
  /** Called after every page. */
  onPage?: (progress: RotationProgress, target: EncryptedTarget) => void;
  /** Stop after this many pages (for tests of resumption); undefined = until done. */
  maxPages?: number;
}

function targetQuery(db: Firestore, t: EncryptedTarget): Query {
  return (t.group ? db.collectionGroup(t.collection) : db.collection(t.collection)).orderBy(FieldPath.documentId());
}

async function rotateOne(db: Firestore, ring: KeyRing, doc: DocumentSnapshot, t: EncryptedTarget, dryRun: boolean): Promise<{ rotated: number; failed: number }> {
  if (dryRun) {
    const plan = rotateDocumentFields(ring, doc.ref.path, doc.data() ?? {}, t.fields);
    return { rotated: Object.keys(plan.changes).length, failed: plan.failed.length };
  }
  return db.runTransaction(async (tx) => {
    const fresh = await tx.get(doc.ref);
    const plan = rotateDocumentFields(ring, doc.ref.path, fresh.data() ?? {}, t.fields);
    if (Object.keys(plan.changes).length > 0) tx.update(doc.ref, plan.changes);
    return { rotated: Object.keys(plan.changes).length, failed: plan.failed.length };
  });
}

/** Sweeps every target; returns the final progress (not saved on a dry run). */
export async function rotateKeys(db: Firestore, ring: KeyRing, options: RotateOptions): Promise<RotationProgress> {
  const kid = ring.keys[0]?.id;
  if (!kid) throw new Error('No encryption key configured (FIELD_ENCRYPTION_KEY).');
  const ref = db.doc(rotationProgressPath(kid));
  const now = () => Timestamp.now();
  const saved = options.restart || options.dryRun ? undefined : await ref.get();
  let progress: RotationProgress =
    saved?.exists
      ? parseStored(rotationProgressSchema, saved.data(), ref.path)
      : { kid, target: 0, cursor: null, scanned: 0, rotated: 0, failed: 0, done: false, startedAt: now(), updatedAt: now() };
  if (progress.done && !options.restart) progress = { ...progress, target: 0, cursor: null, done: false, startedAt: now() };
  let pages = 0;
  while (progress.target < ENCRYPTED_FIELDS.length) {
    if (options.maxPages !== undefined && pages >= options.maxPages) return progress;
    const t = ENCRYPTED_FIELDS[progress.target];
    if (!t) break;
    let q = targetQuery(db, t).limit(options.pageSize);
    if (progress.cursor !== null) q = q.startAfter(t.group ? progress.cursor : progress.cursor.split('/').pop() ?? '');
    const snap = await q.get();
    let rotated = 0;
    let failed = 0;
    for (const doc of snap.docs) {
      if (t.docId !== undefined && doc.id !== t.docId) continue;
      const r = await rotateOne(db, ring, doc, t, options.dryRun);
      rotated += r.rotated;
      failed += r.failed;
    }
    const last = snap.docs[snap.docs.length - 1];
    const finishedTarget = snap.size < options.pageSize;
    progress = {
      ...progress,
      target: finishedTarget ? progress.target + 1 : progress.target,
      cursor: finishedTarget ? null : (last?.ref.path ?? progress.cursor),
      scanned: progress.scanned + snap.size,
      rotated: progress.rotated + rotated,
      failed: progress.failed + failed,
      updatedAt: now(),
    };
    progress.done = progress.target >= ENCRYPTED_FIELDS.length;
    if (!options.dryRun) await ref.set(rotationProgressSchema.parse(progress));
    options.onPage?.(progress, t);
    pages += 1;
  }
  return progress;
}
