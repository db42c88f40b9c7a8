/**
 * `exportMyData`: the caller's own documents, decrypted, as one JSON file in Storage
 * (`exports/{uid}/{exportId}.json`); the answer is that path, which the owner downloads with the Storage SDK
 * (storage.rules: owner reads). At most one export per account per day, reserved in a transaction on
 * `users/{uid}/private/privacy` (a failed export gives the slot back); refused while a deletion is pending;
 * audit-logged (`data.export`). The file format is built by the pure `buildExportFile`.
 */
import { Timestamp, type Firestore } from 'firebase-admin/firestore';
import { orgIdSchema } from '../model/schemas';
import type { Caller } from '../platform/callable';
import { decryptField, type KeyRing } from '../platform/crypto';
import { DomainError, errors } from '../platform/errors';
import { hashId, logEvent } from '../platform/log';
import { parseStored } from '../platform/validation';
import { writeAudit } from './audit';
import type { PrivacyDeps } from './deps';
import { collectAccountDocuments, type FoundDocument } from './footprint';
import { exportDocument, type Json } from './json';
import { documentTypeOf } from './ownership';
import { privacyPaths, privacyStateSchema, type PrivacyState } from './records';
import { exportObjectName } from './storage';

export const EXPORT_FORMAT = 'manmitra-export/1';

export interface ExportFile {
  format: typeof EXPORT_FORMAT;
  exportId: string;
  uid: string;
  createdAt: string;
  /** Documents per registry key (`other` for bookkeeping documents outside the registry). */
  counts: Record<string, number>;
  documents: Array<{ path: string; type: string; data: { [key: string]: Json } }>;
}

/** Pure: the export file from the found documents, encrypted fields decrypted with `ring`. */
export function buildExportFile(uid: string, exportId: string, createdAt: number, docs: readonly FoundDocument[], ring: KeyRing): ExportFile {
  const decrypt = (value: Parameters<typeof decryptField>[1], context: string) => decryptField(ring, value, context);
  const documents = [...docs]
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((d) => ({ path: d.path, type: documentTypeOf(d.path) ?? 'other', data: exportDocument(d.path, d.data, decrypt) }));
  const counts: Record<string, number> = {};
  for (const d of documents) counts[d.type] = (counts[d.type] ?? 0) + 1;
  return { format: EXPORT_FORMAT, exportId, uid, createdAt: new Date(createdAt).toISOString(), counts, documents };
}

export type ExportDecision = { ok: true } | { ok: false; retryAfterMs: number };

/** Pure: may the account export now, given its last export? */
export function exportDecision(state: PrivacyState | undefined, now: number, intervalMs: number): ExportDecision {
  const last = state?.lastExportAt?.toMillis();
  if (last === undefined || now - last >= intervalMs) return { ok: true };
  return { ok: false, retryAfterMs: last + intervalMs - now };
}

export function exportRateLimited(retryAfterMs: number): DomainError {
  const hours = Math.max(1, Math.ceil(retryAfterMs / 3_600_000));
  return new DomainError('privacy/export-rate-limited', 'resource-exhausted', `You can export your data once a day. Try again in about ${String(hours)} hour${hours === 1 ? '' : 's'}.`, {
    retryAfterSec: Math.ceil(retryAfterMs / 1000),
  });
}

async function reserveExport(db: Firestore, uid: string, exportId: string, now: number, intervalMs: number): Promise<void> {
  const stateRef = db.doc(privacyPaths.privacyState(uid));
  const jobRef = db.doc(privacyPaths.deletion(uid));
  await db.runTransaction(async (tx) => {
    const [stateSnap, jobSnap] = await tx.getAll(stateRef, jobRef);
    if (jobSnap?.exists) throw errors.failedPrecondition('privacy/deletion-pending', 'This account is being deleted.');
    const state = stateSnap?.exists ? parseStored(privacyStateSchema, stateSnap.data(), stateRef.path) : undefined;
    const decision = exportDecision(state, now, intervalMs);
    if (!decision.ok) throw exportRateLimited(decision.retryAfterMs);
    const next: PrivacyState = {
      lastExportAt: Timestamp.fromMillis(now),
      lastExportId: exportId,
      previousExportAt: state?.lastExportAt ?? null,
      exportStatus: 'running',
      updatedAt: Timestamp.fromMillis(now),
    };
    tx.set(stateRef, privacyStateSchema.parse(next));
  });
}

/** Marks the export done, or gives the day's slot back when it failed (only if it is still this export's). */
async function settleExport(db: Firestore, uid: string, exportId: string, ok: boolean, now: number): Promise<void> {
  const ref = db.doc(privacyPaths.privacyState(uid));
  await db.runTransaction(async (tx) => {
    const snap = await tx.get(ref);
    if (!snap.exists) return;
    const state = parseStored(privacyStateSchema, snap.data(), ref.path);
    if (state.lastExportId !== exportId) return;
    const next: PrivacyState = ok
      ? { ...state, exportStatus: 'done', updatedAt: Timestamp.fromMillis(now) }
      : { ...state, lastExportAt: state.previousExportAt, exportStatus: 'failed', updatedAt: Timestamp.fromMillis(now) };
    tx.set(ref, privacyStateSchema.parse(next));
  });
}

export interface ExportResult {
  exportId: string;
  /** Storage object name, e.g. `exports/{uid}/{exportId}.json`. */
  path: string;
  documents: number;
}

export async function exportMyData(deps: PrivacyDeps, caller: Caller): Promise<ExportResult> {
  const db = deps.db();
  const uid = caller.uid;
  const exportId = deps.newId();
  const started = deps.now();
  await reserveExport(db, uid, exportId, started, deps.settings().exportIntervalMs);
  try {
    const docs = await collectAccountDocuments(db, uid);
    const file = buildExportFile(uid, exportId, started, docs, deps.keyRing());
    const path = exportObjectName(uid, exportId);
    const contents = JSON.stringify(file, null, 2);
    await deps.storage.save(path, contents, 'application/json');
    await settleExport(db, uid, exportId, true, deps.now());
    const orgId = orgIdSchema.safeParse(caller.orgId).data;
    await writeAudit(db, `export-${exportId}`, {
      actor: { uid, ...(caller.role ? { role: caller.role } : {}), ...(orgId ? { orgId } : {}) },
      action: 'data.export',
      target: `users/${uid}`,
      ...(orgId ? { orgId } : {}),
      meta: { exportId, documents: file.documents.length, bytes: Buffer.byteLength(contents) },
    });
    logEvent('info', 'privacy.exported', { uidHash: hashId(uid), exportId, documentCount: file.documents.length, ms: deps.now() - started });
    return { exportId, path, documents: file.documents.length };
  } catch (err) {
    await settleExport(db, uid, exportId, false, deps.now()).catch(() => undefined);
    throw err;
  }
}
