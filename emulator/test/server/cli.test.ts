import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deleteApp, initializeApp } from 'firebase/app';
import { Timestamp } from 'firebase-admin/firestore';
import { connectFirestoreEmulator, doc, getFirestore, setDoc, setLogLevel, terminate } from 'firebase/firestore';
import { Queue, adminFor } from './support';

const CLI = join(__dirname, '..', '..', 'src', 'server', 'cli.ts');

interface Running {
  child: ChildProcess;
  lines: Queue<string>;
  port: number;
}

async function run(args: string[]): Promise<Running> {
  const child = spawn(process.execPath, ['--require', require.resolve('tsx/cjs'), CLI, '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const lines = new Queue<string>();
  let buffer = '';
  const onData = (chunk: Buffer): void => {
    buffer += chunk.toString('utf8');
    let nl: number;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      lines.push(buffer.slice(0, nl));
      buffer = buffer.slice(nl + 1);
    }
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  child.on('exit', (code) => lines.push(`<exit ${code ?? 'signal'}>`));
  const ready = await lines.until((l) => /ready on|<exit/.test(l));
  const port = Number(/ready on [^:]+:(\d+)/.exec(ready)?.[1]);
  assert.ok(port > 0, ready);
  return { child, lines, port };
}

function stop(r: Running): Promise<string> {
  r.child.kill('SIGTERM');
  return r.lines.until((l) => l.startsWith('<exit'));
}

describe('emulator CLI', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => {
    setLogLevel('silent');
    dir = mkdtempSync(join(tmpdir(), 'firestore-cli-'));
  });
  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints ready, exports on SIGTERM, exits 0, and imports the export on the next start', async () => {
    const data = join(dir, 'data');
    const first = await run(['--rules', join(dir, 'missing-ok.rules'), '--export-on-exit', data]).catch((err: unknown) => err);
    assert.ok(first instanceof Error, 'an explicit --rules file that does not exist is an error');

    const open = join(dir, 'open.rules');
    writeFileSync(open, "rules_version = '2'; service cloud.firestore { match /databases/{db}/documents { match /{d=**} { allow read, write: if true; } } }");
    const a = await run(['--rules', open, '--export-on-exit', data, '--project', 'demo-cli']);
    const h1 = adminFor(`127.0.0.1:${a.port}`, 'demo-cli');
    await h1.db.doc('keep/me').set({ n: 7, when: new Date(5000), tags: ['x'] });
    await h1.close();
    assert.equal(await stop(a), '<exit 0>');
    assert.match(readFileSync(join(data, 'firestore.json'), 'utf8'), /"keep\/me"/);

    const b = await run(['--rules', open, '--import', data]);
    const h2 = adminFor(`127.0.0.1:${b.port}`, 'demo-cli');
    const snap = await h2.db.doc('keep/me').get();
    assert.equal(snap.get('n'), 7);
    assert.deepEqual(snap.get('tags'), ['x']);
    const when: unknown = snap.get('when');
    assert.ok(when instanceof Timestamp && when.toMillis() === 5000);
    await h2.close();
    assert.equal(await stop(b), '<exit 0>');
  });

  it('stops promptly on SIGTERM and SIGINT, with or without clients and open listeners', async () => {
    const open = join(dir, 'stop.rules');
    writeFileSync(open, "rules_version = '2'; service cloud.firestore { match /databases/{db}/documents { match /{d=**} { allow read, write: if true; } } }");
    const idle = await run(['--rules', open]);
    let started = Date.now();
    assert.equal(await stop(idle), '<exit 0>');
    assert.ok(Date.now() - started < 1500, `stopped in ${Date.now() - started} ms`);

    const busy = await run(['--rules', open]);
    const client = adminFor(`127.0.0.1:${busy.port}`, 'demo-cli-stop');
    await client.db.doc('c/a').set({ a: 1 });
    const first = new Queue<number>();
    const unsubscribe = client.db.collection('c').onSnapshot(
      (snap) => first.push(snap.size),
      () => undefined,
    );
    assert.equal(await first.next(), 1);
    started = Date.now();
    busy.child.kill('SIGINT');
    assert.equal(await busy.lines.until((l) => l.startsWith('<exit')), '<exit 0>');
    assert.ok(Date.now() - started < 1500, `stopped in ${Date.now() - started} ms with a listener open`);
    unsubscribe();
    await client.close();
  });

  it('reloads the rules file when it changes and keeps the old rules on a syntax error', async () => {
    const file = join(dir, 'live.rules');
    const rules = (write: string): string => `rules_version = '2'; service cloud.firestore { match /databases/{db}/documents { match /{d=**} { allow read: if true; allow write: if ${write}; } } }`;
    writeFileSync(file, rules('true'));
    const r = await run(['--rules', file]);
    const app = initializeApp({ projectId: 'demo-cli-rules', apiKey: 'fake' }, `cli-${Date.now()}`);
    const db = getFirestore(app);
    connectFirestoreEmulator(db, '127.0.0.1', r.port);
    try {
      await setDoc(doc(db, 'c/1'), { a: 1 });
      writeFileSync(file, rules('false'));
      await r.lines.until((l) => l.includes('rules reloaded'));
      await assert.rejects(setDoc(doc(db, 'c/2'), { a: 1 }), (err: { code?: string }) => err.code === 'permission-denied');
      writeFileSync(file, 'service cloud.firestore { oops');
      assert.match(await r.lines.until((l) => l.includes('not loaded')), /previous rules kept/);
      await assert.rejects(setDoc(doc(db, 'c/3'), { a: 1 }), (err: { code?: string }) => err.code === 'permission-denied');
    } finally {
      await terminate(db);
      await deleteApp(app);
    }
    assert.equal(await stop(r), '<exit 0>');
  });
});
