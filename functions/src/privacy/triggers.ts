/**
 * Deployed privacy functions: wiring only. `buildX(deps)` builds each around given dependencies (tests
 * pass the offline emulator and fakes); the exports at the bottom use the live ones.
 */
import { randomBytes } from 'node:crypto';
import { onSchedule } from 'firebase-functions/v2/scheduler';
import { callable } from '../platform/callable';
import { ALL_SECRETS, getConfig, REGION } from '../platform/config';
import { adminAuth, db } from '../platform/firebase';
import { continueDeletions as continueDeletionJobs } from './deletion';
import type { AuthAccount, PrivacyAuth, PrivacyDeps } from './deps';
import * as handlers from './handlers';
import { retentionPurge as runRetentionPurge } from './retention';
import { livePrivacySettings } from './settings';
import { storageForEnvironment, type ExportStorage } from './storage';

/** Work budgets, below each function's timeout so progress is always recorded before it is cut off. */
export const BUDGETS = { deleteMyAccountMs: 240_000, scheduledMs: 480_000 } as const;

function isUserNotFound(err: unknown): boolean {
  return typeof err === 'object' && err !== null && 'code' in err && err.code === 'auth/user-not-found';
}

/** Pure: the latest activity in an Auth user's metadata (epoch ms). */
export function lastSeenOf(metadata: { lastSignInTime?: string | null; lastRefreshTime?: string | null; creationTime?: string | null }): number | undefined {
  const times = [metadata.lastRefreshTime, metadata.lastSignInTime, metadata.creationTime].map((t) => (t ? Date.parse(t) : Number.NaN)).filter((t) => Number.isFinite(t));
  return times.length > 0 ? Math.max(...times) : undefined;
}

export const firebasePrivacyAuth: PrivacyAuth = {
  async deleteUser(uid) {
    await adminAuth()
      .deleteUser(uid)
      .catch((err: unknown) => {
        if (!isUserNotFound(err)) throw err;
      });
  },
  async getUsers(uids) {
    if (uids.length === 0) return [];
    const { users } = await adminAuth().getUsers(uids.map((uid) => ({ uid })));
    return users.map((u): AuthAccount => ({ uid: u.uid, anonymous: u.providerData.length === 0, lastSeenAt: lastSeenOf(u.metadata) }));
  },
};

let storage: ExportStorage | undefined;

export const livePrivacyDeps: PrivacyDeps = {
  db,
  auth: firebasePrivacyAuth,
  get storage() {
    const config = getConfig();
    storage ??= storageForEnvironment(config.emulator, config.projectId);
    return storage;
  },
  keyRing: () => getConfig().encryption,
  settings: livePrivacySettings,
  now: () => Date.now(),
  newId: () => `${new Date().toISOString().slice(0, 10).replace(/-/g, '')}-${randomBytes(8).toString('hex')}`,
};

export function buildExportMyData(deps: PrivacyDeps) {
  return callable('exportMyData', handlers.exportMyDataInput, (_input, caller) => handlers.exportMyData(deps, caller), { secrets: ALL_SECRETS, timeoutSeconds: 300, memory: '512MiB' });
}

export function buildDeleteMyAccount(deps: PrivacyDeps) {
  return callable('deleteMyAccount', handlers.deleteMyAccountInput, (_input, caller) => handlers.deleteMyAccount(deps, caller, BUDGETS.deleteMyAccountMs), { secrets: ALL_SECRETS, timeoutSeconds: 300 });
}

export function buildContinueDeletions(deps: PrivacyDeps) {
  return onSchedule({ schedule: 'every 10 minutes', region: REGION, secrets: ALL_SECRETS, timeoutSeconds: 540 }, async () => {
    await continueDeletionJobs(deps, BUDGETS.scheduledMs);
  });
}

export function buildRetentionPurge(deps: PrivacyDeps) {
  return onSchedule({ schedule: 'every day 03:30', timeZone: 'Asia/Kolkata', region: REGION, secrets: ALL_SECRETS, timeoutSeconds: 540 }, async () => {
    await runRetentionPurge(deps, BUDGETS.scheduledMs);
  });
}

export const exportMyData = buildExportMyData(livePrivacyDeps);
export const deleteMyAccount = buildDeleteMyAccount(livePrivacyDeps);
export const continueDeletions = buildContinueDeletions(livePrivacyDeps);
export const retentionPurge = buildRetentionPurge(livePrivacyDeps);
