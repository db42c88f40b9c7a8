import assert from 'node:assert/strict';
import { DomainError } from '../../../src/platform/errors';
import { authorizeRoleChange, planProvisionClaims, readManagedClaims } from '../../../src/identity/roles';

const admin = { uid: 'admin1', role: 'admin' as const, orgId: 'org-a' };
const code = (c: string) => (e: unknown) => e instanceof DomainError && e.code === c;

describe('role rules', () => {
  describe('planProvisionClaims', () => {
    it('gives a new account student in the default org', () => {
      assert.deepEqual(planProvisionClaims(undefined, 'org-a'), { claims: { role: 'student', orgId: 'org-a' }, changed: true });
    });
    it('keeps an org already on the account and other claims', () => {
      assert.deepEqual(planProvisionClaims({ orgId: 'org-b', beta: true }, 'org-a'), { claims: { orgId: 'org-b', beta: true, role: 'student' }, changed: true });
    });
    it('changes nothing when valid claims exist (re-run, or admin granted first)', () => {
      assert.deepEqual(planProvisionClaims({ role: 'admin', orgId: 'org-b' }, 'org-a'), { claims: { role: 'admin', orgId: 'org-b' }, changed: false });
    });
    it('replaces a forged or unknown role with student', () => {
      assert.equal(planProvisionClaims({ role: 'superuser', orgId: 'org-b' }, 'org-a').claims.role, 'student');
    });
  });

  it('readManagedClaims ignores malformed claims', () => {
    assert.equal(readManagedClaims({ role: 'admin' }), undefined);
    assert.equal(readManagedClaims(null), undefined);
    assert.deepEqual(readManagedClaims({ role: 'counselor', orgId: 'o', x: 1 }), { role: 'counselor', orgId: 'o' });
  });

  describe('authorizeRoleChange', () => {
    it('lets an admin promote a student of the same org, keeping other claims', () => {
      const d = authorizeRoleChange(admin, { uid: 's1', claims: { role: 'student', orgId: 'org-a', beta: true } }, 'counselor');
      assert.deepEqual(d, { claims: { role: 'counselor', orgId: 'org-a', beta: true }, previousRole: 'student', orgId: 'org-a' });
    });
    it('refuses non-admins and admins without an org', () => {
      for (const caller of [{ uid: 'c', role: 'counselor' as const, orgId: 'org-a' }, { uid: 's', role: 'student' as const, orgId: 'org-a' }, { uid: 'x', role: undefined, orgId: undefined }, { uid: 'a', role: 'admin' as const, orgId: undefined }]) {
        assert.throws(() => authorizeRoleChange(caller, { uid: 's1', claims: { role: 'student', orgId: 'org-a' } }, 'volunteer'), code('roles/not-admin'));
      }
    });
    it('refuses a target in another org or with no org', () => {
      assert.throws(() => authorizeRoleChange(admin, { uid: 's1', claims: { role: 'student', orgId: 'org-b' } }, 'volunteer'), code('roles/other-org'));
      assert.throws(() => authorizeRoleChange(admin, { uid: 's1', claims: undefined }, 'volunteer'), code('roles/other-org'));
    });
    it('refuses self-demotion but allows re-affirming admin', () => {
      assert.throws(() => authorizeRoleChange(admin, { uid: 'admin1', claims: { role: 'admin', orgId: 'org-a' } }, 'counselor'), code('roles/self-demotion'));
      assert.equal(authorizeRoleChange(admin, { uid: 'admin1', claims: { role: 'admin', orgId: 'org-a' } }, 'admin').claims.role, 'admin');
    });
  });
});
