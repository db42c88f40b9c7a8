// Benchmark of the safety pipeline in the local stack (run: npx tsx functions/bench/safety-stack.bench.ts, or
// npm run bench after npm run build). Outside the stack it takes the shared stack lock and re-runs itself
// inside `firebase emulators:exec` beside the project's offline Firestore emulator (scripts/lib/stack.mjs).
// Inside: seeds an org with an on-call counselor (a device token) and 10 students with bot chats, then writes
// one warm-up crisis message (its cold-start time reported apart), then 100 crisis messages with the admin SDK, 10 at a time, and measures for each the time from the write to the
// counselor's push delivery record (status sent, accepted by the offline push provider), observed through a
// Firestore listener on deliveries. Target (issue "Safety pipeline"): p99 under 1.5 s. A report: exits 0.

import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Timestamp } from 'firebase-admin/firestore';
import { z } from 'zod';
import { newProfileFields } from '../src/identity/provision';
import { firestoreIdentityStore } from '../src/identity/repository';
import { paths } from '../src/model/paths';
import { counselorSchema, orgSchema } from '../src/model/schemas';
import { riskEventIdFor } from '../src/safety/ids';

const ROOT = join(__dirname, '..', '..');
const MESSAGES = 100;
const AT_ONCE = 10;
const STUDENTS = 10;
const ORG = 'bench-org';
const COUNSELOR = 'bench-counselor';

/** A function export of scripts/lib/stack.mjs, checked to be a function and typed as that module declares it. */
const fn = <F>() => z.custom<F>((v) => typeof v === 'function');

type Env = Record<string, string | undefined>;

const stackModuleSchema = z.object({
  FIREBASE_BIN: z.string(),
  PROJECT: z.string(),
  emulatorEnv: fn<(extra: Env) => Env>(),
  hasOwnFirestoreEmulator: fn<() => boolean>(),
  startFirestore: fn<() => Promise<unknown>>(),
  run: fn<(command: string, args: string[], options: { env: Env; cwd: string }) => Promise<number>>(),
  stopAll: fn<() => void>(),
});

/** Outside the stack: take the lock and run this file again inside the emulators. */
async function runInsideStack(): Promise<void> {
  if (process.env.MANMITRA_STACK_LOCKED !== '1') {
    const result = spawnSync('flock', ['/tmp/manmitra-stack.lock', process.execPath, ...process.execArgv, __filename], {
      stdio: 'inherit',
      env: { ...process.env, MANMITRA_STACK_LOCKED: '1' },
    });
    if (result.status !== 0) console.log(`safety stack bench: did not run (exit ${String(result.status)})`);
    return;
  }
  const loaded: unknown = await import(pathToFileURL(join(ROOT, 'scripts', 'lib', 'stack.mjs')).href);
  const stack = stackModuleSchema.parse(loaded);
  if (!stack.hasOwnFirestoreEmulator()) {
    console.log('safety stack bench: skipped (the offline Firestore emulator is not built: npm run build)');
    return;
  }
  try {
    await stack.startFirestore();
    const env = stack.emulatorEnv({ MANMITRA_STACK_BENCH: 'inside' });
    const command = `npx tsx ${JSON.stringify(join('functions', 'bench', 'safety-stack.bench.ts'))}`;
    await stack.run(stack.FIREBASE_BIN, ['emulators:exec', '--only', 'auth,functions', '--project', stack.PROJECT, command], { env, cwd: ROOT });
  } finally {
    stack.stopAll();
  }
}

const deliverySeen = z.object({ channel: z.string(), status: z.string(), sourcePath: z.string().optional() });

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
}

