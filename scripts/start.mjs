// `npm start`: the local stack. Builds the functions, starts the project's offline Firestore emulator (when
// built) and firebase-tools' Auth and Functions emulators, prints what runs where, and stops it all on Ctrl-C.
import { FIREBASE_BIN, HOST, PORTS, PROJECT, emulatorEnv, hasOwnFirestoreEmulator, run, startFirestore, startProcess, stopAll, waitForExit } from './lib/stack.mjs';

let stopping = false;
function shutdown(signal) {
  if (stopping) return;
  stopping = true;
  console.log(`\nstart: ${signal}, stopping the local stack…`);
  stopAll('SIGINT');
}
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));

const step = (n, total, text) => console.log(`start: [${n}/${total}] ${text}`);

async function main() {
  const withFirestore = hasOwnFirestoreEmulator();
  const total = withFirestore ? 3 : 2;
  let n = 0;

  step(++n, total, 'building the functions and the emulator (npm run build)…');
  const buildCode = await run('npm', ['run', '--silent', 'build']);
  if (buildCode !== 0) throw new Error(`build failed (exit ${buildCode})`);

  if (withFirestore) {
    step(++n, total, `starting the offline Firestore emulator on ${HOST}:${PORTS.firestore}…`);
    await startFirestore({ echo: true });
  }

  step(++n, total, `starting the Auth (${PORTS.auth}) and Functions (${PORTS.functions}) emulators…`);
  const env = emulatorEnv();
  if (!withFirestore) delete env.FIRESTORE_EMULATOR_HOST;
  const firebase = await startProcess(
    'firebase',
    FIREBASE_BIN,
    ['emulators:start', '--only', 'auth,functions', '--project', PROJECT],
    { ready: /All emulators ready/, env, echo: true, timeoutMs: 180_000 },
  );

  console.log(`
ManMitra local stack is running (project ${PROJECT}):
  Auth emulator        http://${HOST}:${PORTS.auth}
  Functions emulator   http://${HOST}:${PORTS.functions}   (callables: http://${HOST}:${PORTS.functions}/${PROJECT}/asia-south1/<name>)
  Firestore            ${withFirestore ? `${HOST}:${PORTS.firestore} (offline emulator, rules from firestore.rules)` : 'not running: the offline Firestore emulator is not built yet'}

Try it:
  - Point a client at the emulators: connectAuthEmulator(auth, 'http://${HOST}:${PORTS.auth}'),
    connectFunctionsEmulator(functions, '${HOST}', ${PORTS.functions})${withFirestore ? `, connectFirestoreEmulator(db, '${HOST}', ${PORTS.firestore})` : ''}.
  - Sign in anonymously: the onUserCreated trigger gives the account {role: "student", orgId: "demo-org"}.
  - Make someone admin:  npm run grant-admin -- <uid> demo-org

Ctrl-C stops everything.`);
  const code = await waitForExit(firebase);
  stopAll('SIGINT');
  process.exit(stopping ? 0 : code);
}

main().catch((err) => {
  console.error(`start: ${err instanceof Error ? err.message : err}`);
  stopAll('SIGINT');
  process.exit(1);
});
