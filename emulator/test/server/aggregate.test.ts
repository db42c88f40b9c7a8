import assert from 'node:assert/strict';
import { aggregate } from '../../src/server/aggregate';
import type { Doc } from '../../src/server/document';
import type { Value } from '../../src/server/values';

const docs = (...values: (Value | undefined)[]): Doc[] =>
  values.map((v, i): Doc => ({ path: `c/${i}`, fields: v === undefined ? {} : { x: v }, createTime: 1, updateTime: 1 }));

describe('aggregate', () => {
  it('counts, honouring up_to', () => {
    const d = docs(undefined, undefined, undefined);
    assert.deepEqual(aggregate(d, [{ alias: 'c', kind: 'count' }, { alias: 'u', kind: 'count', upTo: 2 }]), { c: { integerValue: '3' }, u: { integerValue: '2' } });
  });

  it('sums ints as an int and ignores non-numbers', () => {
    const d = docs({ integerValue: '2' }, { integerValue: '3' }, { stringValue: '5' }, undefined, { nullValue: 'NULL_VALUE' });
    assert.deepEqual(aggregate(d, [{ alias: 's', kind: 'sum', field: ['x'] }]), { s: { integerValue: '5' } });
  });

  it('sums to a double when any value is a double or the int sum overflows', () => {
    assert.deepEqual(aggregate(docs({ integerValue: '2' }, { doubleValue: 0.5 }), [{ alias: 's', kind: 'sum', field: ['x'] }]), { s: { doubleValue: 2.5 } });
    const big = aggregate(docs({ integerValue: '9223372036854775807' }, { integerValue: '1' }), [{ alias: 's', kind: 'sum', field: ['x'] }]);
    assert.deepEqual(big, { s: { doubleValue: 9223372036854775808 } });
  });

  it('sum over nothing is int 0; average over nothing is null', () => {
    const d = docs({ stringValue: 'a' });
    assert.deepEqual(aggregate(d, [{ alias: 's', kind: 'sum', field: ['x'] }, { alias: 'a', kind: 'avg', field: ['x'] }]), {
      s: { integerValue: '0' },
      a: { nullValue: 'NULL_VALUE' },
    });
  });

  it('averages as a double', () => {
    const d = docs({ integerValue: '1' }, { integerValue: '2' }, { booleanValue: true });
    assert.deepEqual(aggregate(d, [{ alias: 'a', kind: 'avg', field: ['x'] }]), { a: { doubleValue: 1.5 } });
  });
});
