// Firestore document values in memory: a proto-shaped union with exactly one key per value (so the
// objects go back onto the wire unchanged), the backend's cross-type ordering and comparison, strict
// identity (used to tell a no-op write), and the REST JSON encoding used on disk and in CloudEvents.

export interface Timestamp {
  seconds: number;
  nanos: number;
}

export interface LatLng {
  latitude: number;
  longitude: number;
}

export type Fields = Record<string, Value>;

export type Value =
  | { nullValue: 'NULL_VALUE' }
  | { booleanValue: boolean }
  | { integerValue: string }
  | { doubleValue: number }
  | { timestampValue: Timestamp }
  | { stringValue: string }
  | { bytesValue: Uint8Array }
  | { referenceValue: string }
  | { geoPointValue: LatLng }
  | { arrayValue: { values: Value[] } }
  | { mapValue: { fields: Fields } };

export const NULL_VALUE: Value = { nullValue: 'NULL_VALUE' };
export const INT64_MAX = (1n << 63n) - 1n;
export const INT64_MIN = -(1n << 63n);

/** Type order of the backend: null < bool < number < timestamp < string < bytes < ref < geo < array < vector < map. */
export enum TypeOrder {
  Null = 0,
  Boolean = 1,
  Number = 2,
  Timestamp = 3,
  String = 5,
  Bytes = 6,
  Reference = 7,
  GeoPoint = 8,
  Array = 9,
  Vector = 10,
  Map = 11,
}

/** Own-property lookup: field names such as `constructor` must never reach Object.prototype. */
export function getOwn<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

export function isVector(v: Value): boolean {
  if (!('mapValue' in v)) return false;
  const type = getOwn(v.mapValue.fields, '__type__');
  return type !== undefined && 'stringValue' in type && type.stringValue === '__vector__';
}

export function typeOrder(v: Value): TypeOrder {
  if ('nullValue' in v) return TypeOrder.Null;
  if ('booleanValue' in v) return TypeOrder.Boolean;
  if ('integerValue' in v || 'doubleValue' in v) return TypeOrder.Number;
  if ('timestampValue' in v) return TypeOrder.Timestamp;
  if ('stringValue' in v) return TypeOrder.String;
  if ('bytesValue' in v) return TypeOrder.Bytes;
  if ('referenceValue' in v) return TypeOrder.Reference;
  if ('geoPointValue' in v) return TypeOrder.GeoPoint;
  if ('arrayValue' in v) return TypeOrder.Array;
  return isVector(v) ? TypeOrder.Vector : TypeOrder.Map;
}

export function isNumber(v: Value): v is { integerValue: string } | { doubleValue: number } {
  return 'integerValue' in v || 'doubleValue' in v;
}

export function isNaNValue(v: Value): boolean {
  return 'doubleValue' in v && Number.isNaN(v.doubleValue);
}

function sign(n: number): number {
  return n < 0 ? -1 : n > 0 ? 1 : 0;
}

/** Compares strings in UTF-8 byte order (not JavaScript's UTF-16 code-unit order). */
export function compareUtf8(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const xs = x >= 0xd800 && x <= 0xdfff;
    const ys = y >= 0xd800 && y <= 0xdfff;
    if (xs === ys) return x < y ? -1 : 1;
    return xs ? 1 : -1;
  }
  return sign(a.length - b.length);
}

