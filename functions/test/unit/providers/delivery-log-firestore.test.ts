/**
 * `firestoreDeliveryLog` against the project's offline Firestore emulator (started from source on a free port
 * for this suite), through firebase-admin: a new record carries `expireAt` (the TTL field of the `deliveries`
 * policy) `retentionDays` after it was queued, with or without an idempotency key, and keeps it when it is
 * finished or begun again.
 */
import assert from 'node:assert/strict';
import { deleteApp, initializeApp, type App } from 'firebase-admin/app';
import { getFirestore, type Firestore } from 'firebase-admin/firestore';
import { paths } from '../../../src/model/paths';
import { deliverySchema } from '../../../src/model/schemas';
import { firestoreDeliveryLog } from '../../../src/platform/providers/delivery-log-firestore';
import type { DeliveryStart } from '../../../src/platform/providers/delivery-log';
import { pointAdminAtOfflineFirestore } from '../../support/privacy-fakes';

const T = Date.parse('2025-05-05T06:30:00Z');
const DAY = 86_400_000;
const start: DeliveryStart = { channel: 'push', template: 'risk.alert', recipientRef: 'users/c1/devices/d1', orgId: 'org-a', sourcePath: 'riskEvents/r1' };

describe('firestoreDeliveryLog (offline Firestore emulator)', function () {
  this.timeout(120_000);
  let emulator: { stop: () => Promise<void> };
  let app: App;
  let db: Firestore;

  before(async () => {
    emulator = await pointAdminAtOfflineFirestore('delivery-log');
    app = initializeApp({ projectId: 'demo-delivery-log' }, 'delivery-log');
    db = getFirestore(app);
  });

  after(async () => {
    await db.terminate();
    await deleteApp(app);
    await emulator.stop();
  });

  const read = async (id: string) => deliverySchema.parse((await db.doc(paths.delivery(id)).get()).data());

  it('creates a record with expireAt retentionDays after it was queued (with an idempotency key), kept through finish and a retry', async () => {
    let now = T;
    const log = firestoreDeliveryLog(() => db, { retentionDays: 90, now: () => now });
    const ticket = await log.begin({ ...start, idempotencyKey: 'riskEvents/r1:users/c1/devices/d1' });
    assert.equal(ticket.status, 'queued');
    assert.equal((await read(ticket.id)).expireAt?.toMillis(), T + 90 * DAY);
    await log.finish(ticket.id, { status: 'sent', attempts: 1, providerId: 'fcm-1' });
    now = T + DAY;
    const again = await log.begin({ ...start, idempotencyKey: 'riskEvents/r1:users/c1/devices/d1' });
    assert.deepEqual(again, { id: ticket.id, status: 'sent', attempts: 1 });
    const record = await read(ticket.id);
    assert.equal(record.status, 'sent');
    assert.equal(record.expireAt?.toMillis(), T + 90 * DAY, 'a retry does not move it');
  });

  it('sets expireAt on a record without an idempotency key too, from the configured days', async () => {
    const log = firestoreDeliveryLog(() => db, { retentionDays: 14, now: () => T });
    const ticket = await log.begin(start);
    assert.equal((await read(ticket.id)).expireAt?.toMillis(), T + 14 * DAY);
  });
});
