/**
 * The screener measured the way the issue checks it, per language: crisis recall, imminent recognition,
 * concern at least moderate, benign raised to high, third-party tagging. Prints both tables.
 * - The tuning set (labelled-set.ts, sets A and B: what the lexicon was tuned on) must meet the issue's
 *   targets overall.
 * - The held-out set (held-out-set.ts, never tuned on) must never raise benign messages to high in any
 *   language (target ≤ 0.03). Its recall does NOT reach the targets yet: the floors below are the
 *   measured values at the last tuning round, kept so a change cannot silently lose ground; the gap to
 *   the targets is printed.
 */
import assert from 'node:assert/strict';
import { screen } from '../../../src/safety/screener';
import { HELD_OUT } from './held-out-set';
import { LABELLED } from './labelled-set';
import { LANGS, rate, report, TARGETS, type Metrics } from './metrics';

/** Held-out recall measured after the last tuning round (overall); below the targets. */
const HELD_OUT_FLOORS = { crisisRecall: 0.87, imminentRecall: 0.81, concernRecall: 0.84 } as const;

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

describe('screener metrics', () => {
  const tuning = report('tuning set A+B', LABELLED, screen);
  const heldOut = report('held-out set H', HELD_OUT, screen);

  before(() => {
    console.log(`\n${tuning.table}\n\n${heldOut.table}\n`);
  });

  it('the tuning set meets the issue targets overall', () => {
    const all = tuning.byLang.get('all');
    assert.ok(all);
    assert.ok(rate(all.crisisRecall) >= TARGETS.crisisRecall, gaps(all));
    assert.ok(rate(all.imminentRecall) >= TARGETS.imminentRecall, gaps(all));
    assert.ok(rate(all.concernRecall) >= TARGETS.concernRecall, gaps(all));
    assert.ok(rate(all.benignRaised) <= TARGETS.benignRaised, gaps(all));
  });

  it('every language of both sets is represented in every category', () => {
    for (const set of [tuning, heldOut]) {
      for (const lang of LANGS) {
        const m = set.byLang.get(lang);
        assert.ok(m && m.crisisRecall.of > 0 && m.imminentRecall.of > 0 && m.concernRecall.of > 0 && m.benignRaised.of > 0, lang);
      }
    }
  });

  for (const lang of LANGS) {
    it(`held-out ${lang}: benign messages raised to high at most ${String(TARGETS.benignRaised)}`, () => {
      const m = heldOut.byLang.get(lang);
      assert.ok(m);
      assert.ok(rate(m.benignRaised) <= TARGETS.benignRaised, gaps(m));
    });
  }

  it('held-out overall: recall at least the last measured floors (the issue targets are not reached yet)', () => {
    const all = heldOut.byLang.get('all');
    assert.ok(all);
    assert.ok(rate(all.crisisRecall) >= HELD_OUT_FLOORS.crisisRecall, gaps(all));
    assert.ok(rate(all.imminentRecall) >= HELD_OUT_FLOORS.imminentRecall, gaps(all));
    assert.ok(rate(all.concernRecall) >= HELD_OUT_FLOORS.concernRecall, gaps(all));
  });
});
