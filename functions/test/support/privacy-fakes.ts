/**
 * Test support for the privacy functions: the project's offline Firestore emulator started from source
 * on a free port, a fake Auth that records deletions, a controllable clock, and deps bound to them with a
 * temp-dir export storage.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Firestore } from 'firebase-admin/firestore';
import type { KeyRing } from '../../src/platform/crypto';
import type { AuthAccount, PrivacyAuth, PrivacyDeps } from '../../src/privacy/deps';
import { buildPrivacySettings, type PrivacySettings } from '../../src/privacy/settings';
import { localStorage, type ExportStorage } from '../../src/privacy/storage';

const ROOT = join(__dirname, '..', '..', '..');
const READY = /ready on (\S+):(\d+)/;

/** Starts the offline Firestore emulator (TypeScript source) on a free port; resolves with its address. */
export function startOfflineFirestore(label: string): Promise<{ child: ChildProcess; address: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', require.resolve('tsx/cjs'), join(ROOT, 'emulator', 'src', 'server', 'cli.ts'), '--host', '127.0.0.1', '--port', '0'], {
      cwd: mkdtempSync(join(tmpdir(), `${label}-`)),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let tail = '';
    const onData = (chunk: Buffer) => {
      tail = (tail + chunk.toString()).slice(-4000);
      const m = READY.exec(tail);
      if (m?.[1] && m[2]) resolve({ child, address: `${m[1]}:${m[2]}` });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`emulator exited (${String(code)}): ${tail}`)));
  });
}

export async function stopOfflineFirestore(child: ChildProcess): Promise<void> {
  child.kill('SIGTERM');
  if (child.exitCode === null) await new Promise((r) => child.once('exit', r));
}

/**
 * The offline Firestore emulator for one test file, with the admin SDK pointed at it: sets
 * FIRESTORE_EMULATOR_HOST (and turns metadata-server detection off); `stop()` puts both back and stops it.
 */
export async function pointAdminAtOfflineFirestore(label: string): Promise<{ address: string; stop: () => Promise<void> }> {
  const started = await startOfflineFirestore(label);
  const previous = { FIRESTORE_EMULATOR_HOST: process.env.FIRESTORE_EMULATOR_HOST, METADATA_SERVER_DETECTION: process.env.METADATA_SERVER_DETECTION };
  process.env.FIRESTORE_EMULATOR_HOST = started.address;
  process.env.METADATA_SERVER_DETECTION = 'none';
  return {
    address: started.address,
    stop: async () => {
      for (const [name, value] of Object.entries(previous)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
      await stopOfflineFirestore(started.child);
    },
  };
}

/** Auth accounts by uid; `deleteUser` removes and records, a missing user is not an error (like the live adapter). */
export class FakePrivacyAuth implements PrivacyAuth {
  readonly accounts = new Map<string, AuthAccount>();
  readonly deleted: string[] = [];

  add(account: AuthAccount): void {
    this.accounts.set(account.uid, account);
  }

  async deleteUser(uid: string): Promise<void> {
    this.deleted.push(uid);
    this.accounts.delete(uid);
  }

  async getUsers(uids: readonly string[]): Promise<AuthAccount[]> {
    return uids.flatMap((uid) => this.accounts.get(uid) ?? []);
  }
}

export class Clock {
  constructor(public now: number) {}
  advance(ms: number): void {
    this.now += ms;
  }
}

export const PRIVACY_RING: KeyRing = { keys: [{ id: 'k1', key: Buffer.alloc(32, 11) }] };

export interface PrivacyFixture {
  deps: PrivacyDeps;
  auth: FakePrivacyAuth;
  clock: Clock;
  storage: ExportStorage;
  storageRoot: string;
}

export function privacyFixture(
  db: Firestore,
  options: { now: number; ring?: KeyRing; settings?: Partial<PrivacySettings>; storage?: (root: string) => ExportStorage } = { now: Date.UTC(2025, 4, 5, 6, 30) },
): PrivacyFixture {
  const clock = new Clock(options.now);
  const auth = new FakePrivacyAuth();
  const storageRoot = mkdtempSync(join(tmpdir(), 'privacy-storage-'));
  const storage = options.storage ? options.storage(storageRoot) : localStorage(storageRoot);
  const settings = buildPrivacySettings(options.settings ?? {});
  let ids = 0;
  const deps: PrivacyDeps = {
    db: () => db,
    auth,
    storage,
    keyRing: () => options.ring ?? PRIVACY_RING,
    settings: () => settings,
    now: () => clock.now,
    newId: () => `exp-${String(++ids)}`,
  };
  return { deps, auth, clock, storage, storageRoot };
}
