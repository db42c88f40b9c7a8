import assert from 'node:assert/strict';
import { DocumentReference, FieldPath, FieldValue, GeoPoint, Timestamp } from 'firebase-admin/firestore';
import { type AdminHarness, startWithAdmin } from './support';

describe('emulator via firebase-admin: documents', () => {
  let h: AdminHarness;
  before(async () => {
    h = await startWithAdmin();
  });
  after(async () => {
    await h.close();
  });

  it('writes then reads a document with every value type', async () => {
    const ref = h.db.doc('things/all');
    const when = Timestamp.fromMillis(1_700_000_000_123);
    await ref.set({
      s: 'x',
      i: 42,
      d: 1.5,
      b: true,
      n: null,
      t: when,
      g: new GeoPoint(12.5, 77.5),
      y: Buffer.from([1, 2, 3]),
      r: h.db.doc('a/b'),
      a: [1, 'two', { three: 3 }],
      m: { nested: { deep: 'yes' } },
    });
    const snap = await ref.get();
    assert.ok(snap.exists);
    const data = snap.data() ?? {};
    assert.equal(data['s'], 'x');
    assert.equal(data['i'], 42);
    assert.equal(data['d'], 1.5);
    assert.equal(data['b'], true);
    assert.equal(data['n'], null);
    const t: unknown = data['t'];
    assert.ok(t instanceof Timestamp && t.isEqual(when));
    const g: unknown = data['g'];
    assert.ok(g instanceof GeoPoint && g.isEqual(new GeoPoint(12.5, 77.5)));
    const y: unknown = data['y'];
    assert.ok(Buffer.isBuffer(y) && y.equals(Buffer.from([1, 2, 3])));
    const r: unknown = data['r'];
    assert.ok(r instanceof DocumentReference && r.path === 'a/b');
    assert.deepEqual(data['a'], [1, 'two', { three: 3 }]);
    assert.deepEqual(data['m'], { nested: { deep: 'yes' } });
    assert.ok(snap.createTime && snap.updateTime);
  });

  it('reports missing documents', async () => {
    const snap = await h.db.doc('things/missing').get();
    assert.equal(snap.exists, false);
  });

  it('applies preconditions: create fails on an existing document, update on a missing one', async () => {
    const ref = h.db.doc('pre/one');
    await ref.create({ v: 1 });
    await assert.rejects(ref.create({ v: 2 }), (err: { code?: number }) => err.code === 6);
    await assert.rejects(h.db.doc('pre/none').update({ v: 1 }), (err: { code?: number }) => err.code === 5);
    const snap = await ref.get();
    await assert.rejects(ref.update({ v: 3 }, { lastUpdateTime: Timestamp.fromMillis(1000) }), (err: { code?: number }) => err.code === 9);
    await ref.update({ v: 3 }, { lastUpdateTime: snap.updateTime });
    assert.equal((await ref.get()).get('v'), 3);
  });

  it('merges, updates dotted and back-ticked paths, and deletes fields', async () => {
    const ref = h.db.doc('merge/one');
    await ref.set({ a: { b: 1, c: 2 }, keep: true, 'dot.ted': 1 });
    await ref.set({ a: { b: 10 } }, { merge: true });
    assert.deepEqual((await ref.get()).data(), { a: { b: 10, c: 2 }, keep: true, 'dot.ted': 1 });
    await ref.update({ 'a.c': FieldValue.delete(), 'x.y': 5 });
    await ref.update(new FieldPath('dot.ted'), 2);
    assert.deepEqual((await ref.get()).data(), { a: { b: 10 }, keep: true, 'dot.ted': 2, x: { y: 5 } });
  });

  it('applies every field transform, nested', async () => {
    const ref = h.db.doc('transforms/one');
    await ref.set({ n: { count: 1 }, tags: ['a', 'b'] });
    const result = await ref.update({
      'n.count': FieldValue.increment(2),
      when: FieldValue.serverTimestamp(),
      tags: FieldValue.arrayUnion('b', 'c'),
      gone: FieldValue.arrayRemove('z'),
    });
    const snap = await ref.get();
    assert.equal(snap.get('n.count'), 3);
    assert.deepEqual(snap.get('tags'), ['a', 'b', 'c']);
    assert.deepEqual(snap.get('gone'), []);
    const when: unknown = snap.get('when');
    assert.ok(when instanceof Timestamp && when.isEqual(result.writeTime));
    await ref.update({ tags: FieldValue.arrayRemove('a', 'c'), 'n.count': FieldValue.increment(0.5) });
    const again = await ref.get();
    assert.deepEqual(again.get('tags'), ['b']);
    assert.equal(again.get('n.count'), 3.5);
  });

  it('stores timestamps to the microsecond, rounding down, as Firestore does', async () => {
    const precise = new Timestamp(1_700_000_000, 123_456_789);
    const ref = h.db.doc('times/precise');
    const write = await ref.set({ t: precise, m: { t: precise, list: [precise] }, server: FieldValue.serverTimestamp() });
    const snap = await ref.get();
    const micros = new Timestamp(1_700_000_000, 123_456_000);
    assert.ok(snap.get('t').isEqual(micros));
    assert.ok(snap.get('m.t').isEqual(micros));
    assert.ok(snap.get('m.list')[0].isEqual(micros));
    for (const t of [snap.get('server') as Timestamp, write.writeTime, snap.updateTime, snap.createTime, snap.readTime]) {
      assert.equal((t?.nanoseconds ?? 1) % 1000, 0);
    }
    // A value that differs only below the microsecond is the same stored value.
    const found = await h.db.collection('times').where('t', '==', new Timestamp(1_700_000_000, 123_456_999)).get();
    assert.deepEqual(found.docs.map((d) => d.id), ['precise']);
  });

  it('keeps the update time of a write that changes nothing', async () => {
    const ref = h.db.doc('noop/one');
    const first = await ref.set({ a: 1 });
    const second = await ref.set({ a: 1 });
    assert.ok(first.writeTime.isEqual(second.writeTime));
    const snap = await ref.get();
    assert.ok(snap.updateTime?.isEqual(first.writeTime));
  });

  it('commits a batch atomically: one failed precondition writes nothing', async () => {
    const batch = h.db.batch();
    batch.set(h.db.doc('atomic/a'), { v: 1 });
    batch.update(h.db.doc('atomic/missing'), { v: 1 });
    await assert.rejects(batch.commit(), (err: { code?: number }) => err.code === 5);
    assert.equal((await h.db.doc('atomic/a').get()).exists, false);
    const ok = h.db.batch();
    ok.set(h.db.doc('atomic/a'), { v: 1 });
    ok.set(h.db.doc('atomic/b'), { v: 2 });
    ok.delete(h.db.doc('atomic/c'));
    const results = await ok.commit();
    assert.equal(results.length, 3);
    const [a, b] = await h.db.getAll(h.db.doc('atomic/a'), h.db.doc('atomic/b'));
    assert.ok(a?.updateTime?.isEqual(b?.updateTime ?? Timestamp.now()));
  });

  it('deletes documents', async () => {
    const ref = h.db.doc('del/one');
    await ref.set({ a: 1 });
    await ref.delete();
    assert.equal((await ref.get()).exists, false);
    await assert.rejects(ref.delete({ exists: true }), (err: { code?: number }) => err.code === 5);
  });

  it('getAll returns documents in request order with a field mask', async () => {
    await h.db.doc('many/a').set({ x: 1, y: 2 });
    await h.db.doc('many/b').set({ x: 3, y: 4 });
    const snaps = await h.db.getAll(h.db.doc('many/b'), h.db.doc('many/zz'), h.db.doc('many/a'), { fieldMask: ['x'] });
    assert.deepEqual(snaps.map((s) => s.id), ['b', 'zz', 'a']);
    assert.deepEqual(snaps.map((s) => s.data()), [{ x: 3 }, undefined, { x: 1 }]);
  });
});
