/**
 * Pure rules for who may change whose role. The callable (`setUserRole`) does the I/O; this decides.
 */
import { errors } from '../platform/errors';
import { ROLES, type Role } from '../platform/roles';
import type { Caller } from '../platform/callable';
import { z } from 'zod';

export interface ManagedClaims {
  role: Role;
  orgId: string;
}

const managedClaimsSchema = z.object({ role: z.enum(ROLES), orgId: z.string().min(1) });

/** The claims we manage, read from a user's custom claims; absent or malformed gives undefined. */
export function readManagedClaims(claims: unknown): ManagedClaims | undefined {
  const parsed = managedClaimsSchema.safeParse(claims ?? {});
  return parsed.success ? parsed.data : undefined;
}

/**
 * Claims for an account being provisioned: keeps valid existing claims (an admin granted by the bootstrap
 * script before the trigger ran stays admin; a re-run changes nothing), otherwise `student` in the given org
 * or the default one. Other claims the account carries are preserved.
 */
export function planProvisionClaims(
  existing: Record<string, unknown> | undefined,
  defaultOrgId: string,
): { claims: Record<string, unknown> & ManagedClaims; changed: boolean } {
  const current = existing ?? {};
  const managed = readManagedClaims(current);
  if (managed) return { claims: { ...current, ...managed }, changed: false };
  const orgId = typeof current.orgId === 'string' && current.orgId !== '' ? current.orgId : defaultOrgId;
  return { claims: { ...current, role: 'student', orgId }, changed: true };
}

/** The caller's org if they are an admin of one; otherwise `permission-denied`. */
export function assertOrgAdmin(caller: Caller): string {
  if (caller.role !== 'admin' || !caller.orgId) {
    throw errors.permissionDenied('roles/not-admin', 'Only an institution admin can change roles.');
  }
  return caller.orgId;
}

/**
 * Decides a role change. Only an admin of the target's org; an admin cannot demote themself.
 * Returns the new claims to write (other claims preserved), or throws a DomainError.
 */
export function authorizeRoleChange(
  caller: Caller,
  target: { uid: string; claims: Record<string, unknown> | undefined },
  newRole: Role,
): { claims: Record<string, unknown> & ManagedClaims; previousRole: Role | undefined; orgId: string } {
  const adminOrg = assertOrgAdmin(caller);
  const targetClaims = readManagedClaims(target.claims);
  const targetOrg = targetClaims?.orgId;
  if (targetOrg !== adminOrg) {
    throw errors.permissionDenied('roles/other-org', 'You can only change roles of accounts in your own institution.');
  }
  if (target.uid === caller.uid && newRole !== 'admin') {
    throw errors.permissionDenied('roles/self-demotion', 'Admins cannot remove their own admin role; ask another admin.');
  }
  return {
    claims: { ...(target.claims ?? {}), role: newRole, orgId: targetOrg },
    previousRole: targetClaims?.role,
    orgId: targetOrg,
  };
}
