/** The deployed shape of the booking, resource and device functions (what firebase deploy reads from the endpoints). */
import assert from 'node:assert/strict';
import { cancelBooking, expireHolds, onDeviceWritten, recordResourceView, requestBooking, respondToBooking } from '../../../src/index';
import { REGION } from '../../../src/platform/config';

describe('connect (booking, resources, devices) deployed functions', () => {
  it('the booking and resource callables are callables in the data region', () => {
    for (const fn of [requestBooking, respondToBooking, cancelBooking, recordResourceView]) {
      assert.deepEqual(fn.__endpoint.region, [REGION]);
      assert.ok(fn.__endpoint.callableTrigger, 'a callable trigger');
    }
  });

  it('expireHolds runs every 5 minutes (UTC) in the data region', () => {
    const e = expireHolds.__endpoint;
    assert.deepEqual(e.region, [REGION]);
    assert.equal(e.scheduleTrigger?.schedule, '*/5 * * * *');
    assert.equal(e.scheduleTrigger?.timeZone, 'UTC');
  });

  it('onDeviceWritten listens to device registrations in the data region, with retries', () => {
    const e = onDeviceWritten.__endpoint;
    assert.deepEqual(e.region, [REGION]);
    assert.equal(e.eventTrigger?.eventType, 'google.cloud.firestore.document.v1.written');
    assert.deepEqual(e.eventTrigger?.eventFilterPathPatterns, { document: 'users/{uid}/devices/{deviceId}' });
    assert.equal(e.eventTrigger?.retry, true);
  });
});
