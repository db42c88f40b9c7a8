// Cloud Storage rules: request and resource properties (name, bucket, size, contentType,
// metadata, timeCreated, md5Hash, ...), the documented examples of the Storage guides, list
// requests, and firestore.get()/firestore.exists().

import assert from 'node:assert/strict';
import { evaluateStorage, parseRuleset, type RulesAuth, type RulesDataSource, type StorageObject, type StorageRulesRequest } from '../../src/rules';

function storageRules(body: string, version: 1 | 2 = 2): ReturnType<typeof parseRuleset> {
  return parseRuleset(`${version === 2 ? "rules_version = '2';\n" : ''}service firebase.storage {\n  match /b/{bucket}/o {\n${body}\n  }\n}\n`, 'storage.rules');
}

function decide(body: string, req: Partial<StorageRulesRequest> & { path: string }, version: 1 | 2 = 2): boolean {
  return evaluateStorage(storageRules(body, version), { method: 'get', auth: null, resource: null, ...req }).allowed;
}

const MB = 1024 * 1024;
const u1: RulesAuth = { uid: 'u1' };

describe('storage: validating uploads', () => {
  const body = "match /images/{imageId} { allow write: if request.resource.size < 5 * 1024 * 1024 && request.resource.contentType.matches('image/.*'); }";
  const upload = (o: StorageObject): boolean => decide(body, { method: 'create', path: 'images/a.png', requestResource: o });
  it('allows a small image', () => assert.equal(upload({ size: MB, contentType: 'image/png' }), true));
  it('denies a large image', () => assert.equal(upload({ size: 6 * MB, contentType: 'image/png' }), false));
  it('denies another content type', () => assert.equal(upload({ size: MB, contentType: 'text/plain' }), false));
  it('denies when the size is unknown', () => assert.equal(upload({ contentType: 'image/png' }), false));
});

