import assert from 'node:assert/strict';
import { deleteField, formatFieldPath, getField, parseFieldPath, parseResourceName, projectFields, setField } from '../../src/server/paths';
import type { Fields } from '../../src/server/values';

describe('paths: resource names', () => {
  it('splits a document name into database and relative path', () => {
    assert.deepEqual(parseResourceName('projects/p1/databases/(default)/documents/users/u1'), {
      root: 'projects/p1/databases/(default)',
      project: 'p1',
      database: '(default)',
      path: 'users/u1',
    });
    assert.equal(parseResourceName('projects/p1/databases/(default)/documents').path, '');
  });

  it('rejects malformed names', () => {
    assert.throws(() => parseResourceName('projects/p1/documents/a'), /Invalid/);
    assert.throws(() => parseResourceName('projects/p1/databases/(default)/documents/a//b'), /Invalid/);
    assert.throws(() => parseResourceName('projects/p1/databases/(default)/documentsX'), /Invalid/);
  });

  it('checks ids: no "." or "..", nothing reserved but numeric document ids', () => {
    const name = (path: string): string => `projects/p1/databases/(default)/documents/${path}`;
    for (const path of ['c/.', 'c/..', 'c/__x__', '__c__/d', '__id1__/d', 'c/d/__x__']) assert.throws(() => parseResourceName(name(path)), /invalid/, path);
    for (const path of ['c/__id1__', 'c/__id-9223372036854775808__', 'c/d/e']) assert.equal(parseResourceName(name(path)).path, path);
  });
});

describe('paths: field paths', () => {
  it('parses dotted and back-ticked segments', () => {
    assert.deepEqual(parseFieldPath('a.b.c'), ['a', 'b', 'c']);
    assert.deepEqual(parseFieldPath('`a.b`.c'), ['a.b', 'c']);
    assert.deepEqual(parseFieldPath('`we\\`ird\\\\`'), ['we`ird\\']);
    assert.deepEqual(parseFieldPath('`1x`.`-`'), ['1x', '-']);
    assert.deepEqual(parseFieldPath('__name__'), ['__name__']);
  });

  it('rejects empty segments and unclosed quotes', () => {
    for (const bad of ['', 'a..b', 'a.', '.a', '`a', '`a`b']) assert.throws(() => parseFieldPath(bad), /field path/i, bad);
  });

  it('formats back to a parseable path', () => {
    for (const segments of [['a', 'b'], ['a.b', 'c d'], ['x`y', '1']]) {
      assert.deepEqual(parseFieldPath(formatFieldPath(segments)), segments);
    }
    assert.equal(formatFieldPath(['a', 'b.c']), 'a.`b.c`');
  });
});

describe('paths: field access', () => {
  const fields: Fields = { a: { mapValue: { fields: { b: { integerValue: '1' } } } }, s: { stringValue: 'x' } };

  it('reads nested fields and never inherited properties', () => {
    assert.deepEqual(getField(fields, ['a', 'b']), { integerValue: '1' });
    assert.equal(getField(fields, ['s', 'x']), undefined);
    assert.equal(getField(fields, ['constructor']), undefined);
    assert.equal(getField(fields, ['toString']), undefined);
  });

  it('sets and deletes copy-on-write', () => {
    const set = setField(fields, ['a', 'c'], { booleanValue: true });
    assert.deepEqual(getField(set, ['a', 'c']), { booleanValue: true });
    assert.equal(getField(fields, ['a', 'c']), undefined);
    const replaced = setField(fields, ['s', 'deep'], { integerValue: '2' });
    assert.deepEqual(getField(replaced, ['s', 'deep']), { integerValue: '2' });
    const removed = deleteField(fields, ['a', 'b']);
    assert.deepEqual(getField(removed, ['a']), { mapValue: { fields: {} } });
    assert.deepEqual(getField(fields, ['a', 'b']), { integerValue: '1' });
  });

  it('projects selected paths only', () => {
    assert.deepEqual(projectFields(fields, [['a', 'b'], ['missing'], ['__name__']]), { a: { mapValue: { fields: { b: { integerValue: '1' } } } } });
  });
});
