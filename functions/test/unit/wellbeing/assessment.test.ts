/** PHQ-9 / GAD-7 scoring: answer validation, every band boundary, trend, item 9 and the risk rules. */
import assert from 'node:assert/strict';
import type { Severity } from '../../../src/model/schemas';
import { ValidationError } from '../../../src/platform/errors';
import { assessmentRisk, scoreAnswers, severityFor, trendAgainst, validateAnswers } from '../../../src/wellbeing/assessment';

/** Answers summing to `total` with item 9 (index 8) = `item9`. */
function phq9(total: number, item9 = 0): number[] {
  const answers = Array.from({ length: 9 }, () => 0);
  answers[8] = item9;
  let left = total - item9;
  for (let i = 0; i < 8 && left > 0; i += 1) {
    answers[i] = Math.min(3, left);
    left -= answers[i] ?? 0;
  }
  if (left !== 0) throw new Error(`cannot build a PHQ-9 total of ${total} with item 9 = ${item9}`);
  return answers;
}

function gad7(total: number): number[] {
  const answers = Array.from({ length: 7 }, () => 0);
  let left = total;
  for (let i = 0; i < 7 && left > 0; i += 1) {
    answers[i] = Math.min(3, left);
    left -= answers[i] ?? 0;
  }
  return answers;
}

describe('assessment answers', () => {
  it('accepts 9 (PHQ-9) or 7 (GAD-7) integers from 0 to 3', () => {
    assert.deepEqual(validateAnswers('phq9', [0, 1, 2, 3, 0, 1, 2, 3, 0]), [0, 1, 2, 3, 0, 1, 2, 3, 0]);
    assert.deepEqual(validateAnswers('gad7', [3, 3, 3, 3, 3, 3, 3]), [3, 3, 3, 3, 3, 3, 3]);
  });

  it('rejects a wrong count, out-of-range, fractional or non-numeric answers', () => {
    for (const bad of [[0, 0, 0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0, 0, 4], [0, 0, 0, 0, 0, 0, 0, 0, -1], [0, 0, 0, 0, 0, 0, 0, 0, 1.5], ['1', 0, 0, 0, 0, 0, 0, 0, 0], null, 'nine']) {
      assert.throws(() => scoreAnswers('phq9', bad), ValidationError, JSON.stringify(bad));
    }
    assert.throws(() => scoreAnswers('gad7', phq9(0)), /at most 7 items/);
  });
});

describe('PHQ-9 bands (0–4 minimal, 5–9 mild, 10–14 moderate, 15–19 moderately severe, 20–27 severe)', () => {
  const expected: Array<[number, Severity]> = [
    [0, 'minimal'],
    [4, 'minimal'],
    [5, 'mild'],
    [9, 'mild'],
    [10, 'moderate'],
    [14, 'moderate'],
    [15, 'moderately-severe'],
    [19, 'moderately-severe'],
    [20, 'severe'],
    [27, 'severe'],
  ];
  for (const [total, severity] of expected) {
    it(`${total} → ${severity}`, () => {
      // Items 1–8 give at most 24; above that item 9 must carry the rest.
      const result = scoreAnswers('phq9', phq9(total, Math.max(0, total - 24)));
      assert.equal(result.score, total);
      assert.equal(result.severity, severity);
    });
  }

  it('every total 0–27 falls in exactly the documented band', () => {
    for (let s = 0; s <= 27; s += 1) {
      const want = s <= 4 ? 'minimal' : s <= 9 ? 'mild' : s <= 14 ? 'moderate' : s <= 19 ? 'moderately-severe' : 'severe';
      assert.equal(severityFor('phq9', s), want, `score ${s}`);
    }
    assert.throws(() => severityFor('phq9', 28), RangeError);
    assert.throws(() => severityFor('phq9', -1), RangeError);
  });
});

