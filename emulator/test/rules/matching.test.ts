// Path matching (rules-structure): nested matches, single and recursive wildcards in
// rules_version 1 and 2, overlapping matches OR-ed, no cascade into subcollections, which
// methods an allow covers, and how functions see the variables of their scope.

import assert from 'node:assert/strict';
import { evaluateFirestore, evaluateStorage, parseRuleset, type Decision } from '../../src/rules';
import { firestoreRules } from './helpers';

function get(body: string, path: string, version: 1 | 2 = 2): Decision {
  return evaluateFirestore(parseRuleset(firestoreRules(body, version)), { method: 'get', path, auth: null, resource: {} });
}

function allowed(body: string, path: string, version: 1 | 2 = 2): boolean {
  return get(body, path, version).allowed;
}

describe('match: nesting and complete matches', () => {
  const nested = 'match /cities/{city} { match /landmarks/{landmark} { allow read: if true; } }';
  it('a nested match completes a partial match', () => assert.equal(allowed(nested, 'cities/SF/landmarks/L1'), true));
  it('a partial match alone grants nothing', () => assert.equal(allowed(nested, 'cities/SF'), false));
  it('rules do not cascade into subcollections', () => assert.equal(allowed('match /cities/{city} { allow read; }', 'cities/SF/landmarks/L1'), false));
  it('nested and flat paths are equivalent', () => assert.equal(allowed('match /cities/{city}/landmarks/{landmark} { allow read; }', 'cities/SF/landmarks/L1'), true));
  it('a literal segment must match exactly', () => {
    assert.equal(allowed('match /cities/SF { allow read; }', 'cities/SF'), true);
    assert.equal(allowed('match /cities/SF { allow read; }', 'cities/LA'), false);
  });
  it('other collections are denied', () => assert.equal(allowed('match /cities/{city} { allow read; }', 'users/u1'), false));
  it('explains a path with no match', () => assert.equal(get('match /cities/{city} { allow read; }', 'users/u1').explanation, 'No matching allow statements'));
});

describe('match: wildcard values', () => {
  it('a single-segment wildcard is the segment string', () => {
    assert.equal(allowed("match /cities/{city} { allow read: if city == 'SF' && city is string; }", 'cities/SF'), true);
    assert.equal(allowed("match /cities/{city} { allow read: if city == 'SF'; }", 'cities/LA'), false);
  });
  it('a recursive wildcard is a path of the remaining segments', () => {
    const body = "match /cities/{document=**} { allow read: if document is path && string(document) == 'SF/landmarks/coit_tower' && document == path('SF/landmarks/coit_tower') && document[0] == 'SF'; }";
    assert.equal(allowed(body, 'cities/SF/landmarks/coit_tower'), true);
  });
  it('match variables of outer blocks are visible in nested blocks', () => {
    assert.equal(allowed("match /users/{uid} { match /posts/{pid} { allow read: if uid == 'u1' && pid == 'p1' && database == '(default)'; } }", 'users/u1/posts/p1'), true);
  });
});

describe("match: recursive wildcards in rules_version '1'", () => {
  const body = 'match /cities/{city}/{document=**} { allow read: if true; }';
  it('match one or more segments, not zero', () => {
    assert.equal(allowed(body, 'cities/SF', 1), false);
    assert.equal(allowed(body, 'cities/SF/landmarks/x', 1), true);
    assert.equal(allowed(body, 'cities/SF/landmarks/x/more/y', 1), true);
  });
  it('/cities/{document=**} matches documents in the collection and its subcollections', () => {
    assert.equal(allowed('match /cities/{document=**} { allow read; }', 'cities/SF', 1), true);
    assert.equal(allowed('match /cities/{document=**} { allow read; }', 'cities/SF/landmarks/x', 1), true);
  });
});

describe("match: recursive wildcards in rules_version '2'", () => {
  it('match zero or more segments', () => {
    const body = 'match /cities/{city}/{document=**} { allow read: if true; }';
    assert.equal(allowed(body, 'cities/SF'), true);
    assert.equal(allowed(body, 'cities/SF/landmarks/x'), true);
  });
  it('may stand anywhere in the path', () => {
    const body = 'match /{path=**}/songs/{song} { allow read: if true; }';
    assert.equal(allowed(body, 'songs/s1'), true);
    assert.equal(allowed(body, 'artists/a/albums/b/songs/s1'), true);
    assert.equal(allowed(body, 'artists/a'), false);
  });
  it('bind an empty path when they match nothing', () => {
    assert.equal(allowed("match /cities/{city}/{rest=**} { allow read: if string(rest) == ''; }", 'cities/SF'), true);
  });
  it('match /{document=**} covers every document', () => {
    assert.equal(allowed('match /{document=**} { allow read; }', 'a/b/c/d'), true);
  });
});

describe('match: overlapping matches are OR-ed', () => {
  const body = 'match /cities/{city} { allow read, write: if false; } match /cities/{document=**} { allow read, write: if true; }';
  it('any true allow grants, even if another is false', () => {
    const d = get(body, 'cities/SF');
    assert.equal(d.allowed, true);
    assert.equal(d.grantedBy?.line, 4);
    assert.equal(d.trace[0]?.result, 'false');
  });
});

