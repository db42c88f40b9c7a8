// The local stack's moving parts, shared by `npm start`, `npm run start:google`, `npm run schedule` and the
// emulator test run. Starts child processes, waits for their ready lines (no fixed sleeps), and stops them all
// on exit. Children run in their own process group, so a terminal's Ctrl-C reaches them once, from here.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
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
  pubsub: firebaseJson.emulators.pubsub?.port ?? 8085,
};
export const HOST = '127.0.0.1';
export const FIREBASE_BIN = join(ROOT, 'node_modules', '.bin', 'firebase');
export const FIRESTORE_EMULATOR = join(ROOT, 'emulator', 'lib', 'server', 'cli.js');
export const TSX_BIN = join(ROOT, 'node_modules', '.bin', 'tsx');
export const SECRET_FILE = join(ROOT, 'functions', '.secret.local');

/**
 * The environment every piece of the stack shares. An existing FIRESTORE_EMULATOR_HOST is kept (the tests then
 * run against that emulator, e.g. Google's); otherwise it points at the configured port.
 */
export function emulatorEnv(extra = {}) {
  return {
    ...process.env,
    FIREBASE_AUTH_EMULATOR_HOST: `${HOST}:${PORTS.auth}`,
    FIRESTORE_EMULATOR_HOST: process.env.FIRESTORE_EMULATOR_HOST || `${HOST}:${PORTS.firestore}`,
    FUNCTIONS_EMULATOR_HOST: `${HOST}:${PORTS.functions}`,
    GCLOUD_PROJECT: PROJECT,
    // firebase-tools must never try to reach the network for updates or usage reporting.
    FIREBASE_CLI_DISABLE_UPDATE_CHECK: 'true',
    NO_UPDATE_NOTIFIER: '1',
    // Loading the codebase in a Functions emulator worker can take longer than the 30 s default on a busy machine.
    FUNCTIONS_DISCOVERY_TIMEOUT: process.env.FUNCTIONS_DISCOVERY_TIMEOUT || '120',
    ...extra,
  };
}

/** The secrets functions bind, with the offline value each gets in the emulators. */
export const LOCAL_SECRET_NAMES = ['GEMINI_API_KEY', 'TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN', 'SENDGRID_API_KEY', 'FIELD_ENCRYPTION_KEY'];

/**
 * Writes functions/.secret.local (gitignored) when it is missing or lacks a secret, so the Functions emulator
 * finds every bound secret locally instead of asking Secret Manager (which fails offline, slowly, on every cold
 * start). Providers stay offline in the emulators whatever the placeholder says; FIELD_ENCRYPTION_KEY is a
 * random local key, generated once and kept, so data encrypted in one session decrypts in the next.
 * Returns the names it added.
 */
export function ensureLocalSecrets(file = SECRET_FILE) {
  const existing = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const present = new Set(
    existing
      .split('\n')
      .map((line) => /^\s*([A-Z0-9_]+)\s*=\s*(\S.*)$/.exec(line))
      .filter(Boolean)
      .map((m) => m[1]),
  );
  const missing = LOCAL_SECRET_NAMES.filter((name) => !present.has(name));
  if (missing.length === 0) return [];
  const lines = missing.map((name) =>
    name === 'FIELD_ENCRYPTION_KEY' ? `${name}=local:${randomBytes(32).toString('base64')}` : `${name}=offline-emulator-placeholder`,
  );
  const header = existing ? '' : '# Local values for the Functions emulator (written by scripts/lib/stack.mjs; never deployed, never committed).\n';
  writeFileSync(file, `${existing}${existing && !existing.endsWith('\n') ? '\n' : ''}${header}${lines.join('\n')}\n`, { mode: 0o600 });
  return missing;
}

const children = new Set();

function echoLines(name, text) {
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    process.stdout.write(line.startsWith(`[${name}]`) ? `${line}\n` : `[${name}] ${line}\n`);
  }
}

/**
 * Starts a child process and resolves once a line of its output matches `ready`.
 * Rejects if the process exits first or the timeout passes; its output is echoed with a prefix when `echo`
 * (and keeps being echoed afterwards).
 */
