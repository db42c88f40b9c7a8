/**
 * The screener measured the way the issue checks it, per language: crisis recall, imminent recognition,
 * concern at least moderate, benign raised to high, third-party tagging. Prints the tables.
 * - Tuned sets: A and B (labelled-set.ts), H (held-out-set.ts: held out until the broad layer was written,
 *   then tuned on) and T2–T6, T8, T9 (fresh-sets.ts). They are also the learned layer's training corpus.
 *   Each must meet the targets overall, and no language of any set may raise more than 3% of benign
 *   messages to high.
 * - What the tables cannot show is how the screener does on phrasings it has never seen. Each fresh set was
 *   screened once as an unseen set before it was tuned on; those first measurements are UNSEEN below (the
 *   phrase layers alone, well below the targets for crisis recall). T7 and T10–T15 are never tuned or trained
 *   on; their figures with the learned layer are UNSEEN_WITH_LEARNED, and together they must not
 *   get worse (UNSEEN_POOLED).
 */
import assert from 'node:assert/strict';
import { riskRank } from '../../../src/model/schemas';
import { screen } from '../../../src/safety/screener';
import { FRESH, UNSEEN_EVERYDAY, UNSEEN_T10, UNSEEN_T11, UNSEEN_T12, UNSEEN_T13, UNSEEN_T14, UNSEEN_T15, UNSEEN_T7 } from './fresh-sets';
import { HELD_OUT } from './held-out-set';
import { LABELLED } from './labelled-set';
import { LANGS, rate, report, TARGETS, type Metrics } from './metrics';

/**
 * First measurement of each fresh set, before any tuning on it (crisis recall, imminent, concern, benign
 * raised to high). T2 was measured before the broad layer existed, T3 after its first round, T4–T6 after
 * the layer's later rounds, T7 and T8 after the last but one (rounded down). T2–T6 and T8 have been tuned
 * on since and are not asserted here; T7 never was, and must not fall below its figures.
 */
export const UNSEEN = {
  T2: { crisisRecall: 0.607, imminentRecall: 0.571, concernRecall: 0.817, benignRaised: 0.033 },
  T3: { crisisRecall: 0.709, imminentRecall: 0.636, concernRecall: 0.667, benignRaised: 0.0 },
  T4: { crisisRecall: 0.745, imminentRecall: 0.745, concernRecall: 0.778, benignRaised: 0.042 },
  T5: { crisisRecall: 0.718, imminentRecall: 0.709, concernRecall: 0.956, benignRaised: 0.042 },
  T6: { crisisRecall: 0.727, imminentRecall: 0.655, concernRecall: 0.8, benignRaised: 0.053 },
  // T7 first measured 0.755 crisis recall; 0.745 after two goodbye cues on the same words stopped counting
  // as two signs ("thanks for everything this semester" was raised to high).
  T7: { crisisRecall: 0.745, imminentRecall: 0.69, concernRecall: 0.933, benignRaised: 0.021 },
  T8: { crisisRecall: 0.729, imminentRecall: 0.686, concernRecall: 0.98, benignRaised: 0.027 },
  // T9 and T10 were written together, before the learned layer; T9 has been tuned on since, T10 never.
  T9: { crisisRecall: 0.709, imminentRecall: 0.727, concernRecall: 1.0, benignRaised: 0.063 },
  T10: { crisisRecall: 0.618, imminentRecall: 0.673, concernRecall: 0.933, benignRaised: 0.084 },
  // T11 was written with training sets G–L, after the learned layer existed; never tuned on.
  T11: { crisisRecall: 0.672, imminentRecall: 0.709, concernRecall: 0.6, benignRaised: 0.053 },
  // T12 and T13 were written with training sets BF–BK, after third-party death wishes became high; never
  // tuned on. With the learned layer as it then was: T12 0.973 / 0.964 / 0.933 / 0.032, T13 0.955 / 0.964 /
  // 0.911 / 0.032.
  T12: { crisisRecall: 0.673, imminentRecall: 0.727, concernRecall: 0.711, benignRaised: 0.032 },
  T13: { crisisRecall: 0.709, imminentRecall: 0.709, concernRecall: 0.622, benignRaised: 0.032 },
  // T14 and T15 were written with training sets CA–CF, after BR–BY were in the corpus; never tuned on. With the
  // learned layer as it then was (the certain raise, 21,500 messages): T14 1.0 / 0.982 / 0.867 / 0.0, T15 0.964 /
  // 0.982 / 0.844 / 0.011.
  T14: { crisisRecall: 0.655, imminentRecall: 0.818, concernRecall: 0.644, benignRaised: 0.0 },
  T15: { crisisRecall: 0.6, imminentRecall: 0.673, concernRecall: 0.578, benignRaised: 0.011 },
} as const;

