/**
 * One org-day of data for the analytics tests (in-memory and offline-emulator): org-a in Asia/Kolkata on
 * 2025-05-04 with counts chosen to hit every suppression rule, decoys from another org and the neighbouring
 * days, and the figures the rollup must publish for it.
 */
import { handleRiskEventUpdated } from '../../src/analytics/ack';
import { dayWindow } from '../../src/analytics/schedule';
import type { AnalyticsStore } from '../../src/analytics/store';
import { riskEventSchema, type EntryKind } from '../../src/model/schemas';
import { seed, type DocSink } from './analytics-fakes';

export const DAY = '2025-05-04';
export const W = dayWindow(DAY, 'Asia/Kolkata'); // 2025-05-03T18:30Z … 2025-05-04T18:30Z
export const IN_DAY = W.from + 3_600_000;
const BEFORE = W.from - 60_000;
const AFTER = W.to;
export const RUN_AT = Date.parse('2025-05-04T21:05:00Z'); // 02:35 in Kolkata on 2025-05-05

const times = (n: number) => Array.from({ length: n }, (_, i) => i);

export async function scenario(store: DocSink): Promise<void> {
  await seed.config(store, 11);
  await seed.org(store, 'org-a', 'Asia/Kolkata');
  await seed.org(store, 'org-b', 'Asia/Kolkata');
  await seed.org(store, 'org-utc', 'UTC');
  // 15 consenting students active that day (3 of them active again the next day: their latest activity is
  // after the day, and they still count for it); others must not count.
  for (const i of times(12)) await seed.student(store, `stu-a-${String(i)}`, 'org-a', IN_DAY + i * 1000);
  for (const i of times(3)) {
    await seed.activeDay(store, `stu-a-${String(12 + i)}`, 'org-a', DAY, true);
    await seed.student(store, `stu-a-${String(12 + i)}`, 'org-a', AFTER + i * 1000);
  }
  for (const i of times(3)) await seed.student(store, `stu-early-${String(i)}`, 'org-a', BEFORE);
  for (const i of times(4)) await seed.student(store, `stu-noconsent-${String(i)}`, 'org-a', IN_DAY, false);
  for (const i of times(2)) await seed.student(store, `cou-${String(i)}`, 'org-a', IN_DAY, true, 'counselor');
  for (const i of times(12)) await seed.student(store, `stu-b-${String(i)}`, 'org-b', IN_DAY);
  // Entries: mood 20, journal 12, gratitude 3, sleep 11, breathing 0 for org-a that day.
  const entries: Array<[EntryKind, number]> = [['mood', 20], ['journal', 12], ['gratitude', 3], ['sleep', 11]];
  for (const [kind, n] of entries) for (const i of times(n)) await seed.entry(store, `stu-a-${String(i % 15)}`, `${kind}-${String(i)}`, kind, IN_DAY + i, 'org-a');
  await seed.entry(store, 'stu-a-1', 'late', 'mood', AFTER, 'org-a');
  await seed.entry(store, 'stu-a-1', 'early', 'mood', BEFORE, 'org-a');
  await seed.entry(store, 'stu-a-1', 'unprocessed', 'mood', IN_DAY);
  for (const i of times(30)) await seed.entry(store, `stu-b-${String(i % 12)}`, `b-${String(i)}`, 'breathing', IN_DAY, 'org-b');
  // PHQ-9: minimal 12, mild 11. GAD-7: none.
  for (const i of times(12)) await seed.assessment(store, `stu-a-${String(i)}`, `p-min-${String(i)}`, 'phq9', 'minimal', IN_DAY, 'org-a');
  for (const i of times(11)) await seed.assessment(store, `stu-a-${String(i)}`, `p-mild-${String(i)}`, 'phq9', 'mild', IN_DAY, 'org-a');
  for (const i of times(20)) await seed.assessment(store, `stu-b-${String(i % 12)}`, `g-b-${String(i)}`, 'gad7', 'severe', IN_DAY, 'org-b');
  // Chats: bot 30, counselor 2.
  for (const i of times(30)) await seed.chat(store, `bot-${String(i)}`, 'bot', IN_DAY, 'org-a');
  for (const i of times(2)) await seed.chat(store, `cc-${String(i)}`, 'counselor', IN_DAY, 'org-a');
  await seed.chat(store, 'bot-late', 'bot', AFTER, 'org-a');
  // Risk events: moderate 12, high 14, imminent 1; 12 acknowledged after 2…13 minutes.
  const levels: Array<['moderate' | 'high' | 'imminent', number]> = [['moderate', 12], ['high', 14], ['imminent', 1]];
  let k = 0;
  for (const [level, n] of levels) {
    for (const i of times(n)) {
      const ackAfterMin = k < 12 ? 2 + k : undefined;
      await seed.riskEvent(store, `risk-${level}-${String(i)}`, 'org-a', level, IN_DAY + k * 60_000, ackAfterMin === undefined ? {} : { ackAfterMin });
      k += 1;
    }
  }
  // Labels given that day (on events of earlier days): 9 true, 3 false positives; 1 unclear; 2 labelled the next day.
  const labels: Array<['true-positive' | 'false-positive' | 'unclear', number, number]> = [
    ['true-positive', 9, IN_DAY],
    ['false-positive', 3, IN_DAY],
    ['unclear', 1, IN_DAY],
    ['true-positive', 2, AFTER],
  ];
  for (const [outcome, n, at] of labels) {
    for (const i of times(n)) await seed.riskEvent(store, `old-${outcome}-${String(at)}-${String(i)}`, 'org-a', 'high', BEFORE - 86_400_000, { ackAfterMin: 5, outcome, resolvedAt: at });
  }
  for (const i of times(15)) await seed.riskEvent(store, `risk-b-${String(i)}`, 'org-b', 'high', IN_DAY);
  // Bookings starting that day: completed 11, confirmed 11, cancelled 1.
  for (const i of times(11)) await seed.booking(store, `done-${String(i)}`, 'org-a', 'completed', IN_DAY);
  for (const i of times(11)) await seed.booking(store, `conf-${String(i)}`, 'org-a', 'confirmed', IN_DAY);
  await seed.booking(store, 'cancel-0', 'org-a', 'cancelled', IN_DAY);
  await seed.booking(store, 'next-day', 'org-a', 'completed', AFTER);
  // Peer circles: two ended that day with 8 + 7 participants (all left, so participantCount is back to 0) and
  // 12 ratings summing to 47; one cancelled; one the day before.
  await seed.peerSession(store, 'circle-1', 'org-a', IN_DAY, { participantCount: 0, feedbackCount: 6, ratingSum: 25 });
  await seed.peerSession(store, 'circle-2', 'org-a', IN_DAY, { participantCount: 0, feedbackCount: 6, ratingSum: 22 });
  await seed.peerSession(store, 'circle-3', 'org-a', IN_DAY, { status: 'cancelled', participantCount: 0, feedbackCount: 0, ratingSum: 0 });
  await seed.peerSession(store, 'circle-0', 'org-a', BEFORE, { participantCount: 0, feedbackCount: 20, ratingSum: 100 });
  for (const i of times(8)) await seed.participant(store, 'circle-1', `stu-a-${String(i)}`, IN_DAY);
  for (const i of times(7)) await seed.participant(store, 'circle-2', `stu-a-${String(i + 8)}`, IN_DAY);
  for (const i of times(2)) await seed.participant(store, 'circle-3', `stu-a-${String(i)}`, IN_DAY);
  for (const i of times(20)) await seed.participant(store, 'circle-0', `stu-b-${String(i % 12)}-${String(i)}`, BEFORE);
}

