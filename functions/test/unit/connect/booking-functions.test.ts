/**
 * The deployed booking functions built around in-memory fakes and driven through firebase-functions-test: the
 * callables' auth, input and error mapping, every step's documents and notifications, the 50-way race for one
 * slot (against the serialising fake), all-or-nothing writes, and the scheduled hold sweep.
 */
import assert from 'node:assert/strict';
import { Timestamp } from 'firebase-admin/firestore';
import functionsTest from 'firebase-functions-test';
import { HttpsError } from 'firebase-functions/v2/https';
import { bookingIdFor, chatIdForBooking } from '../../../src/connect/booking/ids';
import { buildCancelBooking, buildExpireHolds, buildRequestBooking, buildRespondToBooking } from '../../../src/connect/booking/triggers';
import { runExpireHolds } from '../../../src/connect/booking/handlers';
import { paths } from '../../../src/model/paths';
import { chatSchema } from '../../../src/model/schemas';
import { captureLogs } from '../../../src/platform/log';
import { authData, callableRequest } from '../../support/callable';
import {
  allBookings,
  bookingOf,
  fakeBookingDeps,
  HOUR,
  MINUTE,
  NOW,
  seedCounselor,
  seedProfile,
  seedSlot,
  slotOf,
  type FakeBooking,
} from '../../support/connect-booking-fakes';
import { notificationsOf, parse, seedDevice } from '../../support/notify-fakes';

const ffTest = functionsTest({ projectId: 'demo-manmitra' });
after(() => ffTest.cleanup());

/** A signed-in caller; `null` calls without auth. */
type Auth = ReturnType<typeof authData>;

const student = (uid = 'stu1', orgId = 'org-a') => authData(uid, { role: 'student', orgId });
const counselorAuth = (uid = 'cou1', orgId = 'org-a') => authData(uid, { role: 'counselor', orgId });

interface BookingAnswer {
  bookingId: string;
  status: string;
  slotId: string;
  start: string;
  holdExpiresAt: string | null;
  chatId: string | null;
}

function isAnswer(v: unknown): v is BookingAnswer {
  return typeof v === 'object' && v !== null && 'bookingId' in v && 'status' in v;
}

function setup(): FakeBooking & {
  request: (data: unknown, auth?: Auth | null) => Promise<BookingAnswer>;
  respond: (data: unknown, auth?: Auth | null) => Promise<BookingAnswer>;
  cancel: (data: unknown, auth?: Auth | null) => Promise<BookingAnswer>;
} {
  const fake = fakeBookingDeps();
  seedCounselor(fake.docs, 'cou1');
  seedProfile(fake.docs, 'stu1', { alias: 'Calm Otter 42' });
  seedDevice(fake.docs, 'stu1', 'phone', 'token-stu1');
  seedDevice(fake.docs, 'cou1', 'laptop', 'token-cou1');
  seedSlot(fake.docs, 'cou1', 's1');
  seedSlot(fake.docs, 'cou1', 's2', 48 * HOUR);
  const call = (fn: ReturnType<typeof buildRequestBooking>) => async (data: unknown, auth: Auth | null) => {
    const out: unknown = await ffTest.wrap(fn)(callableRequest(data, auth ?? undefined));
    assert.ok(isAnswer(out), 'a booking answer');
    return out;
  };
  return {
    ...fake,
    request: (data, auth = student()) => call(buildRequestBooking(fake.deps))(data, auth),
    respond: (data, auth = counselorAuth()) => call(buildRespondToBooking(fake.deps))(data, auth),
    cancel: (data, auth = student()) => call(buildCancelBooking(fake.deps))(data, auth),
  };
}

async function rejects(p: Promise<unknown>, status: string, code?: string, message?: RegExp) {
  await assert.rejects(p, (e: unknown) => {
    assert.ok(e instanceof HttpsError, `expected HttpsError, got ${String(e)}`);
    assert.equal(e.code, status);
    if (code) assert.deepEqual(e.details, { code });
    if (message) assert.match(e.message, message);
    return true;
  });
}

