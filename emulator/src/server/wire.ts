// The boundary between decoded gRPC messages and the emulator's checked internal forms: values,
// writes, structured queries, aggregations and document masks in; documents and timestamps out.
// Anything a request leaves unset or gets wrong becomes INVALID_ARGUMENT here.

import type { Doc } from './document';
import { type FirestoreError, invalidArgument } from './errors';
import type { Aggregation } from './aggregate';
import { type DatabaseRoot, type FieldPath, checkId, documentName, documentPathOf, isDocumentPath, parseFieldPath, parseResourceName, projectFields } from './paths';
import type {
  WireAggregation,
  WireCursor,
  WireDocument,
  WireDocumentMask,
  WireFieldTransform,
  WireFilter,
  WirePrecondition,
  WireStructuredQuery,
  WireTimestamp,
  WireValue,
  WireWrite,
} from './proto';
import { type Cursor, type FieldOp, type Filter, type Order, type Query, type UnaryOp, normalizeOrderBy, validateQuery } from './query';
import { type Fields, type Timestamp, type Value, NULL_VALUE, isNumber, isVector, microsToTimestamp, timestampToMicros } from './values';
import type { FieldTransform, Precondition, WriteOp } from './writes';

const VALUE_KINDS = [
  'nullValue',
  'booleanValue',
  'integerValue',
  'doubleValue',
  'timestampValue',
  'stringValue',
  'bytesValue',
  'referenceValue',
  'geoPointValue',
  'arrayValue',
  'mapValue',
] as const;

function valueKind(w: WireValue): (typeof VALUE_KINDS)[number] | undefined {
  const declared = VALUE_KINDS.find((k) => k === w.valueType);
  return declared ?? VALUE_KINDS.find((k) => w[k] !== undefined && w[k] !== null);
}

export function timestampFromWire(t: WireTimestamp | null | undefined): Timestamp {
  const seconds = Number(t?.seconds ?? 0);
  const nanos = t?.nanos ?? 0;
  if (!Number.isFinite(seconds) || nanos < 0 || nanos > 999_999_999) throw invalidArgument('Invalid timestamp');
  return { seconds, nanos };
}

export function microsFromWire(t: WireTimestamp | null | undefined): number {
  return timestampToMicros(timestampFromWire(t));
}

export function microsToWire(micros: number): Timestamp {
  return microsToTimestamp(micros);
}

/**
 * Any value a request carries: document data, filter operands, cursors, transform operands, with
 * timestamps truncated to microseconds as Firestore stores and compares them. Document data is
 * checked further by `fieldsFromWire` (filter operands such as `in [[1], 2]` may nest arrays).
 */
export function valueFromWire(w: WireValue): Value {
  switch (valueKind(w)) {
    case 'nullValue':
      return NULL_VALUE;
    case 'booleanValue':
      return { booleanValue: w.booleanValue === true };
    case 'integerValue': {
      const text = String(w.integerValue ?? '0');
      if (!/^-?\d+$/.test(text)) throw invalidArgument(`Invalid integer value ${text}`);
      return { integerValue: BigInt(text).toString() };
    }
    case 'doubleValue':
      return { doubleValue: Number(w.doubleValue ?? 0) };
    case 'timestampValue': {
      // Firestore keeps microseconds: "when stored, any additional precision is rounded down".
      const t = timestampFromWire(w.timestampValue);
      return { timestampValue: { seconds: t.seconds, nanos: t.nanos - (t.nanos % 1000) } };
    }
    case 'stringValue':
      return { stringValue: w.stringValue ?? '' };
    case 'bytesValue': {
      const b = w.bytesValue ?? new Uint8Array();
      return { bytesValue: typeof b === 'string' ? Buffer.from(b, 'base64') : b };
    }
    case 'referenceValue': {
      const ref = w.referenceValue ?? '';
      const parsed = parseResourceName(ref);
      if (!isDocumentPath(parsed.path)) throw invalidArgument(`Invalid reference value ${ref}`);
      return { referenceValue: ref };
    }
    case 'geoPointValue': {
      const latitude = w.geoPointValue?.latitude ?? 0;
      const longitude = w.geoPointValue?.longitude ?? 0;
      if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) throw invalidArgument('Invalid geo point');
      return { geoPointValue: { latitude, longitude } };
    }
    case 'arrayValue':
      return { arrayValue: { values: (w.arrayValue?.values ?? []).map(valueFromWire) } };
    case 'mapValue':
      return { mapValue: { fields: anyFieldsFromWire(w.mapValue?.fields) } };
    case undefined:
      throw invalidArgument('A value has none of its fields set');
  }
}

