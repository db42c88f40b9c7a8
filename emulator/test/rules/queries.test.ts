// "Rules are not filters": list requests are decided from the query's constraints, never from
// stored documents. Covers every example of the "securely query data" page and each kind of
// constraint (equality, in, ranges, array-contains, not-equal, orderBy existence), OR branches,
// request.query, and collection groups.

import assert from 'node:assert/strict';
import { evaluateFirestoreQuery, parseRuleset, type FirestoreQuery, type FirestoreQueryRequest, type RulesAuth } from '../../src/rules';
import { firestoreRules, listDecision } from './helpers';

const u1: RulesAuth = { uid: 'u1' };

function allows(expr: string, query: FirestoreQuery, auth: RulesAuth = null): boolean {
  return listDecision(expr, query, { auth }).allowed;
}

describe('queries: the documented stories examples', () => {
  const authorOnly = parseRuleset(
    firestoreRules('match /stories/{storyid} { allow read, write: if request.auth != null && request.auth.uid == resource.data.author; }', 1),
  );
  const q = (query: FirestoreQuery, auth: RulesAuth): boolean => evaluateFirestoreQuery(authorOnly, { collectionPath: 'stories', auth, query }).allowed;

  it('a query without the constraint fails even if every document would pass', () => assert.equal(q({}, u1), false));
  it("where('author', '==', uid) succeeds", () => assert.equal(q({ where: { field: 'author', op: '==', value: 'u1' } }, u1), true));
  it("where('author', '==', someone else) fails", () => assert.equal(q({ where: { field: 'author', op: '==', value: 'u2' } }, u1), false));

  const published = parseRuleset(
    firestoreRules(`match /stories/{storyid} {
      allow read: if resource.data.published == true || (request.auth != null && request.auth.uid == resource.data.author);
      allow write: if request.auth != null && request.auth.uid == resource.data.author;
    }`),
  );
  const p = (query: FirestoreQuery, auth: RulesAuth): boolean => evaluateFirestoreQuery(published, { collectionPath: 'stories', auth, query }).allowed;
  it("where('published', '==', true) is allowed, signed in or not", () => {
    assert.equal(p({ where: { field: 'published', op: '==', value: true } }, null), true);
    assert.equal(p({ where: { field: 'published', op: '==', value: true } }, u1), true);
  });
  it("where('published', '==', false) alone is denied", () => assert.equal(p({ where: { field: 'published', op: '==', value: false } }, u1), false));
  it('an author may query their own stories', () => assert.equal(p({ where: { field: 'author', op: '==', value: 'u1' } }, u1), true));

  const limited = parseRuleset(
    firestoreRules(`match /stories/{storyid} {
      function authorOrPublished() {
        return resource.data.published == true || request.auth.uid == resource.data.author;
      }
      allow list: if request.query.limit <= 10 && authorOrPublished();
      allow get: if authorOrPublished();
      allow write: if request.auth.uid == resource.data.author;
    }`),
  );
  const l = (query: FirestoreQuery, auth: RulesAuth = u1): boolean => evaluateFirestoreQuery(limited, { collectionPath: 'stories', auth, query }).allowed;
  const pub = { field: 'published', op: '==', value: true } as const;
  it('denies a query without a limit', () => assert.equal(l({ where: pub }), false));
  it('allows a limit of 10 or fewer', () => {
    assert.equal(l({ where: pub, limit: 10 }), true);
    assert.equal(l({ where: pub, limit: 5 }), true);
    assert.equal(l({ where: pub, limitToLast: 3 }), true);
  });
  it('denies a limit above 10', () => assert.equal(l({ where: pub, limit: 11 }), false));
  it('still needs the published or author constraint', () => assert.equal(l({ limit: 5 }), false));
  it('signed out: the published branch decides and the uid error is absorbed', () => assert.equal(l({ where: pub, limit: 5 }, null), true));
});

