/**
 * PHQ-9 and GAD-7 scoring, without I/O: answer validation, totals, severity bands, the trend against the
 * previous result, and the risk rules (PHQ-9 item 9 above 0 is a high risk whatever the total; a severe total is
 * a moderate risk). Bands:
 * - PHQ-9 (0–27): 0–4 minimal, 5–9 mild, 10–14 moderate, 15–19 moderately severe, 20–27 severe.
 * - GAD-7 (0–21): 0–4 minimal, 5–9 mild, 10–14 moderate, 15–21 severe.
 * A change counts as improved or worsened from 5 points on PHQ-9 and 4 on GAD-7 (the usual thresholds for a
 * meaningful change); smaller changes are stable.
 */
import { z } from 'zod';
import {
  INSTRUMENT_ITEMS,
  type AssessmentFlag,
  type AssessmentTrend,
  type Instrument,
  type RiskEventLevel,
  type Severity,
} from '../model/schemas';
import { parseInput } from '../platform/validation';

interface Band {
  max: number;
  severity: Severity;
}

export const BANDS: Record<Instrument, readonly Band[]> = {
  phq9: [
    { max: 4, severity: 'minimal' },
    { max: 9, severity: 'mild' },
    { max: 14, severity: 'moderate' },
    { max: 19, severity: 'moderately-severe' },
    { max: 27, severity: 'severe' },
  ],
  gad7: [
    { max: 4, severity: 'minimal' },
    { max: 9, severity: 'mild' },
    { max: 14, severity: 'moderate' },
    { max: 21, severity: 'severe' },
  ],
};

export const MAX_SCORE: Record<Instrument, number> = { phq9: 27, gad7: 21 };

/** Smallest change in the total that counts as improved or worsened. */
export const TREND_THRESHOLD: Record<Instrument, number> = { phq9: 5, gad7: 4 };

/** Index of PHQ-9 item 9 ("thoughts that you would be better off dead, or of hurting yourself"). */
export const PHQ9_ITEM9_INDEX = 8;

const answersSchema = (instrument: Instrument) =>
  z.array(z.int().min(0).max(3)).length(INSTRUMENT_ITEMS[instrument]);

/** The answers, checked: exactly 9 (PHQ-9) or 7 (GAD-7) integers 0–3. Throws `ValidationError` otherwise. */
export function validateAnswers(instrument: Instrument, answers: unknown): number[] {
  return parseInput(answersSchema(instrument), answers, `${instrument} answers`);
}

export function severityFor(instrument: Instrument, score: number): Severity {
  const band = BANDS[instrument].find((b) => score <= b.max);
  if (!band || score < 0 || !Number.isInteger(score)) throw new RangeError(`${instrument} score out of range: ${score}`);
  return band.severity;
}

export interface AssessmentScore {
  score: number;
  severity: Severity;
  flags: AssessmentFlag[];
}

export function scoreAnswers(instrument: Instrument, rawAnswers: unknown): AssessmentScore {
  const answers = validateAnswers(instrument, rawAnswers);
  const score = answers.reduce((a, b) => a + b, 0);
  const flags: AssessmentFlag[] = instrument === 'phq9' && (answers[PHQ9_ITEM9_INDEX] ?? 0) > 0 ? ['phq9-item9-positive'] : [];
  return { score, severity: severityFor(instrument, score), flags };
}

/** The change against the previous result of the same instrument; null for the first one. */
export function trendAgainst(
  instrument: Instrument,
  score: number,
  previous: { id: string; score: number } | null,
): AssessmentTrend | null {
  if (!previous) return null;
  const delta = score - previous.score;
  const threshold = TREND_THRESHOLD[instrument];
  const direction = delta <= -threshold ? 'improved' : delta >= threshold ? 'worsened' : 'stable';
  return { previousId: previous.id, previousScore: previous.score, delta, direction };
}

export interface AssessmentRisk {
  level: RiskEventLevel;
  reasons: string[];
}

/**
 * The riskEvent an assessment raises, if any: `high` when PHQ-9 item 9 is above 0 (whatever the total),
 * `moderate` for a severe total, nothing otherwise. Reason codes name what was seen, never an answer text.
 */
export function assessmentRisk(instrument: Instrument, result: AssessmentScore): AssessmentRisk | null {
  const reasons: string[] = [];
  if (result.flags.includes('phq9-item9-positive')) reasons.push('phq9-item9-positive');
  if (result.severity === 'severe') reasons.push(`${instrument}-severe`);
  if (reasons.length === 0) return null;
  return { level: result.flags.includes('phq9-item9-positive') ? 'high' : 'moderate', reasons };
}
