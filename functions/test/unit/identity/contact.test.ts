import assert from 'node:assert/strict';
import { Timestamp } from 'firebase-admin/firestore';
import functionsTest from 'firebase-functions-test';
import { HttpsError } from 'firebase-functions/v2/https';
import { applyContactInput, type ContactStore } from '../../../src/identity/contact';
import { buildSetAlertContact } from '../../../src/identity/triggers';
import { contactFieldContext } from '../../../src/notify/notifier';
import { decryptField, type KeyRing } from '../../../src/platform/crypto';
import type { PrivateContact } from '../../../src/model/schemas';
import { authData, callableRequest } from '../../support/callable';

const ffTest = functionsTest({ projectId: 'demo-manmitra' });
after(() => ffTest.cleanup());

const ring: KeyRing = { keys: [{ id: 'k1', key: Buffer.alloc(32, 9) }] };

class MemoryContactStore implements ContactStore {
  readonly docs = new Map<string, Omit<PrivateContact, 'updatedAt'>>();
  async get(uid: string): Promise<PrivateContact | undefined> {
    const d = this.docs.get(uid);
    return d ? { ...d, updatedAt: Timestamp.now() } : undefined;
  }
  async put(uid: string, contact: Omit<PrivateContact, 'updatedAt'>): Promise<void> {
    this.docs.set(uid, contact);
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
