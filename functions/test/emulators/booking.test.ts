/**
 * Counselor booking in the local stack, through the client SDK: a counselor publishes slots with their own
 * client (rules apply), students call the booking callables in the Functions emulator, and the results are
 * read back through the clients (rules apply) and the admin SDK. Includes the 50-way race for one slot.
 */
import assert from 'node:assert/strict';
import { httpsCallable } from 'firebase/functions';
import { collection, doc, getDoc, getDocs, query, serverTimestamp, setDoc, Timestamp, where } from 'firebase/firestore';
import { Timestamp as AdminTimestamp } from 'firebase-admin/firestore';
import { chatIdForBooking } from '../../src/connect/booking/ids';
import { paths } from '../../src/model/paths';
import { bookingSchema, chatSchema, resourceSchema, slotSchema, type Booking, type Slot } from '../../src/model/schemas';
import { adminDb, eventually, signInStaff, STACK, useStack, type Session } from '../support/stack';

const ORG = 'demo-org';
const HOUR = 3_600_000;

interface Answer {
  bookingId: string;
  status: string;
  slotId: string;
  chatId: string | null;
}

async function seedCounselor(): Promise<Session> {
  const counselor = await signInStaff({ role: 'counselor', orgId: ORG });
  await adminDb()
    .doc(paths.counselor(counselor.uid))
    .set({ displayName: 'Dr. Asha Rao', languages: ['en', 'hi'], specialties: ['anxiety'], bio: '', orgId: ORG, active: true });
  return counselor;
}

/** The counselor publishes an open slot with their own client, as the app does (rules apply). */
async function publishSlot(counselor: Session, slotId: string, inMs: number): Promise<void> {
  const start = Date.now() + inMs;
  await setDoc(doc(counselor.db, paths.slot(counselor.uid, slotId)), {
    start: Timestamp.fromMillis(start),
    end: Timestamp.fromMillis(start + 50 * 60_000),
    status: 'open',
    createdAt: serverTimestamp(),
  });
}

async function slotOf(counselorUid: string, slotId: string): Promise<Slot> {
  const snap = await adminDb().doc(paths.slot(counselorUid, slotId)).get();
  return slotSchema.parse(snap.data());
}

async function bookingsOfSlot(counselorUid: string, slotId: string): Promise<Booking[]> {
  const snap = await adminDb().collection(paths.bookings()).where('counselorUid', '==', counselorUid).where('slotId', '==', slotId).get();
  return snap.docs.map((d) => bookingSchema.parse(d.data()));
}

function codeOf(e: unknown): { code: string; detail: unknown } {
  assert.ok(e instanceof Error && 'code' in e, `expected a FunctionsError, got ${String(e)}`);
  const details = 'details' in e && typeof e.details === 'object' && e.details !== null && 'code' in e.details ? e.details.code : undefined;
  return { code: String(e.code), detail: details };
}

