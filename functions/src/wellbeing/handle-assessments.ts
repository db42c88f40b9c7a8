/**
 * A new assessment (`users/{uid}/assessments/{id}`): validate the answers, score, band, trend against the
 * previous result of the same instrument; raise a riskEvent (PHQ-9 item 9 above 0 → high whatever the total;
 * a severe total → moderate) under an id derived from the assessment's path; send the student a caring message
 * with helplines and an offer to book a counselor after a positive item 9 (it reaches them in quiet hours
 * too); send the band with next steps ("a screening, not a diagnosis"); then store the result with `scoredAt`.
 * Every step is idempotent (deterministic ids), and `scoredAt` is written last, so a run that stopped half-way
 * is completed by the next delivery and a delivery after `scoredAt` does nothing.
 *
 * The assessment's time is its `createdAt`, or, when the client left that out (the rules allow it), the
 * document's create time from the trigger event; the latter is then written as `createdAt` with the result, so
 * trend queries ordered by `createdAt` (this one and the clients') include the document.
 */
import { createHash } from 'node:crypto';
import { paths } from '../model/paths';
import { DEFAULT_HELPLINES, type AppConfig, type Helpline, type Instrument } from '../model/schemas';
import { notifyUser, type NotifyDeps, type NotifyResult } from '../notify/notifier';
import { recipientFromProfile } from '../notify/plan';
import { assessmentRisk, scoreAnswers, trendAgainst, type AssessmentRisk } from './assessment';
import { wellbeingEvents } from './events';
import { assessmentResultText, item9CareText } from './messages';
import type { AssessmentResult, AssessmentStore, ProfileStore } from './repository';

export interface AssessmentDeps {
  store: AssessmentStore & ProfileStore;
  notify: NotifyDeps;
}

/** The riskEvent id of an assessment: derived from its path (hashed, so the id carries no uid). */
export function riskEventIdFor(sourcePath: string): string {
  return `assessment-${createHash('sha256').update(sourcePath).digest('hex').slice(0, 32)}`;
}

/** Country used when the org names none. */
export const DEFAULT_COUNTRY = 'IN';

/** The helplines of a country: from `config/app`, else the built-in defaults, else India's. */
export function helplinesFor(config: AppConfig, country: string): Helpline[] {
  return config.helplines[country] ?? DEFAULT_HELPLINES[country] ?? config.helplines[DEFAULT_COUNTRY] ?? DEFAULT_HELPLINES[DEFAULT_COUNTRY] ?? [];
}

/** Where the client opens counselor booking. */
export const BOOK_COUNSELOR_LINK = 'counselors';

export type AssessmentOutcome =
  | { status: 'missing' | 'already-scored' }
  | { status: 'invalid'; issues: readonly string[] }
  | {
      status: 'scored';
      result: AssessmentResult;
      risk: AssessmentRisk | null;
      riskEventId: string | null;
      care: NotifyResult | null;
      notice: NotifyResult | null;
    };

/**
 * Scores `users/{uid}/assessments/{assessmentId}`. `createTime` (epoch ms) is the document's create time,
 * used as its time when it has no `createdAt`.
 */
export async function handleAssessmentCreated(deps: AssessmentDeps, uid: string, assessmentId: string, createTime: number): Promise<AssessmentOutcome> {
  const stored = await deps.store.assessment(uid, assessmentId);
  if (!stored) return { status: 'missing' };
  if (!stored.valid) {
    wellbeingEvents.assessmentInvalid({ uid, issueCount: stored.issues.length });
    return { status: 'invalid', issues: stored.issues };
  }
  if (stored.scored) return { status: 'already-scored' };

  const { instrument } = stored;
  const score = scoreAnswers(instrument, stored.answers);
  const createdAt = stored.createdAt ?? createTime;
  const previous = await deps.store.previousAssessment(uid, instrument, createdAt, assessmentId);
  const previousScore = previous ? safeScore(instrument, previous) : null;
  const result: AssessmentResult = { ...score, trend: trendAgainst(instrument, score.score, previousScore) };
  const risk = assessmentRisk(instrument, score);
  const sourcePath = paths.assessment(uid, assessmentId);
  const profile = await deps.store.profile(uid);

  let riskEventId: string | null = null;
  let care: NotifyResult | null = null;
  let notice: NotifyResult | null = null;
  if (profile) {
    if (risk) {
      riskEventId = riskEventIdFor(sourcePath);
      const created = await deps.store.createRiskEvent(riskEventId, {
        orgId: profile.orgId,
        studentUid: uid,
        alias: profile.alias,
        source: 'assessment',
        sourcePath,
        level: risk.level,
        reasons: risk.reasons,
        excerpt: null,
        status: 'open',
        assignedTo: null,
        ackBy: null,
        ackAt: null,
        escalationStep: 0,
        nextEscalationAt: null,
        outcome: null,
      });
      wellbeingEvents.riskEventRaised({ riskEventId, level: risk.level, created: created === 'created' });
    }
    const needsHelplines = risk !== null || score.severity === 'moderately-severe';
    const helplines = needsHelplines ? helplinesFor(await deps.store.appConfig(), (await deps.store.org(profile.orgId))?.country ?? DEFAULT_COUNTRY) : [];
    const recipient = recipientFromProfile(uid, profile);
    if (score.flags.includes('phq9-item9-positive')) {
      care = await notifyUser(
        deps.notify,
        {
          uid,
          type: 'safety',
          ...item9CareText(helplines),
          link: BOOK_COUNSELOR_LINK,
          channels: ['inapp', 'push'],
          respectQuietHours: false,
          idempotencyKey: `${sourcePath}:care`,
          template: 'wellbeing.item9-care',
          orgId: profile.orgId,
          sourcePath,
        },
        { recipient },
      );
    }
    notice = await notifyUser(
      deps.notify,
      {
        uid,
        type: 'assessment-result',
        ...assessmentResultText(instrument, score.score, score.severity, result.trend, helplines),
        link: sourcePath,
        channels: ['inapp', 'push'],
        respectQuietHours: true,
        idempotencyKey: `${sourcePath}:result`,
        template: 'wellbeing.assessment-result',
        orgId: profile.orgId,
        sourcePath,
      },
      { recipient },
    );
  }

  await deps.store.saveAssessmentResult(uid, assessmentId, result, profile?.orgId ?? null, stored.createdAt === null ? createdAt : null);
  wellbeingEvents.assessmentScored({
    uid,
    instrument,
    severity: score.severity,
    item9: score.flags.includes('phq9-item9-positive'),
    riskLevel: risk?.level ?? 'none',
    trend: result.trend?.direction ?? 'first',
  });
  return { status: 'scored', result, risk, riskEventId, care, notice };
}

/** The previous result's total, or null when its answers do not validate (then there is no trend). */
function safeScore(instrument: Instrument, previous: { id: string; answers: unknown }): { id: string; score: number } | null {
  try {
    return { id: previous.id, score: scoreAnswers(instrument, previous.answers).score };
  } catch {
    return null;
  }
}
