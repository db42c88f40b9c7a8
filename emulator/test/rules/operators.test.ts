// Operators of the rules language: precedence and associativity (rules-language reference),
// int64 arithmetic, floats and int/float mixing, comparisons, membership, type checks, the
// ternary, and how `&&` / `||` absorb errors.

import assert from 'node:assert/strict';
import { outcome, type Outcome } from './helpers';

function table(title: string, rows: readonly (readonly [string, Outcome])[]): void {
  describe(title, () => {
    for (const [expr, want] of rows) {
      it(`${expr} → ${want}`, () => assert.equal(outcome(expr), want));
    }
  });
}

table('precedence and associativity', [
  ['1 + 2 * 3 == 7', 'true'],
  ['(1 + 2) * 3 == 9', 'true'],
  ['10 - 4 - 3 == 3', 'true'],
  ['100 / 10 / 5 == 2', 'true'],
  ['2 * 3 % 4 == 2', 'true'],
  ['-1 + 2 == 1', 'true'],
  ['- 2 * 3 == -6', 'true'],
  ['!false == true', 'true'],
  ['!true || true', 'true'],
  ['true || false && false', 'true'],
  ['false && false || true', 'true'],
  ["'a' in ['a'] == true", 'true'],
  ['1 is int == true', 'true'],
  ["'a' in ['a'] is bool", 'true'],
  ['1 < 2 == true', 'true'],
  ['1 < 2 in [true]', 'true'],
  ['1 + 1 in [2]', 'true'],
  ['(false ? 1 : true ? 2 : 3) == 2', 'true'],
  ['(true ? 1 : 2) == 1', 'true'],
  ['true ? false : true', 'false'],
  ['[1, 2, 3][1] + 1 == 3', 'true'],
  ['{"a": {"b": 2}}.a.b * 2 == 4', 'true'],
]);

table('int64 arithmetic', [
  ['7 / 2 == 3', 'true'],
  ['-7 / 2 == -3', 'true'],
  ['7 % 3 == 1', 'true'],
  ['-7 % 3 == -1', 'true'],
  ['7 % -3 == 1', 'true'],
  ['1 / 0 == 0', 'error'],
  ['1 % 0 == 0', 'error'],
  ['9223372036854775807 == 9223372036854775807', 'true'],
  ['9223372036854775807 + 1 > 0', 'error'],
  ['-9223372036854775808 - 1 < 0', 'error'],
  ['-9223372036854775808 / -1 > 0', 'error'],
  ['9223372036854775807 * 2 > 0', 'error'],
  ['-(-9223372036854775807) == 9223372036854775807', 'true'],
  ['0x10 == 16', 'true'],
  ['9007199254740993 - 9007199254740992 == 1', 'true'],
]);

table('floats and mixing ints with floats', [
  ['7.0 / 2 == 3.5', 'true'],
  ['7 / 2.0 == 3.5', 'true'],
  ['1 + 1.5 == 2.5', 'true'],
  ['2 == 2.0', 'true'],
  ['2 != 2.0', 'false'],
  ['2.0 is float', 'true'],
  ['2 * 1.0 is float', 'true'],
  ['1e3 == 1000', 'true'],
  ['1e3 is float', 'true'],
  ['5.5 % 2 == 1.5', 'true'],
  ['-(1.5) == -1.5', 'true'],
  ['1.0 / 0 > 1000000', 'true'],
  ['0.0 / 0 == 0.0 / 0', 'false'],
  ['1 < 2.5', 'true'],
  ['2.5 >= 2', 'true'],
  ['0.1 + 0.2 == 0.3', 'false'],
]);

table('strings', [
  ["'a' + 'b' == 'ab'", 'true'],
  ["'a' + 1 == 'a1'", 'error'],
  ["'abc' < 'abd'", 'true'],
  ["'B' < 'a'", 'true'],
  ["'abc' >= 'abc'", 'true'],
  ["'a' < 1", 'error'],
  ['"double" == \'double\'', 'true'],
  ["'''tri''' == 'tri'", 'true'],
  ["'\\x41' == 'A'", 'true'],
  ["'\\u00e9' == 'é'", 'true'],
  ["'\\101' == 'A'", 'true'],
  ["'a\\tb'.size() == 3", 'true'],
  ["r'\\d' == '\\\\d'", 'true'],
]);