describe('allow: methods', () => {
  const rules = parseRuleset(
    firestoreRules('match /r/{id} { allow read; } match /w/{id} { allow write; } match /g/{id} { allow get; } match /c/{id} { allow create; } match /u/{id} { allow update, delete; }'),
  );
  const can = (method: 'get' | 'create' | 'update' | 'delete', path: string): boolean =>
    evaluateFirestore(rules, { method, path, auth: null, resource: {}, requestResource: {} }).allowed;
  it('read covers get', () => assert.equal(can('get', 'r/1'), true));
  it('read does not cover writes', () => assert.equal(can('create', 'r/1'), false));
  it('write covers create, update and delete', () => {
    assert.equal(can('create', 'w/1'), true);
    assert.equal(can('update', 'w/1'), true);
    assert.equal(can('delete', 'w/1'), true);
    assert.equal(can('get', 'w/1'), false);
  });
  it('granular methods cover only themselves', () => {
    assert.equal(can('get', 'g/1'), true);
    assert.equal(can('create', 'c/1'), true);
    assert.equal(can('update', 'c/1'), false);
    assert.equal(can('update', 'u/1'), true);
    assert.equal(can('delete', 'u/1'), true);
    assert.equal(can('create', 'u/1'), false);
  });
  it('reports which allow granted', () => {
    const d = evaluateFirestore(rules, { method: 'update', path: 'u/1', auth: null, resource: {}, requestResource: {} });
    assert.deepEqual(d.grantedBy, { line: 4, column: 139, method: 'update', methods: ['update', 'delete'], matchPath: '/databases/{database}/documents/u/{id}' });
  });
  it('explains each false candidate with its line', () => {
    const d = get("match /a/{id} {\n allow get: if false;\n allow read: if resource.data.x == 1;\n}", 'a/1');
    assert.equal(d.allowed, false);
    assert.equal(d.explanation, "false for 'get' @ L5, Property x is undefined on object. for 'get' @ L6");
  });
});

describe('functions: scope, calls and limits', () => {
  it('see the functions and variables of the scope where they are declared', () => {
    const body = `function isDb(d) { return d == database; }
    match /users/{uid} {
      function owner() { return uid == 'u1' && isDb('(default)') && later(); }
      function later() { return true; }
      allow read: if owner();
    }`;
    assert.equal(allowed(body, 'users/u1'), true);
    assert.equal(allowed(body, 'users/u2'), false);
  });
  it('an inner variable with the same name does not change what an outer function sees', () => {
    const body = "match /a/{id} { function who() { return id; } match /b/{id} { allow read: if who() == 'A' && id == 'B'; } }";
    assert.equal(allowed(body, 'a/A/b/B'), true);
  });
  it('parameters shadow match variables', () => {
    assert.equal(allowed("match /a/{id} { function f(id) { return id == 'p'; } allow read: if f('p'); }", 'a/x'), true);
  });
  it('a function declared in a sibling match is not callable', () => {
    const d = get('match /x/{a} { function f() { return true; } } match /a/{id} { allow read: if f(); }', 'a/1');
    assert.equal(d.allowed, false);
    assert.match(d.explanation, /Function not found/);
  });
  it('let bindings are evaluated and visible to later lets and the return', () => {
    assert.equal(allowed('function f(a) { let b = a + 1; let c = b * 2; return c == 6; } match /a/{id} { allow read: if f(2); }', 'a/1'), true);
  });
  it('an error in a let binding makes the call an error', () => {
    const d = get('function f() { let x = 1 / 0; return true; } match /a/{id} { allow read: if f(); }', 'a/1');
    assert.equal(d.allowed, false);
  });
  it('recursion is not allowed', () => {
    const d = get('function f(n) { return n == 0 || f(n - 1); } match /a/{id} { allow read: if f(1); }', 'a/1');
    assert.equal(d.allowed, false);
    assert.match(d.explanation, /Recursive/);
  });
  it('the call depth is limited to 20', () => {
    const chain = (n: number): string => Array.from({ length: n }, (_, i) => `function f${i}() { return ${i === n - 1 ? 'true' : `f${i + 1}()`}; }`).join('\n');
    assert.equal(allowed(`${chain(20)} match /a/{id} { allow read: if f0(); }`, 'a/1'), true);
    const d = get(`${chain(21)} match /a/{id} { allow read: if f0(); }`, 'a/1');
    assert.equal(d.allowed, false);
    assert.match(d.explanation, /call depth/);
  });
  it('a call with the wrong number of arguments is an error', () => {
    assert.equal(allowed('function f(a) { return true; } match /a/{id} { allow read: if f(); }', 'a/1'), false);
  });
  it('an unknown variable is an error', () => {
    assert.match(get('match /a/{id} { allow read: if nothing == 1; }', 'a/1').explanation, /Unknown variable 'nothing'/);
  });
});

describe('match in Storage rules (rules-language example)', () => {
  const rules = parseRuleset(`service firebase.storage {
  match /b/{bucket}/o {
    match /example/{singleSegment} {
      allow write;
      match /nested/path {
        allow read;
      }
    }
    match /example/{multiSegment=**} {
      allow read: if multiSegment == path('hello/nested/path');
    }
  }
}`);
  const req = (method: 'get' | 'create', path: string): boolean => evaluateStorage(rules, { method, path, auth: null, resource: null, requestResource: {} }).allowed;
  it('the complete matches grant read', () => assert.equal(req('get', 'example/hello/nested/path'), true));
  it('the partial match does not grant write', () => assert.equal(req('create', 'example/hello/nested/path'), false));
  it('the single-segment match grants write at its own level', () => assert.equal(req('create', 'example/hello'), true));
});
