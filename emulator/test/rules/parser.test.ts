// Parsing and compiling rulesets: structure (rules_version, service, match, allow, function,
// let), comments, optional semicolons, syntax errors that name the line and column, and the
// documented structural limits.

import assert from 'node:assert/strict';
import { parseRuleset, RulesSyntaxError } from '../../src/rules';
import { firestoreRules } from './helpers';

function syntaxError(source: string): RulesSyntaxError {
  try {
    parseRuleset(source);
  } catch (e) {
    if (e instanceof RulesSyntaxError) return e;
    throw e;
  }
  return assert.fail('expected a syntax error');
}

describe('rules parser: structure', () => {
  it('reads rules_version and the service', () => {
    const v2 = parseRuleset(firestoreRules('match /a/{b} { allow read; }'));
    assert.equal(v2.version, 2);
    assert.equal(v2.service, 'firestore');
    const v1 = parseRuleset(firestoreRules('match /a/{b} { allow read; }', 1));
    assert.equal(v1.version, 1);
    assert.equal(parseRuleset("rules_version = '1'; service cloud.firestore { }").version, 1);
    const storage = parseRuleset('service firebase.storage { match /b/{bucket}/o { match /{f} { allow read; } } }');
    assert.equal(storage.service, 'storage');
  });

  it('accepts comments, double quotes and a missing semicolon before a closing brace', () => {
    const rs = parseRuleset(`// header
rules_version = "2"; /* block
comment */
service cloud.firestore {
  match /databases/{database}/documents {
    match /cities/{city} {
      allow read: if true // no semicolon
      allow write: if false
    }
  }
}`);
    const block = rs.matches[0]?.children[0];
    assert.equal(block?.allows.length, 2);
    assert.deepEqual(block?.allows[0]?.methods, ['read']);
  });

  it('parses every method name, several per allow, and allow without a condition', () => {
    const rs = parseRuleset(firestoreRules('match /a/{b} { allow get, list, create, update, delete; allow read, write: if true; }'));
    const allows = rs.matches[0]?.children[0]?.allows ?? [];
    assert.deepEqual(allows[0]?.methods, ['get', 'list', 'create', 'update', 'delete']);
    assert.equal(allows[0]?.condition, null);
  });

  it('parses match paths with literal segments, wildcards and recursive wildcards', () => {
    const rs = parseRuleset(firestoreRules('match /users/{userId}/profile.png { allow read; } match /{path=**}/posts/{post} { allow read; }'));
    const [a, b] = rs.matches[0]?.children ?? [];
    assert.deepEqual(a?.segments, [
      { kind: 'lit', text: 'users' },
      { kind: 'var', name: 'userId' },
      { kind: 'lit', text: 'profile.png' },
    ]);
    assert.deepEqual(b?.segments, [
      { kind: 'rest', name: 'path' },
      { kind: 'lit', text: 'posts' },
      { kind: 'var', name: 'post' },
    ]);
  });

  it('parses functions with let bindings declared at any scope', () => {
    const rs = parseRuleset(
      firestoreRules(`function top() { return true; }
    match /a/{b} {
      function inner(x, y) { let s = x + y; let t = s * 2; return t > 0; }
      allow read: if inner(1, 2) && top();
    }`),
    );
    const inner = rs.matches[0]?.children[0]?.functions[0];
    assert.equal(inner?.name, 'inner');
    assert.deepEqual(inner?.params, ['x', 'y']);
    assert.equal(inner?.lets.length, 2);
    assert.equal(rs.matches[0]?.functions[0]?.name, 'top');
    assert.equal(rs.functions.length, 0);
  });

  it('parses path literals with $(expression) segments and (default)', () => {
    parseRuleset(firestoreRules('match /a/{b} { allow read: if exists(/databases/(default)/documents/users/$(request.auth.uid)) && get(/databases/$(database)/documents/x/$(b)).data.ok; }'));
  });

  it('parses a 1,000-line ruleset', () => {
    const blocks: string[] = [];
    for (let i = 0; i < 200; i++) {
      blocks.push(`match /c${i}/{id} {\n  function f${i}(d) { return d.a is string && d.b > ${i}; }\n  allow read: if request.auth != null;\n  allow create: if f${i}(request.resource.data);\n}`);
    }
    const rs = parseRuleset(firestoreRules(blocks.join('\n')));
    assert.equal(rs.matches[0]?.children.length, 200);
  });
});

