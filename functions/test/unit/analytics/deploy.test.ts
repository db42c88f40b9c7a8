/** The deployed shape of the analytics functions (what firebase deploy reads from the endpoints). */
import assert from 'node:assert/strict';
import { nightlyRollup, onRiskEventAcked } from '../../../src/index';
import { REGION } from '../../../src/platform/config';

describe('analytics deployed functions', () => {
  it('nightlyRollup runs every hour at :05 UTC in the data region, with retries', () => {
    const e = nightlyRollup.__endpoint;
    assert.deepEqual(e.region, [REGION]);
    assert.equal(e.scheduleTrigger?.schedule, '5 * * * *');
    assert.equal(e.scheduleTrigger?.timeZone, 'UTC');
    assert.equal(e.scheduleTrigger?.retryConfig?.retryCount, 2);
  });

  it('onRiskEventAcked listens to risk event updates in the data region, with retries', () => {
    const e = onRiskEventAcked.__endpoint;
    assert.deepEqual(e.region, [REGION]);
    assert.equal(e.eventTrigger?.eventType, 'google.cloud.firestore.document.v1.updated');
    assert.deepEqual(e.eventTrigger?.eventFilterPathPatterns, { document: 'riskEvents/{eventId}' });
    assert.equal(e.eventTrigger?.retry, true);
  });
});
