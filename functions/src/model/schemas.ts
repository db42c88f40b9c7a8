/**
 * The data contract in code: a zod schema for every Firestore document of DESIGN.md §3, the shared enums,
 * and the inferred types. Field names follow DESIGN.md (normative). Every field carries a description;
 * docs/data-model.md is generated from these schemas (functions/scripts/gen-data-model.ts). No I/O here.
 */
import { Timestamp } from 'firebase-admin/firestore';
import { z } from 'zod';
import { encryptedFieldSchema } from '../platform/crypto';
import { ROLES, type Role } from '../platform/roles';

export { ROLES, type Role };

// ---------------------------------------------------------------------------------------------------------
// Shared enums
// ---------------------------------------------------------------------------------------------------------

/** Risk levels in increasing order of severity (DESIGN.md §4.1). */
export const RISK_LEVELS = ['none', 'low', 'moderate', 'high', 'imminent'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/** Position of a level in `RISK_LEVELS` (none = 0 … imminent = 4). */
export function riskRank(level: RiskLevel): number {
  return RISK_LEVELS.indexOf(level);
}

/** Negative when `a` is less severe than `b`, 0 when equal, positive when more severe (usable with sort). */
export function compareRisk(a: RiskLevel, b: RiskLevel): number {
  return riskRank(a) - riskRank(b);
}

/** True when `level` is at least as severe as `threshold`. */
export function riskAtLeast(level: RiskLevel, threshold: RiskLevel): boolean {
  return compareRisk(level, threshold) >= 0;
}

/** The most severe of the given levels (`none` for no levels). */
export function maxRisk(...levels: RiskLevel[]): RiskLevel {
  return levels.reduce<RiskLevel>((worst, l) => (compareRisk(l, worst) > 0 ? l : worst), 'none');
}

/** Levels that create a riskEvent. */
export const RISK_EVENT_LEVELS = ['moderate', 'high', 'imminent'] as const;
export type RiskEventLevel = (typeof RISK_EVENT_LEVELS)[number];

/** UI and content languages. `en`, `hi`, `ne` are fully supported; the others are accepted for preference. */
export const LANGUAGES = ['en', 'hi', 'ne', 'bn', 'mr', 'ta', 'te'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Languages every multilingual resource text may carry (English required, the others optional). */
export const CONTENT_LANGUAGES = ['en', 'hi', 'ne'] as const;
export type ContentLanguage = (typeof CONTENT_LANGUAGES)[number];

export const ENTRY_KINDS = ['mood', 'journal', 'gratitude', 'sleep', 'breathing'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

export const DELIVERY_CHANNELS = ['push', 'sms', 'email', 'inapp'] as const;
export type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number];

export const DELIVERY_STATUSES = ['queued', 'sent', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** What an audit log records (DESIGN.md §3 auditLogs: role changes, risk-detail access, exports, deletions). */
export const AUDIT_ACTIONS = [
  'role.set',
  'role.bootstrap-admin',
  'risk.excerpt-read',
  'risk.update',
  'data.export',
  'account.delete',
  'config.update',
  'org.update',
  'forum.moderate',
  'booking.override',
  'analytics.export',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

// ---------------------------------------------------------------------------------------------------------
// Field helpers
// ---------------------------------------------------------------------------------------------------------

/** A Firestore timestamp as firebase-admin returns it. Write `Timestamp.now()` or a server-timestamp sentinel. */
export const timestampSchema = z
  .custom<Timestamp>((value) => value instanceof Timestamp, { message: 'expected a Firestore Timestamp' })
  .meta({ description: 'Firestore Timestamp' });

/** A document id: what Firestore allows in one path segment, kept short. */
export const idSchema = z
  .string()
  .min(1)
  .max(128)
  .regex(/^(?!\.\.?$)(?!__.*__$)[^/]+$/, 'must be a single path segment')
  .meta({ description: 'document id' });

/** A Firebase Auth uid. */
export const uidSchema = idSchema.meta({ description: 'Firebase Auth uid' });

const ORG_ID_RE = /^[A-Za-z0-9_-]{1,64}$/;
export const orgIdSchema = z.string().regex(ORG_ID_RE, 'must be 1–64 letters, digits, _ or -').meta({ description: 'institution id' });

/** A calendar day, `yyyy-mm-dd` (in the student's or org's timezone, as the field says). */
export const daySchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'must be yyyy-mm-dd')
  .meta({ description: 'calendar day yyyy-mm-dd' });

/** A local time of day, `HH:mm`, 24-hour. */
export const timeOfDaySchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:mm (24-hour)')
  .meta({ description: 'local time HH:mm' });

/** True when `tz` names an IANA timezone this runtime knows. */
export function isIanaTimezone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export const timezoneSchema = z
  .string()
  .min(1)
  .max(64)
  .refine(isIanaTimezone, 'must be an IANA timezone such as Asia/Kolkata')
  .meta({ description: 'IANA timezone, e.g. Asia/Kolkata' });

export const languageSchema = z.enum(LANGUAGES).meta({ description: 'language code' });
export const riskLevelSchema = z.enum(RISK_LEVELS).meta({ description: 'risk level' });
export const roleSchema = z.enum(ROLES).meta({ description: 'role' });

/** Small JSON-like values allowed in free-form maps (`meta`, feature flags): no nesting, no blobs. */
const scalarSchema = z.union([z.string().max(500), z.number(), z.boolean(), z.null()]);

// ---------------------------------------------------------------------------------------------------------
// users/{uid}
// ---------------------------------------------------------------------------------------------------------

export const streakSchema = z
  .object({
    current: z.int().min(0).describe('consecutive days with at least one entry, ending at lastDay'),
    longest: z.int().min(0).describe('longest run ever'),
    lastDay: daySchema.nullable().describe('last local day (student timezone) with an entry; null before the first'),
  })
  .strict();

export const quietHoursSchema = z
  .object({
    start: timeOfDaySchema.describe('local time quiet hours begin'),
    end: timeOfDaySchema.describe('local time quiet hours end (may be earlier than start: spans midnight)'),
  })
  .strict();

export const channelPrefsSchema = z
  .object({
    push: z.boolean().describe('push notifications wanted'),
    email: z.boolean().describe('email alerts wanted (needs private/contact email)'),
    sms: z.boolean().describe('SMS alerts wanted (needs private/contact phone)'),
  })
  .strict();

export const prefsSchema = z
  .object({
    reminderTime: timeOfDaySchema.nullable().describe('daily check-in reminder, local HH:mm; null = no reminder'),
    quietHours: quietHoursSchema.nullable().describe('no reminders between start and end; null = none'),
    channels: channelPrefsSchema.describe('delivery channels the student accepts'),
  })
  .strict();

export const consentSchema = z
  .object({
    aiScreening: z.boolean().describe('journal text may be screened (chat, forum and peer screening always run)'),
    shareWithCounselor: z.boolean().describe('counselors of the org may see assessment bands and trends'),
    analytics: z.boolean().describe('included in anonymised org analytics'),
    version: z.int().min(0).describe('consent text version agreed to; 0 = never asked'),
    at: timestampSchema.nullable().describe('when consent was last given or changed; null = never'),
  })
  .strict();

export const entryCountsSchema = z
  .object({
    mood: z.int().min(0).describe('number of mood entries'),
    journal: z.int().min(0).describe('number of journal entries'),
    gratitude: z.int().min(0).describe('number of gratitude entries'),
    sleep: z.int().min(0).describe('number of sleep entries'),
    breathing: z.int().min(0).describe('number of breathing sessions'),
  })
  .strict();

export const userProfileSchema = z
  .object({
    alias: z.string().min(1).max(60).describe('generated pseudonym, e.g. "Calm Otter 42"; never a real name'),
    role: roleSchema.describe('mirror of the role claim; never client-writable'),
    orgId: orgIdSchema.describe('mirror of the orgId claim; never client-writable'),
    language: languageSchema.describe('preferred language'),
    timezone: timezoneSchema.describe('IANA timezone used for streaks, reminders and quiet hours'),
    createdAt: timestampSchema.describe('account creation (server time)'),
    lastActiveAt: timestampSchema.describe('last activity seen by functions (server time)'),
    streak: streakSchema.describe('daily entry streak, kept by functions'),
    prefs: prefsSchema.describe('reminder and notification preferences'),
    consent: consentSchema.describe('what the student agreed to'),
    counts: entryCountsSchema.describe('entries per kind, kept by functions'),
  })
  .strict();
export type UserProfile = z.infer<typeof userProfileSchema>;
/** Fields the owner may change on `users/{uid}`; everything else is written by functions. */
export const USER_OWNER_WRITABLE_FIELDS = ['language', 'timezone', 'prefs', 'consent'] as const;

// ---------------------------------------------------------------------------------------------------------
// deliveries/{id}
// ---------------------------------------------------------------------------------------------------------

export const deliverySchema = z
  .object({
    channel: z.enum(DELIVERY_CHANNELS).describe('how it is delivered'),
    template: z.string().min(1).max(64).regex(/^[a-z0-9][a-z0-9._-]*$/, 'must be a template id such as risk.alert').describe('message template id (the text itself is never stored)'),
    recipientRef: z.string().min(1).max(256).describe('who receives it: a uid or a document path (users/{uid}/devices/{id}); never a raw address'),
    status: z.enum(DELIVERY_STATUSES).describe('queued → sent, or failed after the last attempt'),
    attempts: z.int().min(0).describe('attempts made so far'),
    lastError: z.string().max(500).nullable().describe('provider error code or message of the last failed attempt (no personal data)'),
    orgId: orgIdSchema.optional().describe('org the delivery is for, when known'),
    sourcePath: z.string().max(512).optional().describe('document that caused it, e.g. riskEvents/{id}'),
    providerId: z.string().max(256).optional().describe('provider message id (FCM, Twilio SID, SendGrid id)'),
    createdAt: timestampSchema.describe('when queued'),
    updatedAt: timestampSchema.describe('last status change'),
    expireAt: timestampSchema.optional().describe('TTL: the document is deleted after this time'),
  })
  .strict();
export type Delivery = z.infer<typeof deliverySchema>;

// ---------------------------------------------------------------------------------------------------------
// auditLogs/{id}
// ---------------------------------------------------------------------------------------------------------

export const auditActorSchema = z
  .object({
    uid: z.string().min(1).max(128).describe('uid of the person, or "system" / "script" for automated actions'),
    role: roleSchema.optional().describe('role claim at the time'),
    orgId: orgIdSchema.optional().describe('org claim at the time'),
  })
  .strict();

export const auditLogSchema = z
  .object({
    actor: auditActorSchema.describe('who did it'),
    action: z.enum(AUDIT_ACTIONS).describe('what was done'),
    target: z.string().min(1).max(512).describe('what it was done to: a document path (users/{uid}, riskEvents/{id}) or a uid'),
    orgId: orgIdSchema.optional().describe('org the action belongs to (admins read their org\'s log)'),
    at: timestampSchema.describe('when (server time)'),
    meta: z.record(z.string().max(64), scalarSchema).describe('small details, e.g. {from: "student", to: "counselor"}; never message text'),
  })
  .strict();
export type AuditLog = z.infer<typeof auditLogSchema>;

// ---------------------------------------------------------------------------------------------------------
// users/{uid}/private/contact, users/{uid}/private/safetyPlan
// ---------------------------------------------------------------------------------------------------------

export const privateContactSchema = z
  .object({
    email: encryptedFieldSchema.nullable().describe('encrypted email for alerts the student opted into; null = none'),
    phone: encryptedFieldSchema.nullable().describe('encrypted E.164 phone for SMS alerts; null = none'),
    updatedAt: timestampSchema.describe('last change'),
  })
  .strict();
export type PrivateContact = z.infer<typeof privateContactSchema>;
