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

export const BREATHING_PATTERNS = ['box', '4-7-8', 'coherent', 'physiological-sigh'] as const;
export type BreathingPattern = (typeof BREATHING_PATTERNS)[number];

export const TASK_CATEGORIES = ['mindfulness', 'movement', 'sleep', 'social', 'study', 'self-care', 'other'] as const;
export type TaskCategory = (typeof TASK_CATEGORIES)[number];

export const INSTRUMENTS = ['phq9', 'gad7'] as const;
export type Instrument = (typeof INSTRUMENTS)[number];

/** Number of answers per instrument (each answer an integer 0–3). */
export const INSTRUMENT_ITEMS = { phq9: 9, gad7: 7 } as const satisfies Record<Instrument, number>;

/** Severity bands (PHQ-9 uses all five, GAD-7 all but `moderately-severe`). */
export const SEVERITIES = ['minimal', 'mild', 'moderate', 'moderately-severe', 'severe'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Flags the scorer may set on an assessment. */
export const ASSESSMENT_FLAGS = ['phq9-item9-positive'] as const;
export type AssessmentFlag = (typeof ASSESSMENT_FLAGS)[number];

export const NOTIFICATION_TYPES = [
  'risk-alert',
  'risk-escalation',
  'checkin-reminder',
  'task-reminder',
  'streak-warning',
  'booking',
  'peer-session',
  'morning-summary',
  'safety',
  'system',
  'assessment-result',
  'weekly-reflection',
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

export const DEVICE_PLATFORMS = ['web', 'android', 'ios'] as const;
export type DevicePlatform = (typeof DEVICE_PLATFORMS)[number];

export const CHAT_KINDS = ['bot', 'counselor'] as const;
export type ChatKind = (typeof CHAT_KINDS)[number];

export const CHAT_STATUSES = ['open', 'closed'] as const;
export type ChatStatus = (typeof CHAT_STATUSES)[number];

export const MESSAGE_SENDERS = ['student', 'bot', 'counselor'] as const;
export type MessageSender = (typeof MESSAGE_SENDERS)[number];

/** Bestie agents that can write a bot message (DESIGN.md §4.3). */
export const BOT_AGENTS = ['listener', 'crisis', 'local', 'slow-down'] as const;
export type BotAgent = (typeof BOT_AGENTS)[number];

/** Which screening layers produced a verdict: the deterministic screener, the model, or both. */
export const SCREENING_BY = ['rules', 'model', 'rules+model'] as const;
export type ScreeningBy = (typeof SCREENING_BY)[number];

export const RISK_SOURCES = ['chat', 'assessment', 'forum', 'peer', 'journal'] as const;
export type RiskSource = (typeof RISK_SOURCES)[number];

export const RISK_STATUSES = ['open', 'acknowledged', 'escalated', 'resolved'] as const;
export type RiskStatus = (typeof RISK_STATUSES)[number];

/** A counselor's label for how the alert turned out. */
export const RISK_OUTCOMES = ['true-positive', 'false-positive', 'unclear', 'duplicate'] as const;
export type RiskOutcome = (typeof RISK_OUTCOMES)[number];

export const SLOT_STATUSES = ['open', 'held', 'booked'] as const;
export type SlotStatus = (typeof SLOT_STATUSES)[number];

export const BOOKING_MODES = ['video', 'audio', 'chat', 'in-person'] as const;
export type BookingMode = (typeof BOOKING_MODES)[number];

export const BOOKING_STATUSES = [
  'requested',
  'confirmed',
  'rejected',
  'cancelled',
  'rescheduled',
  'completed',
  'no-show',
  'expired',
] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

export const POST_STATUSES = ['pending', 'visible', 'hidden', 'removed'] as const;
export type PostStatus = (typeof POST_STATUSES)[number];

export const PEER_SESSION_STATUSES = ['scheduled', 'live', 'ended', 'cancelled'] as const;
export type PeerSessionStatus = (typeof PEER_SESSION_STATUSES)[number];

export const RESOURCE_TYPES = ['article', 'video', 'audio', 'exercise', 'helpline', 'link'] as const;
export type ResourceType = (typeof RESOURCE_TYPES)[number];

/** Who an escalation step notifies. */
export const ESCALATION_TARGETS = ['on-call', 'next-on-call', 'admins'] as const;
export type EscalationTarget = (typeof ESCALATION_TARGETS)[number];

// ---------------------------------------------------------------------------------------------------------
// Field helpers
// ---------------------------------------------------------------------------------------------------------

/** A Firestore timestamp as firebase-admin returns it. Write `Timestamp.now()` or a server-timestamp sentinel. */
export const timestampSchema = z
  .custom<Timestamp>((value) => value instanceof Timestamp, { message: 'expected a Firestore Timestamp' });

/** What Firestore accepts as one path segment: no `/`, not `.` or `..`, not `__…__`. */
export const ID_SEGMENT_RE = /^(?!\.\.?$)(?!__.*__$)[^/]{1,128}$/;

/** A document id (one path segment, at most 128 characters). */
export const idSchema = z.string().regex(ID_SEGMENT_RE, 'must be a document id (1–128 characters, no /)');

/** A Firebase Auth uid (same shape as a document id: it names `users/{uid}`). */
export const uidSchema = z.string().regex(ID_SEGMENT_RE, 'must be a uid (1–128 characters, no /)');

const ORG_ID_RE = /^[A-Za-z0-9_-]{1,64}$/;
export const orgIdSchema = z.string().regex(ORG_ID_RE, 'must be 1–64 letters, digits, _ or -');

/** A calendar day, `yyyy-mm-dd` (in the student's or org's timezone, as the field says). */
export const daySchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'must be yyyy-mm-dd');

/** A local time of day, `HH:mm`, 24-hour. */
export const timeOfDaySchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:mm (24-hour)');

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
  .refine(isIanaTimezone, 'must be an IANA timezone such as Asia/Kolkata');

export const languageSchema = z.enum(LANGUAGES);
export const riskLevelSchema = z.enum(RISK_LEVELS);
export const roleSchema = z.enum(ROLES);

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
    weeklyReflection: z.boolean().optional().describe('a short weekly reflection is wanted (absent = no)'),
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
    nextReminderAt: timestampSchema.nullable().optional().describe('when the next daily check-in reminder is due, kept by functions from prefs and timezone; null = none'),
    streakNudgeAt: timestampSchema.nullable().optional().describe('when to nudge about a streak that breaks at the next local midnight, kept by functions; null = none'),
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

export const safetyContactSchema = z
  .object({
    name: z.string().min(1).max(80).describe('how the student names this person'),
    phone: z.string().max(32).optional().describe('phone number as the student wrote it'),
    relation: z.string().max(40).optional().describe('e.g. friend, sister, warden'),
  })
  .strict();

const planList = (what: string) => z.array(z.string().min(1).max(300)).max(20).describe(what);

export const safetyPlanSchema = z
  .object({
    warningSigns: planList('thoughts, feelings or situations that signal a crisis is building (≤ 20 × 300 chars)'),
    copingSteps: planList('things the student can do alone to feel safer (≤ 20 × 300 chars)'),
    reasons: planList('reasons for living (≤ 20 × 300 chars)'),
    trustedContacts: z.array(safetyContactSchema).max(10).describe('people to reach out to (≤ 10)'),
    updatedAt: timestampSchema.describe('last change (server time)'),
  })
  .strict();
export type SafetyPlan = z.infer<typeof safetyPlanSchema>;

// ---------------------------------------------------------------------------------------------------------
// users/{uid}/devices/{deviceId}
// ---------------------------------------------------------------------------------------------------------

export const deviceSchema = z
  .object({
    token: z.string().min(1).max(4096).describe('FCM registration token'),
    platform: z.enum(DEVICE_PLATFORMS).describe('client platform'),
    updatedAt: timestampSchema.describe('when the token was last registered (server time)'),
  })
  .strict();
export type Device = z.infer<typeof deviceSchema>;

// ---------------------------------------------------------------------------------------------------------
// Screening verdict (messages, forum, journal, reports)
// ---------------------------------------------------------------------------------------------------------

export const screeningSchema = z
  .object({
    level: riskLevelSchema.describe('final level: the maximum of the layers'),
    reasons: z.array(z.string().min(1).max(64)).max(20).describe('short reason codes, e.g. passive-death-wish; never the text'),
    by: z.enum(SCREENING_BY).describe('which layers produced the verdict'),
    at: timestampSchema.describe('when screened'),
  })
  .strict();
export type Screening = z.infer<typeof screeningSchema>;

// ---------------------------------------------------------------------------------------------------------
// users/{uid}/entries/{entryId}
// ---------------------------------------------------------------------------------------------------------

/** Longest journal or gratitude text. */
export const ENTRY_TEXT_MAX = 5000;

const entryText = () => z.string().min(1).max(ENTRY_TEXT_MAX);

const entryBase = {
  createdAt: timestampSchema.describe('creation (server time); immutable'),
  updatedAt: timestampSchema.optional().describe('last edit by the owner (server time)'),
  processedAt: timestampSchema.optional().describe('when functions counted the entry (counts, streak); set once'),
  orgId: orgIdSchema.optional().describe('the owner\'s org, written by functions with processedAt; the analytics rollup counts entries by it'),
};

export const moodEntrySchema = z
  .object({
    kind: z.literal('mood').describe('entry kind; immutable'),
    mood: z.int().min(1).max(5).describe('mood from 1 (very low) to 5 (very good)'),
    emotions: z.array(z.string().min(1).max(32)).max(10).describe('emotion words picked by the student (≤ 10 × 32 chars)'),
    ...entryBase,
  })
  .strict();

export const journalEntrySchema = z
  .object({
    kind: z.literal('journal').describe('entry kind; immutable'),
    text: entryText().describe('journal text, 1–5000 chars; screened only with consent.aiScreening'),
    screening: screeningSchema.optional().describe('screening verdict, written by functions when consented'),
    ...entryBase,
  })
  .strict();

export const gratitudeEntrySchema = z
  .object({
    kind: z.literal('gratitude').describe('entry kind; immutable'),
    text: entryText().describe('gratitude note, 1–5000 chars'),
    items: z.array(z.string().min(1).max(200)).max(10).optional().describe('things the student is grateful for (≤ 10 × 200 chars)'),
    ...entryBase,
  })
  .strict();

export const sleepEntrySchema = z
  .object({
    kind: z.literal('sleep').describe('entry kind; immutable'),
    hours: z.number().min(0).max(24).describe('hours slept, 0–24 (fractions allowed)'),
    quality: z.int().min(1).max(10).describe('sleep quality from 1 (worst) to 10 (best)'),
    ...entryBase,
  })
  .strict();

export const breathingEntrySchema = z
  .object({
    kind: z.literal('breathing').describe('entry kind; immutable'),
    pattern: z.enum(BREATHING_PATTERNS).describe('breathing exercise done'),
    durationSec: z.int().min(1).max(3600).describe('length of the session in seconds, 1–3600'),
    ...entryBase,
  })
  .strict();

export const entrySchema = z.discriminatedUnion('kind', [
  moodEntrySchema,
  journalEntrySchema,
  gratitudeEntrySchema,
  sleepEntrySchema,
  breathingEntrySchema,
]);
export type MoodEntry = z.infer<typeof moodEntrySchema>;
export type JournalEntry = z.infer<typeof journalEntrySchema>;
export type GratitudeEntry = z.infer<typeof gratitudeEntrySchema>;
export type SleepEntry = z.infer<typeof sleepEntrySchema>;
export type BreathingEntry = z.infer<typeof breathingEntrySchema>;
export type Entry = z.infer<typeof entrySchema>;

// ---------------------------------------------------------------------------------------------------------
// users/{uid}/tasks/{taskId}
// ---------------------------------------------------------------------------------------------------------

export const taskScheduleSchema = z.discriminatedUnion('repeat', [
  z
    .object({
      repeat: z.literal('once').describe('a one-off task'),
      date: daySchema.describe('local day the task is for'),
    })
    .strict(),
  z.object({ repeat: z.literal('daily').describe('every day') }).strict(),
  z
    .object({
      repeat: z.literal('weekly').describe('on some days of the week'),
      days: z.array(z.int().min(0).max(6)).min(1).max(7).describe('days of the week, 0 = Sunday … 6 = Saturday'),
    })
    .strict(),
]);
export type TaskSchedule = z.infer<typeof taskScheduleSchema>;

export const taskSchema = z
  .object({
    title: z.string().min(1).max(200).describe('what to do, 1–200 chars'),
    category: z.enum(TASK_CATEGORIES).describe('kind of well-being task'),
    schedule: taskScheduleSchema.describe('when the task recurs'),
    remindAt: timeOfDaySchema.nullable().describe('local HH:mm reminder (outside quiet hours); null = no reminder'),
    done: z.boolean().describe('completed (for the current occurrence)'),
    doneAt: timestampSchema.nullable().describe('when last completed; null = not yet'),
    createdAt: timestampSchema.optional().describe('creation (server time); optional, a client may leave it out'),
    nextReminderAt: timestampSchema.nullable().optional().describe('when the next reminder is due, kept by functions from schedule, remindAt and the owner\'s timezone; null = none'),
  })
  .strict();
export type Task = z.infer<typeof taskSchema>;

// ---------------------------------------------------------------------------------------------------------
// users/{uid}/assessments/{id}
// ---------------------------------------------------------------------------------------------------------

const answer = z.int().min(0).max(3);

/** How a result compares with the previous one of the same instrument. */
export const TREND_DIRECTIONS = ['improved', 'stable', 'worsened'] as const;
export type TrendDirection = (typeof TREND_DIRECTIONS)[number];

export const assessmentTrendSchema = z
  .object({
    previousId: idSchema.describe('the previous assessment of the same instrument'),
    previousScore: z.int().min(0).max(27).describe('its total'),
    delta: z.int().min(-27).max(27).describe('this total minus the previous total'),
    direction: z.enum(TREND_DIRECTIONS).describe('improved / worsened when the change reaches the instrument\'s threshold (PHQ-9 5, GAD-7 4), else stable'),
  })
  .strict();
export type AssessmentTrend = z.infer<typeof assessmentTrendSchema>;
const assessmentResults = {
  severity: z.enum(SEVERITIES).optional().describe('severity band, written by functions'),
  flags: z.array(z.enum(ASSESSMENT_FLAGS)).max(ASSESSMENT_FLAGS.length).optional().describe('flags, written by functions'),
  trend: assessmentTrendSchema.nullable().optional().describe('change against the previous result of the same instrument, written by functions; null = first one'),
  scoredAt: timestampSchema.optional().describe('when functions scored it'),
  orgId: orgIdSchema.optional().describe('the owner\'s org, written by functions with the result; the analytics rollup counts assessments by it'),
  createdAt: timestampSchema.optional().describe('when the student submitted it (server time); optional, a client may leave it out: functions then write the document\'s create time with the result'),
};

export const phq9AssessmentSchema = z
  .object({
    instrument: z.literal('phq9').describe('PHQ-9 (depression)'),
    answers: z.array(answer).length(INSTRUMENT_ITEMS.phq9).describe('9 answers, each an integer 0–3, in item order'),
    score: z.int().min(0).max(27).optional().describe('total 0–27, written by functions'),
    ...assessmentResults,
  })
  .strict();

export const gad7AssessmentSchema = z
  .object({
    instrument: z.literal('gad7').describe('GAD-7 (anxiety)'),
    answers: z.array(answer).length(INSTRUMENT_ITEMS.gad7).describe('7 answers, each an integer 0–3, in item order'),
    score: z.int().min(0).max(21).optional().describe('total 0–21, written by functions'),
    ...assessmentResults,
  })
  .strict();

export const assessmentSchema = z.discriminatedUnion('instrument', [phq9AssessmentSchema, gad7AssessmentSchema]);
export type Assessment = z.infer<typeof assessmentSchema>;

// ---------------------------------------------------------------------------------------------------------
// users/{uid}/notifications/{id}, favorites/{resourceId}, wellbeing/{day}
// ---------------------------------------------------------------------------------------------------------

export const notificationSchema = z
  .object({
    type: z.enum(NOTIFICATION_TYPES).describe('what the notification is about'),
    title: z.string().min(1).max(200).describe('headline in the recipient\'s language'),
    body: z.string().max(1000).describe('text in the recipient\'s language; never another student\'s words'),
    link: z.string().max(512).nullable().describe('in-app route or document path to open, e.g. riskEvents/{id}; null = none'),
    createdAt: timestampSchema.describe('creation (server time)'),
    readAt: timestampSchema.nullable().describe('when the owner read it; the only field the owner sets'),
    expireAt: timestampSchema.optional().describe('TTL: deleted after this time'),
  })
  .strict();
export type Notification = z.infer<typeof notificationSchema>;

export const favoriteSchema = z
  .object({
    resourceId: idSchema.optional().describe('the saved resource (equals the document id, which names it anyway)'),
    createdAt: timestampSchema.optional().describe('when saved (server time)'),
  })
  .strict();
export type Favorite = z.infer<typeof favoriteSchema>;

export const wellbeingInputsSchema = z
  .object({
    moodAvg: z.number().min(1).max(5).nullable().describe('average mood that day; null = no mood entry'),
    sleepHours: z.number().min(0).max(24).nullable().describe('hours slept; null = no sleep entry'),
    sleepQuality: z.number().min(1).max(10).nullable().describe('sleep quality; null = no sleep entry'),
    journalCount: z.int().min(0).describe('journal entries that day'),
    gratitudeCount: z.int().min(0).describe('gratitude entries that day'),
    breathingMinutes: z.number().min(0).describe('minutes of breathing exercise that day'),
    tasksDone: z.int().min(0).describe('tasks completed that day'),
  })
  .strict();

export const wellbeingSchema = z
  .object({
    day: daySchema.describe('local day (student timezone); equals the document id'),
    score: z.int().min(0).max(100).describe('daily well-being score 0–100'),
    inputs: wellbeingInputsSchema.describe('what the score was computed from'),
    updatedAt: timestampSchema.describe('last recomputation'),
    orgId: orgIdSchema.optional().describe('the owner\'s org at the last recomputation; the analytics rollup counts active students by it'),
    analytics: z
      .boolean()
      .optional()
      .describe('counted as an active student by the analytics rollup: the owner was a student with consent.analytics at the last recomputation'),
  })
  .strict();
export type Wellbeing = z.infer<typeof wellbeingSchema>;

// ---------------------------------------------------------------------------------------------------------
// chats/{chatId}, chats/{chatId}/messages/{msgId}
// ---------------------------------------------------------------------------------------------------------

export const chatSchema = z
  .object({
    kind: z.enum(CHAT_KINDS).describe('bot (Bestie) or counselor chat'),
    studentUid: uidSchema.describe('the student'),
    counselorUid: uidSchema.optional().describe('the counselor (counselor chats only)'),
    orgId: orgIdSchema.optional().describe('the student\'s org'),
    bookingId: idSchema.optional().describe('booking the counselor chat belongs to'),
    status: z.enum(CHAT_STATUSES).describe('open or closed'),
    createdAt: timestampSchema.describe('creation (server time)'),
    lastMessageAt: timestampSchema.describe('time of the latest message'),
    closedAt: timestampSchema.optional().describe('when closed'),
    summary: encryptedFieldSchema.optional().describe('encrypted session summary, written by functions when the chat closes'),
  })
  .strict()
  .refine((c) => c.kind === 'counselor' || c.counselorUid === undefined, {
    message: 'only counselor chats have a counselorUid',
    path: ['counselorUid'],
  });
export type Chat = z.infer<typeof chatSchema>;

/** Longest chat message. */
export const MESSAGE_TEXT_MAX = 2000;

export const messageSchema = z
  .object({
    authorUid: uidSchema.describe('uid of the writer; "bot" for Bestie'),
    sender: z.enum(MESSAGE_SENDERS).describe('student, bot or counselor; must match the author\'s role'),
    text: z.string().min(1).max(MESSAGE_TEXT_MAX).describe('message text, 1–2000 chars'),
    createdAt: timestampSchema.describe('creation (server time)'),
    agent: z.enum(BOT_AGENTS).optional().describe('Bestie agent that wrote a bot message'),
    screening: screeningSchema.optional().describe('screening verdict, written by functions'),
    expireAt: timestampSchema.optional().describe('TTL: deleted after this time (bot chats, set by functions); absent = kept'),
  })
  .strict();
export type Message = z.infer<typeof messageSchema>;

// ---------------------------------------------------------------------------------------------------------
// riskEvents/{id}
// ---------------------------------------------------------------------------------------------------------

export const riskEventSchema = z
  .object({
    orgId: orgIdSchema.describe('the student\'s org; staff of this org see the event'),
    studentUid: uidSchema.nullable().describe('the student; null after the account was deleted'),
    alias: z.string().min(1).max(60).describe('the student\'s pseudonym at the time'),
    source: z.enum(RISK_SOURCES).describe('where the signal came from'),
    sourcePath: z.string().max(512).nullable().describe('document that raised it; null after the account was deleted'),
    level: z.enum(RISK_EVENT_LEVELS).describe('moderate, high or imminent'),
    reasons: z.array(z.string().min(1).max(64)).max(20).describe('reason codes from screening'),
    excerpt: encryptedFieldSchema.nullable().describe('encrypted excerpt; read through a callable that audit-logs it'),
    status: z.enum(RISK_STATUSES).describe('open → acknowledged / escalated → resolved'),
    assignedTo: uidSchema.nullable().describe('counselor handling it'),
    ackBy: uidSchema.nullable().describe('who acknowledged it'),
    ackAt: timestampSchema.nullable().describe('when acknowledged'),
    escalationStep: z.int().min(0).describe('escalation steps taken so far (0 = initial fan-out only)'),
    nextEscalationAt: timestampSchema.nullable().describe('when the next escalation step runs; null = none pending'),
    outcome: z.enum(RISK_OUTCOMES).nullable().describe('counselor\'s label once handled'),
    createdAt: timestampSchema.describe('creation (server time)'),
    updatedAt: timestampSchema.describe('last change'),
    resolvedAt: timestampSchema.nullable().optional().describe('when resolved'),
  })
  .strict();
export type RiskEvent = z.infer<typeof riskEventSchema>;
/** Fields staff may update on a riskEvent (DESIGN.md §3); everything else is written by functions. */
export const RISK_EVENT_STAFF_WRITABLE_FIELDS = ['status', 'assignedTo', 'ackBy', 'ackAt', 'outcome'] as const;

// ---------------------------------------------------------------------------------------------------------
// counselors/{uid}, counselors/{uid}/slots/{slotId}, bookings/{id}
// ---------------------------------------------------------------------------------------------------------

export const counselorSchema = z
  .object({
    displayName: z.string().min(1).max(80).describe('name shown to students'),
    languages: z.array(languageSchema).min(1).max(LANGUAGES.length).describe('languages the counselor works in'),
    specialties: z.array(z.string().min(1).max(40)).max(20).describe('areas of focus, e.g. anxiety, academic stress'),
    bio: z.string().max(2000).describe('short public bio'),
    orgId: orgIdSchema.describe('the counselor\'s org'),
    active: z.boolean().describe('shown to students and bookable'),
    photoPath: z.string().max(512).optional().describe('Storage path of a profile photo'),
    updatedAt: timestampSchema.optional().describe('last change'),
  })
  .strict();
export type Counselor = z.infer<typeof counselorSchema>;

export const slotSchema = z
  .object({
    start: timestampSchema.describe('start time'),
    end: timestampSchema.describe('end time; after start'),
    status: z.enum(SLOT_STATUSES).describe('open → held (during booking) → booked'),
    heldBy: uidSchema.nullable().optional().describe('student holding the slot'),
    holdExpiresAt: timestampSchema.nullable().optional().describe('when a hold lapses back to open'),
    bookingId: idSchema.nullable().optional().describe('booking that holds or booked the slot'),
    createdAt: timestampSchema.optional().describe('creation (server time); optional, a client may leave it out'),
  })
  .strict()
  .refine((s) => s.end.toMillis() > s.start.toMillis(), { message: 'end must be after start', path: ['end'] });
export type Slot = z.infer<typeof slotSchema>;

export const bookingHistoryItemSchema = z
  .object({
    status: z.enum(BOOKING_STATUSES).describe('status entered'),
    at: timestampSchema.describe('when'),
    by: uidSchema.describe('who changed it'),
    note: z.string().max(500).optional().describe('optional note (e.g. reschedule reason)'),
  })
  .strict();

export const bookingSchema = z
  .object({
    studentUid: uidSchema.describe('the student'),
    counselorUid: uidSchema.describe('the counselor'),
    orgId: orgIdSchema.describe('org of both'),
    slotId: idSchema.describe('slot under counselors/{counselorUid}/slots'),
    start: timestampSchema.describe('session start (copied from the slot)'),
    end: timestampSchema.describe('session end (copied from the slot)'),
    mode: z.enum(BOOKING_MODES).describe('how the session happens'),
    status: z.enum(BOOKING_STATUSES).describe('current status'),
    reason: z.string().max(500).optional().describe('optional reason the student gives'),
    history: z.array(bookingHistoryItemSchema).max(50).describe('every status change, oldest first'),
    chatId: idSchema.optional().describe('counselor chat opened when the booking was confirmed'),
    holdExpiresAt: timestampSchema.nullable().optional().describe('while requested or rescheduled: when the slot hold lapses and expireHolds expires the booking; null once answered'),
    createdAt: timestampSchema.describe('creation (server time)'),
    updatedAt: timestampSchema.describe('last change'),
  })
  .strict();
export type Booking = z.infer<typeof bookingSchema>;

// ---------------------------------------------------------------------------------------------------------
// forumPosts/{postId}, comments, likes
// ---------------------------------------------------------------------------------------------------------

/** Why a forum item has its status: `clean` (screened, nothing found) or what hid it. */
export const MODERATION_REASONS = ['clean', 'risk', 'abuse', 'doxxing', 'reported', 'moderator'] as const;
export type ModerationReason = (typeof MODERATION_REASONS)[number];

/** Why a forum item waits in the moderation queue. */
export const REVIEW_REASONS = ['auto-hidden', 'model-unavailable', 'reported'] as const;
export type ReviewReason = (typeof REVIEW_REASONS)[number];

export const moderationSchema = z
  .object({
    level: riskLevelSchema.describe('screening level'),
    reasons: z.array(z.string().min(1).max(64)).max(20).describe('reason codes'),
    by: z.enum(SCREENING_BY).describe('screening layers used'),
    at: timestampSchema.describe('when screened'),
    decidedBy: uidSchema.nullable().optional().describe('moderator who last set the status; null = automatic'),
    decidedAt: timestampSchema.nullable().optional().describe('when a moderator decided'),
    reason: z.enum(MODERATION_REASONS).optional().describe('why the item has its status (clean, or what hid it)'),
    abuse: z.array(z.string().min(1).max(64)).max(20).optional().describe('abuse and doxxing reason codes (never the text)'),
    review: z.boolean().optional().describe('true while the item waits in the moderation queue'),
    reviewWhy: z.enum(REVIEW_REASONS).nullable().optional().describe('why it is in the queue'),
    reportCount: z.int().min(0).optional().describe('distinct users who reported it'),
    riskEventId: z.string().min(1).max(128).nullable().optional().describe('riskEvent raised by its screening'),
  })
  .strict();
export type Moderation = z.infer<typeof moderationSchema>;

export const forumPostSchema = z
  .object({
    authorUid: uidSchema.describe('the author'),
    alias: z.string().min(1).max(60).describe('author\'s pseudonym'),
    title: z.string().min(1).max(200).describe('title, 1–200 chars'),
    body: z.string().min(1).max(5000).describe('post text, 1–5000 chars'),
    tags: z.array(z.string().min(1).max(32)).max(5).describe('topic tags (≤ 5 × 32 chars)'),
    status: z.enum(POST_STATUSES).describe('created as pending; moderators and functions change it'),
    moderation: moderationSchema.optional().describe('screening and moderation record, written by functions'),
    likeCount: z.int().min(0).default(0).describe('likes, kept by functions; absent or 0 on create (absent reads as 0)'),
    commentCount: z.int().min(0).default(0).describe('visible comments, kept by functions; absent or 0 on create (absent reads as 0)'),
    createdAt: timestampSchema.describe('creation (server time)'),
    updatedAt: timestampSchema.optional().describe('last change'),
  })
  .strict();
export type ForumPost = z.infer<typeof forumPostSchema>;

export const commentSchema = z
  .object({
    authorUid: uidSchema.describe('the author'),
    alias: z.string().min(1).max(60).describe('author\'s pseudonym'),
    body: z.string().min(1).max(2000).describe('comment text, 1–2000 chars'),
    status: z.enum(POST_STATUSES).describe('created as pending; moderators and functions change it'),
    moderation: moderationSchema.optional().describe('screening and moderation record, written by functions'),
    countedVisible: z.boolean().optional().describe('functions: whether the post\'s commentCount includes this comment'),
    createdAt: timestampSchema.describe('creation (server time)'),
    updatedAt: timestampSchema.optional().describe('last change'),
  })
  .strict();
export type Comment = z.infer<typeof commentSchema>;

export const likeSchema = z
  .object({
    createdAt: timestampSchema.optional().describe('when liked (server time); the document id is the liker\'s uid, and the document itself is the like'),
  })
  .strict();
export type Like = z.infer<typeof likeSchema>;

export const likeStateSchema = z
  .object({
    counted: z.boolean().describe('whether the post\'s likeCount includes this user\'s like'),
    updatedAt: timestampSchema.describe('last change'),
  })
  .strict();
export type LikeState = z.infer<typeof likeStateSchema>;

export const FORUM_REPORT_REASONS = ['harassment', 'hate', 'doxxing', 'spam', 'self-harm', 'other'] as const;
export type ForumReportReason = (typeof FORUM_REPORT_REASONS)[number];

export const forumReportSchema = z
  .object({
    reporterUid: uidSchema.describe('who reported it'),
    postId: idSchema.describe('the post (or the post of the comment)'),
    commentId: idSchema.nullable().describe('the comment; null = the post itself'),
    reason: z.enum(FORUM_REPORT_REASONS).describe('what the reporter saw'),
    note: z.string().max(500).optional().describe('reporter\'s note, ≤ 500 chars; read only by moderators'),
    createdAt: timestampSchema.describe('when reported'),
  })
  .strict();
export type ForumReport = z.infer<typeof forumReportSchema>;

// ---------------------------------------------------------------------------------------------------------
// peerSessions/{id} and its subcollections
// ---------------------------------------------------------------------------------------------------------

export const peerSessionSchema = z
  .object({
    title: z.string().min(1).max(120).describe('title, 1–120 chars'),
    description: z.string().max(2000).optional().describe('what the circle is about'),
    category: z.string().min(1).max(40).describe('topic, e.g. exam-stress'),
    language: languageSchema.describe('language spoken'),
    orgId: orgIdSchema.optional().describe('org the circle is for; absent = open to every org'),
    scheduledAt: timestampSchema.describe('start time'),
    durationMin: z.int().min(10).max(240).describe('planned length in minutes, 10–240'),
    capacity: z.int().min(2).max(100).describe('maximum participants, 2–100 (enforced atomically on join)'),
    hostUids: z.array(uidSchema).min(1).max(5).describe('hosting volunteers (1–5)'),
    status: z.enum(PEER_SESSION_STATUSES).describe('scheduled → live → ended, or cancelled'),
    participantCount: z.int().min(0).describe('participants currently joined, kept by the join/leave callables'),
    feedbackCount: z.int().min(0).optional().describe('feedback documents received'),
    ratingSum: z.int().min(0).optional().describe('sum of feedback ratings'),
    createdBy: uidSchema.describe('volunteer or admin who created it'),
    createdAt: timestampSchema.describe('creation (server time)'),
  })
  .strict()
  .refine((p) => p.participantCount <= p.capacity, {
    message: 'participantCount must not exceed capacity',
    path: ['participantCount'],
  });
export type PeerSession = z.infer<typeof peerSessionSchema>;

export const participantSchema = z
  .object({
    alias: z.string().min(1).max(60).describe('participant\'s pseudonym'),
    joinedAt: timestampSchema.describe('when joined'),
    leftAt: timestampSchema.nullable().describe('when left; null = still in'),
    remindedFor: timestampSchema.optional().describe('functions: the start time the reminder was sent for'),
  })
  .strict();
export type Participant = z.infer<typeof participantSchema>;

export const peerJoinSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('link').describe('an audio-room link'),
      url: z.url({ protocol: /^https$/ }).max(2048).describe('https link to the audio room'),
      updatedAt: timestampSchema.describe('last change'),
    })
    .strict(),
  z
    .object({
      kind: z.literal('webrtc').describe('a WebRTC room'),
      roomId: z.string().min(1).max(256).describe('WebRTC room id'),
      updatedAt: timestampSchema.describe('last change'),
    })
    .strict(),
]);
export type PeerJoin = z.infer<typeof peerJoinSchema>;

