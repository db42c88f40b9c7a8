// The local stack's moving parts, shared by `npm start` and the emulator test run.
// Starts child processes, waits for their ready lines (no fixed sleeps), and stops them all on exit.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const firebaseJson = JSON.parse(readFileSync(join(ROOT, 'firebase.json'), 'utf8'));
const firebaserc = JSON.parse(readFileSync(join(ROOT, '.firebaserc'), 'utf8'));

export const PROJECT = process.env.MANMITRA_PROJECT || firebaserc.projects.default;
export const PORTS = {
  auth: firebaseJson.emulators.auth.port,
  functions: firebaseJson.emulators.functions.port,
  firestore: firebaseJson.emulators.firestore.port,
};
export const HOST = '127.0.0.1';
export const FIREBASE_BIN = join(ROOT, 'node_modules', '.bin', 'firebase');
export const FIRESTORE_EMULATOR = join(ROOT, 'emulator', 'lib', 'server', 'cli.js');

export function emulatorEnv(extra = {}) {
  return {
    ...process.env,
    FIREBASE_AUTH_EMULATOR_HOST: `${HOST}:${PORTS.auth}`,
    FIRESTORE_EMULATOR_HOST: `${HOST}:${PORTS.firestore}`,
    GCLOUD_PROJECT: PROJECT,
    // firebase-tools must never try to reach the network for updates or usage reporting.
    FIREBASE_CLI_DISABLE_UPDATE_CHECK: 'true',
    NO_UPDATE_NOTIFIER: '1',
    ...extra,
  };
}

const children = new Set();

/**
 * Starts a child process and resolves once a line of its output matches `ready`.
 * Rejects if the process exits first or the timeout passes; its output is echoed with a prefix when `echo`.
 */
export function startProcess(name, command, args, { ready, env = process.env, timeoutMs = 120_000, echo = false, cwd = ROOT } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: false });
    children.add(child);
    let settled = false;
    let tail = '';
    const timer = setTimeout(() => fail(new Error(`${name} did not become ready within ${timeoutMs / 1000}s`)), timeoutMs);
    const onData = (chunk) => {
      const text = chunk.toString();
      tail = (tail + text).slice(-4000);
      if (echo) for (const line of text.split('\n')) if (line.trim()) process.stdout.write(`[${name}] ${line}\n`);
      if (!settled && ready.test(tail)) {
        settled = true;
        clearTimeout(timer);
        resolve(child);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code, signal) => {
      children.delete(child);
      fail(new Error(`${name} exited (${signal ?? code}) before it was ready. Last output:\n${tail}`));
    });
    function fail(err) {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      reject(err);
    }
  });
}

/** Runs a command to completion, inheriting stdio; resolves with its exit code. */
export function run(command, args, { env = process.env, cwd = ROOT } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env, stdio: 'inherit' });
    children.add(child);
    child.on('exit', (code, signal) => {
      children.delete(child);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

export function stopAll(signal = 'SIGTERM') {
  for (const child of children) {
    if (child.exitCode === null) child.kill(signal);
  }
}

export function waitForExit(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.on('exit', (code) => resolve(code ?? 0));
  });
}

export function hasOwnFirestoreEmulator() {
  return existsSync(FIRESTORE_EMULATOR);
}

/** Starts the project's offline Firestore emulator on the configured port. */
export function startFirestore({ echo = false } = {}) {
  return startProcess(
    'firestore',
    process.execPath,
    [FIRESTORE_EMULATOR, '--host', HOST, '--port', String(PORTS.firestore), '--project', PROJECT, '--rules', join(ROOT, 'firestore.rules'), ...(process.env.MANMITRA_FUNCTIONS_URL === 'off' ? [] : ['--functions', `${HOST}:${PORTS.functions}`])],
    { ready: /ready/i, env: emulatorEnv(), echo, timeoutMs: 30_000 },
  );
}
