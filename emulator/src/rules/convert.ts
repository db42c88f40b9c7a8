// Input values: how callers hand document data, claims and query values to the engine, and
// their conversion to runtime values. Plain objects are maps, arrays are lists, bigint is an
// int, a JS number is an int when integral and a float otherwise; Firestore types that JSON
// cannot express use the wrapper classes below (a float with an integral value, timestamps,
// bytes, geopoints, document references).

import { fail } from './errors';
import { parseTimestamp, timestampFromEpochMillis } from './time';
import { INT_MAX, INT_MIN, RBytes, RLatLng, RList, RMap, RPath, RTimestamp, type Value } from './values';

/** A double, even when integral (Firestore `doubleValue`). */
export class RulesFloat {
  constructor(readonly value: number) {}
}

/** A Firestore document reference, e.g. `users/u1`; becomes the path /databases/{db}/documents/users/u1. */
export class RulesReference {
  constructor(
    readonly documentPath: string,
    readonly database = '(default)',
  ) {}
}

export type RulesInput =
  | null
  | boolean
  | number
  | bigint
  | string
  | Date
  | Uint8Array
  | RulesFloat
  | RulesReference
  | RTimestamp
  | RBytes
  | RLatLng
  | RPath
  | readonly RulesInput[]
  | RulesInputMap;

/** A map; keys whose value is `undefined` are absent. */
export interface RulesInputMap {
  readonly [key: string]: RulesInput | undefined;
}

export const rulesValue = {
  float: (n: number): RulesFloat => new RulesFloat(n),
  int: (n: number | bigint): bigint => BigInt(n),
  timestamp: (seconds: number, nanos = 0): RTimestamp => new RTimestamp(seconds, nanos),
  bytes: (b: Uint8Array): RBytes => new RBytes(b),
  latlng: (lat: number, lng: number): RLatLng => new RLatLng(lat, lng),
  reference: (documentPath: string, database?: string): RulesReference => new RulesReference(documentPath, database),
};

const TWO_63 = 2 ** 63;

export function documentPathValue(documentPath: string, database = '(default)'): RPath {
  const segments = documentPath.split('/').filter((s) => s !== '');
  return new RPath(['databases', database, 'documents', ...segments], true);
}

export function toValue(input: RulesInput): Value {
  if (input === null) return null;
  switch (typeof input) {
    case 'boolean':
    case 'string':
      return input;
    case 'bigint':
      if (input < INT_MIN || input > INT_MAX) fail('Integer out of int64 range.');
      return input;
    case 'number':
      if (Number.isInteger(input) && input < TWO_63 && input >= -TWO_63) return BigInt(input);
      return input;
    default:
      break;
  }
  if (isInputList(input)) return new RList(input.map((x) => toValue(x)));
  if (input instanceof RulesFloat) return input.value;
  if (input instanceof RulesReference) return documentPathValue(input.documentPath, input.database);
  if (input instanceof Date) return timestampFromEpochMillis(input.getTime());
  if (input instanceof Uint8Array) return new RBytes(input);
  if (input instanceof RTimestamp || input instanceof RBytes || input instanceof RLatLng || input instanceof RPath) return input;
  return toMap(input);
}

function isInputList(v: RulesInput): v is readonly RulesInput[] {
  return Array.isArray(v);
}

export function toMap(input: RulesInputMap): RMap {
  const m = new Map<string, Value>();
  for (const key of Object.keys(input)) {
    const v = input[key];
    if (v !== undefined) m.set(key, toValue(v));
  }
  return new RMap(m);
}

/** A request time given as a Date, an RFC 3339 string, or a timestamp value. */
export type TimeInput = Date | string | RTimestamp;

export function toTimestamp(t: TimeInput | undefined): RTimestamp {
  if (t === undefined) return timestampFromEpochMillis(Date.now());
  if (t instanceof RTimestamp) return t;
  if (t instanceof Date) return timestampFromEpochMillis(t.getTime());
  const parsed = parseTimestamp(t);
  if (parsed === undefined) fail(`Invalid timestamp ${JSON.stringify(t)}.`);
  return parsed;
}
