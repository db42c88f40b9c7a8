/**
 * The rollup core against the in-memory store (rollup.ts, plan.ts, publish.ts): figures of one org-day in the
 * org's timezone with suppression applied, nothing from other orgs or days, no ids in the output, idempotent
 * re-runs (set, not increment), the hourly schedule through firebase-functions-test, partial failures, and
 * the backfill with its progress.
 */
import assert from 'node:assert/strict';
import { handleRiskEventUpdated } from '../../../src/analytics/ack';
import { planDay } from '../../../src/analytics/plan';
import { backfill, rollupOrgDay, runNightly, RollupIncompleteError, type BackfillProgress, type RollupDeps } from '../../../src/analytics/rollup';
import { dayWindow } from '../../../src/analytics/schedule';
import { buildNightlyRollup } from '../../../src/analytics/triggers';
import { paths } from '../../../src/model/paths';
import { riskEventSchema, type AnalyticsDaily, type EntryKind } from '../../../src/model/schemas';
import { MemoryAnalyticsStore, seed } from '../../support/analytics-fakes';

const DAY = '2025-05-04';
const W = dayWindow(DAY, 'Asia/Kolkata'); // 2025-05-03T18:30Z … 2025-05-04T18:30Z
const IN_DAY = W.from + 3_600_000;
const BEFORE = W.from - 60_000;
const AFTER = W.to;
const RUN_AT = Date.parse('2025-05-04T21:05:00Z'); // 02:35 in Kolkata on 2025-05-05

const times = (n: number) => Array.from({ length: n }, (_, i) => i);

async function scenario(store: MemoryAnalyticsStore): Promise<void> {
  await seed.config(store, 11);
  await seed.org(store, 'org-a', 'Asia/Kolkata');
  await seed.org(store, 'org-b', 'Asia/Kolkata');
  await seed.org(store, 'org-utc', 'UTC');
  // 15 consenting students active that day; others must not count.
  for (const i of times(15)) await seed.student(store, `stu-a-${String(i)}`, 'org-a', IN_DAY + i * 1000);
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
  // Peer circles: two ended (15 participants, 12 ratings summing to 47), one cancelled, one the day before.
  await seed.peerSession(store, 'circle-1', 'org-a', IN_DAY, { participantCount: 8, feedbackCount: 6, ratingSum: 25 });
  await seed.peerSession(store, 'circle-2', 'org-a', IN_DAY, { participantCount: 7, feedbackCount: 6, ratingSum: 22 });
  await seed.peerSession(store, 'circle-3', 'org-a', IN_DAY, { status: 'cancelled', participantCount: 0, feedbackCount: 0, ratingSum: 0 });
  await seed.peerSession(store, 'circle-0', 'org-a', BEFORE, { participantCount: 20, feedbackCount: 20, ratingSum: 100 });
}

/** Feeds the acknowledgement trigger's handler with every acknowledged event (as if each was just acknowledged). */
async function acknowledgeAll(store: MemoryAnalyticsStore): Promise<void> {
  for (const [path, data] of [...store.docs]) {
    if (!path.startsWith('riskEvents/')) continue;
    const after = riskEventSchema.parse(data);
    if (after.ackAt === null) continue;
    await handleRiskEventUpdated({ store, now: () => RUN_AT }, path.slice('riskEvents/'.length), { ...after, ackAt: null, ackBy: null }, after);
  }
}

