import assert from 'node:assert/strict';
import { FieldValue } from 'firebase-admin/firestore';
import { type AdminHarness, startWithAdmin } from './support';

describe('emulator via firebase-admin: transactions', function () {
  this.timeout(30_000);
  let h: AdminHarness;
  before(async () => {
    h = await startWithAdmin();
  });
  after(async () => {
    await h.close();
  });

  it('many concurrent transactional increments end exact, every transaction succeeding', async () => {
    const ref = h.db.doc('counters/c');
    await ref.set({ n: 0 });
    const N = 40;
    const outcomes = await Promise.allSettled(
      Array.from({ length: N }, () =>
        h.db.runTransaction(async (tx) => {
          const snap = await tx.get(ref);
          tx.update(ref, { n: Number(snap.get('n')) + 1 });
        }),
      ),
    );
    assert.deepEqual(
      outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected').map((o) => String(o.reason)),
      [],
    );
    assert.equal((await ref.get()).get('n'), N);
  });

  it('transactions over two documents in opposite orders all complete: deadlocks abort one, the SDK retries, nothing is lost', async () => {
    const a = h.db.doc('pairs/a');
    const b = h.db.doc('pairs/b');
    await a.set({ n: 0 });
    await b.set({ n: 0 });
    const move = (first: FirebaseFirestore.DocumentReference, second: FirebaseFirestore.DocumentReference) =>
      h.db.runTransaction(async (tx) => {
        const x = await tx.get(first);
        const y = await tx.get(second);
        tx.update(first, { n: Number(x.get('n')) + 1 });
        tx.update(second, { n: Number(y.get('n')) + 1 });
      });
    await Promise.all(Array.from({ length: 6 }, (_, i) => (i % 2 === 0 ? move(a, b) : move(b, a))));
    assert.equal((await a.get()).get('n'), 6);
    assert.equal((await b.get()).get('n'), 6);
  });

  it('a non-transactional write between a transaction read and its commit is not lost', async () => {
    const ref = h.db.doc('race/r');
    await ref.set({ n: 0, log: [] });
    let attempts = 0;
    await h.db.runTransaction(async (tx) => {
      attempts += 1;
      const snap = await tx.get(ref);
      if (attempts === 1) await ref.update({ log: FieldValue.arrayUnion('outside') });
      tx.update(ref, { n: Number(snap.get('n')) + 1 });
    });
    const final = await ref.get();
    assert.equal(final.get('n'), 1);
    assert.deepEqual(final.get('log'), ['outside']);
    assert.equal(attempts, 2);
  });

  it('transactional queries see a consistent result and their documents are locked', async () => {
    await h.db.doc('items/1').set({ open: true, v: 1 });
    await h.db.doc('items/2').set({ open: true, v: 2 });
    const total = await h.db.runTransaction(async (tx) => {
      const snap = await tx.get(h.db.collection('items').where('open', '==', true));
      let sum = 0;
      for (const d of snap.docs) {
        sum += Number(d.get('v'));
        tx.update(d.ref, { open: false });
      }
      return sum;
    });
    assert.equal(total, 3);
    assert.equal((await h.db.collection('items').where('open', '==', true).get()).size, 0);
  });

  it('a failing transaction function rolls back and writes nothing', async () => {
    const ref = h.db.doc('rollback/r');
    await assert.rejects(
      h.db.runTransaction(async (tx) => {
        await tx.get(ref);
        tx.set(ref, { written: true });
        throw new Error('no thanks');
      }),
      /no thanks/,
    );
    assert.equal((await ref.get()).exists, false);
    assert.equal(h.server.backend.transactions.openCount, 0);
  });

  it('read-only transactions read without locking', async () => {
    const ref = h.db.doc('ro/r');
    await ref.set({ v: 1 });
    const v = await h.db.runTransaction(async (tx) => Number((await tx.get(ref)).get('v')), { readOnly: true });
    assert.equal(v, 1);
  });
});
