// `npm run test:emulators`: the emulator tests, inside `firebase emulators:exec --only auth,functions`,
// with the project's own offline Firestore emulator beside them.
import { join } from 'node:path';
import { FIREBASE_BIN, PROJECT, ROOT, emulatorEnv, hasOwnFirestoreEmulator, run, startFirestore, stopAll } from './lib/stack.mjs';

process.on('SIGINT', () => stopAll());
process.on('SIGTERM', () => stopAll());

async function main() {
  if (!hasOwnFirestoreEmulator()) throw new Error('the offline Firestore emulator is not built: run `npm run build` first');
  console.log('test:emulators: starting the offline Firestore emulator');
  await startFirestore();
  const env = emulatorEnv();
  const mocha = `npx mocha --config ${join('functions', '.mocharc.emulators.json')}`;
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
