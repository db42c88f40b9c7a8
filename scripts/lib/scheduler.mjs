// The local stack's scheduler: stands in for Cloud Scheduler, which the Functions emulator lacks (it logs
// scheduled functions as "ignored because the pubsub emulator does not exist"; they stay registered).
// Lists scheduled functions from the Functions emulator (GET /backends: each trigger's `schedule` holds the
// cron text and time zone), and fires one by POSTing to its background route
// /functions/projects/{project}/triggers/{region}-{name}-{generation} with the X-CloudScheduler-* headers that
// firebase-functions' v2 onSchedule reads; the handler answers 200 on success and 500 when it threw.
import http from 'node:http';
import { describeSchedule, nextRun, parseSchedule } from './cron.mjs';

/** Cloud Scheduler's default zone for 2nd-gen scheduled functions when none is given. */
const DEFAULT_TIME_ZONE = 'UTC';
/** How often the function list is re-read (also keeps every timer far below setTimeout's ceiling). */
const REFRESH_MS = 60_000;

function request(method, url, { headers = {}, body = '', timeoutMs = 30_000 } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers: { ...headers, 'content-length': Buffer.byteLength(body) } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer within ${Math.round(timeoutMs / 1000)} s`)));
    req.on('error', reject);
    req.end(body);
  });
}

/** Pure: the scheduled functions in a GET /backends answer, each with its parsed schedule (or why it cannot be parsed). */
export function scheduledFromBackends(answer) {
  const out = [];
  for (const backend of answer?.backends ?? []) {
    for (const t of backend?.functionTriggers ?? []) {
      const text = t?.schedule?.schedule;
      if (typeof text !== 'string' || typeof t.name !== 'string' || typeof t.id !== 'string') continue;
      const timeZone = typeof t.schedule.timeZone === 'string' && t.schedule.timeZone !== '' ? t.schedule.timeZone : DEFAULT_TIME_ZONE;
      const fn = { name: t.name, id: t.id, region: t.region, schedule: text, timeZone, timeoutSeconds: t.timeoutSeconds ?? 540 };
      try {
        fn.parsed = parseSchedule(text);
      } catch (err) {
        fn.error = err instanceof Error ? err.message : String(err);
      }
      out.push(fn);
    }
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

/** The scheduled functions the running Functions emulator has loaded. */
export async function listScheduled({ functionsHost }) {
  const res = await request('GET', `http://${functionsHost}/backends`);
  if (res.status !== 200) throw new Error(`GET /backends answered ${res.status}`);
  return scheduledFromBackends(JSON.parse(res.text));
}

/** Finds a scheduled function by short name (`streakCheck`) or id (`asia-south1-streakCheck`). */
export function findScheduled(functions, name) {
  return functions.find((f) => f.name === name || f.id === name);
}

/** Trigger keys carry a generation that grows when the emulator reloads the codebase; remember the last one seen. */
const keys = new Map();

/** Pure: the trigger key for `id` among the keys listed in the emulator's 404 answer. */
export function keyFromNotFound(text, id) {
  const list = /valid functions are: (.*)$/s.exec(text)?.[1] ?? '';
  const matches = list
    .split(',')
    .map((k) => k.trim())
    .filter((k) => k.startsWith(`${id}-`) && /^\d+$/.test(k.slice(id.length + 1)));
  return matches.sort((a, b) => Number(b.slice(id.length + 1)) - Number(a.slice(id.length + 1)))[0];
}

/**
 * Fires one scheduled function now, as Cloud Scheduler would at `scheduleTime`, and waits for it to finish.
 * Resolves with { name, scheduleTime, ok, status, durationMs, detail }; never rejects.
 */
