/**
 * `onDeviceWritten` through firebase-functions-test around the in-memory device store: a push token registered
 * by one account is removed from every other account that still holds it.
 */
import assert from 'node:assert/strict';
import functionsTest from 'firebase-functions-test';
import { Timestamp } from 'firebase-admin/firestore';
import { buildOnDeviceWritten } from '../../../src/connect/devices/triggers';
import { paths } from '../../../src/model/paths';
import { InMemoryDeviceStore } from '../../support/connect-booking-fakes';
import { MemoryDocs, seedDevice } from '../../support/notify-fakes';

const ffTest = functionsTest({ projectId: 'demo-manmitra' });
after(() => ffTest.cleanup());

const T = Date.parse('2025-05-05T06:30:00Z');
const device = (token: string, at = T) => ({ token, platform: 'android', updatedAt: Timestamp.fromMillis(at) });

function setup() {
  const docs = new MemoryDocs();
  const store = new InMemoryDeviceStore(docs);
  const fn = ffTest.wrap(buildOnDeviceWritten({ store }));
  const write = async (uid: string, deviceId: string, before: Record<string, unknown> | null, after: Record<string, unknown> | null) => {
    const path = paths.device(uid, deviceId);
    const snap = (data: Record<string, unknown> | null) => (data ? ffTest.firestore.makeDocumentSnapshot(data, path) : ffTest.firestore.makeDocumentSnapshot({}, path));
    if (after) docs.set(path, after);
    await fn({ data: ffTest.makeChange(snap(before), snap(after)), params: { uid, deviceId } });
  };
  return { docs, store, write };
}

describe('onDeviceWritten', () => {
  it('a token registered by a new account is removed from the account that held it before', async () => {
    const { docs, store, write } = setup();
    seedDevice(docs, 'alice', 'phone', 'tok-shared');
    seedDevice(docs, 'alice', 'laptop', 'tok-alice');
    seedDevice(docs, 'carol', 'old-phone', 'tok-shared');
    await write('bob', 'phone', null, device('tok-shared'));
    assert.equal(docs.peek(paths.device('alice', 'phone')), undefined);
    assert.equal(docs.peek(paths.device('carol', 'old-phone')), undefined);
    assert.ok(docs.peek(paths.device('alice', 'laptop')));
    assert.ok(docs.peek(paths.device('bob', 'phone')));
    assert.deepEqual(store.removed.map((d) => d.uid).sort(), ['alice', 'carol']);
  });

  it('changes nothing for a refresh of the same token, a deletion, or a token nobody else holds', async () => {
    const { docs, store, write } = setup();
    seedDevice(docs, 'alice', 'phone', 'tok-a');
    seedDevice(docs, 'bob', 'tablet', 'tok-b');
    await write('alice', 'phone', device('tok-a'), device('tok-a'));
    await write('alice', 'phone', device('tok-a'), null);
    await write('alice', 'laptop', null, device('tok-new'));
    await write('alice', 'phone2', null, device('tok-a'));
    assert.deepEqual(store.removed, []);
    assert.ok(docs.peek(paths.device('bob', 'tablet')));
  });

  it('a late trigger of an older registration never removes a newer one', async () => {
    const { docs, store, write } = setup();
    seedDevice(docs, 'bob', 'phone', 'tok-shared', Timestamp.fromMillis(T + 60_000));
    await write('alice', 'phone', null, device('tok-shared', T));
    assert.deepEqual(store.removed, []);
    assert.ok(docs.peek(paths.device('bob', 'phone')));
  });

  it('is idempotent: a repeated delivery removes nothing more', async () => {
    const { docs, store, write } = setup();
    seedDevice(docs, 'alice', 'phone', 'tok-shared');
    await write('bob', 'phone', null, device('tok-shared'));
    await write('bob', 'phone', null, device('tok-shared'));
    assert.equal(store.removed.length, 1);
    assert.ok(docs.peek(paths.device('bob', 'phone')));
  });
});
