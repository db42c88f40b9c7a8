// The `request` and `resource` variables of Firestore requests, get()/exists()/getAfter()/
// existsAfter() against a data source with the documented per-request limits, and the
// expression limit.

import assert from 'node:assert/strict';
import {
  createBatchLookupBudget,
  evaluateFirestore,
  parseRuleset,
  RulesFloat,
  RulesReference,
  RTimestamp,
  type FirestoreRulesRequest,
  type RulesDataSource,
  type RulesDoc,
  type RulesInputMap,
} from '../../src/rules';
import { docs, firestoreRules, outcome } from './helpers';

describe('request.auth', () => {
  const auth = { uid: 'u1', token: { email: 'a@b.c', email_verified: true, admin: true, firebase: { sign_in_provider: 'password', tenant: 't1' } } };
  const rows: [string, boolean][] = [
    ["request.auth.uid == 'u1'", true],
    ["request.auth.token.email == 'a@b.c'", true],
    ['request.auth.token.email_verified == true', true],
    ['request.auth.token.admin == true', true],
    ["request.auth.token.admin == 'true'", false],
    ["request.auth.token.firebase.sign_in_provider == 'password'", true],
    ["request.auth.token.firebase.tenant == 't1'", true],
    ["request.auth.token.sub == 'u1'", true],
    ['request.auth != null', true],
  ];
  for (const [expr, want] of rows) {
    it(`${expr} is ${want}`, () => assert.equal(outcome(expr, { auth }), want ? 'true' : 'false'));
  }
  it('is null when signed out, and reading its fields is an error', () => {
    assert.equal(outcome('request.auth == null'), 'true');
    assert.equal(outcome("request.auth.uid == 'u1'"), 'error');
    assert.equal(outcome("request.auth != null && request.auth.uid == 'u1'"), 'false');
  });
  it('a missing claim is an error', () => assert.equal(outcome('request.auth.token.role == "x"', { auth: { uid: 'u' } }), 'error'));
});

function rulesWith(condition: string): ReturnType<typeof parseRuleset> {
  return parseRuleset(firestoreRules(`match /cities/{city} { allow get, create, update, delete: if ${condition}; }`));
}

function decide(condition: string, req: Partial<FirestoreRulesRequest>, data?: RulesDataSource): boolean {
  return evaluateFirestore(rulesWith(condition), { method: 'get', path: 'cities/SF', auth: null, resource: null, ...req }, data).allowed;
}

describe('request.method, request.path, request.time', () => {
  it('method is the request method', () => {
    for (const method of ['get', 'create', 'update', 'delete'] as const) {
      assert.equal(decide(`request.method == '${method}'`, { method, resource: {}, requestResource: {} }), true);
    }
  });
  it('path is the full document path', () => {
    assert.equal(decide('request.path == /databases/(default)/documents/cities/SF', {}), true);
    assert.equal(decide("request.path[4] == 'SF'", {}), true);
  });
  it('time is the given time', () => {
    assert.equal(decide('request.time == timestamp.date(2026, 1, 1)', { time: '2026-01-01T00:00:00Z' }), true);
    assert.equal(decide('request.time == timestamp.value(1767225600000)', { time: new Date(Date.UTC(2026, 0, 1)) }), true);
    assert.equal(decide('request.time.nanos() == 5', { time: new RTimestamp(1767225600, 5) }), true);
  });
});

describe('resource and request.resource', () => {
  it('resource is the stored document, or null when it does not exist', () => {
    assert.equal(decide("resource.data.name == 'San Francisco' && resource.id == 'SF'", { resource: { name: 'San Francisco' } }), true);
    assert.equal(decide('resource == null', { resource: null }), true);
    assert.equal(decide("resource.data.name == 'x'", { resource: null }), false);
  });
  it('resource.__name__ is the document path', () => {
    assert.equal(decide("resource['__name__'] == /databases/(default)/documents/cities/SF", { resource: {} }), true);
    assert.equal(decide('resource.__name__ == request.path', { resource: {} }), true);
  });
  it('request.resource is the document after a create or update', () => {
    const condition = 'request.resource.data.population > 0 && request.resource.data.name == resource.data.name';
    assert.equal(decide(condition, { method: 'update', resource: { name: 'SF', population: 1 }, requestResource: { name: 'SF', population: 5 } }), true);
    assert.equal(decide(condition, { method: 'update', resource: { name: 'SF', population: 1 }, requestResource: { name: 'LA', population: 5 } }), false);
    assert.equal(decide("request.resource.id == 'SF' && request.resource.__name__ == request.path", { method: 'create', requestResource: {} }), true);
  });
  it('request.resource is null on get and delete', () => {
    assert.equal(decide('request.resource == null', { method: 'delete', resource: {} }), true);
    assert.equal(decide('request.resource == null', { method: 'get', resource: {} }), true);
  });
  it('field values keep their Firestore types', () => {
    const data: RulesInputMap = {
      i: 3,
      big: 9007199254740993n,
      f: new RulesFloat(2),
      half: 2.5,
      s: 'x',
      b: true,
      n: null,
      l: [1, 'a'],
      m: { k: { deep: 1 } },
      t: new Date(Date.UTC(2020, 0, 1)),
      ts: new RTimestamp(10, 20),
      bytes: new Uint8Array([1, 2]),
      ref: new RulesReference('users/u1'),
    };
    const condition = [
      'resource.data.i is int',
      'resource.data.big == 9007199254740993',
      'resource.data.f is float && resource.data.f == 2',
      'resource.data.half is float',
      'resource.data.s is string',
      'resource.data.b is bool',
      'resource.data.n == null',
      "resource.data.l == [1, 'a']",
      'resource.data.m.k.deep == 1',
      'resource.data.t == timestamp.date(2020, 1, 1)',
      'resource.data.ts.nanos() == 20',
      "resource.data.bytes == b'\\x01\\x02'",
      'resource.data.ref == /databases/(default)/documents/users/u1',
    ].join(' && ');
    assert.equal(decide(condition, { resource: data }), true);
  });
  it('reading a missing field is an error', () => {
    assert.equal(decide('resource.data.nope == null', { resource: {} }), false);
    assert.equal(decide("resource.data.get('nope', null) == null", { resource: {} }), true);
    assert.equal(decide("!('nope' in resource.data)", { resource: {} }), true);
  });
});