async function benchInside(): Promise<void> {
  const { adminDb } = await import('../test/support/stack');
  const db = adminDb();
  const now = Timestamp.now();
  await db.doc(paths.org(ORG)).set(orgSchema.parse({ name: 'Bench College', country: 'IN', timezone: 'Asia/Kolkata', onCall: [COUNSELOR], createdAt: now }));
  const store = firestoreIdentityStore(db);
  await store.ensureProfile(COUNSELOR, newProfileFields(COUNSELOR, { role: 'counselor', orgId: ORG }), { role: 'counselor', orgId: ORG });
  await db.doc(paths.counselor(COUNSELOR)).set(counselorSchema.parse({ displayName: 'Bench', languages: ['en'], specialties: [], bio: '', orgId: ORG, active: true }));
  await db.doc(paths.device(COUNSELOR, 'phone')).set({ token: 'offline-bench-token', platform: 'android', updatedAt: now });
  const students = Array.from({ length: STUDENTS }, (_, i) => `bench-student-${String(i)}`);
  for (const uid of students) {
    await store.ensureProfile(uid, newProfileFields(uid, { role: 'student', orgId: ORG }), { role: 'student', orgId: ORG });
    await db.doc(paths.chat(`bench-chat-${uid}`)).set({ kind: 'bot', studentUid: uid, orgId: ORG, status: 'open', createdAt: now, lastMessageAt: now });
  }

  const written = new Map<string, number>();
  const latencies = new Map<string, number>();
  let settle: () => void = () => undefined;
  const allSeen = new Promise<void>((resolve) => {
    settle = resolve;
  });
  const unsubscribe = db.collection(paths.deliveries()).onSnapshot((snap) => {
    const at = Date.now();
    for (const change of snap.docChanges()) {
      const d = deliverySeen.safeParse(change.doc.data());
      if (!d.success || d.data.channel !== 'push' || d.data.status !== 'sent' || d.data.sourcePath === undefined) continue;
      const started = written.get(d.data.sourcePath);
      if (started !== undefined && !latencies.has(d.data.sourcePath)) latencies.set(d.data.sourcePath, at - started);
    }
    if (latencies.size >= MESSAGES) settle();
  });

  // Warm-up: one crisis message first, so the timed run measures warm function instances (the first
  // invocation of each trigger loads the codebase, which the report gives separately).
  const warmStarted = Date.now();
  const warmPath = paths.riskEvent(riskEventIdFor(paths.message(`bench-chat-${students[0] ?? ''}`, 'warmup')));
  written.set(warmPath, warmStarted);
  await db.doc(paths.message(`bench-chat-${students[0] ?? ''}`, 'warmup')).set({ authorUid: students[0], sender: 'student', text: 'I took 20 pills an hour ago', createdAt: Timestamp.now() });
  const warmDeadline = Date.now() + 120_000;
  while (!latencies.has(warmPath) && Date.now() < warmDeadline) await new Promise((r) => setTimeout(r, 50));
  const coldMs = latencies.get(warmPath);
  latencies.delete(warmPath);
  written.delete(warmPath);

  const texts = ["I bought a rope and I'm going to hang myself tonight", 'I took 20 pills an hour ago', 'आज रात मैं फांसी लगा लूंगा', 'ma aaja rati jhundinchhu', 'i want to kms tonight'];
  const runStarted = Date.now();
  for (let i = 0; i < MESSAGES; i += AT_ONCE) {
    const batch = Array.from({ length: Math.min(AT_ONCE, MESSAGES - i) }, (_, k) => i + k);
    await Promise.all(
      batch.map(async (n) => {
        const uid = students[n % STUDENTS] ?? 'bench-student-0';
        const chatId = `bench-chat-${uid}`;
        const msgId = `m${String(n).padStart(3, '0')}`;
        const eventPath = paths.riskEvent(riskEventIdFor(paths.message(chatId, msgId)));
        written.set(eventPath, Date.now());
        await db.doc(paths.message(chatId, msgId)).set({ authorUid: uid, sender: 'student', text: texts[n % texts.length] ?? texts[0], createdAt: Timestamp.now() });
      }),
    );
    const target = i + batch.length;
    const deadline = Date.now() + 30_000;
    while (latencies.size < target && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  }
  await Promise.race([allSeen, new Promise((r) => setTimeout(r, 30_000))]);
  unsubscribe();
  const sorted = [...latencies.values()].sort((a, b) => a - b);
  const p99 = percentile(sorted, 0.99);
  console.log(
    [
      `safety in the local stack: ${String(MESSAGES)} crisis messages (${String(AT_ONCE)} at a time, ${String(STUDENTS)} students), write → push delivery recorded`,
      `  cold start (first message, not counted): ${coldMs === undefined ? 'no push within 120 s' : `${String(coldMs)} ms`}`,
      `  pushes recorded ${String(sorted.length)}/${String(MESSAGES)} in ${((Date.now() - runStarted) / 1000).toFixed(1)} s`,
      `  p50 ${String(Math.round(percentile(sorted, 0.5)))} ms, p95 ${String(Math.round(percentile(sorted, 0.95)))} ms, p99 ${String(Math.round(p99))} ms (target < 1,500 ms) ${sorted.length === MESSAGES && p99 < 1500 ? '✓' : '✗'}, max ${String(Math.round(sorted[sorted.length - 1] ?? NaN))} ms`,
    ].join('\n'),
  );
}

(process.env.MANMITRA_STACK_BENCH === 'inside' ? benchInside() : runInsideStack())
  .catch((err: unknown) => console.error(`safety stack bench failed: ${err instanceof Error ? err.message : String(err)}`))
  .finally(() => process.exit(0));
