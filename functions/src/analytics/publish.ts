/**
 * Raw daily figures → the published `analytics/{orgId}/daily/{day}` document (pure): small-cell and
 * complementary suppression per group (suppression.ts), median and p90 time to acknowledgement from the
 * day's histogram (histogram.ts), screener precision and the mean peer-circle rating, each published only
 * when it rests on at least `minCell` observations. The output holds counts only: no user id, no event id.
 */
import { Timestamp } from 'firebase-admin/firestore';
import { BOOKING_STATUSES, CHAT_KINDS, ENTRY_KINDS, RISK_EVENT_LEVELS, type AnalyticsDaily } from '../model/schemas';
import { histogramQuantile } from './histogram';
import { GAD7_BANDS, PHQ9_BANDS, type DayFigures } from './plan';
import { suppressCell, suppressGroup } from './suppression';

export interface PublishInput {
  orgId: string;
  day: string;
  minCell: number;
  figures: DayFigures;
  /** Acknowledged events of the day per bucket of `ACK_BUCKET_EDGES_MIN` (empty when none). */
  ackHistogram: readonly number[];
  generatedAt: number;
}

const round = (value: number, places: number) => {
  const f = 10 ** places;
  return Math.round(value * f) / f;
};

/** `numerator / denominator` rounded to `places`, or null when it rests on fewer than `minCell` observations. */
export function guardedRatio(numerator: number, denominator: number, minCell: number, places: number): number | null {
  if (denominator < minCell || denominator === 0) return null;
  return round(numerator / denominator, places);
}

/** Median and p90 minutes to acknowledgement, or nulls when fewer than `minCell` events were acknowledged. */
export function ackQuantiles(histogram: readonly number[], minCell: number): { median: number | null; p90: number | null } {
  const n = histogram.reduce((a, b) => a + b, 0);
  if (n < minCell) return { median: null, p90: null };
  return { median: histogramQuantile(histogram, 0.5), p90: histogramQuantile(histogram, 0.9) };
}

export function publishDay(input: PublishInput): AnalyticsDaily {
  const { figures: f, minCell } = input;
  const entries = suppressGroup(ENTRY_KINDS, f.entries, minCell);
  const phq9 = suppressGroup(PHQ9_BANDS, f.phq9, minCell);
  const gad7 = suppressGroup(GAD7_BANDS, f.gad7, minCell);
  const chats = suppressGroup(CHAT_KINDS, f.chats, minCell);
  const risk = suppressGroup(RISK_EVENT_LEVELS, f.riskEvents, minCell);
  const bookings = suppressGroup(BOOKING_STATUSES, f.bookings, minCell);
  const ack = ackQuantiles(input.ackHistogram, minCell);
  const labelled = f.labels.truePositive + f.labels.falsePositive;
  return {
    orgId: input.orgId,
    day: input.day,
    minCellSize: minCell,
    activeStudents: suppressCell(f.activeStudents, minCell),
    entries: entries.cells,
    assessments: { phq9: phq9.cells, gad7: gad7.cells },
    chats: chats.cells,
    riskEvents: {
      ...risk.cells,
      ackMedianMin: ack.median,
      ackP90Min: ack.p90,
      screenerPrecision: guardedRatio(f.labels.truePositive, labelled, minCell, 2),
    },
    bookings: bookings.cells,
    peer: {
      sessions: suppressCell(f.peer.sessions, minCell),
      attendance: suppressCell(f.peer.attendance, minCell),
      ratingAvg: guardedRatio(f.peer.ratingSum, f.peer.feedbackCount, minCell, 2),
    },
    totals: {
      entries: entries.total,
      phq9: phq9.total,
      gad7: gad7.total,
      chats: chats.total,
      riskEvents: risk.total,
      bookings: bookings.total,
    },
    generatedAt: Timestamp.fromMillis(input.generatedAt),
  };
}
