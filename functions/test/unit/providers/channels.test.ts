import assert from 'node:assert/strict';
import { captureLogs } from '../../../src/platform/log';
import { ValidationError } from '../../../src/platform/errors';
import { emailChannel, pushChannel, smsChannel } from '../../../src/platform/providers/channels';
import { InMemoryDeliveryLog } from '../../../src/platform/providers/delivery-log';
import { offlineEmailSender, offlinePushSender, offlineSmsSender, Outbox, OFFLINE_UNREGISTERED_TOKEN_PREFIX } from '../../../src/platform/providers/offline';
import { ProviderError, type PushSender, type SmsSender } from '../../../src/platform/providers/types';

const meta = { template: 'risk.alert', recipientRef: 'users/c1', orgId: 'org-1', sourcePath: 'riskEvents/r1' };
const sms = { to: '+919800000000', body: 'A student needs you.' };

/** An SMS sender whose answers are scripted: a result, or a ProviderError to throw. */
function scriptedSms(...answers: Array<ProviderError | string>): SmsSender & { calls: number } {
  const sender = {
    implementation: 'real' as const,
    calls: 0,
    async send() {
      const answer = answers[Math.min(sender.calls, answers.length - 1)];
      sender.calls += 1;
      if (answer instanceof ProviderError) throw answer;
      return { providerId: answer, attempts: 1 };
    },
  };
  return sender;
}

