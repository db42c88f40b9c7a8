import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { z } from 'zod';
import { buildConfig, type RawConfig } from '../../../src/platform/config';
import { captureLogs } from '../../../src/platform/log';
import { chooseProviders, createProviders, getProviders, InMemoryDeliveryLog, ProviderError } from '../../../src/platform/providers';
import { StubServer } from './stub-server';

const KEY = `k1:${Buffer.alloc(32, 1).toString('base64')}`;
const SID = 'AC' + '1'.repeat(32);
const production = (raw: Partial<RawConfig> = {}) => buildConfig({ emulator: false, projectId: 'demo-x', fieldEncryptionKey: KEY, ...raw });
const allSecrets: Partial<RawConfig> = {
  geminiApiKey: 'g-key',
  twilioAccountSid: SID,
  twilioAuthToken: 'tw-token',
  twilioFrom: '+15005550006',
  sendgridApiKey: 'SG.key',
  sendgridFrom: 'alerts@manmitra.example',
};
const noApp = () => {
  throw new Error('FCM app must not be needed here');
};

describe('provider choice', () => {
  it('is offline for every provider in the emulators, even with secrets', () => {
    const choices = chooseProviders(buildConfig({ emulator: true, ...allSecrets }));
    for (const choice of Object.values(choices)) assert.deepEqual(choice, { implementation: 'offline', why: 'emulator' });
  });

  it('is real for every provider when every secret and sender is set', () => {
    const choices = chooseProviders(production(allSecrets));
    for (const choice of Object.values(choices)) assert.deepEqual(choice, { implementation: 'real', why: 'configured' });
  });

  it('is offline for a provider whose secret or sender is missing, and real for push (no secret needed)', () => {
    const choices = chooseProviders(production({ twilioAccountSid: SID, twilioAuthToken: 'tw', sendgridFrom: 'a@b.example' }));
    assert.deepEqual(choices, {
      model: { implementation: 'offline', why: 'secret-missing' },
      push: { implementation: 'real', why: 'configured' },
      sms: { implementation: 'offline', why: 'sender-missing' },
      email: { implementation: 'offline', why: 'secret-missing' },
    });
  });
});

describe('getProviders', () => {
  it('builds once per config and logs each choice once', () => {
    const config = buildConfig({ emulator: true });
    const cap = captureLogs();
    let first;
    let second;
    try {
      first = getProviders(config);
      second = getProviders(config);
    } finally {
      cap.restore();
    }
    assert.equal(first, second);
    const chosen = cap.lines.filter((l) => l.event === 'provider.chosen');
    assert.deepEqual(
      chosen.map((l) => [l.fields.provider, l.fields.implementation, l.fields.why]),
      [
        ['model', 'offline', 'emulator'],
        ['push', 'offline', 'emulator'],
        ['sms', 'offline', 'emulator'],
        ['email', 'offline', 'emulator'],
      ],
    );
    assert.equal(first.model.available, false);
    assert.equal(first.sms.implementation, 'offline');
  });

  it('never logs a secret', () => {
    const cap = captureLogs();
    try {
      createProviders(production(allSecrets), { deliveryLog: new InMemoryDeliveryLog(), app: noApp });
    } finally {
      cap.restore();
    }
    const logged = JSON.stringify(cap.lines);
    for (const secret of ['g-key', 'tw-token', 'SG.key', SID]) assert.ok(!logged.includes(secret), secret);
  });
});

