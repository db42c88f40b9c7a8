/**
 * onRiskEventAcked through firebase-functions-test with the in-memory store (ack.ts, triggers.ts): the first
 * acknowledgement adds one to the histogram of the event's creation day in the org's timezone, once per
 * event however often the trigger is delivered; other updates and unknown orgs change nothing.
 */
import assert from 'node:assert/strict';
import { Timestamp } from 'firebase-admin/firestore';
import functionsTest from 'firebase-functions-test';
import { ackBucket } from '../../../src/analytics/histogram';
import { ackHistogramPath, ackHistogramSchema } from '../../../src/analytics/store';
import { buildOnRiskEventAcked } from '../../../src/analytics/triggers';
import { paths } from '../../../src/model/paths';
import { riskEventSchema, type RiskEvent } from '../../../src/model/schemas';
import { MemoryAnalyticsStore, seed } from '../../support/analytics-fakes';
import { snapshotData } from '../../support/safety-fakes';

const ffTest = functionsTest({ projectId: 'demo-manmitra' });
after(() => ffTest.cleanup());

// 2025-05-04T19:00Z is 00:30 on 2025-05-05 in Kolkata, still 2025-05-04 in UTC.
const CREATED = Date.parse('2025-05-04T19:00:00Z');
const NOW = CREATED + 3_600_000;

describe('analytics onRiskEventAcked', () => {
  let store: MemoryAnalyticsStore;
  let unacked: RiskEvent;

  beforeEach(async () => {
    store = new MemoryAnalyticsStore();
    await seed.org(store, 'org-a', 'Asia/Kolkata');
    await seed.riskEvent(store, 'risk-1', 'org-a', 'high', CREATED);
    unacked = riskEventSchema.parse(store.docs.get(paths.riskEvent('risk-1')));
  });

  const deliver = (eventId: string, before: RiskEvent, after: RiskEvent) => {
    const wrapped = ffTest.wrap(buildOnRiskEventAcked({ store, now: () => NOW }));
    const change = ffTest.makeChange(
      ffTest.firestore.makeDocumentSnapshot(snapshotData(before), paths.riskEvent(eventId)),
      ffTest.firestore.makeDocumentSnapshot(snapshotData(after), paths.riskEvent(eventId)),
    );
    return wrapped({ data: change, params: { eventId } });
  };
  const acked = (event: RiskEvent, minutes: number): RiskEvent => ({
    ...event,
    status: 'acknowledged',
    ackBy: 'counselor-1',
    ackAt: Timestamp.fromMillis(event.createdAt.toMillis() + minutes * 60_000),
  });
  const histogram = (day: string) => {
    const data = store.docs.get(ackHistogramPath('org-a', day));
    return data === undefined ? undefined : ackHistogramSchema.parse(data);
  };

  it('counts the first acknowledgement in the bucket of its delay, on the creation day in the org timezone', async () => {
    await deliver('risk-1', unacked, acked(unacked, 7));
    const h = histogram('2025-05-05');
    assert.ok(h, 'histogram of the Kolkata day');
    assert.equal(h.counts[ackBucket(7)], 1);
    assert.equal(h.counts.reduce((a, b) => a + b, 0), 1);
    assert.equal(histogram('2025-05-04'), undefined);
  });

  it('counts an event once when the trigger is delivered again', async () => {
    await deliver('risk-1', unacked, acked(unacked, 7));
    await deliver('risk-1', unacked, acked(unacked, 7));
    assert.equal(histogram('2025-05-05')?.counts.reduce((a, b) => a + b, 0), 1);
  });

  it('ignores updates that are not the first acknowledgement (resolve, re-ack, unacknowledged changes)', async () => {
    const ack = acked(unacked, 7);
    await deliver('risk-1', ack, { ...ack, status: 'resolved', outcome: 'true-positive' });
    await deliver('risk-1', ack, acked(unacked, 9));
    await deliver('risk-1', unacked, { ...unacked, assignedTo: 'counselor-1' });
    assert.equal(histogram('2025-05-05'), undefined);
    assert.equal(store.writes, 0);
  });

  it('adds separate events to the same day', async () => {
    await seed.riskEvent(store, 'risk-2', 'org-a', 'imminent', CREATED + 60_000);
    const second = riskEventSchema.parse(store.docs.get(paths.riskEvent('risk-2')));
    await deliver('risk-1', unacked, acked(unacked, 7));
    await deliver('risk-2', second, acked(second, 200));
    const h = histogram('2025-05-05');
    assert.deepEqual([h?.counts[ackBucket(7)], h?.counts[ackBucket(200)], h?.events], [1, 1, ['risk-1', 'risk-2']]);
  });

  it('records nothing for an event of an org that does not exist', async () => {
    const orphan: RiskEvent = { ...unacked, orgId: 'org-gone' };
    await deliver('risk-1', orphan, acked(orphan, 7));
    assert.equal(store.writes, 0);
  });
});
