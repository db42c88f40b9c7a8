/**
 * `npm run rollup -- --from YYYY-MM-DD --to YYYY-MM-DD [--org ID] [--project ID] [--rebuild-ack]`: rolls up
 * (or re-rolls) `analytics/{orgId}/daily/{day}` for every day of the range, for one org or all, with the same
 * core as the nightly schedule, printing one progress line per org-day. `--rebuild-ack` first rebuilds each
 * day's acknowledgement histogram from its risk events (for days from before onRiskEventAcked was deployed).
 * Talks to whatever FIRESTORE_EMULATOR_HOST or application default credentials are set; a demo- project
 * without FIRESTORE_EMULATOR_HOST uses the local emulator on 127.0.0.1:8080.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { initializeApp } from 'firebase-admin/app';
import { getFirestore } from 'firebase-admin/firestore';
import { z } from 'zod';
import { parseRollupArgs, progressLine, ROLLUP_USAGE } from '../src/analytics/cli';
import { firestoreAnalyticsStore } from '../src/analytics/firestore-store';
import { backfill } from '../src/analytics/rollup';
import { daysFrom } from '../src/analytics/schedule';
import { DomainError } from '../src/platform/errors';

const ROOT = join(__dirname, '..', '..');

function defaultProject(): string {
  if (process.env.GCLOUD_PROJECT) return process.env.GCLOUD_PROJECT;
  const rc = z.object({ projects: z.object({ default: z.string() }) }).parse(JSON.parse(readFileSync(join(ROOT, '.firebaserc'), 'utf8')));
  return rc.projects.default;
}

async function main(): Promise<void> {
  const parsed = parseRollupArgs(process.argv.slice(2));
  if (!parsed.ok) {
    console.error(`rollup: ${parsed.message}\n${ROLLUP_USAGE}`);
    process.exit(2);
  }
  const { args } = parsed;
  const projectId = args.project ?? defaultProject();
  if (projectId.startsWith('demo-')) process.env.FIRESTORE_EMULATOR_HOST ??= '127.0.0.1:8080';
  const target = process.env.FIRESTORE_EMULATOR_HOST ? `emulator ${process.env.FIRESTORE_EMULATOR_HOST}` : 'application default credentials';
  console.log(`rollup: project ${projectId} (${target}), ${args.from} … ${args.to}, ${args.org ?? 'every org'}`);

  const app = initializeApp({ projectId });
  const db = getFirestore(app);
  const store = firestoreAnalyticsStore(db);
  const orgCount = args.org === undefined ? (await store.orgZones()).length : 1;
  const total = orgCount * daysFrom(args.from, args.to).length;
  let done = 0;
  const range = { from: args.from, to: args.to, orgId: args.org, rebuildAck: args['rebuild-ack'] === true };
  const result = await backfill({ store, now: () => Date.now() }, range, (p) => {
    done += 1;
    console.log(progressLine(p, done, total));
  });
  console.log(`rollup: ${String(result.written)} written, ${String(result.skipped)} skipped`);
  await db.terminate();
}

main().catch((err: unknown) => {
  if (err instanceof DomainError) console.error(`rollup: ${err.message}`);
  else console.error('rollup failed:', err instanceof Error ? err.message : err);
  process.exit(1);
});
