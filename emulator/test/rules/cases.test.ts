// The rules case format and the rules:check CLI: every case in cases/documented.json (written
// from the Firebase documentation) must come out as documented; value conversion of the case
// format; CLI output and exit codes.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { caseValue, isMalformed, parseCaseFile, runCase, RulesetCache, type RulesCase } from '../../src/rules/cases';
import { RulesFloat, RulesReference, RBytes, RLatLng, RTimestamp } from '../../src/rules';

const documented = parseCaseFile(JSON.parse(readFileSync(join(__dirname, 'cases', 'documented.json'), 'utf8')));

describe('documented cases (cases/documented.json)', () => {
  const cache = new RulesetCache();
  for (const c of documented) {
    it(`${c.id} → ${c.expect ?? '?'}`, () => {
      assert.ok(!isMalformed(c), isMalformed(c) ? c.error : '');
      const r = runCase(c, undefined, cache);
      assert.equal(r.result, c.expect, r.reason);
    });
  }
});

describe('case format: values', () => {
  it('integral numbers are ints, others floats; wrappers for other types', () => {
    assert.equal(caseValue(2), 2);
    assert.ok(caseValue({ __float__: 2 }) instanceof RulesFloat);
    assert.ok(caseValue({ __timestamp__: '2026-01-01T00:00:00.5Z' }) instanceof RTimestamp);
    assert.deepEqual(caseValue({ __timestamp__: '2026-01-02' }), new RTimestamp(1767312000, 0));
    assert.deepEqual(caseValue({ __timestamp__: '2026-01-02T01:00:00+01:00' }), new RTimestamp(1767312000, 0));
    assert.deepEqual(caseValue({ __timestamp__: '2026-01-02T00:00:00.000000001Z' }), new RTimestamp(1767312000, 1));
    assert.ok(caseValue({ __bytes__: 'AQI=' }) instanceof RBytes);
    assert.ok(caseValue({ __latlng__: [1, 2] }) instanceof RLatLng);
    assert.ok(caseValue({ __path__: 'users/u1' }) instanceof RulesReference);
    assert.deepEqual(caseValue({ a: [1, { b: null }] }), { a: [1, { b: null }] });
  });
  it('rejects malformed wrappers', () => {
    assert.throws(() => caseValue({ __timestamp__: 'yesterday' }));
    assert.throws(() => caseValue({ __latlng__: [1] }));
  });
  it('reports a malformed case with the failing path and denies it, without stopping the others', () => {
    const [bad, good] = parseCaseFile({ cases: [{ id: 'x', request: { method: 'fetch' }, expect: 'allow' }, { id: 'y', request: { method: 'get' } }] });
    assert.ok(bad !== undefined && isMalformed(bad));
    assert.match(bad.error, /request\.method/);
    assert.equal(bad.expect, 'ALLOW');
    assert.equal(runCase(bad, undefined, new RulesetCache()).result, 'DENY');
    assert.ok(good !== undefined && !isMalformed(good));
  });
  it('rejects a file that is not a list of cases', () => {
    assert.throws(() => parseCaseFile({ nope: 1 }), /Invalid cases file/);
  });
});

