/**
 * Retry with exponential backoff and full jitter, honouring the service's Retry-After, inside an overall
 * deadline; and `withDeadline`, which bounds one attempt in time and turns an abort into a typed error.
 * Time is injected (`Clock`) so tests run without real waiting; the retry decision itself is a pure function.
 */
import { ProviderError, type ProviderName } from './types';

export interface RetryPolicy {
  /** Attempts in total, the first one included. */
  maxAttempts: number;
  /** Backoff ceiling before jitter for the first retry; doubles on each further retry. */
  baseDelayMs: number;
  /** No wait is longer than this; a Retry-After above it ends the retries. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 3, baseDelayMs: 250, maxDelayMs: 4000 };

export interface Clock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** Uniform in [0, 1); used for jitter. */
  random(): number;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  random: () => Math.random(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(new Error('aborted'));
        return;
      }
      const onAbort = () => {
        clearTimeout(timer);
        reject(new Error('aborted'));
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
};

/** Full-jitter exponential backoff for the retry that follows attempt `attempt` (1-based). */
export function backoffDelay(attempt: number, policy: RetryPolicy, random: number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.floor(random * ceiling);
}

export type RetryDecision = { retry: true; delayMs: number } | { retry: false; why: 'not-retryable' | 'attempts' | 'deadline' | 'retry-after-too-long' };

/** Pure: after `attempt` failed with `error`, wait how long, or stop? */
export function decideRetry(input: {
  error: ProviderError;
  attempt: number;
  policy: RetryPolicy;
  now: number;
  deadlineAt: number | undefined;
  random: number;
}): RetryDecision {
  const { error, attempt, policy, now, deadlineAt, random } = input;
  if (!error.retryable) return { retry: false, why: 'not-retryable' };
  if (attempt >= policy.maxAttempts) return { retry: false, why: 'attempts' };
  let delayMs: number;
  if (error.retryAfterMs !== undefined) {
    if (error.retryAfterMs > policy.maxDelayMs) return { retry: false, why: 'retry-after-too-long' };
    delayMs = Math.max(0, Math.ceil(error.retryAfterMs));
  } else {
    delayMs = backoffDelay(attempt, policy, random);
  }
  if (deadlineAt !== undefined && now + delayMs >= deadlineAt) return { retry: false, why: 'deadline' };
  return { retry: true, delayMs };
}

export interface RetryOptions {
  policy: RetryPolicy;
  clock: Clock;
  /** Absolute time (clock ms) after which no new attempt starts. */
  deadlineAt?: number | undefined;
  signal?: AbortSignal | undefined;
  onRetry?: (info: { attempt: number; delayMs: number; error: ProviderError }) => void;
}

/**
 * Runs `op` until it succeeds or `decideRetry` says stop. `op` must throw `ProviderError` for failures;
 * anything else is a bug and is rethrown at once. The final error carries the number of attempts.
 */
export async function withRetry<T>(op: (attempt: number) => Promise<T>, options: RetryOptions): Promise<{ value: T; attempts: number }> {
  const { policy, clock } = options;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return { value: await op(attempt), attempts: attempt };
    } catch (err) {
      if (!(err instanceof ProviderError)) throw err;
      const decision = decideRetry({ error: err, attempt, policy, now: clock.now(), deadlineAt: options.deadlineAt, random: clock.random() });
      if (!decision.retry) throw err.withAttempts(attempt);
      options.onRetry?.({ attempt, delayMs: decision.delayMs, error: err });
      if (decision.delayMs > 0) {
        try {
          await clock.sleep(decision.delayMs, options.signal);
        } catch {
          throw new ProviderError(err.provider, 'cancelled', 'aborted while waiting to retry', { attempts: attempt });
        }
      }
    }
  }
}

/**
 * Runs one attempt with a time limit. `run` gets a signal that aborts when the time is up or the caller
 * aborts; the returned promise rejects with a `timeout` or `cancelled` `ProviderError` at that moment even if
 * the SDK underneath keeps its socket open a little longer.
 */
export function withDeadline<T>(
  provider: ProviderName,
  ms: number,
  run: (signal: AbortSignal) => Promise<T>,
  callerSignal?: AbortSignal,
): Promise<T> {
  if (callerSignal?.aborted) return Promise.reject(new ProviderError(provider, 'cancelled', 'aborted by the caller'));
  if (ms <= 0) return Promise.reject(new ProviderError(provider, 'timeout', 'no time left for another attempt'));
  const controller = new AbortController();
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const finish = (action: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      callerSignal?.removeEventListener('abort', onCallerAbort);
      action();
    };
    const onCallerAbort = () => {
      controller.abort();
      finish(() => reject(new ProviderError(provider, 'cancelled', 'aborted by the caller')));
    };
    const timer = setTimeout(() => {
      controller.abort();
      finish(() => reject(new ProviderError(provider, 'timeout', `no answer within ${ms} ms`)));
    }, ms);
    callerSignal?.addEventListener('abort', onCallerAbort, { once: true });
    run(controller.signal).then(
      (value) => finish(() => resolve(value)),
      (err: unknown) => finish(() => reject(err)),
    );
  });
}

/** Retry-After (seconds or an HTTP date) → milliseconds from `now`; undefined when absent or unreadable. */
export function parseRetryAfter(value: unknown, now: number): number | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  if (typeof text !== 'string' && typeof text !== 'number') return undefined;
  const raw = String(text).trim();
  if (/^\d+(\.\d+)?$/.test(raw)) return Math.round(Number(raw) * 1000);
  const at = Date.parse(raw);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}

/** Google's `RetryInfo.retryDelay` ("7s", "1.5s") → milliseconds. */
export function parseDurationMs(value: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)s$/.exec(value.trim());
  return m ? Math.round(Number(m[1]) * 1000) : undefined;
}