const titles = (f: FakeBooking, uid: string) => notificationsOf(f.docs, uid).map((n) => n.title).sort();
const pushesTo = (f: FakeBooking, token: string) => f.notify.outbox.byChannel('push').filter((p) => p.message.tokens.includes(token)).length;

describe('requestBooking', () => {
  it('holds the slot, creates the booking requested under its deterministic id and tells both sides', async () => {
    const f = setup();
    const out = await f.request({ counselorUid: 'cou1', slotId: 's1', mode: 'video', reason: '  exam stress  ' });
    const id = bookingIdFor('stu1', 'cou1', 's1', 0);
    assert.equal(out.bookingId, id);
    assert.equal(out.status, 'requested');
    assert.equal(out.holdExpiresAt, new Date(NOW + 120 * MINUTE).toISOString());
    const booking = bookingOf(f.docs, id);
    assert.equal(booking.status, 'requested');
    assert.equal(booking.reason, 'exam stress');
    assert.equal(booking.orgId, 'org-a');
    const slot = slotOf(f.docs, 'cou1', 's1');
    assert.deepEqual([slot.status, slot.heldBy, slot.bookingId], ['held', 'stu1', id]);
    assert.deepEqual(titles(f, 'stu1'), ['Booking request sent']);
    assert.deepEqual(titles(f, 'cou1'), ['New booking request']);
    assert.match(notificationsOf(f.docs, 'cou1')[0]?.body ?? '', /Calm Otter 42 asked for a session on 6 May 2025, 12:00/);
    assert.equal(notificationsOf(f.docs, 'cou1')[0]?.link, paths.booking(id));
    assert.equal(pushesTo(f, 'token-stu1'), 1);
    assert.equal(pushesTo(f, 'token-cou1'), 1);
  });

  it('writes the student\'s notification in their language and timezone', async () => {
    const f = setup();
    seedProfile(f.docs, 'stu1', { language: 'hi', timezone: 'Asia/Kathmandu' });
    await f.request({ counselorUid: 'cou1', slotId: 's1', mode: 'audio' });
    const [n] = notificationsOf(f.docs, 'stu1');
    assert.equal(n?.title, 'बुकिंग अनुरोध भेजा गया');
    assert.match(n?.body ?? '', /Dr\. Asha Rao/);
    assert.match(n?.body ?? '', /12:15/);
  });

  it('a retry of the same request is a clear already-exists and creates nothing more', async () => {
    const f = setup();
    await f.request({ counselorUid: 'cou1', slotId: 's1', mode: 'video' });
    await rejects(f.request({ counselorUid: 'cou1', slotId: 's1', mode: 'video' }), 'already-exists', 'booking/duplicate', /already have a booking/);
    assert.equal(allBookings(f.docs).length, 1);
    assert.equal(notificationsOf(f.docs, 'cou1').length, 1);
  });

  it('one active booking per counselor: a second slot is refused until the first is cancelled; other counselors are fine', async () => {
    const f = setup();
    seedCounselor(f.docs, 'cou2');
    seedSlot(f.docs, 'cou2', 't1');
    const first = await f.request({ counselorUid: 'cou1', slotId: 's1', mode: 'video' });
    await f.respond({ bookingId: first.bookingId, action: 'accept' });
    await rejects(
      f.request({ counselorUid: 'cou1', slotId: 's2', mode: 'video' }),
      'failed-precondition',
      'booking/already-active',
      /already have a session with this counselor/,
    );
    assert.equal(slotOf(f.docs, 'cou1', 's2').status, 'open', 'nothing held for the refused request');
    assert.equal(allBookings(f.docs).length, 1);
    assert.equal((await f.request({ counselorUid: 'cou2', slotId: 't1', mode: 'video' })).status, 'requested');
    // Another student can still book the counselor's other slot.
    seedProfile(f.docs, 'stu2');
    assert.equal((await f.request({ counselorUid: 'cou1', slotId: 's2', mode: 'video' }, student('stu2'))).status, 'requested');
    await f.cancel({ bookingId: first.bookingId });
    seedSlot(f.docs, 'cou1', 's3', 72 * HOUR);
    assert.equal((await f.request({ counselorUid: 'cou1', slotId: 's3', mode: 'video' })).status, 'requested');
  });

  it('a session that is over, or a request whose hold lapsed, no longer blocks the next request', async () => {
    const f = setup();
    const first = await f.request({ counselorUid: 'cou1', slotId: 's1', mode: 'video' });
    await rejects(f.request({ counselorUid: 'cou1', slotId: 's2', mode: 'video' }), 'failed-precondition', 'booking/already-active');
    // After the 2-hour hold lapsed (the sweep has not run yet) the student may ask for another time.
    f.docs.clock.now = NOW + 3 * HOUR;
    assert.equal((await f.request({ counselorUid: 'cou1', slotId: 's2', mode: 'video' })).status, 'requested');
    assert.equal(bookingOf(f.docs, first.bookingId).status, 'requested');
  });

  it('50 students racing for one slot: exactly one booking, 49 clear failed-precondition errors, the slot held once', async () => {
    const f = setup();
    const uids = Array.from({ length: 50 }, (_, i) => `racer${String(i).padStart(2, '0')}`);
    for (const uid of uids) seedProfile(f.docs, uid);
    const results = await Promise.allSettled(uids.map((uid) => f.request({ counselorUid: 'cou1', slotId: 's1', mode: 'chat' }, student(uid))));
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    assert.equal(won.length, 1);
    assert.equal(lost.length, 49);
    for (const r of lost) {
      assert.ok(r.reason instanceof HttpsError);
      assert.equal(r.reason.code, 'failed-precondition');
      assert.deepEqual(r.reason.details, { code: 'booking/slot-taken' });
      assert.match(r.reason.message, /just been taken/);
    }
    const bookings = allBookings(f.docs);
    assert.equal(bookings.length, 1);
    const slot = slotOf(f.docs, 'cou1', 's1');
    assert.equal(slot.status, 'held');
    assert.equal(slot.heldBy, bookings[0]?.studentUid);
    assert.equal(slot.bookingId, bookings[0]?.id);
  });

  it('a slot created without createdAt is requested, accepted and cancelled; it never gains createdAt', async () => {
    const f = setup();
    const path = paths.slot('cou1', 'bare');
    const start = NOW + 24 * HOUR;
    f.docs.seed(path, { start: Timestamp.fromMillis(start), end: Timestamp.fromMillis(start + 50 * MINUTE), status: 'open' });
    const { bookingId, status } = await f.request({ counselorUid: 'cou1', slotId: 'bare', mode: 'video' });
    assert.equal(status, 'requested');
    assert.deepEqual([slotOf(f.docs, 'cou1', 'bare').status, slotOf(f.docs, 'cou1', 'bare').bookingId], ['held', bookingId]);
    assert.equal(bookingOf(f.docs, bookingId).start.toMillis(), start);
    assert.equal((await f.respond({ bookingId, action: 'accept' })).status, 'confirmed');
    assert.equal(slotOf(f.docs, 'cou1', 'bare').status, 'booked');
    assert.equal((await f.cancel({ bookingId })).status, 'cancelled');
    assert.equal(slotOf(f.docs, 'cou1', 'bare').status, 'open');
    assert.ok(!('createdAt' in (f.docs.peek(path) ?? {})));
  });

  it('nothing is half-written when the commit fails', async () => {
    const f = setup();
    f.store.failNextCommit = new Error('commit failed');
    await rejects(f.request({ counselorUid: 'cou1', slotId: 's1', mode: 'video' }), 'internal');
    assert.equal(allBookings(f.docs).length, 0);
    assert.equal(slotOf(f.docs, 'cou1', 's1').status, 'open');
    assert.equal(notificationsOf(f.docs, 'cou1').length, 0);
  });

  it('refuses clearly: other org, past slot, unknown slot or counselor, non-students, bad input, booking off', async () => {
    const f = setup();
    seedCounselor(f.docs, 'cou2', { orgId: 'org-b' });
    seedSlot(f.docs, 'cou2', 's1');
    seedSlot(f.docs, 'cou1', 'past', -HOUR);
    await rejects(f.request({ counselorUid: 'cou2', slotId: 's1', mode: 'video' }), 'permission-denied', 'booking/other-org');
    await rejects(f.request({ counselorUid: 'cou1', slotId: 'past', mode: 'video' }), 'failed-precondition', 'booking/slot-past');
    await rejects(f.request({ counselorUid: 'cou1', slotId: 'nope', mode: 'video' }), 'not-found', 'booking/slot-not-found');
    await rejects(f.request({ counselorUid: 'nobody', slotId: 's1', mode: 'video' }), 'not-found', 'booking/counselor-not-found');
    await rejects(f.request({ counselorUid: 'cou1', slotId: 's1', mode: 'video' }, counselorAuth('cou9')), 'permission-denied', 'booking/students-only');
    await rejects(f.request({ counselorUid: 'cou1', slotId: 's1', mode: 'pigeon' }), 'invalid-argument', undefined, /mode/);
    await rejects(f.request({ counselorUid: 'cou1', slotId: 's1', mode: 'video', reason: 'x'.repeat(501) }), 'invalid-argument', undefined, /reason/);
    await rejects(f.request({ counselorUid: 'cou1', slotId: 's1', mode: 'video' }, null), 'unauthenticated');
    f.docs.seed(paths.appConfig(), { flags: { enforceAppCheck: false, modelScreening: true, modelReplies: true, forum: true, peerCircles: true, booking: false } });
    await rejects(f.request({ counselorUid: 'cou1', slotId: 's1', mode: 'video' }), 'failed-precondition', 'booking/disabled');
    assert.equal(allBookings(f.docs).length, 0);
    assert.equal(slotOf(f.docs, 'cou1', 's1').status, 'open');
  });

  it('honours the hold minutes of config/app', async () => {
    const f = setup();
    f.docs.seed(paths.appConfig(), { booking: { holdMinutes: 15, cancelCutoffMinutes: 60 } });
    const out = await f.request({ counselorUid: 'cou1', slotId: 's1', mode: 'video' });
    assert.equal(out.holdExpiresAt, new Date(NOW + 15 * MINUTE).toISOString());
  });

  it('never logs the reason, the alias or a uid', async () => {
    const f = setup();
    const logs = captureLogs();
    try {
      await f.request({ counselorUid: 'cou1', slotId: 's1', mode: 'video', reason: 'panic attacks at night' });
    } finally {
      logs.restore();
    }
    const text = JSON.stringify(logs.lines);
    assert.ok(logs.lines.some((l) => l.event === 'booking.step'));
    for (const secret of ['panic attacks', 'Calm Otter', 'stu1', 'cou1']) assert.ok(!text.includes(secret), `log leaks ${secret}`);
  });
});

