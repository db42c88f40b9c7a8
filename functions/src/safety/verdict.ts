/**
 * How the screening layers combine into the verdict stored on a message (`screening`). The deterministic
 * level is the floor: the final level is the highest of the layers and the model never lowers it. A model
 * safety block on a student's message counts as at least `moderate`. A model failure (timeout, error, empty
 * or malformed answer, rate limit) is never read as "safe": the deterministic level stands and the verdict
 * carries the `model-pending` reason, which puts the message in the re-screening sweep's queue.
 * A deliberate skip (rate limit, budget, feature flag, no model offline) is not pending. Pure.
 */
import { z } from 'zod';
import { maxRisk, RISK_LEVELS, type RiskLevel, type ScreeningBy } from '../model/schemas';

/** What the deterministic screener says about a text. */
export interface RulesVerdict {
  level: RiskLevel;
  reasons: readonly string[];
  /** Someone else is the one in danger, not the writer (the crisis reply then speaks to a helper). */
  aboutSomeoneElse?: boolean;
}

/** The screener as the pipeline uses it (the real one lives in ./screener). */
export type DeterministicScreener = (text: string) => RulesVerdict;

/** Marks a verdict the model still has to look at (the sweep queries messages by it). */
export const PENDING_REASON = 'model-pending';
/** Replaces `model-pending` when the sweep gives up on a message (it leaves the queue). */
export const UNSCREENED_REASON = 'model-unscreened';
/** The model refused to answer on safety grounds. */
export const BLOCKED_REASON = 'model-blocked';
/** Prefix of reason codes that come from the model. */
export const MODEL_REASON_PREFIX = 'model:';
/** The model tagged the concern as someone else's. */
export const MODEL_THIRD_PARTY_REASON = `${MODEL_REASON_PREFIX}third-party`;

/** Reason codes the pipeline itself adds (not findings about the text). */
export const PROCESS_REASONS: ReadonlySet<string> = new Set([PENDING_REASON, UNSCREENED_REASON]);

/** Most reason codes stored (the schema allows 20). */
const MAX_REASONS = 20;

/** A reason code as the model must give it: short kebab-case, never free text. */
const modelReasonSchema = z.string().regex(/^[a-z][a-z0-9-]{1,40}$/);

/** The JSON the model must answer with. Unknown keys are dropped; a wrong shape is a malformed answer. */
export const modelVerdictSchema = z.object({
  level: z.enum(RISK_LEVELS),
  reasons: z.array(modelReasonSchema).max(5),
  thirdParty: z.boolean().optional(),
});
export type ModelVerdict = z.infer<typeof modelVerdictSchema>;

/** Why the model was not asked. */
export type SkipWhy = 'disabled' | 'offline' | 'rate-limited' | 'budget';
/** Why asking the model gave no verdict. */
export type FailWhy = 'timeout' | 'rate-limited' | 'unavailable' | 'malformed' | 'empty' | 'auth' | 'rejected' | 'cancelled';

export type ModelOutcome =
  | { kind: 'verdict'; verdict: ModelVerdict }
  | { kind: 'blocked'; reason: string }
  | { kind: 'failed'; why: FailWhy }
  | { kind: 'skipped'; why: SkipWhy };

export interface CombinedVerdict {
  level: RiskLevel;
  reasons: string[];
  by: ScreeningBy;
  /** True when the model failed and the sweep should ask again. */
  pending: boolean;
}

function unique(reasons: readonly string[]): string[] {
  return [...new Set(reasons)].slice(0, MAX_REASONS);
}

/** The final verdict of the deterministic layer and the model's outcome. */
export function combineVerdicts(rules: RulesVerdict, outcome: ModelOutcome): CombinedVerdict {
  const base = rules.reasons.filter((r) => !PROCESS_REASONS.has(r));
  switch (outcome.kind) {
    case 'verdict': {
      const modelReasons = outcome.verdict.reasons.map((r) => `${MODEL_REASON_PREFIX}${r}`);
      const third = outcome.verdict.thirdParty === true ? [MODEL_THIRD_PARTY_REASON] : [];
      return {
        level: maxRisk(rules.level, outcome.verdict.level),
        reasons: unique([...base, ...modelReasons, ...third]),
        by: 'rules+model',
        pending: false,
      };
    }
    case 'blocked':
      return { level: maxRisk(rules.level, 'moderate'), reasons: unique([...base, BLOCKED_REASON]), by: 'rules+model', pending: false };
    case 'failed':
      return { level: rules.level, reasons: unique([...base.slice(0, MAX_REASONS - 1), PENDING_REASON]), by: 'rules', pending: true };
    case 'skipped':
      return { level: rules.level, reasons: unique(base), by: 'rules', pending: false };
  }
}

/** The deterministic part of a stored verdict that is still pending (the model added nothing to it). */
export function rulesPartOf(stored: { level: RiskLevel; reasons: readonly string[] }): RulesVerdict {
  return { level: stored.level, reasons: stored.reasons.filter((r) => !PROCESS_REASONS.has(r)) };
}

/** The stored reasons of a message the sweep gives up on: `model-pending` becomes `model-unscreened`. */
export function abandonedReasons(reasons: readonly string[]): string[] {
  return unique([...reasons.filter((r) => r !== PENDING_REASON), UNSCREENED_REASON]);
}
