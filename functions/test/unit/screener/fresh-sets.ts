/**
 * Sets T2–T10: 2,370 labelled messages, each set written in one sitting by a writer who had not seen the
 * lexicon or the other sets (same labels and language mix as the held-out check). Each was first
 * screened as an unseen set, then used for tuning; the unseen figures are the honest measure of how the
 * screener generalises and are recorded in metrics.test.ts. Rows are [level, lang, text] or with 'tp'
 * when the concern is about someone else.
 */
import type { RiskLevel } from '../../../src/model/schemas';
import type { LabelLang, Labelled } from './labelled-set';
import { SET_T2 } from './sets/set-t2';
import { SET_T3 } from './sets/set-t3';
import { SET_T4 } from './sets/set-t4';
import { SET_T5 } from './sets/set-t5';
import { SET_T6 } from './sets/set-t6';
import { SET_T7 } from './sets/set-t7';
import { SET_T8 } from './sets/set-t8';
import { SET_T9 } from './sets/set-t9';
import { SET_T10 } from './sets/set-t10';
import { SET_T11 } from './sets/set-t11';
import { SET_T12 } from './sets/set-t12';
import { SET_T13 } from './sets/set-t13';
import { SET_T14 } from './sets/set-t14';
import { SET_T15 } from './sets/set-t15';
import { EVERYDAY_T } from './sets/everyday-t';

export type FreshRow = readonly [RiskLevel, LabelLang, string] | readonly [RiskLevel, LabelLang, string, 'tp'];

export function toLabelled(set: Labelled['set'], rows: readonly FreshRow[]): Labelled[] {
  return rows.map((r) => ({ level: r[0], lang: r[1], text: r[2], set, thirdParty: r[3] === 'tp' }));
}

export const FRESH: readonly Labelled[] = [
  ...toLabelled('T2', SET_T2),
  ...toLabelled('T3', SET_T3),
  ...toLabelled('T4', SET_T4),
  ...toLabelled('T5', SET_T5),
  ...toLabelled('T6', SET_T6),
  ...toLabelled('T8', SET_T8),
  ...toLabelled('T9', SET_T9),
];

/**
 * Sets never tuned on or trained on (keep it that way: a set tuned on stops measuring anything). T7 was
 * written after the phrase layer's last tuning round, T10 with T9 before the learned layer existed, T11
 * with training sets G–L after it did, T12 and T13 with training sets BF–BK, T14 and T15 with CA–CF.
 * metrics.test.ts guards their figures against regressions.
 */
export const UNSEEN_T7: readonly Labelled[] = toLabelled('T7', SET_T7);
export const UNSEEN_T10: readonly Labelled[] = toLabelled('T10', SET_T10);
export const UNSEEN_T11: readonly Labelled[] = toLabelled('T11', SET_T11);
export const UNSEEN_T12: readonly Labelled[] = toLabelled('T12', SET_T12);
export const UNSEEN_T13: readonly Labelled[] = toLabelled('T13', SET_T13);
export const UNSEEN_T14: readonly Labelled[] = toLabelled('T14', SET_T14);
export const UNSEEN_T15: readonly Labelled[] = toLabelled('T15', SET_T15);
/** Everyday chat (greetings, notes, fees, cricket; none or low), never trained on: what most traffic is. */
export const UNSEEN_EVERYDAY: readonly Labelled[] = toLabelled('everyday-t', EVERYDAY_T);
