/**
 * A new entry (`users/{uid}/entries/{entryId}`): per-kind counts, `lastActiveAt`, the streak in the student's
 * timezone and the next streak nudge, applied once (the entry's `processedAt` guards them in the same
 * transaction); then the journal text goes to the safety pipeline's screening when the student consented; then
 * the day's well-being score is recomputed from that local day's entries and completed tasks (a pure function of
 * the day, so a re-run writes the same document).
 */
import type { Entry, Language, UserProfile } from '../model/schemas';
import { paths } from '../model/paths';
import { addDays, localDay, startOfLocalDay } from '../notify/zoned-time';
import { errorFields } from '../platform/log';
import { wellbeingEvents } from './events';
import type { EntryEffects, EntryStore, WellbeingOwner } from './repository';
import { wellbeingInputs, wellbeingScore } from './score';
import { applyActivity, streakNudgeAt } from './streak';

/** What the safety pipeline needs to screen a journal entry. It records its verdict on the entry itself. */
export interface JournalScreeningRequest {
  uid: string;
  entryId: string;
  /** `users/{uid}/entries/{entryId}`. */
  entryPath: string;
  orgId: string;
  alias: string;
  language: Language;
  text: string;
}

/** The safety pipeline's journal screening, as well-being calls it. */
export type JournalScreener = (request: JournalScreeningRequest) => Promise<void>;

export interface EntryDeps {
  store: EntryStore;
  screenJournal: JournalScreener;
}

/** Pure: the profile changes one new entry causes. */
export function entryEffects(entry: Entry, profile: UserProfile): EntryEffects {
  const at = entry.createdAt.toMillis();
  const streak = applyActivity(profile.streak, localDay(at, profile.timezone));
  return {
    counts: { ...profile.counts, [entry.kind]: profile.counts[entry.kind] + 1 },
    streak,
    lastActiveAt: Math.max(profile.lastActiveAt.toMillis(), at),
    streakNudgeAt: streakNudgeAt(streak, profile.timezone, profile.prefs.quietHours),
  };
}

/**
 * Pure: what the day's document records about its owner. The analytics rollup counts a day as one active
 * student only for a student who consents to analytics (read at each recomputation).
 */
export function wellbeingOwner(profile: UserProfile): WellbeingOwner {
  return { orgId: profile.orgId, analytics: profile.role === 'student' && profile.consent.analytics };
}

/** Recomputes and stores the well-being score of local `day` (in the owner's timezone); returns the score. */
export async function recomputeDay(store: EntryStore, uid: string, day: string, profile: UserProfile): Promise<number> {
  const timeZone = profile.timezone;
  const from = startOfLocalDay(day, timeZone);
  const to = startOfLocalDay(addDays(day, 1), timeZone);
  const [entries, tasksDone] = await Promise.all([store.entriesBetween(uid, from, to), store.tasksDoneBetween(uid, from, to)]);
  const inputs = wellbeingInputs(entries, tasksDone);
  const score = wellbeingScore(inputs);
  await store.saveWellbeing(uid, day, score, inputs, wellbeingOwner(profile));
  return score;
}

export type ScreeningOutcome = 'not-journal' | 'no-consent' | 'already-screened' | 'screened' | 'failed';

export interface EntryOutcome {
  status: 'applied' | 'already-processed' | 'missing-entry' | 'missing-profile';
  screening?: ScreeningOutcome;
  day?: string;
  score?: number;
}

export async function handleEntryCreated(deps: EntryDeps, uid: string, entryId: string): Promise<EntryOutcome> {
  const processed = await deps.store.processEntry(uid, entryId, entryEffects);
  if (!('entry' in processed)) {
    wellbeingEvents.entrySkipped({ uid, status: processed.status });
    return { status: processed.status };
  }
  const { entry, profile } = processed;
  let screeningError: unknown;
  let screening: ScreeningOutcome = 'not-journal';
  if (entry.kind === 'journal') {
    if (!profile.consent.aiScreening) screening = 'no-consent';
    else if (entry.screening) screening = 'already-screened';
    else {
      try {
        await deps.screenJournal({
          uid,
          entryId,
          entryPath: paths.entry(uid, entryId),
          orgId: profile.orgId,
          alias: profile.alias,
          language: profile.language,
          text: entry.text,
        });
        screening = 'screened';
      } catch (err) {
        screening = 'failed';
        screeningError = err;
        wellbeingEvents.journalScreeningFailed({ uid, errorClass: String(errorFields(err).errorClass) });
      }
    }
  }
  const day = localDay(entry.createdAt.toMillis(), profile.timezone);
  const score = await recomputeDay(deps.store, uid, day, profile);
  const streak = processed.status === 'applied' ? entryEffects(entry, profile).streak.current : profile.streak.current;
  wellbeingEvents.entryProcessed({ uid, kind: entry.kind, status: processed.status, streak, score, screened: screening });
  // The counts and the score are saved; a failed screening still fails the run so it is retried and seen.
  if (screeningError !== undefined) throw screeningError;
  return { status: processed.status, screening, day, score };
}