export async function fireScheduled(fn, { functionsHost, project, scheduleTime = new Date() }) {
  const started = Date.now();
  const headers = {
    'content-type': 'application/json',
    'X-CloudScheduler-JobName': `firebase-schedule-${fn.name}-${fn.region}`,
    'X-CloudScheduler-ScheduleTime': scheduleTime.toISOString(),
  };
  const post = (key) =>
    request('POST', `http://${functionsHost}/functions/projects/${project}/triggers/${key}`, {
      headers,
      body: '{}',
      timeoutMs: (fn.timeoutSeconds + 30) * 1000,
    });
  const result = { name: fn.name, scheduleTime: scheduleTime.toISOString() };
  try {
    let res = await post(keys.get(fn.id) ?? `${fn.id}-0`);
    if (res.status === 404) {
      const key = keyFromNotFound(res.text, fn.id);
      if (key) {
        keys.set(fn.id, key);
        res = await post(key);
      }
    }
    const ok = res.status >= 200 && res.status < 300;
    return { ...result, ok, status: res.status, durationMs: Date.now() - started, detail: ok ? '' : res.text.trim().slice(0, 300) };
  } catch (err) {
    return { ...result, ok: false, status: 0, durationMs: Date.now() - started, detail: err instanceof Error ? err.message : String(err) };
  }
}

/** One log line per firing: time, name, outcome, duration. */
export function formatFiring(r) {
  const outcome = r.ok ? `ok (${r.status})` : `FAILED (${r.status || 'no answer'})${r.detail ? `: ${r.detail}` : ''}`;
  return `${r.scheduleTime} ${r.name} ${outcome} in ${r.durationMs} ms`;
}

/**
 * Fires every scheduled function of the running Functions emulator on its schedule until stop() is called.
 * Re-reads the function list every minute (the emulator reloads when the functions are rebuilt).
 * A firing that is still running when the next is due is skipped, as a long Cloud Scheduler job would be.
 */
export async function startScheduler({ functionsHost, project, log = console.log, now = Date.now, timers = { setTimeout, clearTimeout } }) {
  const anchorMs = now();
  let functions = [];
  const due = new Map();
  const running = new Set();
  let timer;
  let stopped = false;

  async function refresh() {
    const listed = await listScheduled({ functionsHost });
    const before = new Set(functions.map((f) => `${f.id} ${f.schedule} ${f.timeZone}`));
    const changed = listed.length !== functions.length || listed.some((f) => !before.has(`${f.id} ${f.schedule} ${f.timeZone}`));
    functions = listed;
    if (changed) {
      due.clear();
      for (const f of functions) {
        if (f.error) {
          log(`${f.name}: schedule "${f.schedule}" not understood (${f.error}); fire it with npm run schedule -- ${f.name}`);
          continue;
        }
        const next = nextRun(f.parsed, now(), { timeZone: f.timeZone, anchorMs });
        if (next !== undefined) due.set(f.id, next);
      }
    }
    return changed;
  }

  function arm() {
    if (stopped) return;
    timers.clearTimeout(timer);
    const earliest = Math.min(...due.values(), now() + REFRESH_MS);
    timer = timers.setTimeout(tick, Math.max(0, earliest - now()));
  }

  async function tick() {
    if (stopped) return;
    timer = undefined;
    const t = now();
    for (const f of functions) {
      const at = due.get(f.id);
      if (at === undefined || at > t) continue;
      const next = nextRun(f.parsed, t, { timeZone: f.timeZone, anchorMs });
      if (next === undefined) due.delete(f.id);
      else due.set(f.id, next);
      if (running.has(f.id)) {
        log(`${new Date(at).toISOString()} ${f.name} skipped: the previous run is still going`);
        continue;
      }
      running.add(f.id);
      void fireScheduled(f, { functionsHost, project, scheduleTime: new Date(at) }).then((r) => {
        running.delete(f.id);
        if (!stopped) log(formatFiring(r));
      });
    }
    await refresh().catch((err) => log(`could not list the scheduled functions: ${err instanceof Error ? err.message : err}`));
    arm();
  }

  await refresh();
  arm();
  return {
    functions: () => functions.map((f) => ({ ...f, nextRunAt: due.get(f.id) })),
    /** Stops firing; a run in progress is left to the Functions emulator's own shutdown. */
    stop() {
      stopped = true;
      timers.clearTimeout(timer);
    },
    describe() {
      return functions.map((f) => `${f.name.padEnd(18)} ${describeSchedule(f.schedule, f.timeZone)}${f.error ? '  (not understood: fire by hand)' : ''}`);
    },
  };
}
