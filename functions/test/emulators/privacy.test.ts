/**
 * Privacy in the running stack (see test/support/stack.ts): a signed-in student calls `exportMyData` and
 * `deleteMyAccount` through the real `firebase` client SDK. The Functions emulator writes export files under
 * the local storage directory (no Storage emulator here), which this test reads.
 */
import assert from 'node:assert/strict';
import { getAuth, signOut } from 'firebase/auth';
import { addDoc, collection, serverTimestamp } from 'firebase/firestore';
import { z } from 'zod';
import { paths } from '../../src/model/paths';
import { privacyPaths } from '../../src/privacy/records';
import { localStorage, localStorageRoot } from '../../src/privacy/storage';
import { adminAuth, adminDb, signInStudent, STACK, useStack } from '../support/stack';

const storage = localStorage(localStorageRoot(STACK.project));

const exportResultSchema = z.object({ exportId: z.string(), path: z.string(), documents: z.int() });
const exportFileSchema = z.object({
  uid: z.string(),
  documents: z.array(z.object({ path: z.string(), type: z.string(), data: z.record(z.string(), z.unknown()) })),
});

function callableCode(e: unknown): string | undefined {
  return e instanceof Error && 'code' in e && typeof e.code === 'string' ? e.code : undefined;
}

describe('privacy in the Auth + Functions + Firestore emulators', function () {
  useStack();

  it('a student exports their data once a day, then deletes the account and everything of it', async () => {
    const student = await signInStudent({ profile: true });
    await addDoc(collection(student.db, 'users', student.uid, 'entries'), { kind: 'sleep', hours: 7, quality: 8, createdAt: serverTimestamp() });
    await student.call('setAlertContact', { email: 'student@example.in' });

    const result = exportResultSchema.parse(await student.call('exportMyData'));
    assert.match(result.path, new RegExp(`^exports/${student.uid}/[\\w-]+\\.json$`));
    const text = await storage.read(result.path);
    assert.ok(text, `the export file ${result.path} was written`);
    const file = exportFileSchema.parse(JSON.parse(text));
    assert.equal(file.uid, student.uid);
    const types = file.documents.map((d) => d.type);
    for (const t of ['user', 'entry', 'contact']) assert.ok(types.includes(t), `${t} in the export (${types.join(', ')})`);
    assert.equal(file.documents.find((d) => d.type === 'contact')?.data.email, 'student@example.in', 'the contact email is decrypted');

    await assert.rejects(student.call('exportMyData'), (e: unknown) => callableCode(e) === 'functions/resource-exhausted');
    await assert.rejects(student.call('deleteMyAccount', {}), (e: unknown) => callableCode(e) === 'functions/invalid-argument');

    assert.deepEqual(await student.call('deleteMyAccount', { confirm: true }), { status: 'deleted' });
    const db = adminDb();
    assert.equal((await db.doc(paths.user(student.uid)).get()).exists, false);
    assert.equal((await db.collection(paths.entries(student.uid)).get()).size, 0);
    assert.equal((await db.doc(paths.contact(student.uid)).get()).exists, false);
    assert.equal((await db.doc(privacyPaths.deletion(student.uid)).get()).exists, false);
    assert.deepEqual(await storage.list(`exports/${student.uid}/`), []);
    await assert.rejects(adminAuth().getUser(student.uid), (e: unknown) => callableCode(e) === 'auth/user-not-found');
    const audit = await db.collection(paths.auditLogs()).where('action', '==', 'account.delete').get();
    assert.equal(audit.size, 1);
    assert.ok(!JSON.stringify(audit.docs[0]?.data()).includes(student.uid), 'the deletion audit entry carries no uid');
  });

  it('refuses callers who are not signed in', async () => {
    const student = await signInStudent();
    await signOut(getAuth(student.app));
    await assert.rejects(student.call('exportMyData'), (e: unknown) => callableCode(e) === 'functions/unauthenticated');
    await assert.rejects(student.call('deleteMyAccount', { confirm: true }), (e: unknown) => callableCode(e) === 'functions/unauthenticated');
  });
});
