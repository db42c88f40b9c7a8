// Pure schedule parsing for the local scheduler: when does a scheduled function fire next?
// Understands what Cloud Scheduler accepts from `onSchedule`: unix-cron (5 fields: minute hour day-of-month
// month day-of-week, with `*`, lists, ranges, steps, JAN-DEC / SUN-SAT names, 7 = Sunday; day-of-month and
// day-of-week are OR-ed when both are restricted) evaluated in an IANA time zone, and the App Engine forms
// `every N minutes|hours [synchronized]`, `every day HH:MM` and `every monday[,friday] HH:MM`.
// No I/O, no clock: callers pass the instant to search from.

const FIELDS = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day-of-month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'] },
  { name: 'day-of-week', min: 0, max: 7, names: ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] },
];

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MINUTE_MS = 60_000;
/** Give up looking for a matching minute after this long (a cron like `0 0 31 2 *` never matches). */
const SEARCH_LIMIT_MS = 5 * 366 * 24 * 60 * MINUTE_MS;

export class ScheduleError extends Error {}

function parseValue(text, field) {
  const upper = text.toUpperCase();
  const named = field.names ? field.names.indexOf(upper) : -1;
  if (named >= 0) return named + (field.name === 'month' ? 1 : 0);
  if (!/^\d+$/.test(text)) throw new ScheduleError(`${field.name}: "${text}" is not a number${field.names ? ' or a name' : ''}`);
  const value = Number(text);
  if (value < field.min || value > field.max) throw new ScheduleError(`${field.name}: ${value} is outside ${field.min}-${field.max}`);
  return value;
}

/** One cron field → the sorted values it allows. */
export function parseField(text, index) {
  const field = FIELDS[index];
  const values = new Set();
  for (const part of text.split(',')) {
    if (part === '') throw new ScheduleError(`${field.name}: empty list item in "${text}"`);
    const [range, stepText, extra] = part.split('/');
    if (extra !== undefined) throw new ScheduleError(`${field.name}: "${part}" has more than one step`);
    let step = 1;
    if (stepText !== undefined) {
      if (!/^\d+$/.test(stepText) || Number(stepText) === 0) throw new ScheduleError(`${field.name}: step "${stepText}" must be a positive number`);
      step = Number(stepText);
    }
    let lo;
    let hi;
    if (range === '*') {
      lo = field.min;
      hi = field.name === 'day-of-week' ? 6 : field.max;
    } else if (range.includes('-')) {
      const [a, b, more] = range.split('-');
      if (more !== undefined) throw new ScheduleError(`${field.name}: bad range "${range}"`);
      lo = parseValue(a, field);
      hi = parseValue(b, field);
      if (hi < lo) throw new ScheduleError(`${field.name}: range "${range}" runs backwards`);
    } else {
      lo = parseValue(range, field);
      hi = stepText === undefined ? lo : field.name === 'day-of-week' ? 6 : field.max;
    }
    for (let v = lo; v <= hi; v += step) values.add(field.name === 'day-of-week' && v === 7 ? 0 : v);
  }
  return [...values].sort((a, b) => a - b);
}

/** Parses a cron expression (5 fields) into allowed values per field. */
export function parseCron(expression) {
  const parts = expression.trim().split(/\s+/);
  if (parts.length !== 5) throw new ScheduleError(`a cron schedule has 5 fields (minute hour day-of-month month day-of-week); "${expression}" has ${parts.length}`);
  const [minute, hour, dom, month, dow] = parts.map((p, i) => parseField(p, i));
  return {
    kind: 'cron',
    minute: new Set(minute),
    hour: new Set(hour),
    dom: new Set(dom),
    month: new Set(month),
    dow: new Set(dow),
    // As in cron: a day field starting with `*` does not restrict, so the other one alone decides.
    domAny: parts[2].startsWith('*'),
    dowAny: parts[4].startsWith('*'),
  };
}

function parseClock(text) {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text);
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) throw new ScheduleError(`"${text}" is not a time of day (HH:MM)`);
  return { hour: Number(m[1]), minute: Number(m[2]) };
}

/**
 * Parses any supported schedule. Returns `{kind:'cron', …}` or `{kind:'interval', everyMs, synchronized}`.
 * Throws ScheduleError with a readable message for anything else.
 */