/** Feeds the acknowledgement trigger's handler with every acknowledged event of `docs` (as if just acknowledged). */
export async function acknowledgeAll(store: AnalyticsStore, docs: ReadonlyMap<string, Record<string, unknown>>): Promise<void> {
  for (const [path, data] of [...docs]) {
    if (!path.startsWith('riskEvents/')) continue;
    const after = riskEventSchema.parse(data);
    if (after.ackAt === null) continue;
    await handleRiskEventUpdated({ store, now: () => RUN_AT }, path.slice('riskEvents/'.length), { ...after, ackAt: null, ackBy: null }, after);
  }
}

export const EXPECTED_FIGURES = {
  orgId: 'org-a',
  day: DAY,
  minCellSize: 11,
  activeStudents: 15,
  entries: { mood: 20, journal: 12, gratitude: null, sleep: null, breathing: null },
  assessments: {
    phq9: { minimal: 12, mild: null, moderate: null, 'moderately-severe': null, severe: null },
    gad7: { minimal: null, mild: null, moderate: null, severe: null },
  },
  chats: { bot: null, counselor: null },
  // 12 acknowledgements after 2, 3, …, 13 minutes: buckets [2,3) 1, [3,5) 2, [5,10) 5, [10,15) 4. Median = rank 6 →
  // 5 + 5·3/5 = 8 (exact 7.5); p90 = rank 11 → 10 + 5·3/4 = 13.75 (exact 13): within a bucket width.
  riskEvents: { moderate: null, high: 14, imminent: null, ackMedianMin: 8, ackP90Min: 13.8, screenerPrecision: 0.75 },
  bookings: { requested: null, confirmed: null, rejected: null, cancelled: null, rescheduled: null, completed: 11, 'no-show': null, expired: null },
  peer: { sessions: null, attendance: 15, ratingAvg: 3.92 },
  totals: { entries: 46, phq9: 23, gad7: null, chats: 32, riskEvents: 27, bookings: 23 },
};

