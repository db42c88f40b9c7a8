import assert from 'node:assert/strict';
import { FieldValue } from 'firebase-admin/firestore';
import { type AdminHarness, startWithAdmin } from './support';

const INVALID_ARGUMENT = 3;
const isInvalid = (err: { code?: number }): boolean => err.code === INVALID_ARGUMENT;

describe('emulator via firebase-admin: what Firestore accepts and rejects', () => {
  let h: AdminHarness;
  before(async () => {
    h = await startWithAdmin();
  });
  after(async () => {
    await h.close();
  });

  const ids = (snap: FirebaseFirestore.QuerySnapshot): string[] => snap.docs.map((d) => d.id);

  it('accepts arrays among the operands of in, not-in and array-contains-any, matching whole arrays', async () => {
    const c = h.db.collection('operands');
    await Promise.all([c.doc('a').set({ v: [1] }), c.doc('b').set({ v: 2 }), c.doc('c').set({ v: [1, 2] }), c.doc('d').set({ v: 'x' })]);
    assert.deepEqual(ids(await c.where('v', 'in', [[1], 2]).get()), ['a', 'b']);
    assert.deepEqual(ids(await c.where('v', 'not-in', [[1], 2]).get()), ['d', 'c']);
    assert.deepEqual(ids(await c.where('v', 'array-contains-any', [[1], 2]).get()), ['c']);
  });

  it('still rejects nested arrays in document data', async () => {
    await assert.rejects(h.db.doc('operands/nested').set({ a: [[1]] }), isInvalid);
    await assert.rejects(h.db.doc('operands/nested').set({ m: { a: [1, [2]] } }), isInvalid);
    await h.db.doc('operands/nested').set({ a: [{ b: [1] }] });
  });

  it('rejects invalid document ids: ".", "..", reserved __…__ ids and ids over 1500 bytes', async () => {
    for (const id of ['.', '..', '__x__', '__id__', 'a'.repeat(1501), 'é'.repeat(751)]) {
      await assert.rejects(h.db.collection('ids').doc(id).set({ a: 1 }), isInvalid, `id ${id.slice(0, 10)}`);
      await assert.rejects(h.db.collection('ids').doc(id).get(), isInvalid, `get ${id.slice(0, 10)}`);
    }
    for (const id of ['__id1__', '__id123456789__', '_x_', '__x', 'x__', '.a', '...', 'a'.repeat(1500)]) {
      await h.db.collection('ids').doc(id).set({ a: 1 });
      assert.equal((await h.db.collection('ids').doc(id).get()).exists, true, id);
    }
  });

  it('rejects reserved collection ids, in writes and queries', async () => {
    await assert.rejects(h.db.collection('__c__').doc('a').set({ a: 1 }), isInvalid);
    await assert.rejects(h.db.doc('ids/a/__id1__/b').set({ a: 1 }), isInvalid);
    await assert.rejects(h.db.collection('__c__').get(), isInvalid);
    await assert.rejects(h.db.collectionGroup('__c__').get(), isInvalid);
  });

  it('recursive delete still works (it bounds its query with __id-9223372036854775808__ references)', async () => {
    await h.db.doc('tree/a').set({ a: 1 });
    await h.db.doc('tree/a/sub/b').set({ b: 1 });
    await h.db.recursiveDelete(h.db.collection('tree'));
    assert.equal((await h.db.doc('tree/a/sub/b').get()).exists, false);
  });

  it('rejects reserved field names (__…__) anywhere in written data, masks and transforms', async () => {
    const ref = h.db.doc('fields/a');
    await ref.set({ ok: 1 });
    await assert.rejects(ref.set({ __x__: 1 }), isInvalid);
    await assert.rejects(ref.set({ m: { __x__: 1 } }), isInvalid);
    await assert.rejects(ref.set({ list: [{ __x__: 1 }] }), isInvalid);
    await assert.rejects(ref.update({ '__x__': 1 }), isInvalid);
    await assert.rejects(ref.update({ 'm.__x__': FieldValue.increment(1) }), isInvalid);
    await assert.rejects(ref.set({ m: { __x__: FieldValue.serverTimestamp() } }, { merge: true }), isInvalid);
    await ref.set({ _x_: 1, __x: 2, x__: 3, v: FieldValue.vector([1, 2]) });
    assert.deepEqual((await ref.get()).get('v').toArray(), [1, 2]);
  });

  it('rejects values inside more than 20 maps and arrays, however they are written', async () => {
    // firebase-admin refuses deeper data itself; update paths and transforms reach the emulator.
    const path = (n: number): string => Array.from({ length: n }, () => 'm').join('.');
    const ref = h.db.doc('deep/a');
    await ref.set({});
    await assert.rejects(ref.update({ [path(22)]: 1 }), isInvalid);
    await assert.rejects(ref.update({ [path(22)]: FieldValue.increment(1) }), isInvalid);
    await ref.update({ [path(21)]: 1 });
    await ref.update({ [path(20)]: FieldValue.arrayUnion(1) });
    await assert.rejects(ref.update({ [path(20)]: FieldValue.arrayUnion({ x: 1 }) }), isInvalid);
  });

  it('limits in, not-in and array-contains-any to 30 values', async () => {
    const c = h.db.collection('operands');
    const values = (n: number): number[] => Array.from({ length: n }, (_, i) => i);
    for (const op of ['in', 'not-in', 'array-contains-any'] as const) {
      await c.where('v', op, values(30)).get();
      await assert.rejects(c.where('v', op, values(31)).get(), isInvalid, op);
    }
  });

  it('BulkWriter writing one document twice still works (it never puts both in one BatchWrite)', async () => {
    const writer = h.db.bulkWriter();
    void writer.set(h.db.doc('bulk/twice'), { v: 1 });
    void writer.update(h.db.doc('bulk/twice'), { v: 2 });
    await writer.close();
    assert.deepEqual((await h.db.doc('bulk/twice').get()).data(), { v: 2 });
  });
});
