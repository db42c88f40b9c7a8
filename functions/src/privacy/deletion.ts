/**
 * Account deletion as a resumable job. `requestDeletion` records `deletions/{uid}` (once; asking again
 * while it runs changes nothing); `runDeletion` takes the job's lease and works through DELETION_STEPS,
 * recording the step, its cursor and the counts after every page, so a run that crashes or runs out of
 * time leaves the job where it stopped and the next run (the continuation or another request) goes on
 * from there. The last step writes the audit entry (hash of the uid only) and removes the job.
 * Deleting an account that is already gone runs every step finding nothing: harmless.
 */
import { Timestamp, type Firestore } from 'firebase-admin/firestore';
import { z } from 'zod';
import { paths } from '../model/paths';
import { orgIdSchema } from '../model/schemas';
import { hashId, logEvent } from '../platform/log';
import { parseStored } from '../platform/validation';
import { deletedAccountRef, writeAudit } from './audit';
import { STEPS } from './deletion-steps';
import type { PrivacyDeps } from './deps';
import { DELETION_STEPS, deletionJobSchema, privacyPaths, type DeletionCounts, type DeletionJob, type DeletionReason, type DeletionStep } from './records';

/** How long a runner holds a job without recording progress before another may take it over. */
export const LEASE_MS = 5 * 60_000;

/** Pure: the step after `step` (`finish` stays `finish`). */
export function nextStep(step: DeletionStep): DeletionStep {
  const i = DELETION_STEPS.indexOf(step);
  return DELETION_STEPS[Math.min(i + 1, DELETION_STEPS.length - 1)] ?? 'finish';
}

export function addCounts(a: DeletionCounts, b: Partial<DeletionCounts>): DeletionCounts {
  return { documents: a.documents + (b.documents ?? 0), anonymised: a.anonymised + (b.anonymised ?? 0), files: a.files + (b.files ?? 0) };
}

const profileOrgSchema = z.object({ orgId: orgIdSchema, role: z.string().max(32) }).loose();

/** A fresh job (pure). */
export function newJob(uid: string, reason: DeletionReason, now: number, profile: { orgId: string | null; role: string | null }): DeletionJob {
  const t = Timestamp.fromMillis(now);
  return {
    uidHash: hashId(uid),
    reason,
    orgId: profile.orgId,
    role: profile.role,
    status: 'running',
    step: DELETION_STEPS[0],
    cursor: null,
    counts: { documents: 0, anonymised: 0, files: 0 },
    attempts: 0,
    requestedAt: t,
    updatedAt: t,
    leaseUntil: Timestamp.fromMillis(0),
  };
}

/** Records the deletion job if there is none; returns whether it was created. */
export async function requestDeletion(deps: PrivacyDeps, uid: string, reason: DeletionReason, fallback: { orgId?: string | undefined; role?: string | undefined } = {}): Promise<boolean> {
  const db = deps.db();
  const jobRef = db.doc(privacyPaths.deletion(uid));
  const profileRef = db.doc(paths.user(uid));
  const created = await db.runTransaction(async (tx) => {
    const [jobSnap, profileSnap] = await tx.getAll(jobRef, profileRef);
    if (jobSnap?.exists) return false;
    const profile = profileOrgSchema.safeParse(profileSnap?.data());
    const orgOk = orgIdSchema.safeParse(fallback.orgId);
    tx.create(
      jobRef,
      deletionJobSchema.parse(
        newJob(uid, reason, deps.now(), {
          orgId: profile.success ? profile.data.orgId : orgOk.success ? orgOk.data : null,
          role: profile.success ? profile.data.role : (fallback.role ?? null),
        }),
      ),
    );
    return true;
  });
  logEvent('info', 'privacy.deletion-requested', { uidHash: hashId(uid), requestedBy: reason, created });
  return created;
}

export type RunOutcome = 'done' | 'pending' | 'busy' | 'missing';

