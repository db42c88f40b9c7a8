import assert from 'node:assert/strict';
import { buildConfig, describeConfig, isEmulator, REGION } from '../../../src/platform/config';
import { encryptField } from '../../../src/platform/crypto';
import { DomainError } from '../../../src/platform/errors';

const key32 = Buffer.alloc(32, 1).toString('base64');
const key32b = Buffer.alloc(32, 2).toString('base64');

describe('config', () => {
  it('uses the built-in development key only in the emulators', () => {
    const c = buildConfig({ emulator: true });
    assert.equal(c.encryption.development, true);
    assert.equal(c.encryption.keys[0]?.id, 'dev');
  });

  it('without a key outside the emulators, config loads but encryption fails clearly', () => {
    const c = buildConfig({ emulator: false });
    assert.deepEqual(c.encryption.keys, []);
    assert.equal(c.encryption.development, false);
    assert.match(describeConfig(c), /keys=MISSING/);
    assert.throws(() => encryptField(c.encryption, 'x'), (e: unknown) => e instanceof DomainError && e.code === 'crypto/no-key');
  });

  it('parses a key ring, first key active, all keys kept for decryption', () => {
    const c = buildConfig({ emulator: false, fieldEncryptionKey: `k2:${key32b}, k1:${key32}` });
    assert.deepEqual(c.encryption.keys.map((k) => k.id), ['k2', 'k1']);
    assert.equal(c.encryption.keys[0]?.key.length, 32);
    assert.equal(c.encryption.development, false);
  });

  it('rejects keys of the wrong size or shape with a readable message', () => {
    const short = Buffer.alloc(16, 1).toString('base64');
    assert.throws(() => buildConfig({ emulator: false, fieldEncryptionKey: `k1:${short}` }), /32 bytes/);
    assert.throws(() => buildConfig({ emulator: false, fieldEncryptionKey: 'no-colon-here' }), /keyId:base64/);
  });

  it('defaults region, project, org and model; blank strings count as absent', () => {
    const c = buildConfig({ emulator: true, geminiApiKey: '  ', twilioFrom: '', defaultOrgId: '' });
    assert.equal(c.region, REGION);
    assert.equal(c.region, 'asia-south1');
    assert.equal(c.projectId, 'demo-manmitra');
    assert.equal(c.defaultOrgId, 'demo-org');
    assert.equal(c.gemini.apiKey, undefined);
    assert.equal(c.twilio.from, undefined);
    assert.equal(c.gemini.model, 'gemini-2.0-flash');
  });

  it('retention days default to 90 (deliveries) and 30 (bot chat messages), are configurable and bounded', () => {
    assert.deepEqual(buildConfig({ emulator: true }).retention, { deliveryDays: 90, botMessageDays: 30 });
    assert.deepEqual(buildConfig({ emulator: false, deliveryRetentionDays: 30, botMessageRetentionDays: 7 }).retention, { deliveryDays: 30, botMessageDays: 7 });
    assert.throws(() => buildConfig({ emulator: true, deliveryRetentionDays: 0 }), /retention\.deliveryDays/);
    assert.throws(() => buildConfig({ emulator: true, botMessageRetentionDays: 1.5 }), /retention\.botMessageDays/);
  });

  it('rejects an invalid sender address and org id', () => {
    assert.throws(() => buildConfig({ emulator: true, sendgridFrom: 'not-an-email' }), /sendgrid\.from/);
    assert.throws(() => buildConfig({ emulator: true, defaultOrgId: 'bad org/id' }), /defaultOrgId/);
  });

  it('describes providers without printing any secret', () => {
    const secret = 'AIzaSECRETSECRET';
    const c = buildConfig({ emulator: false, fieldEncryptionKey: `k1:${key32}`, geminiApiKey: secret, twilioAccountSid: 'AC1', twilioAuthToken: 'tok', twilioFrom: '+15550001111' });
    const text = describeConfig(c);
    assert.match(text, /gemini=on/);
    assert.match(text, /sms=on/);
    assert.match(text, /email=off/);
    assert.ok(!text.includes(secret) && !text.includes('tok') && !text.includes(key32));
  });

  it('detects the emulators from the environment', () => {
    assert.equal(isEmulator({ FUNCTIONS_EMULATOR: 'true' }), true);
    assert.equal(isEmulator({ MANMITRA_OFFLINE: 'true' }), true);
    assert.equal(isEmulator({}), false);
  });
});
