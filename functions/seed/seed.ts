/**
 * Loads the demo data of functions/seed/data.ts into the running emulators: staff accounts in the Auth emulator
 * (created with their claims already set, so onUserCreated leaves them alone) with their users/{uid} profiles,
 * the org, counselor profiles and open slots, resources, and config/app. Idempotent: what exists is kept (claims
 * and profile role are corrected), so `npm start` can run it on every start. Every document goes through the
 * model's converters, which check it against its zod schema before it is written.
 *
 * CLI (used by `npm start`): `tsx functions/seed/seed.ts [--json]` against FIRESTORE_EMULATOR_HOST and
 * FIREBASE_AUTH_EMULATOR_HOST; refuses to run on a project that is not a `demo-` project.
 */
import { initializeApp } from 'firebase-admin/app';
import { getAuth, type Auth } from 'firebase-admin/auth';
import { FieldValue, getFirestore, Timestamp, type Firestore, type WithFieldValue } from 'firebase-admin/firestore';
import type { z } from 'zod';
import { newProfileFields } from '../src/identity/provision';
import { firestoreIdentityStore } from '../src/identity/repository';
import { typedDoc, type DocumentSchema } from '../src/model/converters';
import { paths } from '../src/model/paths';
import { appConfigSchema, counselorSchema, orgSchema, resourceSchema, slotSchema } from '../src/model/schemas';
import {
  DEMO_ACCOUNTS,
  DEMO_APP_CONFIG,
  DEMO_COUNSELORS,
  DEMO_ORG,
  DEMO_ORG_ID,
  DEMO_PASSWORD,
  DEMO_RESOURCES,
  DEMO_TIMEZONE,
  planSlots,
  type DemoAccount,
} from './data';

export interface SeedDeps {
  db: Firestore;
  auth: Auth;
  now: number;
}

export interface SeedReport {
  orgId: string;
  accounts: Array<{ role: string; email: string; password: string; uid: string; displayName: string }>;
  /** Paths (and `auth:{uid}`) written by this run. */
  created: string[];
  /** Paths (and `auth:{uid}`) that were already there. */
  kept: string[];
}

function isAlreadyExists(err: unknown): boolean {
  return typeof err === 'object' && err !== null && 'code' in err && (err.code === 6 || err.code === 'already-exists');
}

function isUserNotFound(err: unknown): boolean {
  return typeof err === 'object' && err !== null && 'code' in err && err.code === 'auth/user-not-found';
}

/** Creates the document unless it exists; the converter validates it against `schema` first. */
async function createIfMissing<S extends DocumentSchema>(db: Firestore, path: string, schema: S, data: WithFieldValue<z.output<S>>): Promise<boolean> {
  try {
    await typedDoc(db, path, schema).create(data);
    return true;
  } catch (err) {
    if (isAlreadyExists(err)) return false;
    throw err;
  }
}

/** The account with its claims; created through importUsers (no onUserCreated event), claims corrected when they drifted. */
async function ensureAccount(auth: Auth, account: DemoAccount): Promise<boolean> {
  const claims = { role: account.role, orgId: DEMO_ORG_ID };
  try {
    const user = await auth.getUser(account.uid);
    if (user.customClaims?.role !== claims.role || user.customClaims.orgId !== claims.orgId) await auth.setCustomUserClaims(account.uid, claims);
    return false;
  } catch (err) {
    if (!isUserNotFound(err)) throw err;
  }
  const result = await auth.importUsers([
    { uid: account.uid, email: account.email, displayName: account.displayName, emailVerified: true, customClaims: claims },
  ]);
  if (result.failureCount > 0) throw new Error(`could not create ${account.email}: ${result.errors.map((e) => e.error.message).join('; ')}`);
  await auth.updateUser(account.uid, { password: DEMO_PASSWORD });
  return true;
}

export async function seed({ db, auth, now }: SeedDeps): Promise<SeedReport> {
  const report: SeedReport = { orgId: DEMO_ORG_ID, accounts: [], created: [], kept: [] };
  const note = (what: string, created: boolean) => (created ? report.created : report.kept).push(what);
  const serverNow = FieldValue.serverTimestamp();

  note(paths.org(DEMO_ORG_ID), await createIfMissing(db, paths.org(DEMO_ORG_ID), orgSchema, { ...DEMO_ORG, createdAt: serverNow, updatedAt: serverNow }));
  note(paths.appConfig(), await createIfMissing(db, paths.appConfig(), appConfigSchema, { ...DEMO_APP_CONFIG, updatedAt: serverNow }));

  const identity = firestoreIdentityStore(db);
  for (const account of Object.values(DEMO_ACCOUNTS)) {
    note(`auth:${account.uid}`, await ensureAccount(auth, account));
    const claims = { role: account.role, orgId: DEMO_ORG_ID };
    const profile = await identity.ensureProfile(account.uid, newProfileFields(account.uid, claims, { timezone: DEMO_TIMEZONE, language: account.language }), claims);
    note(paths.user(account.uid), profile === 'created');
    report.accounts.push({ role: account.role, email: account.email, password: DEMO_PASSWORD, uid: account.uid, displayName: account.displayName });
  }

  for (const counselor of DEMO_COUNSELORS) {
    const path = paths.counselor(counselor.uid);
    note(path, await createIfMissing(db, path, counselorSchema, { ...counselor.profile, updatedAt: serverNow }));
    for (const slot of planSlots(now, counselor.times)) {
      const slotPath = paths.slot(counselor.uid, slot.id);
      const data = { start: Timestamp.fromMillis(slot.start), end: Timestamp.fromMillis(slot.end), status: 'open' as const, createdAt: serverNow };
      note(slotPath, await createIfMissing(db, slotPath, slotSchema, data));
    }
  }

  for (const { id, ...resource } of DEMO_RESOURCES) {
    const path = paths.resource(id);
    const data = {
      ...resource,
      title: { ...resource.title },
      body: { ...resource.body },
      tags: [...resource.tags],
      mediaPath: null,
      viewCount: 0,
      createdAt: serverNow,
      updatedAt: serverNow,
    };
    note(path, await createIfMissing(db, path, resourceSchema, data));
  }
  return report;
}

async function main(): Promise<void> {
  const projectId = process.env.GCLOUD_PROJECT ?? 'demo-manmitra';
  if (!projectId.startsWith('demo-')) throw new Error(`refusing to seed project "${projectId}": only demo- projects (the emulators) are seeded`);
  if (!process.env.FIRESTORE_EMULATOR_HOST || !process.env.FIREBASE_AUTH_EMULATOR_HOST) {
    throw new Error('FIRESTORE_EMULATOR_HOST and FIREBASE_AUTH_EMULATOR_HOST must point at the emulators');
  }
  const app = initializeApp({ projectId }, 'seed');
  const db = getFirestore(app);
  const report = await seed({ db, auth: getAuth(app), now: Date.now() });
  await db.terminate();
  if (process.argv.includes('--json')) {
    process.stdout.write(`${JSON.stringify(report)}\n`);
  } else {
    process.stdout.write(`seed: ${report.created.length} created, ${report.kept.length} already there (org ${report.orgId})\n`);
    for (const a of report.accounts) process.stdout.write(`  ${a.role.padEnd(10)} ${a.email}  password ${a.password}\n`);
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`seed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
