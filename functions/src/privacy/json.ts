/**
 * Firestore document data → plain JSON for an export file: timestamps become ISO strings, bytes base64,
 * references their path, geo points {latitude, longitude}. Encrypted top-level fields (`{alg, kid, iv, ct,
 * tag}`, context `{docPath}#{field}` as every writer in this codebase uses) are replaced by their plaintext
 * through the given decrypt function. Pure.
 */
import { DocumentReference, GeoPoint, Timestamp } from 'firebase-admin/firestore';
import { encryptedFieldSchema, type EncryptedField } from '../platform/crypto';

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** The encryption context of a top-level field of a document (the convention of contact, summary, excerpt). */
export function fieldContext(docPath: string, field: string): string {
  return `${docPath}#${field}`;
}

export function toJson(value: unknown): Json {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (value instanceof Timestamp) return value.toDate().toISOString();
  if (value instanceof Date) return value.toISOString();
  if (value instanceof GeoPoint) return { latitude: value.latitude, longitude: value.longitude };
  if (value instanceof DocumentReference) return value.path;
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (Array.isArray(value)) return value.map(toJson);
  if (typeof value === 'object') {
    const out: { [key: string]: Json } = {};
    for (const [k, v] of Object.entries(value)) out[k] = toJson(v);
    return out;
  }
  return String(value);
}

/** What an encrypted field becomes in an export when it cannot be decrypted (e.g. a retired key). */
export interface Undecryptable {
  encrypted: true;
  kid: string;
  error: string;
}

export type Decrypt = (value: EncryptedField, context: string) => string;

/** The top-level field names whose values are encrypted fields. */
export function encryptedFieldsOf(data: Record<string, unknown>): string[] {
  return Object.keys(data).filter((k) => encryptedFieldSchema.safeParse(data[k]).success);
}

/** One document as exported: JSON data with its encrypted fields decrypted. */
export function exportDocument(path: string, data: Record<string, unknown>, decrypt: Decrypt): { [key: string]: Json } {
  const out: { [key: string]: Json } = {};
  for (const [field, value] of Object.entries(data)) {
    const encrypted = encryptedFieldSchema.safeParse(value);
    if (!encrypted.success) {
      out[field] = toJson(value);
      continue;
    }
    try {
      out[field] = decrypt(encrypted.data, fieldContext(path, field));
    } catch (err) {
      const code = err instanceof Error && 'code' in err && typeof err.code === 'string' ? err.code : 'crypto/failed';
      const failed: Undecryptable = { encrypted: true, kid: encrypted.data.kid, error: code };
      out[field] = { ...failed };
    }
  }
  return out;
}