describe('respondToBooking', () => {
  async function requested(f: ReturnType<typeof setup>) {
    return (await f.request({ counselorUid: 'cou1', slotId: 's1', mode: 'video' })).bookingId;
  }

  it('accept: booking confirmed, slot booked, the counselor chat opened, both told', async () => {
    const f = setup();
    const id = await requested(f);
    const out = await f.respond({ bookingId: id, action: 'accept' });
    assert.equal(out.status, 'confirmed');
    assert.equal(out.chatId, chatIdForBooking(id));
    assert.equal(bookingOf(f.docs, id).status, 'confirmed');
    assert.equal(slotOf(f.docs, 'cou1', 's1').status, 'booked');
    const chatPath = paths.chat(chatIdForBooking(id));
    const chat = parse(chatSchema, f.docs.peek(chatPath) ?? {}, chatPath);
    assert.deepEqual([chat.kind, chat.studentUid, chat.counselorUid, chat.bookingId, chat.status, chat.orgId], ['counselor', 'stu1', 'cou1', id, 'open', 'org-a']);
    assert.deepEqual(titles(f, 'stu1'), ['Booking request sent', 'Session confirmed']);
    assert.deepEqual(titles(f, 'cou1'), ['New booking request', 'Session confirmed']);
  });

  it('accepting twice answers the same confirmed booking and sends nothing new', async () => {
    const f = setup();
    const id = await requested(f);
    await f.respond({ bookingId: id, action: 'accept' });
    const again = await f.respond({ bookingId: id, action: 'accept' });
    assert.equal(again.status, 'confirmed');
    assert.equal(notificationsOf(f.docs, 'stu1').length, 2);
  });

  it('reject: slot open again; the student cannot request that slot again, but can book another', async () => {
    const f = setup();
    const id = await requested(f);
    const out = await f.respond({ bookingId: id, action: 'reject' });
    assert.equal(out.status, 'rejected');
    assert.equal(slotOf(f.docs, 'cou1', 's1').status, 'open');
    assert.deepEqual(titles(f, 'stu1'), ['Booking not accepted', 'Booking request sent']);
    await rejects(f.request({ counselorUid: 'cou1', slotId: 's1', mode: 'video' }), 'failed-precondition', 'booking/declined');
    assert.equal((await f.request({ counselorUid: 'cou1', slotId: 's2', mode: 'video' })).status, 'requested');
  });

  it('reschedule: the new slot held, the old one released; the student accepts and it is confirmed', async () => {
    const f = setup();
    const id = await requested(f);
    const moved = await f.respond({ bookingId: id, action: 'reschedule', newSlotId: 's2' });
    assert.equal(moved.status, 'rescheduled');
    assert.equal(moved.slotId, 's2');
    assert.equal(slotOf(f.docs, 'cou1', 's1').status, 'open');
    assert.deepEqual([slotOf(f.docs, 'cou1', 's2').status, slotOf(f.docs, 'cou1', 's2').heldBy], ['held', 'stu1']);
    assert.ok(titles(f, 'stu1').includes('New time proposed'));
    await rejects(f.respond({ bookingId: id, action: 'accept' }), 'failed-precondition', 'booking/student-answers');
    const accepted = await f.respond({ bookingId: id, action: 'accept' }, student());
    assert.equal(accepted.status, 'confirmed');
    assert.equal(slotOf(f.docs, 'cou1', 's2').status, 'booked');
    assert.ok(titles(f, 'cou1').includes('New time accepted'));
  });

  it('refuses strangers, students answering requests, unknown bookings and missing reschedule slots', async () => {
    const f = setup();
    const id = await requested(f);
    await rejects(f.respond({ bookingId: id, action: 'accept' }, counselorAuth('cou2')), 'permission-denied', 'booking/not-participant');
    await rejects(f.respond({ bookingId: id, action: 'accept' }, student()), 'permission-denied', 'booking/counselor-answers');
    await rejects(f.respond({ bookingId: 'bk-none', action: 'accept' }), 'not-found', 'booking/not-found');
    await rejects(f.respond({ bookingId: id, action: 'reschedule' }), 'invalid-argument', 'booking/new-slot-required');
    await rejects(f.respond({ bookingId: id, action: 'maybe' }), 'invalid-argument', undefined, /action/);
    assert.equal(bookingOf(f.docs, id).status, 'requested');
  });
});

