import assert from 'node:assert/strict';
import { AggregateField, Timestamp } from 'firebase-admin/firestore';
import { type AdminHarness, startWithAdmin } from './support';

// Reads at a past readTime (firebase-admin sends it on every read of a read-only transaction given
// one): the emulator keeps replaced versions for an hour.
describe('emulator via firebase-admin: reads at a past readTime', () => {
  let h: AdminHarness;
  before(async () => {
    h = await startWithAdmin();
  });
  after(async () => {
    await h.close();
  });

  const atTime = <T>(readTime: Timestamp, fn: (tx: FirebaseFirestore.Transaction) => Promise<T>): Promise<T> =>
    h.db.runTransaction(fn, { readOnly: true, readTime });

  it('reads documents as they were: earlier versions, not yet created, deleted since', async () => {
    const ref = h.db.doc('history/a');
    const before = (await h.db.doc('history/other').set({})).writeTime;
    const w1 = (await ref.set({ v: 1 })).writeTime;
    const w2 = (await ref.update({ v: 2 })).writeTime;
    const w3 = (await ref.delete()).writeTime;
    assert.equal(await atTime(before, async (tx) => (await tx.get(ref)).exists), false);
    assert.deepEqual(await atTime(w1, async (tx) => (await tx.get(ref)).data()), { v: 1 });
    const snap = await atTime(w2, (tx) => tx.get(ref));
    assert.deepEqual(snap.data(), { v: 2 });
    assert.ok(snap.readTime.isEqual(w2));
    assert.ok(snap.createTime?.isEqual(w1));
    assert.equal(await atTime(w3, async (tx) => (await tx.get(ref)).exists), false);
    const [x, y] = await atTime(w1, (tx) => tx.getAll(ref, h.db.doc('history/other')));
    assert.deepEqual([x?.data(), y?.exists], [{ v: 1 }, true]);
    assert.equal((await ref.get()).exists, false);
  });

  it('runs queries and aggregations over the data as it was', async () => {
    const c = h.db.collection('history-q');
    await c.doc('a').set({ n: 1 });
    await c.doc('b').set({ n: 2 });
    const t = (await c.doc('c').set({ n: 3 })).writeTime;
    await c.doc('a').delete();
    await c.doc('b').update({ n: 20 });
    await c.doc('d').set({ n: 4 });
    const q = c.where('n', '<', 10).orderBy('n');
    const past = await atTime(t, (tx) => tx.get(q));
    assert.deepEqual(past.docs.map((d) => [d.id, d.get('n')]), [['a', 1], ['b', 2], ['c', 3]]);
    assert.ok(past.readTime.isEqual(t));
    const agg = await atTime(t, async (tx) => (await tx.get(c.aggregate({ count: AggregateField.count(), total: AggregateField.sum('n') }))).data());
    assert.deepEqual(agg, { count: 3, total: 6 });
    assert.deepEqual((await q.get()).docs.map((d) => d.id), ['c', 'd']);
  });

  it('refuses read times older than an hour or far in the future instead of reading current data', async () => {
    const ref = h.db.doc('history/old');
    await ref.set({ v: 1 });
    await assert.rejects(atTime(Timestamp.fromMillis(Date.now() - 2 * 3600_000), (tx) => tx.get(ref)), (err: { code?: number }) => err.code === 9);
    await assert.rejects(atTime(Timestamp.fromMillis(Date.now() + 3600_000), (tx) => tx.get(ref)), (err: { code?: number }) => err.code === 3);
    // A read time a moment ahead (another clock) reads the current data.
    assert.deepEqual(await atTime(Timestamp.fromMillis(Date.now() + 5), async (tx) => (await tx.get(ref)).data()), { v: 1 });
  });

  it('clearing the data ends reads before the clear', async () => {
    const t = (await h.db.doc('history/cleared').set({ v: 1 })).writeTime;
    const res = await fetch(`http://${h.server.address}/emulator/v1/projects/${h.projectId}/databases/(default)/documents`, { method: 'DELETE' });
    assert.equal(res.status, 200);
    await assert.rejects(atTime(t, (tx) => tx.get(h.db.doc('history/cleared'))), (err: { code?: number }) => err.code === 9);
  });
});
