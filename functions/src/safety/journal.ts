/**
 * Screening a consented journal entry for the well-being trigger (`onEntryCreated` calls `screenJournal`).
 * The deterministic screener always runs; the model screens too when the flag is on, a model is configured
 * and the org's daily budget allows (its failure keeps the deterministic level, marked `model-pending`, never
 * "safe"). At `moderate` or above a riskEvent with source `journal` is created (its id derived from the entry
 * path, so a retried run finds it) before the verdict is written on the entry. Rerunning writes the same.
 */
import type { RiskLevel } from '../model/schemas';
import type { JournalScreener, JournalScreeningRequest } from '../wellbeing/handle-entries';
import type { SafetyDeps } from './deps';
import { appConfig, DEFAULT_TIMEZONE, orgOf } from './directory';
import { screenWithModel } from './model-screen';
import { aliasNames } from './pii';
import { ensureRiskEvent, eventLevelOf } from './risk-events';
import { combineVerdicts, type ModelOutcome } from './verdict';

export interface JournalOutcome {
  level: RiskLevel;
  riskEventId: string | undefined;
  model: ModelOutcome['kind'];
}

export async function handleJournalScreening(deps: SafetyDeps, request: JournalScreeningRequest): Promise<JournalOutcome> {
  const started = deps.now();
  const rules = deps.screen(request.text);
  const config = await appConfig(deps);
  let outcome: ModelOutcome;
  if (!config.flags.modelScreening) outcome = { kind: 'skipped', why: 'disabled' };
  else if (!deps.model.available) outcome = { kind: 'skipped', why: 'offline' };
  else {
    const org = await orgOf(deps, request.orgId);
    const allowed = await deps.budget.take(request.orgId, org?.timezone ?? DEFAULT_TIMEZONE, started, config.modelBudget.dailyCallsPerOrg, 1);
    outcome = allowed
      ? await screenWithModel(deps.model, { text: request.text, names: aliasNames(request.alias) })
      : { kind: 'skipped', why: 'budget' };
  }
  const verdict = combineVerdicts(rules, outcome);
  const eventLevel = eventLevelOf(verdict.level);
  const event =
    eventLevel === undefined
      ? undefined
      : await ensureRiskEvent(deps, {
          source: 'journal',
          sourcePath: request.entryPath,
          studentUid: request.uid,
          profile: null,
          orgId: request.orgId,
          alias: request.alias,
          level: eventLevel,
          reasons: verdict.reasons,
          text: request.text,
        });
  await deps.store.writeEntryScreening(request.uid, request.entryId, { level: verdict.level, reasons: verdict.reasons, by: verdict.by, at: deps.now() });
  return { level: verdict.level, riskEventId: event?.id, model: outcome.kind };
}

/** The journal screener well-being uses, over a source of safety dependencies. */
export function journalScreener(deps: () => SafetyDeps): JournalScreener {
  return async (request) => {
    await handleJournalScreening(deps(), request);
  };
}
