import assert from 'node:assert/strict';
import { startServer } from '../../src/server/server';
import { Queue, adminFor } from './support';

describe('emulator server: closing', () => {
  it('closes at once without clients, and within the grace period with a Listen stream open', async () => {
    const idle = await startServer({ port: 0 });
    let started = Date.now();
    await idle.close();
    assert.ok(Date.now() - started < 200, `closed in ${Date.now() - started} ms`);

    const server = await startServer({ port: 0 });
    const client = adminFor(server.address);
    await client.db.doc('c/a').set({ a: 1 });
    const sizes = new Queue<number>();
    const errors = new Queue<unknown>();
    const unsubscribe = client.db.collection('c').onSnapshot((snap) => sizes.push(snap.size), errors.push);
    assert.equal(await sizes.next(), 1);
    started = Date.now();
    await server.close();
    assert.ok(Date.now() - started < 1000, `closed in ${Date.now() - started} ms with a listener open`);
    unsubscribe();
    await client.close();
  });
});
