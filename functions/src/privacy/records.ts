/**
 * The documents privacy keeps for itself (functions only; the rules' default deny covers them):
 * - `users/{uid}/private/privacy`: the export rate limit (removed with the account);
 * - `deletions/{uid}`: a deletion job's progress, step by step, so an interrupted deletion resumes; removed
 *   when the job finishes (nothing keyed by the uid outlives the account);
 * - `retentionState/anonymous`: where the retention scan of inactive anonymous accounts continues.
 * Schemas and paths only.
 */
import { z } from 'zod';
import { paths, segment } from '../model/paths';
import { orgIdSchema, timestampSchema } from '../model/schemas';

export const DELETION_STEPS = [
  'auth',
  'riskEvents',
  'likes',
  'peer',
  'comments',
  'forumReports',
  'posts',
  'chats',
  'bookings',
  'deliveries',
  'counselor',
  'userTree',
  'files',
  'finish',
] as const;
export type DeletionStep = (typeof DELETION_STEPS)[number];

export const DELETION_REASONS = ['self', 'retention'] as const;
export type DeletionReason = (typeof DELETION_REASONS)[number];

export const deletionCountsSchema = z
  .object({
    documents: z.int().min(0).describe('documents removed'),
    anonymised: z.int().min(0).describe('riskEvents kept with the uid and alias removed'),
    files: z.int().min(0).describe('Storage files removed'),
  })
  .strict();
export type DeletionCounts = z.infer<typeof deletionCountsSchema>;

export const deletionJobSchema = z
  .object({
    uidHash: z.string().min(1).max(32).describe('hashId of the uid (what logs and the audit entry carry)'),
    reason: z.enum(DELETION_REASONS).describe('asked for by the account, or retention of an inactive anonymous account'),
    orgId: orgIdSchema.nullable().describe('org of the account when the job started; null = unknown'),
    role: z.string().max(32).nullable().describe('role of the account when the job started'),
    status: z.literal('running').describe('running until the last step, then the document is removed'),
    step: z.enum(DELETION_STEPS).describe('the step to run next'),
    cursor: z.string().max(1500).nullable().describe('where the step continues (last document id handled); null = from the start'),
    counts: deletionCountsSchema.describe('what was done so far'),
    attempts: z.int().min(0).describe('runs that worked on this job'),
    requestedAt: timestampSchema.describe('when the deletion was asked for'),
    updatedAt: timestampSchema.describe('last progress'),
    leaseUntil: timestampSchema.describe('a runner holds the job until then; later, the continuation may take it'),
  })
  .strict();
export type DeletionJob = z.infer<typeof deletionJobSchema>;

export const privacyStateSchema = z
  .object({
    lastExportAt: timestampSchema.nullable().describe('start of the latest export that counts against the daily limit'),
    lastExportId: z.string().max(128).nullable().describe('its id'),
    previousExportAt: timestampSchema.nullable().describe('the one before (restored when an export fails)'),
    exportStatus: z.enum(['running', 'done', 'failed']).describe('state of the latest export'),
    updatedAt: timestampSchema.describe('last change'),
  })
  .strict();
export type PrivacyState = z.infer<typeof privacyStateSchema>;

export const retentionCursorSchema = z
  .object({
    afterLastActiveAt: timestampSchema.nullable().describe('scan continues after this lastActiveAt; null = from the oldest'),
    afterUid: z.string().max(128).nullable().describe('and after this uid (ties)'),
    updatedAt: timestampSchema.describe('last run'),
  })
  .strict();
export type RetentionCursor = z.infer<typeof retentionCursorSchema>;

export const DELETIONS = 'deletions';

export const privacyPaths = {
  deletions: () => DELETIONS,
  deletion: (uid: string) => `${DELETIONS}/${segment(uid, 'uid')}`,
  privacyState: (uid: string) => `${paths.user(uid)}/private/privacy`,
  retentionCursor: () => 'retentionState/anonymous',
} as const;
