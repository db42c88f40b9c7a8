/**
 * `npm run train-screener`: trains the screener's learned layer (src/safety/screener/learned.ts) on the
 * labelled corpus and writes src/safety/screener/learned-model.generated.ts. Deterministic: the same corpus
 * gives the same file byte for byte (a unit test checks that the committed model is the corpus's).
 *
 * `npm run train-screener -- --crossval` instead reports leave-one-set-out figures: each set of the corpus
 * (each written by a different writer) is scored by a model trained on all the others, through the full
 * screener, so the figures say how the layer does on phrasings it has not seen.
 *
 * Sets T7, T10 and T11 are never trained on: they measure the screener on unseen writing
 * (test/unit/screener/metrics.test.ts).
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { riskRank, type RiskLevel } from '../src/model/schemas';
import { normalize } from '../src/safety/screener';

import { screenWith } from '../src/safety/screener/engine';
import type { ScreenResult } from '../src/safety/screener';
import { FEATURE_VERSION, FeatureHasher, loadModel, type LearnedVerdict } from '../src/safety/screener/learned';
import { CORPUS, type CorpusRow } from '../test/unit/screener/corpus';
import { measure, rate, type Metrics, type Ratio } from '../test/unit/screener/metrics';

export const BITS = 16;
const EPOCHS = 12;
const RATE = 0.05;
const L2 = 1e-5;
/** Laplace smoothing of the naive Bayes log-count ratios that scale each feature (see `fit`). */
const NB_ALPHA = 1;
/**
 * Probability at or above which a message reads as a crisis: chosen by cross-validation to raise no more
 * benign messages to high than the previous model (0.95 on the unscaled model) while finding more crises.
 */
export const CRISIS_PROBABILITY = 0.7;
const IMMINENT_PROBABILITY = 0.5;
/** Probability at or above which a message reads as a concern (at least moderate); chosen by cross-validation. */
export const CONCERN_PROBABILITY = 0.7;
/**
 * Probability at or above which the crisis scorer may raise a message that scope frames (negation, idiom, a
 * story, a farewell, laughter) kept it off; chosen by cross-validation, where scores this high on such
 * messages were crises about twenty times as often as benign.
 */
export const CERTAIN_PROBABILITY = 0.98;

const logit = (p: number): number => Math.log(p / (1 - p));
const isCrisis = (level: RiskLevel): boolean => riskRank(level) >= riskRank('high');
const isConcern = (level: RiskLevel): boolean => riskRank(level) >= riskRank('moderate');

interface Example {
  readonly features: Int32Array;
  readonly y: 0 | 1;
}

function examples(rows: readonly CorpusRow[], label: (row: CorpusRow) => 0 | 1): Example[] {
  const hasher = new FeatureHasher(BITS);
  return rows.map((row) => {
    const count = hasher.hash(normalize(row.text).text);
    return { features: hasher.out.slice(0, count), y: label(row) };
  });
}

/**
 * Naive Bayes log-count ratios: how much likelier a feature is in the positive examples than in the
 * negative ones (Laplace-smoothed). Scaling each feature by its ratio before logistic regression (NB-LR,
 * Wang & Manning 2012) is the usual strong baseline for short texts; here it found more crises and
 * imminent messages at the same false-positive rate in cross-validation (README).
 */
function ratios(data: readonly Example[]): Float64Array {
  const pos = new Float64Array(1 << BITS).fill(NB_ALPHA);
  const neg = new Float64Array(1 << BITS).fill(NB_ALPHA);
  for (const ex of data) for (const f of ex.features) (ex.y === 1 ? pos : neg)[f] += 1;
  let sumPos = 0;
  let sumNeg = 0;
  for (let i = 0; i < pos.length; i++) {
    sumPos += pos[i];
    sumNeg += neg[i];
  }
  const r = new Float64Array(1 << BITS);
  for (let i = 0; i < r.length; i++) r[i] = Math.log(pos[i] / sumPos / (neg[i] / sumNeg));
  return r;
}

/**
 * Logistic regression by stochastic gradient descent, shuffled with a fixed seed, over features scaled by
 * their naive Bayes ratios. Features are binary, so the returned weight of a feature is its learned weight
 * times its ratio: the scorer stays a plain sum of weights.
 */