export const feedbackSchema = z
  .object({
    rating: z.int().min(1).max(5).describe('rating 1–5'),
    notes: z.string().max(1000).optional().describe('optional notes, ≤ 1000 chars'),
    createdAt: timestampSchema.describe('creation (server time); the document id is the participant\'s uid'),
    countedAt: timestampSchema.optional().describe('functions: when the session\'s feedback totals included it'),
  })
  .strict();
export type Feedback = z.infer<typeof feedbackSchema>;

export const reportConcernSchema = z
  .object({
    participantUid: uidSchema.describe('participant the host is worried about'),
    note: z.string().min(1).max(1000).describe('what the host noticed'),
  })
  .strict();

export const peerReportSchema = z
  .object({
    authorUid: uidSchema.describe('the host writing it'),
    text: z.string().min(1).max(5000).describe('session report, 1–5000 chars'),
    attendance: z.int().min(0).optional().describe('participants who attended'),
    concerns: z.array(reportConcernSchema).max(50).describe('participants of concern; each raises a riskEvent'),
    screening: screeningSchema.optional().describe('screening verdict of the text, written by functions'),
    createdAt: timestampSchema.describe('creation (server time)'),
  })
  .strict();
export type PeerReport = z.infer<typeof peerReportSchema>;

// ---------------------------------------------------------------------------------------------------------
// resources/{id}
// ---------------------------------------------------------------------------------------------------------

