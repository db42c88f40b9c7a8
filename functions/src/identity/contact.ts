/**
 * `setAlertContact({email?, phone?})`: a student stores the email address and/or phone number that alerts they
 * opted into may use. Clients cannot encrypt (they never hold the key), so this callable validates, encrypts each
 * value with the field's context and writes `users/{uid}/private/contact`. `null` clears a value; an absent key
 * keeps it. The answer says which values are set, never the values.
 *
 * The owner may also write the document directly (DESIGN.md §3: "O writes"; the rules check the shape: email and
 * phone as plaintext strings or null). `onAlertContactWritten` then seals it: every plaintext value is encrypted in
 * place with the same field context, encrypted values are left alone, and a document that is already sealed is not
 * written again (so the trigger's own write ends the chain, and a repeated event changes nothing).
 */
import { FieldValue, type Firestore } from 'firebase-admin/firestore';
import { z } from 'zod';
import { privateContactSchema, type PrivateContact } from '../model/schemas';
import { paths } from '../model/paths';
import { contactFieldContext } from '../notify/notifier';
import { encryptField, encryptedFieldSchema, type EncryptedField, type KeyRing } from '../platform/crypto';
import type { Caller } from '../platform/callable';
import { logEvent, hashId } from '../platform/log';
import { parseStored } from '../platform/validation';

export const setAlertContactInput = z
  .object({
    email: z.email().max(254).nullable().optional(),
    phone: z
      .string()
      .regex(/^\+[1-9]\d{6,14}$/, 'must be an international number such as +919876543210')
      .nullable()
      .optional(),
  })
  .strict()
  .refine((v) => v.email !== undefined || v.phone !== undefined, 'give an email, a phone number, or both');
export type SetAlertContactInput = z.infer<typeof setAlertContactInput>;

export interface ContactStore {
  get(uid: string): Promise<PrivateContact | undefined>;
  /** Writes the encrypted values; `updatedAt` is set to server time by the store. */
  put(uid: string, contact: Omit<PrivateContact, 'updatedAt'>): Promise<void>;
  /**
   * Reads the raw document (as an owner may have written it) and, atomically, writes what `seal` returns for it
   * (`updatedAt` = server time); nothing when the document is missing or `seal` returns null.
   */
  sealRaw(uid: string, seal: (raw: Record<string, unknown>) => Omit<PrivateContact, 'updatedAt'> | null): Promise<boolean>;
}

export interface ContactDeps {
  store: ContactStore;
  keyRing: () => KeyRing;
}

/** Pure: the encrypted contact after applying the input to what is stored. */
export function applyContactInput(
  ring: KeyRing,
  uid: string,
  input: SetAlertContactInput,
  current: Pick<PrivateContact, 'email' | 'phone'> | undefined,
): { email: EncryptedField | null; phone: EncryptedField | null } {
  const next = (field: 'email' | 'phone', value: string | null | undefined): EncryptedField | null => {
    if (value === undefined) return current?.[field] ?? null;
    if (value === null) return null;
    return encryptField(ring, field === 'email' ? value.toLowerCase() : value, contactFieldContext(uid, field));
  };
  return { email: next('email', input.email), phone: next('phone', input.phone) };
}

/** How a plaintext value is stored: emails trimmed and lower-cased (as the callable does), phones without spacing. */
export function normalizeContactValue(field: 'email' | 'phone', value: string): string {
  const trimmed = value.trim();
  return field === 'email' ? trimmed.toLowerCase() : trimmed.replace(/[\s().-]/g, '');
}

/**
 * Pure: the sealed contact for a stored document, or null when there is nothing to do (already sealed: every value
 * encrypted or null, updatedAt set, no other key). Plaintext strings are normalised and encrypted; encrypted values
 * are kept as they are; a missing value becomes null; anything else (not a string, not an encrypted value, or empty
 * after normalising) becomes null, so no plaintext and no malformed value stays at rest.
 */
export function sealContactDocument(ring: KeyRing, uid: string, raw: Record<string, unknown>): Omit<PrivateContact, 'updatedAt'> | null {
  if (privateContactSchema.safeParse(raw).success) return null;
  const seal = (field: 'email' | 'phone'): EncryptedField | null => {
    const value = raw[field];
    const encrypted = encryptedFieldSchema.safeParse(value);
    if (encrypted.success) return encrypted.data;
    if (typeof value !== 'string') return null;
    const plaintext = normalizeContactValue(field, value);
    return plaintext === '' ? null : encryptField(ring, plaintext, contactFieldContext(uid, field));
  };
  return { email: seal('email'), phone: seal('phone') };
}

/** `onAlertContactWritten`: seals `users/{uid}/private/contact` after a write (idempotent). */
export async function sealAlertContact(deps: ContactDeps, uid: string): Promise<{ sealed: boolean }> {
  const ring = deps.keyRing();
  const sealed = await deps.store.sealRaw(uid, (raw) => sealContactDocument(ring, uid, raw));
  if (sealed) logEvent('info', 'identity.contact-sealed', { uidHash: hashId(uid) });
  return { sealed };
}

export async function setAlertContact(deps: ContactDeps, input: SetAlertContactInput, caller: Caller) {
  const current = await deps.store.get(caller.uid);
  const contact = applyContactInput(deps.keyRing(), caller.uid, input, current);
  await deps.store.put(caller.uid, contact);
  logEvent('info', 'identity.contact-set', { uidHash: hashId(caller.uid), hasEmail: contact.email !== null, hasPhone: contact.phone !== null });
  return { email: contact.email !== null, phone: contact.phone !== null };
}

export function firestoreContactStore(db: Firestore): ContactStore {
  return {
    async get(uid) {
      const path = paths.contact(uid);
      const snap = await db.doc(path).get();
      return snap.exists ? parseStored(privateContactSchema, snap.data(), path) : undefined;
    },
    async put(uid, contact) {
      await db.doc(paths.contact(uid)).set({ ...contact, updatedAt: FieldValue.serverTimestamp() });
    },
    async sealRaw(uid, seal) {
      const ref = db.doc(paths.contact(uid));
      return db.runTransaction(async (tx) => {
        const snap = await tx.get(ref);
        const raw = snap.data();
        if (!snap.exists || !raw) return false;
        const sealed = seal(raw);
        if (!sealed) return false;
        tx.set(ref, { ...sealed, updatedAt: FieldValue.serverTimestamp() });
        return true;
      });
    },
  };
}
