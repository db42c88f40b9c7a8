/**
 * Mocha root hooks of the rules suite (functions/.mocharc.rules.json): once per run, start the project's
 * offline Firestore emulator (emulator/lib/server/cli.js on a free port, or use the one named by
 * RULES_EMULATOR_HOST, as `npm run rules:coverage` does), load firestore.rules into it through
 * `@firebase/rules-unit-testing`, and stop everything after the last test. Prints the replay summary
 * (cases run, cases pending and why) at the end.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { initializeTestEnvironment } from '@firebase/rules-unit-testing';
import { setLogLevel } from 'firebase/firestore';
import { closeRulesEnv, openRulesEnv, PROJECT_ID, ROOT } from './env';
import { replaySummary } from './replay';

const CLI = join(ROOT, 'emulator', 'lib', 'server', 'cli.js');
const READY = /ready on (\S+):(\d+)/;

interface Started {
  readonly host: string;
  readonly port: number;
  readonly child?: ChildProcess;
}

function startEmulator(): Promise<Started> {
  const given = process.env.RULES_EMULATOR_HOST;
  if (given) {
    const m = /^(.+):(\d+)$/.exec(given);
    if (!m?.[1] || !m[2]) throw new Error(`RULES_EMULATOR_HOST must be host:port, got ${given}`);
    return Promise.resolve({ host: m[1], port: Number(m[2]) });
  }
  if (!existsSync(CLI)) throw new Error('the offline Firestore emulator is not built: run `npm run build -w emulator` first');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, '--host', '127.0.0.1', '--port', '0', '--project', PROJECT_ID, '--rules', join(ROOT, 'firestore.rules')], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let tail = '';
    const onData = (chunk: Buffer): void => {
      tail = (tail + chunk.toString()).slice(-4000);
      const m = READY.exec(tail);
      if (m?.[1] && m[2]) {
        child.stdout.off('data', onData);
        child.stderr.off('data', onData);
        child.off('exit', onExit);
        resolve({ host: m[1], port: Number(m[2]), child });
      }
    };
    const onExit = (code: number | null): void => reject(new Error(`the Firestore emulator exited (${code}) before it was ready:\n${tail}`));
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', onExit);
  });
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

let started: Started | undefined;

export const mochaHooks = {
  async beforeAll(this: Mocha.Context): Promise<void> {
    this.timeout(60_000);
    setLogLevel('silent');
    started = await startEmulator();
    const env = await initializeTestEnvironment({
      projectId: PROJECT_ID,
      firestore: { host: started.host, port: started.port, rules: readFileSync(join(ROOT, 'firestore.rules'), 'utf8') },
    });
    openRulesEnv(env, `${started.host}:${started.port}`);
  },
  async afterAll(this: Mocha.Context): Promise<void> {
    this.timeout(60_000);
    await closeRulesEnv();
    if (started?.child) await stopProcess(started.child);
    process.stdout.write(replaySummary());
  },
};
