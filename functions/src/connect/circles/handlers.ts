/**
 * What the peer circles' functions do, given their dependencies:
 * - `joinPeerSession` / `leavePeerSession` (callables): a transaction each; capacity enforced, participantCount
 *   exact, joining twice is one participation, leaving twice changes nothing.
 * - `runReminders` (schedule): participants of circles starting within the hour are reminded once per start
 *   time (the participant records it; the notifier's idempotency key covers a crash in between).
 * - `handleFeedbackCreated`: adds the rating to the session's totals once.
 * - `handleReportCreated`: screens a host's report and raises a riskEvent for each participant the host is
 *   concerned about (at least `moderate`; higher when the note itself reads higher), with a deterministic id
 *   per report and participant; the screening is written last, so a re-run after a crash redoes only what is
 *   missing.
 */
import { z } from 'zod';
import { generateAlias } from '../../identity/alias';
import { paths } from '../../model/paths';
import { idSchema, type ContentLanguage } from '../../model/schemas';
import type { Caller } from '../../platform/callable';
import { hashId, logEvent } from '../../platform/log';
import { screenWithModel } from '../../safety/model-screen';
import { combineVerdicts, type ModelOutcome } from '../../safety/verdict';
import type { Notifier } from '../../safety/deps';
import type { SafetyLink } from '../forum/safety-link';
import { concernLevel, concernSourcePath, concernsByParticipant, minutesUntil, needsReminder, planJoin, planLeave, reminderKey, reminderWindow } from './logic';
import type { CirclesStore } from './repository';

export interface CirclesDeps {
  store: CirclesStore;
  safety: SafetyLink;
  notify: Notifier;
  /** Epoch ms. */
  now: () => number;
}

export const sessionInput = z.object({ sessionId: idSchema }).strict();

export async function joinPeerSession(deps: CirclesDeps, input: z.output<typeof sessionInput>, caller: Caller) {
  const alias = (await deps.store.alias(caller.uid)) ?? generateAlias(caller.uid);
  const now = deps.now();
  const result = await deps.store.join(input.sessionId, caller.uid, (session, participant) => planJoin(session, participant, caller, now), alias, now);
  logEvent('info', 'circles.join', { sessionHash: hashId(input.sessionId), result: result.plan.kind, participantCount: result.participantCount });
  return { sessionId: input.sessionId, joined: true, alreadyJoined: result.plan.kind === 'already-joined', participantCount: result.participantCount };
}

export async function leavePeerSession(deps: CirclesDeps, input: z.output<typeof sessionInput>, caller: Caller) {
  const now = deps.now();
  const result = await deps.store.leave(input.sessionId, caller.uid, (session, participant) => planLeave(session, participant, caller, now), now);
  logEvent('info', 'circles.leave', { sessionHash: hashId(input.sessionId), result: result.plan.kind, participantCount: result.participantCount });
  return { sessionId: input.sessionId, left: result.plan.kind === 'leave', participantCount: result.participantCount };
}

// ---------------------------------------------------------------------------------------------------------
// Reminders
// ---------------------------------------------------------------------------------------------------------

const REMINDER_TEXT: Record<ContentLanguage, { title: string; body: (title: string, minutes: number) => string }> = {
  en: { title: 'Your peer circle starts soon', body: (t, m) => `"${t}" starts in ${String(m)} minutes. Join from the app when it begins.` },
  hi: { title: 'आपका पीयर सर्कल जल्द शुरू होगा', body: (t, m) => `"${t}" ${String(m)} मिनट में शुरू होगा। शुरू होने पर ऐप से जुड़ें।` },
  ne: { title: 'तपाईंको पियर सर्कल छिट्टै सुरु हुँदैछ', body: (t, m) => `"${t}" ${String(m)} मिनेटमा सुरु हुन्छ। सुरु भएपछि एपबाट जोडिनुहोस्।` },
};

/** Most sessions one run looks at (the next run picks up the rest). */
export const REMINDER_PAGE = 200;

export interface ReminderRun {
  sessions: number;
  sent: number;
  failed: number;
}

