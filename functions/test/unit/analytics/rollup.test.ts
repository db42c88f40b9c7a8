/**
 * The rollup core against the in-memory store (rollup.ts, plan.ts, publish.ts): figures of one org-day in the
 * org's timezone with suppression applied, nothing from other orgs or days, no ids in the output, idempotent
 * re-runs (set, not increment), the hourly schedule through firebase-functions-test, partial failures, and
 * the backfill with its progress.
 */
import assert from 'node:assert/strict';
import { planDay } from '../../../src/analytics/plan';
import { backfill, rollupOrgDay, runNightly, RollupIncompleteError, type BackfillProgress, type RollupDeps } from '../../../src/analytics/rollup';
import { buildNightlyRollup } from '../../../src/analytics/triggers';
import { paths } from '../../../src/model/paths';
import type { AnalyticsDaily } from '../../../src/model/schemas';
import { ackHistogramPath, ackHistogramSchema } from '../../../src/analytics/store';
import { MemoryAnalyticsStore, seed } from '../../support/analytics-fakes';
import { acknowledgeAll, DAY, EXPECTED_FIGURES, RUN_AT, scenario, W } from '../../support/analytics-scenario';

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
    await acknowledgeAll(store, store.docs);
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

  it('counts active students per day: re-rolling a past day after they were active again gives the same figure', async () => {
    const first = await rollupOrgDay(deps, { orgId: 'org-a', timeZone: 'Asia/Kolkata', day: DAY }, 11);
    assert.equal(first.activeStudents, 15);
    // Every counted student comes back two days later (a new day document, a later lastActiveAt).
    for (let i = 0; i < 15; i += 1) await seed.student(store, `stu-a-${String(i)}`, 'org-a', RUN_AT + 86_400_000);
    clock = RUN_AT + 3 * 86_400_000;
    const again = await rollupOrgDay(deps, { orgId: 'org-a', timeZone: 'Asia/Kolkata', day: DAY }, 11);
    assert.equal(again.activeStudents, 15);
  });

  it('counts only day documents of that org, that day, flagged analytics (consenting students)', async () => {
    const spec = planDay('org-a', W, DAY).find((s) => s.key === 'activeStudents');
    assert.deepEqual(spec, { key: 'activeStudents', collection: 'wellbeing', group: true, equals: [['orgId', 'org-a'], ['analytics', true], ['day', DAY]], range: null, sums: [] });
    const count = async () => (spec ? (await store.aggregate(spec)).count : -1);
    assert.equal(await count(), 15);
    await seed.activeDay(store, 'late-consent', 'org-a', DAY, false);
    await seed.activeDay(store, 'other-org', 'org-b', DAY, true);
    await seed.activeDay(store, 'next-day', 'org-a', '2025-05-05', true);
    assert.equal(await count(), 15);
    await seed.activeDay(store, 'new-one', 'org-a', DAY, true);
    assert.equal(await count(), 16);
  });

  it('uses the configured minimum cell', async () => {
    const doc = await rollupOrgDay(deps, { orgId: 'org-a', timeZone: 'Asia/Kolkata', day: DAY }, 2);
    assert.deepEqual(doc.chats, { bot: 30, counselor: 2 });
    assert.equal(doc.peer.sessions, 2);
    assert.equal(doc.minCellSize, 2);
  });

  it('costs one aggregation per planned query and per ended circle, billed one read each at this size, plus the circle list and the histogram', async () => {
    const specs = planDay('org-a', W, DAY);
    store.reads = 0;
    await rollupOrgDay(deps, { orgId: 'org-a', timeZone: 'Asia/Kolkata', day: DAY }, 11);
    // Two circles ended that day: listing them reads 2, counting their participants 1 each.
    assert.equal(store.aggregations, specs.length + 2);
    assert.equal(store.reads, specs.length + 2 + 2 + 1);
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

  it('rebuilds the acknowledgement histograms from the events on request (days from before the trigger)', async () => {
    const fresh = new MemoryAnalyticsStore();
    await scenario(fresh);
    const progress: BackfillProgress[] = [];
    await backfill({ store: fresh, now: () => clock }, { from: DAY, to: DAY, orgId: 'org-a', rebuildAck: true }, (p) => progress.push(p));
    assert.deepEqual(figures(fresh.daily('org-a', DAY)), EXPECTED_FIGURES);
    assert.deepEqual(progress.map((p) => (p.kind === 'written' ? p.ackRebuilt : undefined)), [12]);
    // The rebuilt histogram is the one the trigger keeps.
    const path = ackHistogramPath('org-a', DAY);
    const rebuilt = ackHistogramSchema.parse(fresh.docs.get(path));
    const byTrigger = ackHistogramSchema.parse(store.docs.get(path));
    assert.deepEqual([rebuilt.counts, rebuilt.events], [byTrigger.counts, [...byTrigger.events].sort()]);
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
