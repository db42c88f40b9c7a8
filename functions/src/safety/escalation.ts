/**
 * The escalation policy as a state machine, without I/O. A riskEvent starts at step 0 (the initial fan-out
 * to the org's on-call counselors: push and in-app, plus SMS and email for urgent levels). While nobody
 * acknowledges or resolves it, step n (1, 2, …) runs when its deadline passes: `policy.steps[n-1]`, then the
 * last step again every `repeatEveryMinutes`. Deadlines count from the event's creation and are paced by
 * level: with the default policy (10, 20, 30 minutes) an imminent event escalates after 3 minutes, a high one
 * after 10 and a moderate one after an hour. SMS and email are kept for high and imminent events.
 * Recipients: on-call counselors (or every active counselor when none is on call), then more counselors, then
 * admins as well.
 */
import type { DeliveryChannel, EscalationPolicy, EscalationTarget, RiskEventLevel, RiskStatus } from '../model/schemas';

/** Multiplier of the policy's minutes per level. */
export const LEVEL_PACE: Record<RiskEventLevel, number> = { imminent: 0.3, high: 1, moderate: 6 };

/** Most people one step notifies. */
export const MAX_RECIPIENTS = 50;

const MINUTE_MS = 60_000;

/** The org's overrides on top of config/app's policy. */
export function resolvePolicy(base: EscalationPolicy, override?: Partial<EscalationPolicy>): EscalationPolicy {
  return {
    steps: override?.steps ?? base.steps,
    urgentLevels: override?.urgentLevels ?? base.urgentLevels,
    repeatEveryMinutes: override?.repeatEveryMinutes ?? base.repeatEveryMinutes,
  };
}

/** Minutes after creation at which step `step` (≥ 1) is due for an event of `level`. */
export function stepOffsetMinutes(policy: EscalationPolicy, level: RiskEventLevel, step: number): number {
  if (step < 1) return 0;
  const n = policy.steps.length;
  const last = policy.steps[n - 1];
  const configured = policy.steps[step - 1];
  const raw = configured ? configured.afterMinutes : (last?.afterMinutes ?? 0) + (step - n) * policy.repeatEveryMinutes;
  return Math.max(1, Math.round(raw * LEVEL_PACE[level]));
}

export interface StepPlan {
  step: number;
  target: EscalationTarget;
  channels: DeliveryChannel[];
}

const URGENT_CHANNELS: ReadonlySet<DeliveryChannel> = new Set(['sms', 'email']);

/** Who step `step` notifies and on which channels. */
export function stepPlan(policy: EscalationPolicy, level: RiskEventLevel, step: number): StepPlan {
  if (step === 0) {
    const urgent = policy.urgentLevels.includes(level) && level !== 'moderate';
    return { step, target: 'on-call', channels: urgent ? ['push', 'inapp', 'sms', 'email'] : ['push', 'inapp'] };
  }
  const configured = policy.steps[Math.min(step, policy.steps.length) - 1];
  const target = configured?.target ?? 'on-call';
  let channels = [...new Set(configured?.channels ?? ['push', 'inapp'])];
  if (level === 'moderate') channels = channels.filter((c) => !URGENT_CHANNELS.has(c));
  return { step, target, channels: channels.length > 0 ? channels : ['push', 'inapp'] };
}

/** When step `step` is due, but never earlier than a minute after `now` (no tight loops on odd policies). */
export function dueAt(policy: EscalationPolicy, level: RiskEventLevel, createdAt: number, step: number, now: number): number {
  return Math.max(createdAt + stepOffsetMinutes(policy, level, step) * MINUTE_MS, now + MINUTE_MS);
}

/** `nextEscalationAt` of a new event. */
export function firstDeadline(policy: EscalationPolicy, level: RiskEventLevel, createdAt: number): number {
  return createdAt + stepOffsetMinutes(policy, level, 1) * MINUTE_MS;
}

export interface EscalationState {
  status: RiskStatus;
  level: RiskEventLevel;
  escalationStep: number;
  /** Epoch ms. */
  createdAt: number;
  /** Epoch ms; null = nothing pending. */
  nextEscalationAt: number | null;
}

export type EscalationDecision =
  | { action: 'none'; why: 'not-due' | 'no-deadline' }
  | { action: 'clear'; why: 'handled' }
  | ({ action: 'escalate'; nextEscalationAt: number } & StepPlan);

export function isHandled(status: RiskStatus): boolean {
  return status === 'acknowledged' || status === 'resolved';
}

export function decideEscalation(event: EscalationState, policy: EscalationPolicy, now: number): EscalationDecision {
  if (event.nextEscalationAt === null) return { action: 'none', why: 'no-deadline' };
  if (isHandled(event.status)) return { action: 'clear', why: 'handled' };
  if (event.nextEscalationAt > now) return { action: 'none', why: 'not-due' };
  const step = event.escalationStep + 1;
  return { action: 'escalate', ...stepPlan(policy, event.level, step), nextEscalationAt: dueAt(policy, event.level, event.createdAt, step + 1, now) };
}

export interface Directory {
  /** `orgs/{orgId}.onCall`, in order. */
  onCall: readonly string[];
  /** Active counselors of the org. */
  counselors: readonly string[];
  /** Admins of the org. */
  admins: readonly string[];
}

/** Which lists a target needs (so the caller only queries what it uses). */
export function directoryNeeds(target: EscalationTarget, onCallCount: number): { counselors: boolean; admins: boolean } {
  return { counselors: onCallCount === 0 || target !== 'on-call', admins: target === 'admins' };
}

export function recipientsFor(target: EscalationTarget, dir: Directory): string[] {
  const base = dir.onCall.length > 0 ? dir.onCall : dir.counselors;
  const lists = target === 'on-call' ? [base] : target === 'next-on-call' ? [base, dir.counselors] : [base, dir.counselors, dir.admins];
  return [...new Set(lists.flat())].slice(0, MAX_RECIPIENTS);
}
