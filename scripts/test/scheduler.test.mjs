// Tests for the pure parts of scripts/lib/scheduler.mjs: reading scheduled functions from the Functions
// emulator's GET /backends answer, and finding a trigger key in its 404 answer.
import assert from 'node:assert/strict';
import { findScheduled, formatFiring, keyFromNotFound, scheduledFromBackends } from '../lib/scheduler.mjs';

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
