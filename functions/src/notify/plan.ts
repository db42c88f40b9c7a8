/**
 * The notifier's rules, without I/O: what a notification request may contain, who the recipient is (the
 * parts of `users/{uid}` that matter for delivery), the deterministic id of the in-app notification, the text
 * in the recipient's language, and which channels a message goes out on (allowed by the sender, wanted by the
 * recipient, outside quiet hours unless urgent).
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import {
  LANGUAGES,
  NOTIFICATION_TYPES,
  notificationSchema,
  type Language,
  type UserProfile,
} from '../model/schemas';
import { isQuietAt, type QuietHours } from './quiet-hours';

/** Where a notification can appear: the in-app list, push to the person's devices, SMS, email. */
export const NOTIFY_CHANNELS = ['inapp', 'push', 'sms', 'email'] as const;
export type NotifyChannel = (typeof NOTIFY_CHANNELS)[number];

const textSchema = z
  .object({
    title: notificationSchema.shape.title,
    body: notificationSchema.shape.body,
  })
  .strict();
export type NotificationText = z.infer<typeof textSchema>;

export const notifyRequestSchema = z
  .object({
    /** The recipient: any account (student, counselor, admin). */
    uid: z.string().regex(/^[A-Za-z0-9_-]{1,128}$/, 'must be a uid of letters, digits, _ or -'),
    type: z.enum(NOTIFICATION_TYPES),
    /** Text in English; used when `translations` has nothing in the recipient's language. */
    title: textSchema.shape.title,
    body: textSchema.shape.body,
    translations: z.partialRecord(z.enum(LANGUAGES), textSchema).optional(),
    /** In-app route or document path to open; null = none. */
    link: notificationSchema.shape.link,
    /** The channels this message may use; the recipient's preferences narrow them further. */
    channels: z.array(z.enum(NOTIFY_CHANNELS)).min(1).max(NOTIFY_CHANNELS.length),
    /** False only for urgent safety messages, which reach the person during quiet hours too. */
    respectQuietHours: z.boolean(),
    /** Same key → same in-app notification and the same delivery records: a repeated call sends nothing new. */
    idempotencyKey: z.string().min(1).max(400),
    /** Delivery template id for `deliveries` (default: the type). */
    template: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,63}$/).optional(),
    orgId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/).optional(),
    /** Document that caused the notification (recorded on deliveries). */
    sourcePath: z.string().max(512).optional(),
    /** Days the in-app notification is kept (TTL through `expireAt`). */
    keepDays: z.int().min(1).max(3650).optional(),
  })
  .strict();
export type NotifyRequest = z.input<typeof notifyRequestSchema>;
export type ParsedNotifyRequest = z.output<typeof notifyRequestSchema>;

/** In-app notifications are deleted by TTL after this many days unless the request says otherwise. */
export const DEFAULT_KEEP_DAYS = 90;

/** The parts of a profile the notifier needs. */
export interface Recipient {
  uid: string;
  orgId: string;
  language: Language;
  timezone: string;
  quietHours: QuietHours | null;
  wants: { push: boolean; sms: boolean; email: boolean };
}

export function recipientFromProfile(uid: string, profile: UserProfile): Recipient {
  return {
    uid,
    orgId: profile.orgId,
    language: profile.language,
    timezone: profile.timezone,
    quietHours: profile.prefs.quietHours,
    wants: { push: profile.prefs.channels.push, sms: profile.prefs.channels.sms, email: profile.prefs.channels.email },
  };
}

/** Deterministic in-app notification id for an idempotency key (hashed: keys may hold `/` or be long). */
export function notificationIdFor(idempotencyKey: string): string {
  return `n-${createHash('sha256').update(`notification\n${idempotencyKey}`).digest('hex').slice(0, 32)}`;
}

/** The text in the recipient's language, else English. */
export function textFor(request: ParsedNotifyRequest, language: Language): NotificationText {
  return request.translations?.[language] ?? { title: request.title, body: request.body };
}

export type SkipWhy = 'not-allowed' | 'opted-out' | 'quiet-hours' | 'no-contact' | 'no-devices';

export interface ChannelPlan {
  inapp: true | SkipWhy;
  push: true | SkipWhy;
  sms: true | SkipWhy;
  email: true | SkipWhy;
  /** True when quiet hours held back push, SMS or email. */
  quiet: boolean;
}

/**
 * Which channels to use. In-app is never held back by quiet hours (it interrupts nobody); push, SMS and email
 * need the sender's permission, the recipient's opt-in and, unless the message is urgent, a moment outside
 * the recipient's quiet hours. SMS and email still need a contact, which the caller checks.
 */
export function planChannels(request: ParsedNotifyRequest, recipient: Recipient, now: number): ChannelPlan {
  const allowed = new Set(request.channels);
  const quiet = request.respectQuietHours && isQuietAt(now, recipient.timezone, recipient.quietHours);
  let heldBack = false;
  const external = (channel: 'push' | 'sms' | 'email'): true | SkipWhy => {
    if (!allowed.has(channel)) return 'not-allowed';
    if (!recipient.wants[channel]) return 'opted-out';
    if (quiet) {
      heldBack = true;
      return 'quiet-hours';
    }
    return true;
  };
  const plan = {
    inapp: allowed.has('inapp') ? (true as const) : ('not-allowed' as const),
    push: external('push'),
    sms: external('sms'),
    email: external('email'),
  };
  return { ...plan, quiet: heldBack };
}

/** Push payload data for the app: where to go and which in-app notification it mirrors. */
export function pushData(request: ParsedNotifyRequest, notificationId: string): Record<string, string> {
  return { type: request.type, notificationId, ...(request.link !== null ? { link: request.link } : {}) };
}

/** The type as a delivery template id. */
export function templateFor(request: ParsedNotifyRequest): string {
  return request.template ?? request.type;
}