describe('counselor booking in the local stack', function () {
  this.timeout(600_000);
  useStack();

  it('50 students request one slot at once: exactly one booking, 49 clear errors, the slot held once', async () => {
    const counselor = await seedCounselor();
    await publishSlot(counselor, 'race', 24 * HOUR);
    // Sign-ins a few at a time (the Auth emulator drops requests when 50 arrive at once on a loaded machine);
    // the race itself is the 50 callables below, all in flight together.
    const students: Session[] = [];
    while (students.length < 50) {
      // No profiles: booking needs none (the racers are simply not notified), and 50 profile writes would each
      // start profile triggers competing with the race for the machine.
      students.push(...(await Promise.all(Array.from({ length: 5 }, () => signInStaff({ role: 'student', orgId: ORG, profile: false })))));
    }
    // The Functions emulator starts one worker process per concurrent call: give the calls time to be served.
    const results = await Promise.allSettled(
      students.map(async (s) => {
        const call = httpsCallable<unknown, Answer>(s.functions, 'requestBooking', { timeout: 540_000 });
        return (await call({ counselorUid: counselor.uid, slotId: 'race', mode: 'video' })).data;
      }),
    );
    const won = results.filter((r): r is PromiseFulfilledResult<Answer> => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    assert.equal(won.length, 1, `exactly one booking (errors: ${lost.map((r) => String(r.reason)).slice(0, 3).join('; ')})`);
    assert.equal(lost.length, 49);
    for (const r of lost) {
      const { code, detail } = codeOf(r.reason);
      assert.equal(code, 'functions/failed-precondition');
      assert.equal(detail, 'booking/slot-taken');
      assert.match(String(r.reason instanceof Error ? r.reason.message : ''), /just been taken/);
    }
    const bookings = await bookingsOfSlot(counselor.uid, 'race');
    assert.equal(bookings.length, 1);
    const slot = await slotOf(counselor.uid, 'race');
    assert.equal(slot.status, 'held');
    assert.equal(slot.bookingId, won[0]?.value.bookingId);
    assert.equal(slot.heldBy, bookings[0]?.studentUid);
  });

  it('accept opens the counselor chat; cancel opens the slot again; both sides read what they may', async () => {
    const counselor = await seedCounselor();
    await publishSlot(counselor, 's1', 48 * HOUR);
    const student = await signInStaff({ role: 'student', orgId: ORG });

    const requested = await student.call<Answer>('requestBooking', { counselorUid: counselor.uid, slotId: 's1', mode: 'chat', reason: 'exam stress' });
    assert.equal(requested.status, 'requested');
    await assert.rejects(student.call('requestBooking', { counselorUid: counselor.uid, slotId: 's1', mode: 'chat' }), (e: unknown) => {
      assert.deepEqual(codeOf(e), { code: 'functions/already-exists', detail: 'booking/duplicate' });
      return true;
    });

    const accepted = await counselor.call<Answer>('respondToBooking', { bookingId: requested.bookingId, action: 'accept' });
    assert.equal(accepted.status, 'confirmed');
    assert.equal(accepted.chatId, chatIdForBooking(requested.bookingId));
    assert.equal((await slotOf(counselor.uid, 's1')).status, 'booked');

    // The student reads the chat and their booking through the client SDK (rules: participants only).
    const chatSnap = await getDoc(doc(student.db, paths.chat(chatIdForBooking(requested.bookingId))));
    assert.ok(chatSnap.exists());
    const chat = chatSchema.parse({ ...chatSnap.data(), createdAt: toAdmin(chatSnap.get('createdAt')), lastMessageAt: toAdmin(chatSnap.get('lastMessageAt')) });
    assert.deepEqual([chat.kind, chat.studentUid, chat.counselorUid, chat.bookingId, chat.status], ['counselor', student.uid, counselor.uid, requested.bookingId, 'open']);
    const mine = await getDocs(query(collection(student.db, paths.bookings()), where('studentUid', '==', student.uid)));
    assert.deepEqual(mine.docs.map((d) => [d.id, d.get('status')]), [[requested.bookingId, 'confirmed']]);

    // Both sides were told, in-app.
    const notes = async (uid: string) => (await adminDb().collection(paths.notifications(uid)).get()).docs.map((d) => String(d.get('title'))).sort();
    assert.deepEqual(await notes(student.uid), ['Booking request sent', 'Session confirmed']);
    assert.deepEqual(await notes(counselor.uid), ['New booking request', 'Session confirmed']);

    const cancelled = await student.call<Answer>('cancelBooking', { bookingId: requested.bookingId });
    assert.equal(cancelled.status, 'cancelled');
    const slot = await slotOf(counselor.uid, 's1');
    assert.deepEqual([slot.status, slot.heldBy, slot.bookingId], ['open', null, null]);
    await assert.rejects(counselor.call('cancelBooking', { bookingId: requested.bookingId }), (e: unknown) => {
      assert.deepEqual(codeOf(e), { code: 'functions/failed-precondition', detail: 'booking/closed' });
      return true;
    });
  });

  it('refuses another org\'s counselor, a past slot, and a stranger answering', async () => {
    const counselor = await seedCounselor();
    await publishSlot(counselor, 'past', -HOUR);
    await publishSlot(counselor, 'later', 24 * HOUR);
    const outsider = await signInStaff({ role: 'student', orgId: 'other-org' });
    const student = await signInStaff({ role: 'student', orgId: ORG });
    const expectCode = (p: Promise<unknown>, code: string, detail: string) =>
      assert.rejects(p, (e: unknown) => {
        assert.deepEqual(codeOf(e), { code, detail });
        return true;
      });
    await expectCode(outsider.call('requestBooking', { counselorUid: counselor.uid, slotId: 'later', mode: 'video' }), 'functions/permission-denied', 'booking/other-org');
    await expectCode(student.call('requestBooking', { counselorUid: counselor.uid, slotId: 'past', mode: 'video' }), 'functions/failed-precondition', 'booking/slot-past');
    const { bookingId } = await student.call<Answer>('requestBooking', { counselorUid: counselor.uid, slotId: 'later', mode: 'video' });
    await expectCode(outsider.call('respondToBooking', { bookingId, action: 'accept' }), 'functions/permission-denied', 'booking/not-participant');
    assert.equal((await bookingsOfSlot(counselor.uid, 'past')).length, 0);
    assert.equal((await slotOf(counselor.uid, 'past')).status, 'open');
  });
});

/** Runs a scheduled function now, as the local stack's scheduler does (POST to its trigger key). */
async function fireSchedule(name: string): Promise<void> {
  const id = `${STACK.region}-${name}`;
  const post = (key: string) =>
    fetch(`http://${STACK.functionsHost}/functions/projects/${STACK.project}/triggers/${key}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'X-CloudScheduler-JobName': `firebase-schedule-${name}-${STACK.region}`,
        'X-CloudScheduler-ScheduleTime': new Date().toISOString(),
      },
      body: '{}',
    });
  let res = await post(`${id}-0`);
  if (res.status === 404) {
    const key = new RegExp(`${id}-\\d+`).exec(await res.text())?.[0];
    assert.ok(key, `no trigger key for ${name}`);
    res = await post(key);
  }
  assert.equal(res.status, 200, `${name} answered ${String(res.status)}: ${(await res.text()).slice(0, 200)}`);
}

describe('booking holds, resources and devices in the local stack', function () {
  this.timeout(600_000);
  useStack();

  it('expireHolds releases a hold nobody answered and tells the student', async () => {
    const counselor = await seedCounselor();
    await publishSlot(counselor, 'soon', 4_000);
    const student = await signInStaff({ role: 'student', orgId: ORG });
    const { bookingId } = await student.call<Answer>('requestBooking', { counselorUid: counselor.uid, slotId: 'soon', mode: 'video' });
    // The hold never outlasts the session start (4 s from publishing): wait for it to lapse, then sweep.
    const booking = bookingSchema.parse((await adminDb().doc(paths.booking(bookingId)).get()).data());
    const lapse = (booking.holdExpiresAt?.toMillis() ?? 0) - Date.now();
    if (lapse > 0) await new Promise((r) => setTimeout(r, lapse + 50));
    await fireSchedule('expireHolds');
    const after = bookingSchema.parse((await adminDb().doc(paths.booking(bookingId)).get()).data());
    assert.equal(after.status, 'expired');
    const slot = await slotOf(counselor.uid, 'soon');
    assert.deepEqual([slot.status, slot.heldBy, slot.bookingId], ['open', null, null]);
    const titles = (await adminDb().collection(paths.notifications(student.uid)).get()).docs.map((d) => String(d.get('title'))).sort();
    assert.deepEqual(titles, ['Booking request expired', 'Booking request sent']);
  });

  it('recordResourceView counts views and nothing else; an unknown resource is not-found', async () => {
    const now = AdminTimestamp.now();
    await adminDb()
      .doc(paths.resource('sleep-guide'))
      .set({ title: { en: 'Sleep better' }, body: { en: 'A short guide.' }, type: 'article', category: 'sleep', tags: [], url: null, mediaPath: null, viewCount: 0, createdAt: now, updatedAt: now });
    const student = await signInStaff({ role: 'student', orgId: ORG });
    const other = await signInStaff({ role: 'student', orgId: 'other-org' });
    assert.deepEqual(await student.call('recordResourceView', { resourceId: 'sleep-guide' }), { resourceId: 'sleep-guide', counted: true });
    await other.call('recordResourceView', { resourceId: 'sleep-guide' });
    const resource = resourceSchema.parse((await adminDb().doc(paths.resource('sleep-guide')).get()).data());
    assert.equal(resource.viewCount, 2);
    await assert.rejects(student.call('recordResourceView', { resourceId: 'missing' }), (e: unknown) => {
      assert.deepEqual(codeOf(e), { code: 'functions/not-found', detail: 'resources/not-found' });
      return true;
    });
    assert.equal((await adminDb().doc(paths.resource('missing')).get()).exists, false);
  });

  it('a push token registered by a new account is taken off the account that held it', async () => {
    const first = await signInStaff({ role: 'student', orgId: ORG });
    const second = await signInStaff({ role: 'student', orgId: ORG });
    const register = (s: Session, deviceId: string) =>
      setDoc(doc(s.db, paths.device(s.uid, deviceId)), { token: 'shared-phone-token', platform: 'android', updatedAt: serverTimestamp() });
    await register(first, 'phone');
    await register(second, 'phone');
    await eventually('the first account\'s registration removed', async () =>
      (await adminDb().doc(paths.device(first.uid, 'phone')).get()).exists ? undefined : true,
    );
    assert.equal((await adminDb().doc(paths.device(second.uid, 'phone')).get()).exists, true);
  });
});

/** A client-SDK timestamp as the admin SDK's (the schemas check admin Timestamps). */
function toAdmin(value: unknown) {
  assert.ok(value instanceof Timestamp, 'a timestamp');
  return AdminTimestamp.fromMillis(value.toMillis());
}
