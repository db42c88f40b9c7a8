/**
 * Peer circles, the pure part: who may join or leave a session and what that does to it, which sessions and
 * participants are due a reminder, the feedback totals and the concerns of a host's report. No I/O; times are
 * epoch milliseconds. Errors are `DomainError`s with stable `circles/…` codes.
 */
import { maxRisk, type Participant, type PeerReport, type PeerSession, type RiskEventLevel, type RiskLevel } from '../../model/schemas';
import type { Caller } from '../../platform/callable';
import { errors } from '../../platform/errors';
import { CONCEPTS } from '../../safety/screener';

/** What a join does: a new participation, a return after leaving, or nothing (already in). */
export type JoinPlan = { kind: 'join' } | { kind: 'rejoin' } | { kind: 'already-joined' };

/** What a leave does: the participation ends, or nothing (never joined, or already left). */
export type LeavePlan = { kind: 'leave' } | { kind: 'not-joined' };

/** Refuses a session whose org is not the caller's (a session without orgId is open to every org). */
export function assertSameOrg(session: PeerSession, caller: Caller): void {
  if (session.orgId !== undefined && session.orgId !== caller.orgId) {
    throw errors.permissionDenied('circles/other-org', 'This circle belongs to another institution.');
  }
}

/** Refuses a session that is no longer open for joining or leaving: started, live, ended or cancelled. */
export function assertOpen(session: PeerSession, now: number): void {
  if (session.status === 'cancelled') throw errors.failedPrecondition('circles/cancelled', 'This circle was cancelled.');
  if (session.status === 'ended') throw errors.failedPrecondition('circles/ended', 'This circle has ended.');
  if (session.status === 'live' || session.scheduledAt.toMillis() <= now) {
    throw errors.failedPrecondition('circles/started', 'This circle has already started.');
  }
}

/**
 * Decides a join. Hosts do not join (they already see the room); a participant who is in stays in (joining
 * twice is one participation); a free place is needed for a new or returning participant.
 */
export function planJoin(session: PeerSession, participant: Participant | null, caller: Caller, now: number): JoinPlan {
  assertSameOrg(session, caller);
  if (session.hostUids.includes(caller.uid)) {
    throw errors.failedPrecondition('circles/host', 'Hosts do not join their own circle as participants.');
  }
  if (participant && participant.leftAt === null) return { kind: 'already-joined' };
  assertOpen(session, now);
  if (session.participantCount >= session.capacity) {
    throw errors.failedPrecondition('circles/full', 'This circle is full.');
  }
  return { kind: participant ? 'rejoin' : 'join' };
}

/** Decides a leave. Leaving twice, or without having joined, changes nothing. */
export function planLeave(session: PeerSession, participant: Participant | null, caller: Caller, now: number): LeavePlan {
  assertSameOrg(session, caller);
  if (!participant || participant.leftAt !== null) return { kind: 'not-joined' };
  assertOpen(session, now);
  return { kind: 'leave' };
}

/** How far ahead of the start participants are reminded. */
export const REMINDER_LEAD_MS = 60 * 60_000;

/** The window of start times a reminder run covers: sessions starting in (now, now + lead]. */
export function reminderWindow(now: number, leadMs = REMINDER_LEAD_MS): { after: number; until: number } {
  return { after: now, until: now + leadMs };
}

/** True when a participant still in the circle has not been reminded of its current start time. */
export function needsReminder(participant: Participant, session: PeerSession): boolean {
  if (participant.leftAt !== null) return false;
  return participant.remindedFor?.toMillis() !== session.scheduledAt.toMillis();
}

/** Idempotency key of one participant's reminder for one start time (a rescheduled circle reminds again). */
export function reminderKey(sessionId: string, uid: string, scheduledAt: number): string {
  return `peer-reminder:${sessionId}:${uid}:${String(scheduledAt)}`;
}

/** Minutes until the start, rounded up, at least 1. */
export function minutesUntil(scheduledAt: number, now: number): number {
  return Math.max(1, Math.ceil((scheduledAt - now) / 60_000));
}

/** The session's feedback totals after one more feedback. */
export function addFeedback(session: PeerSession, rating: number): { feedbackCount: number; ratingSum: number } {
  return { feedbackCount: (session.feedbackCount ?? 0) + 1, ratingSum: (session.ratingSum ?? 0) + rating };
}

/** One concern per participant (notes of repeated entries joined), in the order first named. */
export function concernsByParticipant(report: PeerReport): Array<{ participantUid: string; note: string }> {
  const byUid = new Map<string, string[]>();
  for (const c of report.concerns) {
    const notes = byUid.get(c.participantUid) ?? [];
    notes.push(c.note);
    byUid.set(c.participantUid, notes);
  }
  return [...byUid].map(([participantUid, notes]) => ({ participantUid, note: notes.join('\n') }));
}

/** The riskEvent source path of a host's concern about one participant (one event per report and participant). */
export function concernSourcePath(reportPath: string, participantUid: string): string {
  return `${reportPath}#concern:${participantUid}`;
}

const LEVEL_OF_REASON: ReadonlyMap<string, RiskLevel> = (() => {
  const map = new Map<string, RiskLevel>();
  for (const info of Object.values(CONCEPTS)) map.set(info.reason, maxRisk(map.get(info.reason) ?? 'none', info.level));
  return map;
})();

/**
 * The level of a host's concern about a participant: at least `moderate` (a trained volunteer is worried),
 * and what the note's findings carry on their own. The screener lowers concerns about someone else (a note is
 * always about someone else), so the findings' own levels count here: "she said she wants to die" is high.
 */
export function concernLevel(noteVerdict: { level: RiskLevel; reasons: readonly string[] }): RiskEventLevel {
  const level = maxRisk('moderate', noteVerdict.level, ...noteVerdict.reasons.map((r) => LEVEL_OF_REASON.get(r) ?? 'none'));
  return level === 'imminent' || level === 'high' ? level : 'moderate';
}
