import assert from 'node:assert/strict';
import {
  abandonedReasons,
  combineVerdicts,
  modelVerdictSchema,
  PENDING_REASON,
  rulesPartOf,
  UNSCREENED_REASON,
  type ModelOutcome,
} from '../../../src/safety/verdict';

const rules = (level: 'none' | 'low' | 'moderate' | 'high' | 'imminent', reasons: string[] = []) => ({ level, reasons });
const verdict = (level: 'none' | 'low' | 'moderate' | 'high' | 'imminent', reasons: string[] = [], thirdParty?: boolean): ModelOutcome => ({
  kind: 'verdict',
  verdict: { level, reasons, ...(thirdParty !== undefined ? { thirdParty } : {}) },
});

describe('combineVerdicts', () => {
  it('takes the higher level and both sets of reasons, model reasons prefixed', () => {
    assert.deepEqual(combineVerdicts(rules('low', ['stress']), verdict('high', ['passive-death-wish'], true)), {
      level: 'high',
      reasons: ['stress', 'model:passive-death-wish', 'model:third-party'],
      by: 'rules+model',
      pending: false,
    });
  });

  it('never lets the model lower the deterministic level', () => {
    const combined = combineVerdicts(rules('imminent', ['act-in-progress']), verdict('none'));
    assert.equal(combined.level, 'imminent');
    assert.equal(combined.by, 'rules+model');
  });

  it('counts a safety block as at least moderate, and keeps a higher deterministic level', () => {
    assert.deepEqual(combineVerdicts(rules('none'), { kind: 'blocked', reason: 'finish:SAFETY' }), {
      level: 'moderate',
      reasons: ['model-blocked'],
      by: 'rules+model',
      pending: false,
    });
    assert.equal(combineVerdicts(rules('high'), { kind: 'blocked', reason: 'x' }).level, 'high');
  });

  for (const why of ['timeout', 'malformed', 'empty', 'rate-limited', 'unavailable'] as const) {
    it(`keeps the deterministic level on a ${why} failure, marks it pending, and never says safe`, () => {
      const combined = combineVerdicts(rules('low', ['stress']), { kind: 'failed', why });
      assert.deepEqual(combined, { level: 'low', reasons: ['stress', PENDING_REASON], by: 'rules', pending: true });
    });
  }

  it('a deliberate skip keeps the deterministic verdict without marking it pending', () => {
    assert.deepEqual(combineVerdicts(rules('moderate', ['panic']), { kind: 'skipped', why: 'budget' }), {
      level: 'moderate',
      reasons: ['panic'],
      by: 'rules',
      pending: false,
    });
  });

  it('keeps at most 20 reasons and leaves room for the pending marker', () => {
    const many = Array.from({ length: 25 }, (_, i) => `r${String(i)}`);
    const failed = combineVerdicts(rules('low', many), { kind: 'failed', why: 'timeout' });
    assert.equal(failed.reasons.length, 20);
    assert.equal(failed.reasons.at(-1), PENDING_REASON);
  });

  it('rulesPartOf and abandonedReasons handle the process markers', () => {
    assert.deepEqual(rulesPartOf({ level: 'low', reasons: ['stress', PENDING_REASON] }), { level: 'low', reasons: ['stress'] });
    assert.deepEqual(abandonedReasons(['stress', PENDING_REASON]), ['stress', UNSCREENED_REASON]);
  });
});

describe('modelVerdictSchema', () => {
  it('accepts a verdict, drops unknown keys', () => {
    assert.deepEqual(modelVerdictSchema.parse({ level: 'low', reasons: ['stress'], note: 'x' }), { level: 'low', reasons: ['stress'] });
  });

  it('rejects free-text reasons, unknown levels and too many reasons', () => {
    assert.equal(modelVerdictSchema.safeParse({ level: 'low', reasons: ['The student said: I am sad'] }).success, false);
    assert.equal(modelVerdictSchema.safeParse({ level: 'safe', reasons: [] }).success, false);
    assert.equal(modelVerdictSchema.safeParse({ level: 'low', reasons: ['a-b', 'c-d', 'e-f', 'g-h', 'i-j', 'k-l'] }).success, false);
  });
});
