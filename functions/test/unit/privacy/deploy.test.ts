/** The deployed shape of the privacy functions (what firebase deploy reads from the endpoints). */
import assert from 'node:assert/strict';
import { continueDeletions, deleteMyAccount, exportMyData, retentionPurge } from '../../../src/index';
import { REGION } from '../../../src/platform/config';
import { BUDGETS } from '../../../src/privacy/triggers';

describe('privacy deployed functions', () => {
  it('exportMyData and deleteMyAccount are callables in the data region, with the encryption key bound', () => {
    for (const fn of [exportMyData, deleteMyAccount]) {
      const e = fn.__endpoint;
      assert.deepEqual(e.region, [REGION]);
      assert.ok(e.callableTrigger, 'a callable');
      assert.ok(e.secretEnvironmentVariables?.some((s) => s.key === 'FIELD_ENCRYPTION_KEY'));
    }
  });

  it('deleteMyAccount records progress well before its timeout', () => {
    const timeout = deleteMyAccount.__endpoint.timeoutSeconds;
    assert.equal(typeof timeout, 'number');
    assert.ok(BUDGETS.deleteMyAccountMs < Number(timeout) * 1000 - 30_000);
  });

  it('retentionPurge runs daily at night in India; continueDeletions every 10 minutes; both within their timeouts', () => {
    const r = retentionPurge.__endpoint;
    assert.deepEqual(r.region, [REGION]);
    assert.equal(r.scheduleTrigger?.schedule, 'every day 03:30');
    assert.equal(r.scheduleTrigger?.timeZone, 'Asia/Kolkata');
    const c = continueDeletions.__endpoint;
    assert.equal(c.scheduleTrigger?.schedule, 'every 10 minutes');
    for (const e of [r, c]) assert.ok(BUDGETS.scheduledMs < Number(e.timeoutSeconds) * 1000 - 30_000);
  });
});
