/**
 * The deployed identity functions, built around fakes and driven through firebase-functions-test
 * (the real v1 auth trigger and v2 callable wrappers).
 */
import assert from 'node:assert/strict';
import functionsTest from 'firebase-functions-test';
import { HttpsError } from 'firebase-functions/v2/https';
import { newProfileFields } from '../../../src/identity/provision';
import { buildOnUserCreated, buildSetUserRole } from '../../../src/identity/triggers';
import { captureLogs } from '../../../src/platform/log';
import { authData, callableRequest } from '../../support/callable';
import { fakeIdentityDeps } from '../../support/identity-fakes';

const ffTest = functionsTest({ projectId: 'demo-manmitra' });
after(() => ffTest.cleanup());

function adminAuthContext(uid = 'admin1', orgId = 'org-a') {
  return authData(uid, { role: 'admin', orgId });
}

function userRecord(uid: string, customClaims: Record<string, string>) {
  return Object.assign(ffTest.auth.makeUserRecord({ uid }), { customClaims });
}

async function rejects(p: Promise<unknown>, status: string, code?: string) {
  await assert.rejects(p, (e: unknown) => {
    assert.ok(e instanceof HttpsError, `expected HttpsError, got ${String(e)}`);
    assert.equal(e.code, status);
    if (code) assert.deepEqual(e.details, { code });
    return true;
  });
}

describe('onUserCreated', () => {
  it('gives a new anonymous account student claims in the default org and a profile with a pseudonym', async () => {
    const deps = fakeIdentityDeps('org-a');
    deps.auth.add('u1');
    deps.store.orgTimezones.set('org-a', 'Asia/Kathmandu');
    const wrapped = ffTest.wrap(buildOnUserCreated(deps));
    await wrapped(ffTest.auth.makeUserRecord({ uid: 'u1' }));
    assert.deepEqual(deps.auth.users.get('u1')?.customClaims, { role: 'student', orgId: 'org-a' });
    const profile = deps.store.profiles.get('u1');
    assert.ok(profile);
    assert.match(profile.alias, /^\w+ \w+ \d{2}$/);
    assert.equal(profile.role, 'student');
    assert.equal(profile.orgId, 'org-a');
    assert.equal(profile.timezone, 'Asia/Kathmandu');
    assert.equal(profile.language, 'en');
    assert.deepEqual(profile.consent, { aiScreening: false, shareWithCounselor: false, analytics: false, version: 0, at: null });
  });

  it('is idempotent: a second delivery writes no claims and keeps the profile', async () => {
    const deps = fakeIdentityDeps('org-a');
    deps.auth.add('u1');
    const wrapped = ffTest.wrap(buildOnUserCreated(deps));
    await wrapped(ffTest.auth.makeUserRecord({ uid: 'u1' }));
    const first = deps.store.profiles.get('u1');
    await wrapped(userRecord('u1', { role: 'student', orgId: 'org-a' }));
    assert.equal(deps.auth.claimWrites.length, 1);
    assert.deepEqual(deps.store.profiles.get('u1'), first);
  });

  it('keeps an admin granted before the trigger ran, and defaults timezone to Asia/Kolkata', async () => {
    const deps = fakeIdentityDeps('org-a');
    deps.auth.add('boss', { role: 'admin', orgId: 'org-z' });
    await ffTest.wrap(buildOnUserCreated(deps))(userRecord('boss', { role: 'admin', orgId: 'org-z' }));
    assert.equal(deps.auth.claimWrites.length, 0);
    assert.equal(deps.store.profiles.get('boss')?.role, 'admin');
    assert.equal(deps.store.profiles.get('boss')?.orgId, 'org-z');
    assert.equal(deps.store.profiles.get('boss')?.timezone, 'Asia/Kolkata');
  });

  it('logs the provisioning without the uid or alias', async () => {
    const deps = fakeIdentityDeps('org-a');
    deps.auth.add('secret-uid-123');
    const cap = captureLogs();
    try {
      await ffTest.wrap(buildOnUserCreated(deps))(ffTest.auth.makeUserRecord({ uid: 'secret-uid-123' }));
    } finally {
      cap.restore();
    }
    const line = cap.lines.find((l) => l.event === 'identity.provisioned');
    assert.ok(line);
    const text = JSON.stringify(cap.lines);
    assert.ok(!text.includes('secret-uid-123'));
    assert.ok(!text.includes(deps.store.profiles.get('secret-uid-123')?.alias ?? '??'));
  });
});

