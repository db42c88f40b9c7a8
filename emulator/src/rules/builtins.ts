// Global functions (`int`, `float`, `string`, `bool`, `path`, `debug`) and the namespaces
// `math`, `hashing`, `duration`, `timestamp` and `latlng`. Document access functions (`get`,
// `exists`, ...) live in the interpreter because they need the request's data source.

import { fail } from './errors';
import { hashBytes } from './hashing';
import { durationAbs, durationTime, durationValue, timestampFromDate, timestampFromMillis } from './time';
import { checkInt, formatFloat, pathToString, RBytes, RDuration, RLatLng, RPath, typeOf, type Value } from './values';

function argCount(args: readonly Value[], n: number, name: string): void {
  if (args.length !== n) fail(`Function not found error: Name: [${name}] with ${args.length} arguments.`);
}

function intArg(v: Value | undefined, what: string): bigint {
  if (typeof v !== 'bigint') fail(`${what} must be an int.`);
  return v;
}

function numberArg(v: Value | undefined, what: string): number | bigint {
  if (typeof v !== 'number' && typeof v !== 'bigint') fail(`${what} must be a number.`);
  return v;
}

const TWO_63 = 2 ** 63;

/** float → int, truncating toward zero; NaN, infinities and out-of-range values are errors. */
export function floatToInt(f: number): bigint {
  if (!Number.isFinite(f) || f >= TWO_63 || f < -TWO_63) fail(`Cannot convert ${formatFloat(f)} to int.`);
  return BigInt(Math.trunc(f));
}

const INT_TEXT = /^[+-]?\d+$/;
const FLOAT_TEXT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Splits `a/b/c` (optionally starting with `/`) into a path value. */
export function stringToPath(s: string): RPath {
  const absolute = s.startsWith('/');
  const body = absolute ? s.slice(1) : s;
  return new RPath(body === '' ? [] : body.split('/'), absolute);
}

export function callGlobal(name: string, args: readonly Value[]): Value {
  switch (name) {
    case 'int': {
      argCount(args, 1, name);
      const v = args[0] ?? null;
      if (typeof v === 'bigint') return v;
      if (typeof v === 'number') return floatToInt(v);
      if (typeof v === 'string') {
        if (!INT_TEXT.test(v)) fail(`Cannot convert ${JSON.stringify(v)} to int.`);
        return checkInt(BigInt(v));
      }
      return fail(`Cannot convert ${typeOf(v)} to int.`);
    }
    case 'float': {
      argCount(args, 1, name);
      const v = args[0] ?? null;
      if (typeof v === 'number') return v;
      if (typeof v === 'bigint') return Number(v);
      if (typeof v === 'string') {
        if (FLOAT_TEXT.test(v)) return Number(v);
        if (v === 'NaN') return NaN;
        if (v === 'Infinity' || v === '+Infinity') return Infinity;
        if (v === '-Infinity') return -Infinity;
        return fail(`Cannot convert ${JSON.stringify(v)} to float.`);
      }
      return fail(`Cannot convert ${typeOf(v)} to float.`);
    }
    case 'string': {
      argCount(args, 1, name);
      const v = args[0] ?? null;
      if (v === null) return 'null';
      if (typeof v === 'string') return v;
      if (typeof v === 'boolean' || typeof v === 'bigint') return String(v);
      if (typeof v === 'number') return formatFloat(v);
      if (v instanceof RPath) return pathToString(v);
      return fail(`Cannot convert ${typeOf(v)} to string.`);
    }
    case 'bool': {
      argCount(args, 1, name);
      const v = args[0] ?? null;
      if (typeof v === 'boolean') return v;
      if (v === 'true') return true;
      if (v === 'false') return false;
      return fail(`Cannot convert ${typeof v === 'string' ? JSON.stringify(v) : typeOf(v)} to bool.`);
    }
    case 'path': {
      argCount(args, 1, name);
      const v = args[0] ?? null;
      if (v instanceof RPath) return v;
      if (typeof v === 'string') return stringToPath(v);
      return fail(`Cannot convert ${typeOf(v)} to path.`);
    }
    case 'debug':
      argCount(args, 1, name);
      return args[0] ?? null;
    default:
      return fail(`Function not found error: Name: [${name.replace(/^\?/, '')}].`);
  }
}

