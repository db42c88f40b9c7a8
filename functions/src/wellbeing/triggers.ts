/**
 * Deployed well-being functions: wiring only. Each trigger or schedule is a few lines that hand the event to a
 * handler with its dependencies; `build…` functions take the dependencies (tests pass fakes), and the exported
 * constants use the live ones, resolved on first use. `onEntryCreated` needs the safety pipeline's journal
 * screener, so it is built where that screener is available (see ./README.md).
 */
import { onDocumentCreated, onDocumentWritten, type DocumentSnapshot } from 'firebase-functions/v2/firestore';
import { onSchedule } from 'firebase-functions/v2/scheduler';
import type { z } from 'zod';
import { taskSchema, userProfileSchema } from '../model/schemas';
import { liveNotifyDeps } from '../notify/live';
import { ALL_SECRETS, REGION } from '../platform/config';
import { DomainError } from '../platform/errors';
import { db } from '../platform/firebase';
import { errorFields, logEvent } from '../platform/log';
import { formatIssues } from '../platform/validation';
import { screenJournal } from '../safety/triggers';
import { wellbeingEvents } from './events';
import { firestoreWellbeingStore } from './firestore-store';
import { handleAssessmentCreated, type AssessmentDeps } from './handle-assessments';
import { handleEntryCreated, type EntryDeps, type JournalScreener } from './handle-entries';
import { handleProfileWritten, handleTaskWritten, runReminders, runStreakCheck, type ReminderDeps, type ScheduleDeps } from './handle-reminders';
import { runDailySummaries, type SummaryDeps } from './handle-summaries';
import type { WellbeingStore } from './repository';

/** Longest a scheduled run may take (the 2nd-gen maximum for scheduled functions). */
const SCHEDULE_TIMEOUT_SECONDS = 540;

/** Cron (UTC) of each schedule: aligned to the quarter hour, so every reminder window has exactly one run. */
export const SCHEDULES = {
  sendReminders: '*/15 * * * *',
  streakCheck: '0 * * * *',
  dailySummaries: '*/15 * * * *',
} as const;

export interface WellbeingDeps extends AssessmentDeps, ReminderDeps, SummaryDeps, ScheduleDeps {
  store: WellbeingStore;
}

/** Production dependencies, resolved on first use (never at import). */
export const liveWellbeingDeps: WellbeingDeps = {
  get store() {
    return firestoreWellbeingStore(db());
  },
  get notify() {
    return liveNotifyDeps();
  },
};

/** The entry trigger's production dependencies, given the safety pipeline's journal screener. */
export function liveEntryDeps(screenJournal: JournalScreener): EntryDeps {
  return {
    get store() {
      return firestoreWellbeingStore(db());
    },
    screenJournal,
  };
}

/**
 * Runs a handler; a document that can never be processed (it fails its schema, or names an invalid path) is
 * logged and settled instead of retried forever. Anything else is rethrown, so the platform retries it.
 */
async function settle(trigger: string, run: () => Promise<unknown>): Promise<void> {
  try {
    await run();
  } catch (err) {
    if (err instanceof DomainError && (err.code === 'data/corrupt-document' || err.code === 'validation/invalid' || err.code === 'path/invalid-id')) {
      logEvent('error', 'wellbeing.trigger-gave-up', { trigger, errorCode: err.code });
      return;
    }
    const f = errorFields(err);
    logEvent('error', 'wellbeing.trigger-failed', { trigger, errorClass: f.errorClass, errorCode: f.errorCode });
    throw err;
  }
}

/** The document of one side of a change, parsed; null when absent or (logged) when it does not parse. */
function side<S extends z.ZodType>(schema: S, snap: DocumentSnapshot | undefined): z.output<S> | null {
  if (!snap?.exists) return null;
  const result = schema.safeParse(snap.data());
  if (result.success) return result.data;
  wellbeingEvents.corruptDocument({ path: snap.ref.path, issueCount: formatIssues(result.error).length });
  return null;
}

