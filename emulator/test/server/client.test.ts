import assert from 'node:assert/strict';
import { type FirebaseApp, deleteApp, initializeApp } from 'firebase/app';
import {
  type Firestore,
  type QuerySnapshot,
  type DocumentSnapshot,
  average,
  collection,
  connectFirestoreEmulator,
  deleteDoc,
  disableNetwork,
  doc,
  enableNetwork,
  getAggregateFromServer,
  getCountFromServer,
  getDoc,
  getDocs,
  getFirestore,
  increment,
  limit,
  onSnapshot,
  orderBy,
  query,
  runTransaction,
  setLogLevel,
  serverTimestamp,
  setDoc,
  sum,
  terminate,
  updateDoc,
  where,
  writeBatch,
} from 'firebase/firestore';
import { type RunningServer, startServer } from '../../src/server/server';
import { Queue } from './support';

describe('emulator via the firebase client SDK (Node build)', function () {
  this.timeout(30_000);
  let server: RunningServer;
  let app: FirebaseApp;
  let db: Firestore;

  before(async () => {
    setLogLevel('silent');
    server = await startServer({ port: 0 });
    app = initializeApp({ projectId: `demo-client-${process.pid}`, apiKey: 'fake' }, `client-${process.pid}`);
    db = getFirestore(app);
    connectFirestoreEmulator(db, '127.0.0.1', server.port);
  });
  after(async () => {
    await terminate(db);
    await deleteApp(app);
    await server.close();
  });

  const ids = (snap: QuerySnapshot): string[] => snap.docs.map((d) => d.id);

  it('writes through the Write stream and reads back', async () => {
    await setDoc(doc(db, 'notes/n1'), { text: 'hello', n: 1, at: serverTimestamp() });
    await updateDoc(doc(db, 'notes/n1'), { n: increment(2), 'meta.tag': 'x' });
    const snap = await getDoc(doc(db, 'notes/n1'));
    assert.equal(snap.get('text'), 'hello');
    assert.equal(snap.get('n'), 3);
    assert.equal(snap.get('meta.tag'), 'x');
    assert.ok(snap.get('at'));
    await assert.rejects(updateDoc(doc(db, 'notes/none'), { a: 1 }), (err: { code?: string }) => err.code === 'not-found');
  });

  it('commits a batch atomically', async () => {
    const batch = writeBatch(db);
    batch.set(doc(db, 'batch/a'), { v: 1 });
    batch.set(doc(db, 'batch/b'), { v: 2 });
    await batch.commit();
    assert.deepEqual(ids(await getDocs(collection(db, 'batch'))), ['a', 'b']);
    const failing = writeBatch(db);
    failing.set(doc(db, 'batch/c'), { v: 3 });
    failing.update(doc(db, 'batch/missing'), { v: 4 });
    await assert.rejects(failing.commit());
    assert.equal((await getDoc(doc(db, 'batch/c'))).exists(), false);
  });

  it('serves many listen targets on one stream: changes, removals, deletions, unsubscribes', async () => {
    const cheap = new Queue<QuerySnapshot>();
    const top = new Queue<QuerySnapshot>();
    const one = new Queue<DocumentSnapshot>();
    const stopCheap = onSnapshot(query(collection(db, 'items'), where('price', '<', 10)), cheap.push);
    const stopTop = onSnapshot(query(collection(db, 'items'), orderBy('price', 'desc'), limit(2)), top.push);
    const stopOne = onSnapshot(doc(db, 'items/i1'), one.push);
    await cheap.until((s) => !s.metadata.fromCache);
    await top.until((s) => !s.metadata.fromCache);
    assert.equal((await one.until((s) => !s.metadata.fromCache)).exists(), false);

    await setDoc(doc(db, 'items/i1'), { price: 5 });
    assert.deepEqual(ids(await cheap.until((s) => s.size === 1)), ['i1']);
    assert.equal((await one.until((s) => s.exists())).get('price'), 5);
    await setDoc(doc(db, 'items/i2'), { price: 20 });
    await setDoc(doc(db, 'items/i3'), { price: 30 });
    assert.deepEqual(ids(await top.until((s) => s.size === 2 && s.docs[0]?.id === 'i3')), ['i3', 'i2']);

    await updateDoc(doc(db, 'items/i1'), { price: 50 });
    const removed = await cheap.until((s) => s.size === 0);
    assert.deepEqual(removed.docChanges().map((c) => c.type), ['removed']);
    assert.deepEqual(ids(await top.until((s) => s.docs[0]?.id === 'i1')), ['i1', 'i3']);

    stopCheap();
    await deleteDoc(doc(db, 'items/i1'));
    assert.equal((await one.until((s) => !s.exists())).exists(), false);
    assert.deepEqual(ids(await top.until((s) => s.docs[0]?.id === 'i3')), ['i3', 'i2']);
    stopTop();
    stopOne();
  });

  it('resumes listeners after a disconnect and reconciles what changed meanwhile', async () => {
    await setDoc(doc(db, 'resume/r1'), { v: 1 });
    await setDoc(doc(db, 'resume/r2'), { v: 2 });
    const snaps = new Queue<QuerySnapshot>();
    const stop = onSnapshot(collection(db, 'resume'), { includeMetadataChanges: true }, snaps.push);
    await snaps.until((s) => !s.metadata.fromCache && s.size === 2);
    await disableNetwork(db);
    const root = `projects/${app.options.projectId ?? ''}/databases/(default)`;
    const backend = server.backend;
    await backend.commit({ kind: 'owner' }, root, [
      { kind: 'delete', path: 'resume/r1' },
      { kind: 'update', path: 'resume/r3', fields: { v: { integerValue: '3' } }, transforms: [] },
    ]);
    await enableNetwork(db);
    const after = await snaps.until((s) => !s.metadata.fromCache && s.docs.map((d) => d.id).join() === 'r2,r3');
    assert.deepEqual(ids(after), ['r2', 'r3']);
    stop();
  });

  // The client SDK's transactions are optimistic (reads, then a commit with update-time
  // preconditions, retried on FAILED_PRECONDITION up to 5 attempts), so 5 concurrent ones always fit.
  it('runs client transactions with exact concurrent increments', async () => {
    const ref = doc(db, 'counters/c');
    await setDoc(ref, { n: 0 });
    await Promise.all(
      Array.from({ length: 5 }, () =>
        runTransaction(db, async (tx) => {
          const snap = await tx.get(ref);
          tx.update(ref, { n: Number(snap.get('n')) + 1 });
        }),
      ),
    );
    assert.equal((await getDoc(ref)).get('n'), 5);
  });

  it('aggregates on the server: count, sum, average', async () => {
    await setDoc(doc(db, 'agg/a'), { x: 1 });
    await setDoc(doc(db, 'agg/b'), { x: 2.5 });
    await setDoc(doc(db, 'agg/c'), { y: 1 });
    assert.equal((await getCountFromServer(collection(db, 'agg'))).data().count, 3);
    const snap = await getAggregateFromServer(collection(db, 'agg'), { total: sum('x'), mean: average('x') });
    assert.deepEqual(snap.data(), { total: 3.5, mean: 1.75 });
  });
});
