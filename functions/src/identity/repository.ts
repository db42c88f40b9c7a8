/**
 * Identity's Firestore and Auth I/O behind small interfaces, so the handlers can be tested with fakes and
 * run against the emulators or production unchanged. Every read is parsed with the contract's schemas.
 */
import { FieldValue, type Firestore } from 'firebase-admin/firestore';
import { z } from 'zod';
import { auditLogSchema, timezoneSchema, userProfileSchema, type AuditLog } from '../model/schemas';
import { parseStored } from '../platform/validation';
import type { ManagedClaims } from './roles';
import type { newProfileFields } from './provision';

/** The Auth calls identity needs; firebase-admin's `Auth` satisfies it. */
export interface IdentityAuth {
  getUser(uid: string): Promise<{ uid: string; customClaims?: Record<string, unknown> | undefined }>;
  setCustomUserClaims(uid: string, claims: object | null): Promise<void>;
  revokeRefreshTokens(uid: string): Promise<void>;
}

export type ProfileFields = ReturnType<typeof newProfileFields>;
export type AuditEntry = Omit<AuditLog, 'at'>;

export interface IdentityStore {
  /** The org's timezone, if the org document exists and names a valid one. */
  orgTimezone(orgId: string): Promise<string | undefined>;
  /**
   * Creates `users/{uid}` from `fields` if absent; if present, brings the role/orgId mirror in line with the
   * claims. Atomic; returns what it did.
   */
  ensureProfile(uid: string, fields: ProfileFields, mirror: ManagedClaims): Promise<'created' | 'mirrored' | 'unchanged'>;
  /** Writes the role mirror and the audit entry together. */
  recordRoleChange(uid: string, mirror: ManagedClaims, audit: AuditEntry): Promise<void>;
}

export interface IdentityDeps {
  auth: IdentityAuth;
  store: IdentityStore;
  defaultOrgId: () => string;
}

const orgTimezoneSchema = z.object({ timezone: timezoneSchema }).loose();

export function firestoreIdentityStore(db: Firestore): IdentityStore {
  return {
    async orgTimezone(orgId) {
      const snap = await db.collection('orgs').doc(orgId).get();
      if (!snap.exists) return undefined;
      const parsed = orgTimezoneSchema.safeParse(snap.data());
      return parsed.success ? parsed.data.timezone : undefined;
    },

    async ensureProfile(uid, fields, mirror) {
      const ref = db.collection('users').doc(uid);
      return db.runTransaction(async (tx) => {
        const snap = await tx.get(ref);
        if (!snap.exists) {
          const now = FieldValue.serverTimestamp();
          tx.create(ref, { ...fields, createdAt: now, lastActiveAt: now });
          return 'created' as const;
        }
        const current = parseStored(userProfileSchema, snap.data(), ref.path);
        if (current.role === mirror.role && current.orgId === mirror.orgId) return 'unchanged' as const;
        tx.update(ref, { role: mirror.role, orgId: mirror.orgId });
        return 'mirrored' as const;
      });
    },

    async recordRoleChange(uid, mirror, audit) {
      const batch = db.batch();
      batch.set(db.collection('users').doc(uid), { role: mirror.role, orgId: mirror.orgId }, { merge: true });
      const entry = { ...audit, at: FieldValue.serverTimestamp() };
      auditLogSchema.omit({ at: true }).parse(audit);
      batch.create(db.collection('auditLogs').doc(), entry);
      await batch.commit();
    },
  };
}
