/**
 * The counselor-facing callables of the safety pipeline, as handlers (the deployed wrappers are in
 * triggers.ts):
 * - `getRiskEventDetail`: the decrypted excerpt and the chat context around it, for a counselor or admin of
 *   the event's org; the access is audit-logged before anything is decrypted;
 * - `updateRiskEvent`: acknowledge, assign, resolve with an outcome label (audit-logged with the change);
 * - `listRiskQueue`: the org's events, most severe first, then oldest first (without excerpts).
 */
import { z } from 'zod';
import { paths } from '../model/paths';
import { idSchema, type MessageSender, type RiskEvent } from '../model/schemas';
import type { Caller } from '../platform/callable';
import { decryptField } from '../platform/crypto';
import { errors } from '../platform/errors';
import type { SafetyDeps } from './deps';
import { safetyEvents } from './events';
import { excerptContext } from './ids';
import { applyAction, compareForQueue, riskEventNotFound, staffOrgOf, type UpdateRiskEventInput } from './work-queue';

/** Messages shown before and after the one that raised the event. */
export const CONTEXT_BEFORE = 5;
export const CONTEXT_AFTER = 3;

const iso = (t: { toDate(): Date } | null | undefined): string | null => (t ? t.toDate().toISOString() : null);

export interface RiskEventView {
  id: string;
  orgId: string;
  studentUid: string | null;
  alias: string;
  source: RiskEvent['source'];
  level: RiskEvent['level'];
  reasons: string[];
  status: RiskEvent['status'];
  assignedTo: string | null;
  ackBy: string | null;
  ackAt: string | null;
  escalationStep: number;
  nextEscalationAt: string | null;
  outcome: RiskEvent['outcome'];
  createdAt: string;
  resolvedAt: string | null;
}

export function viewOf(id: string, e: RiskEvent): RiskEventView {
  return {
    id,
    orgId: e.orgId,
    studentUid: e.studentUid,
    alias: e.alias,
    source: e.source,
    level: e.level,
    reasons: e.reasons,
    status: e.status,
    assignedTo: e.assignedTo,
    ackBy: e.ackBy,
    ackAt: iso(e.ackAt),
    escalationStep: e.escalationStep,
    nextEscalationAt: iso(e.nextEscalationAt),
    outcome: e.outcome,
    createdAt: e.createdAt.toDate().toISOString(),
    resolvedAt: iso(e.resolvedAt),
  };
}

export const riskEventDetailInput = z.object({ eventId: idSchema }).strict();

export interface ContextMessage {
  id: string;
  sender: MessageSender;
  text: string;
  at: string;
  /** The message that raised the event. */
  source: boolean;
}

export interface RiskEventDetail {
  event: RiskEventView;
  excerpt: string | null;
  context: ContextMessage[];
}

/** `{chatId, msgId}` when the source path names a chat message. */
export function chatMessageOf(sourcePath: string | null): { chatId: string; msgId: string } | undefined {
  const m = sourcePath === null ? null : /^chats\/([^/]+)\/messages\/([^/]+)$/.exec(sourcePath);
  return m?.[1] !== undefined && m[2] !== undefined ? { chatId: m[1], msgId: m[2] } : undefined;
}

export async function getRiskEventDetail(deps: SafetyDeps, input: z.infer<typeof riskEventDetailInput>, caller: Caller): Promise<RiskEventDetail> {
  const orgId = staffOrgOf(caller);
  const event = await deps.store.riskEvent(input.eventId);
  if (!event || event.orgId !== orgId) throw riskEventNotFound();
  await deps.store.writeAudit({
    actor: { uid: caller.uid, ...(caller.role !== undefined ? { role: caller.role } : {}), orgId },
    action: 'risk.excerpt-read',
    target: paths.riskEvent(input.eventId),
    orgId,
    meta: { level: event.level, source: event.source },
  });
  const excerpt = event.excerpt ? decryptField(deps.keyRing, event.excerpt, excerptContext(input.eventId)) : null;
  const where = chatMessageOf(event.sourcePath);
  const around = where ? await deps.store.messagesAround(where.chatId, where.msgId, CONTEXT_BEFORE, CONTEXT_AFTER) : [];
  const context = around.map((m) => ({
    id: m.msgId,
    sender: m.message.sender,
    text: m.message.text,
    at: m.message.createdAt.toDate().toISOString(),
    source: m.msgId === where?.msgId,
  }));
  safetyEvents.detailRead({ eventId: input.eventId, actor: caller.uid, contextCount: context.length });
  return { event: viewOf(input.eventId, event), excerpt, context };
}

export interface UpdateRiskEventResult {
  event: RiskEventView;
  changed: boolean;
}

export async function updateRiskEvent(deps: SafetyDeps, input: UpdateRiskEventInput, caller: Caller): Promise<UpdateRiskEventResult> {
  const orgId = staffOrgOf(caller);
  if (input.action === 'assign' && input.assignee !== null && !(await deps.store.isActiveCounselor(orgId, input.assignee))) {
    throw errors.invalidArgument('risk/bad-assignee', 'Alerts can only be assigned to an active counselor of your institution.');
  }
  const now = deps.now();
  const result = await deps.store.updateWork(
    input.eventId,
    orgId,
    (state) => applyAction(state, input, caller.uid, now),
    (event, next) => ({
      actor: { uid: caller.uid, ...(caller.role !== undefined ? { role: caller.role } : {}), orgId },
      action: 'risk.update',
      target: paths.riskEvent(input.eventId),
      orgId,
      meta: {
        action: input.action,
        from: event.status,
        to: next.status,
        ...(input.action === 'assign' ? { assignee: input.assignee } : {}),
        ...(input.action === 'resolve' ? { outcome: input.outcome } : {}),
      },
    }),
  );
  safetyEvents.riskEventUpdated({ eventId: input.eventId, actor: caller.uid, action: input.action, status: result.state.status });
  return { event: viewOf(input.eventId, result.event), changed: result.changed };
}

export const listRiskQueueInput = z
  .object({
    view: z.enum(['active', 'resolved']).default('active'),
    limit: z.int().min(1).max(200).default(100),
  })
  .strict();

export async function listRiskQueue(deps: SafetyDeps, input: z.infer<typeof listRiskQueueInput>, caller: Caller): Promise<{ events: RiskEventView[] }> {
  const orgId = staffOrgOf(caller);
  const statuses: RiskEvent['status'][] = input.view === 'active' ? ['open', 'escalated', 'acknowledged'] : ['resolved'];
  const rows = await deps.store.riskQueue(orgId, statuses, input.limit);
  const sorted = [...rows].sort((a, b) =>
    compareForQueue({ level: a.event.level, createdAt: a.event.createdAt.toMillis() }, { level: b.event.level, createdAt: b.event.createdAt.toMillis() }),
  );
  return { events: sorted.map(({ id, event }) => viewOf(id, event)) };
}
