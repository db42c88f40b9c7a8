/**
 * Offline providers: deterministic, no network, no SDK.
 *
 * Senders run in one of two modes:
 * - `simulate` (the emulators): every message is accepted, kept in an in-memory `Outbox` for tests and the
 *   local stack, and logged (channel, template, hashed recipient; never the address, token or text).
 * - `disabled` (a real project whose secret or sender is missing): every message is refused with a typed
 *   `rejected` error (`providerCode: not-configured`), so its delivery is recorded as failed. Nothing
 *   pretends an alert reached a counselor when it could not have.
 *
 * The offline model is `available: false`: its text answers are placeholders, and it gives no JSON at all
 * (a screening verdict is never invented).
 */
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { providerEvents } from './provider-events';
import {
  ProviderError,
  type EmailMessage,
  type EmailSender,
  type JsonModelRequest,
  type LanguageModel,
  type ModelRequest,
  type ModelResult,
  type PushMessage,
  type PushOutcome,
  type PushResult,
  type PushSender,
  type SendContext,
  type SendResult,
  type SmsMessage,
  type SmsSender,
} from './types';

export type OfflineMode = 'simulate' | 'disabled';

export type OutboxEntry =
  | { channel: 'push'; providerId: string; context: SendContext; message: PushMessage }
  | { channel: 'sms'; providerId: string; context: SendContext; message: SmsMessage }
  | { channel: 'email'; providerId: string; context: SendContext; message: EmailMessage };

/** What the simulated senders accepted, in order. Lives in memory only (it holds addresses and text). */
export class Outbox {
  readonly entries: OutboxEntry[] = [];
  private sequence = 0;

  nextId(channel: OutboxEntry['channel']): string {
    this.sequence += 1;
    return `offline-${channel}-${String(this.sequence).padStart(6, '0')}`;
  }

  byChannel<C extends OutboxEntry['channel']>(channel: C): Array<Extract<OutboxEntry, { channel: C }>> {
    return this.entries.filter((e): e is Extract<OutboxEntry, { channel: C }> => e.channel === channel);
  }
}

/** Tokens with this prefix are answered `unregistered` by the simulated push sender (to exercise pruning). */
export const OFFLINE_UNREGISTERED_TOKEN_PREFIX = 'offline-unregistered';

function notConfigured(channel: string): ProviderError {
  return new ProviderError('offline', 'rejected', `${channel} is not configured in this project`, { providerCode: 'not-configured' });
}

export function offlinePushSender(mode: OfflineMode, outbox: Outbox): PushSender {
  return {
    implementation: 'offline',
    async sendMulticast(message: PushMessage, context: SendContext): Promise<PushResult> {
      providerEvents.offlineDelivery({ channel: 'push', template: context.template, recipientRef: context.recipientRef, simulated: mode === 'simulate' });
      if (mode === 'disabled') throw notConfigured('push');
      if (message.tokens.length === 0) return { outcomes: [], attempts: 0 };
      const outcomes = message.tokens.map((token): PushOutcome =>
        token.startsWith(OFFLINE_UNREGISTERED_TOKEN_PREFIX) ? { token, status: 'unregistered' } : { token, status: 'sent', providerId: outbox.nextId('push') },
      );
      outbox.entries.push({ channel: 'push', providerId: outcomes.map((o) => (o.status === 'sent' ? o.providerId : '-')).join(','), context, message });
      return { outcomes, attempts: 1 };
    },
  };
}

export function offlineSmsSender(mode: OfflineMode, outbox: Outbox): SmsSender {
  return {
    implementation: 'offline',
    async send(message: SmsMessage, context: SendContext): Promise<SendResult> {
      providerEvents.offlineDelivery({ channel: 'sms', template: context.template, recipientRef: context.recipientRef, simulated: mode === 'simulate' });
      if (mode === 'disabled') throw notConfigured('sms');
      const providerId = outbox.nextId('sms');
      outbox.entries.push({ channel: 'sms', providerId, context, message });
      return { providerId, attempts: 1 };
    },
  };
}

export function offlineEmailSender(mode: OfflineMode, outbox: Outbox): EmailSender {
  return {
    implementation: 'offline',
    async send(message: EmailMessage, context: SendContext): Promise<SendResult> {
      providerEvents.offlineDelivery({ channel: 'email', template: context.template, recipientRef: context.recipientRef, simulated: mode === 'simulate' });
      if (mode === 'disabled') throw notConfigured('email');
      const providerId = outbox.nextId('email');
      outbox.entries.push({ channel: 'email', providerId, context, message });
      return { providerId, attempts: 1 };
    },
  };
}

/** Neutral placeholder replies; which one is a pure function of the prompt. */
const PLACEHOLDER_REPLIES = [
  'Thank you for telling me. I am here and listening.',
  'That sounds like a lot to carry. Would you like to tell me more?',
  'I hear you. Taking one small step at a time is enough for today.',
] as const;

/** Pure: the offline model's answer to a prompt. */
export function placeholderReply(prompt: string): string {
  const index = createHash('sha256').update(prompt).digest().readUInt32BE(0) % PLACEHOLDER_REPLIES.length;
  return PLACEHOLDER_REPLIES[index] ?? PLACEHOLDER_REPLIES[0];
}

export function offlineLanguageModel(): LanguageModel {
  const logged = <T>(result: ModelResult<T>): ModelResult<T> => {
    providerEvents.modelCall({
      model: 'offline',
      implementation: 'offline',
      status: result.status,
      attempts: result.attempts,
      ...(result.status === 'error' ? { errorCode: result.error.code, providerCode: result.error.providerCode } : {}),
    });
    return result;
  };
  return {
    implementation: 'offline',
    available: false,
    model: 'offline',
    async generateText(request: ModelRequest): Promise<ModelResult<string>> {
      if (request.signal?.aborted) return logged({ status: 'error', error: new ProviderError('offline', 'cancelled', 'aborted by the caller'), attempts: 0 });
      return logged({ status: 'ok', value: placeholderReply(request.prompt), attempts: 1 });
    },
    async generateJson<S extends z.ZodType>(_request: JsonModelRequest<S>): Promise<ModelResult<z.output<S>>> {
      return logged({
        status: 'error',
        error: new ProviderError('offline', 'unavailable', 'no language model offline; no structured answer is invented', { providerCode: 'offline' }),
        attempts: 0,
      });
    },
  };
}
