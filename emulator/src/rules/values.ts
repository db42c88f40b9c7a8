// Runtime values of the rules language and the operations every type shares: type names,
// equality, ordering, membership. Ints are bigint (int64), floats are JS numbers; the other
// types are small immutable classes. The symbolic values used when a query is evaluated
// (unknown, a query-constrained field, the constrained document) are defined here too so that
// every helper can recognise them.

import { fail } from './errors';

export const INT_MIN = -(1n << 63n);
export const INT_MAX = (1n << 63n) - 1n;

export class RList {
  constructor(readonly items: readonly Value[]) {}
}

export class RMap {
  constructor(readonly entries: ReadonlyMap<string, Value>) {}
  get(key: string): Value | undefined {
    return this.entries.get(key);
  }
}

/** A set: `items` holds no two equal values (first occurrence kept). */
export class RSet {
  constructor(readonly items: readonly Value[]) {}
}

/** Result of `left.diff(right)`. */
export class RMapDiff {
  constructor(
    readonly left: RMap,
    readonly right: RMap,
  ) {}
}

/** A `$(name)` segment of a path literal whose name was not bound; filled in by `bind()`. */
export class PathVar {
  constructor(readonly name: string) {}
}

export type PathSegment = string | PathVar;

export class RPath {
  constructor(
    readonly segments: readonly PathSegment[],
    readonly absolute: boolean,
    readonly bindings?: ReadonlyMap<string, Value>,
  ) {}
}

/** UTC timestamp: whole seconds since the epoch and nanoseconds 0..999,999,999. */
export class RTimestamp {
  constructor(
    readonly seconds: number,
    readonly nanos: number,
  ) {}
}

/** Duration: seconds and nanoseconds with the same sign. */
export class RDuration {
  constructor(
    readonly seconds: number,
    readonly nanos: number,
  ) {}
}

export class RLatLng {
  constructor(
    readonly lat: number,
    readonly lng: number,
  ) {}
}

export class RBytes {
  constructor(readonly bytes: Uint8Array) {}
}

/** A value the query does not determine (symbolic evaluation of `list`). */
export class RUnknown {
  readonly kind = 'unknown';
  private constructor() {}
  static readonly instance = new RUnknown();
}
export const UNKNOWN = RUnknown.instance;

/** What a query branch guarantees about one field of every document it can return. */
export interface FieldConstraint {
  /** `f == v` (or a single-value `in`): every result has exactly this value. */
  eq?: Value;
  /** Two different equalities on the same field: no document can match; nothing is assumed. */
  conflict: boolean;
  /** Values excluded by `!=` / `not-in`. */
  neq: Value[];
  lower?: { value: Value; inclusive: boolean };
  upper?: { value: Value; inclusive: boolean };
  /** Values the array is known to contain (`array-contains`). */
  arrayContains: Value[];
  /** The field exists in every result (any filter or an orderBy on it). */
  exists: boolean;
}

export interface QueryBranch {
  /** Keyed by field path segments joined with FIELD_KEY_SEP. */
  readonly fields: ReadonlyMap<string, FieldConstraint>;
}

export const FIELD_KEY_SEP = '\u0000';

/** `resource.data` of a query: the data of any document the branch can return. */
export class RSymData {
  constructor(readonly branch: QueryBranch) {}
}

/** A field of `resource.data` in a query, with what the branch says about it. */
export class RSymField {
  constructor(
    readonly branch: QueryBranch,
    readonly segments: readonly string[],
    readonly constraint: FieldConstraint | undefined,
    readonly exists: boolean,
  ) {}
}

export type Value =
  | null
  | boolean
  | bigint
  | number
  | string
  | RList
  | RMap
  | RSet
  | RMapDiff
  | RPath
  | RTimestamp
  | RDuration
  | RLatLng
  | RBytes
  | RUnknown
  | RSymData
  | RSymField;

export function isSymbolic(v: Value): v is RUnknown | RSymData | RSymField {
  return v instanceof RUnknown || v instanceof RSymField || v instanceof RSymData;
}

/**
 * Thrown by helpers that meet a symbolic value where the answer depends on it; the evaluator
 * turns it into UNKNOWN at the operator that asked.
 */
export const UNKNOWN_SIGNAL = { unknown: true } as const;

export function throwIfSymbolic(v: Value): void {
  if (v instanceof RUnknown || v instanceof RSymField || v instanceof RSymData) throw UNKNOWN_SIGNAL;
}

