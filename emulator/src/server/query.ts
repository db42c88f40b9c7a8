// The query engine, pure: a structured query in checked internal form, Firestore's normalisation of
// the sort order (explicit orderBy, then inequality fields, then `__name__`), filter matching with
// the backend's type rules, cursors, offset and limit over any set of documents.

import type { Doc } from './document';
import { invalidArgument } from './errors';
import { type DatabaseRoot, type FieldPath, collectionIdOf, documentName, formatFieldPath, getField, isNameField, parentPath } from './paths';
import { type Value, NULL_VALUE, arrayContains, comparePaths, compareSegments, compareValues, isNaNValue, typeOrder } from './values';

export type FieldOp =
  | 'LESS_THAN'
  | 'LESS_THAN_OR_EQUAL'
  | 'GREATER_THAN'
  | 'GREATER_THAN_OR_EQUAL'
  | 'EQUAL'
  | 'NOT_EQUAL'
  | 'ARRAY_CONTAINS'
  | 'IN'
  | 'ARRAY_CONTAINS_ANY'
  | 'NOT_IN';

export type UnaryOp = 'IS_NAN' | 'IS_NULL' | 'IS_NOT_NAN' | 'IS_NOT_NULL';

export type Filter =
  | { kind: 'composite'; op: 'AND' | 'OR'; filters: Filter[] }
  | { kind: 'field'; field: FieldPath; op: FieldOp; value: Value }
  | { kind: 'unary'; field: FieldPath; op: UnaryOp };

export interface Order {
  field: FieldPath;
  descending: boolean;
}

export interface Cursor {
  values: Value[];
  /** startAt / endBefore when true; startAfter / endAt when false. */
  before: boolean;
}

export interface Query {
  root: DatabaseRoot;
  /** Relative path of the parent document; '' for the database root. */
  parent: string;
  /** '' with allDescendants: every document under `parent` (a kindless query, as recursive delete sends). */
  collectionId: string;
  allDescendants: boolean;
  filter?: Filter;
  /** The orderBy the request gave. */
  explicitOrderBy: Order[];
  /** The sort the results follow: explicit, inequality fields, `__name__`. */
  orderBy: Order[];
  startAt?: Cursor;
  endAt?: Cursor;
  offset: number;
  limit?: number;
  /** Field paths to return; undefined returns whole documents. */
  select?: FieldPath[];
}

const INEQUALITY_OPS: ReadonlySet<string> = new Set(['LESS_THAN', 'LESS_THAN_OR_EQUAL', 'GREATER_THAN', 'GREATER_THAN_OR_EQUAL', 'NOT_EQUAL', 'NOT_IN', 'IS_NOT_NAN', 'IS_NOT_NULL']);

const ARRAY_OPERAND_OPS: ReadonlySet<string> = new Set(['IN', 'NOT_IN', 'ARRAY_CONTAINS_ANY']);
/** Firestore's limit on the values of one `in`, `not-in` or `array-contains-any` filter. */
export const MAX_ARRAY_OPERANDS = 30;

export function flattenFilters(filter: Filter | undefined): Exclude<Filter, { kind: 'composite' }>[] {
  if (!filter) return [];
  if (filter.kind === 'composite') return filter.filters.flatMap(flattenFilters);
  return [filter];
}

function compareFieldPaths(a: FieldPath, b: FieldPath): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const c = compareSegments(a[i] ?? '', b[i] ?? '');
    if (c !== 0) return c;
  }
  return a.length - b.length;
}

/** Explicit orderBy, then inequality fields not already ordered (by path), then `__name__`. */
export function normalizeOrderBy(explicit: Order[], filter: Filter | undefined): Order[] {
  const out = [...explicit];
  const seen = new Set(explicit.map((o) => formatFieldPath(o.field)));
  const descending = explicit.length > 0 ? (explicit[explicit.length - 1]?.descending ?? false) : false;
  const inequality = flattenFilters(filter)
    .filter((f) => INEQUALITY_OPS.has(f.op) && !isNameField(f.field))
    .map((f) => f.field)
    .sort(compareFieldPaths);
  for (const field of inequality) {
    const key = formatFieldPath(field);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ field, descending });
  }
  if (!out.some((o) => isNameField(o.field))) out.push({ field: ['__name__'], descending });
  return out;
}

