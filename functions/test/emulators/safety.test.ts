/**
 * The safety pipeline end to end in the local stack (see test/support/stack.ts): a student writes a crisis
 * message through the client SDK; onChatMessageCreated screens it and creates a riskEvent; onRiskEventCreated
 * alerts the org's on-call counselor (an in-app notification, and a push the offline push provider accepted
 * into its outbox, recorded as a delivery); the counselor's client reads the event and its excerpt; a
 * counselor of another org is refused both.
 */
import assert from 'node:assert/strict';
import { addDoc, collection, doc, getDoc, getDocs, query, serverTimestamp, setDoc, where } from 'firebase/firestore';
import { Timestamp } from 'firebase-admin/firestore';
import { z } from 'zod';
import { paths } from '../../src/model/paths';
import { counselorSchema, deliverySchema, messageSchema, notificationSchema, orgSchema, riskEventSchema } from '../../src/model/schemas';
import { riskEventIdFor } from '../../src/safety/ids';
import { adminDb, eventually, signInStaff, signInStudent, useStack, type Session } from '../support/stack';

const ORG = 'demo-org';
/** What this test reads of a bot message through the client SDK (its timestamps are the client's class). */
const botReplySchema = z.object({ sender: z.literal('bot'), agent: z.string().optional(), text: z.string() });
/** What this test reads of a riskEvent through the counselor's client. */
const seenEventSchema = z.object({ orgId: z.string(), level: z.string(), status: z.string() }).strip();
const OTHER_ORG = 'other-org';

async function seedCounselor(orgId: string, name: string): Promise<Session> {
  const session = await signInStaff({ role: 'counselor', orgId });
  await adminDb()
    .doc(paths.counselor(session.uid))
    .set(counselorSchema.parse({ displayName: name, languages: ['en', 'hi'], specialties: [], bio: '', orgId, active: true }));
  return session;
}

function rejectsWith(code: string) {
  return (e: unknown) => {
    assert.ok(e instanceof Error && 'code' in e, String(e));
    assert.equal(e.code, code);
    return true;
  };
}

describe('safety pipeline in the local stack', function () {
  useStack();

  it('a crisis message reaches the on-call counselor (riskEvent, notification, push in the offline outbox); another org is refused', async function () {
    this.timeout(180_000);
    const counselor = await seedCounselor(ORG, 'On Call');
    const outsider = await seedCounselor(OTHER_ORG, 'Elsewhere');
    const now = Timestamp.now();
    await adminDb().doc(paths.org(ORG)).set(orgSchema.parse({ name: 'Demo College', country: 'IN', timezone: 'Asia/Kolkata', onCall: [counselor.uid], createdAt: now }));
    await adminDb().doc(paths.org(OTHER_ORG)).set(orgSchema.parse({ name: 'Other College', country: 'NP', timezone: 'Asia/Kathmandu', onCall: [outsider.uid], createdAt: now }));
    // The counselor's device registers its push token through the client SDK, as the app does.
    await setDoc(doc(counselor.db, paths.device(counselor.uid, 'phone')), { token: 'offline-token-counselor-phone', platform: 'android', updatedAt: serverTimestamp() });

    const student = await signInStudent({ profile: true });
    assert.equal(student.claims.orgId, ORG);
    const chat = await addDoc(collection(student.db, 'chats'), {
      kind: 'bot',
      studentUid: student.uid,
      orgId: ORG,
      status: 'open',
      createdAt: serverTimestamp(),
      lastMessageAt: serverTimestamp(),
    });
    const text = "I bought a rope and I'm going to hang myself tonight";
    const message = await addDoc(collection(student.db, 'chats', chat.id, 'messages'), { authorUid: student.uid, sender: 'student', text, createdAt: serverTimestamp() });
    const eventId = riskEventIdFor(paths.message(chat.id, message.id));

    const event = await eventually('the riskEvent', async () => {
      const snap = await adminDb().doc(paths.riskEvent(eventId)).get();
      return snap.exists ? riskEventSchema.parse(snap.data()) : undefined;
    });
    assert.equal(event.orgId, ORG);
    assert.equal(event.level, 'imminent');
    assert.equal(event.source, 'chat');
    assert.equal(event.studentUid, student.uid);

    const screened = await eventually('the screening on the message', async () => {
      const stored = messageSchema.parse((await adminDb().doc(paths.message(chat.id, message.id)).get()).data());
      return stored.screening;
    });
    assert.equal(screened.level, 'imminent');

    const notification = await eventually('the counselor notification', async () => {
      const snaps = await adminDb().collection(paths.notifications(counselor.uid)).get();
      const found = snaps.docs.map((d) => notificationSchema.parse(d.data())).find((n) => n.link?.includes(eventId) === true);
      return found;
    });
    assert.equal(notification.readAt, null);
    assert.ok(!notification.body.includes('rope'), 'the notification never quotes the student');

    const push = await eventually('a push delivery accepted by the offline outbox', async () => {
      const snaps = await adminDb().collection(paths.deliveries()).where('channel', '==', 'push').get();
      const found = snaps.docs
        .map((d) => deliverySchema.parse(d.data()))
        .find((d) => d.status === 'sent' && d.sourcePath === paths.riskEvent(eventId) && d.recipientRef.includes(counselor.uid));
      return found;
    });
    assert.match(push.providerId ?? '', /^offline-push-/);

    // The student's bot chat got Bestie's crisis reply.
    const replies = await eventually('the crisis reply', async () => {
      const snaps = await getDocs(query(collection(student.db, 'chats', chat.id, 'messages'), where('sender', '==', 'bot')));
      return snaps.empty ? undefined : snaps.docs.map((d) => botReplySchema.parse(d.data()));
    });
    assert.equal(replies[0]?.agent, 'crisis');
    assert.match(replies[0]?.text ?? '', /14416/);

    // The counselor's client sees the event (rules), in the org's queue, and reads the excerpt (audited).
    const seen = await getDoc(doc(counselor.db, paths.riskEvent(eventId)));
    assert.deepEqual(seenEventSchema.parse(seen.data()), { orgId: ORG, level: 'imminent', status: 'open' });
    const queue = await getDocs(query(collection(counselor.db, 'riskEvents'), where('orgId', '==', ORG)));
    assert.deepEqual(queue.docs.map((d) => d.id), [eventId]);
    const detail = await counselor.call<{ excerpt: string | null }>('getRiskEventDetail', { eventId });
    assert.ok(detail.excerpt === null || detail.excerpt === text);

    // A counselor of another org is refused by the rules and by the callable.
    await assert.rejects(getDoc(doc(outsider.db, paths.riskEvent(eventId))), rejectsWith('permission-denied'));
    await assert.rejects(getDocs(query(collection(outsider.db, 'riskEvents'), where('orgId', '==', ORG))), rejectsWith('permission-denied'));
    await assert.rejects(outsider.call('getRiskEventDetail', { eventId }), (e: unknown) => e instanceof Error && 'code' in e && e.code !== 'functions/internal');
    const outsiderNotes = await adminDb().collection(paths.notifications(outsider.uid)).get();
    assert.equal(outsiderNotes.size, 0);
  });
});
