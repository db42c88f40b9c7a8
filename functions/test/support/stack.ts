/**
 * The integration harness for functions/test/emulators/**: tests that run against the local stack (Auth and
 * Functions emulators from firebase-tools, a Firestore emulator at FIRESTORE_EMULATOR_HOST) through the real
 * SDKs. Run them with `npm run test:emulators [-- test/emulators/x.test.ts]` (under
 * `flock /tmp/manmitra-stack.lock`), which starts the stack once per run and sets the environment read here.
 *
 * API (stable; other tests depend on it):
 *   useStack()                      mocha hooks for a `describe`: clears Firestore and Auth before each test and
 *                                   closes the sessions opened in it afterwards; checks the environment first.
 *   STACK                           { project, region, authHost, firestoreHost, functionsHost }
 *   adminDb(), adminAuth(), adminApp()
 *                                   one firebase-admin app for the run (bypasses rules, as functions do).
 *   signInStudent(opts?)            a new anonymous client session; waits until onUserCreated has given it its
 *                                   claims ({role:'student', orgId}) and, with `profile: true`, its users/{uid}.
 *   signInStaff({ role, orgId })    a staff account (or a volunteer/student with chosen claims) created through the
 *                                   Auth emulator's admin API with its claims already set (so onUserCreated does
 *                                   not race to make it a student), a users/{uid} profile written like
 *                                   provisioning does (`profile: false` skips it), signed in by email/password.
 *   Session                         { app, user, uid, claims, db (client Firestore, rules apply), functions,
 *                                     call(name, data) (an httpsCallable in REGION), refreshClaims(), close() }
 *   clearFirestore(), clearAuth()   wipe the project's documents / accounts in the emulators (useStack does both).
 *   closeSessions()                 deletes every client app opened since the last call.
 *   eventually(what, check, ms?)    polls `check` until it returns a value other than undefined (errors thrown
 *                                   by `check` count as "not yet"); backs off 25 ms → 500 ms; no fixed sleeps.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { deleteApp, initializeApp as initClientApp, type FirebaseApp } from 'firebase/app';
import { connectAuthEmulator, getAuth as getClientAuth, signInAnonymously, signInWithEmailAndPassword, type User } from 'firebase/auth';
import { connectFirestoreEmulator, getFirestore as getClientFirestore, terminate, type Firestore as ClientFirestore } from 'firebase/firestore';
import { connectFunctionsEmulator, getFunctions, httpsCallable, type Functions } from 'firebase/functions';
import { getApps as getAdminApps, initializeApp as initAdminApp, type App } from 'firebase-admin/app';
import { getAuth as getAdminAuth, type Auth } from 'firebase-admin/auth';
import { getFirestore as getAdminFirestore, type Firestore } from 'firebase-admin/firestore';
import { newProfileFields } from '../../src/identity/provision';
import { firestoreIdentityStore } from '../../src/identity/repository';
import { REGION } from '../../src/platform/config';
import type { Role } from '../../src/platform/roles';

export const STACK = {
  project: process.env.GCLOUD_PROJECT ?? 'demo-manmitra',
  region: REGION,
  authHost: process.env.FIREBASE_AUTH_EMULATOR_HOST ?? '',
  firestoreHost: process.env.FIRESTORE_EMULATOR_HOST ?? '',
  functionsHost: process.env.FUNCTIONS_EMULATOR_HOST ?? '127.0.0.1:5001',
} as const;

const DEFAULT_ORG_ID = process.env.DEFAULT_ORG_ID ?? 'demo-org';
const ADMIN_APP_NAME = 'manmitra-stack-admin';

/** Fails clearly when a test is run outside `npm run test:emulators`. */
export function assertStackEnv(): void {
  assert.ok(STACK.authHost, 'FIREBASE_AUTH_EMULATOR_HOST must be set (run through npm run test:emulators)');
  assert.ok(STACK.firestoreHost, 'FIRESTORE_EMULATOR_HOST must be set (run through npm run test:emulators)');
}

export function adminApp(): App {
  return getAdminApps().find((a) => a.name === ADMIN_APP_NAME) ?? initAdminApp({ projectId: STACK.project }, ADMIN_APP_NAME);
}

export function adminDb(): Firestore {
  return getAdminFirestore(adminApp());
}

export function adminAuth(): Auth {
  return getAdminAuth(adminApp());
}

/** Polls `check` until it returns a value (not undefined) or the deadline passes. No fixed sleeps. */
export async function eventually<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let delay = 25;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() >= deadline) break;
    await new Promise((r) => setTimeout(r, Math.min(delay, Math.max(0, deadline - Date.now()))));
    delay = Math.min(delay * 2, 500);
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError instanceof Error ? `: ${lastError.message}` : ''}`);
}

async function emulatorRequest(method: string, url: string, body?: unknown): Promise<unknown> {
  const res = await fetch(url, {
    method,
    headers: { authorization: 'Bearer owner', 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${url} → ${res.status} ${text.slice(0, 300)}`);
  return text === '' ? undefined : JSON.parse(text);
}

/** Deletes every document of the project in the Firestore emulator (rules stay loaded). */
export async function clearFirestore(): Promise<void> {
  await emulatorRequest('DELETE', `http://${STACK.firestoreHost}/emulator/v1/projects/${STACK.project}/databases/(default)/documents`);
}

/** Deletes every account of the project in the Auth emulator. */
export async function clearAuth(): Promise<void> {
  await emulatorRequest('DELETE', `http://${STACK.authHost}/emulator/v1/projects/${STACK.project}/accounts`);
}

