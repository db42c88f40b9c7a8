/**
 * `notifyUser`: the one way the backend tells a person something. For any recipient (student, counselor,
 * admin) it writes the in-app notification `users/{uid}/notifications/{id}` under an id derived from the
 * idempotency key, then sends push to the person's devices (pruning tokens the push service reports dead), and
 * SMS or email when the message allows them, the person opted in and a contact exists (decrypted only here).
 * It honours `prefs.channels` and quiet hours; urgent safety messages (`respectQuietHours: false`) bypass quiet
 * hours only. Every push/SMS/email is recorded in `deliveries` by the provider channels, under keys derived
 * from the same idempotency key, so a repeated call (a retried trigger) sends nothing twice.
 * A channel that fails is reported in the result and logged; it never stops the other channels.
 * Texts are never logged.
 */
import { paths } from '../model/paths';
import { decryptField, type EncryptedField, type KeyRing } from '../platform/crypto';
import { DomainError } from '../platform/errors';
import type { EmailChannel, PushChannel, SmsChannel } from '../platform/providers/channels';
import { parseInput } from '../platform/validation';
import { notifyEvents } from './events';
import {
  DEFAULT_KEEP_DAYS,
  notificationIdFor,
  notifyRequestSchema,
  planChannels,
  pushData,
  recipientFromProfile,
  templateFor,
  textFor,
  type NotificationText,
  type NotifyRequest,
  type ParsedNotifyRequest,
  type Recipient,
  type SkipWhy,
} from './plan';
import type { NotifyStore } from './repository';
import { DAY_MS } from './zoned-time';

export interface NotifyDeps {
  store: NotifyStore;
  push: PushChannel;
  sms: SmsChannel;
  email: EmailChannel;
  keyRing: KeyRing;
  /** Epoch ms. */
  now: () => number;
}

export type ChannelOutcome =
  | { status: 'sent'; deliveryId: string; duplicate: boolean }
  | { status: 'skipped'; why: SkipWhy }
  | { status: 'failed'; errorCode: string };

export interface NotifyResult {
  notificationId: string;
  /** `missing` when `users/{uid}` does not exist: nothing was written or sent. */
  recipient: 'found' | 'missing';
  inapp: 'created' | 'exists' | 'skipped';
  push: ChannelOutcome & { pruned?: number };
  sms: ChannelOutcome;
  email: ChannelOutcome;
}

/** Most tokens one push multicast takes. */
const MAX_TOKENS = 500;
/** Longest SMS text sent (title and body together). */
const MAX_SMS_CHARS = 480;

/** The encryption context of a contact field; the code that stores contacts must use the same one. */
export function contactFieldContext(uid: string, field: 'email' | 'phone'): string {
  return `${paths.contact(uid)}#${field}`;
}

export interface NotifyOptions {
  /** The recipient's profile when the caller has just read it (saves a read). */
  recipient?: Recipient;
}

export async function notifyUser(deps: NotifyDeps, rawRequest: NotifyRequest, options: NotifyOptions = {}): Promise<NotifyResult> {
  const request = parseInput(notifyRequestSchema, rawRequest, 'notification');
  const notificationId = notificationIdFor(request.idempotencyKey);
  let recipient = options.recipient;
  if (!recipient) {
    const profile = await deps.store.profile(request.uid);
    if (!profile) {
      notifyEvents.recipientMissing({ uid: request.uid, type: request.type });
      const none = { status: 'skipped', why: 'not-allowed' } as const;
      return { notificationId, recipient: 'missing', inapp: 'skipped', push: none, sms: none, email: none };
    }
    recipient = recipientFromProfile(request.uid, profile);
  }
  const now = deps.now();
  const plan = planChannels(request, recipient, now);
  const text = textFor(request, recipient.language);

  const inapp =
    plan.inapp === true
      ? await deps.store.createNotification(request.uid, notificationId, {
          type: request.type,
          title: text.title,
          body: text.body,
          link: request.link,
          expireAt: now + (request.keepDays ?? DEFAULT_KEEP_DAYS) * DAY_MS,
        })
      : 'skipped';

  const push = plan.push === true ? await sendPush(deps, request, text, notificationId) : skipped(plan.push);
  const wantsContact = plan.sms === true || plan.email === true;
  const contact = wantsContact ? await deps.store.contact(request.uid) : null;
  const sms = plan.sms === true ? await sendSms(deps, request, text, contact?.phone ?? null) : skipped(plan.sms);
  const email = plan.email === true ? await sendEmail(deps, request, text, contact?.email ?? null) : skipped(plan.email);

  notifyEvents.notified({
    uid: request.uid,
    type: request.type,
    inapp,
    push: push.status === 'skipped' ? `skipped:${push.why}` : push.status,
    sms: sms.status === 'skipped' ? `skipped:${sms.why}` : sms.status,
    email: email.status === 'skipped' ? `skipped:${email.why}` : email.status,
    quiet: plan.quiet,
  });
  return { notificationId, recipient: 'found', inapp, push, sms, email };
}

