/**
 * The rollup core, shared by the nightly schedule and the backfill script: one org-day is planned (plan.ts),
 * every spec runs as an aggregation query (a few at a time), the day's acknowledgement histogram is read,
 * the figures are suppressed and published (publish.ts) and the document is replaced with `set`. Re-running a
 * day rewrites the same figures from the same data; nothing is incremented.
 */
import type { AnalyticsDaily } from '../model/schemas';
import { errorFields } from '../platform/log';
import { analyticsEvents } from './events';
import { figuresOf, planDay, type AggregateResult } from './plan';
import { publishDay } from './publish';
import { dayWindow, daysFrom, dueRollups, type RollupTarget } from './schedule';
import type { AnalyticsStore } from './store';

export interface RollupDeps {
  store: AnalyticsStore;
  now: () => number;
}

/** Aggregation queries in flight at once per org-day. */
const CONCURRENCY = 6;
/** Orgs rolled up at once by one scheduled run. */
const ORG_CONCURRENCY = 4;

async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      const item = items[i];
      if (item !== undefined) out[i] = await fn(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** Rolls up one org-day and writes it. */
export async function rollupOrgDay(deps: RollupDeps, target: RollupTarget, minCell: number): Promise<AnalyticsDaily> {
  const window = dayWindow(target.day, target.timeZone);
  const specs = planDay(target.orgId, window, target.day);
  const answers = await mapLimited(specs, CONCURRENCY, async (spec): Promise<[string, AggregateResult]> => [spec.key, await deps.store.aggregate(spec)]);
  const [histogram, participants] = await Promise.all([
    deps.store.ackHistogram(target.orgId, target.day),
    deps.store.participantsPerEndedCircle(target.orgId, window),
  ]);
  const doc = publishDay({
    orgId: target.orgId,
    day: target.day,
    minCell,
    figures: figuresOf(new Map(answers), participants),
    ackHistogram: histogram ?? [],
    generatedAt: deps.now(),
  });
  await deps.store.writeDaily(doc);
  analyticsEvents.rollupWritten({ orgId: target.orgId, day: target.day, queries: specs.length, minCell });
  return doc;
}

export interface NightlyResult {
  due: RollupTarget[];
  written: number;
  failed: number;
}

/** Thrown after a run in which some org failed (the others were written); the schedule's retry re-runs it. */
export class RollupIncompleteError extends Error {
  constructor(readonly failed: number) {
    super(`${String(failed)} org rollup(s) failed`);
    this.name = 'RollupIncompleteError';
  }
}

/** One tick of the schedule: every org whose local time is 02:xx gets its previous day rolled up. */
export async function runNightly(deps: RollupDeps, now: number): Promise<NightlyResult> {
  const [config, orgs] = await Promise.all([deps.store.appConfig(), deps.store.orgZones()]);
  const due = dueRollups(now, orgs);
  const outcomes = await mapLimited(due, ORG_CONCURRENCY, async (target) => {
    try {
      await rollupOrgDay(deps, target, config.analytics.minCellSize);
      return true;
    } catch (err) {
      analyticsEvents.rollupFailed({ orgId: target.orgId, day: target.day, ...errorFields(err) });
      return false;
    }
  });
  const written = outcomes.filter(Boolean).length;
  const failed = outcomes.length - written;
  analyticsEvents.nightlyRun({ orgs: orgs.length, due: due.length, written, failed });
  if (failed > 0) throw new RollupIncompleteError(failed);
  return { due, written, failed };
}

export interface BackfillRange {
  from: string;
  to: string;
  orgId?: string | undefined;
  /** Rebuild each day's acknowledgement histogram from its events first (days from before onRiskEventAcked). */
  rebuildAck?: boolean | undefined;
}

export type BackfillProgress =
  | { kind: 'written'; orgId: string; day: string; doc: AnalyticsDaily; ackRebuilt?: number }
  | { kind: 'skipped'; orgId: string; day: string; why: 'day-not-over' | 'unknown-org' };

/**
 * Rolls up every day of `[from, to]` for one org or for all, in order, reporting each day through
 * `progress`. A day that has not ended yet in the org's timezone is skipped (its figures would be partial).
 */
export async function backfill(deps: RollupDeps, range: BackfillRange, progress: (p: BackfillProgress) => void): Promise<{ written: number; skipped: number }> {
  const config = await deps.store.appConfig();
  const orgs = range.orgId === undefined ? await deps.store.orgZones() : await oneOrg(deps.store, range.orgId);
  const days = daysFrom(range.from, range.to);
  let written = 0;
  let skipped = 0;
  if (orgs.length === 0 && range.orgId !== undefined) {
    for (const day of days) progress({ kind: 'skipped', orgId: range.orgId, day, why: 'unknown-org' });
    return { written, skipped: days.length };
  }
  for (const org of orgs) {
    for (const day of days) {
      if (dayWindow(day, org.timeZone).to > deps.now()) {
        skipped += 1;
        progress({ kind: 'skipped', orgId: org.orgId, day, why: 'day-not-over' });
        continue;
      }
      const ackRebuilt = range.rebuildAck ? await deps.store.rebuildAckHistogram(org.orgId, day, dayWindow(day, org.timeZone), deps.now()) : undefined;
      const doc = await rollupOrgDay(deps, { ...org, day }, config.analytics.minCellSize);
      written += 1;
      progress({ kind: 'written', orgId: org.orgId, day, doc, ...(ackRebuilt === undefined ? {} : { ackRebuilt }) });
    }
  }
  return { written, skipped };
}

async function oneOrg(store: AnalyticsStore, orgId: string) {
  const timeZone = await store.orgTimeZone(orgId);
  return timeZone === null ? [] : [{ orgId, timeZone }];
}
