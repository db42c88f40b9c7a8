/**
 * Deployed analytics functions: wiring only. `nightlyRollup` runs every hour at :05 UTC and rolls up the
 * previous local day of every org whose clock shows 02:xx (schedule.ts); `onRiskEventAcked` keeps the
 * acknowledgement histogram the rollup reads (ack.ts). `build…` take their dependencies (tests pass fakes);
 * the exported constants use Firestore, resolved on first use.
 */
import { onDocumentUpdated, type DocumentSnapshot } from 'firebase-functions/v2/firestore';
import { onSchedule } from 'firebase-functions/v2/scheduler';
import { riskEventSchema, type RiskEvent } from '../model/schemas';
import { REGION } from '../platform/config';
import { DomainError } from '../platform/errors';
import { db } from '../platform/firebase';
import { analyticsEvents } from './events';
import { handleRiskEventUpdated, type AckDeps } from './ack';
import { runNightly, type RollupDeps } from './rollup';
import { ROLLUP_SCHEDULE } from './schedule';
import { firestoreAnalyticsStore } from './firestore-store';

/** Longest a scheduled run may take (the 2nd-gen maximum for scheduled functions). */
const SCHEDULE_TIMEOUT_SECONDS = 540;

export const liveAnalyticsDeps: RollupDeps & AckDeps = {
  get store() {
    return firestoreAnalyticsStore(db());
  },
  now: () => Date.now(),
};

function eventTime(time: string | undefined, fallback: number): number {
  const t = time ? Date.parse(time) : NaN;
  return Number.isFinite(t) ? t : fallback;
}

function riskEventOf(snap: DocumentSnapshot | undefined): RiskEvent | null {
  if (!snap?.exists) return null;
  const parsed = riskEventSchema.safeParse(snap.data());
  return parsed.success ? parsed.data : null;
}

export function buildNightlyRollup(deps: RollupDeps) {
  return onSchedule({ schedule: ROLLUP_SCHEDULE, timeZone: 'UTC', region: REGION, timeoutSeconds: SCHEDULE_TIMEOUT_SECONDS, retryCount: 2 }, async (event) => {
    await runNightly(deps, eventTime(event.scheduleTime, deps.now()));
  });
}

export function buildOnRiskEventAcked(deps: AckDeps) {
  return onDocumentUpdated({ document: 'riskEvents/{eventId}', region: REGION, retry: true }, async (event) => {
    try {
      await handleRiskEventUpdated(deps, event.params.eventId, riskEventOf(event.data?.before), riskEventOf(event.data?.after));
    } catch (err) {
      if (err instanceof DomainError && (err.code === 'data/corrupt-document' || err.code === 'path/invalid-id')) {
        analyticsEvents.triggerGaveUp({ trigger: 'onRiskEventAcked', errorCode: err.code });
        return;
      }
      throw err;
    }
  });
}

export const nightlyRollup = buildNightlyRollup(liveAnalyticsDeps);
export const onRiskEventAcked = buildOnRiskEventAcked(liveAnalyticsDeps);