function compareInts(a: string, b: string): number {
  if (a.length < 16 && b.length < 16) return sign(Number(a) - Number(b));
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Exact comparison of an int64 with a double; NaN sorts before every number. */
function compareIntDouble(i: string, d: number): number {
  if (Number.isNaN(d)) return 1;
  if (d === Infinity) return -1;
  if (d === -Infinity) return 1;
  const n = Number(i);
  if (Number.isSafeInteger(n)) return n < d ? -1 : n > d ? 1 : 0;
  const floor = Math.floor(d);
  const bi = BigInt(i);
  const bf = BigInt(floor);
  if (bi !== bf) return bi < bf ? -1 : 1;
  return d > floor ? -1 : 0;
}

function compareDoubles(a: number, b: number): number {
  if (a < b) return -1;
  if (a > b) return 1;
  if (a === b) return 0;
  if (Number.isNaN(a)) return Number.isNaN(b) ? 0 : -1;
  return 1;
}

export function compareNumbers(a: { integerValue: string } | { doubleValue: number }, b: { integerValue: string } | { doubleValue: number }): number {
  if ('integerValue' in a) {
    return 'integerValue' in b ? compareInts(a.integerValue, b.integerValue) : compareIntDouble(a.integerValue, b.doubleValue);
  }
  return 'integerValue' in b ? -compareIntDouble(b.integerValue, a.doubleValue) : compareDoubles(a.doubleValue, b.doubleValue);
}

export function compareTimestamps(a: Timestamp, b: Timestamp): number {
  return a.seconds !== b.seconds ? sign(a.seconds - b.seconds) : sign(a.nanos - b.nanos);
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  return Buffer.compare(a, b);
}

/** Numeric document ids (`__id123__`) sort first, numerically; other segments in UTF-8 order. */
export function compareSegments(a: string, b: string): number {
  const an = numericId(a);
  const bn = numericId(b);
  if (an !== undefined && bn !== undefined) return an < bn ? -1 : an > bn ? 1 : 0;
  if (an !== undefined) return -1;
  if (bn !== undefined) return 1;
  return compareUtf8(a, b);
}

function numericId(segment: string): bigint | undefined {
  if (!segment.startsWith('__id') || !segment.endsWith('__') || segment.length <= 6) return undefined;
  const digits = segment.slice(4, -2);
  return /^-?\d+$/.test(digits) ? BigInt(digits) : undefined;
}

/** Compares slash-separated paths segment by segment (without splitting: this runs inside sorts). */
export function comparePaths(a: string, b: string): number {
  if (a === b) return 0;
  let i = 0;
  let j = 0;
  for (;;) {
    const ea = a.indexOf('/', i);
    const eb = b.indexOf('/', j);
    const sa = a.slice(i, ea < 0 ? a.length : ea);
    const sb = b.slice(j, eb < 0 ? b.length : eb);
    const c = sa === sb ? 0 : compareSegments(sa, sb);
    if (c !== 0) return c;
    if (ea < 0 || eb < 0) return ea < 0 && eb < 0 ? 0 : ea < 0 ? -1 : 1;
    i = ea + 1;
    j = eb + 1;
  }
}

function compareArrays(a: Value[], b: Value[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const c = compareValues(a[i] ?? NULL_VALUE, b[i] ?? NULL_VALUE);
    if (c !== 0) return c;
  }
  return sign(a.length - b.length);
}

export function sortedKeys(fields: Fields): string[] {
  return Object.keys(fields).sort(compareUtf8);
}

function compareMaps(a: Fields, b: Fields): number {
  const ak = sortedKeys(a);
  const bk = sortedKeys(b);
  const n = Math.min(ak.length, bk.length);
  for (let i = 0; i < n; i++) {
    const ka = ak[i] ?? '';
    const kb = bk[i] ?? '';
    const c = compareUtf8(ka, kb);
    if (c !== 0) return c;
    const v = compareValues(a[ka] ?? NULL_VALUE, b[kb] ?? NULL_VALUE);
    if (v !== 0) return v;
  }
  return sign(ak.length - bk.length);
}

function vectorElements(fields: Fields): Value[] {
  const v = getOwn(fields, 'value');
  return v !== undefined && 'arrayValue' in v ? v.arrayValue.values : [];
}

/** Total order over all values, as the backend sorts them (numbers compare across int and double). */
export function compareValues(a: Value, b: Value): number {
  if (a === b) return 0;
  const ta = typeOrder(a);
  const tb = typeOrder(b);
  if (ta !== tb) return sign(ta - tb);
  if ('booleanValue' in a && 'booleanValue' in b) return sign(Number(a.booleanValue) - Number(b.booleanValue));
  if (isNumber(a) && isNumber(b)) return compareNumbers(a, b);
  if ('timestampValue' in a && 'timestampValue' in b) return compareTimestamps(a.timestampValue, b.timestampValue);
  if ('stringValue' in a && 'stringValue' in b) return compareUtf8(a.stringValue, b.stringValue);
  if ('bytesValue' in a && 'bytesValue' in b) return compareBytes(a.bytesValue, b.bytesValue);
  if ('referenceValue' in a && 'referenceValue' in b) return comparePaths(a.referenceValue, b.referenceValue);
  if ('geoPointValue' in a && 'geoPointValue' in b) {
    const c = compareDoubles(a.geoPointValue.latitude, b.geoPointValue.latitude);
    return c !== 0 ? c : compareDoubles(a.geoPointValue.longitude, b.geoPointValue.longitude);
  }
  if ('arrayValue' in a && 'arrayValue' in b) return compareArrays(a.arrayValue.values, b.arrayValue.values);
  if ('mapValue' in a && 'mapValue' in b) {
    if (ta === TypeOrder.Vector) {
      const x = vectorElements(a.mapValue.fields);
      const y = vectorElements(b.mapValue.fields);
      return x.length !== y.length ? sign(x.length - y.length) : compareArrays(x, y);
    }
    return compareMaps(a.mapValue.fields, b.mapValue.fields);
  }
  return 0;
}

/** Query equality: 1 equals 1.0, 0 equals -0.0, NaN equals NaN. */
export function valuesEqual(a: Value, b: Value): boolean {
  return compareValues(a, b) === 0;
}

export function arrayContains(values: Value[], needle: Value): boolean {
  return values.some((v) => valuesEqual(v, needle));
}

/** Strict identity: same type (int is not double), same bits (-0.0 is not 0.0). */
export function valuesIdentical(a: Value, b: Value): boolean {
  if (a === b) return true;
  if ('nullValue' in a) return 'nullValue' in b;
  if ('booleanValue' in a) return 'booleanValue' in b && a.booleanValue === b.booleanValue;
  if ('integerValue' in a) return 'integerValue' in b && a.integerValue === b.integerValue;
  if ('doubleValue' in a) return 'doubleValue' in b && Object.is(a.doubleValue, b.doubleValue);
  if ('timestampValue' in a) return 'timestampValue' in b && compareTimestamps(a.timestampValue, b.timestampValue) === 0;
  if ('stringValue' in a) return 'stringValue' in b && a.stringValue === b.stringValue;
  if ('bytesValue' in a) return 'bytesValue' in b && compareBytes(a.bytesValue, b.bytesValue) === 0;
  if ('referenceValue' in a) return 'referenceValue' in b && a.referenceValue === b.referenceValue;
  if ('geoPointValue' in a) {
    return 'geoPointValue' in b && Object.is(a.geoPointValue.latitude, b.geoPointValue.latitude) && Object.is(a.geoPointValue.longitude, b.geoPointValue.longitude);
  }
  if ('arrayValue' in a) {
    if (!('arrayValue' in b) || a.arrayValue.values.length !== b.arrayValue.values.length) return false;
    return a.arrayValue.values.every((v, i) => {
      const w = b.arrayValue.values[i];
      return w !== undefined && valuesIdentical(v, w);
    });
  }
  return 'mapValue' in b && fieldsIdentical(a.mapValue.fields, b.mapValue.fields);
}

export function fieldsIdentical(a: Fields, b: Fields): boolean {
  const ak = Object.keys(a);
  if (ak.length !== Object.keys(b).length) return false;
  return ak.every((k) => {
    const w = getOwn(b, k);
    const v = a[k];
    return w !== undefined && v !== undefined && valuesIdentical(v, w);
  });
}

// ---- Timestamps and server times (microseconds since the epoch) ----

export function microsToTimestamp(micros: number): Timestamp {
  const seconds = Math.floor(micros / 1e6);
  return { seconds, nanos: (micros - seconds * 1e6) * 1000 };
}

export function timestampToMicros(t: Timestamp): number {
  return t.seconds * 1e6 + Math.floor(t.nanos / 1000);
}

/** RFC 3339 with as many fractional digits as needed (0, 3, 6 or 9). */
export function timestampToIso(t: Timestamp): string {
  const base = new Date(t.seconds * 1000).toISOString().slice(0, 19);
  if (t.nanos === 0) return `${base}Z`;
  const digits = String(t.nanos).padStart(9, '0');
  const trimmed = digits.endsWith('000000') ? digits.slice(0, 3) : digits.endsWith('000') ? digits.slice(0, 6) : digits;
  return `${base}.${trimmed}Z`;
}

const ISO = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})$/;