describe('case format: running cases', () => {
  const rules = "rules_version = '2';\nservice cloud.firestore { match /databases/{database}/documents { match /a/{b} { allow read: if resource.data.x == 1; } } }";
  it('uses the --rules file when a case has no rules', () => {
    const r = runCase({ id: 'c', request: { method: 'get', path: 'a/b', resource: { x: 1 } } }, { source: rules, fileName: 'firestore.rules' }, new RulesetCache());
    assert.equal(r.result, 'ALLOW');
  });
  it('denies with the syntax error when the rules do not compile', () => {
    const r = runCase({ id: 'c', rules: 'service cloud.firestore { match }', request: { method: 'get', path: 'a/b' } }, undefined, new RulesetCache());
    assert.equal(r.result, 'DENY');
    assert.match(r.reason, /Rules do not compile: c\.rules:1:/);
  });
  it('denies when there are no rules at all', () => {
    assert.equal(runCase({ id: 'c', request: { method: 'get', path: 'a/b' } }, undefined, new RulesetCache()).result, 'DENY');
  });
  it('runs queries with where, or, orderBy and limit', () => {
    const r = runCase(
      {
        id: 'q',
        rules: "rules_version = '2';\nservice cloud.firestore { match /databases/{database}/documents { match /a/{b} { allow list: if resource.data.x > 5 && request.query.limit <= 10; } } }",
        request: { method: 'list', path: 'a', query: { where: [['y', '==', 1]], or: [[['x', '==', 6]], [['x', '==', 7]]], orderBy: [['x', 'desc']], limit: 10 } },
      },
      undefined,
      new RulesetCache(),
    );
    assert.equal(r.result, 'ALLOW', r.reason);
  });
  it('accepts full resource names, SDK operator spellings and any-case directions', () => {
    const list: RulesCase = {
      id: 'n',
      rules: "rules_version = '2';\nservice cloud.firestore { match /databases/{database}/documents { match /a/{b} { allow list: if 'x' in resource.data.tags && request.query.orderBy.n == 'DESC'; } } }",
      request: { method: 'list', path: '/databases/(default)/documents/a', query: { where: [['tags', 'array_contains', 'x']], orderBy: [['n', 'DESC']] } },
    };
    assert.equal(runCase(list, undefined, new RulesetCache()).result, 'ALLOW');
    const get: RulesCase = {
      id: 'g',
      rules: "service cloud.firestore { match /databases/{database}/documents { match /a/{b} { allow get: if exists(/databases/$(database)/documents/u/1); } } }",
      request: { method: 'get', path: 'databases/(default)/documents/a/b', docs: { '/databases/(default)/documents/u/1': {} } },
    };
    assert.equal(runCase(get, undefined, new RulesetCache()).result, 'ALLOW');
    const storage: RulesCase = {
      id: 's',
      rules: "service firebase.storage { match /b/{bucket}/o { match /images/{f} { allow read: if bucket == 'pics' && f == 'a.png'; } } }",
      request: { method: 'get', path: '/b/pics/o/images/a.png', resource: {} },
    };
    assert.equal(runCase(storage, undefined, new RulesetCache()).result, 'ALLOW');
  });
  it('getAfter sees the written document', () => {
    const r = runCase(
      {
        id: 'g',
        rules: "rules_version = '2';\nservice cloud.firestore { match /databases/{database}/documents { match /a/{b} { allow create: if getAfter(/databases/$(database)/documents/a/$(b)).data.x == 1; } } }",
        request: { method: 'create', path: 'a/b', data: { x: 1 } },
      },
      undefined,
      new RulesetCache(),
    );
    assert.equal(r.result, 'ALLOW', r.reason);
  });
});

describe('rules:check CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rules-check-'));
  const rulesFile = join(dir, 'firestore.rules');
  writeFileSync(rulesFile, "rules_version = '2';\nservice cloud.firestore { match /databases/{database}/documents { match /a/{b} { allow read: if resource.data.x == 1; } } }");
  const run = (args: string[]): { status: number | null; lines: { id: string; result: string; reason: string }[]; stderr: string } => {
    const p = spawnSync(process.execPath, ['--require', 'tsx/cjs', join(__dirname, '..', '..', 'src', 'rules', 'cli.ts'), ...args], { encoding: 'utf8' });
    const lines = p.stdout
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => {
        const v: unknown = JSON.parse(l);
        assert.ok(typeof v === 'object' && v !== null && 'id' in v && 'result' in v && 'reason' in v);
        return { id: String(v.id), result: String(v.result), reason: String(v.reason) };
      });
    return { status: p.status, lines, stderr: p.stderr };
  };

  it('prints one JSON line per case and exits 0 when all expectations hold', () => {
    const file = join(dir, 'ok.json');
    writeFileSync(
      file,
      JSON.stringify({
        cases: [
          { id: 'one', request: { method: 'get', path: 'a/b', resource: { x: 1 } }, expect: 'ALLOW' },
          { id: 'two', request: { method: 'get', path: 'a/b', resource: { x: 2 } }, expect: 'DENY' },
          { id: 'three', request: { method: 'get', path: 'a/b', resource: { x: 2 } } },
        ],
      }),
    );
    const r = run(['--rules', rulesFile, file]);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(
      r.lines.map((l) => [l.id, l.result]),
      [
        ['one', 'ALLOW'],
        ['two', 'DENY'],
        ['three', 'DENY'],
      ],
    );
    assert.match(r.lines[1]?.reason ?? '', /false for 'get' @ L2/);
  });

  it('exits non-zero when a case disagrees with its expectation', () => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ cases: [{ id: 'wrong', request: { method: 'get', path: 'a/b', resource: { x: 2 } }, expect: 'ALLOW' }] }));
    const r = run(['--rules', rulesFile, file]);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /1 of 1 cases disagree/);
  });

  it('exits 2 on a usage or input error', () => {
    assert.equal(run([]).status, 2);
    const file = join(dir, 'invalid.json');
    writeFileSync(file, '{"nope": 1}');
    assert.equal(run([file]).status, 2);
  });

  it('denies a malformed case, and exits 1 when it expected ALLOW', () => {
    const file = join(dir, 'malformed.json');
    writeFileSync(file, JSON.stringify({ cases: [{ id: 'm', request: {}, expect: 'ALLOW' }] }));
    const r = run(['--rules', rulesFile, file]);
    assert.equal(r.status, 1);
    assert.equal(r.lines[0]?.result, 'DENY');
    assert.match(r.lines[0]?.reason ?? '', /Malformed case/);
  });
});