const multilingual = (max: number, what: string) =>
  z
    .object({
      en: z.string().min(1).max(max).describe(`${what} in English (required)`),
      hi: z.string().min(1).max(max).optional().describe(`${what} in Hindi`),
      ne: z.string().min(1).max(max).optional().describe(`${what} in Nepali`),
    })
    .strict();

export const resourceSchema = z
  .object({
    title: multilingual(200, 'title').describe('title per language'),
    body: multilingual(20000, 'body').describe('text per language (Markdown)'),
    type: z.enum(RESOURCE_TYPES).optional().describe('what kind of resource'),
    category: z.string().min(1).max(40).describe('e.g. sleep, anxiety, exams'),
    tags: z.array(z.string().min(1).max(32)).max(10).describe('search tags'),
    url: z.url({ protocol: /^https$/ }).max(2048).nullable().describe('external https link; null = none'),
    mediaPath: z.string().max(512).nullable().describe('Storage path under resources/{id}/; null = none'),
    viewCount: z.int().min(0).describe('views, kept by functions'),
    createdAt: timestampSchema.optional().describe('creation (server time)'),
    updatedAt: timestampSchema.optional().describe('last change (server time)'),
  })
  .strict();
export type Resource = z.infer<typeof resourceSchema>;

// ---------------------------------------------------------------------------------------------------------
// Escalation policy (config/app and org overrides)
// ---------------------------------------------------------------------------------------------------------