export function timestampFromIso(text: string): Timestamp {
  const m = ISO.exec(text);
  if (!m) throw new Error(`invalid timestamp "${text}"`);
  const ms = Date.parse(`${m[1]}${m[3]}`);
  if (Number.isNaN(ms)) throw new Error(`invalid timestamp "${text}"`);
  return { seconds: Math.floor(ms / 1000), nanos: Number((m[2] ?? '').padEnd(9, '0')) };
}

// ---- REST JSON (proto3 JSON) encoding ----

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export function valueToJson(v: Value): Json {
  if ('nullValue' in v) return { nullValue: null };
  if ('booleanValue' in v) return { booleanValue: v.booleanValue };
  if ('integerValue' in v) return { integerValue: v.integerValue };
  if ('doubleValue' in v) {
    const d = v.doubleValue;
    return { doubleValue: Number.isFinite(d) ? d : Number.isNaN(d) ? 'NaN' : d > 0 ? 'Infinity' : '-Infinity' };
  }
  if ('timestampValue' in v) return { timestampValue: timestampToIso(v.timestampValue) };
  if ('stringValue' in v) return { stringValue: v.stringValue };
  if ('bytesValue' in v) return { bytesValue: Buffer.from(v.bytesValue).toString('base64') };
  if ('referenceValue' in v) return { referenceValue: v.referenceValue };
  if ('geoPointValue' in v) return { geoPointValue: { latitude: v.geoPointValue.latitude, longitude: v.geoPointValue.longitude } };
  if ('arrayValue' in v) return { arrayValue: { values: v.arrayValue.values.map(valueToJson) } };
  return { mapValue: { fields: fieldsToJson(v.mapValue.fields) } };
}

