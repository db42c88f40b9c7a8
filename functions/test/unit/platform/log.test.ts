import assert from 'node:assert/strict';
import { captureLogs, errorFields, events, hashId, logEvent, sanitizeFields } from '../../../src/platform/log';

describe('named log events', () => {
  it('redacts fields that could carry content or identity, keeps ids and counts', () => {
    const out = sanitizeFields({ text: 'I want to end it', alias: 'Calm Otter 42', email: 'a@b.c', messageId: 'm1', entryCount: 3, reasonCode: 'x', title: 't' });
    assert.equal(out.text, '[redacted]');
    assert.equal(out.alias, '[redacted]');
    assert.equal(out.email, '[redacted]');
    assert.equal(out.title, '[redacted]');
    assert.equal(out.messageId, 'm1');
    assert.equal(out.entryCount, 3);
    assert.equal(out.reasonCode, 'x');
  });

  it('truncates long strings so no sentence fits in an id field', () => {
    const out = sanitizeFields({ chatId: 'x'.repeat(500) });
    assert.ok(typeof out.chatId === 'string' && out.chatId.length <= 81);
  });

  it('routes events to the sink with their severity', () => {
    const cap = captureLogs();
    try {
      events.providerChosen({ provider: 'sms', implementation: 'offline', why: 'emulator' });
      logEvent('error', 'x.failed', { body: 'secret words' });
    } finally {
      cap.restore();
    }
    assert.deepEqual(cap.lines.map((l) => [l.severity, l.event]), [['info', 'provider.chosen'], ['error', 'x.failed']]);
    assert.equal(cap.lines[1]?.fields.body, '[redacted]');
  });

  it('hashes ids stably and irreversibly', () => {
    assert.equal(hashId('uid-1'), hashId('uid-1'));
    assert.notEqual(hashId('uid-1'), hashId('uid-2'));
    assert.ok(!hashId('uid-1').includes('uid'));
    assert.equal(hashId('uid-1').length, 12);
  });

  it('describes errors by class and code only', () => {
    const err = Object.assign(new TypeError('text the student wrote'), { code: 'E1' });
    assert.deepEqual(errorFields(err), { errorClass: 'TypeError', errorCode: 'E1' });
    assert.deepEqual(errorFields('boom'), { errorClass: 'string' });
  });
});
