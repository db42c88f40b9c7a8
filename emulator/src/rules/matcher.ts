// Matches a request path against the ruleset's nested `match` blocks. A block whose pattern
// consumes the whole path is a complete match (its allows are candidates); a prefix match only
// descends into its children, so rules never cascade into subcollections. `{x}` binds one
// segment as a string, `{x=**}` binds a path: one or more segments in rules_version 1 (last
// segment only), zero or more anywhere in version 2. Query paths may contain ANY_ID (an unknown
// document id) and ANY_SEGMENTS (an unknown run of segments, for collection groups); a pattern
// must then match every possible document, and wildcards bound to unknown parts are UNKNOWN.

import type { MatchBlock, Ruleset } from './ast';
import { RPath, UNKNOWN, type Value } from './values';

export const ANY_ID = Symbol('any document id');
export const ANY_SEGMENTS = Symbol('any run of segments');
export type PathItem = string | typeof ANY_ID | typeof ANY_SEGMENTS;

export interface MatchCandidate {
  readonly block: MatchBlock;
  /** Match-variable values indexed by slot. */
  readonly vars: readonly Value[];
  /** The blocks from the outermost to `block`. */
  readonly chain: readonly MatchBlock[];
}

export function findMatches(ruleset: Ruleset, items: readonly PathItem[]): MatchCandidate[] {
  const out: MatchCandidate[] = [];
  const vars: Value[] = new Array<Value>(ruleset.slotCount).fill(null);
  for (const block of ruleset.matches) visit(block, items, 0, vars, [], ruleset.version, out);
  return out;
}

function visit(block: MatchBlock, items: readonly PathItem[], from: number, vars: Value[], chain: readonly MatchBlock[], version: 1 | 2, out: MatchCandidate[]): void {
  const nextChain = [...chain, block];
  const wantEnd = block.children.length === 0 ? items.length : undefined;
  for (const m of matchPattern(block, items, from, wantEnd, version)) {
    const local = vars.slice();
    m.bindings.forEach((v, i) => {
      local[block.slotBase + i] = v;
    });
    if (m.end === items.length) out.push({ block, vars: local, chain: nextChain });
    for (const child of block.children) visit(child, items, m.end, local, nextChain, version, out);
  }
}

interface PatternMatch {
  readonly end: number;
  readonly bindings: readonly Value[];
}

function single(seg: MatchBlock['segments'][number], item: PathItem | undefined, bindings: Value[]): boolean {
  if (item === undefined || item === ANY_SEGMENTS) return false;
  if (seg.kind === 'lit') return item === seg.text;
  bindings.push(item === ANY_ID ? UNKNOWN : item);
  return true;
}

function matchPattern(block: MatchBlock, items: readonly PathItem[], from: number, wantEnd: number | undefined, version: 1 | 2): PatternMatch[] {
  const segs = block.segments;
  const restAt = segs.findIndex((s) => s.kind === 'rest');
  if (restAt < 0) {
    const end = from + segs.length;
    if (end > items.length || (wantEnd !== undefined && end !== wantEnd)) return [];
    const bindings: Value[] = [];
    for (let i = 0; i < segs.length; i++) {
      const seg = segs[i];
      if (seg === undefined || !single(seg, items[from + i], bindings)) return [];
    }
    return [{ end, bindings }];
  }
  const prefix = segs.slice(0, restAt);
  const suffix = segs.slice(restAt + 1);
  const prefixBindings: Value[] = [];
  for (let i = 0; i < prefix.length; i++) {
    const seg = prefix[i];
    if (seg === undefined || !single(seg, items[from + i], prefixBindings)) return [];
  }
  const restStart = from + prefix.length;
  const minRest = version === 1 ? 1 : 0;
  const results: PatternMatch[] = [];
  const ends = wantEnd !== undefined ? [wantEnd] : range(restStart + minRest + suffix.length, items.length);
  for (const end of ends) {
    const restEnd = end - suffix.length;
    if (restEnd < restStart + minRest) continue;
    const middle = items.slice(restStart, restEnd);
    if (version === 1 && middle.every((x) => x === ANY_SEGMENTS)) continue;
    const suffixBindings: Value[] = [];
    let ok = true;
    for (let i = 0; i < suffix.length && ok; i++) {
      const seg = suffix[i];
      ok = seg !== undefined && single(seg, items[restEnd + i], suffixBindings);
    }
    if (!ok) continue;
    const restValue: Value = middle.every((x): x is string => typeof x === 'string') ? new RPath(middle, false) : UNKNOWN;
    results.push({ end, bindings: [...prefixBindings, restValue, ...suffixBindings] });
  }
  return results;
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i <= to; i++) out.push(i);
  return out;
}
