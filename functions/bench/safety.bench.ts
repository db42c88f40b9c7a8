// Benchmark of the chat safety pipeline's Firestore cost (run: npx tsx functions/bench/safety.bench.ts).
// Drives handleChatMessage with the counting in-memory store of test/support (reads and writes counted the
// way Firestore bills them and the way store-firestore.ts issues them), a scripted model that answers at
// once, and the real screener, rate limiter, caches and model-budget leases.
// Target (issue "Safety pipeline"): a benign message costs at most 1 read and 2 writes.
// Each message's cost is split into the message path (chat facts, screening, Bestie's reply, riskEvent)
// and shared bookkeeping that many messages amortize: config/app and org cache refreshes (once per five
// minutes per instance), model-budget leases (one transaction per 40 model calls with the default 2,000
// calls a day) and the lastMessageAt refresh (at most once per ten minutes per chat).
// Also the handler's median time with these fakes (no network). A report, not a test: it always exits 0.

import { performance } from 'node:perf_hooks';
import type { Message } from '../src/model/schemas';
import { captureLogs } from '../src/platform/log';
import { handleChatMessage } from '../src/safety/message-handler';
import { screen } from '../src/safety/screener';
import { fakeSafetyDeps, seedChat, seedMessage, seedOrg, seedStaff, seedStudent, type FakeSafety } from '../test/support/safety-fakes';
import { Timestamp } from 'firebase-admin/firestore';

interface Cost {
  reads: number;
  writes: number;
  /** Of which shared bookkeeping. */
  sharedReads: number;
  sharedWrites: number;
  ms: number;
}

const BENIGN = [
  'long day today',
  'exams next week, a bit stressed',
  'had chai with friends after class',
  'feeling okay I guess',
  'aaj ka din theek tha',
  'thanks for listening',
];

interface Instrumented extends FakeSafety {
  shared: { reads: number; writes: number };
}

function world(): Instrumented {
  const fake = fakeSafetyDeps({ screen });
  seedOrg(fake.docs, 'org-a', { onCall: ['c1'] });
  seedStaff(fake.docs, 'c1', 'counselor', 'org-a');
  for (let s = 0; s < 5; s += 1) seedStudent(fake.docs, `s${String(s)}`, { orgId: 'org-a' });
  const shared = { reads: 0, writes: 0 };
  const store = fake.store;
  const appConfig = store.appConfig.bind(store);
  const org = store.org.bind(store);
  const lease = store.leaseModelCalls.bind(store);
  const touch = store.touchChat.bind(store);
  store.appConfig = async () => {
    shared.reads += 1;
    return appConfig();
  };
  store.org = async (orgId) => {
    shared.reads += 1;
    return org(orgId);
  };
  store.leaseModelCalls = async (...args) => {
    shared.reads += 1;
    shared.writes += 1;
    return lease(...args);
  };
  store.touchChat = async (...args) => {
    shared.writes += 1;
    return touch(...args);
  };
  return { ...fake, shared };
}

function newChat(fake: FakeSafety, chatId: string, uid: string, kind: 'bot' | 'counselor' = 'bot'): void {
  const now = Timestamp.fromMillis(fake.clock.now);
  seedChat(fake.docs, chatId, { studentUid: uid, orgId: 'org-a', kind, createdAt: now, lastMessageAt: now, ...(kind === 'counselor' ? { counselorUid: 'c1' } : {}) });
}

async function message(fake: Instrumented, chatId: string, msgId: string, uid: string, text: string): Promise<Cost> {
  const stored: Message = seedMessage(fake.docs, chatId, msgId, { authorUid: uid, text });
  const before = { reads: fake.docs.reads, writes: fake.docs.writes, sharedReads: fake.shared.reads, sharedWrites: fake.shared.writes };
  const t0 = performance.now();
  const outcome = await handleChatMessage(fake.deps, { chatId, msgId, message: stored });
  const ms = performance.now() - t0;
  if (outcome.status !== 'screened' || outcome.riskEventId !== undefined) throw new Error(`message ${msgId} was not a benign screened message`);
  return {
    reads: fake.docs.reads - before.reads,
    writes: fake.docs.writes - before.writes,
    sharedReads: fake.shared.reads - before.sharedReads,
    sharedWrites: fake.shared.writes - before.sharedWrites,
    ms,
  };
}