export interface Session {
  app: FirebaseApp;
  user: User;
  uid: string;
  /** The claims in the current ID token. */
  claims: Record<string, unknown>;
  /** Client Firestore: security rules apply. */
  db: ClientFirestore;
  functions: Functions;
  /** Calls a callable function as this user. */
  call<T = unknown>(name: string, data?: unknown): Promise<T>;
  /** Forces a token refresh and returns (and stores) the new claims. */
  refreshClaims(): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

const openApps = new Set<FirebaseApp>();

function newClientApp(): FirebaseApp {
  const app = initClientApp(
    { projectId: STACK.project, apiKey: 'fake-api-key', authDomain: `${STACK.project}.firebaseapp.com` },
    `client-${randomUUID()}`,
  );
  openApps.add(app);
  connectAuthEmulator(getClientAuth(app), `http://${STACK.authHost}`, { disableWarnings: true });
  const [fsHost, fsPort] = splitHost(STACK.firestoreHost);
  connectFirestoreEmulator(getClientFirestore(app), fsHost, fsPort);
  const [fnHost, fnPort] = splitHost(STACK.functionsHost);
  connectFunctionsEmulator(getFunctions(app, REGION), fnHost, fnPort);
  return app;
}

function splitHost(hostPort: string): [string, number] {
  const i = hostPort.lastIndexOf(':');
  return [hostPort.slice(0, i), Number(hostPort.slice(i + 1))];
}

async function closeApp(app: FirebaseApp): Promise<void> {
  if (!openApps.delete(app)) return;
  await terminate(getClientFirestore(app)).catch(() => undefined);
  await deleteApp(app);
}

async function sessionFor(app: FirebaseApp, user: User): Promise<Session> {
  const functions = getFunctions(app, REGION);
  const session: Session = {
    app,
    user,
    uid: user.uid,
    claims: (await user.getIdTokenResult()).claims,
    db: getClientFirestore(app),
    functions,
    async call<T>(name: string, data?: unknown): Promise<T> {
      const result = await httpsCallable<unknown, T>(functions, name)(data);
      return result.data;
    },
    async refreshClaims() {
      session.claims = (await user.getIdTokenResult(true)).claims;
      return session.claims;
    },
    close: () => closeApp(app),
  };
  return session;
}

export interface StudentOptions {
  /** Also wait for the users/{uid} profile written by onUserCreated (default false). */
  profile?: boolean;
  timeoutMs?: number;
}

/** Signs in a new anonymous student and waits for onUserCreated to give the account its claims. */
export async function signInStudent(opts: StudentOptions = {}): Promise<Session> {
  const app = newClientApp();
  const cred = await signInAnonymously(getClientAuth(app));
  const session = await sessionFor(app, cred.user);
  await eventually(
    'student claims from onUserCreated',
    async () => ((await session.refreshClaims()).role ? true : undefined),
    opts.timeoutMs,
  );
  if (opts.profile) {
    await eventually(
      `users/${session.uid} profile`,
      async () => ((await adminDb().collection('users').doc(session.uid).get()).exists ? true : undefined),
      opts.timeoutMs,
    );
  }
  return session;
}

export interface StaffOptions {
  role: Role;
  orgId?: string;
  /** Defaults to a fresh random uid. */
  uid?: string;
  /** Defaults to `${uid}@staff.test`. */
  email?: string;
  /** Write users/{uid} as provisioning would (default true). */
  profile?: boolean;
  /** Profile timezone (default Asia/Kolkata). */
  timezone?: string;
}

const STAFF_PASSWORD = 'stack-test-password';

/**
 * Creates an account with its claims set from the start (the Auth emulator's batchCreate, which does not fire
 * onUserCreated), writes its profile, and signs it in by email and password.
 */
export async function signInStaff(opts: StaffOptions): Promise<Session> {
  const orgId = opts.orgId ?? DEFAULT_ORG_ID;
  const uid = opts.uid ?? `staff-${randomUUID().slice(0, 12)}`;
  const email = opts.email ?? `${uid.toLowerCase()}@staff.test`;
  const claims = { role: opts.role, orgId };
  const result = await emulatorRequest(
    'POST',
    `http://${STACK.authHost}/identitytoolkit.googleapis.com/v1/projects/${STACK.project}/accounts:batchCreate`,
    { users: [{ localId: uid, email, rawPassword: STAFF_PASSWORD, customAttributes: JSON.stringify(claims) }] },
  );
  if (typeof result === 'object' && result !== null && 'error' in result && Array.isArray(result.error) && result.error.length > 0) {
    throw new Error(`could not create staff account ${uid}: ${JSON.stringify(result.error)}`);
  }
  if (opts.profile !== false) {
    const fields = newProfileFields(uid, claims, { timezone: opts.timezone });
    await firestoreIdentityStore(adminDb()).ensureProfile(uid, fields, claims);
  }
  const app = newClientApp();
  const cred = await signInWithEmailAndPassword(getClientAuth(app), email, STAFF_PASSWORD);
  const session = await sessionFor(app, cred.user);
  assert.equal(session.claims.role, opts.role, 'staff claims missing from the ID token');
  return session;
}

/** Deletes every client app opened since the last call (useStack calls it after each test). */
export async function closeSessions(): Promise<void> {
  await Promise.all([...openApps].map((app) => closeApp(app)));
}

/** Registers the per-test hooks in the enclosing mocha `describe`. */
export function useStack(): void {
  before(function () {
    assertStackEnv();
  });
  beforeEach(async function () {
    await Promise.all([clearFirestore(), clearAuth()]);
  });
  afterEach(async function () {
    await closeSessions();
  });
}
