import assert from 'node:assert/strict';
import {
  type Value,
  compareUtf8,
  compareValues,
  fieldsFromJson,
  fieldsToJson,
  timestampFromIso,
  timestampToIso,
  valueFromJson,
  valueToJson,
  valuesEqual,
  valuesIdentical,
} from '../../src/server/values';

const int = (n: number | string): Value => ({ integerValue: String(n) });
const dbl = (n: number): Value => ({ doubleValue: n });
const str = (s: string): Value => ({ stringValue: s });
const ref = (p: string): Value => ({ referenceValue: `projects/p/databases/(default)/documents/${p}` });
const arr = (...values: Value[]): Value => ({ arrayValue: { values } });
const map = (fields: Record<string, Value>): Value => ({ mapValue: { fields } });

describe('values: ordering', () => {
  it('orders across types as the backend does', () => {
    const ordered: Value[] = [
      { nullValue: 'NULL_VALUE' },
      { booleanValue: false },
      { booleanValue: true },
      dbl(NaN),
      dbl(-Infinity),
      int(-5),
      dbl(0.5),
      int(1),
      dbl(Infinity),
      { timestampValue: { seconds: 1, nanos: 0 } },
      { timestampValue: { seconds: 1, nanos: 5 } },
      str(''),
      str('a'),
      str('b'),
      { bytesValue: Buffer.from([0]) },
      { bytesValue: Buffer.from([1]) },
      ref('a/b'),
      ref('a/b/c/d'),
      ref('b/a'),
      { geoPointValue: { latitude: -1, longitude: 0 } },
      { geoPointValue: { latitude: 0, longitude: 0 } },
      arr(),
      arr(int(1)),
      arr(int(1), int(2)),
      arr(int(2)),
      map({ __type__: str('__vector__'), value: arr(dbl(9)) }),
      map({ __type__: str('__vector__'), value: arr(dbl(1), dbl(1)) }),
      map({}),
      map({ a: int(1) }),
      map({ a: int(2) }),
      map({ b: int(0) }),
    ];
    for (let i = 0; i < ordered.length; i++) {
      for (let j = 0; j < ordered.length; j++) {
        const a = ordered[i];
        const b = ordered[j];
        assert.ok(a && b);
        assert.equal(Math.sign(compareValues(a, b)), Math.sign(i - j), `${JSON.stringify(valueToJson(a))} vs ${JSON.stringify(valueToJson(b))}`);
      }
    }
  });

  it('compares ints and doubles exactly, beyond 2^53', () => {
    assert.equal(compareValues(int('9007199254740993'), dbl(9007199254740992)), 1);
    assert.equal(compareValues(dbl(9007199254740992), int('9007199254740993')), -1);
    assert.equal(compareValues(int('9223372036854775807'), int('9223372036854775806')), 1);
    assert.equal(compareValues(int(3), dbl(3)), 0);
    assert.equal(compareValues(int(3), dbl(3.5)), -1);
    assert.equal(compareValues(int(-3), dbl(-3.5)), 1);
  });

  it('orders strings by UTF-8 bytes, not UTF-16 code units', () => {
    // U+FFFD is 0xEF.. in UTF-8; U+1F600 is 0xF0..: the emoji sorts after, although its UTF-16 surrogate is smaller.
    assert.equal(compareUtf8('\uFFFD', '\u{1F600}'), -1);
    assert.ok('\uFFFD' > '\u{1F600}');
    assert.equal(compareValues(str('\u{1F600}'), str('\uFFFD')), 1);
  });

  it('orders references segment by segment', () => {
    assert.equal(compareValues(ref('a/b'), ref('a-/b')), -1);
    assert.equal(compareValues(ref('a/__id2__'), ref('a/__id10__')), -1);
    assert.equal(compareValues(ref('a/__id99__'), ref('a/aaa')), -1);
  });
});

describe('values: equality', () => {
  it('treats numerically equal numbers as equal in queries but not identical', () => {
    assert.ok(valuesEqual(int(1), dbl(1)));
    assert.ok(valuesEqual(dbl(0), dbl(-0)));
    assert.ok(valuesEqual(dbl(NaN), dbl(NaN)));
    assert.ok(!valuesIdentical(int(1), dbl(1)));
    assert.ok(!valuesIdentical(dbl(0), dbl(-0)));
    assert.ok(valuesIdentical(dbl(NaN), dbl(NaN)));
    assert.ok(valuesIdentical(map({ a: arr(int(1)) }), map({ a: arr(int(1)) })));
    assert.ok(!valuesIdentical(map({ a: arr(int(1)) }), map({ a: arr(int(1), int(2)) })));
  });
});

describe('values: REST JSON', () => {
  it('round-trips every type', () => {
    const fields = {
      n: { nullValue: 'NULL_VALUE' as const },
      b: { booleanValue: true },
      i: int('-9223372036854775808'),
      d: dbl(1.5),
      nan: dbl(NaN),
      inf: dbl(-Infinity),
      t: { timestampValue: { seconds: 1700000000, nanos: 123456789 } },
      s: str('héllo'),
      y: { bytesValue: Buffer.from([1, 2, 255]) },
      r: ref('a/b'),
      g: { geoPointValue: { latitude: 12.5, longitude: -3 } },
      a: arr(int(1), str('x')),
      m: map({ inner: map({ deep: int(2) }) }),
    };
    const back = fieldsFromJson(fieldsToJson(fields));
    for (const [k, v] of Object.entries(fields)) {
      const w = back[k];
      assert.ok(w, k);
      assert.ok(valuesIdentical(v, w), k);
    }
  });

  it('formats timestamps with the digits they need', () => {
    assert.equal(timestampToIso({ seconds: 0, nanos: 0 }), '1970-01-01T00:00:00Z');
    assert.equal(timestampToIso({ seconds: 0, nanos: 5_000_000 }), '1970-01-01T00:00:00.005Z');
    assert.equal(timestampToIso({ seconds: 0, nanos: 5_000 }), '1970-01-01T00:00:00.000005Z');
    assert.equal(timestampToIso({ seconds: 0, nanos: 5 }), '1970-01-01T00:00:00.000000005Z');
    assert.deepEqual(timestampFromIso('2024-02-03T04:05:06.7+01:00'), { seconds: Date.UTC(2024, 1, 3, 3, 5, 6) / 1000, nanos: 700_000_000 });
  });

  it('rejects malformed values', () => {
    assert.throws(() => valueFromJson({ integerValue: '1.5' }), /invalid integerValue/);
    assert.throws(() => valueFromJson({ stringValue: 'a', booleanValue: true }), /exactly one field/);
    assert.throws(() => valueFromJson({ frob: 1 }), /invalid frob/);
  });
});
