/**
 * Every document type of DESIGN.md §3 in one list: its path template, schema, purpose and who may read
 * or write it. The data-model reference (docs/data-model.md) is generated from this list, and tests walk
 * it to check each schema. Pure data.
 */
import type { z } from 'zod';
import * as s from './schemas';

export interface DocumentSpec {
  /** Short key, also the heading anchor in the docs. */
  key: string;
  /** Path template with `{placeholders}`, as in DESIGN.md §3. */
  path: string;
  schema: z.ZodType<Record<string, unknown>>;
  /** What the document is. */
  what: string;
  /** Client access per DESIGN.md §3 (O owner, F functions only, S staff of the same org). */
  access: string;
  /** Cross-field rules the table cannot show. */
  notes?: readonly string[];
}

export const DOCUMENTS: readonly DocumentSpec[] = [
  {
    key: 'user',
    path: 'users/{uid}',
    schema: s.userProfileSchema,
    what: 'A person\'s profile: pseudonym, role and org (mirrors of the claims), preferences, consent, streak and counts.',
    access: 'Owner reads and updates only language, timezone, prefs, consent. Staff (counselor, admin) of the org read. Create and delete: functions.',
  },
  {
    key: 'contact',
    path: 'users/{uid}/private/contact',
    schema: s.privateContactSchema,
    what: 'Email and phone for alerts the student opted into, stored encrypted (AES-256-GCM).',
    access: 'Owner writes; functions read; nobody else.',
    notes: [
      'Clients hold no encryption key. The owner either calls setAlertContact (validates, encrypts, writes) or writes `email` / `phone` here directly as plaintext strings (or null to clear; the rules check the shape, and nobody, the owner included, reads the document back); onAlertContactWritten then encrypts every plaintext value in place and leaves encrypted values alone. This schema is the sealed document functions read.',
    ],
  },
  {
    key: 'safetyPlan',
    path: 'users/{uid}/private/safetyPlan',
    schema: s.safetyPlanSchema,
    what: 'The student\'s safety plan: warning signs, coping steps, reasons for living, trusted contacts.',
    access: 'Owner only.',
  },
  {
    key: 'device',
    path: 'users/{uid}/devices/{deviceId}',
    schema: s.deviceSchema,
    what: 'An FCM push token of one of the owner\'s devices.',
    access: 'Owner only (functions read to send pushes).',
  },
  {
    key: 'entry',
    path: 'users/{uid}/entries/{entryId}',
    schema: s.entrySchema,
    what: 'A self-care entry; the fields depend on `kind`.',
    access: 'Owner creates, reads, updates (not kind or createdAt) and deletes; nobody else.',
    notes: ['createdAt is the server time of the create request.'],
  },
  {
    key: 'task',
    path: 'users/{uid}/tasks/{taskId}',
    schema: s.taskSchema,
    what: 'A well-being task with an optional reminder.',
    access: 'Owner create, read, update, delete.',
  },
  {
    key: 'assessment',
    path: 'users/{uid}/assessments/{id}',
    schema: s.assessmentSchema,
    what: 'A PHQ-9 or GAD-7 questionnaire; the fields depend on `instrument`.',
    access: 'Owner creates (instrument, answers, createdAt only) and reads; functions write score, severity, flags, scoredAt.',
    notes: ['PHQ-9 item 9 above 0 raises a riskEvent regardless of the total.'],
  },
  {
    key: 'notification',
    path: 'users/{uid}/notifications/{id}',
    schema: s.notificationSchema,
    what: 'An in-app notification.',
    access: 'Owner reads and sets readAt only; functions create.',
  },
  {
    key: 'favorite',
    path: 'users/{uid}/favorites/{resourceId}',
    schema: s.favoriteSchema,
    what: 'A saved resource.',
    access: 'Owner create, read, update, delete.',
  },
  {
    key: 'wellbeing',
    path: 'users/{uid}/wellbeing/{yyyy-mm-dd}',
    schema: s.wellbeingSchema,
    what: 'The daily well-being score and its inputs.',
    access: 'Owner reads; functions write.',
  },
  {
    key: 'chat',
    path: 'chats/{chatId}',
    schema: s.chatSchema,
    what: 'A conversation with Bestie (bot) or a counselor.',
    access: 'Participants read; the student creates bot chats; counselor chats are created by functions and counselor flows.',
    notes: ['Only counselor chats carry counselorUid.'],
  },
  {
    key: 'message',
    path: 'chats/{chatId}/messages/{msgId}',
    schema: s.messageSchema,
    what: 'One chat message.',
    access: 'Participants read; a participant creates own messages (sender must match role); bot messages are written by functions; immutable.',
  },
  {
    key: 'riskEvent',
    path: 'riskEvents/{id}',
    schema: s.riskEventSchema,
    what: 'A risk alert raised by screening, an assessment or a host report.',
    access: 'Staff (counselor, admin) of the org read and update only status, assignedTo, ackBy, ackAt, outcome; functions create.',
    notes: ['The excerpt is only readable through a callable that audit-logs the access.'],
  },
  {
    key: 'counselor',
    path: 'counselors/{uid}',
    schema: s.counselorSchema,
    what: 'A counselor\'s public profile.',
    access: 'Signed-in users of the org read; the counselor edits own; admin manages.',
  },
  {
    key: 'slot',
    path: 'counselors/{uid}/slots/{slotId}',
    schema: s.slotSchema,
    what: 'A bookable time slot.',
    access: 'Org users read; the counselor creates and deletes own open slots; booking changes go through callables.',
    notes: ['end is after start.'],
  },
  {
    key: 'booking',
    path: 'bookings/{id}',
    schema: s.bookingSchema,
    what: 'A session booked with a counselor.',
    access: 'The student and counselor of the booking read; all writes go through callables.',
  },
  {
    key: 'forumPost',
    path: 'forumPosts/{postId}',
    schema: s.forumPostSchema,
    what: 'A forum post.',
    access: 'Signed-in users read visible posts, the author reads own; create only with status pending; moderators (volunteer, counselor, admin) set status.',
  },
  {
    key: 'comment',
    path: 'forumPosts/{postId}/comments/{id}',
    schema: s.commentSchema,
    what: 'A comment on a forum post.',
    access: 'Same as forum posts.',
  },
  {
    key: 'like',
    path: 'forumPosts/{postId}/likes/{uid}',
    schema: s.likeSchema,
    what: 'One like per user; the document id is the liker\'s uid.',
    access: 'Owner creates and deletes own.',
  },
  {
    key: 'likeState',
    path: 'forumPosts/{postId}/likeState/{uid}',
    schema: s.likeStateSchema,
    what: 'Whether the post\'s likeCount includes a user\'s like; the like trigger reconciles it with the like document, so a repeated or reordered event never counts twice.',
    access: 'Functions only.',
  },
  {
    key: 'forumReport',
    path: 'forumReports/{id}',
    schema: s.forumReportSchema,
    what: 'A user\'s report of a forum post or comment (one per user per item; the id is derived from both).',
    access: 'Functions only: written by the reportForumContent callable, read by moderators through the queue callable.',
  },
  {
    key: 'peerSession',
    path: 'peerSessions/{id}',
    schema: s.peerSessionSchema,
    what: 'A peer circle (audio group) hosted by volunteers.',
    access: 'Signed-in users read; volunteers and admins create and manage.',
    notes: ['participantCount never exceeds capacity.'],
  },
  {
    key: 'participant',
    path: 'peerSessions/{id}/participants/{uid}',
    schema: s.participantSchema,
    what: 'A participant of a peer circle.',
    access: 'Written by the join/leave callables (capacity enforced atomically); a participant reads own, hosts read all.',
  },
  {
    key: 'peerJoin',
    path: 'peerSessions/{id}/private/join',
    schema: s.peerJoinSchema,
    what: 'How to join the audio room; the fields depend on `kind`.',
    access: 'Participants and hosts only.',
  },
  {
    key: 'feedback',
    path: 'peerSessions/{id}/feedback/{uid}',
    schema: s.feedbackSchema,
    what: 'A participant\'s feedback on a peer circle.',
    access: 'A participant, once; hosts and admins read.',
  },
  {
    key: 'peerReport',
    path: 'peerSessions/{id}/reports/{reportId}',
    schema: s.peerReportSchema,
    what: 'A host\'s session report.',
    access: 'Hosts write; staff read. A concern about a participant raises a riskEvent.',
  },
  {
    key: 'resource',
    path: 'resources/{id}',
    schema: s.resourceSchema,
    what: 'A self-help resource in several languages.',
    access: 'Signed-in users read; admin writes.',
  },
  {
    key: 'org',
    path: 'orgs/{orgId}',
    schema: s.orgSchema,
    what: 'An institution.',
    access: 'Org members read public fields; admin writes.',
  },
  {
    key: 'appConfig',
    path: 'config/app',
    schema: s.appConfigSchema,
    what: 'App-wide settings: feature flags, helplines, escalation policy, analytics, rate limits, model budget.',
    access: 'Signed-in users read; admin writes.',
    notes: ['Missing sections read as their defaults.'],
  },
  {
    key: 'delivery',
    path: 'deliveries/{id}',
    schema: s.deliverySchema,
    what: 'One push, SMS, email or in-app delivery attempt record.',
    access: 'Functions only; admins read.',
  },
  {
    key: 'auditLog',
    path: 'auditLogs/{id}',
    schema: s.auditLogSchema,
    what: 'An audited action: role changes, risk-detail access, exports, deletions.',
    access: 'Functions create; admin reads; no update or delete.',
  },
  {
    key: 'analyticsDaily',
    path: 'analytics/{orgId}/daily/{yyyy-mm-dd}',
    schema: s.analyticsDailySchema,
    what: 'Anonymised nightly rollup for one org and day; no user ids.',
    access: 'Staff (counselor, admin) of the org read; functions write.',
  },
];
