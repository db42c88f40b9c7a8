/**
 * Identity in the running stack (see test/support/stack.ts): the Functions emulator has loaded the compiled
 * codebase offline, and clients sign in through the real `firebase` client SDK against the Auth emulator.
 */
import assert from 'node:assert/strict';
import { userProfileSchema } from '../../src/model/schemas';
import { adminAuth, adminDb, eventually, signInStaff, signInStudent, useStack } from '../support/stack';

function assertCallableError(code: string) {
  return (e: unknown) => {
    assert.ok(e instanceof Error && 'code' in e);
    assert.equal(e.code, code);
    return true;
  };
}

describe('identity in the Auth + Functions emulators', function () {
  useStack();

  it('an anonymous sign-in gets student claims in the default org', async () => {
    const student = await signInStudent();
    assert.equal(student.user.isAnonymous, true);
    assert.equal(student.claims.role, 'student');
    assert.equal(student.claims.orgId, 'demo-org');
  });

  it('the new account gets a users/{uid} profile with a pseudonym', async () => {
    const student = await signInStudent();
    const profile = await eventually('users/{uid} profile', async () => {
      const snap = await adminDb().collection('users').doc(student.uid).get();
      return snap.exists ? userProfileSchema.parse(snap.data()) : undefined;
    });
    assert.equal(profile.role, 'student');
    assert.equal(profile.orgId, 'demo-org');
    assert.match(profile.alias, /^\w+ \w+ \d{2}$/);
  });

  it('setUserRole through the client SDK: a student is refused, an admin of the org promotes', async () => {
    const admin = await signInStaff({ role: 'admin', orgId: 'demo-org' });
    const student = await signInStudent();

    await assert.rejects(student.call('setUserRole', { uid: admin.uid, role: 'student' }), assertCallableError('functions/permission-denied'));
    await assert.rejects(admin.call('setUserRole', { uid: student.uid, role: 'wizard' }), assertCallableError('functions/invalid-argument'));

    const result = await admin.call('setUserRole', { uid: student.uid, role: 'volunteer' });
    assert.deepEqual(result, { uid: student.uid, role: 'volunteer', previousRole: 'student' });
    const record = await adminAuth().getUser(student.uid);
    assert.equal(record.customClaims?.role, 'volunteer');
    assert.equal((await student.refreshClaims()).role, 'volunteer');
  });

  it('a staff account keeps the claims it was created with (onUserCreated does not demote it)', async () => {
    const counselor = await signInStaff({ role: 'counselor', orgId: 'demo-org' });
    const profile = userProfileSchema.parse((await adminDb().collection('users').doc(counselor.uid).get()).data());
    assert.equal(profile.role, 'counselor');
    assert.equal((await adminAuth().getUser(counselor.uid)).customClaims?.role, 'counselor');
  });
});