export function parseSchedule(text) {
  if (typeof text !== 'string' || text.trim() === '') throw new ScheduleError('the schedule is empty');
  const trimmed = text.trim();
  if (!/^every\s/i.test(trimmed)) return parseCron(trimmed);
  const words = trimmed.toLowerCase().split(/\s+/).slice(1);
  const interval = /^(\d+)$/.test(words[0] ?? '') ? Number(words[0]) : undefined;
  if (interval !== undefined) {
    const unit = words[1] ?? '';
    const synchronized = words[2] === 'synchronized';
    if (words.length > (synchronized ? 3 : 2)) throw new ScheduleError(`unsupported schedule "${text}"`);
    const unitMs = /^(minute|minutes|min|mins)$/.test(unit) ? MINUTE_MS : /^(hour|hours)$/.test(unit) ? 60 * MINUTE_MS : undefined;
    if (!unitMs || interval === 0) throw new ScheduleError(`unsupported interval in "${text}" (use minutes or hours)`);
    return { kind: 'interval', everyMs: interval * unitMs, synchronized };
  }
  if (words.length !== 2) throw new ScheduleError(`unsupported schedule "${text}"`);
  const { hour, minute } = parseClock(words[1]);
  if (words[0] === 'day') return parseCron(`${minute} ${hour} * * *`);
  const days = words[0].split(',').map((d) => {
    const i = WEEKDAYS.indexOf(d);
    if (i < 0) throw new ScheduleError(`"${d}" is not a day of the week in "${text}"`);
    return i;
  });
  return parseCron(`${minute} ${hour} * * ${days.join(',')}`);
}

const formatters = new Map();

/** The wall-clock parts of an instant in a time zone (minute precision). Throws ScheduleError for an unknown zone. */
export function zonedParts(ms, timeZone) {
  let fmt = formatters.get(timeZone);
  if (!fmt) {
    try {
      fmt = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        weekday: 'short',
      });
    } catch {
      throw new ScheduleError(`unknown time zone "${timeZone}"`);
    }
    formatters.set(timeZone, fmt);
  }
  const parts = {};
  for (const p of fmt.formatToParts(new Date(ms))) parts[p.type] = p.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    weekday: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(parts.weekday),
  };
}

function dayMatches(cron, p) {
  const dom = cron.dom.has(p.day);
  const dow = cron.dow.has(p.weekday);
  return cron.domAny || cron.dowAny ? dom && dow : dom || dow;
}

/**
 * The first instant strictly after `afterMs` at which `schedule` fires, in `timeZone` (default UTC).
 * Interval schedules count from `anchorMs` (when the scheduler started), or from midnight UTC when synchronized.
 * Returns undefined when a cron never matches within five years.
 */
export function nextRun(schedule, afterMs, { timeZone = 'UTC', anchorMs = afterMs } = {}) {
  if (schedule.kind === 'interval') {
    const base = schedule.synchronized ? Math.floor(afterMs / 86_400_000) * 86_400_000 : anchorMs;
    const steps = Math.floor((afterMs - base) / schedule.everyMs) + 1;
    return base + Math.max(1, steps) * schedule.everyMs;
  }
  let t = Math.floor(afterMs / MINUTE_MS) * MINUTE_MS + MINUTE_MS;
  const limit = afterMs + SEARCH_LIMIT_MS;
  while (t <= limit) {
    const p = zonedParts(t, timeZone);
    if (!hourMatches(schedule, p)) {
      // Jump to the next local hour boundary: zones with :30 and :45 offsets have hours that do not start on UTC hours.
      t += (60 - p.minute) * MINUTE_MS;
      continue;
    }
    if (schedule.minute.has(p.minute)) return t;
    const next = [...schedule.minute].find((m) => m > p.minute);
    t += ((next ?? 60) - p.minute) * MINUTE_MS;
  }
  return undefined;
}

function hourMatches(cron, p) {
  return cron.month.has(p.month) && dayMatches(cron, p) && cron.hour.has(p.hour);
}

/** A short human description, for logs: "*\/15 * * * * (UTC)" or "every 10 minutes". */
export function describeSchedule(text, timeZone) {
  return text.trim().toLowerCase().startsWith('every ') ? text.trim() : `${text.trim()} (${timeZone})`;
}
