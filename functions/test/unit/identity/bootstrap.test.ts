import assert from 'node:assert/strict';
import { bootstrapAdmin } from '../../../src/identity/handlers';
import { DomainError } from '../../../src/platform/errors';
import { fakeIdentityDeps } from '../../support/identity-fakes';

describe('bootstrapAdmin (npm run grant-admin)', () => {
  it('makes an existing student admin of the org: claims, profile, audit entry, revoked tokens', async () => {
    const deps = fakeIdentityDeps();
    deps.auth.add('u1', { role: 'student', orgId: 'org-a', beta: true });
    deps.store.orgTimezones.set('org-n', 'Asia/Kathmandu');
    const result = await bootstrapAdmin(deps, 'u1', 'org-n');
    assert.deepEqual(result, { uid: 'u1', orgId: 'org-n', previousRole: 'student' });
    assert.deepEqual(deps.auth.users.get('u1')?.customClaims, { role: 'admin', orgId: 'org-n', beta: true });
    assert.equal(deps.store.profiles.get('u1')?.role, 'admin');
    assert.equal(deps.store.profiles.get('u1')?.orgId, 'org-n');
    assert.equal(deps.store.profiles.get('u1')?.timezone, 'Asia/Kathmandu');
    assert.deepEqual(deps.store.audits, [
      { actor: { uid: 'script' }, action: 'role.bootstrap-admin', target: 'users/u1', orgId: 'org-n', meta: { from: 'student', to: 'admin', fromOrg: 'org-a' } },
    ]);
    assert.deepEqual(deps.auth.revoked, ['u1']);
  });

  it('is safe to run twice', async () => {
    const deps = fakeIdentityDeps();
    deps.auth.add('u1');
    await bootstrapAdmin(deps, 'u1', 'org-a');
    const again = await bootstrapAdmin(deps, 'u1', 'org-a');
    assert.equal(again.previousRole, 'admin');
    assert.deepEqual(deps.auth.users.get('u1')?.customClaims, { role: 'admin', orgId: 'org-a' });
    assert.equal(deps.store.profiles.size, 1);
  });

  it('fails clearly for an unknown uid and writes nothing', async () => {
    const deps = fakeIdentityDeps();
    await assert.rejects(bootstrapAdmin(deps, 'ghost', 'org-a'), (e: unknown) => e instanceof DomainError && e.code === 'roles/user-not-found' && /Sign in once first/.test(e.message));
    assert.equal(deps.auth.claimWrites.length, 0);
    assert.equal(deps.store.audits.length, 0);
  });
});
