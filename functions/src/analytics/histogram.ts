/**
 * Time to acknowledgement as a bounded histogram (pure). The acknowledgement trigger (ack.ts) adds one to the
 * bucket of each acknowledged risk event, so the rollup reads one small document whatever the number of
 * events, and computes median and p90 from it: nearest-rank quantile, linearly interpolated inside its bucket.
 * The error is at most the width of the bucket holding the quantile (1 minute below 3 minutes, 30 minutes
 * between 1 and 2 hours). The last bucket is open (≥ 48 hours) and reports its lower edge.
 */

/** Upper edges (exclusive, minutes) of the buckets; a last, open bucket holds everything from 2,880 on. */
export const ACK_BUCKET_EDGES_MIN = [1, 2, 3, 5, 10, 15, 20, 30, 45, 60, 90, 120, 180, 240, 360, 480, 720, 1440, 2880] as const;
export const ACK_BUCKET_COUNT = ACK_BUCKET_EDGES_MIN.length + 1;

/** Bucket index of a time to acknowledgement in minutes (negative clock skew counts as 0). */
export function ackBucket(minutes: number): number {
  const m = Math.max(0, minutes);
  const i = ACK_BUCKET_EDGES_MIN.findIndex((edge) => m < edge);
  return i === -1 ? ACK_BUCKET_EDGES_MIN.length : i;
}

function bucketBounds(i: number): [number, number] {
  const lo = i === 0 ? 0 : (ACK_BUCKET_EDGES_MIN[i - 1] ?? 0);
  const hi = ACK_BUCKET_EDGES_MIN[i] ?? lo;
  return [lo, hi];
}

/** The q-quantile (0 < q ≤ 1) of the histogram in minutes, rounded to 0.1; null when it is empty. */
export function histogramQuantile(counts: readonly number[], q: number): number | null {
  const n = counts.reduce((a, b) => a + b, 0);
  if (n === 0) return null;
  const rank = Math.max(1, Math.ceil(q * n));
  let seen = 0;
  for (let i = 0; i < counts.length; i++) {
    const c = counts[i] ?? 0;
    if (c > 0 && seen + c >= rank) {
      const [lo, hi] = bucketBounds(i);
      const value = lo + ((hi - lo) * (rank - seen)) / c;
      return Math.round(value * 10) / 10;
    }
    seen += c;
  }
  return null;
}
