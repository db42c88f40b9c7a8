import assert from 'node:assert/strict';
import { decryptField, encryptField, encryptedFieldSchema, needsRotation, rotateField } from '../../../src/platform/crypto';
import { DomainError } from '../../../src/platform/errors';

const k1 = { id: 'k1', key: Buffer.alloc(32, 1) };
const k2 = { id: 'k2', key: Buffer.alloc(32, 2) };

describe('field encryption (AES-256-GCM)', () => {
  it('round-trips unicode text and stores the key id beside the value', () => {
    const text = 'मुझे मदद चाहिए — call me at +91 98xxxxxx';
    const enc = encryptField({ keys: [k1] }, text, 'users/u1/private/contact#phone');
    assert.equal(enc.kid, 'k1');
    assert.equal(enc.alg, 'A256GCM');
    assert.ok(encryptedFieldSchema.safeParse(enc).success);
    assert.ok(!enc.ct.includes(text));
    assert.equal(decryptField({ keys: [k1] }, enc, 'users/u1/private/contact#phone'), text);
  });

  it('uses a fresh IV each time', () => {
    const a = encryptField({ keys: [k1] }, 'same');
    const b = encryptField({ keys: [k1] }, 'same');
    assert.notEqual(a.iv, b.iv);
    assert.notEqual(a.ct + a.tag, b.ct + b.tag);
  });

  it('refuses a value moved to another document or field (context is authenticated)', () => {
    const enc = encryptField({ keys: [k1] }, 'secret', 'riskEvents/a#excerpt');
    assert.throws(() => decryptField({ keys: [k1] }, enc, 'riskEvents/b#excerpt'), (e: unknown) => e instanceof DomainError && e.code === 'crypto/tampered');
  });

  it('refuses tampered ciphertext and names an unknown key', () => {
    const enc = encryptField({ keys: [k1] }, 'secret');
    const flipped = Buffer.from(enc.ct, 'base64');
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    assert.throws(() => decryptField({ keys: [k1] }, { ...enc, ct: flipped.toString('base64') }), /failed authentication/);
    assert.throws(() => decryptField({ keys: [k2] }, enc), (e: unknown) => e instanceof DomainError && e.code === 'crypto/unknown-key');
  });

  it('rotates to the active key and leaves current values alone', () => {
    const old = encryptField({ keys: [k1] }, 'summary', 'chats/c1#summary');
    const ring = { keys: [k2, k1] };
    assert.equal(needsRotation(ring, old), true);
    const rotated = rotateField(ring, old, 'chats/c1#summary');
    assert.equal(rotated.kid, 'k2');
    assert.equal(needsRotation(ring, rotated), false);
    assert.equal(rotateField(ring, rotated, 'chats/c1#summary'), rotated);
    assert.equal(decryptField({ keys: [k2] }, rotated, 'chats/c1#summary'), 'summary');
  });

  it('fails clearly with no key configured', () => {
    assert.throws(() => encryptField({ keys: [] }, 'x'), (e: unknown) => e instanceof DomainError && e.code === 'crypto/no-key');
  });
});
