// Benchmark of the nightly analytics rollup's Firestore cost (run: npx tsx functions/bench/analytics.bench.ts,
// or npm run bench). One org of 1,000 and one of 10,000 students with a busy synthetic day are loaded into
// the in-memory analytics store of test/support, and one org-day is rolled up with the real core.
// How reads are counted (as Firestore bills them): each aggregation query (count + sums) costs 1 read per
// 1,000 index entries it matches, at least 1; a document get costs 1 (the day's acknowledgement histogram);
// listing the day's ended circles costs 1 per circle (at least 1), then one count query per circle.
// The scheduled run also reads config/app and lists the orgs once per tick (1 + orgs reads, shared by all
// orgs). For comparison, "documents a naive rollup would read" is every document the figures are counted from.
// A report, not a test: it always exits 0.

import { ackBucket } from '../src/analytics/histogram';
import { planDay } from '../src/analytics/plan';
import { rollupOrgDay } from '../src/analytics/rollup';
import { dayWindow } from '../src/analytics/schedule';
import type { BookingStatus, EntryKind } from '../src/model/schemas';
import { captureLogs } from '../src/platform/log';
import { MemoryAnalyticsStore, seed } from '../test/support/analytics-fakes';

const DAY = '2025-05-04';
const TZ = 'Asia/Kolkata';
const W = dayWindow(DAY, TZ);
const ORG = 'bench-org';

/** Deterministic pseudo-random numbers, so every run loads the same day. */
function rng(seedValue: number): () => number {
  let s = seedValue;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

const KINDS: [EntryKind, ...EntryKind[]] = ['mood', 'mood', 'mood', 'journal', 'gratitude', 'sleep', 'breathing'];
const PHQ = ['minimal', 'mild', 'moderate', 'moderately-severe', 'severe'] as const;
const GAD = ['minimal', 'mild', 'moderate', 'severe'] as const;
const BOOKINGS: [BookingStatus, ...BookingStatus[]] = ['completed', 'completed', 'confirmed', 'cancelled', 'no-show', 'requested'];

async function load(students: number): Promise<{ store: MemoryAnalyticsStore; counted: number; circles: number }> {
  const store = new MemoryAnalyticsStore();
  const r = rng(students);
  const at = () => W.from + Math.floor(r() * (W.to - W.from));
  const pick = <T>(xs: readonly [T, ...T[]]): T => xs[Math.floor(r() * xs.length)] ?? xs[0];
  await seed.config(store, 11);
  await seed.org(store, ORG, TZ);
  let counted = 0;
  for (let i = 0; i < students; i++) {
    const uid = `s${String(i)}`;
    const active = r() < 0.35;
    await seed.student(store, uid, ORG, active ? at() : W.from - 86_400_000 * (1 + Math.floor(r() * 30)), r() < 0.8);
    if (active) counted += 1;
    if (!active) continue;
    const entries = 1 + Math.floor(r() * 3);
    for (let e = 0; e < entries; e++) await seed.entry(store, uid, `e${String(e)}`, pick(KINDS), at(), ORG);
    counted += entries;
    if (r() < 0.06) {
      if (r() < 0.5) await seed.assessment(store, uid, 'a1', 'phq9', pick(PHQ), at(), ORG);
      else await seed.assessment(store, uid, 'a1', 'gad7', pick(GAD), at(), ORG);
      counted += 1;
    }
    if (r() < 0.15) {
      await seed.chat(store, `c-${uid}`, r() < 0.9 ? 'bot' : 'counselor', at(), ORG);
      counted += 1;
    }
  }
  const riskEvents = Math.round(students * 0.005);
  for (let i = 0; i < riskEvents; i++) {
    const created = at();
    const ackAfterMin = r() < 0.9 ? 1 + r() * 60 : undefined;
    const labelled = r() < 0.5;
    await seed.riskEvent(store, `r${String(i)}`, ORG, pick(['moderate', 'high', 'high', 'imminent'] as const), created, {
      ...(ackAfterMin !== undefined ? { ackAfterMin } : {}),
      ...(labelled ? { outcome: r() < 0.8 ? 'true-positive' : 'false-positive', resolvedAt: Math.min(created + 7_200_000, W.to - 1) } : {}),
    });
    if (ackAfterMin !== undefined) await store.recordAck(ORG, DAY, `r${String(i)}`, ackBucket(ackAfterMin), W.to);
    counted += 1;
  }
  const bookings = Math.round(students * 0.01);
  for (let i = 0; i < bookings; i++) await seed.booking(store, `b${String(i)}`, ORG, pick(BOOKINGS), at());
  counted += bookings;
  const circles = Math.max(2, Math.round(students / 1000));
  for (let i = 0; i < circles; i++) {
    const feedback = 5 + Math.floor(r() * 10);
    const joined = 8 + Math.floor(r() * 20);
    const scheduledAt = at();
    await seed.peerSession(store, `p${String(i)}`, ORG, scheduledAt, { participantCount: 0, feedbackCount: feedback, ratingSum: feedback * 4 });
    for (let j = 0; j < joined; j++) await seed.participant(store, `p${String(i)}`, `s${String(j)}`, scheduledAt);
    counted += 1 + joined;
  }
  return { store, counted, circles };
}

async function main(): Promise<void> {
  const logs = captureLogs();
  const fixed = planDay(ORG, W, DAY).length;
  console.log('analytics rollup cost per org-day (reads as Firestore bills them)');
  console.log('students | circles | aggregation queries | reads: aggregations + circle list + histogram = total | documents counted | writes');
  for (const students of [1_000, 10_000]) {
    const { store, counted, circles } = await load(students);
    store.reads = 0;
    store.aggregations = 0;
    store.writes = 0;
    const doc = await rollupOrgDay({ store, now: () => W.to + 9_000_000 }, { orgId: ORG, timeZone: TZ, day: DAY }, 11);
    const listing = Math.max(1, circles);
    const aggregationReads = store.reads - listing - 1;
    console.log(
      `${String(students).padStart(8)} | ${String(circles).padStart(7)} | ${String(store.aggregations).padStart(19)} | ${String(aggregationReads).padStart(16)} + ${String(listing).padStart(11)} + 1 = ${String(store.reads).padEnd(5)} | ${String(counted).padStart(17)} | ${String(store.writes)}`,
    );
    console.log(
      `         published: active ${String(doc.activeStudents)}, entries ${String(doc.totals?.entries)}, risk events ${String(doc.totals?.riskEvents)}, attendance ${String(doc.peer.attendance)}, ack median ${String(doc.riskEvents.ackMedianMin)} min, p90 ${String(doc.riskEvents.ackP90Min)} min`,
    );
  }
  console.log(`aggregation queries per org-day: ${String(fixed)} fixed + 1 per ended circle; each adds 1 read per further 1,000 matched index entries.`);
  console.log('per scheduled tick, shared by all orgs: config/app 1 read + the org list (1 read per org).');
  logs.restore();
}

void main();
