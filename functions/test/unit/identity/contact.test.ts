import assert from 'node:assert/strict';
import { Timestamp } from 'firebase-admin/firestore';
import functionsTest from 'firebase-functions-test';
import { HttpsError } from 'firebase-functions/v2/https';
import { applyContactInput, normalizeContactValue, sealContactDocument, type ContactStore } from '../../../src/identity/contact';
import { buildOnAlertContactWritten, buildSetAlertContact } from '../../../src/identity/triggers';
import { paths } from '../../../src/model/paths';
import { contactFieldContext } from '../../../src/notify/notifier';
import { decryptField, encryptField, type EncryptedField, type KeyRing } from '../../../src/platform/crypto';
import { privateContactSchema, type PrivateContact } from '../../../src/model/schemas';
import { authData, callableRequest } from '../../support/callable';

const ffTest = functionsTest({ projectId: 'demo-manmitra' });
after(() => ffTest.cleanup());

const ring: KeyRing = { keys: [{ id: 'k1', key: Buffer.alloc(32, 9) }] };

class MemoryContactStore implements ContactStore {
  readonly docs = new Map<string, Omit<PrivateContact, 'updatedAt'>>();
  /** Documents as a client wrote them (what sealRaw reads); a seal replaces the entry with the sealed document. */
  readonly raw = new Map<string, Record<string, unknown>>();
  sealWrites = 0;
  async get(uid: string): Promise<PrivateContact | undefined> {
    const d = this.docs.get(uid);
    return d ? { ...d, updatedAt: Timestamp.now() } : undefined;
  }
  async put(uid: string, contact: Omit<PrivateContact, 'updatedAt'>): Promise<void> {
    this.docs.set(uid, contact);
    this.raw.set(uid, { ...contact, updatedAt: Timestamp.now() });
  }
  async sealRaw(uid: string, seal: (raw: Record<string, unknown>) => Omit<PrivateContact, 'updatedAt'> | null): Promise<boolean> {
    const raw = this.raw.get(uid);
    if (!raw) return false;
    const sealed = seal(raw);
    if (!sealed) return false;
    this.sealWrites += 1;
    this.docs.set(uid, sealed);
    this.raw.set(uid, { ...sealed, updatedAt: Timestamp.now() });
    return true;
  }
}

describe('setAlertContact', () => {
  function setup() {
    const store = new MemoryContactStore();
    const call = ffTest.wrap(buildSetAlertContact({ store, keyRing: () => ring }));
    return { store, call };
  }

  it('encrypts each value with its field context and never returns the values', async () => {
    const { store, call } = setup();
    const result = await call(callableRequest({ email: 'Asha@Example.org', phone: '+919876543210' }, authData('u1', { role: 'student', orgId: 'o' })));
    assert.deepEqual(result, { email: true, phone: true });
    const doc = store.docs.get('u1');
    const email = doc?.email;
    const phone = doc?.phone;
    assert.ok(email && phone);
    assert.ok(!JSON.stringify(doc).includes('9876543210'));
    assert.equal(decryptField(ring, email, contactFieldContext('u1', 'email')), 'asha@example.org');
    assert.equal(decryptField(ring, phone, contactFieldContext('u1', 'phone')), '+919876543210');
    assert.throws(() => decryptField(ring, phone, contactFieldContext('u2', 'phone')));
  });

  it('keeps an absent value and clears a null one', async () => {
    const { store, call } = setup();
    const auth = authData('u1', { role: 'student', orgId: 'o' });
    await call(callableRequest({ email: 'a@b.co', phone: '+9779812345678' }, auth));
    const before = store.docs.get('u1');
    await call(callableRequest({ phone: null }, auth));
    assert.deepEqual(store.docs.get('u1')?.email, before?.email);
    assert.equal(store.docs.get('u1')?.phone, null);
  });

  it('refuses bad input and signed-out callers, writing nothing', async () => {
    const { store, call } = setup();
    const auth = authData('u1', { role: 'student', orgId: 'o' });
    for (const data of [{}, { phone: '98765 43210' }, { email: 'not-an-email' }, { email: 'a@b.co', name: 'Asha' }]) {
      await assert.rejects(call(callableRequest(data, auth)), (e: unknown) => e instanceof HttpsError && e.code === 'invalid-argument');
    }
    await assert.rejects(call(callableRequest({ email: 'a@b.co' })), (e: unknown) => e instanceof HttpsError && e.code === 'unauthenticated');
    assert.equal(store.docs.size, 0);
  });

  it('applyContactInput is pure over what is stored', () => {
    assert.deepEqual(applyContactInput(ring, 'u1', { email: null }, undefined), { email: null, phone: null });
  });
});

