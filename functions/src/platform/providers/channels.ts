/**
 * Delivery channels: a sender (real or offline) wrapped so that every send is recorded in `deliveries`
 * (queued → sent / failed with attempts and the last error code) and logged. With an idempotency key a
 * repeated call finds the earlier record and does not send twice once it was sent.
 * This is what feature code uses (`getProviders(config).sms.send(…)`), never a bare sender.
 */
import { z } from 'zod';
import { deliverySchema, type DeliveryChannel } from '../../model/schemas';
import { events } from '../log';
import { parseInput } from '../validation';
import type { DeliveryLog } from './delivery-log';
import { providerEvents } from './provider-events';
import {
  ProviderError,
  type EmailMessage,
  type EmailSender,
  type Implementation,
  type PushMessage,
  type PushOutcome,
  type PushSender,
  type SendResult,
  type SmsMessage,
  type SmsSender,
} from './types';

/**
 * A recipient reference is a document path of ids (`users/abc`, `users/abc/devices/d1`): no `@`, no `+`, no
 * leading digit, so an email address or a phone number cannot be stored or logged in its place.
 */
const recipientRefSchema = deliverySchema.shape.recipientRef.regex(
  /^[A-Za-z][A-Za-z0-9_-]*(\/[A-Za-z0-9_-]+)*$/,
  'must be a document path such as users/{uid}, never an address',
);

export const deliveryMetaSchema = z
  .object({
    template: deliverySchema.shape.template,
    recipientRef: recipientRefSchema,
    idempotencyKey: z.string().min(1).max(500).optional(),
    orgId: deliverySchema.shape.orgId,
    sourcePath: deliverySchema.shape.sourcePath,
  })
  .strict();
export type DeliveryMeta = z.input<typeof deliveryMetaSchema>;

export interface DeliveryReceipt {
  deliveryId: string;
  status: 'sent';
  /** Attempts over every run for this delivery. */
  attempts: number;
  providerId: string | undefined;
  /** True when an earlier run had already sent it and nothing was sent now. */
  duplicate: boolean;
}

export interface PushReceipt {
  deliveryId: string;
  /** `sent` when at least one device got it. */
  status: 'sent' | 'failed';
  attempts: number;
  /** Per token, in order; empty for a duplicate. Delete the devices whose outcome is `unregistered`. */
  outcomes: PushOutcome[];
  duplicate: boolean;
}

export interface SmsChannel {
  readonly implementation: Implementation;
  /** Records and sends; throws the `ProviderError` (after recording it) when the message was not accepted. */
  send(message: SmsMessage, meta: DeliveryMeta): Promise<DeliveryReceipt>;
}

export interface EmailChannel {
  readonly implementation: Implementation;
  send(message: EmailMessage, meta: DeliveryMeta): Promise<DeliveryReceipt>;
}

export interface PushChannel {
  readonly implementation: Implementation;
  /** Records and sends to every token; throws only when no token could be handled at all. */
  send(message: PushMessage, meta: DeliveryMeta): Promise<PushReceipt>;
}

async function recorded<T extends { attempts: number }>(
  log: DeliveryLog,
  channel: DeliveryChannel,
  rawMeta: DeliveryMeta,
  send: () => Promise<T>,
  outcome: (result: T) => { status: 'sent'; providerId?: string | undefined } | { status: 'failed'; lastError: string },
): Promise<{ deliveryId: string; attempts: number; result: T | undefined }> {
  const meta = parseInput(deliveryMetaSchema, rawMeta, 'delivery');
  const ticket = await log.begin({ channel, ...meta });
  if (ticket.status === 'sent') {
    providerEvents.deliveryDuplicate({ deliveryId: ticket.id, channel, template: meta.template });
    return { deliveryId: ticket.id, attempts: ticket.attempts, result: undefined };
  }
  let result: T;
  try {
    result = await send();
  } catch (err) {
    const error = err instanceof ProviderError ? err : undefined;
    const attempts = ticket.attempts + (error?.attempts ?? 1);
    const lastError = error?.summary ?? `internal:${err instanceof Error ? err.name : typeof err}`;
    await log.finish(ticket.id, { status: 'failed', attempts, lastError });
    events.deliveryFailed({ deliveryId: ticket.id, channel, attempts, errorCode: error?.code ?? 'internal', retryable: error?.retryable ?? false });
    if (!error) providerEvents.deliveryCrashed({ deliveryId: ticket.id, channel, errorClass: err instanceof Error ? err.name : typeof err });
    throw err;
  }
  const attempts = ticket.attempts + result.attempts;
  const finish = outcome(result);
  await log.finish(ticket.id, finish.status === 'sent' ? { status: 'sent', attempts, providerId: finish.providerId } : { status: 'failed', attempts, lastError: finish.lastError });
  events.deliveryRecorded({ deliveryId: ticket.id, channel, template: meta.template, status: finish.status, attempts });
  return { deliveryId: ticket.id, attempts, result };
}

function receipt(r: { deliveryId: string; attempts: number; result: SendResult | undefined }): DeliveryReceipt {
  return { deliveryId: r.deliveryId, status: 'sent', attempts: r.attempts, providerId: r.result?.providerId, duplicate: r.result === undefined };
}

export function smsChannel(sender: SmsSender, log: DeliveryLog): SmsChannel {
  return {
    implementation: sender.implementation,
    send: async (message, meta) =>
      receipt(await recorded(log, 'sms', meta, () => sender.send(message, meta), (r) => ({ status: 'sent', providerId: r.providerId }))),
  };
}

export function emailChannel(sender: EmailSender, log: DeliveryLog): EmailChannel {
  return {
    implementation: sender.implementation,
    send: async (message, meta) =>
      receipt(await recorded(log, 'email', meta, () => sender.send(message, meta), (r) => ({ status: 'sent', providerId: r.providerId }))),
  };
}

export function pushChannel(sender: PushSender, log: DeliveryLog): PushChannel {
  return {
    implementation: sender.implementation,
    async send(message, meta) {
      const r = await recorded(
        log,
        'push',
        meta,
        () => sender.sendMulticast(message, meta),
        (result) => {
          const sent = result.outcomes.filter((o): o is Extract<PushOutcome, { status: 'sent' }> => o.status === 'sent');
          if (sent.length > 0) return { status: 'sent', providerId: sent.length === 1 ? sent[0]?.providerId : `${sent.length} messages` };
          const failed = result.outcomes.find((o): o is Extract<PushOutcome, { status: 'failed' }> => o.status === 'failed');
          return { status: 'failed', lastError: failed?.error.summary ?? (result.outcomes.length === 0 ? 'push/no-devices' : 'push/all-unregistered') };
        },
      );
      if (r.result === undefined) return { deliveryId: r.deliveryId, status: 'sent', attempts: r.attempts, outcomes: [], duplicate: true };
      const status = r.result.outcomes.some((o) => o.status === 'sent') ? 'sent' : 'failed';
      return { deliveryId: r.deliveryId, status, attempts: r.attempts, outcomes: r.result.outcomes, duplicate: false };
    },
  };
}