describe('rules parser: syntax errors name the line and column', () => {
  it('reports an unexpected token', () => {
    const e = syntaxError("rules_version = '2';\nservice cloud.firestore {\n  match /a/{b} {\n    allow read: if 1 +;\n  }\n}");
    assert.equal(e.line, 4);
    assert.equal(e.column, 23);
    assert.match(e.message, /firestore\.rules:4:23/);
  });

  it('rejects an unknown method, service, type and a missing if', () => {
    assert.equal(syntaxError(firestoreRules('match /a/{b} { allow fetch: if true; }')).line, 4);
    assert.match(syntaxError('service bad.example { }').message, /Unknown service/);
    assert.match(syntaxError(firestoreRules('match /a/{b} { allow read: if 1 is integer; }')).message, /Unknown type/);
    assert.match(syntaxError(firestoreRules('match /a/{b} { allow read: true; }')).message, /expected 'if'/);
  });

  it('rejects more than one service, an unterminated string and a bad escape', () => {
    assert.match(syntaxError('service cloud.firestore { } service firebase.storage { }').message, /one service/);
    assert.match(syntaxError(firestoreRules("match /a/{b} { allow read: if 'abc; }")).message, /Unterminated string/);
    assert.match(syntaxError(firestoreRules("match /a/{b} { allow read: if '\\q' == 'q'; }")).message, /Invalid escape/);
  });

  it('rejects a function with two returns or without a return', () => {
    assert.match(syntaxError(firestoreRules('function f() { return true; return false; } match /a/{b} { allow read: if f(); }')).message, /only one return/);
    assert.match(syntaxError(firestoreRules('function f() { let x = 1; } match /a/{b} { allow read: if f(); }')).message, /'return'/);
  });

  it("rejects let bindings in rules_version '1' and let without a semicolon", () => {
    assert.match(syntaxError(firestoreRules('function f() { let x = 1; return x == 1; }', 1)).message, /rules_version = '2'/);
    assert.ok(syntaxError(firestoreRules('function f() { let x = 1 return x == 1; }')) instanceof RulesSyntaxError);
  });

  it("rejects a recursive wildcard that is not last in rules_version '1', and two in one match", () => {
    assert.match(syntaxError(firestoreRules('match /{path=**}/posts/{post} { allow read; }', 1)).message, /end of a match/);
    parseRuleset(firestoreRules('match /{path=**}/posts/{post} { allow read; }', 2));
    assert.match(syntaxError(firestoreRules('match /{a=**}/x/{b=**} { allow read; }')).message, /at most one recursive/);
  });

  it('rejects integer literals outside int64', () => {
    assert.match(syntaxError(firestoreRules('match /a/{b} { allow read: if 9223372036854775808 > 0; }')).message, /out of range/);
    parseRuleset(firestoreRules('match /a/{b} { allow read: if -9223372036854775808 < 0; }'));
  });

  it('rejects duplicate functions, parameters and path variables', () => {
    assert.match(syntaxError(firestoreRules('function f() { return true; } function f() { return false; }')).message, /Duplicate function/);
    assert.match(syntaxError(firestoreRules('function f(a, a) { return true; }')).message, /Duplicate parameter/);
    assert.match(syntaxError(firestoreRules('match /a/{x}/b/{x} { allow read; }')).message, /Duplicate path variable/);
  });
});

describe('rules parser: documented limits', () => {
  it('at most 7 function arguments', () => {
    parseRuleset(firestoreRules('function f(a, b, c, d, e, g, h) { return true; }'));
    assert.match(syntaxError(firestoreRules('function f(a, b, c, d, e, g, h, i) { return true; }')).message, /more than 7 arguments/);
  });

  it('at most 10 let bindings per function', () => {
    const lets = (n: number): string => Array.from({ length: n }, (_, i) => `let v${i} = ${i};`).join(' ');
    parseRuleset(firestoreRules(`function f() { ${lets(10)} return true; }`));
    assert.match(syntaxError(firestoreRules(`function f() { ${lets(11)} return true; }`)).message, /more than 10 let/);
  });

  it('match statements nested at most 10 deep', () => {
    const nest = (n: number): string => (n === 0 ? 'allow read;' : `match /l${n}/{v${n}} { ${nest(n - 1)} }`);
    parseRuleset(firestoreRules(nest(9)));
    assert.match(syntaxError(firestoreRules(nest(10))).message, /nested more than 10/);
  });

  it('at most 20 path capture variables in nested matches', () => {
    const vars = (n: number): string => Array.from({ length: n }, (_, i) => `{v${i}}`).join('/');
    parseRuleset(firestoreRules(`match /${vars(19)} { allow read; }`));
    assert.match(syntaxError(firestoreRules(`match /${vars(20)} { allow read; }`)).message, /More than 20 path variables/);
  });

  it('at most 100 path segments in nested matches', () => {
    const segs = (n: number): string => Array.from({ length: n }, (_, i) => `s${i}`).join('/');
    parseRuleset(firestoreRules(`match /${segs(97)} { allow read; }`));
    assert.match(syntaxError(firestoreRules(`match /${segs(98)} { allow read; }`)).message, /longer than 100/);
  });
});