export const escalationStepSchema = z
  .object({
    afterMinutes: z.int().min(1).max(1440).describe('minutes without acknowledgement before this step'),
    target: z.enum(ESCALATION_TARGETS).describe('who is notified'),
    channels: z.array(z.enum(DELIVERY_CHANNELS)).min(1).max(DELIVERY_CHANNELS.length).describe('channels used'),
  })
  .strict();

export const escalationPolicySchema = z
  .object({
    steps: z.array(escalationStepSchema).min(1).max(10).describe('re-escalation steps; the last repeats until acknowledged'),
    urgentLevels: z.array(z.enum(RISK_EVENT_LEVELS)).max(3).describe('levels that also get SMS/email at once'),
    repeatEveryMinutes: z.int().min(5).max(1440).describe('after the last step, repeat it this often until acknowledged'),
  })
  .strict();
export type EscalationPolicy = z.infer<typeof escalationPolicySchema>;

export const DEFAULT_ESCALATION_POLICY: EscalationPolicy = {
  steps: [
    { afterMinutes: 10, target: 'next-on-call', channels: ['push', 'inapp'] },
    { afterMinutes: 20, target: 'admins', channels: ['push', 'inapp'] },
    { afterMinutes: 30, target: 'on-call', channels: ['sms', 'email'] },
  ],
  urgentLevels: ['imminent'],
  repeatEveryMinutes: 30,
};

