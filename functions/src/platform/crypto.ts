/**
 * Field encryption: AES-256-GCM, a fresh 96-bit IV per value, the key id stored beside the ciphertext so
 * keys can rotate (encrypt with the newest, decrypt with whichever id the value names). An optional
 * context (the document path and field) is bound as additional authenticated data, so a ciphertext copied
 * to another document or field does not decrypt.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { DomainError } from './errors';

export const encryptedFieldSchema = z
  .object({
    alg: z.literal('A256GCM'),
    kid: z.string().min(1).max(32),
    iv: z.string().min(1),
    ct: z.string(),
    tag: z.string().min(1),
  })
  .strict();
export type EncryptedField = z.infer<typeof encryptedFieldSchema>;

export interface KeyRing {
  /** The first key encrypts; every key decrypts. */
  keys: ReadonlyArray<{ id: string; key: Buffer }>;
}

export function encryptField(ring: KeyRing, plaintext: string, context = ''): EncryptedField {
  const active = ring.keys[0];
  if (!active) throw new DomainError('crypto/no-key', 'internal', 'No encryption key configured.');
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', active.key, iv);
  cipher.setAAD(Buffer.from(`${active.id}|${context}`, 'utf8'));
  const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return {
    alg: 'A256GCM',
    kid: active.id,
    iv: iv.toString('base64'),
    ct: ct.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
  };
}

export function decryptField(ring: KeyRing, value: EncryptedField, context = ''): string {
  const entry = ring.keys.find((k) => k.id === value.kid);
  if (!entry) throw new DomainError('crypto/unknown-key', 'internal', `No key with id ${value.kid} is configured.`);
  try {
    const decipher = createDecipheriv('aes-256-gcm', entry.key, Buffer.from(value.iv, 'base64'));
    decipher.setAAD(Buffer.from(`${value.kid}|${context}`, 'utf8'));
    decipher.setAuthTag(Buffer.from(value.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(value.ct, 'base64')), decipher.final()]).toString('utf8');
  } catch {
    throw new DomainError('crypto/tampered', 'internal', 'Encrypted value failed authentication (wrong key, context or tampered data).');
  }
}

/** True when the value is encrypted with a key other than the active one (key rotation sweeps use this). */
export function needsRotation(ring: KeyRing, value: EncryptedField): boolean {
  return ring.keys[0]?.id !== value.kid;
}

/** Re-encrypt under the active key; a value already under it is returned unchanged. */
export function rotateField(ring: KeyRing, value: EncryptedField, context = ''): EncryptedField {
  if (!needsRotation(ring, value)) return value;
  return encryptField(ring, decryptField(ring, value, context), context);
}
