/**
 * Audit log entries of the privacy functions (`auditLogs/{id}`, schema in the model), written with
 * deterministic ids so a retried run does not log twice. Deletions carry only a hash of the uid.
 */
import { FieldValue, type Firestore } from 'firebase-admin/firestore';
import { typedDoc } from '../model/converters';
import { paths } from '../model/paths';
import { auditLogSchema, type AuditLog } from '../model/schemas';

export type AuditEntry = Omit<AuditLog, 'at'>;

/** The `actor.uid` / `target` of a deleted account: the hash, never the uid. */
export function deletedAccountRef(uidHash: string): string {
  return `account:${uidHash}`;
}

const ALREADY_EXISTS = 6;

/** Creates the entry once (the converter checks it against the schema); the same id again changes nothing. */
export async function writeAudit(db: Firestore, id: string, entry: AuditEntry): Promise<void> {
  try {
    await typedDoc(db, paths.auditLog(id), auditLogSchema).create({ ...entry, at: FieldValue.serverTimestamp() });
  } catch (err) {
    if (typeof err === 'object' && err !== null && 'code' in err && err.code === ALREADY_EXISTS) return;
    throw err;
  }
}
