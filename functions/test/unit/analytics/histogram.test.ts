/**
 * Percentiles from the acknowledgement histogram (histogram.ts, publish.ts): buckets, nearest-rank quantiles
 * interpolated inside a bucket, the error bound against exact percentiles, and suppression below the minimum.
 */
import assert from 'node:assert/strict';
import { ACK_BUCKET_COUNT, ACK_BUCKET_EDGES_MIN, ackBucket, histogramQuantile } from '../../../src/analytics/histogram';
import { ackQuantiles } from '../../../src/analytics/publish';

function histogramOf(minutes: readonly number[]): number[] {
  const h = new Array<number>(ACK_BUCKET_COUNT).fill(0);
  for (const m of minutes) h[ackBucket(m)] = (h[ackBucket(m)] ?? 0) + 1;
  return h;
}

function exactQuantile(sorted: readonly number[], q: number): number {
  return sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1] ?? NaN;
}

/** Width of the bucket holding `minutes` (the open last bucket has none). */
function widthAt(minutes: number): number {
  const i = ackBucket(minutes);
  const lo = i === 0 ? 0 : (ACK_BUCKET_EDGES_MIN[i - 1] ?? 0);
  const hi = ACK_BUCKET_EDGES_MIN[i] ?? lo;
  return hi - lo;
}

describe('analytics acknowledgement histogram', () => {
  it('puts each time in the bucket whose edges hold it (upper edge exclusive; negative skew is 0; ≥ 48 h is the open bucket)', () => {
    assert.equal(ackBucket(0), 0);
    assert.equal(ackBucket(-3), 0);
    assert.equal(ackBucket(0.99), 0);
    assert.equal(ackBucket(1), 1);
    assert.equal(ackBucket(4.5), 3);
    assert.equal(ackBucket(119.9), 11);
    assert.equal(ackBucket(120), 12);
    assert.equal(ackBucket(2879), ACK_BUCKET_COUNT - 2);
    assert.equal(ackBucket(100_000), ACK_BUCKET_COUNT - 1);
  });

  it('reads the median and p90 inside the right bucket, interpolated by rank', () => {
    // 10 events: 4 in [5,10), 6 in [10,15). Median = rank 5 = first of [10,15) → 10 + 5·1/6; p90 = rank 9 → 10 + 5·5/6.
    const h = histogramOf([6, 7, 8, 9, 11, 12, 12, 13, 14, 14]);
    assert.equal(histogramQuantile(h, 0.5), 10.8);
    assert.equal(histogramQuantile(h, 0.9), 14.2);
    assert.equal(histogramQuantile(new Array<number>(ACK_BUCKET_COUNT).fill(0), 0.5), null);
  });

  it('stays within one bucket width of the exact percentile', () => {
    let seed = 7;
    const rand = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let trial = 0; trial < 50; trial++) {
      const n = 11 + Math.floor(rand() * 200);
      const minutes = Array.from({ length: n }, () => Math.exp(rand() * Math.log(2000)));
      const sorted = [...minutes].sort((a, b) => a - b);
      for (const q of [0.5, 0.9]) {
        const exact = exactQuantile(sorted, q);
        const approx = histogramQuantile(histogramOf(minutes), q);
        assert.ok(approx !== null);
        assert.ok(Math.abs(approx - exact) <= widthAt(exact) + 0.05, `q=${String(q)} exact ${exact.toFixed(2)} approx ${String(approx)}`);
      }
    }
  });

  it('reports the open bucket by its lower edge (48 h)', () => {
    assert.equal(histogramQuantile(histogramOf([5000, 6000]), 0.5), 2880);
  });

  it('withholds median and p90 when fewer events than the minimum cell were acknowledged', () => {
    const ten = histogramOf(Array.from({ length: 10 }, (_, i) => i + 1));
    assert.deepEqual(ackQuantiles(ten, 11), { median: null, p90: null });
    const eleven = histogramOf(Array.from({ length: 11 }, () => 7));
    // Ranks 6 and 10 of 11 inside [5, 10): 5 + 5·6/11 and 5 + 5·10/11.
    assert.deepEqual(ackQuantiles(eleven, 11), { median: 7.7, p90: 9.5 });
  });
});