/** Checks what the backend rejects before running anything. */
export function validateQuery(q: Query): void {
  for (const f of flattenFilters(q.filter)) {
    if (f.kind !== 'field') continue;
    if (ARRAY_OPERAND_OPS.has(f.op)) {
      if (!('arrayValue' in f.value) || f.value.arrayValue.values.length === 0) {
        throw invalidArgument(`A non-empty array is required for '${f.op}' filters.`);
      }
      if (f.value.arrayValue.values.length > MAX_ARRAY_OPERANDS) {
        throw invalidArgument(`'${f.op}' filters support a maximum of ${MAX_ARRAY_OPERANDS} elements in the value array.`);
      }
    }
    if (isNameField(f.field)) {
      const operands = ARRAY_OPERAND_OPS.has(f.op) && 'arrayValue' in f.value ? f.value.arrayValue.values : [f.value];
      if (f.op === 'ARRAY_CONTAINS' || f.op === 'ARRAY_CONTAINS_ANY' || operands.some((v) => !('referenceValue' in v))) {
        throw invalidArgument(`Invalid query. '__name__' filters must compare with document references (${f.op}).`);
      }
    }
  }
  for (const cursor of [q.startAt, q.endAt]) {
    if (cursor && cursor.values.length > q.orderBy.length) {
      throw invalidArgument('Too many cursor values specified. The specified values must match the orderBy() constraints of the query.');
    }
  }
  if (q.limit !== undefined && q.limit < 0) throw invalidArgument('limit is negative');
  if (q.offset < 0) throw invalidArgument('offset is negative');
}

/** The value a document holds at a field path; `__name__` is the document's reference. */
export function docValue(root: DatabaseRoot, doc: Doc, field: FieldPath): Value | undefined {
  if (isNameField(field)) return { referenceValue: documentName(root, doc.path) };
  return getField(doc.fields, field);
}

function matchesField(f: Extract<Filter, { kind: 'field' }>, v: Value | undefined): boolean {
  if (v === undefined) return false;
  const operand = f.value;
  switch (f.op) {
    case 'EQUAL':
    case 'LESS_THAN':
    case 'LESS_THAN_OR_EQUAL':
    case 'GREATER_THAN':
    case 'GREATER_THAN_OR_EQUAL': {
      if (typeOrder(v) !== typeOrder(operand)) return false;
      const c = compareValues(v, operand);
      if (f.op === 'EQUAL') return c === 0;
      if (f.op === 'LESS_THAN') return c < 0;
      if (f.op === 'LESS_THAN_OR_EQUAL') return c <= 0;
      if (f.op === 'GREATER_THAN') return c > 0;
      return c >= 0;
    }
    case 'NOT_EQUAL':
      return !('nullValue' in v) && compareValues(v, operand) !== 0;
    case 'ARRAY_CONTAINS':
      return 'arrayValue' in v && arrayContains(v.arrayValue.values, operand);
    case 'IN':
      return 'arrayValue' in operand && arrayContains(operand.arrayValue.values, v);
    case 'ARRAY_CONTAINS_ANY':
      return 'arrayValue' in v && 'arrayValue' in operand && v.arrayValue.values.some((e) => arrayContains(operand.arrayValue.values, e));
    case 'NOT_IN': {
      if (!('arrayValue' in operand)) return false;
      const list = operand.arrayValue.values;
      if (list.some((e) => 'nullValue' in e)) return false;
      return !('nullValue' in v) && !arrayContains(list, v);
    }
  }
}

