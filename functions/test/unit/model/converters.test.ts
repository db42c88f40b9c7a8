/**
 * Converters: documents survive a round trip through Firestore's own encoding (firebase-functions-test
 * builds real snapshots from the encoded data), corrupt stored data is rejected with the document path,
 * and writes that break the schema never leave the process.
 */
import assert from 'node:assert/strict';
import { initializeApp } from 'firebase-admin/app';
import {
  FieldValue,
  getFirestore,
  QueryDocumentSnapshot,
  Timestamp,
  type DocumentData,
} from 'firebase-admin/firestore';
import { makeDocumentSnapshot } from 'firebase-functions-test/lib/providers/firestore';
import {
  appConfigSchema,
  converterFor,
  deliverySchema,
  DOCUMENTS,
  entrySchema,
  InvalidWriteError,
  messageSchema,
  paths,
  resolveForValidation,
  typedCollection,
  typedCollectionGroup,
  typedDoc,
  userProfileSchema,
  type JournalEntry,
  type MoodEntry,
} from '../../../src/model';
import { CorruptDocumentError } from '../../../src/platform/errors';
import { samples, T0 } from './fixtures';

/** A real QueryDocumentSnapshot of `data` at `path`, decoded by the Firestore SDK. */
function snapshotOf(data: DocumentData, path: string): QueryDocumentSnapshot {
  const snap: unknown = makeDocumentSnapshot(data, path);
  assert.ok(snap instanceof QueryDocumentSnapshot, 'expected an existing document snapshot');
  return snap;
}

/** A concrete path for a registry template: `{uid}` → `uid-1`, `{yyyy-mm-dd}` → a day. */
const concrete = (template: string) =>
  template.replace('{yyyy-mm-dd}', '2025-01-15').replace(/\{([A-Za-z]+)\}/g, (_m, name: string) => `${name}-1`);

const journal = (): JournalEntry => ({ kind: 'journal', text: 'A calm day.', createdAt: T0 });

