/**
 * The notifier against the in-memory store and the offline providers: in-app notification with a
 * deterministic id, push with token pruning, SMS/email only with opt-in and a contact, channel preferences,
 * quiet hours (urgent messages bypass them), idempotency, failures that do not stop other channels, no text in
 * logs.
 */
import assert from 'node:assert/strict';
import { paths } from '../../../src/model/paths';
import { notificationIdFor, recipientFromProfile, type NotifyRequest } from '../../../src/notify/plan';
import { notifyUser } from '../../../src/notify/notifier';
import { captureLogs } from '../../../src/platform/log';
import { OFFLINE_UNREGISTERED_TOKEN_PREFIX } from '../../../src/platform/providers/offline';
import { ValidationError } from '../../../src/platform/errors';
import {
  fakeNotifyDeps,
  MemoryDocs,
  notificationsOf,
  profileFixture,
  seedContact,
  seedDevice,
} from '../../support/notify-fakes';

// 12:00 IST (06:30Z): outside the fixture's quiet hours 22:00–07:00.
const NOON_IST = Date.parse('2025-05-05T06:30:00Z');
// 23:00 IST (17:30Z): inside them.
const NIGHT_IST = Date.parse('2025-05-05T17:30:00Z');

function setup(now = NOON_IST, profile = profileFixture()) {
  const docs = new MemoryDocs({ now });
  docs.seed(paths.user('s1'), profile);
  seedDevice(docs, 's1', 'd1', 'token-phone');
  seedDevice(docs, 's1', 'd2', 'token-laptop');
  return { docs, ...fakeNotifyDeps(docs) };
}

function request(overrides: Partial<NotifyRequest> = {}): NotifyRequest {
  return {
    uid: 's1',
    type: 'checkin-reminder',
    title: 'Time for your check-in',
    body: 'How are you feeling today?',
    link: 'users/s1/entries',
    channels: ['inapp', 'push', 'sms', 'email'],
    respectQuietHours: true,
    idempotencyKey: 'checkin:s1:1746448200000',
    ...overrides,
  };
}

