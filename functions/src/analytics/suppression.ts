/**
 * Small-cell suppression for the anonymised daily rollup (DESIGN.md §4.6). Pure.
 *
 * Algorithm, per group of cells that add up to a published total (entries by kind, PHQ-9 bands, …):
 * 1. Primary suppression: every cell below `minCell` (zeros included) is withheld, and so is a total below it
 *    (then every cell is below it too, since cells never exceed their total).
 * 2. Complementary suppression: while the total is published, the withheld cells must not be recoverable from
 *    it. `total − Σ published cells` reveals the sum of the withheld cells, so the withheld set must hold at
 *    least two cells AND add up to at least `minCell` (otherwise a lone withheld cell is the difference, and a
 *    small withheld sum pins each member down to a handful of people — or to zero). Until that holds, the
 *    smallest published cell is withheld as well (ties broken by the group's key order, so re-runs agree).
 *    When no published cell is left, the total is withheld instead.
 * A withheld total is never the sum of published cells: it is withheld only when every cell is.
 * Groups are independent: the rollup publishes no other linear relation between cells.
 */

export type Cell = number | null;

export interface SuppressedGroup<K extends string> {
  cells: Record<K, Cell>;
  total: Cell;
}

/** A lone count (no group, no total): withheld below `minCell`. */
export function suppressCell(value: number, minCell: number): Cell {
  return value < minCell ? null : value;
}

/** Suppresses a group of counts and its total; `keys` fixes the order used to break ties. */
export function suppressGroup<K extends string>(keys: readonly K[], counts: Readonly<Record<K, number>>, minCell: number): SuppressedGroup<K> {
  const total = keys.reduce((sum, k) => sum + counts[k], 0);
  const withheld = new Set<K>(keys.filter((k) => counts[k] < minCell));
  let totalWithheld = total < minCell;

  const smallestPublished = (): K | undefined => {
    let best: K | undefined;
    for (const k of keys) {
      if (withheld.has(k)) continue;
      if (best === undefined || counts[k] < counts[best]) best = k;
    }
    return best;
  };
  const withheldSum = (): number => [...withheld].reduce((sum, k) => sum + counts[k], 0);

  while (!totalWithheld && withheld.size > 0 && (withheld.size < 2 || withheldSum() < minCell)) {
    const next = smallestPublished();
    if (next === undefined) totalWithheld = true;
    else withheld.add(next);
  }

  const cells = Object.fromEntries(keys.map((k) => [k, withheld.has(k) ? null : counts[k]]));
  return { cells: cells as Record<K, Cell>, total: totalWithheld ? null : total };
}
