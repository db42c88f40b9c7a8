// Benchmark of the Firestore emulator (run: npx tsx emulator/bench/server.bench.ts; build first so the
// start-up figure uses the compiled CLI). Reports: emulator start to "ready" (target < 1 s),
// write-then-read latency through firebase-admin, a query over 10,000 documents, and trigger delivery
// latency from the write to the function's HTTP request arriving (p50 and p99), against a stand-in
// for the Functions emulator. A report, not a test: it always exits 0.

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { type Server, createServer } from 'node:http';
import { join } from 'node:path';
import { deleteApp, initializeApp } from 'firebase-admin/app';
import { getFirestore } from 'firebase-admin/firestore';
import { Backend } from '../src/server/backend';
import { TriggerDispatcher } from '../src/server/delivery';
import { startServer } from '../src/server/server';

const ROOT = join(__dirname, '..');
const COMPILED_CLI = join(ROOT, 'lib', 'server', 'cli.js');

function percentile(samples: number[], p: number): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
}

function ms(n: number): string {
  return `${n.toFixed(n < 10 ? 2 : 0)} ms`;
}

/** Spawns the CLI on a free port and measures the time until it prints its ready line. */
function startToReady(): Promise<number> {
  const compiled = existsSync(COMPILED_CLI);
  const args = compiled ? [COMPILED_CLI] : ['--require', require.resolve('tsx/cjs'), join(ROOT, 'src', 'server', 'cli.ts')];
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, [...args, '--port', '0', '--rules', join(ROOT, '..', 'firestore.rules')], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (/ready/.test(out)) {
        const elapsed = performance.now() - start;
        child.kill('SIGTERM');
        child.on('exit', () => resolve(elapsed));
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) => {
      if (!/ready/.test(out)) reject(new Error(`emulator exited (${code ?? 'signal'}) before ready:\n${out}`));
    });
  });
}

async function main(): Promise<void> {
  const starts: number[] = [];
  for (let i = 0; i < 5; i++) starts.push(await startToReady());
  console.log(`start → ready (${existsSync(COMPILED_CLI) ? 'compiled CLI' : 'tsx, not built'}): median ${ms(percentile(starts, 50))}, max ${ms(Math.max(...starts))} (target < 1000 ms)`);

  const arrivals = new Map<string, number>();
  let notify: (() => void) | undefined;
  const functions: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.url === '/backends') {
        res.end(
          JSON.stringify({
            backends: [{ functionTriggers: [{ id: 'bench-onItem', eventTrigger: { eventType: 'google.cloud.firestore.document.v1.created', eventFilterPathPatterns: { document: 'triggered/{id}' } } }] }],
          }),
        );
        return;
      }
      if (!req.url?.endsWith('/bench-onItem-0')) {
        res.statusCode = 404;
        res.end('Function x does not exist, valid functions are: bench-onItem-0');
        return;
      }
      const body: unknown = JSON.parse(Buffer.concat(chunks).toString());
      const document = typeof body === 'object' && body !== null && 'document' in body && typeof body.document === 'string' ? body.document : '';
      arrivals.set(document, performance.now());
      notify?.();
      res.end('{"status":"acknowledged"}');
    });
  });
  await new Promise<void>((resolve) => functions.listen(0, '127.0.0.1', resolve));
  const address = functions.address();
  const functionsPort = typeof address === 'object' && address ? address.port : 0;

  const backend = new Backend();
  const dispatcher = new TriggerDispatcher({ functionsHost: `127.0.0.1:${functionsPort}`, log: () => undefined, discoveryTtlMs: 60_000 });
  backend.onCommit(dispatcher.onCommit);
  const server = await startServer({ port: 0, backend, triggers: dispatcher });
  process.env['FIRESTORE_EMULATOR_HOST'] = server.address;
  process.env['METADATA_SERVER_DETECTION'] = 'none';
  const app = initializeApp({ projectId: 'demo-bench' }, 'bench');
  const db = getFirestore(app);

  const roundTrips: number[] = [];
  for (let i = 0; i < 300; i++) {
    const ref = db.doc(`latency/d${i % 20}`);
    const start = performance.now();
    await ref.set({ i, at: new Date() });
    await ref.get();
    if (i >= 20) roundTrips.push(performance.now() - start);
  }
  console.log(`write then read (firebase-admin set + get): p50 ${ms(percentile(roundTrips, 50))}, p99 ${ms(percentile(roundTrips, 99))}`);

  const cities = ['Pune', 'Delhi', 'Mumbai', 'Kathmandu', 'Chennai'];
  for (let start = 0; start < 10_000; start += 500) {
    const batch = db.batch();
    for (let i = start; i < start + 500; i++) batch.set(db.doc(`big/d${i}`), { n: i, city: cities[i % cities.length], score: (i * 7919) % 1000, tags: [`t${i % 10}`] });
    await batch.commit();
  }
  const queries: [string, FirebaseFirestore.Query][] = [
    ['where city == + orderBy score desc + limit 50', db.collection('big').where('city', '==', 'Pune').orderBy('score', 'desc').limit(50)],
    ['range on score returning ~1,000 docs', db.collection('big').where('score', '>=', 900)],
    ['array-contains + count()', db.collection('big').where('tags', 'array-contains', 't3')],
  ];
  for (const [label, q] of queries) {
    const samples: number[] = [];
    for (let i = 0; i < 15; i++) {
      const start = performance.now();
      if (label.includes('count')) await q.count().get();
      else await q.get();
      samples.push(performance.now() - start);
    }
    console.log(`query over 10,000 documents, ${label}: median ${ms(percentile(samples, 50))}`);
  }

  const delays: number[] = [];
  for (let i = 0; i < 200; i++) {
    const path = `triggered/t${i}`;
    const arrived = new Promise<void>((resolve) => {
      notify = () => arrivals.has(path) && resolve();
    });
    const start = performance.now();
    await db.doc(path).set({ i });
    await arrived;
    delays.push((arrivals.get(path) ?? NaN) - start);
  }
  console.log(`trigger delivery, write → function request: p50 ${ms(percentile(delays, 50))}, p99 ${ms(percentile(delays, 99))}`);

  await db.terminate();
  await deleteApp(app);
  await server.close();
  functions.close();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 0;
});
