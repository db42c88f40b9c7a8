/**
 * The counselor work queue, without I/O: who may work an org's risk events (its counselors and admins),
 * the actions (acknowledge, assign, resolve with an outcome label) as pure transitions, and the queue
 * order (most severe first, then oldest first). Outcome labels are what the screener's measured precision
 * is later computed from (`screenerPrecision`).
 */
import { Timestamp } from 'firebase-admin/firestore';
import { z } from 'zod';
import type { Caller } from '../platform/callable';
import { errors } from '../platform/errors';
import {
  idSchema,
  RISK_OUTCOMES,
  riskRank,
  uidSchema,
  type RiskEvent,
  type RiskEventLevel,
  type RiskOutcome,
  type RiskStatus,
} from '../model/schemas';

/** The caller's org when they are a counselor or admin of one; otherwise `permission-denied`. */
export function staffOrgOf(caller: Caller): string {
  if ((caller.role !== 'counselor' && caller.role !== 'admin') || caller.orgId === undefined) {
    throw errors.permissionDenied('risk/not-staff', 'Only counselors and admins can work risk alerts.');
  }
  return caller.orgId;
}

/** The same answer for a missing event and another org's event, so ids cannot be probed. */
export function riskEventNotFound() {
  return errors.notFound('risk/not-found', 'No such risk alert in your institution.');
}

export const updateRiskEventInput = z.discriminatedUnion('action', [
  z.object({ eventId: idSchema, action: z.literal('acknowledge') }).strict(),
  z.object({ eventId: idSchema, action: z.literal('assign'), assignee: uidSchema.nullable() }).strict(),
  z.object({ eventId: idSchema, action: z.literal('resolve'), outcome: z.enum(RISK_OUTCOMES) }).strict(),
]);
export type UpdateRiskEventInput = z.infer<typeof updateRiskEventInput>;

/** The staff-managed part of an event, times in epoch ms. */
export interface WorkState {
  status: RiskStatus;
  assignedTo: string | null;
  ackBy: string | null;
  ackAt: number | null;
  outcome: RiskOutcome | null;
  nextEscalationAt: number | null;
  resolvedAt: number | null;
}

/** The staff-managed part of a stored event. */
export function workStateOf(e: RiskEvent): WorkState {
  return {
    status: e.status,
    assignedTo: e.assignedTo,
    ackBy: e.ackBy,
    ackAt: e.ackAt?.toMillis() ?? null,
    outcome: e.outcome,
    nextEscalationAt: e.nextEscalationAt?.toMillis() ?? null,
    resolvedAt: e.resolvedAt?.toMillis() ?? null,
  };
}

const ts = (ms: number | null): Timestamp | null => (ms === null ? null : Timestamp.fromMillis(ms));

/** The fields a work-queue change writes (the stored event with `state` applied, `updatedAt` aside). */
export function workFields(state: WorkState): Pick<RiskEvent, 'status' | 'assignedTo' | 'ackBy' | 'ackAt' | 'outcome' | 'nextEscalationAt' | 'resolvedAt'> {
  return {
    status: state.status,
    assignedTo: state.assignedTo,
    ackBy: state.ackBy,
    ackAt: ts(state.ackAt),
    outcome: state.outcome,
    nextEscalationAt: ts(state.nextEscalationAt),
    resolvedAt: ts(state.resolvedAt),
  };
}

export function sameWorkState(a: WorkState, b: WorkState): boolean {
  return (
    a.status === b.status &&
    a.assignedTo === b.assignedTo &&
    a.ackBy === b.ackBy &&
    a.ackAt === b.ackAt &&
    a.outcome === b.outcome &&
    a.nextEscalationAt === b.nextEscalationAt &&
    a.resolvedAt === b.resolvedAt
  );
}

/** The new state after `action` by `actor` at `now`; throws `failed-precondition` when it makes no sense. */
export function applyAction(state: WorkState, input: UpdateRiskEventInput, actor: string, now: number): WorkState {
  const acknowledged = (s: WorkState): WorkState =>
    s.ackBy !== null ? s : { ...s, ackBy: actor, ackAt: now };
  if (state.status === 'resolved' && input.action !== 'resolve') {
    throw errors.failedPrecondition('risk/already-resolved', 'This alert is already resolved.');
  }
  switch (input.action) {
    case 'acknowledge':
      if (state.status === 'acknowledged') return state;
      return { ...acknowledged(state), status: 'acknowledged', nextEscalationAt: null };
    case 'assign': {
      const assigned = { ...state, assignedTo: input.assignee };
      if (input.assignee === null || state.status === 'acknowledged') return assigned;
      return { ...acknowledged(assigned), status: 'acknowledged', nextEscalationAt: null };
    }
    case 'resolve':
      return {
        ...acknowledged(state),
        status: 'resolved',
        outcome: input.outcome,
        nextEscalationAt: null,
        resolvedAt: state.resolvedAt ?? now,
      };
  }
}

/** Queue order: imminent before high before moderate; within a level, the oldest first. */
export function compareForQueue(a: { level: RiskEventLevel; createdAt: number }, b: { level: RiskEventLevel; createdAt: number }): number {
  return riskRank(b.level) - riskRank(a.level) || a.createdAt - b.createdAt;
}

/** Share of labelled alerts that were real (true positives over true plus false positives); null without labels. */
export function screenerPrecision(outcomes: ReadonlyArray<RiskOutcome | null>): number | null {
  const tp = outcomes.filter((o) => o === 'true-positive').length;
  const fp = outcomes.filter((o) => o === 'false-positive').length;
  return tp + fp === 0 ? null : tp / (tp + fp);
}
