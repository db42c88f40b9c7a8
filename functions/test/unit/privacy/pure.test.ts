/**
 * The privacy functions' pure parts: the ownership table against the registry, export JSON and
 * decryption, the daily export limit, counter adjustments, key rotation of one document, retention choices,
 * settings and the local export storage.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GeoPoint, Timestamp } from 'firebase-admin/firestore';
import { DOCUMENTS } from '../../../src/model/registry';
import { decryptField, encryptField, encryptedFieldSchema, type KeyRing } from '../../../src/platform/crypto';
import { commentCountAfter, likeCountAfter, peerSessionAdjustment } from '../../../src/privacy/counts';
import { nextStep } from '../../../src/privacy/deletion';
import { buildExportFile, exportDecision } from '../../../src/privacy/export';
import { exportDocument, fieldContext, toJson } from '../../../src/privacy/json';
import { documentTypeOf, exported, OWNERSHIP, ownershipGaps, removed } from '../../../src/privacy/ownership';
import { DELETION_STEPS } from '../../../src/privacy/records';
import { expiredFiles, inactiveAnonymous } from '../../../src/privacy/retention';
import { ENCRYPTED_FIELDS, rotateDocumentFields } from '../../../src/privacy/rotation';
import { buildPrivacySettings, DAY_MS } from '../../../src/privacy/settings';
import { exportObjectName, localStorage } from '../../../src/privacy/storage';
import { lastSeenOf } from '../../../src/privacy/triggers';
import { samples } from '../model/fixtures';

const K1: KeyRing = { keys: [{ id: 'k1', key: Buffer.alloc(32, 1) }] };
const K2: KeyRing = { keys: [{ id: 'k2', key: Buffer.alloc(32, 2) }, { id: 'k1', key: Buffer.alloc(32, 1) }] };
const T = Date.UTC(2025, 4, 5, 6, 30);

describe('privacy: ownership of every registry document type', () => {
  it('classifies every document type of the registry, and nothing else', () => {
    assert.deepEqual(ownershipGaps(), { unclassified: [], unknown: [] });
  });

  it('exports and removes what is the account\'s; keeps riskEvents (anonymised) and the audit log', () => {
    assert.equal(removed(OWNERSHIP.riskEvent ?? { kind: 'kept', why: '' }), false);
    assert.equal(exported(OWNERSHIP.riskEvent ?? { kind: 'user-tree' }), false);
    assert.equal(removed(OWNERSHIP.auditLog ?? { kind: 'user-tree' }), false);
    assert.equal(removed(OWNERSHIP.delivery ?? { kind: 'kept', why: '' }), true);
    assert.equal(exported(OWNERSHIP.delivery ?? { kind: 'user-tree' }), false);
    for (const key of ['user', 'contact', 'entry', 'chat', 'message', 'forumPost', 'comment', 'like', 'participant', 'feedback', 'booking']) {
      const o = OWNERSHIP[key];
      assert.ok(o && exported(o) && removed(o), key);
    }
  });

  it('names the document type of a concrete path', () => {
    assert.equal(documentTypeOf('users/u1'), 'user');
    assert.equal(documentTypeOf('users/u1/private/contact'), 'contact');
    assert.equal(documentTypeOf('users/u1/private/privacy'), undefined);
    assert.equal(documentTypeOf('chats/c1/messages/m1'), 'message');
    assert.equal(documentTypeOf('forumPosts/p1/likes/u1'), 'like');
    assert.equal(documentTypeOf('peerSessions/s1/private/join'), 'peerJoin');
  });
});

describe('privacy: export JSON', () => {
  it('turns Firestore values into JSON', () => {
    assert.deepEqual(toJson({ at: Timestamp.fromMillis(T), geo: new GeoPoint(1, 2), bytes: new Uint8Array([1, 2]), list: [1, null, 'x'], nested: { ok: true } }), {
      at: new Date(T).toISOString(),
      geo: { latitude: 1, longitude: 2 },
      bytes: 'AQI=',
      list: [1, null, 'x'],
      nested: { ok: true },
    });
  });

  it('decrypts encrypted top-level fields with the document path and field as context', () => {
    const path = 'users/u1/private/contact';
    const data = { email: encryptField(K1, 'a@b.in', fieldContext(path, 'email')), phone: null, updatedAt: Timestamp.fromMillis(T) };
    const out = exportDocument(path, data, (v, c) => decryptField(K1, v, c));
    assert.deepEqual(out, { email: 'a@b.in', phone: null, updatedAt: new Date(T).toISOString() });
  });

  it('marks a value it cannot decrypt (another document\'s context, an unknown key) instead of failing', () => {
    const moved = encryptField(K1, 'secret', fieldContext('users/other/private/contact', 'email'));
    const out = exportDocument('users/u1/private/contact', { email: moved }, (v, c) => decryptField(K1, v, c));
    assert.deepEqual(out.email, { encrypted: true, kid: 'k1', error: 'crypto/tampered' });
  });

  it('builds the file: sorted documents with their types and counts per type', () => {
    const file = buildExportFile('u1', 'x1', T, [
      { path: 'users/u1/entries/e1', data: { kind: 'mood' } },
      { path: 'users/u1', data: { alias: 'Calm Otter 42' } },
      { path: 'users/u1/private/privacy', data: {} },
    ], K1);
    assert.deepEqual(file.documents.map((d) => [d.path, d.type]), [
      ['users/u1', 'user'],
      ['users/u1/entries/e1', 'entry'],
      ['users/u1/private/privacy', 'other'],
    ]);
    assert.deepEqual(file.counts, { user: 1, entry: 1, other: 1 });
    assert.equal(file.format, 'manmitra-export/1');
    assert.equal(exportObjectName('u1', 'x1'), 'exports/u1/x1.json');
  });
});

describe('privacy: once a day', () => {
  const state = (at: number | null) => ({ lastExportAt: at === null ? null : Timestamp.fromMillis(at), lastExportId: 'x', previousExportAt: null, exportStatus: 'done' as const, updatedAt: Timestamp.fromMillis(T) });

  it('allows the first export and one a day after the last', () => {
    assert.deepEqual(exportDecision(undefined, T, DAY_MS), { ok: true });
    assert.deepEqual(exportDecision(state(null), T, DAY_MS), { ok: true });
    assert.deepEqual(exportDecision(state(T - DAY_MS), T, DAY_MS), { ok: true });
  });

  it('refuses within the day and says how long to wait', () => {
    assert.deepEqual(exportDecision(state(T - 3_600_000), T, DAY_MS), { ok: false, retryAfterMs: DAY_MS - 3_600_000 });
  });
});

describe('privacy: counters stay exact', () => {
  it('takes a still-joined participant and their feedback off the circle', () => {
    assert.deepEqual(peerSessionAdjustment({ participantCount: 3, feedbackCount: 2, ratingSum: 9 }, { joined: true }, { rating: 4 }), { participantCount: 2, feedbackCount: 1, ratingSum: 5 });
  });

  it('leaves participantCount alone for someone who already left, and sums that were never kept', () => {
    assert.deepEqual(peerSessionAdjustment({ participantCount: 3 }, { joined: false }, { rating: 4 }), {});
    assert.deepEqual(peerSessionAdjustment({ participantCount: 0 }, { joined: true }, undefined), {});
  });

  it('counts off only likes and comments the forum counted', () => {
    assert.equal(likeCountAfter(5, true), 4);
    assert.equal(likeCountAfter(5, false), undefined);
    assert.equal(likeCountAfter(0, true), undefined);
    assert.equal(commentCountAfter(2, true), 1);
    assert.equal(commentCountAfter(2, false), undefined);
  });
});

describe('privacy: key rotation of one document', () => {
  const path = 'chats/c1';

  it('re-encrypts values under an older key with the current one; same plaintext, same context', () => {
    const old = encryptField(K1, 'summary text', fieldContext(path, 'summary'));
    const plan = rotateDocumentFields(K2, path, { summary: old, kind: 'bot' }, ['summary']);
    const rotated = plan.changes.summary;
    assert.ok(rotated);
    assert.equal(rotated.kid, 'k2');
    assert.equal(decryptField(K2, rotated, fieldContext(path, 'summary')), 'summary text');
    assert.deepEqual(plan.failed, []);
  });

  it('leaves values under the current key, absent and null fields alone', () => {
    const current = encryptField(K2, 'x', fieldContext(path, 'summary'));
    assert.deepEqual(rotateDocumentFields(K2, path, { summary: current }, ['summary']), { changes: {}, failed: [], current: 1 });
    assert.deepEqual(rotateDocumentFields(K2, path, { excerpt: null }, ['excerpt', 'summary']), { changes: {}, failed: [], current: 0 });
  });

  it('reports a value whose key is not in the ring', () => {
    const lost = encryptField({ keys: [{ id: 'k0', key: Buffer.alloc(32, 9) }] }, 'x', fieldContext(path, 'summary'));
    assert.deepEqual(rotateDocumentFields(K2, path, { summary: lost }, ['summary']).failed, ['summary']);
  });

  it('knows every encrypted field the registry samples hold', () => {
    for (const d of DOCUMENTS) {
      for (const doc of samples()[d.key] ?? []) {
        const encrypted = Object.keys(doc).filter((k) => encryptedFieldSchema.safeParse(doc[k]).success);
        if (encrypted.length === 0) continue;
        const target = ENCRYPTED_FIELDS.find((t) => t.key === d.key);
        assert.ok(target, `${d.key} holds encrypted fields but is not in ENCRYPTED_FIELDS`);
        for (const f of encrypted) assert.ok(target.fields.includes(f), `${d.key}.${f} is not rotated`);
      }
    }
  });
});

describe('privacy: deletion steps and retention choices', () => {
  it('runs the steps in order and ends at finish', () => {
    assert.equal(DELETION_STEPS[0], 'auth');
    assert.equal(nextStep('auth'), 'riskEvents');
    assert.equal(nextStep('files'), 'finish');
    assert.equal(nextStep('finish'), 'finish');
  });

  it('picks export files older than the retention days, at most the limit', () => {
    const files = [{ name: 'a', createdAt: T - 8 * DAY_MS }, { name: 'b', createdAt: T - 2 * DAY_MS }, { name: 'c', createdAt: T - 30 * DAY_MS }];
    assert.deepEqual(expiredFiles(files, T, 7, 10).map((f) => f.name), ['a', 'c']);
    assert.deepEqual(expiredFiles(files, T, 7, 1).map((f) => f.name), ['a']);
  });

  it('treats only anonymous accounts unseen since the cutoff (or already gone from Auth) as inactive', () => {
    const cutoff = T - 365 * DAY_MS;
    assert.equal(inactiveAnonymous({ uid: 'a', anonymous: true, lastSeenAt: cutoff - 1 }, cutoff), true);
    assert.equal(inactiveAnonymous({ uid: 'a', anonymous: true, lastSeenAt: cutoff + 1 }, cutoff), false);
    assert.equal(inactiveAnonymous({ uid: 'a', anonymous: false, lastSeenAt: cutoff - 1 }, cutoff), false);
    assert.equal(inactiveAnonymous(undefined, cutoff), true);
  });

  it('reads the latest Auth activity from the metadata', () => {
    assert.equal(lastSeenOf({ creationTime: 'Mon, 01 Jan 2024 00:00:00 GMT', lastSignInTime: 'Tue, 02 Jan 2024 00:00:00 GMT', lastRefreshTime: null }), Date.UTC(2024, 0, 2));
    assert.equal(lastSeenOf({}), undefined);
  });

  it('validates settings', () => {
    assert.equal(buildPrivacySettings({}).exportIntervalMs, DAY_MS);
    assert.throws(() => buildPrivacySettings({ anonymousInactiveDays: 3 }), /anonymousInactiveDays/);
  });
});

describe('privacy: local export storage', () => {
  it('saves, lists by prefix with times, reads and removes files', async () => {
    const root = mkdtempSync(join(tmpdir(), 'privacy-local-'));
    const storage = localStorage(root);
    await storage.save('exports/u1/a.json', '{"a":1}', 'application/json');
    await storage.save('exports/u1/b.json', '{}', 'application/json');
    await storage.save('exports/u2/c.json', '{}', 'application/json');
    utimesSync(join(root, 'exports', 'u1', 'a.json'), new Date(T), new Date(T));
    assert.equal(await storage.read('exports/u1/a.json'), '{"a":1}');
    assert.deepEqual((await storage.list('exports/u1/')).map((f) => [f.name, f.createdAt === T]), [['exports/u1/a.json', true], ['exports/u1/b.json', false]]);
    assert.equal(await storage.removePrefix('exports/u1/'), 2);
    assert.deepEqual((await storage.list('exports/')).map((f) => f.name), ['exports/u2/c.json']);
    await storage.remove('exports/u1/missing.json');
    assert.equal(await storage.read('exports/u1/a.json'), undefined);
  });

  it('never writes outside its directory', async () => {
    const storage = localStorage(mkdtempSync(join(tmpdir(), 'privacy-local-')));
    await assert.rejects(storage.save('exports/../../x.json', '{}', 'application/json'), /invalid object name/);
  });
});
