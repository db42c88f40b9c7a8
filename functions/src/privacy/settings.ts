/**
 * Privacy settings: how often a student may export, how long export files and inactive anonymous accounts
 * are kept, and how much one retention run may do. Declared as deploy-time params (with descriptions) and
 * read only at run time; `buildPrivacySettings` is the pure, validated normalisation.
 */
import { defineInt } from 'firebase-functions/params';
import { z } from 'zod';
import { DomainError } from '../platform/errors';
import { formatIssues } from '../platform/validation';

export const privacyParams = {
  EXPORT_RETENTION_DAYS: defineInt('EXPORT_RETENTION_DAYS', {
    default: 7,
    description: 'Days an export file stays in Storage before retentionPurge removes it.',
  }),
  ANONYMOUS_INACTIVE_DAYS: defineInt('ANONYMOUS_INACTIVE_DAYS', {
    default: 365,
    description: 'Anonymous student accounts inactive this many days are deleted by retentionPurge.',
  }),
  RETENTION_MAX_PER_RUN: defineInt('RETENTION_MAX_PER_RUN', {
    default: 50,
    description: 'Most accounts and most export files one retentionPurge run removes (each).',
  }),
} as const;

export const privacySettingsSchema = z
  .object({
    /** Minimum time between two exports of one account. */
    exportIntervalMs: z.int().min(0),
    exportRetentionDays: z.int().min(1).max(3650),
    anonymousInactiveDays: z.int().min(30).max(3650),
    maxPerRun: z.int().min(1).max(10_000),
    /** Accounts looked at per retention run (stale registered accounts are skipped, not deleted). */
    scanPerRun: z.int().min(1).max(100_000),
  })
  .strict();
export type PrivacySettings = z.infer<typeof privacySettingsSchema>;

export const DAY_MS = 86_400_000;

export const DEFAULT_PRIVACY_SETTINGS: PrivacySettings = {
  exportIntervalMs: DAY_MS,
  exportRetentionDays: 7,
  anonymousInactiveDays: 365,
  maxPerRun: 50,
  scanPerRun: 1000,
};

/** Pure: raw values → validated settings (`config/invalid` naming the bad value). */
export function buildPrivacySettings(raw: Partial<PrivacySettings>): PrivacySettings {
  const result = privacySettingsSchema.safeParse({ ...DEFAULT_PRIVACY_SETTINGS, ...raw });
  if (!result.success) {
    throw new DomainError('config/invalid', 'internal', `Invalid privacy settings: ${formatIssues(result.error).join('; ')}`);
  }
  return result.data;
}

/** The deployed settings (params are only readable at run time). */
export function livePrivacySettings(): PrivacySettings {
  return buildPrivacySettings({
    exportRetentionDays: privacyParams.EXPORT_RETENTION_DAYS.value(),
    anonymousInactiveDays: privacyParams.ANONYMOUS_INACTIVE_DAYS.value(),
    maxPerRun: privacyParams.RETENTION_MAX_PER_RUN.value(),
  });
}