table('equality across types', [
  ['null == null', 'true'],
  ['null != 1', 'true'],
  ["1 == '1'", 'false'],
  ["true == 'true'", 'false'],
  ['[1, 2] == [1, 2]', 'true'],
  ['[1, 2] == [2, 1]', 'false'],
  ['[1] == [1.0]', 'true'],
  ["{'a': 1} == {'a': 1.0}", 'true'],
  ["{'a': 1} == {'a': 1, 'b': 2}", 'false'],
  ["{'a': 1, 'b': 2} == {'b': 2, 'a': 1}", 'true'],
  ['true < false', 'error'],
  ['null < 1', 'error'],
  ['[1] < [2]', 'error'],
]);

table('membership', [
  ['2 in [1, 2, 3]', 'true'],
  ['4 in [1, 2, 3]', 'false'],
  ['2.0 in [1, 2]', 'true'],
  ["'a' in {'a': 1}", 'true'],
  ["'b' in {'a': 1}", 'false'],
  ["1 in {'a': 1}", 'error'],
  ["'a' in 'abc'", 'error'],
  ["'a' in ['a', 'b'].toSet()", 'true'],
  ['[1] in [[1], [2]]', 'true'],
  ['1 in null', 'error'],
]);

table('type checks (is)', [
  ['1 is int', 'true'],
  ['1 is float', 'false'],
  ['1.0 is float', 'true'],
  ['1 is number', 'true'],
  ['1.5 is number', 'true'],
  ["'s' is string", 'true'],
  ['true is bool', 'true'],
  ['null is null', 'true'],
  ['[1] is list', 'true'],
  ['{} is map', 'true'],
  ["b'a' is bytes", 'true'],
  ['/a/b is path', 'true'],
  ['request.time is timestamp', 'true'],
  ["duration.value(1, 's') is duration", 'true'],
  ['latlng.value(1.0, 2.0) is latlng', 'true'],
  ['[1].toSet() is set', 'true'],
  ['[1] is set', 'false'],
  ['{}.diff({}) is map_diff', 'true'],
  ['{} is map_diff', 'false'],
  ['1 is string', 'false'],
  ['1 is constraint', 'false'],
  ['request is map', 'true'],
  ['request.auth is null', 'true'],
]);

table('ternary', [
  ["(1 < 2 ? 'yes' : 'no') == 'yes'", 'true'],
  ['1 ? true : false', 'error'],
  ['(true ? 1 / 0 : 2) == 2', 'error'],
  ['(false ? 1 / 0 : 2) == 2', 'true'],
]);

table('unary operators', [
  ['!1', 'error'],
  ["-'a' == 'a'", 'error'],
  ["-duration.value(1, 's') == duration.value(-1, 's')", 'true'],
  ['!!true', 'true'],
]);

table('errors and short-circuit logic (err || true allows, err && false is false)', [
  ['true || (1 / 0 == 0)', 'true'],
  ['(1 / 0 == 0) || true', 'true'],
  ['(1 / 0 == 0) || false', 'error'],
  ['(1 / 0 == 0) && false', 'false'],
  ['(1 / 0 == 0) && true', 'error'],
  ['false && (1 / 0 == 0)', 'false'],
  ['true && (1 / 0 == 0)', 'error'],
  ['(1 / 0 == 0) || (1 / 0 == 0)', 'error'],
  ['!(1 / 0 == 0)', 'error'],
  ['resource.data.missing == 1 || true', 'true'],
  ['resource.data.missing == 1 && false', 'false'],
  ['1 || true', 'true'],
  ['1 && true', 'error'],
  ['1 && false', 'false'],
  ['(1 / 0 == 0) == false', 'error'],
  ['[1 / 0 == 0 || true][0]', 'true'],
]);

describe('an allow condition must be a bool', () => {
  it('a non-bool condition is an error, so the allow is false', () => {
    assert.equal(outcome('1'), 'error');
    assert.equal(outcome("'true'"), 'error');
  });
});
