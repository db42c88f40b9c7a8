// Applying one write to one document, pure: preconditions, set / update-mask merge, delete, verify,
// and the field transforms (server time, increment, maximum, minimum, array union and removal) with
// Firestore's numeric rules. A write that leaves the fields as they were is a no-op: the document
// keeps its update time and no change is reported.

import type { Doc } from './document';
import { Code, FirestoreError } from './errors';
import { type FieldPath, deleteField, getField, setField } from './paths';
import {
  type Fields,
  type Value,
  INT64_MAX,
  INT64_MIN,
  NULL_VALUE,
  arrayContains,
  compareNumbers,
  fieldsIdentical,
  isNaNValue,
  isNumber,
  microsToTimestamp,
} from './values';

export type Precondition = { exists: boolean } | { updateTime: number };

export type FieldTransform =
  | { field: FieldPath; kind: 'serverTime' }
  | { field: FieldPath; kind: 'increment' | 'maximum' | 'minimum'; operand: { integerValue: string } | { doubleValue: number } }
  | { field: FieldPath; kind: 'appendMissing' | 'removeAll'; elements: Value[] };

export type WriteOp =
  | { kind: 'update'; path: string; fields: Fields; mask?: FieldPath[]; transforms: FieldTransform[]; precondition?: Precondition }
  | { kind: 'transform'; path: string; transforms: FieldTransform[]; precondition?: Precondition }
  | { kind: 'delete'; path: string; precondition?: Precondition }
  | { kind: 'verify'; path: string; precondition?: Precondition };

/** Firestore's limit on a stored document, in its storage-size accounting. */
export const MAX_DOCUMENT_SIZE = 1_048_576;

function stringSize(s: string): number {
  return Buffer.byteLength(s, 'utf8') + 1;
}

function nameSize(path: string): number {
  return path.split('/').reduce((n, segment) => n + stringSize(segment), 16);
}

function valueSize(v: Value): number {
  if ('nullValue' in v || 'booleanValue' in v) return 1;
  if ('integerValue' in v || 'doubleValue' in v || 'timestampValue' in v) return 8;
  if ('stringValue' in v) return stringSize(v.stringValue);
  if ('bytesValue' in v) return v.bytesValue.length;
  if ('referenceValue' in v) return nameSize(v.referenceValue.slice(v.referenceValue.indexOf('/documents/') + '/documents/'.length));
  if ('geoPointValue' in v) return 16;
  if ('arrayValue' in v) return v.arrayValue.values.reduce((n, e) => n + valueSize(e), 0);
  return fieldsSize(v.mapValue.fields);
}

function fieldsSize(fields: Fields): number {
  let n = 0;
  for (const [k, v] of Object.entries(fields)) n += stringSize(k) + valueSize(v);
  return n;
}

/** Storage size as Firestore counts it: name size + field sizes + 32. */
export function documentSize(path: string, fields: Fields): number {
  return nameSize(path) + fieldsSize(fields) + 32;
}

export interface WriteResult {
  /** Absent after a delete; the old update time when the write changed nothing. */
  updateTime?: number;
  transformResults: Value[];
}

export interface AppliedWrite {
  after: Doc | null;
  result: WriteResult;
}

export function checkPrecondition(current: Doc | null, precondition: Precondition | undefined, name: string): void {
  if (!precondition) return;
  if ('exists' in precondition) {
    if (precondition.exists && !current) throw new FirestoreError(Code.NOT_FOUND, `No document to update: ${name}`);
    if (!precondition.exists && current) throw new FirestoreError(Code.ALREADY_EXISTS, `Document already exists: ${name}`);
    return;
  }
  if (!current || current.updateTime !== precondition.updateTime) {
    throw new FirestoreError(Code.FAILED_PRECONDITION, `The document ${name} was updated (or deleted) since the given update time.`);
  }
}

function saturate(n: bigint): bigint {
  return n > INT64_MAX ? INT64_MAX : n < INT64_MIN ? INT64_MIN : n;
}

