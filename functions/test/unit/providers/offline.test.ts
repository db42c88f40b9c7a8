import assert from 'node:assert/strict';
import { z } from 'zod';
import { captureLogs, hashId } from '../../../src/platform/log';
import {
  offlineEmailSender,
  offlineLanguageModel,
  offlinePushSender,
  offlineSmsSender,
  Outbox,
  OFFLINE_UNREGISTERED_TOKEN_PREFIX,
  placeholderReply,
} from '../../../src/platform/providers/offline';
import { ProviderError } from '../../../src/platform/providers/types';

const context = { template: 'risk.alert', recipientRef: 'users/counselor-1' };

describe('offline senders (emulators: simulate)', () => {
  it('accept SMS and email into the outbox with deterministic ids, and log no address or text', async () => {
    const outbox = new Outbox();
    const cap = captureLogs();
    try {
      const sms = await offlineSmsSender('simulate', outbox).send({ to: '+919800000000', body: 'Please call the student' }, context);
      const email = await offlineEmailSender('simulate', outbox).send({ to: 'c@example.edu', subject: 'Alert', text: 'Please open the app' }, context);
      assert.deepEqual(sms, { providerId: 'offline-sms-000001', attempts: 1 });
      assert.deepEqual(email, { providerId: 'offline-email-000002', attempts: 1 });
    } finally {
      cap.restore();
    }
    assert.deepEqual(outbox.entries.map((e) => [e.channel, e.context.template, e.context.recipientRef]), [
      ['sms', 'risk.alert', 'users/counselor-1'],
      ['email', 'risk.alert', 'users/counselor-1'],
    ]);
    assert.equal(outbox.byChannel('sms')[0]?.message.to, '+919800000000');
    const lines = cap.lines.filter((l) => l.event === 'provider.offline-delivery');
    assert.equal(lines.length, 2);
    assert.deepEqual(lines[0]?.fields, { channel: 'sms', template: 'risk.alert', recipientHash: hashId('users/counselor-1'), simulated: true });
    const logged = JSON.stringify(cap.lines);
    for (const secret of ['+91', 'c@example.edu', 'Please', 'counselor-1']) assert.ok(!logged.includes(secret), secret);
  });

  it('accepts push for every token, except the ones marked unregistered', async () => {
    const outbox = new Outbox();
    const result = await offlinePushSender('simulate', outbox).sendMulticast(
      { tokens: ['tok-a', `${OFFLINE_UNREGISTERED_TOKEN_PREFIX}-b`], title: 't', body: 'b' },
      context,
    );
    assert.deepEqual(result, {
      attempts: 1,
      outcomes: [
        { token: 'tok-a', status: 'sent', providerId: 'offline-push-000001' },
        { token: `${OFFLINE_UNREGISTERED_TOKEN_PREFIX}-b`, status: 'unregistered' },
      ],
    });
    assert.equal(outbox.byChannel('push').length, 1);
  });
});

describe('offline senders (secret missing in a real project: disabled)', () => {
  it('refuse every message with a typed not-configured error and keep nothing', async () => {
    const outbox = new Outbox();
    const isNotConfigured = (err: unknown) => err instanceof ProviderError && err.kind === 'rejected' && err.providerCode === 'not-configured' && !err.retryable;
    await assert.rejects(offlineSmsSender('disabled', outbox).send({ to: '+919800000000', body: 'x' }, context), isNotConfigured);
    await assert.rejects(offlineEmailSender('disabled', outbox).send({ to: 'a@b.c', subject: 's', text: 't' }, context), isNotConfigured);
    await assert.rejects(offlinePushSender('disabled', outbox).sendMulticast({ tokens: ['t'], title: 't', body: 'b' }, context), isNotConfigured);
    assert.equal(outbox.entries.length, 0);
  });
});

describe('offline language model', () => {
  it('says it is not available', () => {
    const model = offlineLanguageModel();
    assert.equal(model.available, false);
    assert.equal(model.implementation, 'offline');
  });

  it('answers text deterministically with a placeholder that does not echo the prompt', async () => {
    const model = offlineLanguageModel();
    const a = await model.generateText({ prompt: 'I feel low today' });
    const b = await model.generateText({ prompt: 'I feel low today' });
    assert.deepEqual(a, b);
    assert.equal(a.status, 'ok');
    assert.ok(a.status === 'ok' && !a.value.includes('low today'));
    assert.equal(a.status === 'ok' ? a.value : '', placeholderReply('I feel low today'));
  });

  it('never invents a structured answer (a screening verdict must not come from here)', async () => {
    const result = await offlineLanguageModel().generateJson({ prompt: 'screen this', schema: z.object({ level: z.string() }) });
    assert.equal(result.status, 'error');
    assert.ok(result.status === 'error' && result.error.kind === 'unavailable' && result.error.providerCode === 'offline');
  });

  it('honours an aborted signal', async () => {
    const controller = new AbortController();
    controller.abort();
    const result = await offlineLanguageModel().generateText({ prompt: 'x', signal: controller.signal });
    assert.ok(result.status === 'error' && result.error.kind === 'cancelled');
  });
});