/**
 * The screener with the learned layer (learned.ts) on the sets it was never trained or tuned on: what a
 * model of ordinary phrasings adds on writing it has not seen (against UNSEEN above, the phrases alone).
 */
export const UNSEEN_WITH_LEARNED = {
  // Measured after each step of the work, never tuned on (the steps were chosen on cross-validation, the
  // unit tables and set T9): the prototype (threshold 0.95, corpus without T9 and the training-only sets)
  // T7 0.955 / 0.945 / 0.933 / 0.042, T10 0.927 / 0.891 / 0.978 / 0.116; with the third-party and everyday
  // rule-outs and the unit tables in the corpus, T7 0.936 / 0.909 / 0.933 / 0.042, T10 0.882 / 0.873 / 0.956
  // / 0.074; with three more training-only sets (720 messages), T7 0.945 / 0.927 / 0.933 / 0.032, T10 0.9 /
  // 0.909 / 0.933 / 0.074; with false-positive fixes found on the training-only sets, T7 0.945 / 0.927 /
  // 0.933 / 0.021, T10 0.9 / 0.909 / 0.933 / 0.063; with three more training-only sets (D, E, F: 750
  // messages; cross-validated crisis recall of the layer alone 0.796 → 0.824), T7 0.936 / 0.891 / 0.933 /
  // 0.021, T10 0.909 / 0.836 / 0.956 / 0.053, T11 (first measured here) 0.845 / 0.873 / 0.711 / 0.074.
  // With six more training-only sets (G–L, 1,500 messages) and the concern scorer: concern and imminent up,
  // crisis recall within a message or two, benign raised to high up on T10 and T11: T7 0.936 / 0.854 /
  // 0.977 / 0.021, T10 0.918 / 0.909 / 1.0 / 0.063, T11 0.864 / 0.909 / 0.844 / 0.095. With the
  // false-positive fixes found on G–L and N–R (five more training-only sets, 1,250 messages) and features
  // scaled by naive Bayes ratios (chosen on cross-validation), T7 0.954 / 0.927 / 0.977 / 0.032, T10 0.918 /
  // 0.909 / 1.0 / 0.032, T11 0.854 / 0.909 / 0.911 / 0.032. With seven more training-only sets (S–Y), 900
  // everyday chat messages and no learned raise under five words, T7 0.945 / 0.927 / 0.977 / 0.021, T10 0.918
  // / 0.945 / 1.0 / 0.021, T11 0.854 / 0.909 / 0.911 / 0.032. With six more (Z1–Z6), 300 more everyday
  // messages and phrase fixes found on them, T7 0.945 / 0.927 / 0.977 / 0.021, T10 0.909 / 0.945 / 1.0 /
  // 0.011, T11 0.854 / 0.909 / 0.911 / 0.021. With five more (AA–AE) and the scoping fixes found in
  // cross-validation (festivals are not farewells, method questions about "a person", wishes that carry
  // their own "not"), T7 0.936 / 0.927 / 0.977 / 0.021, T10 0.918 / 0.963 / 1.0 / 0.011, T11 0.863 / 0.927 /
  // 0.911 / 0.021; with "no plan" no longer keeping the learned layer off, pooled crisis 0.906 → 0.912. With
  // five more (BA–BE) and the fixes found on them, T7 0.954 / 0.909 / 0.955 / 0.021, T10 0.927 / 0.963 / 1.0
  // / 0.011, T11 0.872 / 0.945 / 0.911 / 0.021 (pooled 0.918 / 0.939 / 0.955 / 0.018). With a third party's own
  // words of a death wish high (the learned layer no longer kept off third-party reports), six more
  // training-only sets (BF–BK), T7 0.973 / 0.945 / 0.956 / 0.032, T10 0.964 / 0.982 / 1.0 / 0.011, T11 0.918 /
  // 0.945 / 0.911 / 0.021, T12 0.973 / 0.964 / 0.933 / 0.032, T13 0.955 / 0.964 / 0.889 / 0.032 (pooled 0.956 /
  // 0.960 / 0.938 / 0.025). With the learned layer's certain raise past scope frames (learned-certain), six more
  // training-only sets (BL–BQ), pooled 0.971 / 0.967 / 0.938 / 0.027; with the pest, holiday, lethal-dose and
  // point-of-living fixes found on training sets, 0.971 / 0.967 / 0.938 / 0.023; with eight more (BR–BY), 0.975 /
  // 0.967 / 0.942 / 0.023, and T14 and T15 first measured (see UNSEEN). With six more (CA–CF) and "number" no
  // longer read as "numb", pooled 0.977 / 0.974 / 0.914 / 0.018. With 600 everyday messages that open vaguely
  // ("Something on my mind"), as shipped (T7 and T10–T15 pooled 0.977 / 0.974 / 0.921 / 0.018):
  T7: { crisisRecall: 0.982, imminentRecall: 0.982, concernRecall: 0.956, benignRaised: 0.042 },
  T10: { crisisRecall: 0.973, imminentRecall: 0.982, concernRecall: 1.0, benignRaised: 0.011 },
  T11: { crisisRecall: 0.973, imminentRecall: 0.945, concernRecall: 0.933, benignRaised: 0.011 },
  T12: { crisisRecall: 0.982, imminentRecall: 0.982, concernRecall: 0.933, benignRaised: 0.021 },
  T13: { crisisRecall: 0.973, imminentRecall: 0.964, concernRecall: 0.911, benignRaised: 0.032 },
  T14: { crisisRecall: 0.991, imminentRecall: 0.982, concernRecall: 0.867, benignRaised: 0.0 },
  T15: { crisisRecall: 0.964, imminentRecall: 0.982, concernRecall: 0.844, benignRaised: 0.011 },
} as const;

