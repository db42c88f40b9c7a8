import assert from 'node:assert/strict';
import { pageTokenToPath } from '../../src/server/backend';
import { type AdminHarness, startWithAdmin } from './support';

describe('emulator via firebase-admin: BatchWrite, recursive delete, listing', () => {
  let h: AdminHarness;
  before(async () => {
    h = await startWithAdmin();
  });
  after(async () => {
    await h.close();
  });

  it('BulkWriter (BatchWrite) applies writes independently and reports each failure', async () => {
    const writer = h.db.bulkWriter();
    const failures: number[] = [];
    writer.onWriteError((err) => {
      failures.push(err.code);
      return false;
    });
    const settled = Promise.allSettled([
      writer.set(h.db.doc('bulk/a'), { v: 1 }),
      writer.create(h.db.doc('bulk/b'), { v: 2 }),
      writer.update(h.db.doc('bulk/missing'), { v: 3 }),
    ]);
    await writer.close();
    const results = await settled;
    assert.deepEqual(results.map((r) => r.status), ['fulfilled', 'fulfilled', 'rejected']);
    assert.deepEqual(failures, [5]);
    const snaps = await h.db.getAll(h.db.doc('bulk/a'), h.db.doc('bulk/b'));
    assert.deepEqual(snaps.map((s) => s.get('v')), [1, 2]);
  });

  it('recursiveDelete removes a document tree, subcollections included', async () => {
    await h.db.doc('tree/root').set({ a: 1 });
    await h.db.doc('tree/root/kids/k1').set({ a: 2 });
    await h.db.doc('tree/root/kids/k1/grand/g1').set({ a: 3 });
    await h.db.doc('tree/other').set({ keep: true });
    await h.db.recursiveDelete(h.db.doc('tree/root'));
    const left = await h.db.collection('tree').get();
    assert.deepEqual(left.docs.map((d) => d.id), ['other']);
    assert.equal((await h.db.collectionGroup('grand').get()).size, 0);
    await h.db.recursiveDelete(h.db.collection('tree'));
    assert.equal((await h.db.collection('tree').get()).size, 0);
  });

  it('lists documents page by page', async () => {
    const batch = h.db.batch();
    for (let i = 0; i < 25; i++) batch.set(h.db.doc(`paged/d${String(i).padStart(2, '0')}`), { i });
    await batch.commit();
    const all = await h.db.collection('paged').listDocuments();
    assert.equal(all.length, 25);
    const root = `projects/${h.projectId}/databases/(default)`;
    const first = await h.server.backend.listDocuments({ kind: 'owner' }, root, '', 'paged', { showMissing: false, pageSize: 10 });
    assert.equal(first.documents.length, 10);
    assert.equal(first.documents[0]?.path, 'paged/d00');
    const after = pageTokenToPath(first.nextPageToken);
    assert.equal(after, 'paged/d09');
    const second = await h.server.backend.listDocuments({ kind: 'owner' }, root, '', 'paged', { showMissing: false, pageSize: 20, ...(after ? { after } : {}) });
    assert.deepEqual([second.documents.length, second.documents[0]?.path, second.nextPageToken], [15, 'paged/d10', '']);
  });
});
