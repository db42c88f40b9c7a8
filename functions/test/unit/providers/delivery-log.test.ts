import assert from 'node:assert/strict';
import { Timestamp } from 'firebase-admin/firestore';
import { deliverySchema, ID_SEGMENT_RE } from '../../../src/model/schemas';
import { deliveryExpireAt, deliveryIdFor, finishFields, InMemoryDeliveryLog, queuedFields, type DeliveryStart } from '../../../src/platform/providers/delivery-log';

const DAY = 86_400_000;

describe('delivery log', () => {
  const start: DeliveryStart = { channel: 'sms', template: 'risk.alert', recipientRef: 'users/c1', orgId: 'org-1', sourcePath: 'riskEvents/r1' };

  it('records a queued delivery that matches the deliveries schema', async () => {
    let t = 1_000;
    const log = new InMemoryDeliveryLog(() => Timestamp.fromMillis(t++));
    const ticket = await log.begin(start);
    assert.deepEqual(ticket, { id: 'mem-000001', status: 'queued', attempts: 0 });
    const record = log.records.get(ticket.id);
    assert.ok(record);
    assert.equal(deliverySchema.safeParse(record).success, true);
    assert.equal(record.expireAt?.toMillis(), 1_000 + 90 * DAY, 'kept 90 days by default (TTL)');
    assert.deepEqual({ ...record, createdAt: undefined, updatedAt: undefined, expireAt: undefined }, {
      channel: 'sms',
      template: 'risk.alert',
      recipientRef: 'users/c1',
      status: 'queued',
      attempts: 0,
      lastError: null,
      orgId: 'org-1',
      sourcePath: 'riskEvents/r1',
      createdAt: undefined,
      updatedAt: undefined,
      expireAt: undefined,
    });
  });

  it('sets expireAt the configured number of days after the record is queued, and keeps it through finish', async () => {
    const log = new InMemoryDeliveryLog(() => Timestamp.fromMillis(5_000), 7);
    const { id } = await log.begin({ ...start, idempotencyKey: 'k' });
    assert.equal(log.records.get(id)?.expireAt?.toMillis(), 5_000 + 7 * DAY);
    await log.finish(id, { status: 'sent', attempts: 1 });
    assert.equal(log.records.get(id)?.expireAt?.toMillis(), 5_000 + 7 * DAY);
    assert.equal(deliveryExpireAt(0, 90).toMillis(), 90 * DAY);
  });

  it('moves to sent with attempts and the provider id, or to failed with the last error', async () => {
    let t = 1_000;
    const log = new InMemoryDeliveryLog(() => Timestamp.fromMillis((t += 10)));
    const a = await log.begin(start);
    const b = await log.begin(start);
    await log.finish(a.id, { status: 'sent', attempts: 2, providerId: 'SM1' });
    await log.finish(b.id, { status: 'failed', attempts: 3, lastError: 'twilio/unavailable' });
    const [sent, failed] = log.list();
    assert.equal(sent?.status, 'sent');
    assert.equal(sent?.attempts, 2);
    assert.equal(sent?.providerId, 'SM1');
    assert.equal(sent?.lastError, null);
    assert.ok(sent && sent.updatedAt.toMillis() > sent.createdAt.toMillis());
    assert.equal(failed?.status, 'failed');
    assert.equal(failed?.lastError, 'twilio/unavailable');
  });

  it('uses one deterministic document per idempotency key', async () => {
    const log = new InMemoryDeliveryLog();
    const first = await log.begin({ ...start, idempotencyKey: 'event-1:users/c1' });
    await log.finish(first.id, { status: 'sent', attempts: 1 });
    const again = await log.begin({ ...start, idempotencyKey: 'event-1:users/c1' });
    assert.deepEqual(again, { id: first.id, status: 'sent', attempts: 1 });
    assert.equal(log.records.size, 1);
  });

  it('derives ids that are valid document ids, stable, and distinct per channel and key', () => {
    const id = deliveryIdFor('sms', 'riskEvents/abc:users/c1');
    assert.equal(id, deliveryIdFor('sms', 'riskEvents/abc:users/c1'));
    assert.notEqual(id, deliveryIdFor('email', 'riskEvents/abc:users/c1'));
    assert.notEqual(id, deliveryIdFor('sms', 'riskEvents/abc:users/c2'));
    assert.match(id, ID_SEGMENT_RE);
    assert.ok(!id.includes('users'));
  });

  it('bounds stored error text and ids to the schema limits', () => {
    assert.equal(finishFields({ status: 'failed', attempts: 1, lastError: 'x'.repeat(900) }).lastError?.length, 500);
    assert.equal(finishFields({ status: 'sent', attempts: 1, providerId: 'p'.repeat(300) }).providerId?.length, 256);
    assert.deepEqual(queuedFields({ channel: 'push', template: 't', recipientRef: 'users/u' }, Timestamp.fromMillis(9)), {
      channel: 'push',
      template: 't',
      recipientRef: 'users/u',
      status: 'queued',
      attempts: 0,
      lastError: null,
      expireAt: Timestamp.fromMillis(9),
    });
  });

  it('refuses a record the schema rejects', async () => {
    await assert.rejects(new InMemoryDeliveryLog().begin({ ...start, template: 'Not A Template' }), /template/);
  });
});
