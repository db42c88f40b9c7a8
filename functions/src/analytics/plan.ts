/**
 * What the nightly rollup asks Firestore, as data (pure): one aggregation query per published count, each an
 * equality filter on indexed fields (always `orgId` first) plus a half-open time range on one timestamp field,
 * optionally with sums of numeric fields. `planDay` lists them for one org and one local day; `figuresOf` turns
 * their answers back into raw daily figures. The store runs each spec as one `count()`/`sum()` aggregation
 * (billed 1 read per 1,000 index entries matched), so the rollup's cost depends on the number of specs, not
 * on the number of documents. Attendance is the one figure counted per circle (README.md, Cost). Every spec
 * and its composite index are listed in README.md.
 */
import {
  BOOKING_STATUSES,
  CHAT_KINDS,
  ENTRY_KINDS,
  RISK_EVENT_LEVELS,
  type BookingStatus,
  type ChatKind,
  type EntryKind,
  type RiskEventLevel,
} from '../model/schemas';

/** Collections the rollup counts (collection ids; `group` specs query every collection with that id). */
export type RollupCollection = 'wellbeing' | 'entries' | 'assessments' | 'chats' | 'riskEvents' | 'bookings' | 'peerSessions';

export interface AggregateSpec {
  /** Stable name of the figure, e.g. `entries.mood`. */
  key: string;
  collection: RollupCollection;
  /** True for a collection-group query (`users/{uid}/entries` of every user). */
  group: boolean;
  /** Equality filters, in index order; the first is always `orgId`. */
  equals: ReadonlyArray<readonly [field: string, value: string | boolean]>;
  /**
   * Half-open range `[from, to)` in epoch milliseconds on a timestamp field; null when an equality filter
   * already picks the day (the daily well-being documents, by `day`).
   */
  range: { field: string; from: number; to: number } | null;
  /** Numeric fields summed alongside the count. */
  sums: readonly string[];
}

export interface AggregateResult {
  count: number;
  /** Sum per field of `AggregateSpec.sums` (0 when no document holds the field). */
  sums: Readonly<Record<string, number>>;
}

export const PHQ9_BANDS = ['minimal', 'mild', 'moderate', 'moderately-severe', 'severe'] as const;
export type Phq9Band = (typeof PHQ9_BANDS)[number];
export const GAD7_BANDS = ['minimal', 'mild', 'moderate', 'severe'] as const;
export type Gad7Band = (typeof GAD7_BANDS)[number];

/** The raw figures of one org-day, before suppression. */
export interface DayFigures {
  activeStudents: number;
  entries: Record<EntryKind, number>;
  phq9: Record<Phq9Band, number>;
  gad7: Record<Gad7Band, number>;
  chats: Record<ChatKind, number>;
  riskEvents: Record<RiskEventLevel, number>;
  /** Outcome labels given that day (riskEvents resolved that day). */
  labels: { truePositive: number; falsePositive: number };
  bookings: Record<BookingStatus, number>;
  peer: { sessions: number; attendance: number; feedbackCount: number; ratingSum: number };
}

/** The local day as instants: `[from, to)`. */
export interface DayWindow {
  from: number;
  to: number;
}

const PEER_SUMS = ['feedbackCount', 'ratingSum'] as const;

/**
 * Every aggregation query of one org-day: `day` is the org's local day (yyyy-mm-dd) and `window` its instants.
 * Active students are the students' daily well-being documents of that day (`users/{uid}/wellbeing/{day}`,
 * written by onEntryCreated in the student's timezone) that are flagged `analytics` (a consenting student).
 */
export function planDay(orgId: string, window: DayWindow, day: string): AggregateSpec[] {
  const spec = (
    key: string,
    collection: RollupCollection,
    group: boolean,
    equals: ReadonlyArray<readonly [string, string | boolean]>,
    field: string,
    sums: readonly string[] = [],
  ): AggregateSpec => ({ key, collection, group, equals: [['orgId', orgId], ...equals], range: { field, ...window }, sums });

  return [
    { key: 'activeStudents', collection: 'wellbeing', group: true, equals: [['orgId', orgId], ['analytics', true], ['day', day]], range: null, sums: [] },
    ...ENTRY_KINDS.map((kind) => spec(`entries.${kind}`, 'entries', true, [['kind', kind]], 'createdAt')),
    ...PHQ9_BANDS.map((band) => spec(`phq9.${band}`, 'assessments', true, [['instrument', 'phq9'], ['severity', band]], 'createdAt')),
    ...GAD7_BANDS.map((band) => spec(`gad7.${band}`, 'assessments', true, [['instrument', 'gad7'], ['severity', band]], 'createdAt')),
    ...CHAT_KINDS.map((kind) => spec(`chats.${kind}`, 'chats', false, [['kind', kind]], 'createdAt')),
    ...RISK_EVENT_LEVELS.map((level) => spec(`riskEvents.${level}`, 'riskEvents', false, [['level', level]], 'createdAt')),
    spec('labels.truePositive', 'riskEvents', false, [['outcome', 'true-positive']], 'resolvedAt'),
    spec('labels.falsePositive', 'riskEvents', false, [['outcome', 'false-positive']], 'resolvedAt'),
    ...BOOKING_STATUSES.map((status) => spec(`bookings.${status}`, 'bookings', false, [['status', status]], 'start')),
    spec('peer.ended', 'peerSessions', false, [['status', 'ended']], 'scheduledAt', PEER_SUMS),
  ];
}

/** Thrown when an answer is missing for a planned spec: a bug in the store, never silently a zero. */
export class MissingFigureError extends Error {
  constructor(readonly key: string) {
    super(`no aggregation result for ${key}`);
    this.name = 'MissingFigureError';
  }
}

/**
 * The raw figures from the answers to `planDay`'s specs, keyed by `AggregateSpec.key`, and the participants
 * of each of the day's ended circles (counted per circle: participation documents carry no org).
 */
export function figuresOf(results: ReadonlyMap<string, AggregateResult>, participantsPerCircle: readonly number[]): DayFigures {
  const get = (key: string): AggregateResult => {
    const r = results.get(key);
    if (!r) throw new MissingFigureError(key);
    return r;
  };
  const count = (key: string) => get(key).count;
  const byKey = <K extends string>(prefix: string, keys: readonly K[]): Record<K, number> =>
    Object.fromEntries(keys.map((k) => [k, count(`${prefix}.${k}`)])) as Record<K, number>;
  const peer = get('peer.ended');
  return {
    activeStudents: count('activeStudents'),
    entries: byKey('entries', ENTRY_KINDS),
    phq9: byKey('phq9', PHQ9_BANDS),
    gad7: byKey('gad7', GAD7_BANDS),
    chats: byKey('chats', CHAT_KINDS),
    riskEvents: byKey('riskEvents', RISK_EVENT_LEVELS),
    labels: { truePositive: count('labels.truePositive'), falsePositive: count('labels.falsePositive') },
    bookings: byKey('bookings', BOOKING_STATUSES),
    peer: {
      sessions: peer.count,
      attendance: participantsPerCircle.reduce((a, b) => a + b, 0),
      feedbackCount: peer.sums.feedbackCount ?? 0,
      ratingSum: peer.sums.ratingSum ?? 0,
    },
  };
}
