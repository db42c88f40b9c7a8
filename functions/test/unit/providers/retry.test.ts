import assert from 'node:assert/strict';
import { backoffDelay, decideRetry, parseDurationMs, parseRetryAfter, withDeadline, withRetry, type RetryPolicy } from '../../../src/platform/providers/retry';
import { ProviderError } from '../../../src/platform/providers/types';
import { fakeClock } from './stub-server';

const policy: RetryPolicy = { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 1000 };
const limited = (retryAfterMs?: number) => new ProviderError('twilio', 'rate-limited', 'HTTP 429', { httpStatus: 429, retryAfterMs });

describe('retry policy (pure)', () => {
  it('backs off exponentially with full jitter, capped', () => {
    assert.deepEqual([1, 2, 3, 4, 5].map((a) => backoffDelay(a, policy, 0.999999)), [99, 199, 399, 799, 999]);
    assert.equal(backoffDelay(3, policy, 0), 0);
    assert.equal(backoffDelay(2, policy, 0.5), 100);
  });

  it('does not retry errors that are not retryable', () => {
    for (const kind of ['auth', 'rejected', 'malformed', 'cancelled'] as const) {
      const d = decideRetry({ error: new ProviderError('fcm', kind, 'x'), attempt: 1, policy, now: 0, deadlineAt: undefined, random: 0.5 });
      assert.deepEqual(d, { retry: false, why: 'not-retryable' }, kind);
    }
  });

  it('stops after the last attempt', () => {
    assert.deepEqual(decideRetry({ error: limited(), attempt: 4, policy, now: 0, deadlineAt: undefined, random: 0.5 }), { retry: false, why: 'attempts' });
  });

  it('waits exactly as long as Retry-After asks, and gives up when that is longer than allowed', () => {
    assert.deepEqual(decideRetry({ error: limited(700), attempt: 1, policy, now: 0, deadlineAt: undefined, random: 0.5 }), { retry: true, delayMs: 700 });
    assert.deepEqual(decideRetry({ error: limited(5000), attempt: 1, policy, now: 0, deadlineAt: undefined, random: 0.5 }), {
      retry: false,
      why: 'retry-after-too-long',
    });
  });

  it('never waits past the deadline', () => {
    assert.deepEqual(decideRetry({ error: limited(300), attempt: 1, policy, now: 1000, deadlineAt: 1200, random: 0.5 }), { retry: false, why: 'deadline' });
    assert.deepEqual(decideRetry({ error: limited(300), attempt: 1, policy, now: 1000, deadlineAt: 1400, random: 0.5 }), { retry: true, delayMs: 300 });
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    assert.equal(parseRetryAfter('3', 0), 3000);
    assert.equal(parseRetryAfter(['1.5'], 0), 1500);
    const now = Date.parse('2026-01-01T00:00:00Z');
    assert.equal(parseRetryAfter('Thu, 01 Jan 2026 00:00:10 GMT', now), 10_000);
    assert.equal(parseRetryAfter('soon', now), undefined);
    assert.equal(parseRetryAfter(undefined, now), undefined);
    assert.equal(parseDurationMs('7s'), 7000);
    assert.equal(parseDurationMs('0.25s'), 250);
    assert.equal(parseDurationMs('7m'), undefined);
  });
});

describe('withRetry', () => {
  it('retries retryable failures and reports the attempts', async () => {
    const clock = fakeClock();
    let calls = 0;
    const result = await withRetry(
      async (attempt) => {
        calls += 1;
        if (attempt < 3) throw new ProviderError('sendgrid', 'unavailable', 'HTTP 503', { httpStatus: 503 });
        return 'done';
      },
      { policy, clock },
    );
    assert.deepEqual(result, { value: 'done', attempts: 3 });
    assert.equal(calls, 3);
    assert.deepEqual(clock.sleeps, [50, 100]);
  });

  it('throws the last error with the number of attempts made', async () => {
    const clock = fakeClock();
    await assert.rejects(
      withRetry(async () => Promise.reject(limited()), { policy, clock }),
      (err: unknown) => err instanceof ProviderError && err.kind === 'rate-limited' && err.attempts === 4,
    );
    assert.equal(clock.sleeps.length, 3);
  });

  it('rethrows an error that is not a ProviderError at once (a bug, not a provider failure)', async () => {
    let calls = 0;
    await assert.rejects(
      withRetry(
        async () => {
          calls += 1;
          throw new TypeError('bug');
        },
        { policy, clock: fakeClock() },
      ),
      TypeError,
    );
    assert.equal(calls, 1);
  });

  it('turns an abort during the wait into a cancelled error', async () => {
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(
      withRetry(async () => Promise.reject(limited(10)), {
        policy,
        clock: { now: () => 0, random: () => 0.5, sleep: (_ms, signal) => (signal?.aborted ? Promise.reject(new Error('aborted')) : Promise.resolve()) },
        signal: controller.signal,
      }),
      (err: unknown) => err instanceof ProviderError && err.kind === 'cancelled' && err.attempts === 1,
    );
  });
});

describe('withDeadline', () => {
  it('passes the value through', async () => {
    assert.equal(await withDeadline('fcm', 1000, async () => 7), 7);
  });

  it('rejects with a typed timeout and aborts the signal it gave', async () => {
    let seen: AbortSignal | undefined;
    await assert.rejects(
      withDeadline('fcm', 20, (signal) => {
        seen = signal;
        return new Promise<never>(() => undefined);
      }),
      (err: unknown) => err instanceof ProviderError && err.kind === 'timeout' && err.provider === 'fcm',
    );
    assert.equal(seen?.aborted, true);
  });

  it('rejects with cancelled when the caller aborts, and at once when already aborted', async () => {
    const controller = new AbortController();
    const pending = withDeadline('gemini', 5000, () => new Promise<never>(() => undefined), controller.signal);
    controller.abort();
    await assert.rejects(pending, (err: unknown) => err instanceof ProviderError && err.kind === 'cancelled');
    await assert.rejects(withDeadline('gemini', 5000, async () => 1, controller.signal), (err: unknown) => err instanceof ProviderError && err.kind === 'cancelled');
  });

  it('rejects with a timeout when no time is left', async () => {
    let ran = false;
    await assert.rejects(
      withDeadline('twilio', 0, async () => {
        ran = true;
      }),
      (err: unknown) => err instanceof ProviderError && err.kind === 'timeout',
    );
    assert.equal(ran, false);
  });
});

describe('ProviderError', () => {
  it('has a stable code, a retryable flag and a summary without personal data', () => {
    const e = new ProviderError('twilio', 'rejected', 'HTTP 400', { httpStatus: 400, providerCode: '21211' });
    assert.equal(e.code, 'provider/rejected');
    assert.equal(e.status, 'failed-precondition');
    assert.equal(e.retryable, false);
    assert.equal(e.summary, 'twilio/rejected:21211');
    assert.equal(e.message, 'twilio: HTTP 400');
    const again = e.withAttempts(3);
    assert.equal(again.attempts, 3);
    assert.equal(again.providerCode, '21211');
    assert.equal(again.message, e.message);
    assert.equal(new ProviderError('fcm', 'timeout', 'x').retryable, true);
  });
});