describe('delivery channels (record every send in deliveries)', () => {
  it('records an offline SMS as queued then sent, with the outbox id, and logs it', async () => {
    const log = new InMemoryDeliveryLog();
    const outbox = new Outbox();
    const cap = captureLogs();
    let receipt;
    try {
      receipt = await smsChannel(offlineSmsSender('simulate', outbox), log).send(sms, meta);
    } finally {
      cap.restore();
    }
    assert.deepEqual(receipt, { deliveryId: 'mem-000001', status: 'sent', attempts: 1, providerId: 'offline-sms-000001', duplicate: false });
    const [record] = log.list();
    assert.equal(record?.status, 'sent');
    assert.equal(record?.channel, 'sms');
    assert.equal(record?.template, 'risk.alert');
    assert.equal(record?.recipientRef, 'users/c1');
    assert.equal(record?.orgId, 'org-1');
    assert.equal(record?.sourcePath, 'riskEvents/r1');
    assert.equal(record?.providerId, 'offline-sms-000001');
    assert.equal(outbox.entries.length, 1);
    const recorded = cap.lines.find((l) => l.event === 'delivery.recorded');
    assert.deepEqual(recorded?.fields, { deliveryId: 'mem-000001', channel: 'sms', template: 'risk.alert', status: 'sent', attempts: 1 });
    assert.ok(!JSON.stringify(cap.lines).includes('+91'));
  });

  it('does not send twice for the same idempotency key once sent', async () => {
    const log = new InMemoryDeliveryLog();
    const outbox = new Outbox();
    const channel = emailChannel(offlineEmailSender('simulate', outbox), log);
    const email = { to: 'c@example.edu', subject: 's', text: 't' };
    const first = await channel.send(email, { ...meta, idempotencyKey: 'riskEvents/r1:users/c1' });
    const second = await channel.send(email, { ...meta, idempotencyKey: 'riskEvents/r1:users/c1' });
    assert.equal(second.deliveryId, first.deliveryId);
    assert.equal(second.duplicate, true);
    assert.equal(outbox.entries.length, 1);
    assert.equal(log.records.size, 1);
  });

  it('records a failure with the typed error summary and attempts, then rethrows it', async () => {
    const log = new InMemoryDeliveryLog();
    const error = new ProviderError('twilio', 'unavailable', 'HTTP 503', { httpStatus: 503, attempts: 3 });
    const cap = captureLogs();
    try {
      await assert.rejects(smsChannel(scriptedSms(error), log).send(sms, meta), (err: unknown) => err === error);
    } finally {
      cap.restore();
    }
    const [record] = log.list();
    assert.equal(record?.status, 'failed');
    assert.equal(record?.attempts, 3);
    assert.equal(record?.lastError, 'twilio/unavailable');
    const failed = cap.lines.find((l) => l.event === 'delivery.failed');
    assert.equal(failed?.fields.errorCode, 'provider/unavailable');
    assert.equal(failed?.fields.retryable, true);
  });

  it('adds the attempts of a retried run to those of the failed one', async () => {
    const log = new InMemoryDeliveryLog();
    const sender = scriptedSms(new ProviderError('twilio', 'timeout', 'no answer', { attempts: 2 }), 'SM-ok');
    const channel = smsChannel(sender, log);
    const key = { ...meta, idempotencyKey: 'riskEvents/r1:sms' };
    await assert.rejects(channel.send(sms, key), ProviderError);
    const receipt = await channel.send(sms, key);
    assert.equal(receipt.attempts, 3);
    assert.equal(receipt.duplicate, false);
    assert.equal(log.list()[0]?.status, 'sent');
    assert.equal(log.list()[0]?.lastError, null);
    assert.equal(sender.calls, 2);
  });

  it('records an unexpected crash as failed and rethrows the original error', async () => {
    const log = new InMemoryDeliveryLog();
    const crashing: SmsSender = {
      implementation: 'real',
      send: async () => {
        throw new TypeError('bug');
      },
    };
    await assert.rejects(smsChannel(crashing, log).send(sms, meta), TypeError);
    assert.equal(log.list()[0]?.status, 'failed');
    assert.equal(log.list()[0]?.lastError, 'internal:TypeError');
  });

  it('refuses an address where a recipient reference belongs, before recording or sending anything', async () => {
    const log = new InMemoryDeliveryLog();
    const sender = scriptedSms('SM1');
    for (const recipientRef of ['+919800000000', 'c@example.edu', '9800000000', 'users/../x']) {
      await assert.rejects(smsChannel(sender, log).send(sms, { ...meta, recipientRef }), ValidationError, recipientRef);
    }
    assert.equal(sender.calls, 0);
    assert.equal(log.records.size, 0);
  });

  it('records push as sent when one device got it, and returns the unregistered tokens for pruning', async () => {
    const log = new InMemoryDeliveryLog();
    const dead = `${OFFLINE_UNREGISTERED_TOKEN_PREFIX}-1`;
    const receipt = await pushChannel(offlinePushSender('simulate', new Outbox()), log).send({ tokens: ['live', dead], title: 't', body: 'b' }, meta);
    assert.equal(receipt.status, 'sent');
    assert.deepEqual(receipt.outcomes.filter((o) => o.status === 'unregistered').map((o) => o.token), [dead]);
    assert.equal(log.list()[0]?.status, 'sent');
  });

  it('records push as failed when every token is unregistered, without throwing', async () => {
    const log = new InMemoryDeliveryLog();
    const receipt = await pushChannel(offlinePushSender('simulate', new Outbox()), log).send(
      { tokens: [`${OFFLINE_UNREGISTERED_TOKEN_PREFIX}-1`], title: 't', body: 'b' },
      meta,
    );
    assert.equal(receipt.status, 'failed');
    assert.equal(log.list()[0]?.lastError, 'push/all-unregistered');
  });

  it('records a push transport failure and rethrows it', async () => {
    const log = new InMemoryDeliveryLog();
    const failing: PushSender = {
      implementation: 'real',
      sendMulticast: async () => {
        throw new ProviderError('fcm', 'auth', 'send failed (messaging/third-party-auth-error)', { providerCode: 'messaging/third-party-auth-error' });
      },
    };
    await assert.rejects(pushChannel(failing, log).send({ tokens: ['t'], title: 't', body: 'b' }, meta), ProviderError);
    assert.equal(log.list()[0]?.lastError, 'fcm/auth:messaging/third-party-auth-error');
  });
});
