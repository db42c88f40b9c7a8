/**
 * The analytics store interface: what the rollup and the acknowledgement histogram need from Firestore.
 * firestore-store.ts implements it with firebase-admin aggregation queries; tests use an in-memory fake
 * (test/support/analytics-fakes.ts) that bills reads the same way. Also the schema of the internal histogram
 * document `analytics/{orgId}/ackHistograms/{day}` (functions only: firestore.rules matches no such path).
 */
import { z } from 'zod';
import { COLLECTIONS, segment } from '../model/paths';
import { daySchema, idSchema, orgIdSchema, timestampSchema, type AnalyticsDaily, type AppConfig } from '../model/schemas';
import { ACK_BUCKET_COUNT } from './histogram';
import type { AggregateResult, AggregateSpec, DayWindow } from './plan';
import type { OrgZone } from './schedule';

export const ACK_HISTOGRAMS = 'ackHistograms';

export const ackHistogramSchema = z
  .object({
    orgId: orgIdSchema.describe('the org'),
    day: daySchema.describe('local day (org timezone) the events were created; equals the document id'),
    counts: z.array(z.int().min(0)).length(ACK_BUCKET_COUNT).describe('acknowledged events per bucket of ACK_BUCKET_EDGES_MIN'),
    events: z.array(idSchema).describe('ids of the risk events counted, so a re-delivered trigger counts an event once'),
    updatedAt: timestampSchema.describe('last change'),
  })
  .strict();
export type AckHistogram = z.infer<typeof ackHistogramSchema>;

/** `analytics/{orgId}/ackHistograms/{day}`. */
export function ackHistogramPath(orgId: string, day: string): string {
  return `${COLLECTIONS.analytics}/${segment(orgId, 'org id')}/${ACK_HISTOGRAMS}/${daySchema.parse(day)}`;
}

export type AckRecord = 'recorded' | 'already-counted';

export interface AnalyticsStore {
  /** `config/app` with defaults (the minimum cell size). */
  appConfig(): Promise<AppConfig>;
  /** Every org with its timezone (an org whose document does not parse is logged and left out). */
  orgZones(): Promise<OrgZone[]>;
  /** One org's timezone; null when the org does not exist. */
  orgTimeZone(orgId: string): Promise<string | null>;
  /** Runs one spec as an aggregation query. */
  aggregate(spec: AggregateSpec): Promise<AggregateResult>;
  /**
   * Participants of each circle of the org that ended and was scheduled in `window`: the circles are listed
   * (ids only) and each one's `participants` collection is counted (everyone who joined, including those who
   * left; participation documents carry no org, so there is no single query for them).
   */
  participantsPerEndedCircle(orgId: string, window: DayWindow): Promise<number[]>;
  /** The day's acknowledgement histogram; null when no event of that day was acknowledged. */
  ackHistogram(orgId: string, day: string): Promise<readonly number[] | null>;
  /** Adds one event to its day's histogram, once per event id (in a transaction). */
  recordAck(orgId: string, day: string, eventId: string, bucket: number, now: number): Promise<AckRecord>;
  /**
   * Rebuilds a day's histogram from the events created in `window` (one read per event: for backfilling days
   * acknowledged before `onRiskEventAcked` existed, never on the nightly path). Returns the events counted.
   */
  rebuildAckHistogram(orgId: string, day: string, window: DayWindow, now: number): Promise<number>;
  /** Replaces `analytics/{orgId}/daily/{day}` with `doc` (a full `set`, never an increment). */
  writeDaily(doc: AnalyticsDaily): Promise<void>;
}