export async function runReminders(deps: CirclesDeps): Promise<ReminderRun> {
  const now = deps.now();
  const window = reminderWindow(now);
  const sessions = await deps.store.sessionsStarting(window.after, window.until, REMINDER_PAGE);
  let sent = 0;
  let failed = 0;
  for (const { id, session } of sessions) {
    const start = session.scheduledAt.toMillis();
    const minutes = minutesUntil(start, now);
    const participants = (await deps.store.currentParticipants(id)).filter((p) => needsReminder(p.participant, session));
    for (const { uid } of participants) {
      try {
        await deps.notify({
          uid,
          type: 'peer-session',
          title: REMINDER_TEXT.en.title,
          body: REMINDER_TEXT.en.body(session.title, minutes),
          translations: {
            hi: { title: REMINDER_TEXT.hi.title, body: REMINDER_TEXT.hi.body(session.title, minutes) },
            ne: { title: REMINDER_TEXT.ne.title, body: REMINDER_TEXT.ne.body(session.title, minutes) },
          },
          link: paths.peerSession(id),
          channels: ['inapp', 'push'],
          respectQuietHours: true,
          idempotencyKey: reminderKey(id, uid, start),
          template: 'peer.reminder',
          sourcePath: paths.peerSession(id),
          keepDays: 7,
        });
        await deps.store.markReminded(id, uid, start);
        sent += 1;
      } catch (err) {
        failed += 1;
        logEvent('error', 'circles.reminder-failed', { sessionHash: hashId(id), participantHash: hashId(uid), errorClass: err instanceof Error ? err.name : 'unknown' });
      }
    }
  }
  logEvent('info', 'circles.reminder-run', { sessions: sessions.length, sent, failed });
  return { sessions: sessions.length, sent, failed };
}

// ---------------------------------------------------------------------------------------------------------
// Feedback and reports
// ---------------------------------------------------------------------------------------------------------

export async function handleFeedbackCreated(deps: CirclesDeps, sessionId: string, uid: string) {
  const result = await deps.store.countFeedback(sessionId, uid, deps.now());
  logEvent('info', 'circles.feedback', { sessionHash: hashId(sessionId), result });
  return result;
}

export type ReportOutcome =
  | { status: 'skipped'; why: 'missing' | 'already-screened' }
  | { status: 'screened'; level: string; riskEventIds: string[]; ignoredConcerns: number };

export async function handleReportCreated(deps: CirclesDeps, sessionId: string, reportId: string): Promise<ReportOutcome> {
  const [report, session] = await Promise.all([deps.store.report(sessionId, reportId), deps.store.session(sessionId)]);
  if (!report || !session) return { status: 'skipped', why: 'missing' };
  if (report.screening !== undefined) return { status: 'skipped', why: 'already-screened' };
  const reportPath = paths.report(sessionId, reportId);
  const byHost = session.hostUids.includes(report.authorUid);

  const rules = deps.safety.screen(report.text);
  const allowed = await deps.safety.modelAllowed(report.authorUid, null, 1);
  const outcome: ModelOutcome = allowed ? await screenWithModel(deps.safety.model, { text: report.text }) : { kind: 'skipped', why: deps.safety.model.available ? 'budget' : 'offline' };
  const verdict = combineVerdicts(rules, outcome);

  const riskEventIds: string[] = [];
  let ignoredConcerns = 0;
  for (const concern of byHost ? concernsByParticipant(report) : []) {
    const participant = await deps.store.participant(sessionId, concern.participantUid);
    if (!participant) {
      ignoredConcerns += 1;
      continue;
    }
    const noteVerdict = deps.safety.screen(concern.note);
    const level = concernLevel(noteVerdict);
    const event = await deps.safety.raiseRisk({
      source: 'peer',
      sourcePath: concernSourcePath(reportPath, concern.participantUid),
      studentUid: concern.participantUid,
      level,
      reasons: ['host-concern', ...noteVerdict.reasons],
      text: concern.note,
    });
    if (event) riskEventIds.push(event.id);
  }
  if (!byHost) ignoredConcerns = report.concerns.length;

  await deps.store.writeReportScreening(sessionId, reportId, { level: verdict.level, reasons: verdict.reasons, by: verdict.by, at: deps.now() });
  logEvent('info', 'circles.report-screened', {
    sessionHash: hashId(sessionId),
    level: verdict.level,
    concerns: report.concerns.length,
    riskEvents: riskEventIds.length,
    ignoredConcerns,
    byHost,
  });
  return { status: 'screened', level: verdict.level, riskEventIds, ignoredConcerns };
}