function asDouble(v: { integerValue: string } | { doubleValue: number }): number {
  return 'integerValue' in v ? Number(v.integerValue) : v.doubleValue;
}

export function increment(current: Value | undefined, operand: { integerValue: string } | { doubleValue: number }): Value {
  if (current === undefined || !isNumber(current)) return operand;
  if ('integerValue' in current && 'integerValue' in operand) {
    return { integerValue: saturate(BigInt(current.integerValue) + BigInt(operand.integerValue)).toString() };
  }
  return { doubleValue: asDouble(current) + asDouble(operand) };
}

/** maximum (sign 1) / minimum (sign -1): NaN wins, equivalent values keep the stored one. */
export function extremum(current: Value | undefined, operand: { integerValue: string } | { doubleValue: number }, sign: 1 | -1): Value {
  if (current === undefined || !isNumber(current)) return operand;
  if (isNaNValue(current)) return current;
  if (isNaNValue(operand)) return operand;
  return compareNumbers(operand, current) * sign > 0 ? operand : current;
}

function arrayOf(v: Value | undefined): Value[] {
  return v !== undefined && 'arrayValue' in v ? v.arrayValue.values : [];
}

function applyTransform(fields: Fields, t: FieldTransform, commitTime: number): { fields: Fields; result: Value } {
  const current = getField(fields, t.field);
  let next: Value;
  let result: Value;
  switch (t.kind) {
    case 'serverTime':
      next = result = { timestampValue: microsToTimestamp(commitTime) };
      break;
    case 'increment':
      next = result = increment(current, t.operand);
      break;
    case 'maximum':
      next = result = extremum(current, t.operand, 1);
      break;
    case 'minimum':
      next = result = extremum(current, t.operand, -1);
      break;
    case 'appendMissing': {
      const values = [...arrayOf(current)];
      for (const e of t.elements) if (!arrayContains(values, e)) values.push(e);
      next = { arrayValue: { values } };
      result = NULL_VALUE;
      break;
    }
    case 'removeAll':
      next = { arrayValue: { values: arrayOf(current).filter((e) => !arrayContains(t.elements, e)) } };
      result = NULL_VALUE;
      break;
  }
  return { fields: setField(fields, t.field, next), result };
}

function mergeMask(base: Fields, update: Fields, mask: FieldPath[]): Fields {
  let out = base;
  for (const path of mask) {
    const v = getField(update, path);
    out = v === undefined ? deleteField(out, path) : setField(out, path, v);
  }
  return out;
}

/**
 * Applies one write to the document's current state (`name` is its resource name, for errors).
 * Throws FirestoreError when a precondition fails.
 */
export function applyWrite(current: Doc | null, op: WriteOp, commitTime: number, name: string): AppliedWrite {
  checkPrecondition(current, op.precondition, name);
  if (op.kind === 'verify') return { after: current, result: { updateTime: current?.updateTime, transformResults: [] } };
  if (op.kind === 'delete') return { after: null, result: { transformResults: [] } };
  let fields: Fields;
  if (op.kind === 'transform') fields = current?.fields ?? {};
  else if (op.mask) fields = mergeMask(current?.fields ?? {}, op.fields, op.mask);
  else fields = op.fields;
  const transformResults: Value[] = [];
  for (const t of op.transforms) {
    const applied = applyTransform(fields, t, commitTime);
    fields = applied.fields;
    transformResults.push(applied.result);
  }
  const size = documentSize(op.path, fields);
  if (size > MAX_DOCUMENT_SIZE) {
    throw new FirestoreError(Code.INVALID_ARGUMENT, `Document '${name}' cannot be written because its size (${size.toLocaleString('en-US')} bytes) exceeds the maximum allowed size of ${MAX_DOCUMENT_SIZE.toLocaleString('en-US')} bytes.`);
  }
  if (current && fieldsIdentical(current.fields, fields)) {
    return { after: current, result: { updateTime: current.updateTime, transformResults } };
  }
  const after: Doc = { path: op.path, fields, createTime: current?.createTime ?? commitTime, updateTime: commitTime };
  return { after, result: { updateTime: commitTime, transformResults } };
}