describe('setUserRole', () => {
  function setup() {
    const deps = fakeIdentityDeps('org-a');
    deps.auth.add('admin1', { role: 'admin', orgId: 'org-a' });
    deps.auth.add('s1', { role: 'student', orgId: 'org-a', beta: true });
    deps.auth.add('s2', { role: 'student', orgId: 'org-b' });
    const call = ffTest.wrap(buildSetUserRole(deps));
    return { deps, call };
  }

  it('promotes a student of the admin\'s org: claims, mirror, audit entry, revoked tokens', async () => {
    const { deps, call } = setup();
    await deps.store.ensureProfile('s1', newProfileFields('s1', { role: 'student', orgId: 'org-a' }), { role: 'student', orgId: 'org-a' });
    const result = await call(callableRequest({ uid: 's1', role: 'counselor' }, adminAuthContext()));
    assert.deepEqual(result, { uid: 's1', role: 'counselor', previousRole: 'student' });
    assert.deepEqual(deps.auth.users.get('s1')?.customClaims, { role: 'counselor', orgId: 'org-a', beta: true });
    assert.equal(deps.store.profiles.get('s1')?.role, 'counselor');
    assert.deepEqual(deps.store.audits, [
      { actor: { uid: 'admin1', role: 'admin', orgId: 'org-a' }, action: 'role.set', target: 'users/s1', orgId: 'org-a', meta: { from: 'student', to: 'counselor' } },
    ]);
    assert.deepEqual(deps.auth.revoked, ['s1']);
  });

  it('unauthenticated without a signed-in caller', async () => {
    const { deps, call } = setup();
    await rejects(call(callableRequest({ uid: 's1', role: 'counselor' })), 'unauthenticated', 'auth/unauthenticated');
    assert.equal(deps.auth.claimWrites.length, 0);
  });

  it('invalid-argument for a bad role, a missing uid, a path in the uid or unknown fields', async () => {
    const { deps, call } = setup();
    await rejects(call(callableRequest({ uid: 's1', role: 'superadmin' }, adminAuthContext())), 'invalid-argument', 'validation/invalid');
    await rejects(call(callableRequest({ role: 'counselor' }, adminAuthContext())), 'invalid-argument');
    await rejects(call(callableRequest({ uid: 'users/s1', role: 'counselor' }, adminAuthContext())), 'invalid-argument');
    await rejects(call(callableRequest({ uid: 's1', role: 'counselor', orgId: 'org-b' }, adminAuthContext())), 'invalid-argument');
    await rejects(call(callableRequest(null, adminAuthContext())), 'invalid-argument');
    assert.equal(deps.auth.claimWrites.length, 0);
  });

  it('permission-denied for a non-admin, even one forging a role claim value', async () => {
    const { deps, call } = setup();
    await rejects(call(callableRequest({ uid: 's1', role: 'admin' }, authData('s1', { role: 'student', orgId: 'org-a' }))), 'permission-denied', 'roles/not-admin');
    await rejects(call(callableRequest({ uid: 's1', role: 'admin' }, authData('s1', { role: 'Admin', orgId: 'org-a' }))), 'permission-denied', 'roles/not-admin');
    assert.equal(deps.auth.claimWrites.length, 0);
  });

  it('permission-denied for an admin of another org', async () => {
    const { deps, call } = setup();
    await rejects(call(callableRequest({ uid: 's2', role: 'counselor' }, adminAuthContext())), 'permission-denied', 'roles/other-org');
    assert.equal(deps.auth.claimWrites.length, 0);
    assert.equal(deps.store.audits.length, 0);
  });

  it('permission-denied when an admin tries to demote themself', async () => {
    const { deps, call } = setup();
    await rejects(call(callableRequest({ uid: 'admin1', role: 'student' }, adminAuthContext())), 'permission-denied', 'roles/self-demotion');
    assert.deepEqual(deps.auth.users.get('admin1')?.customClaims, { role: 'admin', orgId: 'org-a' });
  });

  it('not-found for an unknown uid (only after the caller is known to be an admin)', async () => {
    const { call } = setup();
    await rejects(call(callableRequest({ uid: 'ghost', role: 'volunteer' }, adminAuthContext())), 'not-found', 'roles/user-not-found');
    await rejects(call(callableRequest({ uid: 'ghost', role: 'volunteer' }, authData('s1', { role: 'student', orgId: 'org-a' }))), 'permission-denied');
  });

  it('internal with no detail when a dependency fails unexpectedly', async () => {
    const { deps, call } = setup();
    deps.store.recordRoleChange = async () => {
      throw new Error('firestore exploded while writing "I want to die"');
    };
    await assert.rejects(call(callableRequest({ uid: 's1', role: 'volunteer' }, adminAuthContext())), (e: unknown) => {
      assert.ok(e instanceof HttpsError);
      assert.equal(e.code, 'internal');
      assert.ok(!e.message.includes('die'));
      return true;
    });
  });
});