describe('queries: rules-conditions "rules are not filters" example', () => {
  const rules = parseRuleset(firestoreRules("match /cities/{city} { allow read: if resource.data.visibility == 'public'; }"));
  const q = (query: FirestoreQuery): boolean => evaluateFirestoreQuery(rules, { collectionPath: 'cities', auth: null, query }).allowed;
  it('db.collection("cities").get() is denied', () => assert.equal(q({}), false));
  it("where('visibility', '==', 'public') is allowed", () => assert.equal(q({ where: { field: 'visibility', op: '==', value: 'public' } }), true));
  it("where('visibility', '==', 'private') is denied", () => assert.equal(q({ where: { field: 'visibility', op: '==', value: 'private' } }), false));
  it('explains the denial with the allow line', () => {
    const d = evaluateFirestoreQuery(rules, { collectionPath: 'cities', auth: null, query: {} });
    assert.equal(d.explanation, "not true for every document the query can return for 'list' @ L4");
  });
});

describe('queries: OR queries are checked per disjunct (x > 5)', () => {
  const x = (op: '==' | 'in', value: number | number[]): FirestoreQuery => ({ where: { field: 'x', op, value } });
  it('or(x == 1, x == 6) is denied', () =>
    assert.equal(allows('resource.data.x > 5', { where: { or: [{ field: 'x', op: '==', value: 1 }, { field: 'x', op: '==', value: 6 }] } }), false));
  it('or(x == 6, x == 42) is allowed', () =>
    assert.equal(allows('resource.data.x > 5', { where: { or: [{ field: 'x', op: '==', value: 6 }, { field: 'x', op: '==', value: 42 }] } }), true));
  it("where('x', 'in', [1, 3, 6, 42, 99]) is denied", () => assert.equal(allows('resource.data.x > 5', x('in', [1, 3, 6, 42, 99])), false));
  it("where('x', 'in', [6, 42, 99, 105, 200]) is allowed", () => assert.equal(allows('resource.data.x > 5', x('in', [6, 42, 99, 105, 200])), true));
  it('names the failing disjunct', () => {
    const d = listDecision('resource.data.x > 5', x('in', [6, 1]));
    assert.match(d.explanation, /disjunct 2 of 2/);
  });
  it('different allows may cover different disjuncts', () => {
    const rules = parseRuleset(firestoreRules('match /c/{id} { allow list: if resource.data.x == 1; allow list: if resource.data.x == 2; }'));
    assert.equal(evaluateFirestoreQuery(rules, { collectionPath: 'c', auth: null, query: x('in', [1, 2]) }).allowed, true);
    assert.equal(evaluateFirestoreQuery(rules, { collectionPath: 'c', auth: null, query: x('in', [1, 3]) }).allowed, false);
  });
  it('an AND of ORs is expanded into every combination', () => {
    const where = {
      and: [
        { or: [{ field: 'x', op: '==' as const, value: 6 }, { field: 'x', op: '==' as const, value: 7 }] },
        { or: [{ field: 'y', op: '==' as const, value: 'a' }, { field: 'y', op: '==' as const, value: 'b' }] },
      ],
    };
    assert.equal(allows("resource.data.x > 5 && resource.data.y in ['a', 'b']", { where }), true);
    assert.equal(allows("resource.data.x > 5 && resource.data.y == 'a'", { where }), false);
  });
});

