/**
 * `setAlertContact({email?, phone?})`: a student stores the email address and/or phone number that alerts they
 * opted into may use. Clients cannot encrypt (they never hold the key), so this callable validates, encrypts each
 * value with the field's context and writes `users/{uid}/private/contact`. `null` clears a value; an absent key
 * keeps it. The answer says which values are set, never the values.
 */
import { FieldValue, type Firestore } from 'firebase-admin/firestore';
import { z } from 'zod';
import { privateContactSchema, type PrivateContact } from '../model/schemas';
import { paths } from '../model/paths';
import { contactFieldContext } from '../notify/notifier';
import { encryptField, type EncryptedField, type KeyRing } from '../platform/crypto';
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
  };
}