// ---------------------------------------------------------------------------------------------------------
// orgs/{orgId}
// ---------------------------------------------------------------------------------------------------------

export const countryCodeSchema = z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as IN');

export const orgSchema = z
  .object({
    name: z.string().min(1).max(120).describe('institution name'),
    country: countryCodeSchema.describe('ISO country code (IN, NP); picks the helplines'),
    timezone: timezoneSchema.describe('IANA timezone; default for new students and the morning summary'),
    onCall: z.array(uidSchema).max(50).describe('counselor uids alerted first, in order'),
    escalation: escalationPolicySchema.partial().optional().describe('overrides of config/app escalation policy'),
    createdAt: timestampSchema.optional().describe('creation'),
    updatedAt: timestampSchema.optional().describe('last change'),
  })
  .strict();
export type Org = z.infer<typeof orgSchema>;

// ---------------------------------------------------------------------------------------------------------
// config/app
// ---------------------------------------------------------------------------------------------------------

export const helplineSchema = z
  .object({
    name: z.string().min(1).max(120).describe('service name'),
    phone: z.string().min(1).max(32).describe('number to call'),
    hours: z.string().max(60).optional().describe('availability, e.g. 24x7'),
    languages: z.array(languageSchema).max(LANGUAGES.length).optional().describe('languages served'),
    emergency: z.boolean().optional().describe('an emergency number (police, ambulance)'),
  })
  .strict();
