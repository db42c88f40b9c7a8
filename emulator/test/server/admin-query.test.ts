import assert from 'node:assert/strict';
import { FieldPath, Filter, Timestamp } from 'firebase-admin/firestore';
import { type AdminHarness, startWithAdmin } from './support';

describe('emulator via firebase-admin: queries', () => {
  let h: AdminHarness;
  before(async () => {
    h = await startWithAdmin();
    const batch = h.db.batch();
    const people = [
      { id: 'ann', age: 31, city: 'Pune', tags: ['a', 'b'], score: 1.5, joined: Timestamp.fromMillis(1000) },
      { id: 'bob', age: 25, city: 'Delhi', tags: ['b'], score: 7, joined: Timestamp.fromMillis(2000) },
      { id: 'cat', age: 40, city: 'Pune', tags: [], score: null, joined: Timestamp.fromMillis(3000) },
      { id: 'dan', age: 25, city: 'Kathmandu', tags: ['c'], score: NaN },
      { id: 'eve', city: 'Delhi', tags: ['a'] },
      { id: 'fay', age: '31', city: 'Pune' },
    ];
    for (const { id, ...data } of people) batch.set(h.db.doc(`people/${id}`), data);
    batch.set(h.db.doc('people/ann/posts/p1'), { likes: 3, author: 'ann' });
    batch.set(h.db.doc('people/bob/posts/p2'), { likes: 9, author: 'bob' });
    batch.set(h.db.doc('archive/x/posts/p3'), { likes: 1, author: 'old' });
    await batch.commit();
  });
  after(async () => {
    await h.close();
  });

  const ids = (snap: FirebaseFirestore.QuerySnapshot): string[] => snap.docs.map((d) => d.id);

  it('filters with ==, !=, <, <=, >, >=', async () => {
    const people = h.db.collection('people');
    assert.deepEqual(ids(await people.where('city', '==', 'Pune').get()), ['ann', 'cat', 'fay']);
    assert.deepEqual(ids(await people.where('age', '>', 25).get()), ['ann', 'cat']);
    assert.deepEqual(ids(await people.where('age', '>=', 25).where('age', '<=', 31).get()), ['bob', 'dan', 'ann']);
    assert.deepEqual(ids(await people.where('age', '<', 31).get()), ['bob', 'dan']);
    assert.deepEqual(ids(await people.where('city', '!=', 'Pune').get()), ['bob', 'eve', 'dan']);
  });

  it('filters with in, not-in, array-contains, array-contains-any', async () => {
    const people = h.db.collection('people');
    assert.deepEqual(ids(await people.where('city', 'in', ['Delhi', 'Kathmandu']).get()), ['bob', 'dan', 'eve']);
    assert.deepEqual(ids(await people.where('city', 'not-in', ['Delhi', 'Kathmandu']).get()), ['ann', 'cat', 'fay']);
    assert.deepEqual(ids(await people.where('tags', 'array-contains', 'a').get()), ['ann', 'eve']);
    assert.deepEqual(ids(await people.where('tags', 'array-contains-any', ['b', 'c']).get()), ['ann', 'bob', 'dan']);
  });

  it('filters on null and NaN', async () => {
    const people = h.db.collection('people');
    assert.deepEqual(ids(await people.where('score', '==', null).get()), ['cat']);
    assert.deepEqual(ids(await people.where('score', '==', NaN).get()), ['dan']);
    assert.deepEqual(ids(await people.where('score', '!=', null).get()), ['dan', 'ann', 'bob']);
  });

  it('nested AND/OR composite filters', async () => {
    const people = h.db.collection('people');
    const q = people.where(Filter.or(Filter.and(Filter.where('city', '==', 'Pune'), Filter.where('age', '==', 31)), Filter.where('city', '==', 'Kathmandu')));
    assert.deepEqual(ids(await q.get()), ['ann', 'dan']);
  });

  it('orders by Firestore value type, excludes documents without the field, breaks ties by name', async () => {
    const people = h.db.collection('people');
    assert.deepEqual(ids(await people.orderBy('age').get()), ['bob', 'dan', 'ann', 'cat', 'fay']);
    assert.deepEqual(ids(await people.orderBy('age', 'desc').get()), ['fay', 'cat', 'ann', 'dan', 'bob']);
    assert.deepEqual(ids(await people.orderBy('city').orderBy('age', 'desc').get()), ['bob', 'dan', 'fay', 'cat', 'ann']);
  });

  it('cursors, offset, limit and limitToLast', async () => {
    const people = h.db.collection('people').orderBy('age');
    assert.deepEqual(ids(await people.startAt(25).endBefore(40).get()), ['bob', 'dan', 'ann']);
    assert.deepEqual(ids(await people.startAfter(25).endAt(40).get()), ['ann', 'cat']);
    assert.deepEqual(ids(await people.offset(1).limit(2).get()), ['dan', 'ann']);
    assert.deepEqual(ids(await people.limitToLast(2).get()), ['cat', 'fay']);
    const bob = await h.db.doc('people/bob').get();
    assert.deepEqual(ids(await people.startAfter(bob).limit(2).get()), ['dan', 'ann']);
  });

  it('select returns only the chosen fields', async () => {
    const snap = await h.db.collection('people').where('city', '==', 'Delhi').select('city').get();
    assert.deepEqual(snap.docs.map((d) => d.data()), [{ city: 'Delhi' }, { city: 'Delhi' }]);
    const names = await h.db.collection('people').select().get();
    assert.deepEqual(names.docs[0]?.data(), {});
  });

  it('collection groups, optionally under a parent', async () => {
    const all = await h.db.collectionGroup('posts').orderBy('likes').get();
    assert.deepEqual(all.docs.map((d) => d.ref.path), ['archive/x/posts/p3', 'people/ann/posts/p1', 'people/bob/posts/p2']);
    const filtered = await h.db.collectionGroup('posts').where('likes', '>', 2).get();
    assert.deepEqual(filtered.docs.map((d) => d.id), ['p1', 'p2']);
  });

  it('__name__ filters and ordering', async () => {
    const people = h.db.collection('people');
    assert.deepEqual(ids(await people.where(FieldPath.documentId(), '>=', 'dan').get()), ['dan', 'eve', 'fay']);
    assert.deepEqual(ids(await people.where(FieldPath.documentId(), 'in', ['bob', 'zed']).get()), ['bob']);
    assert.deepEqual(ids(await people.orderBy(FieldPath.documentId(), 'desc').limit(2).get()), ['fay', 'eve']);
  });

  it('count, sum and average', async () => {
    const people = h.db.collection('people');
    const { AggregateField } = await import('firebase-admin/firestore');
    const snap = await people.aggregate({ n: AggregateField.count(), total: AggregateField.sum('age'), mean: AggregateField.average('age') }).get();
    assert.deepEqual(snap.data(), { n: 6, total: 121, mean: 30.25 });
    const empty = await people.where('city', '==', 'Nowhere').aggregate({ n: AggregateField.count(), total: AggregateField.sum('age'), mean: AggregateField.average('age') }).get();
    assert.deepEqual(empty.data(), { n: 0, total: 0, mean: null });
    const doubles = await people.aggregate({ s: AggregateField.sum('score') }).get();
    assert.ok(Number.isNaN(doubles.data().s));
    assert.equal((await people.where('city', '==', 'Pune').count().get()).data().count, 3);
  });

  it('lists documents (including missing parents) and collection ids', async () => {
    await h.db.doc('ghost/none/child/c1').set({ a: 1 });
    const refs = await h.db.collection('ghost').listDocuments();
    assert.deepEqual(refs.map((r) => r.path), ['ghost/none']);
    const roots = await h.db.listCollections();
    assert.deepEqual(roots.map((c) => c.id), ['archive', 'ghost', 'people']);
    const sub = await h.db.doc('people/ann').listCollections();
    assert.deepEqual(sub.map((c) => c.id), ['posts']);
  });
});