describe('storage: documented conditions', () => {
  it('public read of small files and .txt uploads', () => {
    const body = 'match /public/{imageId} { allow read: if resource.size < 100 * 1024; allow write: if imageId.matches(".*\\\\.txt"); }';
    assert.equal(decide(body, { path: 'public/a.png', resource: { size: 1000 } }), true);
    assert.equal(decide(body, { path: 'public/a.png', resource: { size: 200 * 1024 } }), false);
    assert.equal(decide(body, { method: 'create', path: 'public/notes.txt', requestResource: {} }), true);
    assert.equal(decide(body, { method: 'create', path: 'public/notes.md', requestResource: {} }), false);
  });
  it('user private files', () => {
    const body = 'match /users/{userId}/profilePicture.png { allow read; allow write: if request.auth.uid == userId; }';
    assert.equal(decide(body, { path: 'users/u1/profilePicture.png' }), true);
    assert.equal(decide(body, { method: 'create', path: 'users/u1/profilePicture.png', auth: u1, requestResource: {} }), true);
    assert.equal(decide(body, { method: 'create', path: 'users/u2/profilePicture.png', auth: u1, requestResource: {} }), false);
    assert.equal(decide(body, { method: 'create', path: 'users/u1/profilePicture.png', requestResource: {} }), false);
  });
  it('group private files through metadata and token claims', () => {
    const body = 'match /files/{groupId}/{fileName} { allow read: if resource.metadata.owner == request.auth.token.groupId; allow write: if request.auth.token.groupId == groupId; }';
    const member: RulesAuth = { uid: 'u1', token: { groupId: 'g1' } };
    assert.equal(decide(body, { path: 'files/g1/doc', auth: member, resource: { metadata: { owner: 'g1' } } }), true);
    assert.equal(decide(body, { path: 'files/g1/doc', auth: member, resource: { metadata: { owner: 'g2' } } }), false);
    assert.equal(decide(body, { method: 'update', path: 'files/g1/doc', auth: member, resource: {}, requestResource: {} }), true);
  });
  it('forbids new files with a ranking metadata key', () => {
    const body = "match /files/{fileName} { allow create: if !('ranking' in request.resource.metadata) }";
    assert.equal(decide(body, { method: 'create', path: 'files/a', requestResource: { metadata: { ranking: '1' } } }), false);
    assert.equal(decide(body, { method: 'create', path: 'files/a', requestResource: { metadata: {} } }), true);
  });
  it('keeps the content type of an existing image and a short name', () => {
    const body = `match /images {
      match /{imageId} {
        allow read;
        allow write: if request.resource.size < 5 * 1024 * 1024
                     && request.resource.contentType.matches('image/.*')
                     && request.resource.contentType == resource.contentType
                     && imageId.size() < 32
      }
    }`;
    const write = (imageId: string, contentType: string): boolean =>
      decide(body, { method: 'update', path: `images/${imageId}`, resource: { contentType: 'image/png' }, requestResource: { size: 10, contentType } });
    assert.equal(write('a.png', 'image/png'), true);
    assert.equal(write('a.png', 'image/jpeg'), false);
    assert.equal(write(`${'x'.repeat(40)}.png`, 'image/png'), false);
  });
  it('time-limited reads', () => {
    const body = "match /{f} { allow read: if request.time < resource.timeCreated + duration.value(1, 'h'); }";
    const read = (time: string): boolean => decide(body, { path: 'a', time, resource: { timeCreated: '2026-01-01T00:00:00Z' } });
    assert.equal(read('2026-01-01T00:30:00Z'), true);
    assert.equal(read('2026-01-01T01:30:00Z'), false);
  });
  it("an unknown duration unit is an error (duration.value(1, 'y'))", () => {
    assert.equal(decide("match /{f} { allow read: if request.time < resource.timeCreated + duration.value(1, 'y'); }", { path: 'a', resource: { timeCreated: '2026-01-01T00:00:00Z' } }), false);
  });
  it('a missing metadata key is an error', () => {
    assert.equal(decide("match /{f} { allow read: if resource.metadata.nonExistentKey == 'value'; }", { path: 'a', resource: { metadata: {} } }), false);
  });
  it('division by zero is an error', () => {
    assert.equal(decide('match /{f} { allow read: if 1000000 / resource.size > 0; }', { path: 'a', resource: { size: 0 } }), false);
  });
  it('request.path segments, resource name and bucket', () => {
    assert.equal(decide("match /{allPaths=**} { allow read: if request.path[0] == 'images'; }", { path: 'images/a.png' }), true);
    assert.equal(decide("match /{allPaths=**} { allow read: if request.path[0] == 'images'; }", { path: 'docs/a.pdf' }), false);
    assert.equal(decide("match /{allPaths=**} { allow read: if resource.name == 'path/to/object' && resource.bucket == 'b1'; }", { path: 'path/to/object', bucket: 'b1', resource: {} }), true);
    assert.equal(decide("match /{allFiles=**} { allow read: if allFiles == path('/path/to/file'); }", { path: 'path/to/file' }), true);
    assert.equal(decide("match /{fileName} { allow read: if fileName[0:6] == 'abcdef'; }", { path: 'abcdefgh' }), true);
  });
  it('resource properties and their types', () => {
    const o: StorageObject = {
      size: 10,
      contentType: 'text/plain',
      md5Hash: 'h',
      crc32c: 'c',
      etag: 'e',
      generation: 7,
      metageneration: 2,
      timeCreated: '2026-01-01T00:00:00Z',
      updated: '2026-01-02T00:00:00Z',
      contentDisposition: 'inline',
      contentEncoding: 'gzip',
      contentLanguage: 'ja',
      metadata: { a: 'b' },
    };
    const cond = [
      'resource.size is int',
      "resource.md5Hash == 'h'",
      "resource.crc32c == 'c'",
      "resource.etag == 'e'",
      'resource.generation == 7',
      'resource.metageneration == 2',
      'resource.timeCreated < resource.updated',
      "resource.contentDisposition == 'inline'",
      "resource.contentEncoding == 'gzip'",
      "resource.contentLanguage == 'ja'",
      'resource.metadata.size() == 1',
      "resource.metadata.keys()[0] == 'a'",
      "resource.metadata.values()[0] == 'b'",
    ].join(' && ');
    assert.equal(decide(`match /{f} { allow read: if ${cond}; }`, { path: 'a', resource: o }), true);
  });
  it('request.resource has no generation, etag or times', () => {
    assert.equal(decide('match /{f} { allow create: if request.resource.etag == "e"; }', { method: 'create', path: 'a', requestResource: { etag: 'e' } }), false);
    assert.equal(decide("match /{f} { allow create: if !('etag' in request.resource); }", { method: 'create', path: 'a', requestResource: { etag: 'e' } }), true);
  });
  it('a write to a new file has a null resource', () => {
    assert.equal(decide('match /{f} { allow create: if resource == null; }', { method: 'create', path: 'a', requestResource: {} }), true);
  });
});

