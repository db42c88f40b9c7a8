/**
 * Well-being's Firestore I/O as small interfaces, one per flow (entries, assessments, reminders, summaries),
 * so the handlers run against in-memory fakes in tests and against Firestore (firestore-store.ts) in
 * production. Instants are epoch milliseconds; every document is parsed with the model's schemas.
 *
 * Reminder queries are pages over one indexed due field (`nextReminderAt`, `streakNudgeAt`) ordered by that
 * field and the document path, so a run reads the documents that are due and nothing else. A claim moves the
 * due field on only if the document has not changed since it was read (an update-time precondition, no extra
 * read): two overlapping runs can never both send the same reminder.
 */
import type {
  AppConfig,
  AssessmentTrend,
  Booking,
  Entry,
  Instrument,
  Org,
  RiskEvent,
  Task,
  UserProfile,
  Wellbeing,
} from '../model/schemas';
import type { AssessmentScore } from './assessment';
import type { WellbeingInputs } from './score';
import type { Streak } from './streak';

/** What a day's well-being document records about its owner for the analytics rollup (active students). */
export interface WellbeingOwner {
  orgId: string;
  /** The owner is a student who consented to analytics (`consent.analytics`). */
  analytics: boolean;
}

/** Profile changes an entry causes, applied atomically with marking the entry processed. */
export interface EntryEffects {
  counts: UserProfile['counts'];
  streak: Streak;
  lastActiveAt: number;
  streakNudgeAt: number | null;
}

export type ProcessEntryResult =
  | { status: 'applied' | 'already-processed'; entry: Entry; profile: UserProfile }
  | { status: 'missing-entry' | 'missing-profile' };

export interface EntryStore {
  /**
   * In one transaction: reads the entry and the profile; unless the entry is already processed, applies
   * `effects(entry, profile)` to the profile and sets the entry's `processedAt` and `orgId` (the owner's org,
   * which the analytics rollup counts entries by). An already processed entry without `orgId` gets it; an
   * entry's existing `orgId` is never changed.
   */
  processEntry(uid: string, entryId: string, effects: (entry: Entry, profile: UserProfile) => EntryEffects): Promise<ProcessEntryResult>;
  /** Entries created in `[from, to)`. */
  entriesBetween(uid: string, from: number, to: number): Promise<Entry[]>;
  /** Tasks whose `doneAt` is in `[from, to)`. */
  tasksDoneBetween(uid: string, from: number, to: number): Promise<number>;
  /** Replaces `users/{uid}/wellbeing/{day}` (with the owner's org and analytics flag, see `WellbeingOwner`). */
  saveWellbeing(uid: string, day: string, score: number, inputs: WellbeingInputs, owner: WellbeingOwner): Promise<void>;
}

export type StoredAssessment =
  | {
      valid: true;
      instrument: Instrument;
      answers: number[];
      /** The document's `createdAt` (epoch ms); null when the client left it out (the rules allow that). */
      createdAt: number | null;
      scored: boolean;
    }
  | { valid: false; issues: readonly string[] };

export interface AssessmentResult extends AssessmentScore {
  trend: AssessmentTrend | null;
}

export type NewRiskEvent = Omit<RiskEvent, 'createdAt' | 'updatedAt'>;

export interface AssessmentStore {
  /** The assessment, validated against the model schema (`valid: false` with readable issues when it is not). */
  assessment(uid: string, id: string): Promise<StoredAssessment | null>;
  /** The latest assessment of `instrument` created before `before`, other than `excludeId`. */
  previousAssessment(uid: string, instrument: Instrument, before: number, excludeId: string): Promise<{ id: string; answers: unknown } | null>;
  /**
   * Writes the result and `scoredAt`, the owner's `orgId` (what the analytics rollup counts assessments by)
   * unless it is null (no profile), and `createdAt` unless it is null (given only for a document without one,
   * so that trend queries ordered by `createdAt` include it).
   */
  saveAssessmentResult(uid: string, id: string, result: AssessmentResult, orgId: string | null, createdAt: number | null): Promise<void>;
  /** Creates `riskEvents/{id}` unless it exists. */
  createRiskEvent(id: string, event: NewRiskEvent): Promise<'created' | 'exists'>;
}

export interface ProfileStore {
  profile(uid: string): Promise<UserProfile | null>;
  org(orgId: string): Promise<Org | null>;
  /** `config/app` with its defaults (helplines, escalation…); the defaults alone when it does not exist. */
  appConfig(): Promise<AppConfig>;
}

/** A page position: the due instant and document path of the last item read. */
export interface DueCursor {
  at: number;
  path: string;
}

export interface DueProfile {
  uid: string;
  profile: UserProfile;
  /** The due instant that matched (the indexed field's value). */
  due: number;
  /** Opaque version of the document as read; a claim succeeds only against the same version. */
  version: string;
  cursor: DueCursor;
}

export interface DueTask {
  uid: string;
  taskId: string;
  task: Task;
  due: number;
  version: string;
  cursor: DueCursor;
}

export interface ReminderStore {
  /** Profiles whose `nextReminderAt` ≤ now, in due order, after `cursor`. */
  dueCheckins(now: number, limit: number, cursor: DueCursor | null): Promise<DueProfile[]>;
  /** Sets `nextReminderAt` to `next` if the profile is still at `version`; false when it changed meanwhile. */
  claimCheckin(uid: string, version: string, next: number | null): Promise<boolean>;
  /** Tasks (every user's, a collection-group query) whose `nextReminderAt` ≤ now. */
  dueTasks(now: number, limit: number, cursor: DueCursor | null): Promise<DueTask[]>;
  claimTask(uid: string, taskId: string, version: string, next: number | null): Promise<boolean>;
  /** Profiles whose `streakNudgeAt` ≤ now. */
  dueStreakNudges(now: number, limit: number, cursor: DueCursor | null): Promise<DueProfile[]>;
  /** Clears `streakNudgeAt` if the profile is still at `version`. */
  claimStreakNudge(uid: string, version: string): Promise<boolean>;
  /** Writes the profile's schedule fields (undefined fields are left as they are). */
  setProfileSchedule(uid: string, fields: { nextReminderAt?: number | null; streakNudgeAt?: number | null }): Promise<void>;
  setTaskReminder(uid: string, taskId: string, next: number | null): Promise<void>;
  tasks(uid: string): Promise<Array<{ taskId: string; task: Task }>>;
}

export interface SummaryStore {
  orgs(): Promise<Array<{ orgId: string; org: Org }>>;
  /** Uids of the org's active counselors. */
  activeCounselors(orgId: string): Promise<string[]>;
  /** Risk events of the org not yet resolved, counted per level (aggregation queries). */
  openRiskCounts(orgId: string): Promise<{ moderate: number; high: number; imminent: number }>;
  /** The counselor's bookings starting in `[from, to)`. */
  counselorBookings(counselorUid: string, from: number, to: number): Promise<Booking[]>;
  /** Students of the org who opted into the weekly reflection. */
  reflectionRecipients(orgId: string): Promise<Array<{ uid: string; profile: UserProfile }>>;
  /** Well-being days from `fromDay` to `toDay` inclusive. */
  wellbeingDays(uid: string, fromDay: string, toDay: string): Promise<Wellbeing[]>;
}

export type WellbeingStore = EntryStore & AssessmentStore & ProfileStore & ReminderStore & SummaryStore;
