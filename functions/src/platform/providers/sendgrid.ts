/**
 * Email through SendGrid's v3 Mail Send API with `@sendgrid/mail` (loaded on first send) and its own HTTP
 * client, whose default request carries the base URL (tests point it at a loopback stub) and the timeout.
 * Click and open tracking are off: alert emails must not carry tracking links about a student's crisis.
 */
import { z } from 'zod';
import type { Client } from '@sendgrid/client';
import type { MailService } from '@sendgrid/mail';
import { errorFromHttpStatus, errorFromNetwork, unknownFailure } from './classify';
import { providerEvents } from './provider-events';
import { DEFAULT_RETRY, parseRetryAfter, systemClock, withDeadline, withRetry, type Clock, type RetryPolicy } from './retry';
import { loadSendgridClient, loadSendgridMail } from './sdk';
import { ProviderError, type EmailMessage, type EmailSender, type SendContext, type SendResult } from './types';

export interface SendgridOptions {
  apiKey: string;
  /** Verified sender address. */
  from: string;
  /** Another API origin, e.g. `http://127.0.0.1:PORT/` for a test stub. */
  baseUrl?: string | undefined;
  timeoutMs?: number;
  retry?: RetryPolicy;
  clock?: Clock;
}

const DEFAULT_TIMEOUT_MS = 10_000;

const responseError = z.object({
  code: z.number(),
  response: z.object({ headers: z.unknown(), body: z.unknown() }),
});
const rateHeaders = z.object({
  'retry-after': z.union([z.string(), z.number()]).optional(),
  'x-ratelimit-reset': z.union([z.string(), z.number()]).optional(),
});
const errorsBody = z.object({ errors: z.array(z.object({ field: z.string().max(80).nullable().optional() })).min(1) });

/** Pure: a SendGrid error answer → typed error. Honours Retry-After, else X-RateLimit-Reset (epoch seconds). */
export function sendgridHttpError(status: number, headers: unknown, body: unknown, now: number): ProviderError {
  const h = rateHeaders.safeParse(headers);
  let retryAfterMs: number | undefined;
  if (h.success) {
    retryAfterMs = parseRetryAfter(h.data['retry-after'], now);
    const reset = Number(h.data['x-ratelimit-reset']);
    if (retryAfterMs === undefined && h.data['x-ratelimit-reset'] !== undefined && Number.isFinite(reset)) {
      retryAfterMs = Math.max(0, reset * 1000 - now);
    }
  }
  const b = errorsBody.safeParse(body);
  const field = b.success ? b.data.errors[0]?.field ?? undefined : undefined;
  return errorFromHttpStatus('sendgrid', status, { retryAfterMs, providerCode: field !== undefined && field !== null ? `field:${field}` : undefined });
}

const acceptedBody = z.union([z.literal(''), z.null(), z.undefined(), z.record(z.string(), z.unknown())]);
const acceptedHeaders = z.object({ 'x-message-id': z.string().optional() });

/** `@sendgrid/mail` and `@sendgrid/client` export their classes at run time, but their typings only declare the singletons. */
function exposesMailService(m: object): m is { MailService: typeof MailService } {
  return 'MailService' in m && typeof m.MailService === 'function';
}
function exposesClient(m: object): m is { Client: typeof Client } {
  return 'Client' in m && typeof m.Client === 'function';
}

export function createSendgridSender(options: SendgridOptions): EmailSender {
  const clock = options.clock ?? systemClock;
  const policy = options.retry ?? DEFAULT_RETRY;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let service: Promise<MailService> | undefined;

  async function makeService(): Promise<MailService> {
    const [mailSdk, clientSdk] = await Promise.all([loadSendgridMail(), loadSendgridClient()]);
    if (!exposesMailService(mailSdk) || !exposesClient(clientSdk)) {
      throw new ProviderError('sendgrid', 'rejected', 'the installed SendGrid SDK does not export MailService and Client', { providerCode: 'sdk' });
    }
    const client = new clientSdk.Client();
    client.setApiKey(options.apiKey);
    if (options.baseUrl !== undefined) client.setDefaultRequest('baseUrl', options.baseUrl);
    const mail = new mailSdk.MailService();
    mail.setClient(client);
    mail.setTimeout(timeoutMs);
    return mail;
  }

  function classify(err: unknown): ProviderError {
    if (err instanceof ProviderError) return err;
    const http = responseError.safeParse(err);
    if (http.success) return sendgridHttpError(http.data.code, http.data.response.headers, http.data.response.body, clock.now());
    return errorFromNetwork('sendgrid', err) ?? unknownFailure('sendgrid', err);
  }

  return {
    implementation: 'real',
    async send(message: EmailMessage, context: SendContext): Promise<SendResult> {
      const deadlineAt = clock.now() + timeoutMs;
      const { value: providerId, attempts } = await withRetry(
        async () => {
          try {
            service ??= makeService().catch((err: unknown) => {
              service = undefined;
              throw err;
            });
            const mail = await service;
            const [response] = await withDeadline('sendgrid', deadlineAt - clock.now(), () =>
              mail.send({
                to: message.to,
                from: options.from,
                subject: message.subject,
                text: message.text,
                ...(message.html !== undefined ? { html: message.html } : {}),
                categories: [context.template],
                trackingSettings: { clickTracking: { enable: false, enableText: false }, openTracking: { enable: false } },
              }),
            );
            if (response.statusCode < 200 || response.statusCode >= 300 || !acceptedBody.safeParse(response.body).success) {
              throw new ProviderError('sendgrid', 'malformed', `unexpected answer (HTTP ${response.statusCode})`, { httpStatus: response.statusCode });
            }
            const headers = acceptedHeaders.safeParse(response.headers);
            return headers.success ? headers.data['x-message-id'] : undefined;
          } catch (err) {
            throw classify(err);
          }
        },
        {
          policy,
          clock,
          deadlineAt,
          onRetry: ({ attempt, delayMs, error }) =>
            providerEvents.retrying({ provider: 'sendgrid', attempt, delayMs, errorCode: error.code, httpStatus: error.httpStatus }),
        },
      );
      return { providerId, attempts };
    },
  };
}