const EXPECTED_FIGURES = {
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

function figures(doc: AnalyticsDaily | undefined): Omit<AnalyticsDaily, 'generatedAt'> {
  assert.ok(doc, 'rollup document missing');
  const { generatedAt, ...rest } = doc;
  assert.ok(generatedAt.toMillis() > 0);
  return rest;
}

describe('analytics rollup core (in-memory store)', () => {
  let store: MemoryAnalyticsStore;
  let clock: number;
  let deps: RollupDeps;

  beforeEach(async () => {
    store = new MemoryAnalyticsStore();
    clock = RUN_AT;
    deps = { store, now: () => clock };
    await scenario(store);
    await acknowledgeAll(store);
  });

  it('publishes the org-day in the org timezone, suppressed, with percentiles, precision and ratings', async () => {
    const doc = await rollupOrgDay(deps, { orgId: 'org-a', timeZone: 'Asia/Kolkata', day: DAY }, 11);
    assert.deepEqual(figures(doc), EXPECTED_FIGURES);
    assert.deepEqual(store.daily('org-a', DAY), doc);
  });

  it('writes no user, event or document id anywhere in the published document', async () => {
    const doc = await rollupOrgDay(deps, { orgId: 'org-a', timeZone: 'Asia/Kolkata', day: DAY }, 11);
    const text = JSON.stringify(doc);
    for (const id of ['stu-', 'cou-', 'risk-', 'student-1', 'counselor-1', 'bot-', 'circle-', 'volunteer-1', 'Otter']) assert.ok(!text.includes(id), `found ${id}`);
  });

  it('is idempotent: a re-run with the same data writes the identical document (figures equal whatever the clock)', async () => {
    const target = { orgId: 'org-a', timeZone: 'Asia/Kolkata', day: DAY };
    const first = await rollupOrgDay(deps, target, 11);
    const second = await rollupOrgDay(deps, target, 11);
    assert.deepEqual(second, first);
    assert.deepEqual(store.daily('org-a', DAY), first);
    clock += 3_600_000;
    const later = await rollupOrgDay(deps, target, 11);
    assert.deepEqual(figures(later), figures(first));
    assert.equal(later.generatedAt.toMillis(), clock);
  });

  it('replaces figures on a re-run instead of adding to them', async () => {
    const target = { orgId: 'org-a', timeZone: 'Asia/Kolkata', day: DAY };
    await rollupOrgDay(deps, target, 11);
    store.docs.delete(paths.entry('stu-a-0', 'mood-0'));
    const again = await rollupOrgDay(deps, target, 11);
    assert.equal(again.entries.mood, 19);
    assert.equal(again.totals?.entries, 45);
  });

  it('uses the configured minimum cell', async () => {
    const doc = await rollupOrgDay(deps, { orgId: 'org-a', timeZone: 'Asia/Kolkata', day: DAY }, 2);
    assert.deepEqual(doc.chats, { bot: 30, counselor: 2 });
    assert.equal(doc.peer.sessions, 2);
    assert.equal(doc.minCellSize, 2);
  });

  it('costs one aggregation per planned query, billed one read each at this size, plus the histogram', async () => {
    const specs = planDay('org-a', W);
    store.reads = 0;
    await rollupOrgDay(deps, { orgId: 'org-a', timeZone: 'Asia/Kolkata', day: DAY }, 11);
    assert.equal(store.aggregations, specs.length);
    assert.equal(store.reads, specs.length + 1);
    assert.ok(specs.every((s) => s.equals[0]?.[0] === 'orgId' && s.equals[0][1] === 'org-a'), 'every query filters on the org');
  });

  it('runs from the hourly schedule through firebase-functions-test: only orgs at local 02:xx, previous day', async () => {
    await buildNightlyRollup(deps).run({ scheduleTime: new Date(RUN_AT).toISOString(), jobName: 'nightlyRollup' });
    assert.deepEqual(figures(store.daily('org-a', DAY)), EXPECTED_FIGURES);
    assert.ok(store.daily('org-b', DAY), 'org-b (same timezone) rolled up too');
    // org-b: 30 breathing entries and no others: the zeros cannot hide behind the total, so only the total shows.
    assert.deepEqual([store.daily('org-b', DAY)?.entries.breathing, store.daily('org-b', DAY)?.totals?.entries], [null, 30]);
    assert.equal(store.daily('org-utc', DAY), undefined, 'UTC org is not at 02:xx');
    store.docs.delete(paths.analyticsDay('org-a', DAY));
    await buildNightlyRollup(deps).run({ scheduleTime: new Date(RUN_AT - 3_600_000).toISOString(), jobName: 'nightlyRollup' });
    assert.equal(store.daily('org-a', DAY), undefined, '01:35 in Kolkata: not due');
  });

  it('writes the other orgs when one fails, then reports the run as incomplete', async () => {
    const failing = new MemoryAnalyticsStore();
    for (const [p, d] of store.docs) failing.put(p, d);
    const realAggregate = failing.aggregate.bind(failing);
    failing.aggregate = (spec) => (spec.equals[0]?.[1] === 'org-a' && spec.key === 'chats.bot' ? Promise.reject(new Error('unavailable')) : realAggregate(spec));
    await assert.rejects(runNightly({ store: failing, now: () => clock }, RUN_AT), RollupIncompleteError);
    assert.equal(failing.daily('org-a', DAY), undefined, 'nothing half-written for the failed org');
    assert.ok(failing.daily('org-b', DAY));
  });

  it('backfills a range per org and day with progress, skipping days not over yet', async () => {
    clock = Date.parse('2025-05-05T10:00:00Z');
    const progress: BackfillProgress[] = [];
    const result = await backfill(deps, { from: '2025-05-03', to: '2025-05-05', orgId: 'org-a' }, (p) => progress.push(p));
    assert.deepEqual(result, { written: 2, skipped: 1 });
    assert.deepEqual(progress.map((p) => `${p.kind} ${p.orgId} ${p.day}`), ['written org-a 2025-05-03', 'written org-a 2025-05-04', 'skipped org-a 2025-05-05']);
    assert.deepEqual(figures(store.daily('org-a', DAY)), EXPECTED_FIGURES);
    assert.equal(store.daily('org-a', '2025-05-03')?.activeStudents, null, '3 students that day: suppressed');
  });

  it('backfills every org when none is named (each by its own timezone), and reports an unknown org', async () => {
    const progress: BackfillProgress[] = [];
    await backfill(deps, { from: DAY, to: DAY }, (p) => progress.push(p));
    // At 21:05Z the day is over in Kolkata but not in UTC.
    assert.deepEqual(progress.map((p) => `${p.kind} ${p.orgId}`), ['written org-a', 'written org-b', 'skipped org-utc']);
    const unknown: BackfillProgress[] = [];
    assert.deepEqual(await backfill(deps, { from: DAY, to: DAY, orgId: 'nope' }, (p) => unknown.push(p)), { written: 0, skipped: 1 });
    assert.deepEqual(unknown, [{ kind: 'skipped', orgId: 'nope', day: DAY, why: 'unknown-org' }]);
  });
});