/** Takes the job's lease if it is free (or expired); returns the job, or why not. */
async function claim(db: Firestore, uid: string, now: number): Promise<DeletionJob | 'busy' | 'missing'> {
  const ref = db.doc(privacyPaths.deletion(uid));
  return db.runTransaction(async (tx) => {
    const snap = await tx.get(ref);
    if (!snap.exists) return 'missing' as const;
    const job = parseStored(deletionJobSchema, snap.data(), ref.path);
    if (job.leaseUntil.toMillis() > now) return 'busy' as const;
    const claimed: DeletionJob = { ...job, attempts: job.attempts + 1, leaseUntil: Timestamp.fromMillis(now + LEASE_MS), updatedAt: Timestamp.fromMillis(now) };
    tx.set(ref, deletionJobSchema.parse(claimed));
    return claimed;
  });
}

async function finish(db: Firestore, uid: string, job: DeletionJob): Promise<void> {
  const ref = deletedAccountRef(job.uidHash);
  await writeAudit(db, `account-delete-${job.uidHash}-${String(job.requestedAt.toMillis())}`, {
    actor: job.reason === 'self' ? { uid: ref } : { uid: 'system' },
    action: 'account.delete',
    target: ref,
    ...(job.orgId !== null ? { orgId: job.orgId } : {}),
    meta: { reason: job.reason, documents: job.counts.documents, anonymised: job.counts.anonymised, files: job.counts.files, attempts: job.attempts },
  });
  await db.doc(privacyPaths.deletion(uid)).delete();
  logEvent('info', 'privacy.deletion-finished', { uidHash: job.uidHash, requestedBy: job.reason, documentCount: job.counts.documents, anonymisedCount: job.counts.anonymised, fileCount: job.counts.files, attempts: job.attempts });
}

/**
 * Works on the job until it is finished or `budgetMs` has passed (then `pending`: the continuation goes on).
 * `busy` when another runner holds the lease; `missing` when there is no job.
 */
export async function runDeletion(deps: PrivacyDeps, uid: string, budgetMs: number): Promise<RunOutcome> {
  const db = deps.db();
  const started = deps.now();
  const claimed = await claim(db, uid, started);
  if (claimed === 'busy' || claimed === 'missing') return claimed;
  let job = claimed;
  const ref = db.doc(privacyPaths.deletion(uid));
  for (;;) {
    if (job.step === 'finish') {
      await finish(db, uid, job);
      return 'done';
    }
    const page = await STEPS[job.step]({ deps, db, uid }, job.cursor);
    const now = deps.now();
    job = {
      ...job,
      step: page.done ? nextStep(job.step) : job.step,
      cursor: page.done ? null : page.cursor,
      counts: addCounts(job.counts, page),
      updatedAt: Timestamp.fromMillis(now),
      leaseUntil: Timestamp.fromMillis(now + LEASE_MS),
    };
    await ref.set(deletionJobSchema.parse(job));
    logEvent('debug', 'privacy.deletion-progress', { uidHash: job.uidHash, step: job.step, documentCount: job.counts.documents, anonymisedCount: job.counts.anonymised, fileCount: job.counts.files });
    deps.onDeletionProgress?.({ uidHash: job.uidHash, step: job.step, ...job.counts });
    if (deps.now() - started >= budgetMs && job.step !== 'finish') {
      await ref.update({ leaseUntil: Timestamp.fromMillis(0) });
      return 'pending';
    }
  }
}

/** Jobs whose lease has lapsed (crashed or timed-out runs), oldest progress first. */
export async function stalledDeletions(deps: PrivacyDeps, limit: number): Promise<string[]> {
  const snap = await deps
    .db()
    .collection(privacyPaths.deletions())
    .where('leaseUntil', '<=', Timestamp.fromMillis(deps.now()))
    .orderBy('leaseUntil')
    .limit(limit)
    .select()
    .get();
  return snap.docs.map((d) => d.id);
}

/** The scheduled continuation: resumes stalled jobs until the budget is spent. */
export async function continueDeletions(deps: PrivacyDeps, budgetMs: number, limit = 20): Promise<Record<RunOutcome, number>> {
  const started = deps.now();
  const outcomes: Record<RunOutcome, number> = { done: 0, pending: 0, busy: 0, missing: 0 };
  for (const uid of await stalledDeletions(deps, limit)) {
    const left = budgetMs - (deps.now() - started);
    if (left <= 0) break;
    outcomes[await runDeletion(deps, uid, left)] += 1;
  }
  logEvent('info', 'privacy.deletions-continued', { doneCount: outcomes.done, pendingCount: outcomes.pending, busyCount: outcomes.busy });
  return outcomes;
}