/**
 * T7 and T10–T15 together (1,750 messages), as shipped. Retraining on a larger corpus moves each set by a
 * message or two either way (stochastic gradient descent over a different corpus): the guard is on the
 * three together, and allows SLACK messages either way before it calls a change a regression.
 */
export const UNSEEN_POOLED = { crisisRecall: 0.976, imminentRecall: 0.974, concernRecall: 0.92, benignRaised: 0.019 } as const;
const SLACK = 2;

function gaps(m: Metrics): string {
  const gap = (name: keyof typeof TARGETS, value: number, up: boolean) =>
    `${name} ${(100 * value).toFixed(1)}% (target ${up ? '≥' : '≤'} ${(100 * TARGETS[name]).toFixed(0)}%)`;
  return [
    gap('crisisRecall', rate(m.crisisRecall), true),
    gap('imminentRecall', rate(m.imminentRecall), true),
    gap('concernRecall', rate(m.concernRecall), true),
    gap('benignRaised', rate(m.benignRaised), false),
  ].join(', ');
}

const SETS = [
  { name: 'tuning sets A+B', cases: LABELLED },
  { name: 'set H', cases: HELD_OUT },
  ...(['T2', 'T3', 'T4', 'T5', 'T6', 'T8', 'T9'] as const).map((set) => ({ name: `set ${set}`, cases: FRESH.filter((c) => c.set === set) })),
];

