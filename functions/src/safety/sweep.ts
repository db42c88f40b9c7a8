/**
 * `escalationSweep` (every minute):
 * - every riskEvent whose `nextEscalationAt` has passed and that nobody acknowledged or resolved moves to
 *   its next escalation step (notifications first, under per-step idempotency keys, then the step is
 *   recorded in a transaction that checks nobody moved the event meanwhile); a handled event just loses
 *   its deadline;
 * - student messages whose model screening failed (`model-pending`) are screened by the model again,
 *   oldest first; a verdict is written (raising or creating the riskEvent when it is higher), a new failure
 *   sends the message to the back of the queue, and after a day the sweep gives up (`model-unscreened`).
 * Each item is handled on its own: one failure is logged and does not stop the others.
 */
import { generateAlias } from '../identity/alias';
import { paths } from '../model/paths';
import type { RiskEvent } from '../model/schemas';
import { DomainError } from '../platform/errors';
import { hashId } from '../platform/log';
import type { SafetyDeps } from './deps';
import { appConfig, chatFacts, DEFAULT_TIMEZONE, orgOf, policyFor, studentOrg } from './directory';
import { decideEscalation } from './escalation';
import { safetyEvents } from './events';
import { sendStep } from './fanout';
import { screenWithModel } from './model-screen';
import { aliasNames } from './pii';
import { ensureRiskEvent, eventLevelOf } from './risk-events';
import type { StoredMessage } from './store';
import { abandonedReasons, combineVerdicts, PENDING_REASON, rulesPartOf } from './verdict';

/** Most due events handled per run. */
export const DUE_BATCH = 50;
/** Most pending messages re-screened per run. */
export const RESCREEN_BATCH = 20;
/** Messages older than this leave the re-screening queue. */
export const RESCREEN_MAX_AGE_MS = 24 * 60 * 60_000;

export interface SweepResult {
  due: number;
  escalated: number;
  cleared: number;
  rescreened: number;
  stillPending: number;
  abandoned: number;
  errors: number;
}

function failed(kind: string, err: unknown): void {
  safetyEvents.sweepItemFailed({
    kind,
    errorClass: err instanceof Error ? err.name : typeof err,
    errorCode: err instanceof DomainError ? err.code : undefined,
  });
}

async function escalateOne(deps: SafetyDeps, id: string, event: RiskEvent, now: number): Promise<'escalated' | 'cleared' | 'none'> {
  const policy = await policyFor(deps, event.orgId);
  const decision = decideEscalation(
    {
      status: event.status,
      level: event.level,
      escalationStep: event.escalationStep,
      createdAt: event.createdAt.toMillis(),
      nextEscalationAt: event.nextEscalationAt?.toMillis() ?? null,
    },
    policy,
    now,
  );
  if (decision.action === 'clear') {
    await deps.store.clearEscalation(id);
    return 'cleared';
  }
  if (decision.action !== 'escalate') return 'none';
  await sendStep(deps, { eventId: id, orgId: event.orgId, level: event.level }, decision);
  const advanced = await deps.store.advanceEscalation(id, decision.step, decision.nextEscalationAt, now);
  safetyEvents.escalated({ eventId: id, step: decision.step, target: decision.target, level: event.level, advanced });
  return advanced ? 'escalated' : 'none';
}

type RescreenResult = 'rescreened' | 'pending' | 'abandoned' | 'skipped';

/** Screens one pending message with the model again. */
export async function rescreenMessage(deps: SafetyDeps, stored: StoredMessage, now: number): Promise<RescreenResult> {
  const { chatId, msgId, message } = stored;
  const screening = message.screening;
  if (!screening || !screening.reasons.includes(PENDING_REASON)) return 'skipped';
  if (now - message.createdAt.toMillis() > RESCREEN_MAX_AGE_MS) {
    await deps.store.writeScreening(chatId, msgId, { level: screening.level, reasons: abandonedReasons(screening.reasons), by: screening.by, at: now });
    return 'abandoned';
  }
  const uid = message.authorUid;
  const [config, facts] = await Promise.all([appConfig(deps), chatFacts(deps, chatId)]);
  const orgId = facts?.orgId ?? (await studentOrg(deps, uid)) ?? undefined;
  const org = orgId !== undefined ? await orgOf(deps, orgId) : null;
  const allowed =
    config.flags.modelScreening &&
    deps.model.available &&
    orgId !== undefined &&
    (await deps.budget.take(orgId, org?.timezone ?? DEFAULT_TIMEZONE, now, config.modelBudget.dailyCallsPerOrg));
  if (!allowed) return 'pending';
  const outcome = await screenWithModel(deps.model, { text: message.text, names: aliasNames(generateAlias(uid)) });
  const verdict = combineVerdicts(rulesPartOf(screening), outcome);
  await deps.store.writeScreening(chatId, msgId, { level: verdict.level, reasons: verdict.reasons, by: verdict.by, at: now });
  safetyEvents.rescreened({ msgPathHash: hashId(`${chatId}/${msgId}`), level: verdict.level, by: verdict.by, pending: verdict.pending });
  if (verdict.pending) return 'pending';
  const level = eventLevelOf(verdict.level);
  if (level !== undefined) {
    const profile = await deps.store.profile(uid);
    await ensureRiskEvent(deps, {
      source: 'chat',
      sourcePath: paths.message(chatId, msgId),
      studentUid: uid,
      profile,
      orgId,
      level,
      reasons: verdict.reasons,
      text: message.text,
    });
  }
  return 'rescreened';
}

export async function runEscalationSweep(deps: SafetyDeps): Promise<SweepResult> {
  const now = deps.now();
  const result: SweepResult = { due: 0, escalated: 0, cleared: 0, rescreened: 0, stillPending: 0, abandoned: 0, errors: 0 };
  const due = await deps.store.dueRiskEvents(now, DUE_BATCH);
  result.due = due.length;
  for (const { id, event } of due) {
    try {
      const done = await escalateOne(deps, id, event, now);
      if (done === 'escalated') result.escalated += 1;
      if (done === 'cleared') result.cleared += 1;
    } catch (err) {
      result.errors += 1;
      failed('escalation', err);
    }
  }
  const pending = await deps.store.pendingRescreens(RESCREEN_BATCH);
  for (const stored of pending) {
    try {
      const done = await rescreenMessage(deps, stored, now);
      if (done === 'rescreened') result.rescreened += 1;
      if (done === 'pending') result.stillPending += 1;
      if (done === 'abandoned') result.abandoned += 1;
    } catch (err) {
      result.errors += 1;
      failed('rescreen', err);
    }
  }
  safetyEvents.sweepDone({
    dueCount: result.due,
    escalatedCount: result.escalated,
    clearedCount: result.cleared,
    rescreenedCount: result.rescreened,
    abandonedCount: result.abandoned,
    errorCount: result.errors,
  });
  return result;
}
