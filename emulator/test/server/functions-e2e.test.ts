import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { QuerySnapshot } from 'firebase-admin/firestore';
import { TriggerDispatcher } from '../../src/server/delivery';
import { Backend } from '../../src/server/backend';
import { type AdminHarness, Queue, startWithAdmin } from './support';

/** The node_modules holding firebase-functions and firebase-tools (the workspace root's). */
function findNodeModules(): string {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'node_modules', 'firebase-functions', 'package.json'))) return join(dir, 'node_modules');
  }
  throw new Error('firebase-functions is not installed');
}

const NODE_MODULES = findNodeModules();
const FIREBASE = join(NODE_MODULES, '.bin', 'firebase');

const CODEBASE = `
const { onDocumentWritten, onDocumentCreated } = require('firebase-functions/v2/firestore');
const admin = require('firebase-admin');
admin.initializeApp();
exports.onEntry = onDocumentWritten({ document: 'users/{uid}/entries/{entryId}', region: 'asia-south1' }, async (event) => {
  await admin.firestore().collection('results').add({
    uid: event.params.uid,
    entryId: event.params.entryId,
    before: event.data.before.exists ? event.data.before.data() : null,
    after: event.data.after.exists ? event.data.after.data() : null,
    type: event.type,
  });
});
exports.onItem = onDocumentCreated('items/{id}', async (event) => {
  await admin.firestore().doc('itemResults/' + event.params.id).set({ name: event.data.get('name'), created: event.data.createTime });
});
`;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      s.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

describe('triggers end to end with firebase-tools Functions emulator', function () {
  this.timeout(90_000);
  let dir: string;
  let functions: ChildProcess | undefined;
  let h: AdminHarness;
  let dispatcher: TriggerDispatcher;
  const logs: string[] = [];

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'functions-e2e-'));
    mkdirSync(join(dir, 'fn'));
    symlinkSync(NODE_MODULES, join(dir, 'fn', 'node_modules'));
    writeFileSync(join(dir, 'fn', 'package.json'), JSON.stringify({ name: 'fn', main: 'index.js', engines: { node: '20' } }));
    writeFileSync(join(dir, 'fn', 'index.js'), CODEBASE);
    const [fnPort, hub, logging, eventarc, tasks] = await Promise.all([freePort(), freePort(), freePort(), freePort(), freePort()]);
    writeFileSync(
      join(dir, 'firebase.json'),
      JSON.stringify({
        functions: [{ source: 'fn', codebase: 'default' }],
        emulators: {
          singleProjectMode: true,
          functions: { host: '127.0.0.1', port: fnPort },
          hub: { host: '127.0.0.1', port: hub },
          logging: { host: '127.0.0.1', port: logging },
          eventarc: { host: '127.0.0.1', port: eventarc },
          tasks: { host: '127.0.0.1', port: tasks },
          ui: { enabled: false },
        },
      }),
    );
    const backend = new Backend();
    dispatcher = new TriggerDispatcher({ functionsHost: `127.0.0.1:${fnPort}`, log: (l) => logs.push(l) });
    backend.onCommit(dispatcher.onCommit);
    h = await startWithAdmin({ backend, triggers: dispatcher });
    const child = spawn(FIREBASE, ['emulators:start', '--only', 'functions', '--project', h.projectId], {
      cwd: dir,
      env: { ...process.env, FIRESTORE_EMULATOR_HOST: h.server.address, FIREBASE_CLI_DISABLE_UPDATE_CHECK: 'true', NO_UPDATE_NOTIFIER: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    functions = child;
    const output = new Queue<string>();
    child.stdout?.on('data', (c: Buffer) => output.push(c.toString()));
    child.stderr?.on('data', (c: Buffer) => output.push(c.toString()));
    child.on('exit', () => output.push('<exit>'));
    const line = await output.until((l) => /Loaded functions definitions|<exit>/.test(l));
    assert.doesNotMatch(line, /<exit>/);
  });

  after(async () => {
    const child = functions;
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child.on('exit', resolve));
      child.kill('SIGINT');
      await exited;
    }
    await h.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs v2 document triggers with params, before/after data and create time', async () => {
    const results = new Queue<QuerySnapshot>();
    const stop = h.db.collection('results').onSnapshot(results.push);
    const ref = h.db.doc('users/u1/entries/e1');
    await ref.set({ mood: 3 });
    await ref.update({ mood: 4 });
    await ref.delete();
    const snap = await results.until((s) => s.size === 3);
    stop();
    const rows = snap.docs.map((d) => d.data());
    assert.ok(rows.every((r) => r['uid'] === 'u1' && r['entryId'] === 'e1' && r['type'] === 'google.cloud.firestore.document.v1.written'));
    assert.deepEqual(
      rows.map((r) => [r['before'], r['after']]).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
      [
        [null, { mood: 3 }],
        [{ mood: 3 }, { mood: 4 }],
        [{ mood: 4 }, null],
      ].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    );

    const created = h.db.doc('items/i1');
    const write = await created.set({ name: 'lamp' });
    const item = new Queue<FirebaseFirestore.DocumentSnapshot>();
    const stopItem = h.db.doc('itemResults/i1').onSnapshot(item.push);
    const result = await item.until((s) => s.exists);
    stopItem();
    assert.equal(result.get('name'), 'lamp');
    assert.ok(write.writeTime.isEqual(result.get('created')));
    await dispatcher.idle();
    assert.deepEqual(logs.filter((l) => /failed/.test(l)), []);
  });
});
