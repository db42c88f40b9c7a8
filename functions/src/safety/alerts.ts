/**
 * The initial fan-out of a new riskEvent (`onRiskEventCreated`): step 0 of the escalation policy to the
 * org's on-call counselors. When a delivery failed for a reason worth retrying, the handler throws so the
 * platform runs the trigger again with backoff; the idempotency keys make the re-run resend only what
 * failed. After `FANOUT_RETRY_WINDOW_MS` it stops retrying (the escalation sweep carries on from there).
 */
import type { RiskEvent } from '../model/schemas';
import { DomainError } from '../platform/errors';
import type { SafetyDeps } from './deps';
import { policyFor } from './directory';
import { isHandled, stepPlan } from './escalation';
import { safetyEvents } from './events';
import { sendStep, type StepResult } from './fanout';

export const FANOUT_RETRY_WINDOW_MS = 30 * 60_000;

/** Thrown to have the platform retry a fan-out in which some deliveries failed and may succeed later. */
export class FanOutIncompleteError extends DomainError {
  constructor(eventId: string, retryable: number) {
    super('safety/fan-out-incomplete', 'unavailable', `Risk alert ${eventId}: ${String(retryable)} deliveries to retry.`);
    this.name = 'FanOutIncompleteError';
  }
}

export async function handleRiskEventCreated(deps: SafetyDeps, eventId: string, event: RiskEvent, ageMs: number): Promise<StepResult | 'handled'> {
  if (isHandled(event.status)) return 'handled';
  const policy = await policyFor(deps, event.orgId);
  const result = await sendStep(deps, { eventId, orgId: event.orgId, level: event.level }, stepPlan(policy, event.level, 0));
  if (result.retryable > 0) {
    if (ageMs < FANOUT_RETRY_WINDOW_MS) throw new FanOutIncompleteError(eventId, result.retryable);
    safetyEvents.fanOutGaveUp({ eventId, ageMs, retryableCount: result.retryable });
  }
  return result;
}
