/**
 * The access cases of rules-tests/cases/*.json (format: /work/shared conformance README, rules-tests/README.md),
 * parsed with zod, and their values turned into what the client SDK writes. Pure: the SDK's value
 * constructors only, no I/O besides reading the case file.
 *
 * Values: `{"__timestamp__"}` equal to the case's request time becomes serverTimestamp() in written data
 * (the rules compare server timestamps with `== request.time`, which serverTimestamp() satisfies at any
 * clock) unless the stored document already holds that same value there (unchanged on update, so kept as
 * it is); every other timestamp is a Timestamp. `{"__float__": n}` is a double: non-integral numbers, -0 for
 * 0 and integers beyond 2^53 are doubles in the SDK; any other integral double cannot be written by the
 * client SDK (it writes integral JS numbers as integers), so such a case is reported as not expressible.
 * A request.time inside an array cannot be written either (serverTimestamp() is not allowed in arrays).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Bytes, GeoPoint, Timestamp, serverTimestamp } from 'firebase/firestore';
import { z } from 'zod';
import { ROOT } from './env';

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type JsonMap = { [key: string]: Json };

const json: z.ZodType<Json> = z.json();
const jsonMap: z.ZodType<JsonMap> = z.record(z.string(), json);

const whereOp = z.enum(['<', '<=', '==', '!=', '>=', '>', 'array-contains', 'in', 'array-contains-any', 'not-in']);
const clause = z.tuple([z.string(), whereOp, json]);
export type Clause = z.infer<typeof clause>;

const caseSchema = z.object({
  id: z.string().min(1),
  request: z.object({
    method: z.enum(['get', 'list', 'create', 'update', 'delete']),
    path: z.string().min(1).optional(),
    collectionGroup: z.string().min(1).optional(),
    auth: z.object({ uid: z.string().min(1), token: jsonMap.optional() }).nullable(),
    resource: jsonMap.optional(),
    data: jsonMap.optional(),
    docs: z.record(z.string(), jsonMap).optional(),
    query: z
      .object({
        where: z.array(clause).optional(),
        or: z.array(z.array(clause)).optional(),
        orderBy: z.array(z.union([z.tuple([z.string()]), z.tuple([z.string(), z.enum(['asc', 'desc'])])])).optional(),
        limit: z.number().int().positive().optional(),
        limitToLast: z.number().int().positive().optional(),
        offset: z.number().int().nonnegative().optional(),
      })
      .strict()
      .optional(),
    time: z.string(),
  }),
  expect: z.enum(['ALLOW', 'DENY']),
});
export type AccessCase = z.infer<typeof caseSchema>;

export function loadCases(file: string): AccessCase[] {
  const path = join(ROOT, 'rules-tests', 'cases', file);
  return z.object({ cases: z.array(caseSchema).min(1) }).parse(JSON.parse(readFileSync(path, 'utf8'))).cases;
}

type Special =
  | { kind: 'timestamp'; iso: string }
  | { kind: 'float'; value: number }
  | { kind: 'bytes'; base64: string }
  | { kind: 'latlng'; lat: number; lng: number }
  | { kind: 'path'; path: string };

function special(v: JsonMap): Special | undefined {
  const keys = Object.keys(v);
  if (keys.length !== 1) return undefined;
  const t = v.__timestamp__;
  if (typeof t === 'string') return { kind: 'timestamp', iso: t };
  const f = v.__float__;
  if (typeof f === 'number') return { kind: 'float', value: f };
  const b = v.__bytes__;
  if (typeof b === 'string') return { kind: 'bytes', base64: b };
  const ll = v.__latlng__;
  if (Array.isArray(ll) && typeof ll[0] === 'number' && typeof ll[1] === 'number') return { kind: 'latlng', lat: ll[0], lng: ll[1] };
  const p = v.__path__;
  if (typeof p === 'string') return { kind: 'path', path: p };
  return undefined;
}

function isMap(v: Json | undefined): v is JsonMap {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function jsonEqual(a: Json | undefined, b: Json | undefined): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => jsonEqual(x, b[i]));
  if (isMap(a) && isMap(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => k in b && jsonEqual(a[k], b[k]));
  }
  return false;
}

/** ISO-8601 with up to nanoseconds → Timestamp (Date would drop below milliseconds). */
export function timestampOf(iso: string): Timestamp {
  const m = /^(.*?)(?:\.(\d{1,9}))?(Z|[+-]\d\d:\d\d)$/.exec(iso);
  const millis = Date.parse(m ? `${m[1]}${m[3]}` : iso);
  if (!m || Number.isNaN(millis)) throw new Error(`not an ISO-8601 timestamp: ${iso}`);
  return new Timestamp(Math.floor(millis / 1000), Number((m[2] ?? '').padEnd(9, '0')));
}

/**
 * Turns case JSON into SDK values. `ref` builds a document reference (the Firestore instance is not needed
 * to decide expressibility, so planning passes a stand-in). Problems are collected, not thrown.
 */
export class ValueConverter {
  readonly problems = new Set<string>();

  constructor(
    private readonly requestTime: string,
    private readonly ref: (path: string) => unknown,
  ) {}

  /** A stored value (seeded document, query operand): every timestamp as it is. */
  stored(v: Json): unknown {
    if (Array.isArray(v)) return v.map((x) => this.stored(x));
    if (!isMap(v)) return v;
    const s = special(v);
    if (s) return this.specialValue(s);
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, this.stored(x)]));
  }

  storedMap(v: JsonMap): Record<string, unknown> {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, this.stored(x)]));
  }

  /** Written data; `before` is the stored value at the same place (update), undefined for a create. */
  written(v: Json, before: Json | undefined): unknown {
    if (jsonEqual(v, before)) return this.stored(v);
    if (Array.isArray(v)) return v.map((x) => this.inArray(x));
    if (!isMap(v)) return v;
    const s = special(v);
    if (s?.kind === 'timestamp' && s.iso === this.requestTime) return serverTimestamp();
    if (s) return this.specialValue(s);
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, this.written(x, isMap(before) ? before[k] : undefined)]));
  }

  writtenMap(v: JsonMap, before: JsonMap | undefined): Record<string, unknown> {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, this.written(x, before?.[k])]));
  }

  private inArray(v: Json): unknown {
    if (Array.isArray(v)) return v.map((x) => this.inArray(x));
    if (!isMap(v)) return v;
    const s = special(v);
    if (s?.kind === 'timestamp' && s.iso === this.requestTime) {
      this.problems.add('the request time inside an array cannot be written (serverTimestamp() is not allowed in arrays)');
      return null;
    }
    if (s) return this.specialValue(s);
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, this.inArray(x)]));
  }

  private specialValue(s: Special): unknown {
    switch (s.kind) {
      case 'timestamp':
        return timestampOf(s.iso);
      case 'float':
        if (s.value === 0) return -0;
        if (!Number.isInteger(s.value) || !Number.isSafeInteger(s.value)) return s.value;
        this.problems.add(`a double with the integral value ${s.value} cannot be written by the client SDK (integral numbers are written as integers)`);
        return s.value;
      case 'bytes':
        return Bytes.fromBase64String(s.base64);
      case 'latlng':
        return new GeoPoint(s.lat, s.lng);
      case 'path':
        return this.ref(s.path);
    }
  }
}
