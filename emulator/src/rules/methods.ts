// Methods of the concrete value types (string, list, map, set, map_diff, bytes, timestamp,
// duration, latlng, path) as documented in the rules reference. Wrong receiver, unknown method,
// wrong argument count or type is an evaluation error.

import { fail } from './errors';
import { codePointLength, compareCodePoints, regexMatches, regexReplace, regexSplit, trimSpaces } from './strings';
import { timestampField } from './time';
import {
  containsValue,
  PathVar,
  RBytes,
  RDuration,
  RLatLng,
  RList,
  RMap,
  RMapDiff,
  RPath,
  RSet,
  RTimestamp,
  typeOf,
  uniqueValues,
  valuesEqual,
  type PathSegment,
  type Value,
} from './values';

function notFound(recv: Value, name: string): never {
  return fail(`Function not found error: Name: [${name}] on ${typeOf(recv)}.`);
}

function arity(args: readonly Value[], n: number, recv: Value, name: string): void {
  if (args.length !== n) notFound(recv, name);
}

function str(v: Value | undefined, what: string): string {
  if (typeof v !== 'string') fail(`${what} must be a string.`);
  return v;
}

/** Elements of a list or set argument. */
function elements(v: Value | undefined, what: string): readonly Value[] {
  if (v instanceof RList || v instanceof RSet) return v.items;
  return fail(`${what} must be a list or a set.`);
}

function map(v: Value | undefined, what: string): RMap {
  if (!(v instanceof RMap)) fail(`${what} must be a map.`);
  return v;
}

export function sortedKeys(m: RMap): string[] {
  return [...m.entries.keys()].sort(compareCodePoints);
}

export function callMethod(recv: Value, name: string, args: readonly Value[]): Value {
  if (typeof recv === 'string') return stringMethod(recv, name, args);
  if (recv instanceof RList) return listMethod(recv, name, args);
  if (recv instanceof RMap) return mapMethod(recv, name, args);
  if (recv instanceof RSet) return setMethod(recv, name, args);
  if (recv instanceof RMapDiff) return mapDiffMethod(recv, name, args);
  if (recv instanceof RBytes) return bytesMethod(recv, name, args);
  if (recv instanceof RTimestamp) {
    arity(args, 0, recv, name);
    return timestampField(recv, name);
  }
  if (recv instanceof RDuration) {
    arity(args, 0, recv, name);
    if (name === 'seconds') return BigInt(recv.seconds);
    if (name === 'nanos') return BigInt(recv.nanos);
    return notFound(recv, name);
  }
  if (recv instanceof RLatLng) return latLngMethod(recv, name, args);
  if (recv instanceof RPath) return pathMethod(recv, name, args);
  if (recv === null) return fail('Null value error.');
  return notFound(recv, name);
}

function stringMethod(s: string, name: string, args: readonly Value[]): Value {
  switch (name) {
    case 'size':
      arity(args, 0, s, name);
      return BigInt(codePointLength(s));
    case 'lower':
      arity(args, 0, s, name);
      return s.toLowerCase();
    case 'upper':
      arity(args, 0, s, name);
      return s.toUpperCase();
    case 'trim':
      arity(args, 0, s, name);
      return trimSpaces(s);
    case 'toUtf8':
      arity(args, 0, s, name);
      return new RBytes(new Uint8Array(Buffer.from(s, 'utf8')));
    case 'matches':
      arity(args, 1, s, name);
      return regexMatches(s, str(args[0], 'The regular expression'));
    case 'replace':
      arity(args, 2, s, name);
      return regexReplace(s, str(args[0], 'The regular expression'), str(args[1], 'The replacement'));
    case 'split':
      arity(args, 1, s, name);
      return new RList(regexSplit(s, str(args[0], 'The regular expression')));
    default:
      return notFound(s, name);
  }
}

function listMethod(l: RList, name: string, args: readonly Value[]): Value {
  switch (name) {
    case 'size':
      arity(args, 0, l, name);
      return BigInt(l.items.length);
    case 'concat':
      arity(args, 1, l, name);
      if (!(args[0] instanceof RList)) fail('concat() needs a list.');
      return new RList([...l.items, ...args[0].items]);
    case 'hasAll': {
      arity(args, 1, l, name);
      const want = elements(args[0], 'hasAll() argument');
      return want.every((v) => containsValue(l.items, v));
    }
    case 'hasAny': {
      arity(args, 1, l, name);
      const want = elements(args[0], 'hasAny() argument');
      return want.some((v) => containsValue(l.items, v));
    }
    case 'hasOnly': {
      arity(args, 1, l, name);
      const allowed = elements(args[0], 'hasOnly() argument');
      return l.items.every((v) => containsValue(allowed, v));
    }
    case 'join': {
      arity(args, 1, l, name);
      const sep = str(args[0], 'The separator');
      return l.items.map((v) => str(v, 'Every joined element')).join(sep);
    }
    case 'removeAll': {
      arity(args, 1, l, name);
      const remove = elements(args[0], 'removeAll() argument');
      return new RList(l.items.filter((v) => !containsValue(remove, v)));
    }
    case 'toSet':
      arity(args, 0, l, name);
      return new RSet(uniqueValues(l.items));
    default:
      return notFound(l, name);
  }
}