describe('cancelBooking', () => {
  it('by the student: booking cancelled, slot open, the counselor told; a second cancel is refused', async () => {
    const f = setup();
    const { bookingId } = await f.request({ counselorUid: 'cou1', slotId: 's1', mode: 'video' });
    await f.respond({ bookingId, action: 'accept' });
    const out = await f.cancel({ bookingId, reason: 'exam moved' });
    assert.equal(out.status, 'cancelled');
    assert.equal(slotOf(f.docs, 'cou1', 's1').status, 'open');
    assert.equal(bookingOf(f.docs, bookingId).history.at(-1)?.note, 'exam moved');
    assert.ok(titles(f, 'cou1').includes('Session cancelled'));
    await rejects(f.cancel({ bookingId }), 'failed-precondition', 'booking/closed', /already cancelled/);
  });

  it('after a cancel the student may request the same slot again (a new booking id)', async () => {
    const f = setup();
    const first = await f.request({ counselorUid: 'cou1', slotId: 's1', mode: 'video' });
    await f.cancel({ bookingId: first.bookingId });
    const second = await f.request({ counselorUid: 'cou1', slotId: 's1', mode: 'video' });
    assert.equal(second.bookingId, bookingIdFor('stu1', 'cou1', 's1', 1));
    assert.equal(slotOf(f.docs, 'cou1', 's1').bookingId, second.bookingId);
  });

  it('inside the cut-off the student is refused and told to message the counselor; the counselor may still cancel', async () => {
    const f = setup();
    seedSlot(f.docs, 'cou1', 'soon', HOUR);
    const { bookingId } = await f.request({ counselorUid: 'cou1', slotId: 'soon', mode: 'video' });
    await f.respond({ bookingId, action: 'accept' });
    await rejects(f.cancel({ bookingId }), 'failed-precondition', 'booking/cancel-too-late', /message your counselor/);
    assert.equal(bookingOf(f.docs, bookingId).status, 'confirmed');
    const out = await f.cancel({ bookingId }, counselorAuth());
    assert.equal(out.status, 'cancelled');
    assert.ok(titles(f, 'stu1').includes('Session cancelled'));
  });
});

