// `npm start`: the local stack. Builds the functions and the emulator, starts the project's offline Firestore
// emulator and firebase-tools' Auth and Functions emulators, loads the demo seed data, runs the scheduler that
// fires each scheduled function on its cron, prints what runs where, and stops it all on Ctrl-C.
// `npm run start:google` (`--google`): the same stack on Google's Firestore and Pub/Sub emulators (needs Java 21
// and their jars); exits with a clear message when they cannot run here.
import { join } from 'node:path';
import { startScheduler } from './lib/scheduler.mjs';
import {
  FIREBASE_BIN,
  HOST,
  PORTS,
  PROJECT,
  ROOT,
  TSX_BIN,
  capture,
  emulatorEnv,
  ensureLocalSecrets,
  googleEmulatorProblems,
  hasOwnFirestoreEmulator,
  run,
  startFirestore,
  startProcess,
  stopAll,
  waitForChildren,
  waitForExit,
} from './lib/stack.mjs';

const google = process.argv.includes('--google');
const name = google ? 'start:google' : 'start';
let stopping = false;
let scheduler;

async function shutdown(signal, code = 0) {
  if (stopping) return;
  stopping = true;
  console.log(`\n${name}: ${signal}, stopping the local stack…`);
  scheduler?.stop();
  stopAll('SIGINT');
  await waitForChildren(30_000);
  console.log(`${name}: stopped.`);
  process.exit(code);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

const TOTAL = 6;
let n = 0;
const step = (text) => console.log(`${name}: [${++n}/${TOTAL}] ${text}`);

function guide(seedReport, scheduled) {
  const accounts = seedReport
    ? seedReport.accounts.map((a) => `    ${a.role.padEnd(10)} ${a.email.padEnd(28)} password ${a.password}   (uid ${a.uid})`).join('\n')
    : '    (seeding failed: see above)';
  return `
ManMitra local stack is running (project ${PROJECT}):
  Auth emulator        http://${HOST}:${PORTS.auth}
  Functions emulator   http://${HOST}:${PORTS.functions}   (callables: http://${HOST}:${PORTS.functions}/${PROJECT}/asia-south1/<name>)
  Firestore            ${HOST}:${PORTS.firestore} (${google ? "Google's emulator" : 'the offline emulator'}, rules from firestore.rules)
${google ? `  Pub/Sub emulator     ${HOST}:${PORTS.pubsub}\n` : ''}  Scheduler            ${scheduled.length} scheduled functions fired on their cron (log lines start with [scheduler])
${scheduled.map((line) => `    ${line}`).join('\n')}

Seeded (org ${seedReport?.orgId ?? 'demo-org'}: Demo Institute of Technology, Pune, IN, Asia/Kolkata; two counselors with open slots
over the next days; resources in English/Hindi/Nepali; helplines in config/app):
${accounts}

Try it:
  - Point a client at the emulators: connectAuthEmulator(auth, 'http://${HOST}:${PORTS.auth}'),
    connectFirestoreEmulator(db, '${HOST}', ${PORTS.firestore}), connectFunctionsEmulator(functions, '${HOST}', ${PORTS.functions}).
  - Sign in anonymously: onUserCreated makes you a student of demo-org with a users/{uid} profile.
  - Sign in as staff with an email and password above (e.g. the counselor sees riskEvents of demo-org).
  - Read counselors/demo-counselor-asha/slots as a student: the open slots to book.
  - Fire a scheduled function now:  npm run schedule -- streakCheck   (npm run schedule lists them)
  - Make someone admin:             npm run grant-admin -- <uid> demo-org

Ctrl-C stops everything.`;
}

async function seed(env) {
  const result = await capture(TSX_BIN, [join(ROOT, 'functions', 'seed', 'seed.ts'), '--json'], { env });
  if (result.code !== 0) {
    console.error(`${name}: seeding failed (exit ${result.code}): ${result.stderr.trim() || result.stdout.trim()}`);
    return undefined;
  }
  const line = result.stdout.trim().split('\n').pop() ?? '';
  const report = JSON.parse(line);
  console.log(`${name}: seed: ${report.created.length} written, ${report.kept.length} already there`);
  return report;
}

async function main() {
  if (google) {
    const problems = googleEmulatorProblems();
    if (problems.length > 0) {
      console.error(`${name}: Google's emulators cannot run on this machine:\n${problems.map((p) => `  - ${p}`).join('\n')}\nUse \`npm start\` (the offline Firestore emulator) instead.`);
      process.exit(3);
    }
  }

  step('building the functions and the emulator (npm run build)…');
  const buildCode = await run('npm', ['run', '--silent', 'build']);
  if (stopping) return;
  if (buildCode !== 0) throw new Error(`build failed (exit ${buildCode})`);
  if (!google && !hasOwnFirestoreEmulator()) throw new Error('the offline Firestore emulator was not built (emulator/lib/server/cli.js is missing)');

  const added = ensureLocalSecrets();
  if (added.length > 0) console.log(`${name}: wrote offline values for ${added.join(', ')} to functions/.secret.local (gitignored)`);

  const env = emulatorEnv({ FIRESTORE_EMULATOR_HOST: `${HOST}:${PORTS.firestore}` });
  if (google) {
    step(`starting Google's Firestore (${PORTS.firestore}) and Pub/Sub (${PORTS.pubsub}) emulators with Auth and Functions…`);
  } else {
    step(`starting the offline Firestore emulator on ${HOST}:${PORTS.firestore}…`);
    await startFirestore({ echo: true });
    if (stopping) return;
  }

  step(`starting the Auth (${PORTS.auth}) and Functions (${PORTS.functions}) emulators (firebase-tools)…`);
  const only = google ? 'auth,functions,firestore,pubsub' : 'auth,functions';
  // With Google's Firestore emulator, firebase-tools starts it and tells the functions where it is itself.
  const firebaseEnv = { ...env };
  if (google) delete firebaseEnv.FIRESTORE_EMULATOR_HOST;
  const firebase = await startProcess('firebase', FIREBASE_BIN, ['emulators:start', '--only', only, '--project', PROJECT], {
    ready: /All emulators ready/,
    env: firebaseEnv,
    echo: true,
    timeoutMs: 240_000,
  });
  if (stopping) return;

  step('loading the seed data…');
  const report = await seed(env);
  if (stopping) return;

  step('starting the scheduler…');
  scheduler = await startScheduler({
    functionsHost: `${HOST}:${PORTS.functions}`,
    project: PROJECT,
    log: (line) => console.log(`[scheduler] ${line}`),
  });

  step('ready.');
  console.log(guide(report, scheduler.describe()));
  const code = await waitForExit(firebase);
  if (!stopping) {
    console.error(`${name}: the firebase emulators exited (${code}); stopping the rest.`);
    await shutdown('emulators exited', code || 1);
  }
}

main().catch((err) => {
  console.error(`${name}: ${err instanceof Error ? err.message : err}`);
  void shutdown('error', 1);
});