function mapMethod(m: RMap, name: string, args: readonly Value[]): Value {
  switch (name) {
    case 'size':
      arity(args, 0, m, name);
      return BigInt(m.entries.size);
    case 'keys':
      arity(args, 0, m, name);
      return new RList(sortedKeys(m));
    case 'values':
      arity(args, 0, m, name);
      return new RList(sortedKeys(m).map((k) => m.entries.get(k) ?? null));
    case 'diff':
      arity(args, 1, m, name);
      return new RMapDiff(m, map(args[0], 'diff() argument'));
    case 'get': {
      arity(args, 2, m, name);
      const key = args[0] ?? null;
      const fallback = args[1] ?? null;
      if (typeof key === 'string') {
        const v = m.entries.get(key);
        return v === undefined ? fallback : v;
      }
      if (key instanceof RList) {
        if (key.items.length === 0) fail('get() needs at least one key.');
        let cur: Value = m;
        for (const k of key.items) {
          const ks = str(k, 'Every key');
          if (!(cur instanceof RMap)) fail(`get(): the value before key '${ks}' is not a map.`);
          const next: Value | undefined = cur.entries.get(ks);
          if (next === undefined) return fallback;
          cur = next;
        }
        return cur;
      }
      return fail('get() key must be a string or a list of strings.');
    }
    default:
      return notFound(m, name);
  }
}

function setMethod(s: RSet, name: string, args: readonly Value[]): Value {
  switch (name) {
    case 'size':
      arity(args, 0, s, name);
      return BigInt(s.items.length);
    case 'hasAll':
      arity(args, 1, s, name);
      return elements(args[0], 'hasAll() argument').every((v) => containsValue(s.items, v));
    case 'hasAny':
      arity(args, 1, s, name);
      return elements(args[0], 'hasAny() argument').some((v) => containsValue(s.items, v));
    case 'hasOnly': {
      arity(args, 1, s, name);
      const allowed = elements(args[0], 'hasOnly() argument');
      return s.items.every((v) => containsValue(allowed, v));
    }
    case 'difference': {
      arity(args, 1, s, name);
      const other = elements(args[0], 'difference() argument');
      return new RSet(s.items.filter((v) => !containsValue(other, v)));
    }
    case 'intersection': {
      arity(args, 1, s, name);
      const other = elements(args[0], 'intersection() argument');
      return new RSet(s.items.filter((v) => containsValue(other, v)));
    }
    case 'union': {
      arity(args, 1, s, name);
      return new RSet(uniqueValues([...s.items, ...elements(args[0], 'union() argument')]));
    }
    default:
      return notFound(s, name);
  }
}

function mapDiffMethod(d: RMapDiff, name: string, args: readonly Value[]): Value {
  arity(args, 0, d, name);
  const left = d.left.entries;
  const right = d.right.entries;
  const added = (): string[] => [...left.keys()].filter((k) => !right.has(k));
  const removed = (): string[] => [...right.keys()].filter((k) => !left.has(k));
  const changed = (): string[] => [...left.keys()].filter((k) => right.has(k) && !valuesEqual(left.get(k) ?? null, right.get(k) ?? null));
  switch (name) {
    case 'addedKeys':
      return new RSet(added());
    case 'removedKeys':
      return new RSet(removed());
    case 'changedKeys':
      return new RSet(changed());
    case 'unchangedKeys':
      return new RSet([...left.keys()].filter((k) => right.has(k) && valuesEqual(left.get(k) ?? null, right.get(k) ?? null)));
    case 'affectedKeys':
      return new RSet([...added(), ...removed(), ...changed()]);
    default:
      return notFound(d, name);
  }
}

function bytesMethod(b: RBytes, name: string, args: readonly Value[]): Value {
  arity(args, 0, b, name);
  switch (name) {
    case 'size':
      return BigInt(b.bytes.length);
    case 'toBase64':
      return Buffer.from(b.bytes).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
    case 'toHexString':
      return Buffer.from(b.bytes).toString('hex').toUpperCase();
    default:
      return notFound(b, name);
  }
}

const EARTH_RADIUS_METERS = 6_371_010;

function latLngMethod(p: RLatLng, name: string, args: readonly Value[]): Value {
  switch (name) {
    case 'latitude':
      arity(args, 0, p, name);
      return p.lat;
    case 'longitude':
      arity(args, 0, p, name);
      return p.lng;
    case 'distance': {
      arity(args, 1, p, name);
      const q = args[0];
      if (!(q instanceof RLatLng)) fail('distance() needs a latlng.');
      const rad = Math.PI / 180;
      const dLat = (q.lat - p.lat) * rad;
      const dLng = (q.lng - p.lng) * rad;
      const h = Math.sin(dLat / 2) ** 2 + Math.cos(p.lat * rad) * Math.cos(q.lat * rad) * Math.sin(dLng / 2) ** 2;
      return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(h)));
    }
    default:
      return notFound(p, name);
  }
}

function pathMethod(p: RPath, name: string, args: readonly Value[]): Value {
  if (name !== 'bind') return notFound(p, name);
  arity(args, 1, p, name);
  const bindings = map(args[0], 'bind() argument');
  const segments: PathSegment[] = [];
  for (const seg of p.segments) {
    if (!(seg instanceof PathVar)) {
      segments.push(seg);
      continue;
    }
    const v = bindings.entries.get(seg.name);
    if (v === undefined) {
      segments.push(seg);
    } else if (typeof v === 'string') {
      segments.push(v);
    } else if (v instanceof RPath) {
      segments.push(...v.segments);
    } else {
      fail(`bind(): value for '${seg.name}' must be a string.`);
    }
  }
  const merged = new Map(p.bindings ?? []);
  for (const [k, v] of bindings.entries) merged.set(k, v);
  return new RPath(segments, p.absolute, merged);
}
