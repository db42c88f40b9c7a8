/**
 * The learned layer's training corpus (functions/scripts/train-screener.ts): every labelled set the
 * phrase layer was tuned on (A, B, H, T2–T6, T8, T9) and the training-only sets (sets/train-*.ts), each
 * written by a different writer, and the screener's test tables (tables/*.ts). T7 and T10 are not in it: they measure the screener on unseen writing.
 */
import type { RiskLevel } from '../../../src/model/schemas';
import { FRESH, toLabelled, UNSEEN_T10, UNSEEN_T7 } from './fresh-sets';
import { HELD_OUT } from './held-out-set';
import { LABELLED } from './labelled-set';
import { TRAIN_A } from './sets/train-a';
import { TRAIN_B } from './sets/train-b';
import { TRAIN_C } from './sets/train-c';
import { TRAIN_MIX } from './sets/train-mix';
import { TRAIN_NEG1 } from './sets/train-neg1';
import { TRAIN_NEG2 } from './sets/train-neg2';
import { TRAIN_POS1 } from './sets/train-pos1';
import { TRAIN_POS2 } from './sets/train-pos2';
import type { CaseRow } from './table';
import { EN_HARD_NEGATIVES, EN_HIGH, EN_IMMINENT, EN_LOW_AND_NONE, EN_MODERATE, EN_OBFUSCATED } from './tables/en';
import { HI_CASES } from './tables/hi';
import { HI_LATN_CASES } from './tables/hi-latn';

export interface CorpusRow {
  readonly text: string;
  readonly level: RiskLevel;
  /** Which set (and so which writer) the row comes from; cross-validation holds out one set at a time. */
  readonly set: string;
}

/** The screener's own test tables (hard negatives, third-party reports…), one set for cross-validation. */
const TABLES = [EN_IMMINENT, EN_HIGH, EN_OBFUSCATED, EN_MODERATE, EN_LOW_AND_NONE, EN_HARD_NEGATIVES, HI_CASES, HI_LATN_CASES].flatMap(
  (rows: readonly CaseRow[]) => rows.map((r) => ({ text: r[1], level: r[0], set: 'tables' })),
);

/** Independent writers sometimes write the same short message; one that an unseen set holds is left out. */
const UNSEEN_TEXTS = new Set([...UNSEEN_T7, ...UNSEEN_T10].map((c) => c.text));

export const CORPUS: readonly CorpusRow[] = [
  ...LABELLED,
  ...HELD_OUT,
  ...FRESH,
  ...toLabelled('train-mix', TRAIN_MIX),
  ...toLabelled('train-pos1', TRAIN_POS1),
  ...toLabelled('train-pos2', TRAIN_POS2),
  ...toLabelled('train-neg1', TRAIN_NEG1),
  ...toLabelled('train-neg2', TRAIN_NEG2),
  ...toLabelled('train-a', TRAIN_A),
  ...toLabelled('train-b', TRAIN_B),
  ...toLabelled('train-c', TRAIN_C),
  ...TABLES,
]
  .filter((r) => !UNSEEN_TEXTS.has(r.text))
  .map((r) => ({ text: r.text, level: r.level, set: r.set }));
