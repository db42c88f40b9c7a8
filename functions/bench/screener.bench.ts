// Benchmark of the deterministic screener (run: npx tsx functions/bench/screener.bench.ts, or npm run bench).
// 10,000 mixed messages: every text of the labelled sets (all five languages, crisis to benign, hard
// negatives) and generated everyday chat of varied length, each made distinct by a suffix, shuffled with a
// fixed seed. After a warm-up pass, one pass on one core measures throughput (messages per second over the
// whole pass, wall clock and CPU time) and the time of each message (p50, p99, max).
// Targets (issue "Safety pipeline"): at least 20,000 messages/s; p99 under 1 ms. A report, not a test: it
// prints ✓/✗ and always exits 0.

import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { screen } from '../src/safety/screener';
import { HELD_OUT } from '../test/unit/screener/held-out-set';
import { LABELLED } from '../test/unit/screener/labelled-set';

const MESSAGES = 10_000;

const FILLER = [
  'ok see you at the library at 5',
  'kal ka lecture cancel ho gaya kya?',
  'bholi exam cha, padhna parchha',
  'आज मेस का खाना अच्छा था',
  'did anyone take notes in the chemistry lab, I missed the last twenty minutes because the bus was late again',
  'haha that meme is killing me 😂😂',
  'मलाई आज धेरै थकाइ लागेको छ',
  'feeling a bit low about the results but I will talk to my mentor tomorrow and make a plan for the retest',
  'bro match dekha? what a finish',
  'can you share the assignment pdf',
];

/** A small deterministic PRNG (mulberry32), so every run screens the same sequence. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function corpus(): string[] {
  const random = rng(42);
  const pick = <T>(list: readonly T[]): T => {
    const v = list[Math.floor(random() * list.length)];
    if (v === undefined) throw new Error('empty list');
    return v;
  };
  const labelled = [...LABELLED, ...HELD_OUT].map((l) => l.text);
  const out: string[] = [];
  for (let i = 0; i < MESSAGES; i += 1) {
    const base = random() < 0.6 ? pick(labelled) : Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(FILLER)).join('. ');
    out.push(`${base} ${String(i)}`);
  }
  return out;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

function main(): void {
  const messages = corpus();
  for (const m of messages) screen(m);
  const times = new Float64Array(messages.length);
  let raised = 0;
  const cpuStarted = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < messages.length; i += 1) {
    const t0 = performance.now();
    const r = screen(messages[i] ?? '');
    times[i] = performance.now() - t0;
    if (r.level === 'high' || r.level === 'imminent') raised += 1;
  }
  const totalMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuStarted);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const sorted = [...times].sort((a, b) => a - b);
  const rate = messages.length / (totalMs / 1000);
  const cpuRate = messages.length / (cpuMs / 1000);
  const p50 = percentile(sorted, 0.5);
  const p99 = percentile(sorted, 0.99);
  const max = sorted[sorted.length - 1] ?? 0;
  const chars = messages.reduce((n, m) => n + m.length, 0);
  console.log(
    [
      `screener: ${String(messages.length)} mixed messages (mean ${(chars / messages.length).toFixed(0)} chars; ${String(raised)} at high or imminent), one core`,
      `  throughput ${Math.round(rate).toLocaleString('en')} messages/s wall clock, ${Math.round(cpuRate).toLocaleString('en')} messages/s of CPU time (target ≥ 20,000) ${rate >= 20_000 ? '✓' : '✗'}`,
      `  per message p50 ${(p50 * 1000).toFixed(1)} µs, p99 ${(p99 * 1000).toFixed(1)} µs (target < 1 ms) ${p99 < 1 ? '✓' : '✗'}, max ${max.toFixed(3)} ms`,
      `  load average ${loadavg()[0]?.toFixed(1) ?? '?'} on ${String(cpus().length)} cores (wall-clock figures include time this process waited for a core)`,
    ].join('\n'),
  );
}

main();