function matchesUnary(op: UnaryOp, v: Value | undefined): boolean {
  if (v === undefined) return false;
  switch (op) {
    case 'IS_NAN':
      return isNaNValue(v);
    case 'IS_NULL':
      return 'nullValue' in v;
    case 'IS_NOT_NAN':
      return !('nullValue' in v) && !isNaNValue(v);
    case 'IS_NOT_NULL':
      return !('nullValue' in v);
  }
}

export function matchesFilter(root: DatabaseRoot, doc: Doc, filter: Filter): boolean {
  switch (filter.kind) {
    case 'composite':
      return filter.op === 'AND' ? filter.filters.every((f) => matchesFilter(root, doc, f)) : filter.filters.some((f) => matchesFilter(root, doc, f));
    case 'field':
      return matchesField(filter, docValue(root, doc, filter.field));
    case 'unary':
      return matchesUnary(filter.op, docValue(root, doc, filter.field));
  }
}

/** The collection path a non-group query reads. */
export function queryCollectionPath(q: Query): string {
  return q.parent === '' ? q.collectionId : `${q.parent}/${q.collectionId}`;
}

/** Whether a document path lies in the collection (or collection group) the query reads. */
export function inScope(q: Query, path: string): boolean {
  if (!q.allDescendants) return parentPath(path) === queryCollectionPath(q);
  if (q.collectionId !== '' && collectionIdOf(path) !== q.collectionId) return false;
  return q.parent === '' || path.startsWith(`${q.parent}/`);
}

/** Position of a cursor relative to a document in the query's order: <0 before it, >0 after it. */
function compareCursor(q: Query, cursor: Cursor, doc: Doc): number {
  for (let i = 0; i < cursor.values.length; i++) {
    const order = q.orderBy[i];
    const bound = cursor.values[i];
    if (!order || !bound) break;
    const v = docValue(q.root, doc, order.field);
    if (v === undefined) return 0;
    const c = compareValues(bound, v);
    if (c !== 0) return order.descending ? -c : c;
  }
  return 0;
}

function withinCursors(q: Query, doc: Doc): boolean {
  if (q.startAt) {
    const c = compareCursor(q, q.startAt, doc);
    if (c > 0 || (c === 0 && !q.startAt.before)) return false;
  }
  if (q.endAt) {
    const c = compareCursor(q, q.endAt, doc);
    if (c < 0 || (c === 0 && q.endAt.before)) return false;
  }
  return true;
}

/** Whether a document is a result of the query before offset and limit are applied. */
export function matchesQuery(q: Query, doc: Doc): boolean {
  if (!inScope(q, doc.path)) return false;
  for (const o of q.orderBy) {
    if (!isNameField(o.field) && getField(doc.fields, o.field) === undefined) return false;
  }
  if (q.filter && !matchesFilter(q.root, doc, q.filter)) return false;
  return withinCursors(q, doc);
}

/** Runs the query over candidate documents: match, sort, offset, limit. */
export function runQuery(q: Query, candidates: Iterable<Doc>): Doc[] {
  // Each document's sort values are read once, not at every comparison. Matching documents hold
  // every orderBy field; `__name__` sorts by path.
  const byName = q.orderBy.map((o) => isNameField(o.field));
  const rows: { doc: Doc; keys: Value[] }[] = [];
  for (const doc of candidates) {
    if (matchesQuery(q, doc)) rows.push({ doc, keys: q.orderBy.map((o, i) => (byName[i] ? NULL_VALUE : (getField(doc.fields, o.field) ?? NULL_VALUE))) });
  }
  rows.sort((x, y) => {
    for (let i = 0; i < q.orderBy.length; i++) {
      const c = byName[i] ? comparePaths(x.doc.path, y.doc.path) : compareValues(x.keys[i] ?? NULL_VALUE, y.keys[i] ?? NULL_VALUE);
      if (c !== 0) return q.orderBy[i]?.descending ? -c : c;
    }
    return 0;
  });
  const end = q.limit === undefined ? undefined : q.offset + q.limit;
  const page = q.offset === 0 && end === undefined ? rows : rows.slice(q.offset, end);
  return page.map((r) => r.doc);
}