describe('queries: range constraints', () => {
  const where = (op: '<' | '<=' | '>' | '>=', value: number | string) => ({ where: { field: 'x', op, value } });
  const rows: [string, FirestoreQuery, boolean][] = [
    ['resource.data.x > 5', where('>', 5), true],
    ['resource.data.x > 5', where('>', 6), true],
    ['resource.data.x > 5', where('>=', 5), false],
    ['resource.data.x > 5', where('>=', 6), true],
    ['resource.data.x >= 5', where('>=', 5), true],
    ['resource.data.x >= 5', where('>', 4), false],
    ['resource.data.x < 10', where('<', 10), true],
    ['resource.data.x < 10', where('<=', 10), false],
    ['resource.data.x <= 10', where('<=', 10), true],
    ['resource.data.x <= 10', where('<', 11), false],
    ['resource.data.x < 10', where('>', 0), false],
    ['5 < resource.data.x', where('>', 5), true],
    ['resource.data.x > 5.5', where('>', 6), true],
    ['resource.data.x != 3', where('>', 5), true],
    ['resource.data.x == 3', where('>', 5), false],
    ['!(resource.data.x <= 5)', where('>', 5), true],
    ['resource.data.x is number', where('>', 5), true],
    ['resource.data.x is string', where('>', 5), false],
    ['resource.data.x is int', where('>', 5), false],
    ["resource.data.x > 'm'", where('>', 'n'), true],
    ["resource.data.x is string", where('>=', 'a'), true],
    ['resource.data.x != null', where('>', 5), true],
  ];
  for (const [expr, query, want] of rows) {
    it(`${expr} with ${JSON.stringify(query.where)} → ${want ? 'allow' : 'deny'}`, () => assert.equal(allows(expr, query), want));
  }
  it('combined bounds on one field', () => {
    const query = { where: { and: [{ field: 'x', op: '>=' as const, value: 10 }, { field: 'x', op: '<' as const, value: 20 }] } };
    assert.equal(allows('resource.data.x >= 10 && resource.data.x < 20', query), true);
    assert.equal(allows('resource.data.x < 15', query), false);
  });
});

describe('queries: equality, not-equal, in and not-in', () => {
  it('an equality binds the field to the value for every operation', () => {
    const q = { where: { field: 'name', op: '==' as const, value: 'Tokyo' } };
    assert.equal(allows("resource.data.name.size() == 5 && resource.data.name.lower() == 'tokyo'", q), true);
    assert.equal(allows("resource.data.name in ['Tokyo', 'Paris']", q), true);
    assert.equal(allows('resource.data.name is string', q), true);
  });
  it('equality on a nested field', () => {
    const q = { where: { field: 'owner.uid', op: '==' as const, value: 'u1' } };
    assert.equal(listDecision('resource.data.owner.uid == request.auth.uid', q, { auth: u1 }).allowed, true);
    assert.equal(allows('resource.data.owner is map', q), true);
  });
  it('!= and not-in prove inequality', () => {
    assert.equal(allows("resource.data.status != 'deleted'", { where: { field: 'status', op: '!=', value: 'deleted' } }), true);
    assert.equal(allows("resource.data.status != 'deleted'", { where: { field: 'status', op: 'not-in', value: ['deleted', 'hidden'] } }), true);
    assert.equal(allows("resource.data.status == 'live'", { where: { field: 'status', op: '!=', value: 'deleted' } }), false);
  });
  it('is-null and is-not-null filters', () => {
    assert.equal(allows('resource.data.parent == null', { where: { field: 'parent', op: 'is-null' } }), true);
    assert.equal(allows('resource.data.parent != null', { where: { field: 'parent', op: 'is-not-null' } }), true);
  });
  it('contradictory equalities assume nothing', () => {
    const q = { where: { and: [{ field: 'x', op: '==' as const, value: 1 }, { field: 'x', op: '==' as const, value: 2 }] } };
    assert.equal(allows('resource.data.x == 1', q), false);
  });
});

describe('queries: array-contains and array-contains-any', () => {
  it('array-contains proves membership', () => {
    const q = { where: { field: 'members', op: 'array-contains' as const, value: 'u1' } };
    assert.equal(listDecision('request.auth.uid in resource.data.members', q, { auth: u1 }).allowed, true);
    assert.equal(listDecision("'u2' in resource.data.members", q, { auth: u1 }).allowed, false);
    assert.equal(allows('resource.data.members is list', q), true);
    assert.equal(allows("resource.data.members.hasAny(['u1', 'u9'])", q), true);
    assert.equal(allows("resource.data.members.hasAll(['u1'])", q), true);
  });
  it('array-contains-any splits into one branch per value', () => {
    const q = { where: { field: 'tags', op: 'array-contains-any' as const, value: ['a', 'b'] } };
    assert.equal(allows("'a' in resource.data.tags || 'b' in resource.data.tags", q), true);
    assert.equal(allows("'a' in resource.data.tags", q), false);
  });
});