describe('screener metrics', () => {
  const reports = SETS.map((set) => ({ ...set, ...report(set.name, set.cases, screen) }));
  const all = report('all tuned sets', [...LABELLED, ...HELD_OUT, ...FRESH], screen);
  const unseen = [
    { name: 'T7' as const, ...report('set T7, never tuned on', UNSEEN_T7, screen) },
    { name: 'T10' as const, ...report('set T10, never tuned on', UNSEEN_T10, screen) },
    { name: 'T11' as const, ...report('set T11, never tuned on', UNSEEN_T11, screen) },
    { name: 'T12' as const, ...report('set T12, never tuned on', UNSEEN_T12, screen) },
    { name: 'T13' as const, ...report('set T13, never tuned on', UNSEEN_T13, screen) },
    { name: 'T14' as const, ...report('set T14, never tuned on', UNSEEN_T14, screen) },
    { name: 'T15' as const, ...report('set T15, never tuned on', UNSEEN_T15, screen) },
  ];
  const pooled = report('sets T7 and T10–T15 together', [...UNSEEN_T7, ...UNSEEN_T10, ...UNSEEN_T11, ...UNSEEN_T12, ...UNSEEN_T13, ...UNSEEN_T14, ...UNSEEN_T15], screen);

  before(() => {
    const firsts = Object.entries(UNSEEN)
      .map(([set, m]) => `  ${set}: crisis ${(100 * m.crisisRecall).toFixed(1)}%, imminent ${(100 * m.imminentRecall).toFixed(1)}%, concern ${(100 * m.concernRecall).toFixed(1)}%, benign→high ${(100 * m.benignRaised).toFixed(1)}%`)
      .join('\n');
    console.log(`\n${reports.map((r) => r.table).join('\n\n')}\n\n${all.table}\n\n${unseen.map((u) => u.table).join('\n\n')}\n\n${pooled.table}\n\nfirst measurement of each fresh set, unseen:\n${firsts}\n`);
  });

  for (const set of SETS) {
    it(`${set.name}: meets the issue targets overall`, () => {
      const m = reports.find((r) => r.name === set.name)?.byLang.get('all');
      assert.ok(m);
      assert.ok(rate(m.crisisRecall) >= TARGETS.crisisRecall, gaps(m));
      assert.ok(rate(m.imminentRecall) >= TARGETS.imminentRecall, gaps(m));
      assert.ok(rate(m.concernRecall) >= TARGETS.concernRecall, gaps(m));
      assert.ok(rate(m.benignRaised) <= TARGETS.benignRaised, gaps(m));
    });
  }

  it('every language of every set is represented in every category', () => {
    for (const set of reports) {
      for (const lang of LANGS) {
        const m = set.byLang.get(lang);
        assert.ok(m && m.crisisRecall.of > 0 && m.imminentRecall.of > 0 && m.concernRecall.of > 0 && m.benignRaised.of > 0, `${set.name} ${lang}`);
      }
    }
  });

  it('T7 and T10–T15 together (never tuned or trained on): no worse than as shipped', () => {
    const m = pooled.byLang.get('all');
    assert.ok(m);
    const slack = (r: { of: number }) => SLACK / r.of + 1e-9;
    assert.ok(rate(m.crisisRecall) >= UNSEEN_POOLED.crisisRecall - slack(m.crisisRecall), gaps(m));
    assert.ok(rate(m.imminentRecall) >= UNSEEN_POOLED.imminentRecall - slack(m.imminentRecall), gaps(m));
    assert.ok(rate(m.concernRecall) >= UNSEEN_POOLED.concernRecall - slack(m.concernRecall), gaps(m));
    assert.ok(rate(m.benignRaised) <= UNSEEN_POOLED.benignRaised + slack(m.benignRaised), gaps(m));
  });

  it('everyday chat (300 messages, never trained on): at most 1% raised to high, whatever the language', () => {
    // First measured at 9 of 300 (greetings, notes, fees read as crises), before the corpus had everyday
    // chat in it; 1 of 300 with three everyday sets in the corpus, 0 with four.
    const raised = UNSEEN_EVERYDAY.filter((c) => riskRank(screen(c.text).level) >= riskRank('high'));
    assert.ok(raised.length <= 3, raised.map((c) => c.text).join(' | '));
  });

  it('forum posts with a vague title and an ordinary body (80, never trained on): at most 5% raised to high', () => {
    // A title like "Something on my mind" carried the learned layer to high whatever followed: 14 of 80 before
    // 600 such everyday messages joined the corpus, 2 after.
    const titles = ['Something on my mind', 'Need advice', 'Vent post', 'Long post sorry', 'Not sure where to post this', 'Help', 'Random thoughts', 'Kuch share karna hai', 'मन की बात', 'Man ko kura'];
    const bodies = [
      'which is the best laptop under 50k for coding?',
      'my roommate snores every night and I cannot focus',
      'how do I ask my crush out without making it weird',
      'Riya from hostel B stole my charger, her number is 98765 43210, tell her off',
      'mess food has been terrible this week, anyone else?',
      'parents keep asking about my marks, so annoying',
      'is the library open on sunday?',
      'I have a viva tomorrow and I am a bit nervous',
    ];
    const raised = titles.flatMap((t) => bodies.map((b) => `${t}\n${b}`)).filter((text) => riskRank(screen(text).level) >= riskRank('high'));
    assert.ok(raised.length <= 4, raised.join(' | '));
  });

  for (const lang of LANGS) {
    it(`${lang}: benign messages raised to high at most ${String(TARGETS.benignRaised)} in every set`, () => {
      for (const set of reports) {
        const m = set.byLang.get(lang);
        assert.ok(m);
        assert.ok(rate(m.benignRaised) <= TARGETS.benignRaised, `${set.name}: ${gaps(m)}`);
      }
    });
  }
});
