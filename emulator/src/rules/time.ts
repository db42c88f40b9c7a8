// Timestamps (UTC, nanosecond precision, 0001-01-01 to 9999-12-31) and durations (seconds and
// nanoseconds of the same sign, at most ±315,576,000,000 s): construction, arithmetic with
// range checks, calendar fields, and RFC 3339 parsing for inputs.

import { fail } from './errors';
import { RDuration, RTimestamp } from './values';

const NANOS = 1_000_000_000;
export const MIN_TIMESTAMP_SECONDS = -62_135_596_800; // 0001-01-01T00:00:00Z
export const MAX_TIMESTAMP_SECONDS = 253_402_300_799; // 9999-12-31T23:59:59Z
export const MAX_DURATION_SECONDS = 315_576_000_000;

export function makeTimestamp(seconds: number, nanos: number): RTimestamp {
  const s = seconds + Math.floor(nanos / NANOS);
  let n = nanos % NANOS;
  if (n < 0) n += NANOS;
  if (!Number.isSafeInteger(s) || s < MIN_TIMESTAMP_SECONDS || s > MAX_TIMESTAMP_SECONDS) fail('Timestamp out of range.');
  return new RTimestamp(s, n);
}

export function makeDuration(seconds: number, nanos: number): RDuration {
  let s = seconds + Math.trunc(nanos / NANOS);
  let n = nanos % NANOS;
  if (s > 0 && n < 0) {
    s -= 1;
    n += NANOS;
  } else if (s < 0 && n > 0) {
    s += 1;
    n -= NANOS;
  }
  if (!Number.isSafeInteger(s) || Math.abs(s) > MAX_DURATION_SECONDS) fail('Duration out of range.');
  return new RDuration(s, n === 0 ? 0 : n);
}

export function addDuration(t: RTimestamp, d: RDuration, sign: 1 | -1): RTimestamp {
  return makeTimestamp(t.seconds + sign * d.seconds, t.nanos + sign * d.nanos);
}

export function subtractTimestamps(a: RTimestamp, b: RTimestamp): RDuration {
  return makeDuration(a.seconds - b.seconds, a.nanos - b.nanos);
}

export function addDurations(a: RDuration, b: RDuration, sign: 1 | -1): RDuration {
  return makeDuration(a.seconds + sign * b.seconds, a.nanos + sign * b.nanos);
}

export function negateDuration(d: RDuration): RDuration {
  return makeDuration(-d.seconds, -d.nanos);
}

function toDate(t: RTimestamp): Date {
  return new Date(t.seconds * 1000);
}

export function timestampField(t: RTimestamp, field: string): bigint | RTimestamp | RDuration {
  const d = toDate(t);
  switch (field) {
    case 'year':
      return BigInt(d.getUTCFullYear());
    case 'month':
      return BigInt(d.getUTCMonth() + 1);
    case 'day':
      return BigInt(d.getUTCDate());
    case 'hours':
      return BigInt(d.getUTCHours());
    case 'minutes':
      return BigInt(d.getUTCMinutes());
    case 'seconds':
      return BigInt(d.getUTCSeconds());
    case 'nanos':
      return BigInt(t.nanos);
    case 'dayOfWeek': {
      const w = d.getUTCDay();
      return BigInt(w === 0 ? 7 : w);
    }
    case 'dayOfYear': {
      const start = Date.UTC(2000, 0, 1);
      const jan1 = new Date(start);
      jan1.setUTCFullYear(d.getUTCFullYear(), 0, 1);
      return BigInt(Math.floor((d.getTime() - jan1.getTime()) / 86_400_000) + 1);
    }
    case 'date': {
      const secondsOfDay = ((t.seconds % 86_400) + 86_400) % 86_400;
      return new RTimestamp(t.seconds - secondsOfDay, 0);
    }
    case 'time': {
      const secondsOfDay = ((t.seconds % 86_400) + 86_400) % 86_400;
      return new RDuration(secondsOfDay, t.nanos);
    }
    case 'toMillis':
      return BigInt(t.seconds) * 1000n + BigInt(Math.floor(t.nanos / 1_000_000));
    default:
      return fail(`Function not found error: Name: [${field}].`);
  }
}

