// `npm run test:emulators`: the emulator tests (functions/test/emulators/**, harness in
// functions/test/support/stack.ts) inside `firebase emulators:exec --only auth,functions`, with a Firestore
// emulator beside them:
//   - by default the project's own offline Firestore emulator, started here on the configured port;
//   - when FIRESTORE_EMULATOR_HOST is already set, whatever runs there (nothing is started; e.g. Google's);
//   - with `--google`, Google's Firestore emulator started by firebase-tools (needs Java 21 and its jar).
// `npm run test:emulators -- test/emulators/x.test.ts` runs only the files named (paths relative to functions/).
import { join } from 'node:path';
import {
  FIREBASE_BIN,
  PROJECT,
  ROOT,
  emulatorEnv,
  ensureLocalSecrets,
  googleEmulatorProblems,
  hasOwnFirestoreEmulator,
  run,
  startFirestore,
  stopAll,
  waitForChildren,
} from './lib/stack.mjs';

async function stop(code) {
  stopAll('SIGINT');
  await waitForChildren(30_000);
  process.exit(code);
}
process.on('SIGINT', () => void stop(130));
process.on('SIGTERM', () => void stop(143));

async function main() {
  const args = process.argv.slice(2);
  const google = args.includes('--google');
  const specFiles = args.filter((a) => a !== '--google');
  const external = !google && Boolean(process.env.FIRESTORE_EMULATOR_HOST);
  if (google) {
    const problems = googleEmulatorProblems({ needPubsub: false });
    if (problems.length > 0) throw new Error(`Google's Firestore emulator cannot run here:\n  - ${problems.join('\n  - ')}`);
    console.log("test:emulators: against Google's Firestore emulator (started by firebase-tools)");
  } else if (external) {
    const host = process.env.FIRESTORE_EMULATOR_HOST;
    const answer = await fetch(`http://${host}/`, { signal: AbortSignal.timeout(5000) }).catch((err) => err);
    if (answer instanceof Error) {
      throw new Error(`FIRESTORE_EMULATOR_HOST=${host} is set but nothing answers there (${answer.message}); start that emulator, or unset the variable to use the offline one`);
    }
    console.log(`test:emulators: against the Firestore emulator already at FIRESTORE_EMULATOR_HOST=${host}`);
  } else {
    if (!hasOwnFirestoreEmulator()) throw new Error('the offline Firestore emulator is not built: run `npm run build` first');
    console.log('test:emulators: starting the offline Firestore emulator');
    await startFirestore();
  }
  ensureLocalSecrets();
  const env = emulatorEnv();
  if (google) delete env.FIRESTORE_EMULATOR_HOST;
  // mocha merges positional specs with a config's `spec`, so a run of chosen files names its options itself.
  const specs = specFiles.map((f) => `'${f.replace(/'/g, '')}'`).join(' ');
  const mocha = specs
    ? `npx mocha --no-config --require tsx/cjs --extension ts --reporter ../scripts/mocha-reporter.cjs --timeout 60000 --exit ${specs}`
    : `npx mocha --config ${join('functions', '.mocharc.emulators.json').replace('functions/', '')}`;
  const only = google ? 'auth,functions,firestore' : 'auth,functions';
  const code = await run(FIREBASE_BIN, ['emulators:exec', '--only', only, '--project', PROJECT, `cd functions && ${mocha}`], { env, cwd: ROOT });
  await stop(code);
}

main().catch((err) => {
  console.error(`test:emulators: ${err instanceof Error ? err.message : err}`);
  void stop(1);
});
