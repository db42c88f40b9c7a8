/**
 * Keeps the acknowledgement histogram at write time: when a risk event is first acknowledged, one is added to
 * the bucket of its time to acknowledgement (ackAt − createdAt) in the histogram of the local day (org
 * timezone) the event was created. The store counts each event id once, so a re-delivered trigger changes
 * nothing. The rollup then reads one document per org-day instead of the day's events.
 */
import type { RiskEvent } from '../model/schemas';
import { localDay, MINUTE_MS } from '../notify/zoned-time';
import { analyticsEvents } from './events';
import { ACK_BUCKET_COUNT, ackBucket } from './histogram';
import type { AckRecord, AnalyticsStore } from './store';

export interface AckDeps {
  store: AnalyticsStore;
  now: () => number;
}

export type AckOutcome = AckRecord | 'not-acknowledged' | 'unknown-org';

/** Handles a risk event update; `before` is null when absent or unreadable (the store still counts once). */
export async function handleRiskEventUpdated(deps: AckDeps, eventId: string, before: RiskEvent | null, after: RiskEvent | null): Promise<AckOutcome> {
  if (after === null || after.ackAt === null || (before !== null && before.ackAt !== null)) return 'not-acknowledged';
  const timeZone = await deps.store.orgTimeZone(after.orgId);
  if (timeZone === null) {
    analyticsEvents.orgSkipped({ orgId: after.orgId, why: 'unknown-org' });
    return 'unknown-org';
  }
  const created = after.createdAt.toMillis();
  const day = localDay(created, timeZone);
  const bucket = ackBucket((after.ackAt.toMillis() - created) / MINUTE_MS);
  const result = await deps.store.recordAck(after.orgId, day, eventId, bucket, deps.now());
  analyticsEvents.ackRecorded({ orgId: after.orgId, day, bucket, result });
  return result;
}

export interface AckedEvent {
  id: string;
  createdAt: number;
  /** Null while unacknowledged. */
  ackAt: number | null;
}

/** The histogram of a day's events as the trigger would have built it (for `npm run rollup -- --rebuild-ack`). */
export function histogramOfEvents(events: readonly AckedEvent[]): { counts: number[]; events: string[] } {
  const counts = new Array<number>(ACK_BUCKET_COUNT).fill(0);
  const ids: string[] = [];
  for (const e of [...events].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    if (e.ackAt === null) continue;
    const b = ackBucket((e.ackAt - e.createdAt) / MINUTE_MS);
    counts[b] = (counts[b] ?? 0) + 1;
    ids.push(e.id);
  }
  return { counts, events: ids };
}