export function timestampFromDate(year: bigint, month: bigint, day: bigint): RTimestamp {
  if (year < 1n || year > 9999n || month < 1n || month > 12n || day < 1n || day > 31n) fail('Invalid date.');
  const d = new Date(Date.UTC(2000, 0, 1));
  d.setUTCFullYear(Number(year), Number(month) - 1, Number(day));
  if (d.getUTCDate() !== Number(day)) fail('Invalid date.');
  return makeTimestamp(d.getTime() / 1000, 0);
}

export function timestampFromMillis(ms: bigint): RTimestamp {
  const seconds = ms >= 0n ? ms / 1000n : -((-ms + 999n) / 1000n);
  const rem = ms - seconds * 1000n;
  if (seconds < BigInt(MIN_TIMESTAMP_SECONDS) || seconds > BigInt(MAX_TIMESTAMP_SECONDS)) fail('Timestamp out of range.');
  return makeTimestamp(Number(seconds), Number(rem) * 1_000_000);
}

const UNIT_NANOS: ReadonlyMap<string, bigint> = new Map([
  ['w', 7n * 86_400n * 1_000_000_000n],
  ['d', 86_400n * 1_000_000_000n],
  ['h', 3_600n * 1_000_000_000n],
  ['m', 60n * 1_000_000_000n],
  ['s', 1_000_000_000n],
  ['ms', 1_000_000n],
  ['ns', 1n],
]);

export function durationFromNanos(total: bigint): RDuration {
  const seconds = total / 1_000_000_000n;
  const nanos = total % 1_000_000_000n;
  if (seconds > BigInt(MAX_DURATION_SECONDS) || seconds < -BigInt(MAX_DURATION_SECONDS)) fail('Duration out of range.');
  return makeDuration(Number(seconds), Number(nanos));
}

export function durationValue(magnitude: bigint, unit: string): RDuration {
  const scale = UNIT_NANOS.get(unit);
  if (scale === undefined) fail(`Invalid duration unit '${unit}'.`);
  return durationFromNanos(magnitude * scale);
}

export function durationTime(h: bigint, m: bigint, s: bigint, ns: bigint): RDuration {
  return durationFromNanos(((h * 60n + m) * 60n + s) * 1_000_000_000n + ns);
}

export function durationAbs(d: RDuration): RDuration {
  return d.seconds < 0 || d.nanos < 0 ? negateDuration(d) : d;
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(Z|z|[+-]\d{2}:\d{2})?$/;

/**
 * Parse an RFC 3339 timestamp with up to nanosecond precision; a missing time is midnight and a
 * missing zone is UTC. Undefined when malformed.
 */
export function parseTimestamp(text: string): RTimestamp | undefined {
  const m = RFC3339.exec(text);
  if (m === null) return undefined;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const base = new Date(Date.UTC(2000, 0, 1));
  base.setUTCFullYear(Number(y), Number(mo) - 1, Number(d));
  base.setUTCHours(Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0), 0);
  if (base.getUTCDate() !== Number(d) || base.getUTCMonth() !== Number(mo) - 1) return undefined;
  let seconds = base.getTime() / 1000;
  if (zone !== undefined && zone !== 'Z' && zone !== 'z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const [zh, zm] = zone.slice(1).split(':');
    seconds -= sign * (Number(zh) * 3600 + Number(zm) * 60);
  }
  const nanos = frac === undefined ? 0 : Number(frac.padEnd(9, '0'));
  if (seconds < MIN_TIMESTAMP_SECONDS || seconds > MAX_TIMESTAMP_SECONDS) return undefined;
  return new RTimestamp(seconds, nanos);
}

export function timestampFromEpochMillis(ms: number): RTimestamp {
  const seconds = Math.floor(ms / 1000);
  return makeTimestamp(seconds, Math.round((ms - seconds * 1000) * 1_000_000));
}
