import assert from 'node:assert/strict';
import type { Doc } from '../../src/server/document';
import { FirestoreError } from '../../src/server/errors';
import { getField } from '../../src/server/paths';
import { type Value, INT64_MAX, isNaNValue } from '../../src/server/values';
import { MAX_DOCUMENT_SIZE, type WriteOp, applyWrite, documentSize, extremum, increment } from '../../src/server/writes';

const NAME = 'projects/p/databases/(default)/documents/c/d';
const doc = (fields: Doc['fields'], t = 100): Doc => ({ path: 'c/d', fields, createTime: 50, updateTime: t });
const int = (n: number | string): { integerValue: string } => ({ integerValue: String(n) });
const dbl = (n: number): { doubleValue: number } => ({ doubleValue: n });

function codeOf(fn: () => unknown): number | undefined {
  try {
    fn();
  } catch (err) {
    return err instanceof FirestoreError ? err.code : -1;
  }
  return undefined;
}

describe('writes: preconditions', () => {
  const update: WriteOp = { kind: 'update', path: 'c/d', fields: { a: int(1) }, transforms: [], precondition: { exists: true } };

  it('exists:true fails with NOT_FOUND on a missing document', () => {
    assert.equal(codeOf(() => applyWrite(null, update, 200, NAME)), 5);
  });

  it('exists:false fails with ALREADY_EXISTS on an existing document', () => {
    assert.equal(codeOf(() => applyWrite(doc({}), { ...update, precondition: { exists: false } }, 200, NAME)), 6);
  });

  it('updateTime must match exactly', () => {
    assert.equal(codeOf(() => applyWrite(doc({}, 100), { ...update, precondition: { updateTime: 99 } }, 200, NAME)), 9);
    assert.equal(applyWrite(doc({}, 100), { ...update, precondition: { updateTime: 100 } }, 200, NAME).after?.updateTime, 200);
  });
});

describe('writes: set and update mask', () => {
  it('set replaces all fields and keeps createTime', () => {
    const { after, result } = applyWrite(doc({ old: int(1) }), { kind: 'update', path: 'c/d', fields: { a: int(2) }, transforms: [] }, 200, NAME);
    assert.deepEqual(after?.fields, { a: int(2) });
    assert.equal(after?.createTime, 50);
    assert.equal(result.updateTime, 200);
  });

  it('a mask merges listed paths and deletes listed paths absent from the data', () => {
    const current = doc({ keep: int(1), m: { mapValue: { fields: { x: int(1), y: int(2) } } }, gone: int(3) });
    const op: WriteOp = { kind: 'update', path: 'c/d', fields: { m: { mapValue: { fields: { x: int(9) } } } }, mask: [['m', 'x'], ['gone'], ['m', 'y']], transforms: [] };
    const { after } = applyWrite(current, op, 200, NAME);
    assert.deepEqual(after?.fields, { keep: int(1), m: { mapValue: { fields: { x: int(9) } } } });
  });

  it('a write that changes nothing keeps the old update time and object', () => {
    const current = doc({ a: int(1) });
    const { after, result } = applyWrite(current, { kind: 'update', path: 'c/d', fields: { a: int(1) }, transforms: [] }, 200, NAME);
    assert.equal(after, current);
    assert.equal(result.updateTime, 100);
    const changed = applyWrite(current, { kind: 'update', path: 'c/d', fields: { a: dbl(1) }, transforms: [] }, 200, NAME);
    assert.notEqual(changed.after, current);
  });

  it('delete removes and verify leaves the document', () => {
    assert.equal(applyWrite(doc({}), { kind: 'delete', path: 'c/d' }, 200, NAME).after, null);
    const current = doc({});
    assert.equal(applyWrite(current, { kind: 'verify', path: 'c/d', precondition: { updateTime: 100 } }, 200, NAME).after, current);
  });
});

