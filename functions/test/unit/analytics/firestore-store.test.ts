/**
 * `firestoreAnalyticsStore` against the project's offline Firestore emulator (started from source on a free
 * port for this suite), through firebase-admin: the rollup's aggregation queries (count and sum, collection
 * and collection-group, equality on dotted fields, half-open timestamp ranges) give the same figures as the
 * in-memory store, the histogram transaction counts an event once under concurrent deliveries, and the
 * daily document reads back as written.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deleteApp, initializeApp, type App } from 'firebase-admin/app';
import { getFirestore, type Firestore } from 'firebase-admin/firestore';
import { firestoreAnalyticsStore } from '../../../src/analytics/firestore-store';
import { planDay } from '../../../src/analytics/plan';
import { rollupOrgDay } from '../../../src/analytics/rollup';
import { dayWindow } from '../../../src/analytics/schedule';
import type { AnalyticsStore } from '../../../src/analytics/store';
import { ACK_HISTOGRAMS } from '../../../src/analytics/store';
import { paths } from '../../../src/model/paths';
import { analyticsDailySchema } from '../../../src/model/schemas';
import { captureLogs } from '../../../src/platform/log';
import { MemoryAnalyticsStore } from '../../support/analytics-fakes';
import { acknowledgeAll, DAY, EXPECTED_FIGURES, RUN_AT, scenario, W } from '../../support/analytics-scenario';

const ROOT = join(__dirname, '..', '..', '..', '..');
const READY = /ready on (\S+):(\d+)/;

function startEmulator(): Promise<{ child: ChildProcess; address: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', require.resolve('tsx/cjs'), join(ROOT, 'emulator', 'src', 'server', 'cli.ts'), '--host', '127.0.0.1', '--port', '0'], {
      cwd: mkdtempSync(join(tmpdir(), 'analytics-store-')),
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

describe('firestoreAnalyticsStore (offline Firestore emulator)', function () {
  this.timeout(120_000);
  let child: ChildProcess;
  let app: App;
  let db: Firestore;
  let store: AnalyticsStore;
  let memory: MemoryAnalyticsStore;
  let previousEnv: Record<'FIRESTORE_EMULATOR_HOST' | 'METADATA_SERVER_DETECTION', string | undefined>;

  before(async () => {
    const started = await startEmulator();
    child = started.child;
    previousEnv = { FIRESTORE_EMULATOR_HOST: process.env.FIRESTORE_EMULATOR_HOST, METADATA_SERVER_DETECTION: process.env.METADATA_SERVER_DETECTION };
    process.env.FIRESTORE_EMULATOR_HOST = started.address;
    process.env.METADATA_SERVER_DETECTION = 'none';
    app = initializeApp({ projectId: 'demo-analytics' }, 'analytics-store');
    db = getFirestore(app);
    store = firestoreAnalyticsStore(db);
    memory = new MemoryAnalyticsStore();
    await scenario(memory);
    const writer = db.bulkWriter();
    for (const [path, data] of memory.docs) void writer.set(db.doc(path), data);
    await writer.close();
    const logs = captureLogs();
    try {
      await acknowledgeAll(store, memory.docs);
      await acknowledgeAll(memory, memory.docs);
    } finally {
      logs.restore();
    }
  });

  after(async () => {
    await db.terminate();
    await deleteApp(app);
    for (const [name, value] of Object.entries(previousEnv)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    child.kill('SIGTERM');
    if (child.exitCode === null) await new Promise((r) => child.once('exit', r));
  });

  it('answers every planned aggregation like the in-memory store (counts and sums)', async () => {
    for (const orgId of ['org-a', 'org-b', 'org-nobody']) {
      for (const spec of planDay(orgId, W, DAY)) {
        assert.deepEqual(await store.aggregate(spec), await memory.aggregate(spec), `${orgId} ${spec.key}`);
      }
    }
  });

  it('rolls up the org-day to the expected figures and reads the document back as written', async () => {
    const doc = await rollupOrgDay({ store, now: () => RUN_AT }, { orgId: 'org-a', timeZone: 'Asia/Kolkata', day: DAY }, 11);
    const { generatedAt, ...figures } = doc;
    assert.equal(generatedAt.toMillis(), RUN_AT);
    assert.deepEqual(figures, EXPECTED_FIGURES);
    const stored = await db.doc(paths.analyticsDay('org-a', DAY)).get();
    assert.deepEqual(analyticsDailySchema.parse(stored.data()), doc);
    const again = await rollupOrgDay({ store, now: () => RUN_AT }, { orgId: 'org-a', timeZone: 'Asia/Kolkata', day: DAY }, 11);
    assert.deepEqual(again, doc);
  });

  it('keeps the same acknowledgement histogram as the in-memory store', async () => {
    assert.deepEqual(await store.ackHistogram('org-a', DAY), await memory.ackHistogram('org-a', DAY));
    assert.equal(await store.ackHistogram('org-a', '2001-01-01'), null);
  });

  it('rebuilds a day\'s histogram from its events like the in-memory store (query inside a transaction)', async () => {
    const day = '2025-05-02';
    const w = dayWindow(day, 'Asia/Kolkata');
    assert.equal(await store.rebuildAckHistogram('org-a', day, w, RUN_AT), await memory.rebuildAckHistogram('org-a', day, w, RUN_AT));
    assert.deepEqual(await store.ackHistogram('org-a', day), await memory.ackHistogram('org-a', day));
    assert.equal((await store.ackHistogram('org-a', day))?.reduce((a, b) => a + b, 0), 15);
  });

  it('counts an event once when acknowledgements race (transaction)', async () => {
    const day = '2025-06-01';
    const results = await Promise.all([1, 2, 3, 4].map(() => store.recordAck('org-a', day, 'risk-race', 4, RUN_AT)));
    assert.deepEqual(results.filter((r) => r === 'recorded').length, 1);
    const counts = await store.ackHistogram('org-a', day);
    assert.equal(counts?.reduce((a, b) => a + b, 0), 1);
    assert.equal(counts?.[4], 1);
    const listed = await db.collection(`analytics/org-a/${ACK_HISTOGRAMS}`).listDocuments();
    assert.ok(listed.some((d) => d.id === day));
  });

  it('backfills through the script (npm run rollup) with one progress line per org-day', async () => {
    await db.doc(paths.analyticsDay('org-a', DAY)).delete();
    const out = await new Promise<string>((resolve, reject) => {
      const script = spawn(
        process.execPath,
        ['-r', require.resolve('tsx/cjs'), join(ROOT, 'functions', 'scripts', 'rollup.ts'), '--from', '2025-05-03', '--to', DAY, '--org', 'org-a', '--project', 'demo-analytics'],
        { env: { ...process.env }, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let text = '';
      script.stdout.on('data', (c: Buffer) => (text += c.toString()));
      script.stderr.on('data', (c: Buffer) => (text += c.toString()));
      script.once('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`exit ${String(code)}: ${text}`))));
    });
    const lines = out.split('\n').filter((l) => l.startsWith('['));
    assert.deepEqual(lines, [
      '[1/2] org-a 2025-05-03 written: active —, entries —, risk events —, bookings —',
      '[2/2] org-a 2025-05-04 written: active 15, entries 46, risk events 27, bookings 23',
    ]);
    assert.match(out, /2 written, 0 skipped/);
    const stored = analyticsDailySchema.parse((await db.doc(paths.analyticsDay('org-a', DAY)).get()).data());
    const { generatedAt, ...figures } = stored;
    assert.ok(generatedAt.toMillis() > RUN_AT);
    assert.deepEqual(figures, EXPECTED_FIGURES);
  });

  it('lists org timezones and reads config with defaults', async () => {
    assert.deepEqual(await store.orgZones(), [
      { orgId: 'org-a', timeZone: 'Asia/Kolkata' },
      { orgId: 'org-b', timeZone: 'Asia/Kolkata' },
      { orgId: 'org-utc', timeZone: 'UTC' },
    ]);
    assert.equal(await store.orgTimeZone('org-gone'), null);
    assert.equal((await store.appConfig()).analytics.minCellSize, 11);
  });
});