export function fieldsToJson(fields: Fields): { [key: string]: Json } {
  const out: { [key: string]: Json } = {};
  for (const [k, v] of Object.entries(fields)) out[k] = valueToJson(v);
  return out;
}

function isJsonObject(j: Json | undefined): j is { [key: string]: Json } {
  return typeof j === 'object' && j !== null && !Array.isArray(j);
}

/** Parses one proto3-JSON value; throws with the offending shape on anything else. */
export function valueFromJson(j: Json | undefined): Value {
  if (!isJsonObject(j)) throw new Error('a value must be an object');
  const keys = Object.keys(j);
  if (keys.length !== 1) throw new Error(`a value must have exactly one field, got ${keys.join(', ') || 'none'}`);
  const key = keys[0] ?? '';
  const x = j[key];
  switch (key) {
    case 'nullValue':
      return NULL_VALUE;
    case 'booleanValue':
      if (typeof x !== 'boolean') break;
      return { booleanValue: x };
    case 'integerValue':
      if ((typeof x !== 'string' && typeof x !== 'number') || !/^-?\d+$/.test(String(x))) break;
      return { integerValue: BigInt(String(x)).toString() };
    case 'doubleValue':
      if (typeof x === 'number') return { doubleValue: x };
      if (x === 'NaN' || x === 'Infinity' || x === '-Infinity') return { doubleValue: Number(x) };
      break;
    case 'timestampValue':
      if (typeof x !== 'string') break;
      return { timestampValue: timestampFromIso(x) };
    case 'stringValue':
      if (typeof x !== 'string') break;
      return { stringValue: x };
    case 'bytesValue':
      if (typeof x !== 'string') break;
      return { bytesValue: Buffer.from(x, 'base64') };
    case 'referenceValue':
      if (typeof x !== 'string') break;
      return { referenceValue: x };
    case 'geoPointValue': {
      if (!isJsonObject(x)) break;
      const { latitude = 0, longitude = 0 } = x;
      if (typeof latitude !== 'number' || typeof longitude !== 'number') break;
      return { geoPointValue: { latitude, longitude } };
    }
    case 'arrayValue': {
      if (!isJsonObject(x)) break;
      const values = x['values'] ?? [];
      if (!Array.isArray(values)) break;
      return { arrayValue: { values: values.map(valueFromJson) } };
    }
    case 'mapValue': {
      if (!isJsonObject(x)) break;
      return { mapValue: { fields: fieldsFromJson(x['fields'] ?? {}) } };
    }
  }
  throw new Error(`invalid ${key}`);
}

export function fieldsFromJson(j: Json): Fields {
  if (!isJsonObject(j)) throw new Error('fields must be an object');
  const out: Fields = {};
  for (const [k, v] of Object.entries(j)) out[k] = valueFromJson(v);
  return out;
}
