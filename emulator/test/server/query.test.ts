import assert from 'node:assert/strict';
import type { Doc } from '../../src/server/document';
import { type Filter, type Query, normalizeOrderBy, runQuery, validateQuery } from '../../src/server/query';
import type { Fields, Value } from '../../src/server/values';

const ROOT = 'projects/p/databases/(default)';
const int = (n: number): Value => ({ integerValue: String(n) });
const dbl = (n: number): Value => ({ doubleValue: n });
const str = (s: string): Value => ({ stringValue: s });
const arr = (...values: Value[]): Value => ({ arrayValue: { values } });
const ref = (p: string): Value => ({ referenceValue: `${ROOT}/documents/${p}` });
const NULL: Value = { nullValue: 'NULL_VALUE' };

function doc(path: string, fields: Fields): Doc {
  return { path, fields, createTime: 1, updateTime: 1 };
}

function query(partial: Partial<Query> & { filter?: Filter }): Query {
  const explicitOrderBy = partial.explicitOrderBy ?? [];
  return {
    root: ROOT,
    parent: '',
    collectionId: 'c',
    allDescendants: false,
    explicitOrderBy,
    orderBy: normalizeOrderBy(explicitOrderBy, partial.filter),
    offset: 0,
    ...partial,
  };
}

const f = (field: string, op: Extract<Filter, { kind: 'field' }>['op'], value: Value): Filter => ({ kind: 'field', field: field.split('.'), op, value });

const DOCS: Doc[] = [
  doc('c/a', { x: int(1), tags: arr(str('red'), int(1)), m: { mapValue: { fields: { k: int(5) } } } }),
  doc('c/b', { x: dbl(2.5), tags: arr(str('blue')) }),
  doc('c/c', { x: str('three') }),
  doc('c/d', { x: NULL }),
  doc('c/e', { x: dbl(NaN) }),
  doc('c/f', { y: int(1) }),
  doc('c/g', { x: int(2) }),
  doc('other/a', { x: int(1) }),
  doc('c/a/c/z', { x: int(7) }),
];

const names = (docs: Doc[]): string[] => docs.map((d) => d.path);
const run = (q: Partial<Query> & { filter?: Filter }): string[] => names(runQuery(query(q), DOCS));

describe('query: filters', () => {
  it('scopes to one collection by default and to every same-id collection as a group', () => {
    assert.deepEqual(run({}), ['c/a', 'c/b', 'c/c', 'c/d', 'c/e', 'c/f', 'c/g']);
    assert.deepEqual(run({ allDescendants: true }), ['c/a', 'c/a/c/z', 'c/b', 'c/c', 'c/d', 'c/e', 'c/f', 'c/g']);
    assert.deepEqual(run({ allDescendants: true, parent: 'c/a' }), ['c/a/c/z']);
  });

  it('range filters only match values of the same type, comparing int with double', () => {
    assert.deepEqual(run({ filter: f('x', 'GREATER_THAN', int(1)) }), ['c/g', 'c/b']);
    assert.deepEqual(run({ filter: f('x', 'LESS_THAN_OR_EQUAL', dbl(1)) }), ['c/e', 'c/a']);
    assert.deepEqual(run({ filter: f('x', 'GREATER_THAN_OR_EQUAL', str('')) }), ['c/c']);
  });

  it('== matches across int and double', () => {
    assert.deepEqual(run({ filter: f('x', 'EQUAL', dbl(1)) }), ['c/a']);
    assert.deepEqual(run({ filter: f('m.k', 'EQUAL', int(5)) }), ['c/a']);
  });

  it('!= and not-in exclude missing and null fields; not-in with null matches nothing', () => {
    assert.deepEqual(run({ filter: f('x', 'NOT_EQUAL', int(1)) }), ['c/e', 'c/g', 'c/b', 'c/c']);
    assert.deepEqual(run({ filter: f('x', 'NOT_IN', arr(int(1), int(2))) }), ['c/e', 'c/b', 'c/c']);
    assert.deepEqual(run({ filter: f('x', 'NOT_IN', arr(int(1), NULL)) }), []);
  });

  it('in, array-contains, array-contains-any', () => {
    assert.deepEqual(run({ filter: f('x', 'IN', arr(int(2), str('three'))) }), ['c/c', 'c/g']);
    assert.deepEqual(run({ filter: f('tags', 'ARRAY_CONTAINS', dbl(1)) }), ['c/a']);
    assert.deepEqual(run({ filter: f('tags', 'ARRAY_CONTAINS_ANY', arr(str('blue'), str('green'))) }), ['c/b']);
  });

  it('unary null and NaN filters', () => {
    assert.deepEqual(run({ filter: { kind: 'unary', field: ['x'], op: 'IS_NULL' } }), ['c/d']);
    assert.deepEqual(run({ filter: { kind: 'unary', field: ['x'], op: 'IS_NAN' } }), ['c/e']);
    assert.deepEqual(run({ filter: { kind: 'unary', field: ['x'], op: 'IS_NOT_NULL' } }), ['c/e', 'c/a', 'c/g', 'c/b', 'c/c']);
    assert.deepEqual(run({ filter: { kind: 'unary', field: ['x'], op: 'IS_NOT_NAN' } }), ['c/a', 'c/g', 'c/b', 'c/c']);
  });

  it('nested AND/OR composites', () => {
    const filter: Filter = {
      kind: 'composite',
      op: 'OR',
      filters: [
        { kind: 'composite', op: 'AND', filters: [f('x', 'GREATER_THAN_OR_EQUAL', int(1)), f('x', 'LESS_THAN', int(2))] },
        f('y', 'EQUAL', int(1)),
        f('x', 'EQUAL', str('three')),
      ],
    };
    // The inequality on x implies orderBy x, which drops c/f (no x) as Firestore does.
    assert.deepEqual(run({ filter }), ['c/a', 'c/c']);
    const noInequality: Filter = { kind: 'composite', op: 'OR', filters: [f('y', 'EQUAL', int(1)), f('x', 'EQUAL', str('three'))] };
    assert.deepEqual(run({ filter: noInequality }), ['c/c', 'c/f']);
  });

  it('__name__ filters compare document references', () => {
    assert.deepEqual(run({ filter: f('__name__', 'GREATER_THAN', ref('c/e')) }), ['c/f', 'c/g']);
    assert.deepEqual(run({ filter: f('__name__', 'IN', arr(ref('c/b'), ref('c/zz'))) }), ['c/b']);
  });
});

