// Symbolic evaluation for `list` requests ("rules are not filters"): a query is split into
// branches (disjunctive normal form of its filters, with `in` and `array-contains-any` split per
// value); in each branch `resource.data.f` stands for the field of any document the branch can
// return, known exactly when the branch has `f == v`, and otherwise only through its ranges,
// exclusions, array-contains values and existence. These helpers answer an operation on such a
// field with true, false, or UNKNOWN when the answer could differ between documents.

import { fail } from './errors';
import {
  compareValues,
  containsValue,
  FIELD_KEY_SEP,
  isSymbolic,
  RBytes,
  RLatLng,
  RList,
  RMap,
  RPath,
  RSet,
  RSymData,
  RSymField,
  RTimestamp,
  UNKNOWN,
  valuesEqual,
  type FieldConstraint,
  type QueryBranch,
  type Value,
} from './values';

export type QueryOp =
  | '=='
  | '!='
  | '<'
  | '<='
  | '>'
  | '>='
  | 'in'
  | 'not-in'
  | 'array-contains'
  | 'array-contains-any'
  | 'is-nan'
  | 'is-null'
  | 'is-not-nan'
  | 'is-not-null';

export const QUERY_OPS: readonly QueryOp[] = ['==', '!=', '<', '<=', '>', '>=', 'in', 'not-in', 'array-contains', 'array-contains-any', 'is-nan', 'is-null', 'is-not-nan', 'is-not-null'];

/** A query filter with values already converted to rules values. */
export type Filter =
  | { readonly field: readonly string[]; readonly op: QueryOp; readonly value: Value }
  | { readonly and: readonly Filter[] }
  | { readonly or: readonly Filter[] };

type Atom = { readonly field: readonly string[]; readonly op: QueryOp; readonly value: Value };

export const MAX_BRANCHES = 1000;

/** `a.b.\`c.d\`` → ['a', 'b', 'c.d']. */
export function parseFieldPath(text: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i <= text.length) {
    if (text[i] === '`') {
      let seg = '';
      i++;
      while (i < text.length && text[i] !== '`') {
        if (text[i] === '\\' && i + 1 < text.length) i++;
        seg += text[i];
        i++;
      }
      if (text[i] !== '`') fail(`Malformed field path ${JSON.stringify(text)}.`);
      i++;
      out.push(seg);
    } else {
      const dot = text.indexOf('.', i);
      const end = dot < 0 ? text.length : dot;
      out.push(text.slice(i, end));
      i = end;
    }
    if (i >= text.length) break;
    if (text[i] !== '.') fail(`Malformed field path ${JSON.stringify(text)}.`);
    i++;
  }
  if (out.some((s) => s === '')) fail(`Malformed field path ${JSON.stringify(text)}.`);
  return out;
}

function listItems(v: Value, op: string): readonly Value[] {
  if (v instanceof RList) return v.items;
  return fail(`The value of a '${op}' filter must be a list.`);
}

/** Disjunctive normal form: every returned conjunction is one branch of the query. */
export function toBranches(filter: Filter | undefined): Atom[][] {
  if (filter === undefined) return [[]];
  if ('and' in filter) {
    let acc: Atom[][] = [[]];
    for (const f of filter.and) {
      const next: Atom[][] = [];
      for (const left of acc) for (const right of toBranches(f)) next.push([...left, ...right]);
      if (next.length > MAX_BRANCHES) fail('The query has too many disjunctions.');
      acc = next;
    }
    return acc;
  }
  if ('or' in filter) {
    const out: Atom[][] = [];
    for (const f of filter.or) out.push(...toBranches(f));
    if (out.length > MAX_BRANCHES) fail('The query has too many disjunctions.');
    if (out.length === 0) fail('An OR filter needs at least one condition.');
    return out;
  }
  if (filter.op === 'in') return listItems(filter.value, 'in').map((v) => [{ field: filter.field, op: '==', value: v }]);
  if (filter.op === 'array-contains-any') {
    return listItems(filter.value, 'array-contains-any').map((v) => [{ field: filter.field, op: 'array-contains', value: v }]);
  }
  return [[filter]];
}

function constraintFor(fields: Map<string, FieldConstraint>, key: string): FieldConstraint {
  let c = fields.get(key);
  if (c === undefined) {
    c = { conflict: false, neq: [], arrayContains: [], exists: false };
    fields.set(key, c);
  }
  return c;
}

function tighter(current: { value: Value; inclusive: boolean } | undefined, value: Value, inclusive: boolean, isLower: boolean): { value: Value; inclusive: boolean } {
  if (current === undefined) return { value, inclusive };
  let cmp: number;
  try {
    cmp = compareValues(value, current.value);
  } catch {
    return current;
  }
  if (Number.isNaN(cmp)) return current;
  if (cmp === 0) return { value, inclusive: current.inclusive && inclusive };
  return (isLower ? cmp > 0 : cmp < 0) ? { value, inclusive } : current;
}