export type TypeName =
  | 'null'
  | 'bool'
  | 'int'
  | 'float'
  | 'string'
  | 'list'
  | 'map'
  | 'set'
  | 'map_diff'
  | 'path'
  | 'timestamp'
  | 'duration'
  | 'latlng'
  | 'bytes';

export function typeOf(v: Value): TypeName {
  if (v === null) return 'null';
  switch (typeof v) {
    case 'boolean':
      return 'bool';
    case 'bigint':
      return 'int';
    case 'number':
      return 'float';
    case 'string':
      return 'string';
    default:
      break;
  }
  if (v instanceof RList) return 'list';
  if (v instanceof RMap) return 'map';
  if (v instanceof RSet) return 'set';
  if (v instanceof RMapDiff) return 'map_diff';
  if (v instanceof RPath) return 'path';
  if (v instanceof RTimestamp) return 'timestamp';
  if (v instanceof RDuration) return 'duration';
  if (v instanceof RLatLng) return 'latlng';
  if (v instanceof RBytes) return 'bytes';
  throw UNKNOWN_SIGNAL;
}

export function checkInt(v: bigint): bigint {
  if (v < INT_MIN || v > INT_MAX) fail('Integer overflow error.');
  return v;
}

export function segmentsEqual(a: readonly PathSegment[], b: readonly PathSegment[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (typeof x !== 'string' || typeof y !== 'string') fail(`Path has an unbound variable: $(${describeSegment(typeof x === 'string' ? y : x)}).`);
    if (x !== y) return false;
  }
  return true;
}

function describeSegment(s: PathSegment | undefined): string {
  return s instanceof PathVar ? s.name : String(s);
}

/** The language's `==`: ints and floats compare numerically, other types must match. */
export function valuesEqual(a: Value, b: Value): boolean {
  if (a === b) return typeof a !== 'number' || !Number.isNaN(a);
  if (a === null || b === null) {
    throwIfSymbolic(a);
    throwIfSymbolic(b);
    return false;
  }
  const ta = typeof a;
  const tb = typeof b;
  if (ta !== 'object' || tb !== 'object') {
    if (ta === 'bigint' && tb === 'number') return Number(a) === b;
    if (ta === 'number' && tb === 'bigint') return a === Number(b);
    throwIfSymbolic(a);
    throwIfSymbolic(b);
    return false;
  }
  throwIfSymbolic(a);
  throwIfSymbolic(b);
  if (a instanceof RList) {
    if (!(b instanceof RList) || a.items.length !== b.items.length) return false;
    for (let i = 0; i < a.items.length; i++) {
      if (!valuesEqual(a.items[i], b.items[i])) return false;
    }
    return true;
  }
  if (a instanceof RMap) {
    if (!(b instanceof RMap) || a.entries.size !== b.entries.size) return false;
    for (const [k, v] of a.entries) {
      const w = b.entries.get(k);
      if (w === undefined || !valuesEqual(v, w)) return false;
    }
    return true;
  }
  if (a instanceof RSet) {
    if (!(b instanceof RSet) || a.items.length !== b.items.length) return false;
    for (const item of a.items) if (!containsValue(b.items, item)) return false;
    return true;
  }
  if (a instanceof RPath) return b instanceof RPath && segmentsEqual(a.segments, b.segments);
  if (a instanceof RTimestamp) return b instanceof RTimestamp && a.seconds === b.seconds && a.nanos === b.nanos;
  if (a instanceof RDuration) return b instanceof RDuration && a.seconds === b.seconds && a.nanos === b.nanos;
  if (a instanceof RLatLng) return b instanceof RLatLng && a.lat === b.lat && a.lng === b.lng;
  if (a instanceof RBytes) {
    if (!(b instanceof RBytes) || a.bytes.length !== b.bytes.length) return false;
    for (let i = 0; i < a.bytes.length; i++) if (a.bytes[i] !== b.bytes[i]) return false;
    return true;
  }
  return false;
}

export function containsValue(items: readonly Value[], v: Value): boolean {
  if (typeof v === 'string' || typeof v === 'boolean') {
    for (const item of items) {
      if (item === v) return true;
      if (typeof item === 'object' && item !== null) throwIfSymbolic(item);
    }
    return false;
  }
  for (const item of items) if (valuesEqual(item, v)) return true;
  return false;
}

