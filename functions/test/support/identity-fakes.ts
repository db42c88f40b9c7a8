/** In-memory stand-ins for Auth and the identity store, recording every call. */
import type { IdentityAuth, IdentityDeps, IdentityStore, ProfileFields, AuditEntry } from '../../src/identity/repository';
import type { ManagedClaims } from '../../src/identity/roles';

export interface FakeUser {
  uid: string;
  customClaims?: Record<string, unknown>;
}

export class FakeAuth implements IdentityAuth {
  readonly users = new Map<string, FakeUser>();
  readonly revoked: string[] = [];
  readonly claimWrites: Array<{ uid: string; claims: object | null }> = [];

  add(uid: string, customClaims?: Record<string, unknown>): void {
    this.users.set(uid, { uid, ...(customClaims ? { customClaims } : {}) });
  }

  async getUser(uid: string): Promise<FakeUser> {
    const u = this.users.get(uid);
    if (!u) throw Object.assign(new Error('There is no user record corresponding to the provided identifier.'), { code: 'auth/user-not-found' });
    return { ...u };
  }

  async setCustomUserClaims(uid: string, claims: object | null): Promise<void> {
    const u = this.users.get(uid);
    if (!u) throw Object.assign(new Error('no user'), { code: 'auth/user-not-found' });
    this.claimWrites.push({ uid, claims });
    u.customClaims = claims ? { ...claims } : {};
  }

  async revokeRefreshTokens(uid: string): Promise<void> {
    this.revoked.push(uid);
  }
}

export class FakeIdentityStore implements IdentityStore {
  readonly profiles = new Map<string, ProfileFields & { role: string; orgId: string }>();
  readonly audits: AuditEntry[] = [];
  readonly orgTimezones = new Map<string, string>();

  async orgTimezone(orgId: string): Promise<string | undefined> {
    return this.orgTimezones.get(orgId);
  }

  async ensureProfile(uid: string, fields: ProfileFields, mirror: ManagedClaims): Promise<'created' | 'mirrored' | 'unchanged'> {
    const current = this.profiles.get(uid);
    if (!current) {
      this.profiles.set(uid, { ...fields });
      return 'created';
    }
    if (current.role === mirror.role && current.orgId === mirror.orgId) return 'unchanged';
    this.profiles.set(uid, { ...current, ...mirror });
    return 'mirrored';
  }

  async recordRoleChange(uid: string, mirror: ManagedClaims, audit: AuditEntry): Promise<void> {
    const current = this.profiles.get(uid);
    if (current) this.profiles.set(uid, { ...current, ...mirror });
    this.audits.push(audit);
  }
}

export function fakeIdentityDeps(defaultOrgId = 'org-a'): IdentityDeps & { auth: FakeAuth; store: FakeIdentityStore } {
  return { auth: new FakeAuth(), store: new FakeIdentityStore(), defaultOrgId: () => defaultOrgId };
}