function fit(data: readonly Example[]): Float64Array {
  const r = ratios(data);
  const w = new Float64Array(1 << BITS);
  let seed = 1;
  const random = (): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  const order = data.map((_, i) => i);
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      const t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    const rate = RATE / (1 + epoch * 0.3);
    for (const k of order) {
      const ex = data[k];
      let z = 0;
      for (const f of ex.features) z += w[f] * r[f];
      const g = ex.y - 1 / (1 + Math.exp(-z));
      for (const f of ex.features) w[f] += rate * (g * r[f] - L2 * w[f]);
    }
  }
  for (let i = 0; i < w.length; i++) w[i] *= r[i];
  return w;
}

/** int8 weights and their scale. */
function quantise(w: Float64Array): { bytes: Int8Array; scale: number } {
  let max = 0;
  for (const v of w) max = Math.max(max, Math.abs(v));
  const scale = max === 0 ? 1 : max / 127;
  const bytes = new Int8Array(w.length);
  for (let i = 0; i < w.length; i++) bytes[i] = Math.round(w[i] / scale);
  return { bytes, scale };
}

export interface ScorerSpec {
  readonly scale: number;
  readonly threshold: number;
  readonly weights: string;
}

/** The model learned.ts loads (`loadModel`), as written to learned-model.generated.ts. */
export interface ModelSpec {
  readonly featureVersion: number;
  readonly bits: number;
  readonly corpusHash: string;
  readonly crisis: ScorerSpec;
  readonly imminent: ScorerSpec;
  readonly concern: ScorerSpec;
  readonly crisisCertain: number;
}

function scorerSpec(w: Float64Array, probability: number): ScorerSpec {
  const q = quantise(w);
  return { scale: q.scale, threshold: logit(probability), weights: Buffer.from(q.bytes.buffer, q.bytes.byteOffset, q.bytes.byteLength).toString('base64') };
}

/** What the model was trained on and how; recorded in the model file. */
export function corpusHash(rows: readonly CorpusRow[]): string {
  const h = createHash('sha256');
  h.update(JSON.stringify({ FEATURE_VERSION, BITS, EPOCHS, RATE, L2, NB_ALPHA, CRISIS_PROBABILITY, IMMINENT_PROBABILITY, CONCERN_PROBABILITY, CERTAIN_PROBABILITY }));
  for (const r of rows) h.update(`${r.level}\u0000${r.text}\u0001`);
  return h.digest('hex').slice(0, 16);
}

export function train(rows: readonly CorpusRow[]): ModelSpec {
  const crisis = fit(examples(rows, (r) => (isCrisis(r.level) ? 1 : 0)));
  const imminent = fit(examples(rows.filter((r) => isCrisis(r.level)), (r) => (r.level === 'imminent' ? 1 : 0)));
  const concern = fit(examples(rows, (r) => (isConcern(r.level) ? 1 : 0)));
  return {
    featureVersion: FEATURE_VERSION,
    bits: BITS,
    corpusHash: corpusHash(rows),
    crisis: scorerSpec(crisis, CRISIS_PROBABILITY),
    imminent: scorerSpec(imminent, IMMINENT_PROBABILITY),
    concern: scorerSpec(concern, CONCERN_PROBABILITY),
    crisisCertain: logit(CERTAIN_PROBABILITY),
  };
}

export function renderModel(rows: readonly CorpusRow[]): string {
  const m = train(rows);
  const chunk = (s: string) => s.match(/.{1,160}/g)?.map((line) => `      '${line}'`).join(' +\n') ?? "''";
  const scorer = (name: string, s: ScorerSpec) =>
    [`  ${name}: {`, `    scale: ${String(s.scale)},`, `    threshold: ${String(s.threshold)},`, `    weights:\n${chunk(s.weights)},`, '  },'];
  return [
    '// Generated by `npm run train-screener` (functions/scripts/train-screener.ts). Do not edit.',
    `// Trained on ${String(rows.length)} labelled messages; learned.ts loads it.`,
    'export const LEARNED_MODEL = {',
    `  featureVersion: ${String(m.featureVersion)},`,
    `  bits: ${String(m.bits)},`,
    `  corpusHash: '${m.corpusHash}',`,
    ...scorer('crisis', m.crisis),
    ...scorer('imminent', m.imminent),
    ...scorer('concern', m.concern),
    `  crisisCertain: ${String(m.crisisCertain)},`,
    '};',
    '',
  ].join('\n');
}