describe('get() and exists()', () => {
  const users = docs({ 'users/admin': { admin: true }, 'users/plain': { admin: false } });
  const userDoc = 'get(/databases/$(database)/documents/users/$(request.auth.uid))';
  it('get returns the document and exists tells whether it is there', () => {
    assert.equal(decide(`${userDoc}.data.admin == true`, { auth: { uid: 'admin' } }, users), true);
    assert.equal(decide(`${userDoc}.data.admin == true`, { auth: { uid: 'plain' } }, users), false);
    assert.equal(decide('exists(/databases/$(database)/documents/users/$(request.auth.uid))', { auth: { uid: 'plain' } }, users), true);
    assert.equal(decide('exists(/databases/$(database)/documents/users/$(request.auth.uid))', { auth: { uid: 'ghost' } }, users), false);
  });
  it('get of a missing document is null; reading its data is an error', () => {
    assert.equal(decide(`${userDoc} == null`, { auth: { uid: 'ghost' } }, users), true);
    assert.equal(decide(`${userDoc}.data.admin == true`, { auth: { uid: 'ghost' } }, users), false);
  });
  it('the returned resource has __name__ and id', () => {
    assert.equal(decide(`${userDoc}.id == 'admin' && ${userDoc}.__name__ == /databases/(default)/documents/users/admin`, { auth: { uid: 'admin' } }, users), true);
  });
  it('a path that is not a document is an error', () => {
    assert.equal(decide('exists(/databases/$(database)/documents/users) || true', {}, users), true);
    assert.equal(decide('exists(/databases/$(database)/documents/users)', {}, users), false);
    assert.equal(decide("exists(/databases/other/documents/users/admin)", {}, users), false);
    assert.equal(decide("exists('users/admin')", {}, users), false);
  });
  it('getAfter and existsAfter see the state after the write', () => {
    const data: RulesDataSource = {
      get: (p) => (p === 'counters/c' ? { data: { n: 1 } } : null),
      getAfter: (p): RulesDoc | null => {
        if (p === 'counters/c') return { data: { n: 2 } };
        return p === 'cities/SF' ? { data: {} } : null;
      },
    };
    const condition = 'getAfter(/databases/$(database)/documents/counters/c).data.n == get(/databases/$(database)/documents/counters/c).data.n + 1 && existsAfter(/databases/$(database)/documents/cities/SF)';
    assert.equal(decide(condition, { method: 'create', requestResource: {} }, data), true);
  });
});

describe('document lookup limits', () => {
  const data = docs(Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`d/${i}`, { ok: true }])));
  const lookups = (n: number, from = 0): string =>
    Array.from({ length: n }, (_, i) => `exists(/databases/$(database)/documents/d/${i + from})`).join(' && ');
  it('allows 10 lookups in a single-document request', () => assert.equal(decide(lookups(10), {}, data), true));
  it('denies the whole request at the 11th, even when another allow would grant', () => {
    const rules = parseRuleset(firestoreRules(`match /cities/{city} { allow get: if ${lookups(11)}; allow get: if true; }`));
    const d = evaluateFirestore(rules, { method: 'get', path: 'cities/SF', auth: null, resource: {} }, data);
    assert.equal(d.allowed, false);
    assert.match(d.explanation, /More than 10 document lookups/);
  });
  it('repeated lookups of the same document are cached and count once', () => {
    const same = Array.from({ length: 15 }, () => 'exists(/databases/$(database)/documents/d/1)').join(' && ');
    assert.equal(decide(`${same} && get(/databases/$(database)/documents/d/1).data.ok`, {}, data), true);
  });
  it('a batch shares 20 lookups across its writes, each write still at most 10', () => {
    const budget = createBatchLookupBudget();
    const write = (from: number): boolean =>
      evaluateFirestore(rulesWith(lookups(7, from)), { method: 'create', path: 'cities/SF', auth: null, resource: null, requestResource: {}, batchSize: 3, batchBudget: budget }, data).allowed;
    assert.equal(write(0), true);
    assert.equal(write(7), true);
    assert.equal(write(14), false);
  });
});

describe('expression limit', () => {
  it('more than 1,000 evaluated expressions deny the request (literals are not counted)', () => {
    const list = (n: number): string => `[${Array.from({ length: n }, () => 'request.method').join(', ')}].size() > 0`;
    assert.equal(decide(list(600), {}), false);
    assert.equal(decide(list(400), {}), true);
    assert.equal(decide(`[${Array.from({ length: 5000 }, () => '1').join(', ')}].size() > 0`, {}), true);
  });
});