describe('query: order, cursors, offset, limit', () => {
  const byX = [{ field: ['x'], descending: false }];

  it('orders by value type then value, excluding documents without the field, then by name', () => {
    assert.deepEqual(run({ explicitOrderBy: byX }), ['c/d', 'c/e', 'c/a', 'c/g', 'c/b', 'c/c']);
    assert.deepEqual(run({ explicitOrderBy: [{ field: ['x'], descending: true }] }), ['c/c', 'c/b', 'c/g', 'c/a', 'c/e', 'c/d']);
  });

  it('normalises the order: explicit, inequality fields by path, then __name__ in the last direction', () => {
    const order = normalizeOrderBy([{ field: ['b'], descending: true }], {
      kind: 'composite',
      op: 'AND',
      filters: [f('z', 'GREATER_THAN', int(1)), f('a', 'NOT_EQUAL', int(1)), f('b', 'LESS_THAN', int(1))],
    });
    assert.deepEqual(order, [
      { field: ['b'], descending: true },
      { field: ['a'], descending: true },
      { field: ['z'], descending: true },
      { field: ['__name__'], descending: true },
    ]);
  });

  it('startAt/startAfter/endAt/endBefore', () => {
    assert.deepEqual(run({ explicitOrderBy: byX, startAt: { values: [int(1)], before: true } }), ['c/a', 'c/g', 'c/b', 'c/c']);
    assert.deepEqual(run({ explicitOrderBy: byX, startAt: { values: [int(1)], before: false } }), ['c/g', 'c/b', 'c/c']);
    assert.deepEqual(run({ explicitOrderBy: byX, endAt: { values: [dbl(2.5)], before: false } }), ['c/d', 'c/e', 'c/a', 'c/g', 'c/b']);
    assert.deepEqual(run({ explicitOrderBy: byX, endAt: { values: [dbl(2.5)], before: true } }), ['c/d', 'c/e', 'c/a', 'c/g']);
  });

  it('cursors on __name__ break ties', () => {
    const docs = [doc('c/1', { v: int(1) }), doc('c/2', { v: int(1) }), doc('c/3', { v: int(1) })];
    const q = query({ explicitOrderBy: [{ field: ['v'], descending: false }], startAt: { values: [int(1), ref('c/1')], before: false } });
    assert.deepEqual(names(runQuery(q, docs)), ['c/2', 'c/3']);
  });

  it('offset then limit', () => {
    assert.deepEqual(run({ explicitOrderBy: byX, offset: 1, limit: 2 }), ['c/e', 'c/a']);
    assert.deepEqual(run({ limit: 0 }), []);
  });
});

describe('query: validation', () => {
  it('rejects empty in lists, bad __name__ operands and too many cursor values', () => {
    assert.throws(() => validateQuery(query({ filter: f('x', 'IN', arr()) })), /non-empty array/);
    assert.throws(() => validateQuery(query({ filter: f('__name__', 'EQUAL', str('c/a')) })), /__name__/);
    assert.throws(() => validateQuery(query({ startAt: { values: [int(1), int(2)], before: true } })), /Too many cursor values/);
  });
});
