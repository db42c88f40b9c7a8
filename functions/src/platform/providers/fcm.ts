/**
 * Push through FCM with `firebase-admin/messaging` `sendEachForMulticast` (loaded on first send).
 * Per-token results: `sent`, `unregistered` (the caller deletes the device) or `failed` with a typed error;
 * tokens that failed for a retryable reason are re-sent, alone, with backoff inside the deadline.
 *
 * Transport: the SDK's HTTP/1.1 transport, which the SDK's own note still calls the stable one, and which
 * uses the app's `httpAgent` (the HTTP/2 transport ignores it). Tests give the app a stub credential and an
 * agent that connects to a loopback stub of the FCM v1 API, so the production code path is the tested one.
 */
import { z } from 'zod';
import type { App } from 'firebase-admin/app';
import type { Messaging } from 'firebase-admin/messaging';
import { errorFromNetwork, unknownFailure } from './classify';
import { providerEvents } from './provider-events';
import { DEFAULT_RETRY, systemClock, withDeadline, withRetry, type Clock, type RetryPolicy } from './retry';
import { loadMessaging } from './sdk';
import { ProviderError, type PushMessage, type PushOutcome, type PushResult, type PushSender, type SendContext } from './types';

export interface FcmOptions {
  /** The admin app whose credential and project send the messages. */
  app: () => App;
  timeoutMs?: number;
  retry?: RetryPolicy;
  clock?: Clock;
}

const DEFAULT_TIMEOUT_MS = 10_000;
/** FCM's limit per multicast. */
export const MAX_TOKENS = 500;

const UNREGISTERED = new Set(['messaging/registration-token-not-registered', 'messaging/invalid-registration-token']);
const AUTH = new Set(['messaging/third-party-auth-error', 'messaging/authentication-error', 'messaging/mismatched-credential', 'app/invalid-credential']);
const RATE = new Set(['messaging/message-rate-exceeded', 'messaging/device-message-rate-exceeded', 'messaging/topics-message-rate-exceeded']);
const UNAVAILABLE = new Set(['messaging/server-unavailable', 'messaging/internal-error', 'messaging/unknown-error', 'app/network-error']);

/** Pure: an SDK error code → `unregistered` or a typed error. */
export function fcmErrorFor(code: string): 'unregistered' | ProviderError {
  if (UNREGISTERED.has(code)) return 'unregistered';
  const kind = AUTH.has(code)
    ? 'auth'
    : RATE.has(code)
      ? 'rate-limited'
      : UNAVAILABLE.has(code)
        ? 'unavailable'
        : code === 'app/network-timeout'
          ? 'timeout'
          : code === 'app/unable-to-parse-response'
            ? 'malformed'
            : 'rejected';
  return new ProviderError('fcm', kind, `send failed (${code})`, { providerCode: code });
}

const codedError = z.object({ code: z.string() });