describe('sealContactDocument (owner-written plaintext, encrypted in place)', () => {
  const open = (uid: string, field: 'email' | 'phone', value: EncryptedField | null) => {
    assert.ok(value, `${field} is set`);
    return decryptField(ring, value, contactFieldContext(uid, field));
  };

  it('encrypts plaintext email and phone with their field contexts, normalised as the callable stores them', () => {
    const sealed = sealContactDocument(ring, 'u1', { email: '  Asha@Example.ORG ', phone: '+91 (98765) 432-10', updatedAt: Timestamp.now() });
    assert.ok(sealed);
    assert.ok(!JSON.stringify(sealed).includes('98765'));
    assert.ok(!JSON.stringify(sealed).toLowerCase().includes('asha'));
    assert.equal(open('u1', 'email', sealed.email), 'asha@example.org');
    assert.equal(open('u1', 'phone', sealed.phone), '+919876543210');
    assert.throws(() => decryptField(ring, sealed.phone!, contactFieldContext('u2', 'phone')));
    assert.ok(privateContactSchema.safeParse({ ...sealed, updatedAt: Timestamp.now() }).success, 'the result is a valid stored contact');
  });

  it('leaves a sealed document alone (null: nothing to write)', () => {
    const email = encryptField(ring, 'a@b.co', contactFieldContext('u1', 'email'));
    assert.equal(sealContactDocument(ring, 'u1', { email, phone: null, updatedAt: Timestamp.now() }), null);
    assert.equal(sealContactDocument(ring, 'u1', { email: null, phone: null, updatedAt: Timestamp.now() }), null);
  });

  it('keeps encrypted values as they are and encrypts only the plaintext one', () => {
    const email = encryptField(ring, 'a@b.co', contactFieldContext('u1', 'email'));
    const sealed = sealContactDocument(ring, 'u1', { email, phone: '+9779812345678', updatedAt: Timestamp.now() });
    assert.ok(sealed);
    assert.deepEqual(sealed.email, email);
    assert.equal(open('u1', 'phone', sealed.phone), '+9779812345678');
  });

  it('completes a partial document: a missing value is null, a missing updatedAt is written', () => {
    const onlyEmail = sealContactDocument(ring, 'u1', { email: 'x@example.org' });
    assert.ok(onlyEmail);
    assert.equal(onlyEmail.phone, null);
    assert.equal(open('u1', 'email', onlyEmail.email), 'x@example.org');
    assert.deepEqual(sealContactDocument(ring, 'u1', { email: null, phone: null }), { email: null, phone: null });
    assert.deepEqual(sealContactDocument(ring, 'u1', {}), { email: null, phone: null });
  });

  it('never keeps plaintext or malformed values at rest: non-strings, blanks and bad maps become null', () => {
    const sealed = sealContactDocument(ring, 'u1', { email: '   ', phone: { alg: 'none', ct: '+919876543210' }, updatedAt: Timestamp.now() });
    assert.deepEqual(sealed, { email: null, phone: null });
    assert.deepEqual(sealContactDocument(ring, 'u1', { email: 42, phone: ['+919876543210'] }), { email: null, phone: null });
  });

  it('drops keys outside the contract (a document is sealed to exactly email, phone, updatedAt)', () => {
    const email = encryptField(ring, 'a@b.co', contactFieldContext('u1', 'email'));
    const sealed = sealContactDocument(ring, 'u1', { email, phone: null, updatedAt: Timestamp.now(), note: 'x' });
    assert.deepEqual(sealed, { email, phone: null });
  });

  it('is idempotent: sealing the sealed result again changes nothing', () => {
    const first = sealContactDocument(ring, 'u1', { email: 'a@b.co', phone: '+919876543210' });
    assert.ok(first);
    assert.equal(sealContactDocument(ring, 'u1', { ...first, updatedAt: Timestamp.now() }), null);
  });

  it('normalises like the callable: lower-case trimmed emails, phones without spacing', () => {
    assert.equal(normalizeContactValue('email', ' A@B.Co '), 'a@b.co');
    assert.equal(normalizeContactValue('phone', ' +977 981-234.5678 '), '+9779812345678');
  });
});

describe('onAlertContactWritten', () => {
  function setup() {
    const store = new MemoryContactStore();
    const fn = ffTest.wrap(buildOnAlertContactWritten({ store, keyRing: () => ring }));
    const path = paths.contact('u1');
    const write = async (after: Record<string, unknown> | null) => {
      if (after) store.raw.set('u1', after);
      else store.raw.delete('u1');
      const snap = (data: Record<string, unknown> | null) => ffTest.firestore.makeDocumentSnapshot(data ?? {}, path);
      const afterSnap = after ? snap(after) : ffTest.firestore.makeDocumentSnapshot({}, '');
      await fn({ data: ffTest.makeChange(snap(null), afterSnap), params: { uid: 'u1' } });
    };
    return { store, write };
  }

  it('encrypts what the owner wrote in place, once', async () => {
    const { store, write } = setup();
    await write({ email: 'Asha@Example.org', phone: '+919876543210', updatedAt: Timestamp.now() });
    assert.equal(store.sealWrites, 1);
    const raw = store.raw.get('u1');
    assert.ok(raw && !JSON.stringify(raw).includes('9876543210'));
    assert.ok(privateContactSchema.safeParse(raw).success);
    const doc = store.docs.get('u1');
    assert.equal(decryptField(ring, doc!.email!, contactFieldContext('u1', 'email')), 'asha@example.org');
    // The trigger's own write (and any repeated delivery) finds the document sealed and writes nothing.
    await write(raw!);
    await write(raw!);
    assert.equal(store.sealWrites, 1);
  });

  it('writes nothing for a document setAlertContact stored, or after a delete', async () => {
    const { store, write } = setup();
    await store.put('u1', { email: encryptField(ring, 'a@b.co', contactFieldContext('u1', 'email')), phone: null });
    await write(store.raw.get('u1')!);
    await write(null);
    assert.equal(store.sealWrites, 0);
  });
});
