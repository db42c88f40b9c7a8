/**
 * SMS through Twilio's Messages API with the `twilio` SDK (loaded on first send). The SDK's pluggable
 * `httpClient` is a subclass of its own RequestClient that (a) turns every HTTP error into a typed
 * `ProviderError` while the response headers (Retry-After) are still at hand and (b) can send the request to
 * another origin (`baseUrl`; tests use a loopback stub). Retries, backoff and the deadline are ours
 * (the SDK's autoRetry stays off).
 */
import { z } from 'zod';
import type TwilioRequestClient from 'twilio/lib/base/RequestClient';
import type TwilioResponse from 'twilio/lib/http/response';
import { errorFromHttpStatus, errorFromNetwork, isJsonSyntaxError, unknownFailure } from './classify';
import { providerEvents } from './provider-events';
import { DEFAULT_RETRY, parseRetryAfter, systemClock, withDeadline, withRetry, type Clock, type RetryPolicy } from './retry';
import { loadTwilio } from './sdk';
import { ProviderError, type SendContext, type SendResult, type SmsMessage, type SmsSender } from './types';

export interface TwilioOptions {
  accountSid: string;
  authToken: string;
  /** E.164 sender number, or a Messaging Service SID (`MG…`). */
  from: string;
  /** Another API origin, e.g. `http://127.0.0.1:PORT` for a test stub. */
  baseUrl?: string | undefined;
  timeoutMs?: number;
  retry?: RetryPolicy;
  clock?: Clock;
}

const DEFAULT_TIMEOUT_MS = 10_000;

const errorBody = z.object({ code: z.union([z.number(), z.string()]).optional() });
const headersSchema = z.object({ 'retry-after': z.union([z.string(), z.number()]).optional() });

/** Pure: a Twilio error answer → typed error; the Twilio error code (e.g. 21211) becomes `providerCode`. */
export function twilioHttpError(status: number, body: unknown, headers: unknown, now: number): ProviderError {
  const parsedBody = errorBody.safeParse(typeof body === 'string' ? safeJson(body) : body);
  const code = parsedBody.success && parsedBody.data.code !== undefined ? String(parsedBody.data.code) : undefined;
  const parsedHeaders = headersSchema.safeParse(headers);
  const retryAfterMs = parsedHeaders.success ? parseRetryAfter(parsedHeaders.data['retry-after'], now) : undefined;
  return errorFromHttpStatus('twilio', status, { providerCode: code, retryAfterMs });
}

/** The same path and query on another origin. */
function withOrigin(uri: string, origin: string): string {
  const original = new URL(uri);
  return new URL(original.pathname + original.search, origin).toString();
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const createdMessage = z.object({
  sid: z.string().regex(/^(SM|MM)[0-9a-fA-F]{32}$/),
  status: z.string().nullable().optional(),
  errorCode: z.number().nullable().optional(),
});

export function createTwilioSender(options: TwilioOptions): SmsSender {
  const clock = options.clock ?? systemClock;
  const policy = options.retry ?? DEFAULT_RETRY;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let client: Promise<import('twilio').Twilio> | undefined;

  async function makeClient(): Promise<import('twilio').Twilio> {
    const sdk = await loadTwilio();
    const baseUrl = options.baseUrl;
    class TypedErrorClient extends sdk.default.RequestClient {
      override async request<TData>(opts: TwilioRequestClient.RequestOptions<TData>): Promise<TwilioResponse<TData>> {
        const response = await super.request(baseUrl === undefined ? opts : { ...opts, uri: withOrigin(opts.uri, baseUrl) });
        if (response.statusCode >= 400) throw twilioHttpError(response.statusCode, response.body, response.headers, clock.now());
        return response;
      }
    }
    return sdk.default(options.accountSid, options.authToken, {
      httpClient: new TypedErrorClient({ timeout: timeoutMs, autoRetry: false }),
      autoRetry: false,
    });
  }

  function classify(err: unknown): ProviderError {
    if (err instanceof ProviderError) return err;
    if (isJsonSyntaxError(err)) return new ProviderError('twilio', 'malformed', 'answer is not JSON');
    return errorFromNetwork('twilio', err) ?? unknownFailure('twilio', err);
  }

  return {
    implementation: 'real',
    async send(message: SmsMessage, _context: SendContext): Promise<SendResult> {
      const deadlineAt = clock.now() + timeoutMs;
      const sender = options.from.startsWith('MG') ? { messagingServiceSid: options.from } : { from: options.from };
      const { value: sid, attempts } = await withRetry(
        async () => {
          try {
            client ??= makeClient().catch((err: unknown) => {
              client = undefined;
              throw err;
            });
            const twilio = await client;
            const created = await withDeadline('twilio', deadlineAt - clock.now(), () =>
              twilio.messages.create({ to: message.to, body: message.body, ...sender }),
            );
            const parsed = createdMessage.safeParse(created);
            if (!parsed.success) throw new ProviderError('twilio', 'malformed', 'answer has no message SID');
            if (parsed.data.status === 'failed' || parsed.data.status === 'undelivered') {
              throw new ProviderError('twilio', 'rejected', 'message failed at creation', {
                providerCode: parsed.data.errorCode !== null && parsed.data.errorCode !== undefined ? String(parsed.data.errorCode) : undefined,
              });
            }
            return parsed.data.sid;
          } catch (err) {
            throw classify(err);
          }
        },
        {
          policy,
          clock,
          deadlineAt,
          onRetry: ({ attempt, delayMs, error }) =>
            providerEvents.retrying({ provider: 'twilio', attempt, delayMs, errorCode: error.code, httpStatus: error.httpStatus }),
        },
      );
      return { providerId: sid, attempts };
    },
  };
}