function classify(err: unknown): 'unregistered' | ProviderError {
  if (err instanceof ProviderError) return err;
  const coded = codedError.safeParse(err);
  if (coded.success && /^(messaging|app)\//.test(coded.data.code)) return fcmErrorFor(coded.data.code);
  return errorFromNetwork('fcm', err) ?? unknownFailure('fcm', err);
}

function asError(result: 'unregistered' | ProviderError): ProviderError {
  return result === 'unregistered' ? new ProviderError('fcm', 'rejected', 'token not registered', { providerCode: 'unregistered' }) : result;
}

const sendResponse = z.object({ success: z.boolean(), messageId: z.string().min(1).optional(), error: z.unknown().optional() });
const batchResponse = z.object({ responses: z.array(sendResponse) });

export function createFcmSender(options: FcmOptions): PushSender {
  const clock = options.clock ?? systemClock;
  const policy = options.retry ?? DEFAULT_RETRY;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let messaging: Promise<Messaging> | undefined;

  async function makeMessaging(): Promise<Messaging> {
    const sdk = await loadMessaging();
    const instance = sdk.getMessaging(options.app());
    instance.enableLegacyHttpTransport();
    return instance;
  }

  return {
    implementation: 'real',
    async sendMulticast(message: PushMessage, context: SendContext): Promise<PushResult> {
      const tokens = [...message.tokens];
      if (tokens.length === 0) return { outcomes: [], attempts: 0 };
      if (tokens.length > MAX_TOKENS) throw new ProviderError('fcm', 'rejected', `at most ${MAX_TOKENS} tokens per send`);
      const outcomes: Array<PushOutcome | undefined> = tokens.map(() => undefined);
      const lastError: Array<ProviderError | undefined> = tokens.map(() => undefined);
      let pending = tokens.map((_, i) => i);
      const deadlineAt = clock.now() + timeoutMs;
      let attempts = 0;

      const sendPending = async (attempt: number): Promise<void> => {
        attempts = attempt;
        const batch = pending;
        let raw: unknown;
        try {
          messaging ??= makeMessaging().catch((err: unknown) => {
            messaging = undefined;
            throw err;
          });
          const fcm = await messaging;
          raw = await withDeadline('fcm', deadlineAt - clock.now(), () =>
            fcm.sendEachForMulticast({
              tokens: batch.map((i) => tokens[i] ?? ''),
              notification: { title: message.title, body: message.body },
              ...(message.data !== undefined ? { data: { ...message.data } } : {}),
              android: { priority: 'high' },
              apns: { headers: { 'apns-priority': '10' } },
            }),
          );
        } catch (err) {
          throw asError(classify(err));
        }
        const parsed = batchResponse.safeParse(raw);
        if (!parsed.success || parsed.data.responses.length !== batch.length) {
          throw new ProviderError('fcm', 'malformed', 'batch response does not match the tokens sent');
        }
        const retry: number[] = [];
        let retryError: ProviderError | undefined;
        parsed.data.responses.forEach((response, j) => {
          const i = batch[j] ?? -1;
          const token = tokens[i] ?? '';
          if (response.success) {
            outcomes[i] =
              response.messageId !== undefined
                ? { token, status: 'sent', providerId: response.messageId }
                : { token, status: 'failed', error: new ProviderError('fcm', 'malformed', 'success without a message name') };
            return;
          }
          const result = classify(response.error);
          if (result === 'unregistered') {
            outcomes[i] = { token, status: 'unregistered' };
          } else if (result.retryable) {
            retry.push(i);
            lastError[i] = result;
            retryError ??= result;
          } else {
            outcomes[i] = { token, status: 'failed', error: result.withAttempts(attempt) };
          }
        });
        pending = retry;
        if (retryError !== undefined) throw retryError;
      };

      try {
        await withRetry(sendPending, {
          policy,
          clock,
          deadlineAt,
          onRetry: ({ attempt, delayMs, error }) =>
            providerEvents.retrying({ provider: 'fcm', attempt, delayMs, errorCode: error.code, httpStatus: error.httpStatus }),
        });
      } catch (err) {
        const whole = err instanceof ProviderError ? err : asError(classify(err));
        for (const i of pending) {
          outcomes[i] = { token: tokens[i] ?? '', status: 'failed', error: (lastError[i] ?? whole).withAttempts(whole.attempts) };
        }
      }

      const final = outcomes.map((o, i): PushOutcome => o ?? { token: tokens[i] ?? '', status: 'failed', error: new ProviderError('fcm', 'malformed', 'no result for token') });
      const count = (status: PushOutcome['status']) => final.filter((o) => o.status === status).length;
      providerEvents.pushSent({
        template: context.template,
        tokenCount: final.length,
        sentCount: count('sent'),
        unregisteredCount: count('unregistered'),
        failedCount: count('failed'),
        attempts,
      });
      const firstFailure = final.find((o): o is Extract<PushOutcome, { status: 'failed' }> => o.status === 'failed');
      if (firstFailure !== undefined && count('failed') === final.length) throw firstFailure.error;
      return { outcomes: final, attempts };
    },
  };
}