/** Firestore's limit on the maps and arrays around a value in a document. */
export const MAX_DEPTH = 20;
/** Firestore's limit on a field name, in UTF-8 bytes. */
export const MAX_FIELD_NAME_BYTES = 1500;
const RESERVED_FIELD = /^__.*__$/;

function checkFieldName(name: string): void {
  if (RESERVED_FIELD.test(name)) throw invalidArgument(`Field name "${name}" is reserved: names matching __.*__ cannot be written.`);
  if (Buffer.byteLength(name, 'utf8') > MAX_FIELD_NAME_BYTES) throw invalidArgument(`A field name is longer than ${MAX_FIELD_NAME_BYTES} bytes.`);
}

function tooDeep(): FirestoreError {
  return invalidArgument(`The document has maps or arrays nested more than ${MAX_DEPTH} levels deep.`);
}

/**
 * Checks a value stored in a document: no array directly inside an array, no reserved field names
 * (a vector's `__type__` excepted), inside at most MAX_DEPTH maps and arrays. `depth` counts the
 * maps and arrays around the value (0 for a top-level field), as the SDKs count it.
 */
function checkStorable(v: Value, depth: number): void {
  if (depth > MAX_DEPTH) throw tooDeep();
  if ('arrayValue' in v) {
    for (const e of v.arrayValue.values) {
      if ('arrayValue' in e) throw invalidArgument('Cannot have nested arrays');
      checkStorable(e, depth + 1);
    }
  } else if ('mapValue' in v) {
    checkStorableFields(v.mapValue.fields, depth + 1, isVector(v));
  }
}

function checkStorableFields(fields: Fields, depth: number, vector = false): void {
  for (const [name, v] of Object.entries(fields)) {
    if (!(vector && name === '__type__')) checkFieldName(name);
    checkStorable(v, depth);
  }
}

/** A field path a write sets or deletes: no reserved names, not deeper than the nesting limit. */
function checkWrittenPath(path: FieldPath): void {
  path.forEach(checkFieldName);
  if (path.length - 1 > MAX_DEPTH) throw tooDeep();
}

function anyFieldsFromWire(fields: Record<string, WireValue> | null | undefined): Fields {
  const out: Fields = {};
  if (!fields) return out;
  for (const [k, v] of Object.entries(fields)) out[k] = valueFromWire(v);
  return out;
}

/** A document's fields (or the fields of a write), checked as Firestore checks stored data. */
export function fieldsFromWire(fields: Record<string, WireValue> | null | undefined): Fields {
  const out = anyFieldsFromWire(fields);
  checkStorableFields(out, 0);
  return out;
}

/** Elements of arrayUnion / arrayRemove on `field`: they end up (or are looked for) inside an array there. */
function arrayElementsFromWire(field: FieldPath, values: WireValue[] | null | undefined): Value[] {
  const elements = (values ?? []).map(valueFromWire);
  checkStorable({ arrayValue: { values: elements } }, field.length - 1);
  return elements;
}

export function maskFromWire(mask: WireDocumentMask | null | undefined): FieldPath[] | undefined {
  if (!mask) return undefined;
  return (mask.fieldPaths ?? []).map(parseFieldPath);
}

/** The update mask of a write: the paths it sets or deletes. */
function writeMaskFromWire(mask: WireDocumentMask | null | undefined): FieldPath[] | undefined {
  const paths = maskFromWire(mask);
  paths?.forEach(checkWrittenPath);
  return paths;
}

export interface WireDocumentOut {
  name: string;
  fields: Fields;
  createTime: Timestamp;
  updateTime: Timestamp;
}

export function documentToWire(root: DatabaseRoot, doc: Doc, mask?: FieldPath[]): WireDocumentOut {
  return {
    name: documentName(root, doc.path),
    fields: mask ? projectFields(doc.fields, mask) : doc.fields,
    createTime: microsToTimestamp(doc.createTime),
    updateTime: microsToTimestamp(doc.updateTime),
  };
}

/** Checks an incoming document's name and fields, returning its path. */
export function documentFromWire(root: DatabaseRoot, d: WireDocument): { path: string; fields: Fields } {
  return { path: documentPathOf(root, d.name ?? ''), fields: fieldsFromWire(d.fields) };
}

function preconditionFromWire(p: WirePrecondition | null | undefined): Precondition | undefined {
  if (!p) return undefined;
  const kind = p.conditionType ?? (p.exists !== undefined ? 'exists' : p.updateTime ? 'updateTime' : undefined);
  if (kind === 'exists') return { exists: p.exists === true };
  if (kind === 'updateTime') return { updateTime: microsFromWire(p.updateTime) };
  return undefined;
}