export type Helpline = z.infer<typeof helplineSchema>;

export const rateLimitSchema = z
  .object({
    limit: z.int().min(1).max(100000).describe('actions allowed per window'),
    windowSec: z.int().min(1).max(86400).describe('window length in seconds'),
  })
  .strict();
export type RateLimit = z.infer<typeof rateLimitSchema>;

export const DEFAULT_FEATURE_FLAGS = {
  enforceAppCheck: false,
  modelScreening: true,
  modelReplies: true,
  forum: true,
  peerCircles: true,
  booking: true,
};

export const DEFAULT_HELPLINES: Record<string, Helpline[]> = {
  IN: [
    { name: 'Tele-MANAS', phone: '14416', hours: '24x7', languages: ['en', 'hi'] },
    { name: 'Tele-MANAS (toll-free)', phone: '1-800-891-4416', hours: '24x7', languages: ['en', 'hi'] },
    { name: 'Emergency', phone: '112', hours: '24x7', emergency: true },
  ],
  NP: [{ name: 'Mental health helpline', phone: '1166', hours: '24x7', languages: ['ne', 'en'] }],
};

export const DEFAULT_RATE_LIMITS = {
  chatMessages: { limit: 30, windowSec: 300 },
  forumPosts: { limit: 5, windowSec: 86400 },
  forumComments: { limit: 30, windowSec: 3600 },
};