describe('queries: unknown fields and fields proven to exist', () => {
  it('a field without constraint is unknown', () => assert.equal(allows("resource.data.owner == 'u1'", {}), false));
  it('an unrelated constraint does not help', () => assert.equal(allows("resource.data.owner == 'u1'", { where: { field: 'other', op: '==', value: 'u1' } }), false));
  it('orderBy proves the field exists', () => {
    assert.equal(allows("'rank' in resource.data", { orderBy: [{ field: 'rank' }] }), true);
    assert.equal(allows("'rank' in resource.data", {}), false);
  });
  it('a filter proves existence for get() with a default', () => {
    assert.equal(allows("resource.data.get('x', 0) == 1", { where: { field: 'x', op: '==', value: 1 } }), true);
    assert.equal(allows("resource.data.get('x', 0) == 1", {}), false);
  });
  it('rules that only use the request allow any query', () => {
    assert.equal(listDecision('request.auth != null', {}, { auth: u1 }).allowed, true);
    assert.equal(listDecision('request.auth != null', {}, { auth: null }).allowed, false);
  });
  it('the document id and name are unknown', () => {
    assert.equal(allows("resource.id == 'x'", {}), false);
    assert.equal(allows("id == 'x'", {}), false);
    assert.equal(allows("resource.__name__ == /databases/(default)/documents/c/x", {}), false);
  });
  it('unknown || true is allowed, unknown && true is not', () => {
    assert.equal(allows("resource.data.a == 1 || request.query.limit == 5", { limit: 5 }), true);
    assert.equal(allows("resource.data.a == 1 && request.query.limit == 5", { limit: 5 }), false);
  });
  it('an operation that is an error for every document still denies', () => {
    assert.equal(allows('resource.data.x.y.z == 1', { where: { field: 'x', op: '==', value: 1 } }), false);
  });
});

describe('queries: request.query', () => {
  it('exposes limit, offset and orderBy', () => {
    assert.equal(allows('request.query.limit == 20 && request.query.offset == 5', { limit: 20, offset: 5 }), true);
    assert.equal(allows("request.query.orderBy.rank == 'DESC'", { orderBy: [{ field: 'rank', direction: 'desc' }] }), true);
    assert.equal(allows("request.query.orderBy.rank == 'ASC'", { orderBy: [{ field: 'rank' }] }), true);
  });
  it('a missing limit is an error', () => assert.equal(allows('request.query.limit <= 10', {}), false));
  it('request.method is list', () => assert.equal(allows("request.method == 'list'", {}), true));
});

describe('queries: subcollections and wildcards bound from the collection path', () => {
  const rules = parseRuleset(firestoreRules('match /users/{userId}/posts/{postId} { allow list: if request.auth.uid == userId; }'));
  const req = (collectionPath: string, auth: RulesAuth): boolean => evaluateFirestoreQuery(rules, { collectionPath, auth, query: {} }).allowed;
  it('the parent wildcard is known', () => {
    assert.equal(req('users/u1/posts', u1), true);
    assert.equal(req('users/u2/posts', u1), false);
  });
  it('a collection without rules is denied', () => assert.equal(req('users', u1), false));
  it('get rules do not grant list', () => {
    const r = parseRuleset(firestoreRules('match /c/{id} { allow get: if true; }'));
    assert.equal(evaluateFirestoreQuery(r, { collectionPath: 'c', auth: null, query: {} }).allowed, false);
  });
});