function skipped(why: SkipWhy): { status: 'skipped'; why: SkipWhy } {
  return { status: 'skipped', why };
}

function meta(request: ParsedNotifyRequest) {
  return {
    template: templateFor(request),
    recipientRef: paths.user(request.uid),
    idempotencyKey: request.idempotencyKey,
    ...(request.orgId !== undefined ? { orgId: request.orgId } : {}),
    ...(request.sourcePath !== undefined ? { sourcePath: request.sourcePath } : {}),
  };
}

function failure(uid: string, channel: string, err: unknown): { status: 'failed'; errorCode: string } {
  const errorCode = err instanceof DomainError ? err.code : 'internal';
  notifyEvents.channelFailed({ uid, channel, errorCode });
  return { status: 'failed', errorCode };
}

async function sendPush(
  deps: NotifyDeps,
  request: ParsedNotifyRequest,
  text: NotificationText,
  notificationId: string,
): Promise<ChannelOutcome & { pruned?: number }> {
  const devices = await deps.store.devices(request.uid);
  const tokens = [...new Set(devices.map((d) => d.token))].slice(0, MAX_TOKENS);
  if (tokens.length === 0) return skipped('no-devices');
  try {
    const receipt = await deps.push.send({ tokens, title: text.title, body: text.body, data: pushData(request, notificationId) }, meta(request));
    const dead = new Set(receipt.outcomes.filter((o) => o.status === 'unregistered').map((o) => o.token));
    const prune = devices.filter((d) => dead.has(d.token)).map((d) => d.deviceId);
    if (prune.length > 0) {
      await deps.store.removeDevices(request.uid, prune);
      notifyEvents.devicesPruned({ uid: request.uid, count: prune.length });
    }
    const pruned = prune.length > 0 ? { pruned: prune.length } : {};
    if (receipt.status === 'sent') return { status: 'sent', deliveryId: receipt.deliveryId, duplicate: receipt.duplicate, ...pruned };
    return { status: 'failed', errorCode: dead.size === tokens.length ? 'push/all-unregistered' : 'push/failed', ...pruned };
  } catch (err) {
    return failure(request.uid, 'push', err);
  }
}

function decryptContact(deps: NotifyDeps, uid: string, field: 'email' | 'phone', value: EncryptedField): string {
  return decryptField(deps.keyRing, value, contactFieldContext(uid, field));
}

async function sendSms(deps: NotifyDeps, request: ParsedNotifyRequest, text: NotificationText, phone: EncryptedField | null): Promise<ChannelOutcome> {
  if (!phone) return skipped('no-contact');
  try {
    const to = decryptContact(deps, request.uid, 'phone', phone);
    const body = `${text.title}\n${text.body}`.slice(0, MAX_SMS_CHARS);
    const receipt = await deps.sms.send({ to, body }, meta(request));
    return { status: 'sent', deliveryId: receipt.deliveryId, duplicate: receipt.duplicate };
  } catch (err) {
    return failure(request.uid, 'sms', err);
  }
}

async function sendEmail(deps: NotifyDeps, request: ParsedNotifyRequest, text: NotificationText, email: EncryptedField | null): Promise<ChannelOutcome> {
  if (!email) return skipped('no-contact');
  try {
    const to = decryptContact(deps, request.uid, 'email', email);
    const receipt = await deps.email.send({ to, subject: text.title, text: text.body }, meta(request));
    return { status: 'sent', deliveryId: receipt.deliveryId, duplicate: receipt.duplicate };
  } catch (err) {
    return failure(request.uid, 'email', err);
  }
}
