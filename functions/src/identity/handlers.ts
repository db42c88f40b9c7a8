/**
 * Identity handlers: account provisioning (on user creation) and role changes (callable).
 * Thin over the pure rules in roles.ts / provision.ts and the I/O in repository.ts.
 */
import { z } from 'zod';
import type { Caller } from '../platform/callable';
import { errors } from '../platform/errors';
import { events, hashId } from '../platform/log';
import { ROLES, type Role } from '../platform/roles';
import { uidSchema } from '../model/schemas';
import { newProfileFields } from './provision';
import { assertOrgAdmin, authorizeRoleChange, planProvisionClaims, readManagedClaims } from './roles';
import type { IdentityDeps } from './repository';

/**
 * Gives a new account its claims and profile. Idempotent: a second run finds valid claims and an existing
 * profile and changes nothing. Claims are written first: they are what the rules trust.
 */
export async function provisionAccount(deps: IdentityDeps, uid: string, customClaims: Record<string, unknown> | undefined) {
  const plan = planProvisionClaims(customClaims, deps.defaultOrgId());
  if (plan.changed) await deps.auth.setCustomUserClaims(uid, plan.claims);
  const timezone = await deps.store.orgTimezone(plan.claims.orgId);
  const fields = newProfileFields(uid, plan.claims, { timezone });
  const profile = await deps.store.ensureProfile(uid, fields, { role: plan.claims.role, orgId: plan.claims.orgId });
  events.userProvisioned({ uidHash: hashId(uid), orgId: plan.claims.orgId, created: profile === 'created' });
  return { claimsChanged: plan.changed, profile, role: plan.claims.role, orgId: plan.claims.orgId };
}

export const setUserRoleInput = z
  .object({
    uid: uidSchema,
    role: z.enum(ROLES),
  })
  .strict();
export type SetUserRoleInput = z.infer<typeof setUserRoleInput>;

export interface SetUserRoleResult {
  uid: string;
  role: Role;
  previousRole: Role | null;
}

export async function setUserRole(deps: IdentityDeps, input: SetUserRoleInput, caller: Caller): Promise<SetUserRoleResult> {
  // Checked before the lookup so a non-admin cannot probe which uids exist.
  assertOrgAdmin(caller);
  const target = await deps.auth.getUser(input.uid).catch((err: unknown) => {
    if (isAuthUserNotFound(err)) throw errors.notFound('roles/user-not-found', 'No account with that uid.');
    throw err;
  });
  const decision = authorizeRoleChange(caller, { uid: input.uid, claims: target.customClaims }, input.role);
  await deps.auth.setCustomUserClaims(input.uid, decision.claims);
  await deps.store.recordRoleChange(
    input.uid,
    { role: input.role, orgId: decision.orgId },
    {
      actor: { uid: caller.uid, role: 'admin', orgId: decision.orgId },
      action: 'role.set',
      target: `users/${input.uid}`,
      orgId: decision.orgId,
      meta: { from: decision.previousRole ?? null, to: input.role },
    },
  );
  await deps.auth.revokeRefreshTokens(input.uid);
  events.roleChanged({
    actorHash: hashId(caller.uid),
    targetHash: hashId(input.uid),
    from: decision.previousRole ?? 'none',
    to: input.role,
    orgId: decision.orgId,
  });
  return { uid: input.uid, role: input.role, previousRole: decision.previousRole ?? null };
}

function isAuthUserNotFound(err: unknown): boolean {
  return typeof err === 'object' && err !== null && 'code' in err && err.code === 'auth/user-not-found';
}

/**
 * Makes `uid` an admin of `orgId` with the admin SDK (the first admin of an institution; run from
 * `npm run grant-admin`). Idempotent; audit-logged with the script as actor.
 */
export async function bootstrapAdmin(deps: IdentityDeps, uid: string, orgId: string) {
  const user = await deps.auth.getUser(uid).catch((err: unknown) => {
    if (isAuthUserNotFound(err)) throw errors.notFound('roles/user-not-found', `No account with uid ${uid}. Sign in once first, then grant.`);
    throw err;
  });
  const previous = readManagedClaims(user.customClaims);
  const claims = { ...(user.customClaims ?? {}), role: 'admin' as const, orgId };
  await deps.auth.setCustomUserClaims(uid, claims);
  const mirror = { role: claims.role, orgId };
  await deps.store.ensureProfile(uid, newProfileFields(uid, mirror, { timezone: await deps.store.orgTimezone(orgId) }), mirror);
  await deps.store.recordRoleChange(uid, mirror, {
    actor: { uid: 'script' },
    action: 'role.bootstrap-admin',
    target: `users/${uid}`,
    orgId,
    meta: { from: previous?.role ?? null, to: 'admin', fromOrg: previous?.orgId ?? null },
  });
  await deps.auth.revokeRefreshTokens(uid);
  return { uid, orgId, previousRole: previous?.role ?? null };
}