describe('queries: collection groups', () => {
  const forum = parseRuleset(`rules_version = '2';
service cloud.firestore {
  match /databases/{database}/documents {
    match /{path=**}/posts/{post} {
      allow read: if request.auth != null;
    }
    match /forums/{forumid}/posts/{postid} {
      allow write: if request.auth != null && request.auth.uid == resource.data.author;
    }
  }
}`);
  const cg = (ruleset: ReturnType<typeof parseRuleset>, req: Partial<FirestoreQueryRequest>): boolean =>
    evaluateFirestoreQuery(ruleset, { collectionGroup: 'posts', auth: u1, query: {}, ...req }).allowed;
  it('a /{path=**}/posts/{post} rule allows the collection group query', () => {
    assert.equal(cg(forum, { query: { where: { field: 'author', op: '==', value: 'u1' } } }), true);
    assert.equal(cg(forum, { auth: null }), false);
  });
  it('the same rule applies to single collections of that id', () => {
    assert.equal(evaluateFirestoreQuery(forum, { collectionPath: 'forums/technology/posts', auth: u1, query: {} }).allowed, true);
    assert.equal(evaluateFirestoreQuery(forum, { collectionPath: 'posts', auth: u1, query: {} }).allowed, true);
  });
  it('a rule for one parent collection does not cover the group', () => {
    const r = parseRuleset(firestoreRules('match /forums/{forumid}/posts/{postid} { allow read: if true; }'));
    assert.equal(cg(r, {}), false);
  });
  it('/{document=**} covers collection groups', () => {
    assert.equal(cg(parseRuleset(firestoreRules('match /{document=**} { allow read: if true; }')), {}), true);
  });
  it("collection group queries need rules_version '2'", () => {
    const v1 = parseRuleset(firestoreRules('match /{document=**} { allow read: if true; }', 1));
    assert.equal(cg(v1, {}), false);
  });
  it('a group query under a parent document', () => {
    const r = parseRuleset(firestoreRules('match /forums/{forumid}/{path=**}/posts/{post} { allow read: if forumid == "tech"; }'));
    assert.equal(cg(r, { parentPath: 'forums/tech' }), true);
    assert.equal(cg(r, { parentPath: 'forums/other' }), false);
    assert.equal(cg(r, {}), false);
  });

  const published = parseRuleset(`rules_version = '2';
service cloud.firestore {
  match /databases/{database}/documents {
    function authorOrPublished() {
      return resource.data.published == true || request.auth.uid == resource.data.author;
    }
    match /{path=**}/posts/{post} {
      allow list: if authorOrPublished();
      allow get: if authorOrPublished();
    }
  }
}`);
  it('published posts of any author across forums', () => {
    const where = { and: [{ field: 'author', op: '==' as const, value: 'some_auth_id' }, { field: 'published', op: '==' as const, value: true }] };
    assert.equal(cg(published, { query: { where } }), true);
  });
  it("an author's own posts, published or not", () => assert.equal(cg(published, { query: { where: { field: 'author', op: '==', value: 'u1' } } }), true));
  it("someone else's unpublished posts are denied", () => assert.equal(cg(published, { query: { where: { field: 'author', op: '==', value: 'u2' } } }), false));

  const transactions = parseRuleset(`rules_version = '2';
service cloud.firestore {
  match /databases/{database}/documents {
    match /{path=**}/transactions/{transaction} {
      allow read: if resource.data.user == request.auth.uid;
    }
  }
}`);
  const tx = (user: string): boolean =>
    evaluateFirestoreQuery(transactions, {
      collectionGroup: 'transactions',
      auth: u1,
      query: { where: { field: 'user', op: '==', value: user }, orderBy: [{ field: 'timestamp' }], limit: 5 },
    }).allowed;
  it("a user's own transactions across exchanges", () => assert.equal(tx('u1'), true));
  it("another user's transactions are denied", () => assert.equal(tx('u2'), false));
});

describe('queries: get() inside list rules', () => {
  it('reads other documents with concrete paths', () => {
    const rules = parseRuleset(firestoreRules("match /c/{id} { allow list: if get(/databases/$(database)/documents/users/$(request.auth.uid)).data.role == 'admin'; }"));
    const data = { get: (p: string) => (p === 'users/u1' ? { data: { role: 'admin' } } : null) };
    assert.equal(evaluateFirestoreQuery(rules, { collectionPath: 'c', auth: u1, query: {} }, data).allowed, true);
    assert.equal(evaluateFirestoreQuery(rules, { collectionPath: 'c', auth: { uid: 'u2' }, query: {} }, data).allowed, false);
  });
  it('a path built from the unknown document id is unknown', () => {
    const rules = parseRuleset(firestoreRules('match /c/{id} { allow list: if exists(/databases/$(database)/documents/owners/$(id)); }'));
    assert.equal(evaluateFirestoreQuery(rules, { collectionPath: 'c', auth: u1, query: {} }, { get: () => ({ data: {} }) }).allowed, false);
  });
});