const METRICS = ['crisisRecall', 'imminentRecall', 'concernRecall', 'benignRaised'] as const;

const fmt = (m: Pick<Metrics, (typeof METRICS)[number]>): string =>
  `crisis ${rate(m.crisisRecall).toFixed(3)}  imminent ${rate(m.imminentRecall).toFixed(3)}  concern ${rate(m.concernRecall).toFixed(3)}  benign→high ${rate(m.benignRaised).toFixed(3)}`;

/** A verdict of the learned layer alone, as a screen result, for `measure`. */
const alone = (scorer: (text: string) => LearnedVerdict) => (text: string): ScreenResult => {
  const v = scorer(normalize(text).text);
  return { level: v.imminent ? 'imminent' : v.crisis ? 'high' : v.concern ? 'moderate' : 'none', reasons: [], thirdParty: false, aboutSomeoneElse: false, languages: [] };
};

/** Benign messages (none, low) the screener puts at moderate or above: what the concern scorer costs. */
function benignConcern(rows: readonly CorpusRow[], screen: (text: string) => ScreenResult): Ratio {
  const benign = rows.filter((r) => !isConcern(r.level));
  return { hits: benign.filter((r) => isConcern(screen(r.text).level)).length, of: benign.length };
}

/** Leave-one-set-out: the learned layer alone (what it adds) and the whole screener, per held-out set and in all. */
export function crossValidate(rows: readonly CorpusRow[], log: (line: string) => void): void {
  const sets = [...new Set(rows.map((r) => r.set))];
  const layers: Metrics[] = [];
  const fulls: Metrics[] = [];
  const concerns: Ratio[] = [];
  for (const set of sets) {
    const held = rows.filter((r) => r.set === set);
    const scorer = loadModel(train(rows.filter((r) => r.set !== set)));
    const layer = measure(held, alone(scorer));
    // measure() and benignConcern() read the same verdicts: each text is screened once.
    const verdicts = new Map<string, ScreenResult>();
    const screen = (text: string): ScreenResult => {
      const known = verdicts.get(text);
      if (known) return known;
      const verdict = screenWith(text, scorer);
      verdicts.set(text, verdict);
      return verdict;
    };
    const full = measure(held, screen);
    const concern = benignConcern(held, screen);
    layers.push(layer);
    fulls.push(full);
    concerns.push(concern);
    log(`${set.padEnd(10)} ${String(held.length).padStart(4)} msgs   learned alone: ${fmt(layer)}   screener: ${fmt(full)}  benign→moderate ${rate(concern).toFixed(3)}`);
  }
  const sum = (ratios: readonly Ratio[]): Ratio => ({ hits: ratios.reduce((n, r) => n + r.hits, 0), of: ratios.reduce((n, r) => n + r.of, 0) });
  const total = (of: readonly Metrics[]) =>
    fmt({
      crisisRecall: sum(of.map((m) => m.crisisRecall)),
      imminentRecall: sum(of.map((m) => m.imminentRecall)),
      concernRecall: sum(of.map((m) => m.concernRecall)),
      benignRaised: sum(of.map((m) => m.benignRaised)),
    });
  log(`all sets   ${String(rows.length).padStart(4)} msgs   learned alone: ${total(layers)}   screener: ${total(fulls)}  benign→moderate ${rate(sum(concerns)).toFixed(3)}`);
}

function main(): void {
  if (process.argv.includes('--crossval')) {
    crossValidate(CORPUS, (line) => process.stdout.write(`${line}\n`));
    return;
  }
  const out = join(__dirname, '..', 'src', 'safety', 'screener', 'learned-model.generated.ts');
  writeFileSync(out, renderModel(CORPUS));
  process.stdout.write(`train-screener: ${String(CORPUS.length)} messages → ${out}\n`);
}

if (require.main === module) main();