describe('providers end to end', () => {
  it('emulators: an SMS lands in the outbox and in deliveries as sent', async () => {
    const log = new InMemoryDeliveryLog();
    const providers = createProviders(buildConfig({ emulator: true }), { deliveryLog: log, app: noApp });
    const receipt = await providers.sms.send({ to: '+919800000000', body: 'x' }, { template: 'risk.alert', recipientRef: 'users/c1' });
    assert.equal(receipt.status, 'sent');
    assert.equal(providers.outbox.entries.length, 1);
    assert.equal(log.list()[0]?.status, 'sent');
  });

  it('real project without the SMS secret: the SMS is recorded as failed (not-configured), never as sent', async () => {
    const log = new InMemoryDeliveryLog();
    const providers = createProviders(production(), { deliveryLog: log, app: noApp });
    await assert.rejects(
      providers.sms.send({ to: '+919800000000', body: 'x' }, { template: 'risk.alert', recipientRef: 'users/c1' }),
      (err: unknown) => err instanceof ProviderError && err.providerCode === 'not-configured',
    );
    assert.equal(log.list()[0]?.status, 'failed');
    assert.equal(log.list()[0]?.lastError, 'offline/rejected:not-configured');
    assert.equal(providers.outbox.entries.length, 0);
  });

  it('real project with Twilio configured: the SMS goes to the Twilio API and is recorded with its SID', async () => {
    const stub = await StubServer.start();
    try {
      stub.script({ status: 201, body: { sid: 'SM' + 'b'.repeat(32), status: 'queued' } });
      const log = new InMemoryDeliveryLog();
      const providers = createProviders(production(allSecrets), { deliveryLog: log, app: noApp, endpoints: { twilio: stub.url } });
      const receipt = await providers.sms.send({ to: '+919800000000', body: 'x' }, { template: 'risk.alert', recipientRef: 'users/c1' });
      assert.equal(receipt.providerId, 'SM' + 'b'.repeat(32));
      assert.equal(stub.requests[0]?.url, `/2010-04-01/Accounts/${SID}/Messages.json`);
      assert.equal(log.list()[0]?.providerId, 'SM' + 'b'.repeat(32));
    } finally {
      await stub.close();
    }
  });
});

/**
 * Runs in a fresh Node process (this one has loaded the SDKs in other tests): loads the providers index and
 * reports which SDKs are loaded, through require.cache (CommonJS) and a module-resolution hook (ES modules;
 * under tsx a dynamic import may load an SDK's ESM build, which require.cache does not show). Then loads
 * the SDKs through the lazy loaders, to show the detection sees them when they are loaded.
 */
const CHILD = `
const { register } = require('node:module');
const { MessageChannel } = require('node:worker_threads');
const { port1, port2 } = new MessageChannel();
const esm = new Set();
port1.on('message', (url) => esm.add(url));
port1.unref();
const hooks = 'export async function initialize({ port }) { globalThis.port = port; }\\n' +
  'export async function resolve(specifier, context, next) { const r = await next(specifier, context); globalThis.port.postMessage(r.url); return r; }';
register('data:text/javascript,' + encodeURIComponent(hooks), { data: { port: port2 }, transferList: [port2] });
const SDKS = { twilio: '/node_modules/twilio/', sendgrid: '/node_modules/@sendgrid/', gemini: '/node_modules/@google/generative-ai/', messaging: '/node_modules/firebase-admin/lib/messaging/' };
const loaded = () => { const all = [...Object.keys(require.cache), ...esm]; return Object.fromEntries(Object.entries(SDKS).map(([k, p]) => [k, all.some((m) => m.includes(p))])); };
const settle = async () => { for (let i = 0; i < 20; i += 1) await new Promise((r) => setImmediate(r)); };
(async () => {
  require('./src/platform/providers');
  await settle();
  const afterIndex = loaded();
  const sdk = require('./src/platform/providers/sdk');
  await Promise.all([sdk.loadTwilio(), sdk.loadSendgridMail(), sdk.loadGemini(), sdk.loadMessaging()]);
  await settle();
  process.stdout.write(JSON.stringify({ afterIndex, afterLoad: loaded() }));
})();
`;

describe('lazy SDK loading', () => {
  it('loading the providers index loads no provider SDK; the loaders do', function () {
    this.timeout(30_000);
    const out = execFileSync(process.execPath, ['--require', 'tsx/cjs', '-e', CHILD], { cwd: path.resolve(__dirname, '../../..'), encoding: 'utf8' });
    const flags = z.record(z.string(), z.boolean());
    const { afterIndex, afterLoad } = z.object({ afterIndex: flags, afterLoad: flags }).parse(JSON.parse(out));
    assert.deepEqual(afterIndex, { twilio: false, sendgrid: false, gemini: false, messaging: false });
    assert.deepEqual(afterLoad, { twilio: true, sendgrid: true, gemini: true, messaging: true });
  });
});