describe('notifyUser', () => {
  it('writes the in-app notification under an id derived from the key and pushes to every device', async () => {
    const { docs, deps, outbox, deliveries } = setup();
    const result = await notifyUser(deps, request());
    assert.equal(result.recipient, 'found');
    assert.equal(result.inapp, 'created');
    assert.equal(result.notificationId, notificationIdFor('checkin:s1:1746448200000'));
    const [stored] = notificationsOf(docs, 's1');
    assert.ok(stored);
    assert.equal(stored.id, result.notificationId);
    assert.equal(stored.type, 'checkin-reminder');
    assert.equal(stored.title, 'Time for your check-in');
    assert.equal(stored.readAt, null);
    assert.equal(stored.expireAt?.toMillis(), NOON_IST + 90 * 86_400_000);
    assert.equal(result.push.status, 'sent');
    const [push] = outbox.byChannel('push');
    assert.ok(push);
    assert.deepEqual([...push.message.tokens].sort(), ['token-laptop', 'token-phone']);
    assert.deepEqual(push.message.data, { type: 'checkin-reminder', notificationId: result.notificationId, link: 'users/s1/entries' });
    assert.equal(push.context.recipientRef, 'users/s1');
    assert.deepEqual(
      deliveries.list().map((d) => [d.channel, d.status, d.template]),
      [['push', 'sent', 'checkin-reminder']],
    );
  });

  it('is idempotent: the same key writes and sends nothing new', async () => {
    const { docs, deps, outbox, deliveries } = setup();
    await notifyUser(deps, request());
    const again = await notifyUser(deps, request());
    assert.equal(again.inapp, 'exists');
    assert.deepEqual(again.push, { status: 'sent', deliveryId: deliveries.list()[0]?.id, duplicate: true });
    assert.equal(outbox.byChannel('push').length, 1);
    assert.equal(notificationsOf(docs, 's1').length, 1);
    assert.equal(deliveries.list().length, 1);
  });

  it('a different key is a different notification', async () => {
    const { docs, deps, outbox } = setup();
    await notifyUser(deps, request());
    await notifyUser(deps, request({ idempotencyKey: 'checkin:s1:1746534600000' }));
    assert.equal(notificationsOf(docs, 's1').length, 2);
    assert.equal(outbox.byChannel('push').length, 2);
  });

  it('uses the translation in the recipient\'s language, English otherwise', async () => {
    const { docs, deps, outbox } = setup(NOON_IST, profileFixture({ language: 'hi' }));
    await notifyUser(deps, request({ translations: { hi: { title: 'चेक-इन का समय', body: 'आज आप कैसा महसूस कर रहे हैं?' } } }));
    assert.equal(notificationsOf(docs, 's1')[0]?.title, 'चेक-इन का समय');
    assert.equal(outbox.byChannel('push')[0]?.message.title, 'चेक-इन का समय');
    const other = setup(NOON_IST, profileFixture({ language: 'ta' }));
    await notifyUser(other.deps, request({ translations: { hi: { title: 'चेक-इन का समय', body: 'x' } } }));
    assert.equal(notificationsOf(other.docs, 's1')[0]?.title, 'Time for your check-in');
  });

  it('prunes devices whose token the push service reports unregistered', async () => {
    const { docs, deps, outbox } = setup();
    seedDevice(docs, 's1', 'old', `${OFFLINE_UNREGISTERED_TOKEN_PREFIX}-1`);
    const result = await notifyUser(deps, request());
    assert.equal(result.push.status, 'sent');
    assert.equal(result.push.pruned, 1);
    assert.equal(docs.peek(paths.device('s1', 'old')), undefined);
    assert.ok(docs.peek(paths.device('s1', 'd1')));
    assert.equal(outbox.byChannel('push')[0]?.message.tokens.length, 3);
  });

  it('when every token is dead: push failed, devices pruned, in-app still there', async () => {
    const docs = new MemoryDocs({ now: NOON_IST });
    docs.seed(paths.user('s1'), profileFixture());
    seedDevice(docs, 's1', 'old', `${OFFLINE_UNREGISTERED_TOKEN_PREFIX}-1`);
    const { deps, deliveries } = fakeNotifyDeps(docs);
    const result = await notifyUser(deps, request());
    assert.deepEqual(result.push, { status: 'failed', errorCode: 'push/all-unregistered', pruned: 1 });
    assert.equal(result.inapp, 'created');
    assert.equal(deliveries.list()[0]?.status, 'failed');
  });

  it('skips push without devices, and when the person turned push off', async () => {
    const docs = new MemoryDocs({ now: NOON_IST });
    docs.seed(paths.user('s1'), profileFixture());
    const none = await notifyUser(fakeNotifyDeps(docs).deps, request());
    assert.deepEqual(none.push, { status: 'skipped', why: 'no-devices' });
    const off = setup(NOON_IST, profileFixture({ prefs: { reminderTime: null, quietHours: null, channels: { push: false, sms: false, email: false } } }));
    const result = await notifyUser(off.deps, request());
    assert.deepEqual(result.push, { status: 'skipped', why: 'opted-out' });
    assert.equal(result.inapp, 'created');
    assert.equal(off.outbox.entries.length, 0);
  });

  it('holds back push, SMS and email in quiet hours but still writes the in-app notification', async () => {
    const prefs = { reminderTime: '20:00', quietHours: { start: '22:00', end: '07:00' }, channels: { push: true, sms: true, email: true } };
    const { docs, deps, outbox } = setup(NIGHT_IST, profileFixture({ prefs }));
    seedContact(docs, 's1', { phone: '+919800000001', email: 'student@example.org' });
    const result = await notifyUser(deps, request());
    assert.equal(result.inapp, 'created');
    assert.deepEqual(result.push, { status: 'skipped', why: 'quiet-hours' });
    assert.deepEqual(result.sms, { status: 'skipped', why: 'quiet-hours' });
    assert.deepEqual(result.email, { status: 'skipped', why: 'quiet-hours' });
    assert.equal(outbox.entries.length, 0);
  });

  it('an urgent safety message bypasses quiet hours (but not the channel preferences)', async () => {
    const { deps, outbox } = setup(NIGHT_IST);
    const result = await notifyUser(deps, request({ type: 'safety', respectQuietHours: false, idempotencyKey: 'care:1' }));
    assert.equal(result.push.status, 'sent');
    assert.deepEqual(result.sms, { status: 'skipped', why: 'opted-out' });
    assert.equal(outbox.byChannel('push').length, 1);
  });

  it('sends SMS and email only when allowed, opted in and a contact exists, decrypting the contact', async () => {
    const prefs = { reminderTime: null, quietHours: null, channels: { push: false, sms: true, email: true } };
    const { docs, deps, outbox } = setup(NOON_IST, profileFixture({ prefs }));
    seedContact(docs, 's1', { phone: '+919800000001', email: 'student@example.org' });
    const result = await notifyUser(deps, request());
    assert.equal(result.sms.status, 'sent');
    assert.equal(result.email.status, 'sent');
    assert.equal(outbox.byChannel('sms')[0]?.message.to, '+919800000001');
    assert.equal(outbox.byChannel('sms')[0]?.message.body, 'Time for your check-in\nHow are you feeling today?');
    assert.deepEqual(outbox.byChannel('email')[0]?.message, { to: 'student@example.org', subject: 'Time for your check-in', text: 'How are you feeling today?' });
    const notAllowed = await notifyUser(deps, request({ channels: ['inapp', 'push'], idempotencyKey: 'k2' }));
    assert.deepEqual(notAllowed.sms, { status: 'skipped', why: 'not-allowed' });
    assert.deepEqual(notAllowed.email, { status: 'skipped', why: 'not-allowed' });
  });

  it('skips SMS and email without a contact, or with only the other one', async () => {
    const prefs = { reminderTime: null, quietHours: null, channels: { push: false, sms: true, email: true } };
    const { docs, deps } = setup(NOON_IST, profileFixture({ prefs }));
    const noContact = await notifyUser(deps, request());
    assert.deepEqual(noContact.sms, { status: 'skipped', why: 'no-contact' });
    assert.deepEqual(noContact.email, { status: 'skipped', why: 'no-contact' });
    seedContact(docs, 's1', { email: 'student@example.org' });
    const emailOnly = await notifyUser(deps, request({ idempotencyKey: 'k2' }));
    assert.deepEqual(emailOnly.sms, { status: 'skipped', why: 'no-contact' });
    assert.equal(emailOnly.email.status, 'sent');
  });

  it('a contact that does not decrypt fails that channel only', async () => {
    const prefs = { reminderTime: null, quietHours: null, channels: { push: true, sms: true, email: false } };
    const { docs, deps } = setup(NOON_IST, profileFixture({ prefs }));
    seedContact(docs, 's1', { phone: '+919800000001' }, { keys: [{ id: 'other', key: Buffer.alloc(32, 9) }] });
    const result = await notifyUser(deps, request());
    assert.deepEqual(result.sms, { status: 'failed', errorCode: 'crypto/unknown-key' });
    assert.equal(result.push.status, 'sent');
    assert.equal(result.inapp, 'created');
  });

  it('a provider that refuses (not configured) is recorded as failed and does not throw', async () => {
    const docs = new MemoryDocs({ now: NOON_IST });
    docs.seed(paths.user('s1'), profileFixture());
    seedDevice(docs, 's1', 'd1', 'token-phone');
    const { deps, deliveries } = fakeNotifyDeps(docs, 'disabled');
    const result = await notifyUser(deps, request());
    assert.deepEqual(result.push, { status: 'failed', errorCode: 'provider/rejected' });
    assert.equal(result.inapp, 'created');
    assert.equal(deliveries.list()[0]?.lastError, 'offline/rejected:not-configured');
  });

  it('does nothing for a recipient without a profile', async () => {
    const docs = new MemoryDocs({ now: NOON_IST });
    const { deps, outbox } = fakeNotifyDeps(docs);
    const result = await notifyUser(deps, request({ uid: 'ghost' }));
    assert.equal(result.recipient, 'missing');
    assert.equal(result.inapp, 'skipped');
    assert.deepEqual(docs.paths(), []);
    assert.equal(outbox.entries.length, 0);
  });

  it('works for any recipient, e.g. a counselor, and can leave out the in-app list', async () => {
    const docs = new MemoryDocs({ now: NOON_IST });
    docs.seed(paths.user('c1'), profileFixture({ role: 'counselor', alias: 'Counselor' }));
    seedDevice(docs, 'c1', 'd1', 'token-counselor');
    const { deps, outbox } = fakeNotifyDeps(docs);
    const result = await notifyUser(deps, request({ uid: 'c1', type: 'risk-alert', channels: ['push'], link: 'riskEvents/r1', idempotencyKey: 'risk:r1:c1' }));
    assert.equal(result.inapp, 'skipped');
    assert.equal(result.push.status, 'sent');
    assert.equal(notificationsOf(docs, 'c1').length, 0);
    assert.equal(outbox.byChannel('push')[0]?.context.recipientRef, 'users/c1');
  });

  it('a recipient the caller has already read costs no profile read', async () => {
    const { docs, deps } = setup();
    const profile = profileFixture();
    const before = docs.reads;
    await notifyUser(deps, request(), { recipient: recipientFromProfile('s1', profile) });
    // Only the devices query: two device documents.
    assert.equal(docs.reads - before, 2);
  });

  it('rejects a malformed request with a readable error', async () => {
    const { deps } = setup();
    await assert.rejects(notifyUser(deps, request({ uid: 'users/s1' })), ValidationError);
    await assert.rejects(notifyUser(deps, request({ channels: [] })), /channels/);
    await assert.rejects(notifyUser(deps, request({ title: '' })), /title/);
  });

  it('never logs the title, body, token, phone or uid', async () => {
    const prefs = { reminderTime: null, quietHours: null, channels: { push: true, sms: true, email: true } };
    const { docs, deps } = setup(NOON_IST, profileFixture({ prefs }));
    seedContact(docs, 's1', { phone: '+919800000001', email: 'student@example.org' });
    const cap = captureLogs();
    try {
      await notifyUser(deps, request({ title: 'SECRET-TITLE', body: 'SECRET-BODY' }));
    } finally {
      cap.restore();
    }
    const text = JSON.stringify(cap.lines);
    for (const secret of ['SECRET-TITLE', 'SECRET-BODY', 'token-phone', '+919800000001', 'student@example.org', '"s1"']) {
      assert.ok(!text.includes(secret), `log contains ${secret}`);
    }
    const sent = cap.lines.find((l) => l.event === 'notify.sent');
    assert.deepEqual(
      { inapp: sent?.fields.inappCode, push: sent?.fields.pushCode, sms: sent?.fields.smsCode, email: sent?.fields.emailCode },
      { inapp: 'created', push: 'sent', sms: 'sent', email: 'sent' },
    );
  });
});