export function buildBranch(atoms: readonly Atom[], orderBy: readonly (readonly string[])[]): QueryBranch {
  const fields = new Map<string, FieldConstraint>();
  for (const a of atoms) {
    const c = constraintFor(fields, a.field.join(FIELD_KEY_SEP));
    c.exists = true;
    switch (a.op) {
      case '==':
      case 'is-null':
      case 'is-nan': {
        const v = a.op === '==' ? a.value : a.op === 'is-null' ? null : NaN;
        if (c.conflict) break;
        if (c.eq === undefined) c.eq = v;
        else if (!valuesEqual(c.eq, v)) {
          c.conflict = true;
          delete c.eq;
        }
        break;
      }
      case '!=':
        c.neq.push(a.value);
        break;
      case 'is-not-null':
        c.neq.push(null);
        break;
      case 'is-not-nan':
        c.neq.push(NaN);
        break;
      case 'not-in':
        c.neq.push(...listItems(a.value, 'not-in'));
        break;
      case '<':
      case '<=':
        c.upper = tighter(c.upper, a.value, a.op === '<=', false);
        break;
      case '>':
      case '>=':
        c.lower = tighter(c.lower, a.value, a.op === '>=', true);
        break;
      case 'array-contains':
        c.arrayContains.push(a.value);
        break;
      default:
        fail(`Unsupported query operator '${a.op}'.`);
    }
  }
  for (const f of orderBy) constraintFor(fields, f.join(FIELD_KEY_SEP)).exists = true;
  return { fields };
}

// ---- symbolic operations ----

function hasDescendant(branch: QueryBranch, key: string): boolean {
  const prefix = key + FIELD_KEY_SEP;
  for (const k of branch.fields.keys()) if (k.startsWith(prefix)) return true;
  return false;
}

/** The value of `resource.data.<segments>` in a branch: exact when the branch fixes it. */
export function symField(branch: QueryBranch, segments: readonly string[]): Value {
  const key = segments.join(FIELD_KEY_SEP);
  const c = branch.fields.get(key);
  if (c !== undefined && c.eq !== undefined) return c.eq;
  const exists = (c !== undefined && c.exists) || hasDescendant(branch, key);
  return new RSymField(branch, segments, c, exists);
}

/** Member or string-key access on a symbolic value. */
export function symMember(v: RSymData | RSymField, name: string): Value {
  if (v instanceof RSymData) return symField(v.branch, [name]);
  return symField(v.branch, [...v.segments, name]);
}

type TypeClass = 'null' | 'bool' | 'number' | 'timestamp' | 'string' | 'bytes' | 'reference' | 'geopoint' | 'array' | 'map' | 'other';

function typeClass(v: Value): TypeClass {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'bigint' || typeof v === 'number') return 'number';
  if (typeof v === 'string') return 'string';
  if (v instanceof RTimestamp) return 'timestamp';
  if (v instanceof RBytes) return 'bytes';
  if (v instanceof RPath) return 'reference';
  if (v instanceof RLatLng) return 'geopoint';
  if (v instanceof RList) return 'array';
  if (v instanceof RMap) return 'map';
  return 'other';
}

function boundClass(c: FieldConstraint): TypeClass | undefined {
  const b = c.lower ?? c.upper;
  return b === undefined ? undefined : typeClass(b.value);
}

/** Is every document's field different from v? (Only `true` is a definite answer.) */
function fieldExcludes(f: RSymField, v: Value): boolean {
  const c = f.constraint;
  if (!f.exists || c === undefined) return false;
  for (const x of c.neq) if (valuesEqual(x, v)) return true;
  if (c.arrayContains.length > 0 && !(v instanceof RList)) return true;
  const cls = boundClass(c);
  if (cls !== undefined) {
    if (typeClass(v) !== cls) return true;
    if (c.lower !== undefined) {
      const cmp = safeCompare(v, c.lower.value);
      if (cmp !== undefined && (cmp < 0 || (cmp === 0 && !c.lower.inclusive))) return true;
    }
    if (c.upper !== undefined) {
      const cmp = safeCompare(v, c.upper.value);
      if (cmp !== undefined && (cmp > 0 || (cmp === 0 && !c.upper.inclusive))) return true;
    }
  }
  return false;
}

function safeCompare(a: Value, b: Value): number | undefined {
  try {
    const c = compareValues(a, b);
    return Number.isNaN(c) ? undefined : c;
  } catch {
    return undefined;
  }
}

/** `l == r` where at least one side is symbolic. */
export function symEquals(l: Value, r: Value): Value {
  if (l instanceof RSymField && !isSymbolic(r)) return fieldExcludes(l, r) ? false : UNKNOWN;
  if (r instanceof RSymField && !isSymbolic(l)) return fieldExcludes(r, l) ? false : UNKNOWN;
  return UNKNOWN;
}

