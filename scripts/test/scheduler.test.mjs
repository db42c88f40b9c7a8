// Tests for the pure parts of scripts/lib/scheduler.mjs: reading scheduled functions from the Functions
// emulator's GET /backends answer, finding a trigger key in its 404 answer; and the firing loop with a fake
// clock and timers against a stand-in Functions emulator on a free port.
import assert from 'node:assert/strict';
import http from 'node:http';
import { findScheduled, formatFiring, keyFromNotFound, scheduledFromBackends, startScheduler } from '../lib/scheduler.mjs';

// Shaped as firebase-tools 15.34 answers GET /backends (secrets and labels trimmed).
const backends = {
  backends: [
    {
      directory: '/work/main/functions',
      functionTriggers: [
        { entryPoint: 'setUserRole', name: 'setUserRole', id: 'asia-south1-setUserRole', region: 'asia-south1', httpsTrigger: {} },
        {
          name: 'streakCheck',
          id: 'asia-south1-streakCheck',
          region: 'asia-south1',
          timeoutSeconds: 540,
          eventTrigger: { eventType: 'pubsub', resource: '' },
          schedule: { schedule: '0 * * * *', timeZone: 'UTC', retryConfig: {} },
        },
        {
          name: 'closeIdleChats',
          id: 'asia-south1-closeIdleChats',
          region: 'asia-south1',
          timeoutSeconds: 540,
          eventTrigger: { eventType: 'pubsub', resource: '' },
          schedule: { schedule: 'every 10 minutes', timeZone: null, retryConfig: {} },
        },
        {
          name: 'weird',
          id: 'asia-south1-weird',
          region: 'asia-south1',
          eventTrigger: { eventType: 'pubsub', resource: '' },
          schedule: { schedule: '1st monday of month 09:00', timeZone: 'Asia/Kolkata' },
        },
      ],
    },
  ],
};

describe('scheduler: discovery', () => {
  it('keeps only scheduled triggers, defaults the zone to UTC and reports schedules it cannot read', () => {
    const fns = scheduledFromBackends(backends);
    assert.deepEqual(
      fns.map((f) => [f.name, f.schedule, f.timeZone, f.parsed?.kind, Boolean(f.error)]),
      [
        ['closeIdleChats', 'every 10 minutes', 'UTC', 'interval', false],
        ['streakCheck', '0 * * * *', 'UTC', 'cron', false],
        ['weird', '1st monday of month 09:00', 'Asia/Kolkata', undefined, true],
      ],
    );
    assert.equal(fns.find((f) => f.name === 'weird')?.timeoutSeconds, 540);
  });

  it('tolerates an empty or odd answer', () => {
    assert.deepEqual(scheduledFromBackends({}), []);
    assert.deepEqual(scheduledFromBackends({ backends: [{ functionTriggers: [{ schedule: {} }] }] }), []);
  });

  it('finds a function by name or by id', () => {
    const fns = scheduledFromBackends(backends);
    assert.equal(findScheduled(fns, 'streakCheck')?.id, 'asia-south1-streakCheck');
    assert.equal(findScheduled(fns, 'asia-south1-closeIdleChats')?.name, 'closeIdleChats');
    assert.equal(findScheduled(fns, 'nope'), undefined);
  });
});

describe('scheduler: trigger keys', () => {
  const notFound =
    'Function asia-south1-streakCheck-0 does not exist, valid functions are: asia-south1-onUserCreated-2, asia-south1-setUserRole, ' +
    'asia-south1-streakCheck-1, asia-south1-streakCheck-2, asia-south1-streakCheckLater-2, asia-south1-streakCheck-2-channel';

  it('picks the newest generation of exactly that function', () => {
    assert.equal(keyFromNotFound(notFound, 'asia-south1-streakCheck'), 'asia-south1-streakCheck-2');
  });

  it('answers undefined when the function is not listed', () => {
    assert.equal(keyFromNotFound(notFound, 'asia-south1-dailySummaries'), undefined);
    assert.equal(keyFromNotFound('Not Found', 'asia-south1-streakCheck'), undefined);
  });
});