function roundHalfAwayFromZero(f: number): number {
  return f < 0 ? -Math.round(-f) : Math.round(f);
}

function mathFunction(name: string, args: readonly Value[]): Value {
  argCount(args, name === 'pow' ? 2 : 1, `math.${name}`);
  const x = numberArg(args[0], `math.${name}() argument`);
  switch (name) {
    case 'abs':
      if (typeof x === 'bigint') return checkInt(x < 0n ? -x : x);
      return Math.abs(x);
    case 'ceil':
      return typeof x === 'bigint' ? x : floatToInt(Math.ceil(x));
    case 'floor':
      return typeof x === 'bigint' ? x : floatToInt(Math.floor(x));
    case 'round':
      return typeof x === 'bigint' ? x : floatToInt(roundHalfAwayFromZero(x));
    case 'isInfinite':
      return typeof x === 'number' && (x === Infinity || x === -Infinity);
    case 'isNaN':
      return typeof x === 'number' && Number.isNaN(x);
    case 'sqrt':
      return Math.sqrt(Number(x));
    case 'pow':
      return Math.pow(Number(x), Number(numberArg(args[1], 'math.pow() exponent')));
    default:
      return fail(`Function not found error: Name: [math.${name}].`);
  }
}

export function callNamespace(ns: string, name: string, args: readonly Value[]): Value {
  switch (ns) {
    case 'math':
      return mathFunction(name, args);
    case 'hashing': {
      argCount(args, 1, `hashing.${name}`);
      const v = args[0] ?? null;
      let data: Uint8Array;
      if (typeof v === 'string') data = new Uint8Array(Buffer.from(v, 'utf8'));
      else if (v instanceof RBytes) data = v.bytes;
      else return fail(`hashing.${name}() needs bytes or a string.`);
      const out = hashBytes(name, data);
      if (out === undefined) fail(`Function not found error: Name: [hashing.${name}].`);
      return new RBytes(out);
    }
    case 'duration':
      if (name === 'value') {
        argCount(args, 2, 'duration.value');
        const unit = args[1];
        if (typeof unit !== 'string') fail('duration.value() unit must be a string.');
        return durationValue(intArg(args[0], 'duration.value() magnitude'), unit);
      }
      if (name === 'time') {
        argCount(args, 4, 'duration.time');
        return durationTime(intArg(args[0], 'hours'), intArg(args[1], 'minutes'), intArg(args[2], 'seconds'), intArg(args[3], 'nanos'));
      }
      if (name === 'abs') {
        argCount(args, 1, 'duration.abs');
        const d = args[0];
        if (!(d instanceof RDuration)) fail('duration.abs() needs a duration.');
        return durationAbs(d);
      }
      return fail(`Function not found error: Name: [duration.${name}].`);
    case 'timestamp':
      if (name === 'date') {
        argCount(args, 3, 'timestamp.date');
        return timestampFromDate(intArg(args[0], 'year'), intArg(args[1], 'month'), intArg(args[2], 'day'));
      }
      if (name === 'value') {
        argCount(args, 1, 'timestamp.value');
        return timestampFromMillis(intArg(args[0], 'epochMillis'));
      }
      return fail(`Function not found error: Name: [timestamp.${name}].`);
    case 'latlng': {
      if (name !== 'value') fail(`Function not found error: Name: [latlng.${name}].`);
      argCount(args, 2, 'latlng.value');
      const lat = Number(numberArg(args[0], 'latitude'));
      const lng = Number(numberArg(args[1], 'longitude'));
      if (!(lat >= -90 && lat <= 90) || !(lng >= -180 && lng <= 180)) fail('latlng.value(): coordinates out of range.');
      return new RLatLng(lat, lng);
    }
    default:
      return fail(`Function not found error: Name: [${ns}.${name}].`);
  }
}
