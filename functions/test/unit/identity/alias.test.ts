import assert from 'node:assert/strict';
import { ALIAS_ADJECTIVES, ALIAS_NOUNS, generateAlias } from '../../../src/identity/alias';

describe('alias generation', () => {
  it('is "Adjective Noun NN" from the word lists', () => {
    for (let i = 0; i < 200; i++) {
      const alias = generateAlias(`uid-${i}`);
      const m = /^(\w+) (\w+) (\d{2})$/.exec(alias);
      assert.ok(m, alias);
      assert.ok((ALIAS_ADJECTIVES as readonly string[]).includes(m[1] ?? ''), alias);
      assert.ok((ALIAS_NOUNS as readonly string[]).includes(m[2] ?? ''), alias);
      const n = Number(m[3]);
      assert.ok(n >= 10 && n <= 99, alias);
    }
  });

  it('is deterministic per seed (a re-run of provisioning gives the same alias)', () => {
    assert.equal(generateAlias('abc'), generateAlias('abc'));
    assert.notEqual(generateAlias('abc'), generateAlias('abd'));
  });

  it('spreads over many combinations', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) seen.add(generateAlias(`user-${i}`));
    assert.ok(seen.size > 1900, `only ${seen.size} distinct aliases in 2000`);
  });

  it('word lists have no duplicates and no empty words', () => {
    assert.equal(new Set(ALIAS_ADJECTIVES).size, ALIAS_ADJECTIVES.length);
    assert.equal(new Set(ALIAS_NOUNS).size, ALIAS_NOUNS.length);
    assert.ok([...ALIAS_ADJECTIVES, ...ALIAS_NOUNS].every((w) => /^[A-Z][a-z]+$/.test(w)));
  });
});
