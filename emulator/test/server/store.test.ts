import assert from 'node:assert/strict';
import type { Doc } from '../../src/server/document';
import { FirestoreError } from '../../src/server/errors';
import { Database, MAX_VERSIONS, VERSION_RETENTION_MICROS } from '../../src/server/store';

const HOUR = VERSION_RETENTION_MICROS;
const doc = (path: string, v: number, createTime: number, updateTime: number): Doc => ({ path, fields: { v: { integerValue: String(v) } }, createTime, updateTime });
const valueOf = (d: Doc | null): string | undefined => {
  const v = d?.fields['v'];
  return v && 'integerValue' in v ? v.integerValue : undefined;
};
const codeOf = (fn: () => unknown): number | undefined => {
  try {
    fn();
  } catch (err) {
    return err instanceof FirestoreError ? err.code : -1;
  }
  return undefined;
};

describe('store: versions for reads at a past time', () => {
  it('answers from kept versions and forgets them after the retention window', () => {
    const db = new Database('projects/p/databases/(default)', 'p', '(default)');
    const t0 = 10 * HOUR;
    const v1 = doc('c/a', 1, t0, t0);
    db.apply(t0, [{ path: 'c/a', before: null, after: v1 }]);
    const v2 = doc('c/a', 2, t0, t0 + 10);
    db.apply(t0 + 10, [{ path: 'c/a', before: v1, after: v2 }]);
    db.apply(t0 + 20, [{ path: 'c/a', before: v2, after: null }]);
    const now = t0 + 30;
    assert.equal(db.at(t0 - 1, now).get('c/a'), null);
    assert.equal(valueOf(db.at(t0 + 5, now).get('c/a')), '1');
    assert.equal(valueOf(db.at(t0 + 10, now).get('c/a')), '2');
    assert.equal(db.at(t0 + 20, now).get('c/a'), null);
    // An hour later the next commit prunes them, and reads that far back are refused.
    db.apply(t0 + HOUR + 30, [{ path: 'c/b', before: null, after: doc('c/b', 9, t0 + HOUR + 30, t0 + HOUR + 30) }]);
    assert.equal(codeOf(() => db.at(t0 + 5, t0 + HOUR + 40)), 9);
  });

  it(`keeps at most ${MAX_VERSIONS} versions, refusing reads before the oldest dropped`, () => {
    const db = new Database('projects/p/databases/(default)', 'p', '(default)');
    const t0 = 10 * HOUR;
    let current = doc('c/a', 0, t0, t0);
    db.apply(t0, [{ path: 'c/a', before: null, after: current }]);
    for (let i = 1; i <= MAX_VERSIONS + 10; i++) {
      const next = doc('c/a', i, t0, t0 + i);
      db.apply(t0 + i, [{ path: 'c/a', before: current, after: next }]);
      current = next;
    }
    const now = t0 + MAX_VERSIONS + 20;
    assert.equal(codeOf(() => db.at(t0 + 5, now)), 9);
    assert.equal(valueOf(db.at(t0 + 10, now).get('c/a')), '10');
    assert.equal(valueOf(db.at(t0 + 500, now).get('c/a')), '500');
  });
});