function numericOperand(v: WireValue | null | undefined, what: string): { integerValue: string } | { doubleValue: number } {
  const value = valueFromWire(v ?? {});
  if (!isNumber(value)) throw invalidArgument(`${what} requires a numeric value`);
  return value;
}

function transformFromWire(t: WireFieldTransform): FieldTransform {
  const field = parseFieldPath(t.fieldPath ?? '');
  checkWrittenPath(field);
  const kind = t.transformType;
  if (kind === 'setToServerValue' || (kind === undefined && t.setToServerValue !== undefined)) {
    if (t.setToServerValue !== 'REQUEST_TIME') throw invalidArgument(`Unsupported server value ${String(t.setToServerValue)}`);
    return { field, kind: 'serverTime' };
  }
  if (kind === 'increment' || (kind === undefined && t.increment)) return { field, kind: 'increment', operand: numericOperand(t.increment, 'increment') };
  if (kind === 'maximum' || (kind === undefined && t.maximum)) return { field, kind: 'maximum', operand: numericOperand(t.maximum, 'maximum') };
  if (kind === 'minimum' || (kind === undefined && t.minimum)) return { field, kind: 'minimum', operand: numericOperand(t.minimum, 'minimum') };
  if (kind === 'appendMissingElements' || (kind === undefined && t.appendMissingElements)) {
    return { field, kind: 'appendMissing', elements: arrayElementsFromWire(field, t.appendMissingElements?.values) };
  }
  if (kind === 'removeAllFromArray' || (kind === undefined && t.removeAllFromArray)) {
    return { field, kind: 'removeAll', elements: arrayElementsFromWire(field, t.removeAllFromArray?.values) };
  }
  throw invalidArgument('A field transform has no transform set');
}

export function writeFromWire(root: DatabaseRoot, w: WireWrite): WriteOp {
  const precondition = preconditionFromWire(w.currentDocument);
  const transforms = (w.updateTransforms ?? []).map(transformFromWire);
  const operation = w.operation ?? (w.update ? 'update' : w.delete !== undefined ? 'delete' : w.verify !== undefined ? 'verify' : w.transform ? 'transform' : undefined);
  switch (operation) {
    case 'update': {
      const doc = documentFromWire(root, w.update ?? {});
      const mask = writeMaskFromWire(w.updateMask);
      return { kind: 'update', path: doc.path, fields: doc.fields, ...(mask ? { mask } : {}), transforms, ...(precondition ? { precondition } : {}) };
    }
    case 'delete':
      return { kind: 'delete', path: documentPathOf(root, w.delete ?? ''), ...(precondition ? { precondition } : {}) };
    case 'verify':
      return { kind: 'verify', path: documentPathOf(root, w.verify ?? ''), ...(precondition ? { precondition } : {}) };
    case 'transform': {
      const t = w.transform ?? {};
      return {
        kind: 'transform',
        path: documentPathOf(root, t.document ?? ''),
        transforms: (t.fieldTransforms ?? []).map(transformFromWire),
        ...(precondition ? { precondition } : {}),
      };
    }
    default:
      throw invalidArgument('A write has no operation set');
  }
}

// ---- Queries ----

const FIELD_OPS: ReadonlySet<string> = new Set([
  'LESS_THAN',
  'LESS_THAN_OR_EQUAL',
  'GREATER_THAN',
  'GREATER_THAN_OR_EQUAL',
  'EQUAL',
  'NOT_EQUAL',
  'ARRAY_CONTAINS',
  'IN',
  'ARRAY_CONTAINS_ANY',
  'NOT_IN',
]);
const UNARY_OPS: ReadonlySet<string> = new Set(['IS_NAN', 'IS_NULL', 'IS_NOT_NAN', 'IS_NOT_NULL']);

function isFieldOp(op: string): op is FieldOp {
  return FIELD_OPS.has(op);
}

function isUnaryOp(op: string): op is UnaryOp {
  return UNARY_OPS.has(op);
}

