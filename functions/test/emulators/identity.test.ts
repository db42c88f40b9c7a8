/**
 * Runs inside `firebase emulators:exec --only auth,functions` beside the offline Firestore emulator (see
 * scripts/emulators-test.mjs): the Functions emulator has loaded the compiled codebase offline, and a client
 * signs in anonymously through the real `firebase` client SDK against the Auth emulator.
 */
import assert from 'node:assert/strict';
import { deleteApp, initializeApp as initClientApp, type FirebaseApp } from 'firebase/app';
import { connectAuthEmulator, getAuth as getClientAuth, signInAnonymously, type User } from 'firebase/auth';
import { connectFunctionsEmulator, getFunctions, httpsCallable } from 'firebase/functions';
import { deleteApp as deleteAdminApp, initializeApp as initAdminApp, type App } from 'firebase-admin/app';
import { getAuth as getAdminAuth } from 'firebase-admin/auth';
import { getFirestore } from 'firebase-admin/firestore';
import { userProfileSchema } from '../../src/model/schemas';
import { REGION } from '../../src/platform/config';

const PROJECT = process.env.GCLOUD_PROJECT ?? 'demo-manmitra';
const AUTH_HOST = process.env.FIREBASE_AUTH_EMULATOR_HOST;
const FUNCTIONS_HOST = process.env.FUNCTIONS_EMULATOR_HOST ?? '127.0.0.1:5001';

/** Polls `check` until it returns a value (not undefined) or the deadline passes. No fixed sleeps. */
async function eventually<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let delay = 50;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (err) {
      lastError = err;
    }
    await new Promise((r) => setTimeout(r, delay));
    delay = Math.min(delay * 2, 500);
  }
  throw new Error(`timed out waiting for ${what}${lastError instanceof Error ? `: ${lastError.message}` : ''}`);
}

describe('identity in the Auth + Functions emulators', function () {
  let client: FirebaseApp;
  let admin: App;

  before(function () {
    assert.ok(AUTH_HOST, 'FIREBASE_AUTH_EMULATOR_HOST must be set (run through npm run test:emulators)');
    assert.ok(process.env.FIRESTORE_EMULATOR_HOST, 'FIRESTORE_EMULATOR_HOST must be set (run through npm run test:emulators)');
    client = initClientApp({ projectId: PROJECT, apiKey: 'fake-api-key', authDomain: `${PROJECT}.firebaseapp.com` }, `client-${Date.now()}`);
    connectAuthEmulator(getClientAuth(client), `http://${AUTH_HOST}`, { disableWarnings: true });
    admin = initAdminApp({ projectId: PROJECT }, `admin-${Date.now()}`);
  });

  after(async () => {
    await deleteApp(client);
    await deleteAdminApp(admin);
  });

  async function signInStudent(): Promise<User> {
    const cred = await signInAnonymously(getClientAuth(client));
    assert.equal(cred.user.isAnonymous, true);
    return cred.user;
  }

  async function claimsOf(user: User) {
    return eventually('student claims in the ID token', async () => {
      const result = await user.getIdTokenResult(true);
      return result.claims.role ? result.claims : undefined;
    });
  }

  it('an anonymous sign-in gets student claims in the default org', async () => {
    const user = await signInStudent();
    const claims = await claimsOf(user);
    assert.equal(claims.role, 'student');
    assert.equal(claims.orgId, 'demo-org');
  });

  it('the new account gets a users/{uid} profile with a pseudonym', async () => {
    const user = await signInStudent();
    const profile = await eventually('users/{uid} profile', async () => {
      const snap = await getFirestore(admin).collection('users').doc(user.uid).get();
      return snap.exists ? userProfileSchema.parse(snap.data()) : undefined;
    });
    assert.equal(profile.role, 'student');
    assert.equal(profile.orgId, 'demo-org');
    assert.match(profile.alias, /^\w+ \w+ \d{2}$/);
  });

  it('setUserRole through the client SDK: a student is refused, an admin of the org promotes', async () => {
    const adminUser = await signInStudent();
    await claimsOf(adminUser);
    await getAdminAuth(admin).setCustomUserClaims(adminUser.uid, { role: 'admin', orgId: 'demo-org' });
    const student = await (async () => {
      const other = initClientApp({ projectId: PROJECT, apiKey: 'fake-api-key' }, `student-${Date.now()}`);
      connectAuthEmulator(getClientAuth(other), `http://${AUTH_HOST}`, { disableWarnings: true });
      const cred = await signInAnonymously(getClientAuth(other));
      await claimsOf(cred.user);
      return { app: other, user: cred.user };
    })();
    try {
      const [host, port] = FUNCTIONS_HOST.split(':');
      const studentFns = getFunctions(student.app, REGION);
      connectFunctionsEmulator(studentFns, host ?? '127.0.0.1', Number(port));
      await assert.rejects(httpsCallable(studentFns, 'setUserRole')({ uid: adminUser.uid, role: 'student' }), (e: unknown) => {
        assert.ok(e instanceof Error && 'code' in e);
        assert.equal(e.code, 'functions/permission-denied');
        return true;
      });

      await adminUser.getIdToken(true);
      const adminFns = getFunctions(client, REGION);
      connectFunctionsEmulator(adminFns, host ?? '127.0.0.1', Number(port));
      await assert.rejects(httpsCallable(adminFns, 'setUserRole')({ uid: student.user.uid, role: 'wizard' }), (e: unknown) => {
        assert.ok(e instanceof Error && 'code' in e);
        assert.equal(e.code, 'functions/invalid-argument');
        return true;
      });
      const result = await httpsCallable(adminFns, 'setUserRole')({ uid: student.user.uid, role: 'volunteer' });
      assert.deepEqual(result.data, { uid: student.user.uid, role: 'volunteer', previousRole: 'student' });
      const record = await getAdminAuth(admin).getUser(student.user.uid);
      assert.equal(record.customClaims?.role, 'volunteer');
    } finally {
      await deleteApp(student.app);
    }
  });
});
