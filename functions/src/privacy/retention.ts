/**
 * `retentionPurge`: what TTL policies cannot do. Removes export files older than the configured days, and
 * deletes anonymous student accounts inactive beyond the configured period through the same deletion job
 * as `deleteMyAccount`. An account counts as inactive only when both its profile's `lastActiveAt` and its
 * Auth activity (sign-in or token refresh) are older than the cutoff. Limits per run; the scan of profiles
 * continues where the previous run stopped (`retentionState/anonymous`); progress is logged.
 */
import { FieldPath, Timestamp } from 'firebase-admin/firestore';
import { z } from 'zod';
import { paths } from '../model/paths';
import { logEvent } from '../platform/log';
import { parseStored } from '../platform/validation';
import type { AuthAccount, PrivacyDeps } from './deps';
import { requestDeletion, runDeletion } from './deletion';
import { privacyPaths, retentionCursorSchema, type RetentionCursor } from './records';
import { DAY_MS } from './settings';

/** Profiles read per query page. */
const SCAN_PAGE = 100;

export interface ExportPurgeResult {
  scanned: number;
  removed: number;
}

/** Pure: which of the files are old enough to go, at most `limit`. */
export function expiredFiles<T extends { createdAt: number }>(files: readonly T[], now: number, retentionDays: number, limit: number): T[] {
  const cutoff = now - retentionDays * DAY_MS;
  return files.filter((f) => f.createdAt < cutoff).slice(0, limit);
}

export async function purgeOldExports(deps: PrivacyDeps): Promise<ExportPurgeResult> {
  const settings = deps.settings();
  const files = await deps.storage.list('exports/');
  const old = expiredFiles(files, deps.now(), settings.exportRetentionDays, settings.maxPerRun);
  let removed = 0;
  for (const f of old) {
    await deps.storage.remove(f.name);
    removed += 1;
    if (removed % 25 === 0) logEvent('info', 'privacy.retention-progress', { phase: 'exports', removedCount: removed, ofCount: old.length });
  }
  logEvent('info', 'privacy.exports-purged', { scannedCount: files.length, removedCount: removed });
  return { scanned: files.length, removed };
}

/**
 * Pure: may this account be deleted as an inactive anonymous one? A profile without an Auth account is a
 * leftover of an account that is already gone, and goes too.
 */
export function inactiveAnonymous(account: AuthAccount | undefined, cutoff: number): boolean {
  if (!account) return true;
  return account.anonymous && (account.lastSeenAt === undefined || account.lastSeenAt < cutoff);
}

const profileRoleSchema = z.object({ role: z.string() }).loose();

export interface AnonymousPurgeResult {
  scanned: number;
  deleted: number;
  pending: number;
  /** The scan reached the newest inactive profile and starts from the oldest next time. */
  wrapped: boolean;
}

export async function purgeInactiveAnonymous(deps: PrivacyDeps, budgetMs: number): Promise<AnonymousPurgeResult> {
  const db = deps.db();
  const settings = deps.settings();
  const started = deps.now();
  const cutoff = started - settings.anonymousInactiveDays * DAY_MS;
  const cursorRef = db.doc(privacyPaths.retentionCursor());
  const cursorSnap = await cursorRef.get();
  const cursor: RetentionCursor | undefined = cursorSnap.exists ? parseStored(retentionCursorSchema, cursorSnap.data(), cursorRef.path) : undefined;
  let after: [Timestamp, string] | undefined =
    cursor?.afterLastActiveAt && cursor.afterUid ? [cursor.afterLastActiveAt, cursor.afterUid] : undefined;

  const result: AnonymousPurgeResult = { scanned: 0, deleted: 0, pending: 0, wrapped: false };
  while (result.scanned < settings.scanPerRun && result.deleted + result.pending < settings.maxPerRun && deps.now() - started < budgetMs) {
    const pageSize = Math.min(SCAN_PAGE, settings.scanPerRun - result.scanned);
    let q = db
      .collection(paths.users())
      .where('lastActiveAt', '<', Timestamp.fromMillis(cutoff))
      .orderBy('lastActiveAt')
      .orderBy(FieldPath.documentId())
      .limit(pageSize);
    if (after) q = q.startAfter(...after);
    const snap = await q.get();
    result.scanned += snap.size;
    const students = snap.docs.filter((d) => profileRoleSchema.safeParse(d.data()).data?.role === 'student').map((d) => d.id);
    const accounts = new Map((students.length > 0 ? await deps.auth.getUsers(students) : []).map((a) => [a.uid, a]));
    for (const uid of students) {
      if (!inactiveAnonymous(accounts.get(uid), cutoff)) continue;
      if (result.deleted + result.pending >= settings.maxPerRun) break;
      await requestDeletion(deps, uid, 'retention');
      const outcome = await runDeletion(deps, uid, Math.max(1, budgetMs - (deps.now() - started)));
      if (outcome === 'done' || outcome === 'missing') result.deleted += 1;
      else result.pending += 1;
    }
    const last = snap.docs[snap.docs.length - 1];
    const lastActive = last ? z.instanceof(Timestamp).safeParse(last.get('lastActiveAt')) : undefined;
    after = last && lastActive?.success ? [lastActive.data, last.id] : undefined;
    logEvent('info', 'privacy.retention-progress', { phase: 'anonymous', scannedCount: result.scanned, deletedCount: result.deleted, pendingCount: result.pending });
    if (snap.size < pageSize || !after) {
      result.wrapped = snap.size < pageSize;
      if (result.wrapped) after = undefined;
      break;
    }
  }
  const next: RetentionCursor = { afterLastActiveAt: after?.[0] ?? null, afterUid: after?.[1] ?? null, updatedAt: Timestamp.fromMillis(deps.now()) };
  await cursorRef.set(retentionCursorSchema.parse(next));
  logEvent('info', 'privacy.anonymous-purged', { scannedCount: result.scanned, deletedCount: result.deleted, pendingCount: result.pending, wrapped: result.wrapped });
  return result;
}

export async function retentionPurge(deps: PrivacyDeps, budgetMs: number): Promise<{ exports: ExportPurgeResult; anonymous: AnonymousPurgeResult }> {
  const started = deps.now();
  const exports = await purgeOldExports(deps);
  const anonymous = await purgeInactiveAnonymous(deps, Math.max(1, budgetMs - (deps.now() - started)));
  return { exports, anonymous };
}
