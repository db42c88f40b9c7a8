/**
 * `npm run rotate-key -- [--dry-run] [--restart] [--page N] [--project ID]`: re-encrypts every encrypted
 * field (contact details, chat summaries, risk excerpts) that is under an older key with the current key,
 * the first one of FIELD_ENCRYPTION_KEY (`newId:base64,oldId:base64`; see functions/src/privacy/README.md).
 * Progress is recorded in `keyRotations/{kid}`: an interrupted run continues where it stopped (--restart
 * sweeps from the start). --dry-run counts what would change and writes nothing. Without --project (or with
 * a demo- project) it talks to the local Firestore emulator; otherwise application default credentials.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { initializeApp } from 'firebase-admin/app';
import { getFirestore } from 'firebase-admin/firestore';
import { z } from 'zod';
import { buildConfig } from '../src/platform/config';
import { DomainError } from '../src/platform/errors';
import { rotateKeys } from '../src/privacy/rotation';

const ROOT = join(__dirname, '..', '..');

function usage(message: string): never {
  console.error(`${message}\nusage: npm run rotate-key -- [--dry-run] [--restart] [--page <n>] [--project <projectId>]`);
  process.exit(2);
}

function valueOf(args: string[], flag: string): string | undefined {
  const i = args.indexOf(flag);
  if (i < 0) return undefined;
  const value = args[i + 1];
  if (!value || value.startsWith('--')) usage(`${flag} needs a value`);
  return value;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const known = new Set(['--dry-run', '--restart', '--page', '--project']);
  for (const [i, a] of args.entries()) {
    const previous = args[i - 1];
    if (a.startsWith('--') && !known.has(a)) usage(`unknown option ${a}`);
    if (!a.startsWith('--') && previous !== '--page' && previous !== '--project') usage(`unexpected argument ${a}`);
  }
  const page = z.coerce.number().int().min(1).max(500).safeParse(valueOf(args, '--page') ?? '100');
  if (!page.success) usage('--page must be an integer 1–500');
  const rc = z.object({ projects: z.object({ default: z.string() }) }).parse(JSON.parse(readFileSync(join(ROOT, '.firebaserc'), 'utf8')));
  const projectId = valueOf(args, '--project') ?? rc.projects.default;
  const local = projectId.startsWith('demo-');
  if (local) process.env.FIRESTORE_EMULATOR_HOST ??= '127.0.0.1:8080';

  const config = buildConfig({ projectId, emulator: local, fieldEncryptionKey: process.env.FIELD_ENCRYPTION_KEY });
  const ring = config.encryption;
  if (ring.keys.length === 0) usage('FIELD_ENCRYPTION_KEY is not set (keyId:base64[,keyId:base64…], current key first)');
  const dryRun = args.includes('--dry-run');
  console.log(`rotate-key: project ${projectId}${local ? ` (emulator ${process.env.FIRESTORE_EMULATOR_HOST})` : ''}; current key ${ring.keys[0]?.id}; ring ${ring.keys.map((k) => k.id).join(', ')}${dryRun ? '; DRY RUN' : ''}`);

  const app = initializeApp({ projectId });
  const db = getFirestore(app);
  const result = await rotateKeys(db, ring, {
    dryRun,
    restart: args.includes('--restart'),
    pageSize: page.data,
    onPage: (p, t) => console.log(`rotate-key: ${t.key}: scanned ${p.scanned}, ${dryRun ? 'would rotate' : 'rotated'} ${p.rotated}, failed ${p.failed}`),
  });
  console.log(`rotate-key: ${result.done ? 'done' : 'stopped'}: scanned ${result.scanned} documents, ${dryRun ? 'would rotate' : 'rotated'} ${result.rotated} fields, ${result.failed} could not be decrypted (their key is not in the ring).`);
  await db.terminate();
  if (result.failed > 0) process.exitCode = 1;
}

main().catch((err: unknown) => {
  console.error(`rotate-key: ${err instanceof DomainError ? err.message : err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