export function uniqueValues(items: readonly Value[]): Value[] {
  const out: Value[] = [];
  let allStrings = true;
  for (const item of items) if (typeof item !== 'string') allStrings = false;
  if (allStrings) {
    const seen = new Set<Value>();
    for (const item of items) {
      if (!seen.has(item)) {
        seen.add(item);
        out.push(item);
      }
    }
    return out;
  }
  for (const item of items) if (!containsValue(out, item)) out.push(item);
  return out;
}

/**
 * Ordering for `<`, `<=`, `>`, `>=`: numbers (int/float mixed), strings, timestamps, durations.
 * Returns NaN when a float NaN is involved (every comparison is then false).
 */
export function compareValues(a: Value, b: Value): number {
  if (typeof a === 'bigint' && typeof b === 'bigint') return a === b ? 0 : a < b ? -1 : 1;
  if ((typeof a === 'bigint' || typeof a === 'number') && (typeof b === 'bigint' || typeof b === 'number')) {
    const x = Number(a);
    const y = Number(b);
    if (Number.isNaN(x) || Number.isNaN(y)) return NaN;
    return x === y ? 0 : x < y ? -1 : 1;
  }
  if (typeof a === 'string' && typeof b === 'string') return a === b ? 0 : a < b ? -1 : 1;
  if (a instanceof RTimestamp && b instanceof RTimestamp) {
    return a.seconds !== b.seconds ? Math.sign(a.seconds - b.seconds) : Math.sign(a.nanos - b.nanos);
  }
  if (a instanceof RDuration && b instanceof RDuration) {
    return a.seconds !== b.seconds ? Math.sign(a.seconds - b.seconds) : Math.sign(a.nanos - b.nanos);
  }
  throwIfSymbolic(a);
  throwIfSymbolic(b);
  return fail(`Unsupported operation error. Received: ${typeOf(a)} and ${typeOf(b)} cannot be ordered.`);
}

/** Java's Double.toString, which is how the rules language prints floats (`string(2.0) == '2.0'`). */
export function formatFloat(d: number): string {
  if (Number.isNaN(d)) return 'NaN';
  if (d === Infinity) return 'Infinity';
  if (d === -Infinity) return '-Infinity';
  if (d === 0) return Object.is(d, -0) ? '-0.0' : '0.0';
  const abs = Math.abs(d);
  if (abs >= 1e-3 && abs < 1e7) {
    const s = String(d);
    return s.includes('.') ? s : `${s}.0`;
  }
  const [mantissa, exponent] = d.toExponential().split('e');
  const m = mantissa !== undefined && mantissa.includes('.') ? mantissa : `${mantissa ?? ''}.0`;
  const e = (exponent ?? '0').replace('+', '');
  return `${m}E${e}`;
}

export function pathToString(p: RPath): string {
  const body = p.segments.map((s) => (typeof s === 'string' ? s : `$(${s.name})`)).join('/');
  return p.absolute ? `/${body}` : body;
}

/** Short human-readable rendering for explanations and `debug()`. */
export function describeValue(v: Value, depth = 0): string {
  if (v === null) return 'null';
  switch (typeof v) {
    case 'boolean':
      return String(v);
    case 'bigint':
      return v.toString();
    case 'number':
      return formatFloat(v);
    case 'string':
      return JSON.stringify(v);
    default:
      break;
  }
  if (depth > 3) return '…';
  if (v instanceof RList) return `[${v.items.map((x) => describeValue(x, depth + 1)).join(', ')}]`;
  if (v instanceof RSet) return `set([${v.items.map((x) => describeValue(x, depth + 1)).join(', ')}])`;
  if (v instanceof RMap) {
    const parts: string[] = [];
    for (const [k, x] of v.entries) parts.push(`${JSON.stringify(k)}: ${describeValue(x, depth + 1)}`);
    return `{${parts.join(', ')}}`;
  }
  if (v instanceof RPath) return `path(${pathToString(v)})`;
  if (v instanceof RTimestamp) return `timestamp(${v.seconds}s ${v.nanos}ns)`;
  if (v instanceof RDuration) return `duration(${v.seconds}s ${v.nanos}ns)`;
  if (v instanceof RLatLng) return `latlng(${v.lat}, ${v.lng})`;
  if (v instanceof RBytes) return `bytes(${Buffer.from(v.bytes).toString('hex')})`;
  if (v instanceof RMapDiff) return 'map_diff';
  if (v instanceof RSymField) return `resource.data.${v.segments.join('.')}`;
  if (v instanceof RSymData) return 'resource.data';
  return 'unknown';
}