describe('writes: transforms', () => {
  it('increments ints as ints (saturating) and mixes to double', () => {
    assert.deepEqual(increment(int(5), int(3)), int(8));
    assert.deepEqual(increment(int(5), dbl(0.5)), dbl(5.5));
    assert.deepEqual(increment({ stringValue: 'x' }, int(3)), int(3));
    assert.deepEqual(increment(undefined, dbl(2)), dbl(2));
    assert.deepEqual(increment(int(INT64_MAX.toString()), int(1)), int(INT64_MAX.toString()));
    assert.deepEqual(increment(int('-9223372036854775808'), int(-1)), int('-9223372036854775808'));
  });

  it('maximum/minimum keep the stored value when equivalent and let NaN win', () => {
    assert.deepEqual(extremum(int(3), dbl(3), 1), int(3));
    assert.deepEqual(extremum(int(3), dbl(4), 1), dbl(4));
    assert.deepEqual(extremum(dbl(2.5), int(2), -1), int(2));
    assert.ok(isNaNValue(extremum(int(3), dbl(NaN), 1)));
    assert.deepEqual(extremum({ booleanValue: true }, int(1), -1), int(1));
  });

  it('applies transforms after the update, on nested paths, and reports results', () => {
    const current = doc({ n: { mapValue: { fields: { c: int(1) } } }, tags: { arrayValue: { values: [{ stringValue: 'a' }, int(1)] } } });
    const op: WriteOp = {
      kind: 'update',
      path: 'c/d',
      fields: {},
      mask: [],
      transforms: [
        { field: ['n', 'c'], kind: 'increment', operand: int(2) },
        { field: ['tags'], kind: 'appendMissing', elements: [dbl(1), { stringValue: 'b' }, { stringValue: 'b' }] },
        { field: ['when'], kind: 'serverTime' },
        { field: ['tags2'], kind: 'removeAll', elements: [int(1)] },
      ],
    };
    const { after, result } = applyWrite(current, op, 1_500_000, NAME);
    assert.ok(after);
    assert.deepEqual(getField(after.fields, ['n', 'c']), int(3));
    assert.deepEqual(getField(after.fields, ['tags']), { arrayValue: { values: [{ stringValue: 'a' }, int(1), { stringValue: 'b' }] } });
    assert.deepEqual(getField(after.fields, ['when']), { timestampValue: { seconds: 1, nanos: 500_000_000 } });
    assert.deepEqual(getField(after.fields, ['tags2']), { arrayValue: { values: [] } });
    const expected: Value[] = [int(3), { nullValue: 'NULL_VALUE' }, { timestampValue: { seconds: 1, nanos: 500_000_000 } }, { nullValue: 'NULL_VALUE' }];
    assert.deepEqual(result.transformResults, expected);
  });

  it('removeAll removes every equivalent element', () => {
    const current = doc({ a: { arrayValue: { values: [int(1), dbl(1), int(2), int(1)] } } });
    const { after } = applyWrite(current, { kind: 'transform', path: 'c/d', transforms: [{ field: ['a'], kind: 'removeAll', elements: [int(1)] }] }, 200, NAME);
    assert.deepEqual(after?.fields, { a: { arrayValue: { values: [int(2)] } } });
  });
});

describe('writes: document size', () => {
  it('counts storage size as Firestore documents it', () => {
    // users/jeff/tasks/my_task_id with four fields: 44 + 71 + 32 bytes.
    const fields = { type: { stringValue: 'Personal' }, done: { booleanValue: false }, priority: int(1), description: { stringValue: 'Learn Cloud Firestore' } };
    assert.equal(documentSize('users/jeff/tasks/my_task_id', fields), 147);
  });

  it('rejects a document over 1 MiB with INVALID_ARGUMENT', () => {
    const big = { text: { stringValue: 'x'.repeat(MAX_DOCUMENT_SIZE) } };
    assert.equal(codeOf(() => applyWrite(null, { kind: 'update', path: 'c/d', fields: big, transforms: [] }, 200, NAME)), 3);
  });
});
