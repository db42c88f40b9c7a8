// `npm run test:emulators`: the emulator tests, inside `firebase emulators:exec --only auth,functions`,
// with the project's own offline Firestore emulator beside them.
// `npm run test:emulators -- test/emulators/x.test.ts` runs only the files named (paths relative to functions/).
import { join } from 'node:path';
import { FIREBASE_BIN, PROJECT, ROOT, emulatorEnv, hasOwnFirestoreEmulator, run, startFirestore, stopAll } from './lib/stack.mjs';

process.on('SIGINT', () => stopAll());
process.on('SIGTERM', () => stopAll());

async function main() {
  if (!hasOwnFirestoreEmulator()) throw new Error('the offline Firestore emulator is not built: run `npm run build` first');
  console.log('test:emulators: starting the offline Firestore emulator');
  await startFirestore();
  const env = emulatorEnv();
  // Extra arguments are spec files (relative to functions/) to run instead of the whole emulator suite.
  const specs = process.argv.slice(2).map((f) => `'${f.replace(/'/g, '')}'`).join(' ');
  // mocha merges positional specs with a config's `spec`, so a run of chosen files names its options itself.
  const mocha = specs
    ? `npx mocha --no-config --require tsx/cjs --extension ts --reporter ../scripts/mocha-reporter.cjs --timeout 60000 --exit ${specs}`
    : `npx mocha --config ${join('functions', '.mocharc.emulators.json')}`;
  const code = await run(
    FIREBASE_BIN,
    ['emulators:exec', '--only', 'auth,functions', '--project', PROJECT, `cd functions && ${mocha.replace('functions/', '')}`],
    { env, cwd: ROOT },
  );
  stopAll();
  process.exit(code);
}

main().catch((err) => {
  console.error(`test:emulators: ${err instanceof Error ? err.message : err}`);
  stopAll();
  process.exit(1);
});