describe('storage: wildcards per rules_version', () => {
  const body = 'match /images/{prefix}/{imageFilename=**} { allow read; }';
  it("version 1: /images/{prefix}/{rest=**} does not match images/badge.png", () => {
    assert.equal(decide(body, { path: 'images/profilePics/profile.png' }, 1), true);
    assert.equal(decide(body, { path: 'images/badge.png' }, 1), false);
  });
  it('version 2: it matches both', () => {
    assert.equal(decide(body, { path: 'images/profilePics/profile.png' }), true);
    assert.equal(decide(body, { path: 'images/badge.png' }), true);
  });
  it('overlapping matches are OR-ed', () => {
    const overlap = 'match /images/{imageId} { allow read, write: if false; } match /images/{imageId=**} { allow read, write: if true; }';
    assert.equal(decide(overlap, { path: 'images/a.png' }), true);
  });
  it('a read-or-delete rule on a user tree and a narrower write rule', () => {
    const rules = `match /users/{userId}/{anyUserFile=**} {
      allow read, delete: if request.auth != null && request.auth.uid == userId;
    }
    match /users/{userId}/images/{imageId} {
      allow write: if request.auth != null && request.auth.uid == userId && imageId.matches('.*[.]png');
    }`;
    assert.equal(decide(rules, { method: 'delete', path: 'users/u1/images/a.jpg', auth: u1, resource: {} }), true);
    assert.equal(decide(rules, { method: 'create', path: 'users/u1/images/a.jpg', auth: u1, requestResource: {} }), false);
    assert.equal(decide(rules, { method: 'create', path: 'users/u1/images/a.png', auth: u1, requestResource: {} }), true);
  });
});

describe('storage: list requests are not filters', () => {
  it('a rule on file metadata denies listing', () => {
    assert.equal(decide("match /aFileNamePrefix/{aFileName} { allow read: if resource.contentType == 'image/png'; }", { method: 'list', path: 'aFileNamePrefix' }), false);
  });
  it("listing needs rules_version '2'", () => {
    assert.equal(decide('match /images/{imageId} { allow read: if true; }', { method: 'list', path: 'images' }, 1), false);
    assert.equal(decide('match /images/{imageId} { allow read: if true; }', { method: 'list', path: 'images' }, 2), true);
  });
  it('a rule on the requester allows listing', () => {
    assert.equal(decide('match /images/{imageId} { allow list: if request.auth != null; }', { method: 'list', path: 'images', auth: u1 }), true);
    assert.equal(decide('match /images/{imageId} { allow list: if request.auth != null; }', { method: 'list', path: 'images' }), false);
  });
});

describe('storage: firestore.get() and firestore.exists()', () => {
  const rules = storageRules(`match /users/{club}/files/{fileId} {
      allow read: if club in firestore.get(/databases/(default)/documents/users/$(request.auth.uid)).data.memberships;
    }
    match /photos/{userId}/{fileId} {
      allow read: if firestore.exists(/databases/(default)/documents/users/$(userId)/friends/$(request.auth.uid));
    }`);
  const data: RulesDataSource = {
    get: (p) => {
      if (p === 'users/u1') return { data: { memberships: ['chess'] } };
      return p === 'users/owner/friends/u1' ? { data: {} } : null;
    },
  };
  const read = (path: string, auth: RulesAuth): boolean => evaluateStorage(rules, { method: 'get', path, auth, resource: {} }, data).allowed;
  it('club membership from a Firestore document', () => {
    assert.equal(read('users/chess/files/f', u1), true);
    assert.equal(read('users/go/files/f', u1), false);
  });
  it("only a user's friends", () => {
    assert.equal(read('photos/owner/p.jpg', u1), true);
    assert.equal(read('photos/owner/p.jpg', { uid: 'u2' }), false);
  });
  it('Firestore-only functions do not exist in Storage rules', () => {
    assert.equal(decide('match /{f} { allow read: if exists(/databases/(default)/documents/a/b) || true; }', { path: 'x' }), true);
    assert.equal(decide('match /{f} { allow read: if exists(/databases/(default)/documents/a/b); }', { path: 'x' }), false);
  });
});
