/**
 * The emulator-test harness itself (test/support/stack.ts): clearing really clears, sessions carry their
 * identity into client Firestore (rules apply) and callables, and eventually() retries then fails readably.
 */
import assert from 'node:assert/strict';
import { doc, getDoc } from 'firebase/firestore';
import { adminAuth, adminDb, clearAuth, clearFirestore, eventually, signInStaff, signInStudent, useStack } from '../support/stack';

describe('stack harness', function () {
  useStack();

  it('clearFirestore deletes every document, nested ones included', async () => {
    await adminDb().doc('orgs/o1').set({ name: 'x' });
    await adminDb().doc('users/u1/entries/e1').set({ kind: 'mood' });
    await clearFirestore();
    assert.equal((await adminDb().doc('orgs/o1').get()).exists, false);
    assert.equal((await adminDb().doc('users/u1/entries/e1').get()).exists, false);
  });

  it('clearAuth deletes every account', async () => {
    const staff = await signInStaff({ role: 'counselor' });
    await clearAuth();
    await assert.rejects(adminAuth().getUser(staff.uid), (e: unknown) => typeof e === 'object' && e !== null && 'code' in e && e.code === 'auth/user-not-found');
  });

  it('a student session reads its own profile through the rules and is refused another one', async () => {
    const a = await signInStudent({ profile: true });
    const b = await signInStudent({ profile: true });
    assert.equal((await getDoc(doc(a.db, 'users', a.uid))).exists(), true);
    await assert.rejects(getDoc(doc(a.db, 'users', b.uid)), (e: unknown) => typeof e === 'object' && e !== null && 'code' in e && e.code === 'permission-denied');
  });

  it('a staff session carries its claims and a profile mirroring them', async () => {
    const admin = await signInStaff({ role: 'admin', orgId: 'org-x', timezone: 'Asia/Kathmandu' });
    assert.equal(admin.claims.role, 'admin');
    assert.equal(admin.claims.orgId, 'org-x');
    const profile = (await adminDb().doc(`users/${admin.uid}`).get()).data();
    assert.equal(profile?.role, 'admin');
    assert.equal(profile?.timezone, 'Asia/Kathmandu');
  });

  it('eventually returns the first defined value, treating thrown errors as "not yet"', async () => {
    let calls = 0;
    const value = await eventually('the third call', async () => {
      calls += 1;
      if (calls === 1) throw new Error('not ready');
      return calls >= 3 ? calls : undefined;
    });
    assert.equal(value, 3);
  });

  it('eventually fails with what it waited for and the last error', async () => {
    await assert.rejects(
      eventually('something that never happens', async () => {
        throw new Error('still broken');
      }, 100),
      /timed out after 100 ms waiting for something that never happens: still broken/,
    );
  });
});
