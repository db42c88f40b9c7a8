/**
 * `npm run grant-admin -- <uid> <orgId> [--project ID]`: makes an existing account the admin of an org.
 * Without --project (or with a demo- project) it talks to the local emulators; with a real project id it
 * uses application default credentials.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { initializeApp } from 'firebase-admin/app';
import { getAuth } from 'firebase-admin/auth';
import { getFirestore } from 'firebase-admin/firestore';
import { z } from 'zod';
import { bootstrapAdmin } from '../src/identity/handlers';
import { firestoreIdentityStore } from '../src/identity/repository';
import { DomainError } from '../src/platform/errors';
import { orgIdSchema, uidSchema } from '../src/model/schemas';

const ROOT = join(__dirname, '..', '..');

function usage(message: string): never {
  console.error(`${message}\nusage: npm run grant-admin -- <uid> <orgId> [--project <projectId>]`);
  process.exit(2);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const projectFlag = args.indexOf('--project');
  const explicitProject = projectFlag >= 0 ? args[projectFlag + 1] : undefined;
  if (projectFlag >= 0 && !explicitProject) usage('--project needs a value');
  const positional = args.filter((_, i) => projectFlag < 0 || (i !== projectFlag && i !== projectFlag + 1));
  if (positional.length !== 2) usage('expected a uid and an orgId');
  const uid = uidSchema.safeParse(positional[0]);
  const orgId = orgIdSchema.safeParse(positional[1]);
  if (!uid.success) usage(`not a valid uid: ${positional[0]}`);
  if (!orgId.success) usage(`not a valid orgId (letters, digits, _ or -): ${positional[1]}`);

  const rc = z.object({ projects: z.object({ default: z.string() }) }).parse(JSON.parse(readFileSync(join(ROOT, '.firebaserc'), 'utf8')));
  const projectId = explicitProject ?? rc.projects.default;
  const local = projectId.startsWith('demo-');
  if (local) {
    process.env.FIREBASE_AUTH_EMULATOR_HOST ??= '127.0.0.1:9099';
    process.env.FIRESTORE_EMULATOR_HOST ??= '127.0.0.1:8080';
  }
  console.log(`grant-admin: project ${projectId} (${local ? `emulators: auth ${process.env.FIREBASE_AUTH_EMULATOR_HOST}, firestore ${process.env.FIRESTORE_EMULATOR_HOST}` : 'application default credentials'})`);

  const app = initializeApp({ projectId });
  const db = getFirestore(app);
  const result = await bootstrapAdmin({ auth: getAuth(app), store: firestoreIdentityStore(db), defaultOrgId: () => orgId.data }, uid.data, orgId.data);
  console.log(`grant-admin: ${result.uid} is now admin of ${result.orgId} (was ${result.previousRole ?? 'no role'}); their refresh tokens were revoked, so they sign in again or refresh their token.`);
  await db.terminate();
}

main().catch((err: unknown) => {
  if (err instanceof DomainError) console.error(`grant-admin: ${err.message}`);
  else console.error('grant-admin failed:', err instanceof Error ? err.message : err);
  process.exit(1);
});