describe('GAD-7 bands (0–4 minimal, 5–9 mild, 10–14 moderate, 15–21 severe)', () => {
  const expected: Array<[number, Severity]> = [
    [0, 'minimal'],
    [4, 'minimal'],
    [5, 'mild'],
    [9, 'mild'],
    [10, 'moderate'],
    [14, 'moderate'],
    [15, 'severe'],
    [21, 'severe'],
  ];
  for (const [total, severity] of expected) {
    it(`${total} → ${severity}`, () => {
      const result = scoreAnswers('gad7', gad7(total));
      assert.equal(result.score, total);
      assert.equal(result.severity, severity);
      assert.deepEqual(result.flags, []);
    });
  }

  it('never uses the moderately-severe band, and stops at 21', () => {
    for (let s = 0; s <= 21; s += 1) assert.notEqual(severityFor('gad7', s), 'moderately-severe');
    assert.throws(() => severityFor('gad7', 22), RangeError);
  });
});

describe('PHQ-9 item 9 and risk', () => {
  it('item 9 above 0 flags the result and is a high risk even with a minimal total', () => {
    const result = scoreAnswers('phq9', phq9(1, 1));
    assert.equal(result.severity, 'minimal');
    assert.deepEqual(result.flags, ['phq9-item9-positive']);
    assert.deepEqual(assessmentRisk('phq9', result), { level: 'high', reasons: ['phq9-item9-positive'] });
  });

  it('item 9 at 0 raises nothing below the severe band', () => {
    for (const total of [0, 9, 14, 19]) assert.equal(assessmentRisk('phq9', scoreAnswers('phq9', phq9(total))), null, `total ${total}`);
  });

  it('a severe total is a moderate risk; with item 9 it stays high and names both', () => {
    assert.deepEqual(assessmentRisk('phq9', scoreAnswers('phq9', phq9(20))), { level: 'moderate', reasons: ['phq9-severe'] });
    assert.deepEqual(assessmentRisk('phq9', scoreAnswers('phq9', phq9(24, 3))), { level: 'high', reasons: ['phq9-item9-positive', 'phq9-severe'] });
  });

  it('GAD-7 has no item 9: a severe total is a moderate risk, anything less none', () => {
    assert.deepEqual(assessmentRisk('gad7', scoreAnswers('gad7', gad7(15))), { level: 'moderate', reasons: ['gad7-severe'] });
    assert.equal(assessmentRisk('gad7', scoreAnswers('gad7', gad7(14))), null);
    assert.deepEqual(scoreAnswers('gad7', [0, 0, 0, 0, 0, 0, 3]).flags, []);
  });
});

describe('trend against the previous result', () => {
  it('is null for the first result', () => {
    assert.equal(trendAgainst('phq9', 10, null), null);
  });

  it('PHQ-9: a change of 5 or more is improved / worsened, less is stable', () => {
    assert.deepEqual(trendAgainst('phq9', 10, { id: 'a1', score: 15 }), { previousId: 'a1', previousScore: 15, delta: -5, direction: 'improved' });
    assert.deepEqual(trendAgainst('phq9', 10, { id: 'a1', score: 14 }), { previousId: 'a1', previousScore: 14, delta: -4, direction: 'stable' });
    assert.deepEqual(trendAgainst('phq9', 19, { id: 'a1', score: 14 }), { previousId: 'a1', previousScore: 14, delta: 5, direction: 'worsened' });
    assert.deepEqual(trendAgainst('phq9', 7, { id: 'a1', score: 7 }), { previousId: 'a1', previousScore: 7, delta: 0, direction: 'stable' });
  });

  it('GAD-7: the threshold is 4', () => {
    assert.equal(trendAgainst('gad7', 6, { id: 'g', score: 10 })?.direction, 'improved');
    assert.equal(trendAgainst('gad7', 7, { id: 'g', score: 10 })?.direction, 'stable');
    assert.equal(trendAgainst('gad7', 14, { id: 'g', score: 10 })?.direction, 'worsened');
  });
});
