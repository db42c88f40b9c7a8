// Benchmark of a `sendReminders` run (run: npx tsx functions/bench/reminders.bench.ts). Seeds the counting
// in-memory store of the unit tests (reads billed the way Firestore bills them: one per document returned by a
// get or a query, at least one per query; due queries served from a sorted index, as Firestore serves them)
// with N students whose daily check-in is at 20:00 IST, 500 of them due now with one push device each (1% of
// 50,000), and runs the real handler. Reports document reads and writes, split into the due queries and
// delivery, for N = 5,000 and 50,000: the reads follow the number of reminders due, not the number of
// students. A report, not a test: it always exits 0.

import { Timestamp } from 'firebase-admin/firestore';
import { paths } from '../src/model/paths';
import { captureLogs } from '../src/platform/log';
import { runReminders } from '../src/wellbeing/handle-reminders';
import type { DueCursor } from '../src/wellbeing/repository';
import { profileFixture, seedDevice, type MemoryDocs } from '../test/support/notify-fakes';
import { fakeWellbeing, InMemoryWellbeingStore } from '../test/support/wellbeing-fakes';

/** The in-memory store, counting separately the reads of the due queries. */
class MeteredStore extends InMemoryWellbeingStore {
  queryReads = 0;

  constructor(docs: MemoryDocs) {
    super(docs);
  }

  private async metered<T>(read: () => Promise<T>): Promise<T> {
    const before = this.docs.reads;
    const result = await read();
    this.queryReads += this.docs.reads - before;
    return result;
  }

  override dueCheckins(now: number, limit: number, cursor: DueCursor | null) {
    return this.metered(() => super.dueCheckins(now, limit, cursor));
  }

  override dueTasks(now: number, limit: number, cursor: DueCursor | null) {
    return this.metered(() => super.dueTasks(now, limit, cursor));
  }
}

const NOW = Date.parse('2025-05-05T14:30:00Z'); // 20:00 IST
const TOMORROW = Timestamp.fromMillis(NOW + 86_400_000);
const DUE = Timestamp.fromMillis(NOW);

interface Row {
  students: number;
  due: number;
  sent: number;
  queryReads: number;
  deliveryReads: number;
  totalReads: number;
  writes: number;
  deliveryRecords: number;
  pushes: number;
  ms: number;
}

async function run(students: number, dueCount: number, push: boolean): Promise<Row> {
  const f = fakeWellbeing(NOW);
  const store = new MeteredStore(f.docs);
  const dueEvery = Math.round(students / dueCount);
  const template = profileFixture({ prefs: { reminderTime: '20:00', quietHours: { start: '22:00', end: '07:00' }, channels: { push, sms: false, email: false } } });
  let due = 0;
  for (let i = 0; i < students; i += 1) {
    const isDue = i % dueEvery === 0;
    f.docs.seed(paths.user(`u${i}`), { ...template, nextReminderAt: isDue ? DUE : TOMORROW });
    if (isDue) {
      if (push) seedDevice(f.docs, `u${i}`, 'phone', `token-${i}`);
      due += 1;
    }
  }
  f.docs.reads = 0;
  f.docs.writes = 0;
  const logs = captureLogs();
  const started = performance.now();
  let result;
  try {
    result = await runReminders({ ...f.wellbeing, store }, NOW);
  } finally {
    logs.restore();
  }
  const ms = performance.now() - started;
  const queryReads = store.queryReads;
  return {
    students,
    due,
    sent: result.checkins.sent,
    queryReads,
    deliveryReads: f.docs.reads - queryReads,
    totalReads: f.docs.reads,
    writes: f.docs.writes,
    deliveryRecords: f.deliveries.list().length,
    pushes: f.outbox.byChannel('push').length,
    ms,
  };
}

async function main(): Promise<void> {
  const rows: Row[] = [];
  for (const students of [5_000, 50_000]) rows.push(await run(students, 500, true));
  rows.push(await run(50_000, 500, false));
  console.log('sendReminders over the counting in-memory store: 500 check-ins due (10% of 5,000; 1% of 50,000)');
  console.log('students  push  due  sent  reads: due query + delivery = total  writes  delivery records  pushes  run time');
  for (const r of rows) {
    console.log(
      `${String(r.students).padStart(8)}  ${(r.pushes > 0 ? 'on' : 'off').padStart(4)}  ${String(r.due).padStart(3)}  ${String(r.sent).padStart(4)}  ${String(r.queryReads).padStart(17)} + ${String(r.deliveryReads).padStart(8)} = ${String(r.totalReads).padEnd(5)}  ${String(r.writes).padStart(6)}  ${String(r.deliveryRecords).padStart(16)}  ${String(r.pushes).padStart(6)}  ${r.ms.toFixed(0)} ms`,
    );
  }
  console.log('writes: one claim (nextReminderAt) and one in-app notification per reminder; each delivery record is written twice (queued, then sent).');
  const big = rows[1];
  if (big) {
    console.log(
      `50,000 students, ${big.due} due: the due query read ${big.queryReads} documents (not ${big.students}); delivery read ${big.deliveryReads} device documents (one per push device); ${(big.totalReads / big.due).toFixed(2)} reads per reminder.`,
    );
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 0;
});