export function startProcess(name, command, args, { ready, env = process.env, timeoutMs = 120_000, echo = false, cwd = ROOT } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    children.add(child);
    let settled = false;
    let tail = '';
    const timer = setTimeout(() => fail(new Error(`${name} did not become ready within ${timeoutMs / 1000}s`)), timeoutMs);
    const onData = (chunk) => {
      const text = chunk.toString();
      tail = (tail + text).slice(-4000);
      if (echo) echoLines(name, text);
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
    const child = spawn(command, args, { cwd, env, stdio: 'inherit', detached: true });
    children.add(child);
    child.on('exit', (code, signal) => {
      children.delete(child);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

/** Runs a command to completion, capturing its output; resolves with { code, stdout, stderr }. */
export function capture(command, args, { env = process.env, cwd = ROOT } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    children.add(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('exit', (code, signal) => {
      children.delete(child);
      resolve({ code: code ?? (signal ? 1 : 0), stdout, stderr });
    });
  });
}

/**
 * Signals every child still running. A graceful signal goes to the child itself (firebase-tools then stops its
 * own workers); SIGKILL goes to the child's whole process group, so nothing it started outlives it.
 */
export function stopAll(signal = 'SIGTERM') {
  for (const child of children) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    try {
      if (signal === 'SIGKILL') process.kill(-child.pid, signal);
      else child.kill(signal);
    } catch {
      child.kill(signal);
    }
  }
}

/** Resolves once every child has exited, or after `timeoutMs` (then kills what is left). */
export async function waitForChildren(timeoutMs = 30_000) {
  const pending = [...children].filter((c) => c.exitCode === null && c.signalCode === null);
  const exited = Promise.all(pending.map((c) => new Promise((r) => c.once('exit', r))));
  let timer;
  const timeout = new Promise((r) => (timer = setTimeout(() => r('timeout'), timeoutMs)));
  const outcome = await Promise.race([exited, timeout]);
  clearTimeout(timer);
  if (outcome === 'timeout') stopAll('SIGKILL');
}

export function waitForExit(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else if (child.signalCode !== null) resolve(1);
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
    { ready: /ready/i, env: emulatorEnv({ FIRESTORE_EMULATOR_HOST: `${HOST}:${PORTS.firestore}` }), echo, timeoutMs: 30_000 },
  );
}

/** Pure: the major version in `java -version` output (`openjdk version "17.0.15"` → 17; `"1.8.0"` → 8). */
export function javaMajor(versionText) {
  const m = /version "(\d+)(?:\.(\d+))?/.exec(versionText);
  if (!m) return undefined;
  return m[1] === '1' && m[2] ? Number(m[2]) : Number(m[1]);
}

/**
 * What keeps Google's emulators (Firestore, Pub/Sub) from running here, as readable reasons; empty when
 * they can run: Java 21 or newer on the PATH, and the emulator jars in firebase-tools' cache.
 */
export function googleEmulatorProblems({ needPubsub = true } = {}) {
  const problems = [];
  const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (java.error) problems.push('Java is not installed (Google\'s Firestore emulator needs Java 21 or newer).');
  else {
    const major = javaMajor(`${java.stderr}${java.stdout}`);
    if (major === undefined || major < 21) problems.push(`Java ${major ?? '(unknown version)'} found; Google's Firestore emulator needs Java 21 or newer.`);
  }
  const cache = process.env.FIREBASE_EMULATORS_PATH || join(homedir(), '.cache', 'firebase', 'emulators');
  const files = existsSync(cache) ? readdirSync(cache) : [];
  if (!files.some((f) => /^cloud-firestore-emulator-v[\d.]+\.jar$/.test(f))) {
    problems.push(`the Firestore emulator jar is not in ${cache} (\`npx firebase setup:emulators:firestore\` downloads it; needs the internet).`);
  }
  if (needPubsub && !files.some((f) => /^pubsub-emulator-[\d.]+(\.zip)?$/.test(f))) {
    problems.push(`the Pub/Sub emulator is not in ${cache} (\`npx firebase setup:emulators:pubsub\` downloads it; needs the internet).`);
  }
  return problems;
}
