/**
 * Peer circles' Firestore I/O behind one interface (Firestore implementation in firestore-store.ts, in-memory
 * fake in test/support/connect-community-fakes.ts). Reads are parsed with the model's schemas; times cross
 * the interface as epoch milliseconds. Join and leave are transactions: the plan is made from what the
 * transaction read, so capacity holds and participantCount stays exact under any number of concurrent calls.
 */
import type { Participant, PeerReport, PeerSession, Screening } from '../../model/schemas';
import type { JoinPlan, LeavePlan } from './logic';

export interface JoinResult {
  plan: JoinPlan;
  participantCount: number;
}

export interface LeaveResult {
  plan: LeavePlan;
  participantCount: number;
}

export interface ScreeningWrite {
  level: Screening['level'];
  reasons: string[];
  by: Screening['by'];
  /** Epoch ms. */
  at: number;
}

export interface CirclesStore {
  /** 1 read. */
  session(sessionId: string): Promise<PeerSession | null>;
  /** The profile's alias, or null without a profile. 1 read. */
  alias(uid: string): Promise<string | null>;
  /**
   * Reads the session and the caller's participant document, plans with `plan` (which may throw: nothing is
   * written) and writes the participation and the new participantCount. `circles/not-found` for a missing
   * session. Transaction: 2 reads, 0 or 2 writes.
   */
  join(sessionId: string, uid: string, plan: (session: PeerSession, participant: Participant | null) => JoinPlan, alias: string, now: number): Promise<JoinResult>;
  /** As `join`, for leaving. Transaction: 2 reads, 0 or 2 writes. */
  leave(sessionId: string, uid: string, plan: (session: PeerSession, participant: Participant | null) => LeavePlan, now: number): Promise<LeaveResult>;
  /** Scheduled sessions starting in (after, until], earliest first. 1 read per session. */
  sessionsStarting(after: number, until: number, limit: number): Promise<Array<{ id: string; session: PeerSession }>>;
  /** Participants still in a session. 1 read per participant. */
  currentParticipants(sessionId: string): Promise<Array<{ uid: string; participant: Participant }>>;
  /** Records the start time a participant was reminded of. 1 write. */
  markReminded(sessionId: string, uid: string, scheduledAt: number): Promise<void>;
  /**
   * Adds a feedback's rating to the session's totals once (marks the feedback counted). Transaction: 2 reads,
   * 0 or 2 writes.
   */
  countFeedback(sessionId: string, uid: string, now: number): Promise<'counted' | 'already' | 'missing'>;
  /** 1 read. */
  report(sessionId: string, reportId: string): Promise<PeerReport | null>;
  /** 1 read. */
  participant(sessionId: string, uid: string): Promise<Participant | null>;
  /** Sets the report's screening. 1 write. */
  writeReportScreening(sessionId: string, reportId: string, screening: ScreeningWrite): Promise<void>;
}