describe('scheduler: log lines', () => {
  it('names the function, the schedule time, the outcome and the duration', () => {
    assert.equal(
      formatFiring({ name: 'streakCheck', scheduleTime: '2026-11-22T02:00:00.000Z', ok: true, status: 200, durationMs: 143, detail: '' }),
      '2026-11-22T02:00:00.000Z streakCheck ok (200) in 143 ms',
    );
    assert.equal(
      formatFiring({ name: 'streakCheck', scheduleTime: '2026-11-22T02:00:00.000Z', ok: false, status: 0, durationMs: 3, detail: 'connect ECONNREFUSED' }),
      '2026-11-22T02:00:00.000Z streakCheck FAILED (no answer): connect ECONNREFUSED in 3 ms',
    );
  });
});

describe('scheduler: the firing loop against a stand-in Functions emulator', () => {
  let server;
  let host;
  const received = [];
  const triggers = [
    { name: 'tick', id: 'asia-south1-tick', region: 'asia-south1', timeoutSeconds: 60, schedule: { schedule: '*/5 * * * *', timeZone: 'Asia/Kolkata' } },
    { name: 'broken', id: 'asia-south1-broken', region: 'asia-south1', timeoutSeconds: 60, schedule: { schedule: '*/5 * * * *', timeZone: null } },
  ];

  before(async () => {
    server = http.createServer((req, res) => {
      if (req.method === 'GET' && req.url === '/backends') {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ backends: [{ functionTriggers: triggers }] }));
        return;
      }
      const key = /^\/functions\/projects\/demo-x\/triggers\/(.+)$/.exec(req.url ?? '')?.[1];
      req.resume();
      req.on('end', () => {
        // Like firebase-tools after a reload: the generation is 3, so `-0` is unknown and the answer lists the keys.
        if (key === 'asia-south1-tick-3') {
          received.push({ key, job: req.headers['x-cloudscheduler-jobname'], at: req.headers['x-cloudscheduler-scheduletime'] });
          res.end();
        } else if (key === 'asia-south1-broken-3') {
          res.statusCode = 500;
          res.end();
        } else {
          res.statusCode = 404;
          res.end(`Function ${key} does not exist, valid functions are: asia-south1-tick-3, asia-south1-broken-3`);
        }
      });
    });
    await new Promise((r) => server.listen(0, '127.0.0.1', r));
    host = `127.0.0.1:${server.address().port}`;
  });
  after(() => new Promise((r) => server.close(r)));

  it('fires each function when its cron comes due, with Cloud Scheduler headers, and logs each outcome', async () => {
    let clock = Date.parse('2026-11-22T02:03:00Z');
    let pending;
    const timers = {
      setTimeout: (fn, ms) => (pending = { fn, ms }),
      clearTimeout: () => (pending = undefined),
    };
    const lines = [];
    let onLine;
    const log = (line) => {
      lines.push(line);
      onLine?.();
    };
    const scheduler = await startScheduler({ functionsHost: host, project: 'demo-x', log, now: () => clock, timers });
    assert.deepEqual(scheduler.describe(), ['tick               */5 * * * * (Asia/Kolkata)', 'broken             */5 * * * * (UTC)'].sort((a, b) => a.localeCompare(b)));

    // The first wake-up is the one-minute refresh (02:04); nothing is due yet.
    assert.equal(pending.ms, 60_000);
    clock += pending.ms;
    await pending.fn();
    assert.equal(received.length, 0);

    // 02:05 (07:35 in Kolkata): both fire.
    assert.equal(pending.ms, 60_000);
    clock += pending.ms;
    const twoLines = new Promise((r) => (onLine = () => lines.length >= 2 && r()));
    await pending.fn();
    await twoLines;
    scheduler.stop();
    assert.equal(pending, undefined, 'stop() cancels the timer');

    assert.deepEqual(received, [{ key: 'asia-south1-tick-3', job: 'firebase-schedule-tick-asia-south1', at: '2026-11-22T02:05:00.000Z' }]);
    const byName = Object.fromEntries(lines.map((l) => [l.split(' ')[1], l]));
    assert.match(byName.tick, /^2026-11-22T02:05:00\.000Z tick ok \(200\) in \d+ ms$/);
    assert.match(byName.broken, /^2026-11-22T02:05:00\.000Z broken FAILED \(500\) in \d+ ms$/);
  });
});