const path = (c: Cost) => ({ reads: c.reads - c.sharedReads, writes: c.writes - c.sharedWrites });
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2));

function row(label: string, costs: Cost[]): string {
  const p = costs.map(path);
  return [
    label.padEnd(44),
    `message path: reads max ${fmt(Math.max(...p.map((c) => c.reads)))}, writes max ${fmt(Math.max(...p.map((c) => c.writes)))}`,
    ` | with bookkeeping, mean per message: ${fmt(mean(costs.map((c) => c.reads)))} reads, ${fmt(mean(costs.map((c) => c.writes)))} writes`,
  ].join('');
}

async function main(): Promise<void> {
  const out: string[] = ['Safety pipeline: Firestore cost per benign chat message (counting fakes)'];
  const timings: number[] = [];

  const cold = world();
  newChat(cold, 'cold', 's0');
  const coldCost = await message(cold, 'cold', 'm0', 's0', 'hello');
  out.push(`${'cold instance, first message'.padEnd(44)}${String(coldCost.reads)} reads, ${String(coldCost.writes)} writes (${String(coldCost.sharedReads)} reads + ${String(coldCost.sharedWrites)} write of it: config, org, first budget lease)`);

  const warm = world();
  newChat(warm, 'warmup', 's0');
  await message(warm, 'warmup', 'w0', 's0', 'hi');
  const firsts: Cost[] = [];
  const rest: Cost[] = [];
  for (let s = 0; s < 5; s += 1) {
    const chatId = `chat${String(s)}`;
    newChat(warm, chatId, `s${String(s)}`);
    for (let i = 0; i < 40; i += 1) {
      warm.advance(30_000);
      const cost = await message(warm, chatId, `m${String(i)}`, `s${String(s)}`, BENIGN[i % BENIGN.length] ?? 'ok');
      timings.push(cost.ms);
      (i === 0 ? firsts : rest).push(cost);
    }
  }
  out.push(row('bot chat, first message of a chat', firsts));
  out.push(row(`bot chat, next ${String(rest.length)} messages (30 s apart)`, rest));

  const counselor = world();
  newChat(counselor, 'warmup', 's0');
  await message(counselor, 'warmup', 'w0', 's0', 'hi');
  newChat(counselor, 'cc', 's1', 'counselor');
  const cc: Cost[] = [];
  for (let i = 0; i < 20; i += 1) {
    counselor.advance(30_000);
    cc.push(await message(counselor, 'cc', `m${String(i)}`, 's1', BENIGN[i % BENIGN.length] ?? 'ok'));
  }
  out.push(row('counselor chat, 20 messages', cc));

  const all = [...firsts, ...rest, ...cc].map(path);
  const maxReads = Math.max(...all.map((c) => c.reads));
  const maxWrites = Math.max(...all.map((c) => c.writes));
  out.push('');
  out.push(`target: at most 1 read and 2 writes per benign message (message path, warm instance): max ${String(maxReads)} read, ${String(maxWrites)} writes ${maxReads <= 1 && maxWrites <= 2 ? '✓' : '✗'}`);
  out.push(`shared bookkeeping over ${String(firsts.length + rest.length)} bot-chat messages: ${fmt(mean([...firsts, ...rest].map((c) => c.sharedReads)))} reads and ${fmt(mean([...firsts, ...rest].map((c) => c.sharedWrites)))} writes per message`);
  out.push(`handler median time with these fakes: ${median(timings).toFixed(3)} ms`);
  console.log(out.join('\n'));
}

const logs = captureLogs();
main()
  .catch((err: unknown) => console.error(err))
  .finally(() => logs.restore());
