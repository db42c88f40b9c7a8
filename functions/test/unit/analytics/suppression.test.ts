/**
 * Small-cell and complementary suppression (suppression.ts) and the guarded ratios of publish.ts: nothing
 * below the minimum cell is shown, and no withheld cell can be worked out from a published total.
 */
import assert from 'node:assert/strict';
import { suppressCell, suppressGroup, type Cell } from '../../../src/analytics/suppression';
import { guardedRatio } from '../../../src/analytics/publish';

const KEYS = ['a', 'b', 'c', 'd'] as const;
type K = (typeof KEYS)[number];
const group = (a: number, b: number, c: number, d: number, min = 11) => suppressGroup(KEYS, { a, b, c, d }, min);

/** Everything a reader can infer about withheld cells from a published total: their sum must stay ambiguous. */
function assertNotDerivable(counts: Record<K, number>, cells: Record<K, Cell>, total: Cell, min: number): void {
  const withheld = KEYS.filter((k) => cells[k] === null);
  for (const k of KEYS) {
    if (cells[k] !== null) assert.equal(cells[k], counts[k], `published cell ${k} must be exact`);
    if (cells[k] !== null) assert.ok(counts[k] >= min, `published cell ${k}=${String(counts[k])} below ${String(min)}`);
  }
  if (total === null) {
    assert.ok(withheld.length > 0, 'a withheld total with every cell published is their sum');
    return;
  }
  assert.ok(total >= min, 'published total below minimum');
  if (withheld.length > 0) {
    assert.ok(withheld.length >= 2, `a lone withheld cell (${withheld.join()}) is total minus the others`);
    const hiddenSum = withheld.reduce((s, k) => s + counts[k], 0);
    assert.ok(hiddenSum >= min, `withheld cells add up to ${String(hiddenSum)}, below ${String(min)}`);
  }
}

describe('analytics suppression', () => {
  it('withholds a lone count below the minimum (zero included) and shows one at the minimum', () => {
    assert.equal(suppressCell(10, 11), null);
    assert.equal(suppressCell(0, 11), null);
    assert.equal(suppressCell(11, 11), 11);
  });

  it('publishes a group where every cell reaches the minimum, with its total', () => {
    assert.deepEqual(group(11, 20, 30, 40), { cells: { a: 11, b: 20, c: 30, d: 40 }, total: 101 });
  });

  it('withholds a second cell (the smallest published) when exactly one is below the minimum: it would be total minus the rest', () => {
    const r = group(20, 5, 30, 40);
    assert.deepEqual(r, { cells: { a: null, b: null, c: 30, d: 40 }, total: 95 });
  });

  it('keeps withholding while the withheld cells add up to less than the minimum', () => {
    // 0 and 3 withheld add up to 3: the reader would know both are tiny, so the smallest published (12) goes too.
    const r = group(0, 3, 12, 50);
    assert.deepEqual(r, { cells: { a: null, b: null, c: null, d: 50 }, total: 65 });
  });

  it('withholds the total when every cell is withheld, and everything when the total is below the minimum', () => {
    assert.deepEqual(group(2, 3, 1, 4), { cells: { a: null, b: null, c: null, d: null }, total: null });
    assert.deepEqual(group(0, 0, 0, 0), { cells: { a: null, b: null, c: null, d: null }, total: null });
  });

  it('withholds both cells of a two-cell group when one is small, and the total of a one-cell group', () => {
    const single = suppressGroup(['x', 'y'] as const, { x: 4, y: 30 }, 11);
    // Withholding y as well leaves x+y = 34 ≥ 11 hidden behind a published total: allowed.
    assert.deepEqual(single, { cells: { x: null, y: null }, total: 34 });
    const one = suppressGroup(['x'] as const, { x: 4 }, 11);
    assert.deepEqual(one, { cells: { x: null }, total: null });
  });

  it('breaks ties by key order, so re-runs agree', () => {
    const r1 = group(5, 30, 30, 50);
    const r2 = group(5, 30, 30, 50);
    assert.deepEqual(r1, r2);
    assert.deepEqual(r1.cells, { a: null, b: null, c: 30, d: 50 });
  });

  it('honours the configured minimum', () => {
    assert.deepEqual(group(3, 3, 3, 3, 3), { cells: { a: 3, b: 3, c: 3, d: 3 }, total: 12 });
    assert.deepEqual(group(2, 3, 3, 3, 3), { cells: { a: null, b: null, c: 3, d: 3 }, total: 11 });
  });

  it('never leaves a withheld cell derivable, over every group of small and large counts', () => {
    const values = [0, 1, 4, 10, 11, 12, 25, 100];
    let checked = 0;
    for (const a of values) for (const b of values) for (const c of values) for (const d of values) {
      const counts = { a, b, c, d };
      const r = suppressGroup(KEYS, counts, 11);
      assertNotDerivable(counts, r.cells, r.total, 11);
      checked += 1;
    }
    assert.equal(checked, values.length ** 4);
  });

  it('publishes a ratio only when it rests on at least the minimum number of observations', () => {
    assert.equal(guardedRatio(9, 10, 11, 2), null);
    assert.equal(guardedRatio(10, 12, 11, 2), 0.83);
    assert.equal(guardedRatio(0, 0, 2, 2), null);
  });
});
