import assert from 'node:assert/strict';
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
});