describe('expireHolds', () => {
  it('expires unanswered holds: booking expired, slot open, the student told; a second run does nothing', async () => {
    const f = setup();
    const { bookingId } = await f.request({ counselorUid: 'cou1', slotId: 's1', mode: 'video' });
    f.docs.clock.now = NOW + 121 * MINUTE;
    await buildExpireHolds(f.deps).run({ scheduleTime: new Date(f.docs.clock.now).toISOString(), jobName: 'expireHolds' });
    assert.equal(bookingOf(f.docs, bookingId).status, 'expired');
    assert.equal(bookingOf(f.docs, bookingId).holdExpiresAt, null);
    assert.deepEqual([slotOf(f.docs, 'cou1', 's1').status, slotOf(f.docs, 'cou1', 's1').heldBy], ['open', null]);
    assert.ok(titles(f, 'stu1').includes('Booking request expired'));
    assert.ok(titles(f, 'cou1').includes('Booking request expired'));
    const again = await runExpireHolds(f.deps, f.docs.clock.now);
    assert.deepEqual(again, { expired: 0, skipped: 0, failed: 0 });
  });

  it('leaves answered bookings and holds not yet due; an expired request cannot be accepted', async () => {
    const f = setup();
    seedProfile(f.docs, 'stu2');
    const a = await f.request({ counselorUid: 'cou1', slotId: 's1', mode: 'video' });
    await f.respond({ bookingId: a.bookingId, action: 'accept' });
    f.docs.clock.now = NOW + 60 * MINUTE;
    const b = await f.request({ counselorUid: 'cou1', slotId: 's2', mode: 'video' }, student('stu2'));
    f.docs.clock.now = NOW + 130 * MINUTE;
    assert.deepEqual(await runExpireHolds(f.deps, f.docs.clock.now), { expired: 0, skipped: 0, failed: 0 });
    assert.equal(bookingOf(f.docs, b.bookingId).status, 'requested');
    f.docs.clock.now = NOW + 181 * MINUTE;
    await rejects(f.respond({ bookingId: b.bookingId, action: 'accept' }), 'failed-precondition', 'booking/hold-expired');
    assert.deepEqual(await runExpireHolds(f.deps, f.docs.clock.now), { expired: 1, skipped: 0, failed: 0 });
    assert.equal(bookingOf(f.docs, a.bookingId).status, 'confirmed');
    assert.equal(slotOf(f.docs, 'cou1', 's1').status, 'booked');
  });

  it('pages through many due holds', async () => {
    const f = setup();
    for (let i = 0; i < 130; i += 1) {
      const uid = `s${String(i).padStart(3, '0')}`;
      seedProfile(f.docs, uid);
      seedSlot(f.docs, 'cou1', `slot${String(i)}`, 24 * HOUR + i * HOUR);
      await f.request({ counselorUid: 'cou1', slotId: `slot${String(i)}`, mode: 'chat' }, student(uid));
    }
    const summary = await runExpireHolds(f.deps, NOW + 3 * HOUR);
    assert.deepEqual(summary, { expired: 130, skipped: 0, failed: 0 });
    assert.ok(allBookings(f.docs).every((b) => b.status === 'expired'));
  });
});