/** Smallest count analytics ever shows (DESIGN.md §4.6). */
export const DEFAULT_MIN_CELL_SIZE = 11;

export const DEFAULT_MODEL_BUDGET = { dailyCallsPerOrg: 2000 };

/** Counselor booking: how long a request holds a slot, and how late a student may still cancel. */
export const DEFAULT_BOOKING_SETTINGS = { holdMinutes: 120, cancelCutoffMinutes: 120 };

export const appConfigSchema = z
  .object({
    flags: z
      .object({
        enforceAppCheck: z.boolean().describe('callables reject requests without App Check (off in the emulators)'),
        modelScreening: z.boolean().describe('layer-2 (Gemini) screening on'),
        modelReplies: z.boolean().describe('Bestie uses the model (otherwise local replies)'),
        forum: z.boolean().describe('forum enabled'),
        peerCircles: z.boolean().describe('peer circles enabled'),
        booking: z.boolean().describe('counselor booking enabled'),
      })
      .strict()
      .default(DEFAULT_FEATURE_FLAGS)
      .describe('feature flags'),
    helplines: z
      .record(countryCodeSchema, z.array(helplineSchema).min(1).max(10))
      .default(DEFAULT_HELPLINES)
      .describe('helplines per country code, shown in crisis replies'),
    escalation: escalationPolicySchema.default(DEFAULT_ESCALATION_POLICY).describe('escalation policy (orgs may override)'),
    analytics: z
      .object({
        minCellSize: z.int().min(2).max(1000).describe('cells below this are suppressed'),
      })
      .strict()
      .default({ minCellSize: DEFAULT_MIN_CELL_SIZE })
      .describe('analytics settings'),
    rateLimits: z
      .object({
        chatMessages: rateLimitSchema.describe('chat messages per student'),
        forumPosts: rateLimitSchema.describe('forum posts per student'),
        forumComments: rateLimitSchema.describe('forum comments per student'),
      })
      .strict()
      .default(DEFAULT_RATE_LIMITS)
      .describe('per-student rate limits'),
    modelBudget: z
      .object({
        dailyCallsPerOrg: z.int().min(0).describe('model calls per org per day; 0 = never call the model'),
      })
      .strict()
      .default(DEFAULT_MODEL_BUDGET)
      .describe('model cost control'),
    booking: z
      .object({
        holdMinutes: z.int().min(5).max(10080).describe('minutes a requested (or rescheduled) booking holds its slot before expireHolds releases it'),
        cancelCutoffMinutes: z.int().min(0).max(10080).describe('a student cannot cancel a confirmed session less than this many minutes before its start'),
      })
      .strict()
      .default(DEFAULT_BOOKING_SETTINGS)
      .describe('counselor booking settings'),
    updatedAt: timestampSchema.optional().describe('last change'),
    updatedBy: uidSchema.optional().describe('admin who changed it last'),
  })
  .strict();