/** The event's time (epoch ms), or now when it has none. */
function eventTime(time: string | undefined): number {
  const t = time ? Date.parse(time) : NaN;
  return Number.isFinite(t) ? t : Date.now();
}

/**
 * The created document's create time (epoch ms): the event snapshot's `createTime`, else the event's time (a
 * create event's time is the write's), else now. Stable across redeliveries of the same event.
 */
function createTimeOf(snap: DocumentSnapshot | undefined, time: string | undefined): number {
  return snap?.createTime?.toMillis() ?? eventTime(time);
}

export function buildOnEntryCreated(deps: EntryDeps) {
  return onDocumentCreated({ document: 'users/{uid}/entries/{entryId}', region: REGION, secrets: ALL_SECRETS, retry: true }, (event) =>
    settle('onEntryCreated', () => handleEntryCreated(deps, event.params.uid, event.params.entryId)),
  );
}

export function buildOnAssessmentCreated(deps: AssessmentDeps) {
  return onDocumentCreated({ document: 'users/{uid}/assessments/{assessmentId}', region: REGION, secrets: ALL_SECRETS, retry: true }, (event) =>
    settle('onAssessmentCreated', () => handleAssessmentCreated(deps, event.params.uid, event.params.assessmentId, createTimeOf(event.data, event.time))),
  );
}

export function buildOnProfileWritten(deps: ScheduleDeps) {
  return onDocumentWritten({ document: 'users/{uid}', region: REGION }, (event) =>
    settle('onProfileWritten', () =>
      handleProfileWritten(deps, event.params.uid, side(userProfileSchema, event.data?.before), side(userProfileSchema, event.data?.after), eventTime(event.time)),
    ),
  );
}

export function buildOnTaskWritten(deps: ScheduleDeps) {
  return onDocumentWritten({ document: 'users/{uid}/tasks/{taskId}', region: REGION }, (event) =>
    settle('onTaskWritten', () =>
      handleTaskWritten(deps, event.params.uid, event.params.taskId, side(taskSchema, event.data?.before), side(taskSchema, event.data?.after), eventTime(event.time)),
    ),
  );
}

export function buildSendReminders(deps: ReminderDeps) {
  return onSchedule({ schedule: SCHEDULES.sendReminders, timeZone: 'UTC', region: REGION, secrets: ALL_SECRETS, timeoutSeconds: SCHEDULE_TIMEOUT_SECONDS }, async (event) => {
    await runReminders(deps, eventTime(event.scheduleTime));
  });
}

export function buildStreakCheck(deps: ReminderDeps) {
  return onSchedule({ schedule: SCHEDULES.streakCheck, timeZone: 'UTC', region: REGION, secrets: ALL_SECRETS, timeoutSeconds: SCHEDULE_TIMEOUT_SECONDS }, async (event) => {
    await runStreakCheck(deps, eventTime(event.scheduleTime));
  });
}

export function buildDailySummaries(deps: SummaryDeps) {
  return onSchedule({ schedule: SCHEDULES.dailySummaries, timeZone: 'UTC', region: REGION, secrets: ALL_SECRETS, timeoutSeconds: SCHEDULE_TIMEOUT_SECONDS }, async (event) => {
    await runDailySummaries(deps, eventTime(event.scheduleTime));
  });
}

export const onEntryCreated = buildOnEntryCreated(liveEntryDeps(screenJournal));
export const onAssessmentCreated = buildOnAssessmentCreated(liveWellbeingDeps);
export const onProfileWritten = buildOnProfileWritten(liveWellbeingDeps);
export const onTaskWritten = buildOnTaskWritten(liveWellbeingDeps);
export const sendReminders = buildSendReminders(liveWellbeingDeps);
export const streakCheck = buildStreakCheck(liveWellbeingDeps);
export const dailySummaries = buildDailySummaries(liveWellbeingDeps);