type CompareOp = '<' | '<=' | '>' | '>=';
const FLIP: Readonly<Record<CompareOp, CompareOp>> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=' };

/** `l op r` where at least one side is symbolic. */
export function symCompare(op: CompareOp, l: Value, r: Value): Value {
  if (l instanceof RSymField && !isSymbolic(r)) return fieldCompare(l, op, r);
  if (r instanceof RSymField && !isSymbolic(l)) return fieldCompare(r, FLIP[op], l);
  return UNKNOWN;
}

function fieldCompare(f: RSymField, op: CompareOp, v: Value): Value {
  const c = f.constraint;
  if (!f.exists || c === undefined) return UNKNOWN;
  const cls = boundClass(c);
  if (cls === undefined || cls !== typeClass(v) || (cls !== 'number' && cls !== 'string' && cls !== 'timestamp')) return UNKNOWN;
  const lower = c.lower === undefined ? undefined : safeCompare(c.lower.value, v);
  const upper = c.upper === undefined ? undefined : safeCompare(c.upper.value, v);
  const lowerIncl = c.lower?.inclusive ?? false;
  const upperIncl = c.upper?.inclusive ?? false;
  switch (op) {
    case '>':
      if (lower !== undefined && (lower > 0 || (lower === 0 && !lowerIncl))) return true;
      if (upper !== undefined && upper <= 0) return false;
      return UNKNOWN;
    case '>=':
      if (lower !== undefined && lower >= 0) return true;
      if (upper !== undefined && (upper < 0 || (upper === 0 && !upperIncl))) return false;
      return UNKNOWN;
    case '<':
      if (upper !== undefined && (upper < 0 || (upper === 0 && !upperIncl))) return true;
      if (lower !== undefined && lower >= 0) return false;
      return UNKNOWN;
    case '<=':
      if (upper !== undefined && upper <= 0) return true;
      if (lower !== undefined && (lower > 0 || (lower === 0 && !lowerIncl))) return false;
      return UNKNOWN;
    default:
      return UNKNOWN;
  }
}

/** `l in r` where at least one side is symbolic. */
export function symIn(l: Value, r: Value): Value {
  if (r instanceof RSymField && !isSymbolic(l)) {
    const c = r.constraint;
    if (!r.exists || c === undefined) return UNKNOWN;
    for (const x of c.arrayContains) if (valuesEqual(x, l)) return true;
    return UNKNOWN;
  }
  if (r instanceof RSymData && typeof l === 'string') {
    const field = symField(r.branch, [l]);
    return field instanceof RSymField && !field.exists ? UNKNOWN : true;
  }
  if (l instanceof RSymField && (r instanceof RList || r instanceof RSet)) {
    if (r.items.every((item) => fieldExcludes(l, item))) return false;
  }
  return UNKNOWN;
}

/** `v is type` for a symbolic v. */
export function symIs(v: Value, type: string): Value {
  if (v instanceof RSymData) return type === 'map';
  if (!(v instanceof RSymField) || !v.exists) return UNKNOWN;
  const c = v.constraint;
  if (c === undefined) return type === 'map';
  if (c.arrayContains.length > 0) return type === 'list';
  const cls = boundClass(c);
  if (cls === undefined) return UNKNOWN;
  if (cls === 'number') return type === 'number' ? true : type === 'int' || type === 'float' ? UNKNOWN : false;
  const names: Partial<Record<TypeClass, string>> = {
    null: 'null',
    bool: 'bool',
    timestamp: 'timestamp',
    string: 'string',
    bytes: 'bytes',
    reference: 'path',
    geopoint: 'latlng',
    array: 'list',
    map: 'map',
  };
  const name = names[cls];
  return name === undefined ? UNKNOWN : type === name;
}

/**
 * Methods on symbolic receivers: `resource.data.get(key, default)` and, for an array field known
 * to contain values (array-contains), `hasAny` / `hasAll` of a concrete list.
 */
export function symMethod(recv: Value, name: string, args: readonly Value[]): Value {
  if (recv instanceof RSymData && name === 'get' && args.length === 2) {
    const key = args[0];
    const segments = typeof key === 'string' ? [key] : key instanceof RList && key.items.every((k) => typeof k === 'string') ? key.items.map(String) : undefined;
    if (segments === undefined || segments.length === 0) return UNKNOWN;
    const field = symField(recv.branch, segments);
    return field instanceof RSymField && !field.exists ? UNKNOWN : field;
  }
  if (recv instanceof RSymField && recv.exists && recv.constraint !== undefined && args.length === 1) {
    const known = recv.constraint.arrayContains;
    const arg = args[0];
    if (known.length === 0 || !(arg instanceof RList || arg instanceof RSet) || arg.items.some(isSymbolic)) return UNKNOWN;
    if (name === 'hasAny' && arg.items.some((v) => containsValue(known, v))) return true;
    if (name === 'hasAll' && arg.items.every((v) => containsValue(known, v))) return true;
  }
  return UNKNOWN;
}