export type AppConfig = z.infer<typeof appConfigSchema>;

// ---------------------------------------------------------------------------------------------------------
// analytics/{orgId}/daily/{day}
// ---------------------------------------------------------------------------------------------------------

const cell = (what: string) => z.int().min(0).nullable().describe(`${what}; null = suppressed (below min cell size or derivable)`);

export const analyticsDailySchema = z
  .object({
    orgId: orgIdSchema.describe('the org'),
    day: daySchema.describe('day in the org timezone; equals the document id'),
    minCellSize: z.int().min(2).describe('suppression threshold used'),
    activeStudents: cell('students with any activity'),
    entries: z
      .object({
        mood: cell('mood entries'),
        journal: cell('journal entries'),
        gratitude: cell('gratitude entries'),
        sleep: cell('sleep entries'),
        breathing: cell('breathing sessions'),
      })
      .strict()
      .describe('entries by kind'),
    assessments: z
      .object({
        phq9: z
          .object({
            minimal: cell('PHQ-9 0–4'),
            mild: cell('PHQ-9 5–9'),
            moderate: cell('PHQ-9 10–14'),
            'moderately-severe': cell('PHQ-9 15–19'),
            severe: cell('PHQ-9 20–27'),
          })
          .strict()
          .describe('PHQ-9 by severity band'),
        gad7: z
          .object({
            minimal: cell('GAD-7 0–4'),
            mild: cell('GAD-7 5–9'),
            moderate: cell('GAD-7 10–14'),
            severe: cell('GAD-7 15–21'),
          })
          .strict()
          .describe('GAD-7 by severity band'),
      })
      .strict()
      .describe('assessments by band'),
    chats: z
      .object({ bot: cell('bot chats started'), counselor: cell('counselor chats started') })
      .strict()
      .describe('chats by kind'),
    riskEvents: z
      .object({
        moderate: cell('moderate events'),
        high: cell('high events'),
        imminent: cell('imminent events'),
        ackMedianMin: z.number().min(0).nullable().describe('median minutes to acknowledgement; null = suppressed or none'),
        ackP90Min: z.number().min(0).nullable().optional().describe('90th percentile of minutes to acknowledgement; null = suppressed or none'),
        screenerPrecision: z.number().min(0).max(1).nullable().optional().describe('true positives / (true + false positives) among events counselors labelled; null = too few labels'),
      })
      .strict()
      .describe('risk events by level and time to acknowledgement'),
    bookings: z
      .record(z.enum(BOOKING_STATUSES), cell('bookings in that status'))
      .describe('bookings by status'),
    peer: z
      .object({
        sessions: cell('peer circles held'),
        attendance: cell('participants'),
        ratingAvg: z.number().min(1).max(5).nullable().describe('average rating; null = suppressed or none'),
      })
      .strict()
      .describe('peer-circle attendance and ratings'),
    totals: z
      .object({
        entries: cell('all entries'),
        phq9: cell('all PHQ-9 results'),
        gad7: cell('all GAD-7 results'),
        chats: cell('all chats started'),
        riskEvents: cell('all risk events'),
        bookings: cell('all bookings'),
      })
      .strict()
      .optional()
      .describe('group totals; cells that could be worked out from a total are suppressed too'),
    generatedAt: timestampSchema.describe('when the rollup ran'),
  })
  .strict();
export type AnalyticsDaily = z.infer<typeof analyticsDailySchema>;
