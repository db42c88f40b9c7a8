/**
 * Creating a riskEvent for a screened document: one event per source (its id derived from the source
 * path, so a re-run finds it), the excerpt encrypted with the event path and field as context (left out,
 * with an error logged, when no key is configured: the alert matters more), the first
 * escalation deadline from the org's policy. When a later layer finds a higher level for a source that
 * already has an event, the event is raised (never lowered) and the initial fan-out runs again at the new
 * level, which adds what the higher level gets (SMS and email for imminent) without repeating what was sent.
 */
import { generateAlias } from '../identity/alias';
import { riskRank, type RiskEventLevel, type RiskLevel, type RiskSource, type UserProfile } from '../model/schemas';
import { encryptField, type EncryptedField } from '../platform/crypto';
import { DomainError } from '../platform/errors';
import type { SafetyDeps } from './deps';
import { policyFor } from './directory';
import { firstDeadline, stepPlan } from './escalation';
import { safetyEvents } from './events';
import { sendStep } from './fanout';
import { excerptContext, riskEventIdFor } from './ids';

/** Longest excerpt stored (the counselor reads it through getRiskEventDetail). */
export const EXCERPT_MAX = 1000;

export interface RiskSignal {
  source: RiskSource;
  sourcePath: string;
  studentUid: string;
  /** The student's profile when known (alias, org). */
  profile: UserProfile | null;
  /** The org when the source names it (a chat's orgId), used when there is no profile. */
  orgId: string | undefined;
  /** The student's alias when the source carries it, used when there is no profile. */
  alias?: string;
  level: RiskEventLevel;
  reasons: readonly string[];
  /** The student's words; stored encrypted. */
  text: string;
}

export interface EnsuredEvent {
  id: string;
  orgId: string;
  level: RiskEventLevel;
  created: boolean;
}

/** The level as a riskEvent level, or undefined below `moderate`. */
export function eventLevelOf(level: RiskLevel): RiskEventLevel | undefined {
  return level === 'moderate' || level === 'high' || level === 'imminent' ? level : undefined;
}

export function excerptOf(text: string): string {
  return text.length <= EXCERPT_MAX ? text : `${text.slice(0, EXCERPT_MAX - 1)}…`;
}

/**
 * The excerpt encrypted for event `id`; null when no encryption key is configured (logged as an error): the
 * alert itself must go out whatever else is missing, and the counselor still has the source path.
 */
export function sealExcerpt(deps: SafetyDeps, id: string, text: string): EncryptedField | null {
  try {
    return encryptField(deps.keyRing, excerptOf(text), excerptContext(id));
  } catch (err) {
    if (!(err instanceof DomainError && err.code === 'crypto/no-key')) throw err;
    safetyEvents.excerptNotStored({ eventId: id, errorCode: err.code });
    return null;
  }
}

/** Creates the source's riskEvent, or raises the existing one. Undefined when no org is known to alert. */
export async function ensureRiskEvent(deps: SafetyDeps, signal: RiskSignal): Promise<EnsuredEvent | undefined> {
  const orgId = signal.profile?.orgId ?? signal.orgId;
  if (orgId === undefined) {
    safetyEvents.orgUnknown({ uid: signal.studentUid });
    return undefined;
  }
  const id = riskEventIdFor(signal.sourcePath);
  const now = deps.now();
  const policy = await policyFor(deps, orgId);
  const deadline = firstDeadline(policy, signal.level, now);
  const created = await deps.store.createRiskEvent(id, {
    orgId,
    studentUid: signal.studentUid,
    alias: signal.profile?.alias ?? signal.alias ?? generateAlias(signal.studentUid),
    source: signal.source,
    sourcePath: signal.sourcePath,
    level: signal.level,
    reasons: [...signal.reasons].slice(0, 20),
    excerpt: sealExcerpt(deps, id, signal.text),
    createdAt: now,
    nextEscalationAt: deadline,
  });
  safetyEvents.riskEventCreated({ eventId: id, orgId, level: signal.level, source: signal.source, created: created === 'created' });
  if (created === 'created') return { id, orgId, level: signal.level, created: true };
  return raiseRiskEvent(deps, { id, orgId, level: signal.level, reasons: signal.reasons });
}

/** Raises an existing event to `level` if that is higher, and re-runs the initial fan-out at it. */
export async function raiseRiskEvent(
  deps: SafetyDeps,
  target: { id: string; orgId: string; level: RiskEventLevel; reasons: readonly string[] },
): Promise<EnsuredEvent | undefined> {
  const policy = await policyFor(deps, target.orgId);
  const raised = await deps.store.raiseRiskEvent(target.id, target.level, target.reasons, firstDeadline(policy, target.level, deps.now()));
  if (raised === 'missing') return undefined;
  if (!raised.raised) return { id: target.id, orgId: target.orgId, level: riskRank(raised.from) > riskRank(target.level) ? raised.from : target.level, created: false };
  safetyEvents.riskEventRaised({ eventId: target.id, from: raised.from, to: target.level });
  await sendStep(deps, { eventId: target.id, orgId: target.orgId, level: target.level }, stepPlan(policy, target.level, 0));
  return { id: target.id, orgId: target.orgId, level: target.level, created: false };
}