describe('model converters', () => {
  it('round-trips every valid sample through Firestore encoding', () => {
    let count = 0;
    for (const d of DOCUMENTS) {
      const converter = converterFor(d.schema);
      for (const raw of samples()[d.key] ?? []) {
        if (Object.keys(raw).length === 0) continue;
        const doc = d.schema.parse(raw);
        const stored = converter.toFirestore(doc);
        const back = converter.fromFirestore(snapshotOf(stored, concrete(d.path)));
        assert.deepEqual(back, doc, d.key);
        count += 1;
      }
    }
    assert.ok(count >= DOCUMENTS.length, `round-tripped ${count} samples`);
  });

  it('reads a partial config/app with defaults filled in', () => {
    const converter = converterFor(appConfigSchema);
    const config = converter.fromFirestore(snapshotOf({ analytics: { minCellSize: 15 } }, paths.appConfig()));
    assert.equal(config.analytics.minCellSize, 15);
    assert.equal(config.flags.enforceAppCheck, false);
    assert.ok(config.helplines.IN && config.helplines.IN.length > 0);
  });

  it('rejects a corrupt stored document with CorruptDocumentError naming path and field', () => {
    const converter = converterFor(entrySchema);
    const path = paths.entry('stu1', 'e1');
    const cases: Array<[DocumentData, RegExp]> = [
      [{ kind: 'mood', mood: 9, emotions: [], createdAt: T0 }, /mood/],
      [{ kind: 'mood', mood: 3, emotions: [], createdAt: '2025-01-15' }, /createdAt/],
      [{ kind: 'journal', text: 'x'.repeat(5001), createdAt: T0 }, /text: at most 5000 characters/],
      [{ kind: 'journal', text: 'ok', createdAt: T0, admin: true }, /admin/],
      [{ kind: 'nightmare', createdAt: T0 }, /kind/],
      [{ text: 'no kind', createdAt: T0 }, /kind/],
    ];
    for (const [data, field] of cases) {
      assert.throws(
        () => converter.fromFirestore(snapshotOf(data, path)),
        (e: unknown) =>
          e instanceof CorruptDocumentError &&
          e.code === 'data/corrupt-document' &&
          e.status === 'internal' &&
          e.message.includes(path) &&
          field.test(e.message),
        JSON.stringify(Object.keys(data)),
      );
    }
  });

  it('never echoes stored text in the corruption message', () => {
    const converter = converterFor(messageSchema);
    const secret = 'my private words '.repeat(200);
    assert.throws(
      () => converter.fromFirestore(snapshotOf({ authorUid: 'stu1', sender: 'student', text: secret, createdAt: T0 }, paths.message('c1', 'm1'))),
      (e: unknown) => e instanceof CorruptDocumentError && !e.message.includes('my private words'),
    );
  });

  it('refuses a full write that breaks the schema', () => {
    const converter = converterFor(entrySchema);
    const tooLong: JournalEntry = { ...journal(), text: 'x'.repeat(5001) };
    const badMood: MoodEntry = { kind: 'mood', mood: 9, emotions: [], createdAt: T0 };
    for (const doc of [tooLong, badMood]) {
      assert.throws(
        () => converter.toFirestore(doc),
        (e: unknown) => e instanceof InvalidWriteError && e.code === 'data/invalid-write' && e.status === 'internal',
      );
    }
    assert.deepEqual(converter.toFirestore(journal()), journal());
  });

  it('checks writes with server timestamps as if the server time were filled in, keeping the sentinel', () => {
    const converter = converterFor(entrySchema);
    const stored = converter.toFirestore({ kind: 'journal', text: 'ok', createdAt: FieldValue.serverTimestamp() });
    assert.ok(stored.createdAt instanceof FieldValue);
    assert.ok(stored.createdAt.isEqual(FieldValue.serverTimestamp()));
    assert.throws(
      () => converter.toFirestore({ kind: 'journal', text: '', createdAt: FieldValue.serverTimestamp() }),
      InvalidWriteError,
    );
  });

  it('leaves merge writes and writes with other sentinels to the type system', () => {
    const converter = converterFor(userProfileSchema);
    const partial = converter.toFirestore({ lastActiveAt: FieldValue.serverTimestamp() }, { merge: true });
    assert.deepEqual(Object.keys(partial), ['lastActiveAt']);
    const counted = converterFor(deliverySchema).toFirestore({
      channel: 'push',
      template: 'risk.alert',
      recipientRef: 'cou1',
      status: 'queued',
      attempts: FieldValue.increment(1),
      lastError: null,
      createdAt: T0,
      updatedAt: FieldValue.serverTimestamp(),
    });
    assert.ok(counted.attempts instanceof FieldValue);
  });

  it('resolveForValidation fills server timestamps deeply and gives up on other sentinels', () => {
    const now = Timestamp.fromMillis(1000);
    assert.deepEqual(
      resolveForValidation({ a: FieldValue.serverTimestamp(), b: [{ c: FieldValue.serverTimestamp() }], d: T0, e: null }, now),
      { value: { a: now, b: [{ c: now }], d: T0, e: null } },
    );
    assert.equal(resolveForValidation({ a: { b: FieldValue.increment(1) } }, now), undefined);
    assert.equal(resolveForValidation([FieldValue.arrayUnion('x')], now), undefined);
    assert.equal(resolveForValidation({ gone: FieldValue.delete() }, now), undefined);
  });
});

describe('typed references', () => {
  const db = getFirestore(initializeApp({ projectId: 'demo-model-test' }, 'model-converters-test'));

  it('typedDoc and typedCollection point at the path and check writes with the schema', () => {
    const ref = typedDoc(db, paths.user('stu1'), userProfileSchema);
    assert.equal(ref.path, 'users/stu1');
    const user = userProfileSchema.parse(samples().user?.[0]);
    const batch = db.batch();
    assert.doesNotThrow(() => batch.set(ref, user));
    assert.throws(() => batch.set(ref, { ...user, alias: '' }), InvalidWriteError);

    const col = typedCollection(db, paths.entries('stu1'), entrySchema);
    assert.equal(col.path, 'users/stu1/entries');
    assert.equal(col.doc('e1').path, 'users/stu1/entries/e1');
    assert.throws(() => batch.create(col.doc('e2'), { ...journal(), text: 'x'.repeat(5001) }), InvalidWriteError);
    assert.doesNotThrow(() => batch.create(col.doc('e3'), journal()));
  });

  it('typedCollectionGroup queries the collection id', () => {
    const group = typedCollectionGroup(db, 'messages', messageSchema);
    assert.ok(db.collectionGroup('messages').isEqual(group.withConverter(null)));
    assert.equal(db.collectionGroup('entries').isEqual(group.withConverter(null)), false);
  });
});