function filterFromWire(f: WireFilter): Filter | undefined {
  const kind = f.filterType ?? (f.compositeFilter ? 'compositeFilter' : f.fieldFilter ? 'fieldFilter' : f.unaryFilter ? 'unaryFilter' : undefined);
  if (kind === 'compositeFilter') {
    const c = f.compositeFilter ?? {};
    const op = c.op === 'OR' ? 'OR' : c.op === 'AND' ? 'AND' : undefined;
    if (!op) throw invalidArgument(`Invalid composite filter operator ${String(c.op)}`);
    const filters = (c.filters ?? []).map(filterFromWire).filter((x): x is Filter => x !== undefined);
    if (filters.length === 0) return undefined;
    if (filters.length === 1) return filters[0];
    return { kind: 'composite', op, filters };
  }
  if (kind === 'fieldFilter') {
    const ff = f.fieldFilter ?? {};
    const op = ff.op ?? '';
    if (!isFieldOp(op)) throw invalidArgument(`Invalid field filter operator ${op}`);
    return { kind: 'field', field: parseFieldPath(ff.field?.fieldPath ?? ''), op, value: valueFromWire(ff.value ?? {}) };
  }
  if (kind === 'unaryFilter') {
    const uf = f.unaryFilter ?? {};
    const op = uf.op ?? '';
    if (!isUnaryOp(op)) throw invalidArgument(`Invalid unary filter operator ${op}`);
    return { kind: 'unary', field: parseFieldPath(uf.field?.fieldPath ?? ''), op };
  }
  throw invalidArgument('A filter has no filter set');
}

function cursorFromWire(c: WireCursor | null | undefined): Cursor | undefined {
  if (!c) return undefined;
  return { values: (c.values ?? []).map(valueFromWire), before: c.before === true };
}

/** Parent resource name of a query: the database root or a document. Returns the relative path. */
export function queryParentFromWire(root: DatabaseRoot, parent: string): string {
  const r = parseResourceName(parent);
  if (r.root !== root) throw invalidArgument(`Parent ${parent} is not in database ${root}`);
  if (r.path !== '' && !isDocumentPath(r.path)) throw invalidArgument(`Invalid parent ${parent}`);
  return r.path;
}

export function queryFromWire(root: DatabaseRoot, parent: string, q: WireStructuredQuery): Query {
  const from = q.from ?? [];
  const selector = from[0];
  if (from.length !== 1 || !selector) throw invalidArgument('A query must select exactly one collection');
  const collectionId = selector.collectionId ?? '';
  if ((collectionId === '' && selector.allDescendants !== true) || collectionId.includes('/')) throw invalidArgument(`Invalid collection id "${collectionId}"`);
  if (collectionId !== '') checkId(collectionId, 'collection');
  if (q.findNearest) throw invalidArgument('Vector search (findNearest) is not supported by this emulator');
  const filter = q.where ? filterFromWire(q.where) : undefined;
  const explicitOrderBy: Order[] = (q.orderBy ?? []).map((o) => ({ field: parseFieldPath(o.field?.fieldPath ?? ''), descending: o.direction === 'DESCENDING' }));
  const startAt = cursorFromWire(q.startAt);
  const endAt = cursorFromWire(q.endAt);
  const query: Query = {
    root,
    parent,
    collectionId,
    allDescendants: selector.allDescendants === true,
    ...(filter ? { filter } : {}),
    explicitOrderBy,
    orderBy: normalizeOrderBy(explicitOrderBy, filter),
    ...(startAt ? { startAt } : {}),
    ...(endAt ? { endAt } : {}),
    offset: q.offset ?? 0,
    ...(q.limit ? { limit: q.limit.value ?? 0 } : {}),
    ...(q.select ? { select: (q.select.fields ?? []).map((f) => parseFieldPath(f.fieldPath ?? '')) } : {}),
  };
  validateQuery(query);
  return query;
}

export function aggregationsFromWire(list: WireAggregation[]): Aggregation[] {
  if (list.length === 0) throw invalidArgument('An aggregation query needs at least one aggregation');
  const seen = new Set<string>();
  return list.map((a, i) => {
    const alias = a.alias || `field_${i + 1}`;
    if (seen.has(alias)) throw invalidArgument(`Duplicate aggregation alias ${alias}`);
    seen.add(alias);
    const kind = a.operator ?? (a.count ? 'count' : a.sum ? 'sum' : a.avg ? 'avg' : undefined);
    if (kind === 'count') {
      const upTo = a.count?.upTo ? Number(a.count.upTo.value ?? 0) : undefined;
      if (upTo !== undefined && upTo <= 0) throw invalidArgument('count up_to must be positive');
      return upTo === undefined ? { alias, kind: 'count' } : { alias, kind: 'count', upTo };
    }
    if (kind === 'sum') return { alias, kind: 'sum', field: parseFieldPath(a.sum?.field?.fieldPath ?? '') };
    if (kind === 'avg') return { alias, kind: 'avg', field: parseFieldPath(a.avg?.field?.fieldPath ?? '') };
    throw invalidArgument('An aggregation has no operator set');
  });
}
