import assert from 'node:assert/strict';
import type { DocChange } from '../../src/server/document';
import { firestoreTriggers, parseTriggerKeys } from '../../src/server/delivery';
import { type TriggerDef, changeKind, cloudEvent, fires, matchDocumentPattern } from '../../src/server/triggers';

const doc = (path: string, v: number) => ({ path, fields: { v: { integerValue: String(v) } }, createTime: 1_000_000, updateTime: 2_000_000 });
const created: DocChange = { path: 'users/u1/entries/e1', before: null, after: doc('users/u1/entries/e1', 1) };
const updated: DocChange = { path: 'users/u1/entries/e1', before: doc('users/u1/entries/e1', 1), after: doc('users/u1/entries/e1', 2) };
const deleted: DocChange = { path: 'users/u1/entries/e1', before: doc('users/u1/entries/e1', 2), after: null };

function def(eventType: string, document = 'users/{uid}/entries/{entryId}'): TriggerDef {
  return { key: 'k-0', eventType: `google.cloud.firestore.document.v1.${eventType}`, database: '(default)', document, matchType: 'PATH_PATTERN' };
}

describe('triggers: matching', () => {
  it('matches single and multi-segment wildcards', () => {
    assert.deepEqual(matchDocumentPattern('users/{uid}/entries/{id}', 'users/a/entries/b'), { uid: 'a', id: 'b' });
    assert.equal(matchDocumentPattern('users/{uid}/entries/{id}', 'users/a/tasks/b'), null);
    assert.equal(matchDocumentPattern('users/{uid}', 'users/a/entries/b'), null);
    assert.deepEqual(matchDocumentPattern('users/{rest=**}', 'users/a/entries/b'), { rest: 'a/entries/b' });
    assert.deepEqual(matchDocumentPattern('{all=**}/posts/{p}', 'x/y/posts/1'), { all: 'x/y', p: '1' });
    assert.deepEqual(matchDocumentPattern('items/fixed', 'items/fixed'), {});
  });

  it('fires by event kind; written fires for all three', () => {
    assert.equal(changeKind(created), 'created');
    assert.equal(changeKind(updated), 'updated');
    assert.equal(changeKind(deleted), 'deleted');
    assert.deepEqual([created, updated, deleted].map((c) => fires(def('created'), '(default)', c)), [true, false, false]);
    assert.deepEqual([created, updated, deleted].map((c) => fires(def('updated'), '(default)', c)), [false, true, false]);
    assert.deepEqual([created, updated, deleted].map((c) => fires(def('deleted.withAuthContext'), '(default)', c)), [false, false, true]);
    assert.deepEqual([created, updated, deleted].map((c) => fires(def('written'), '(default)', c)), [true, true, true]);
    assert.equal(fires(def('written'), 'other-db', created), false);
    assert.equal(fires(def('written', 'users/{uid}'), '(default)', created), false);
  });
});

describe('triggers: CloudEvent', () => {
  it('carries before and after documents in REST JSON with the Firestore attributes', () => {
    const event = cloudEvent(def('updated.withAuthContext'), updated, { id: 'e-1', project: 'p', database: '(default)', commitTime: 2_000_000, origin: { authType: 'app_user', authId: 'u1' } });
    assert.deepEqual(event, {
      specversion: '1.0',
      id: 'e-1',
      source: '//firestore.googleapis.com/projects/p/databases/(default)',
      type: 'google.cloud.firestore.document.v1.updated.withAuthContext',
      subject: 'documents/users/u1/entries/e1',
      time: '1970-01-01T00:00:02Z',
      datacontenttype: 'application/json',
      project: 'p',
      database: '(default)',
      namespace: '(default)',
      document: 'users/u1/entries/e1',
      authtype: 'app_user',
      authid: 'u1',
      data: {
        value: { name: 'projects/p/databases/(default)/documents/users/u1/entries/e1', fields: { v: { integerValue: '2' } }, createTime: '1970-01-01T00:00:01Z', updateTime: '1970-01-01T00:00:02Z' },
        oldValue: { name: 'projects/p/databases/(default)/documents/users/u1/entries/e1', fields: { v: { integerValue: '1' } }, createTime: '1970-01-01T00:00:01Z', updateTime: '1970-01-01T00:00:02Z' },
      },
    });
    const gone = cloudEvent(def('deleted'), deleted, { id: 'e-2', project: 'p', database: '(default)', commitTime: 3_000_000 });
    assert.deepEqual(Object.keys(gone['data'] ?? {}), ['oldValue']);
    assert.equal('authtype' in gone, false);
  });
});

describe('triggers: discovery from the Functions emulator', () => {
  it('parses the valid keys from an unknown-key answer', () => {
    assert.deepEqual(parseTriggerKeys('Function x does not exist, valid functions are: asia-south1-a-0, asia-south1-b-1, c'), ['asia-south1-a-0', 'asia-south1-b-1', 'c']);
    assert.deepEqual(parseTriggerKeys('nope'), []);
  });

  it('keeps the Firestore triggers of /backends with their newest key', () => {
    const backends = {
      backends: [
        {
          directory: '/x',
          functionTriggers: [
            { id: 'asia-south1-onEntry', name: 'onEntry', eventTrigger: { eventType: 'google.cloud.firestore.document.v1.created', eventFilters: { database: '(default)', namespace: '(default)' }, eventFilterPathPatterns: { document: 'users/{uid}/entries/{id}' } } },
            { id: 'asia-south1-exact', eventTrigger: { eventType: 'google.cloud.firestore.document.v1.written', eventFilters: { database: '(default)', document: 'config/app' } } },
            { id: 'asia-south1-callable', httpsTrigger: {} },
            { id: 'asia-south1-auth', eventTrigger: { eventType: 'providers/firebase.auth/eventTypes/user.create' } },
          ],
        },
      ],
    };
    const defs = firestoreTriggers(backends, ['asia-south1-onEntry-0', 'asia-south1-onEntry-1', 'asia-south1-exact-1', 'asia-south1-callable']);
    assert.deepEqual(defs, [
      { id: 'asia-south1-onEntry', key: 'asia-south1-onEntry-1', eventType: 'google.cloud.firestore.document.v1.created', database: '(default)', document: 'users/{uid}/entries/{id}', matchType: 'PATH_PATTERN' },
      { id: 'asia-south1-exact', key: 'asia-south1-exact-1', eventType: 'google.cloud.firestore.document.v1.written', database: '(default)', document: 'config/app', matchType: 'EXACT' },
    ]);
    assert.deepEqual(firestoreTriggers({ nonsense: true }, []), []);
  });
});
