/**
 * The booking state machine (pure): every transition, every refusal with its stable code, and the slot and
 * chat documents each step writes.
 */
import assert from 'node:assert/strict';
import { Timestamp } from 'firebase-admin/firestore';
import { bookingIdFor, chatIdForBooking } from '../../../src/connect/booking/ids';
import {
  bookingSettings,
  chooseAttempt,
  holdExpiry,
  planCancel,
  planExpire,
  planRequest,
  planRespond,
  blocksNewRequest,
  type BookingSettings,
  type RequestFacts,
  type RespondFacts,
} from '../../../src/connect/booking/machine';
import { appConfigSchema, type Booking, type Counselor, type Slot } from '../../../src/model/schemas';
import { DomainError } from '../../../src/platform/errors';

const NOW = Date.parse('2025-05-05T06:30:00Z');
const MIN = 60_000;
const HOUR = 60 * MIN;
const ts = (ms: number) => Timestamp.fromMillis(ms);
const SETTINGS: BookingSettings = { holdMinutes: 120, cancelCutoffMinutes: 120 };
const BID = 'bk-1';

const counselor: Counselor = { displayName: 'Dr. Asha Rao', languages: ['en'], specialties: [], bio: '', orgId: 'org-a', active: true };

function slot(inMs = 24 * HOUR, extra: Partial<Slot> = {}): Slot {
  return { start: ts(NOW + inMs), end: ts(NOW + inMs + 50 * MIN), status: 'open', createdAt: ts(NOW - 48 * HOUR), ...extra };
}

/** A slot as a client may create it: no createdAt (the rules allow that). */
function bareSlot(inMs = 24 * HOUR, extra: Partial<Slot> = {}): Slot {
  return { start: ts(NOW + inMs), end: ts(NOW + inMs + 50 * MIN), status: 'open', ...extra };
}

function heldFor(bookingId: string, inMs = 24 * HOUR, student = 'stu1'): Slot {
  return slot(inMs, { status: 'held', heldBy: student, bookingId, holdExpiresAt: ts(NOW + HOUR) });
}

function booking(extra: Partial<Booking> = {}): Booking {
  return {
    studentUid: 'stu1',
    counselorUid: 'cou1',
    orgId: 'org-a',
    slotId: 's1',
    start: ts(NOW + 24 * HOUR),
    end: ts(NOW + 24 * HOUR + 50 * MIN),
    mode: 'video',
    status: 'requested',
    history: [{ status: 'requested', at: ts(NOW - MIN), by: 'stu1' }],
    holdExpiresAt: ts(NOW + HOUR),
    createdAt: ts(NOW - MIN),
    updatedAt: ts(NOW - MIN),
    ...extra,
  };
}

function fails(fn: () => unknown, status: string, code: string): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof DomainError, `expected DomainError, got ${String(e)}`);
    assert.equal(e.code, code);
    assert.equal(e.status, status);
    return true;
  });
}

const requestFacts = (extra: Partial<RequestFacts> = {}): RequestFacts => ({
  student: { uid: 'stu1', orgId: 'org-a' },
  counselorUid: 'cou1',
  slotId: 's1',
  mode: 'video' as const,
  reason: undefined,
  counselor,
  slot: slot(),
  bookingId: BID,
  withCounselor: [],
  now: NOW,
  settings: SETTINGS,
  ...extra,
});

const respondFacts = (extra: Partial<RespondFacts> = {}): RespondFacts => ({
  callerUid: 'cou1',
  bookingId: BID,
  booking: booking(),
  slot: heldFor(BID),
  action: 'accept',
  newSlotId: undefined,
  newSlot: null,
  chatExists: false,
  now: NOW,
  settings: SETTINGS,
  ...extra,
});

describe('booking ids', () => {
  it('are deterministic per (student, counselor, slot, attempt) and differ between attempts', () => {
    assert.equal(bookingIdFor('stu1', 'cou1', 's1', 0), bookingIdFor('stu1', 'cou1', 's1', 0));
    assert.notEqual(bookingIdFor('stu1', 'cou1', 's1', 0), bookingIdFor('stu1', 'cou1', 's1', 1));
    assert.notEqual(bookingIdFor('stu1', 'cou1', 's1', 0), bookingIdFor('stu2', 'cou1', 's1', 0));
    assert.match(bookingIdFor('stu1', 'cou1', 's1', 0), /^bk-[0-9a-f]{32}$/);
    assert.match(chatIdForBooking(BID), /^cc-[0-9a-f]{32}$/);
  });
});

describe('bookingSettings', () => {
  it('reads hold and cut-off from config/app (defaults when absent)', () => {
    assert.deepEqual(bookingSettings(appConfigSchema.parse({})), { holdMinutes: 120, cancelCutoffMinutes: 120 });
    const cfg = appConfigSchema.parse({ booking: { holdMinutes: 30, cancelCutoffMinutes: 1440 } });
    assert.deepEqual(bookingSettings(cfg), { holdMinutes: 30, cancelCutoffMinutes: 1440 });
  });

  it('refuses while the booking flag is off', () => {
    const cfg = appConfigSchema.parse({ flags: { enforceAppCheck: false, modelScreening: true, modelReplies: true, forum: true, peerCircles: true, booking: false } });
    fails(() => bookingSettings(cfg), 'failed-precondition', 'booking/disabled');
  });
});

describe('chooseAttempt', () => {
  it('takes the first free attempt; an expired, cancelled or moved booking frees the next one', () => {
    assert.equal(chooseAttempt([null], 'cou1', 's1', 3), 0);
    assert.equal(chooseAttempt([booking({ status: 'expired' }), null], 'cou1', 's1', 3), 1);
    assert.equal(chooseAttempt([booking({ status: 'cancelled' }), booking({ status: 'expired' }), null], 'cou1', 's1', 3), 2);
    assert.equal(chooseAttempt([booking({ status: 'confirmed', slotId: 's9' }), null], 'cou1', 's1', 3), 1);
  });

  it('an active booking of the same slot is a duplicate (already-exists)', () => {
    for (const status of ['requested', 'rescheduled', 'confirmed'] as const) {
      fails(() => chooseAttempt([booking({ status }), null], 'cou1', 's1', 3), 'already-exists', 'booking/duplicate');
    }
  });

  it('a slot the counselor declined is not requested again; attempts run out', () => {
    fails(() => chooseAttempt([booking({ status: 'rejected' }), null], 'cou1', 's1', 3), 'failed-precondition', 'booking/declined');
    const used = [booking({ status: 'expired' }), booking({ status: 'cancelled' }), booking({ status: 'expired' })];
    fails(() => chooseAttempt(used, 'cou1', 's1', 3), 'failed-precondition', 'booking/too-many-attempts');
  });
});

describe('planRequest', () => {
  it('holds the open slot and creates the booking requested', () => {
    const t = planRequest(requestFacts({ reason: 'exam stress' }));
    assert.equal(t.from, null);
    assert.equal(t.actor, 'student');
    assert.equal(t.booking.status, 'requested');
    assert.equal(t.booking.studentUid, 'stu1');
    assert.equal(t.booking.orgId, 'org-a');
    assert.equal(t.booking.reason, 'exam stress');
    assert.equal(t.booking.start.toMillis(), NOW + 24 * HOUR);
    assert.equal(t.booking.holdExpiresAt?.toMillis(), NOW + 120 * MIN);
    assert.deepEqual(t.booking.history.map((h) => [h.status, h.by]), [['requested', 'stu1']]);
    assert.equal(t.slots.length, 1);
    const held = t.slots[0]?.slot;
    assert.equal(held?.status, 'held');
    assert.equal(held?.heldBy, 'stu1');
    assert.equal(held?.bookingId, BID);
    assert.equal(held?.holdExpiresAt?.toMillis(), NOW + 120 * MIN);
    assert.equal(t.chat, null);
  });

  it('never holds past the session start', () => {
    const t = planRequest(requestFacts({ slot: slot(30 * MIN) }));
    assert.equal(t.booking.holdExpiresAt?.toMillis(), NOW + 30 * MIN);
    assert.equal(holdExpiry(NOW, ts(NOW + 10 * HOUR), SETTINGS).toMillis(), NOW + 2 * HOUR);
  });

  it('refuses with clear codes: no counselor, other org, inactive, no slot, past, taken, own hold', () => {
    fails(() => planRequest(requestFacts({ counselor: null })), 'not-found', 'booking/counselor-not-found');
    fails(() => planRequest(requestFacts({ counselor: { ...counselor, orgId: 'org-b' } })), 'permission-denied', 'booking/other-org');
    fails(() => planRequest(requestFacts({ counselor: { ...counselor, active: false } })), 'failed-precondition', 'booking/counselor-inactive');
    fails(() => planRequest(requestFacts({ slot: null })), 'not-found', 'booking/slot-not-found');
    fails(() => planRequest(requestFacts({ slot: slot(-HOUR) })), 'failed-precondition', 'booking/slot-past');
    fails(() => planRequest(requestFacts({ slot: slot(0) })), 'failed-precondition', 'booking/slot-past');
    fails(() => planRequest(requestFacts({ slot: heldFor('bk-other', 24 * HOUR, 'stu2') })), 'failed-precondition', 'booking/slot-taken');
    fails(() => planRequest(requestFacts({ slot: slot(24 * HOUR, { status: 'booked', heldBy: 'stu2', bookingId: 'x' }) })), 'failed-precondition', 'booking/slot-taken');
    fails(() => planRequest(requestFacts({ slot: heldFor('bk-moved') })), 'already-exists', 'booking/duplicate');
  });

  it('one active booking per counselor at a time: a pending or confirmed session still ahead refuses another slot', () => {
    const other = (extra: Partial<Booking>) => booking({ slotId: 's9', start: ts(NOW + 48 * HOUR), end: ts(NOW + 48 * HOUR + 50 * MIN), ...extra });
    for (const b of [other({}), other({ status: 'rescheduled' }), other({ status: 'confirmed', holdExpiresAt: null })]) {
      fails(() => planRequest(requestFacts({ withCounselor: [b] })), 'failed-precondition', 'booking/already-active');
    }
    // A confirmed session that is running now still counts until its end.
    const running = other({ status: 'confirmed', holdExpiresAt: null, start: ts(NOW - 10 * MIN), end: ts(NOW + 40 * MIN) });
    fails(() => planRequest(requestFacts({ withCounselor: [running] })), 'failed-precondition', 'booking/already-active');
  });

  it('bookings that no longer tie the student to the counselor do not block a new request', () => {
    const over = booking({ status: 'confirmed', holdExpiresAt: null, start: ts(NOW - 2 * HOUR), end: ts(NOW - HOUR) });
    const endsNow = booking({ status: 'confirmed', holdExpiresAt: null, start: ts(NOW - 50 * MIN), end: ts(NOW) });
    const lapsed = booking({ status: 'requested', holdExpiresAt: ts(NOW - MIN) });
    const lapsedNow = booking({ status: 'rescheduled', holdExpiresAt: ts(NOW) });
    const closedOnes = (['cancelled', 'rejected', 'expired', 'completed', 'no-show'] as const).map((status) => booking({ status, holdExpiresAt: null }));
    for (const b of [over, endsNow, lapsed, lapsedNow, ...closedOnes]) assert.equal(blocksNewRequest(b, NOW), false, `${b.status} ${b.end.toDate().toISOString()}`);
    const t = planRequest(requestFacts({ withCounselor: [over, lapsed, ...closedOnes] }));
    assert.equal(t.booking.status, 'requested');
    assert.equal(blocksNewRequest(booking({ status: 'requested', holdExpiresAt: ts(NOW + MIN) }), NOW), true);
  });

  it('a retried request of the same slot is still a duplicate (already-exists), not already-active', () => {
    fails(() => planRequest(requestFacts({ slot: heldFor(BID), withCounselor: [booking()] })), 'already-exists', 'booking/duplicate');
  });
});

describe('slots without createdAt', () => {
  const keys = (v: Slot | undefined) => Object.keys(v ?? {}).sort();

  it('are held by a request; the slot written has no createdAt key (nothing invented, no undefined)', () => {
    const t = planRequest(requestFacts({ slot: bareSlot() }));
    const held = t.slots[0]?.slot;
    assert.equal(held?.status, 'held');
    assert.deepEqual(keys(held), ['bookingId', 'end', 'heldBy', 'holdExpiresAt', 'start', 'status']);
  });

  it('are booked, released and moved to without gaining createdAt; a slot that has one keeps it', () => {
    const heldBare = bareSlot(24 * HOUR, { status: 'held', heldBy: 'stu1', bookingId: BID, holdExpiresAt: ts(NOW + HOUR) });
    const accepted = planRespond(respondFacts({ slot: heldBare }));
    assert.equal(accepted?.slots[0]?.slot.status, 'booked');
    assert.equal(accepted?.slots[0]?.slot.createdAt, undefined);
    const rejected = planRespond(respondFacts({ action: 'reject', slot: heldBare }));
    assert.equal(rejected?.slots[0]?.slot.status, 'open');
    assert.ok(!('createdAt' in (rejected?.slots[0]?.slot ?? {})));
    const moved = planRespond(respondFacts({ action: 'reschedule', slot: heldBare, newSlotId: 's2', newSlot: bareSlot(48 * HOUR) }));
    assert.deepEqual(moved?.slots.map((w) => [w.slotId, w.slot.status, 'createdAt' in w.slot]), [['s1', 'open', false], ['s2', 'held', false]]);
    assert.equal(planRequest(requestFacts()).slots[0]?.slot.createdAt?.toMillis(), NOW - 48 * HOUR);
  });
});

describe('planRespond: accept', () => {
  it('the counselor confirms a request: slot booked, counselor chat opened with a deterministic id', () => {
    const t = planRespond(respondFacts());
    assert.ok(t);
    assert.equal(t.from, 'requested');
    assert.equal(t.booking.status, 'confirmed');
    assert.equal(t.booking.holdExpiresAt, null);
    assert.equal(t.booking.chatId, chatIdForBooking(BID));
    assert.deepEqual(t.booking.history.map((h) => [h.status, h.by]), [['requested', 'stu1'], ['confirmed', 'cou1']]);
    assert.equal(t.slots[0]?.slot.status, 'booked');
    assert.equal(t.slots[0]?.slot.bookingId, BID);
    assert.equal(t.slots[0]?.slot.holdExpiresAt, null);
    assert.equal(t.chat?.id, chatIdForBooking(BID));
    assert.deepEqual(
      { kind: t.chat?.chat.kind, studentUid: t.chat?.chat.studentUid, counselorUid: t.chat?.chat.counselorUid, bookingId: t.chat?.chat.bookingId, status: t.chat?.chat.status },
      { kind: 'counselor', studentUid: 'stu1', counselorUid: 'cou1', bookingId: BID, status: 'open' },
    );
  });

  it('keeps an existing chat; accepting a confirmed booking again changes nothing', () => {
    assert.equal(planRespond(respondFacts({ chatExists: true }))?.chat, null);
    assert.equal(planRespond(respondFacts({ booking: booking({ status: 'confirmed', holdExpiresAt: null }) })), null);
  });

  it('the student answers a rescheduled booking; the counselor answers a requested one', () => {
    const t = planRespond(respondFacts({ callerUid: 'stu1', booking: booking({ status: 'rescheduled' }) }));
    assert.equal(t?.booking.status, 'confirmed');
    assert.equal(t?.actor, 'student');
    fails(() => planRespond(respondFacts({ callerUid: 'stu1' })), 'permission-denied', 'booking/counselor-answers');
    fails(() => planRespond(respondFacts({ booking: booking({ status: 'rescheduled' }) })), 'failed-precondition', 'booking/student-answers');
  });

  it('refuses an expired hold, a lost slot, a stranger, a missing, closed or started booking', () => {
    fails(() => planRespond(respondFacts({ now: NOW + HOUR })), 'failed-precondition', 'booking/hold-expired');
    fails(() => planRespond(respondFacts({ slot: slot() })), 'failed-precondition', 'booking/slot-lost');
    fails(() => planRespond(respondFacts({ slot: heldFor('bk-other') })), 'failed-precondition', 'booking/slot-lost');
    fails(() => planRespond(respondFacts({ callerUid: 'someone' })), 'permission-denied', 'booking/not-participant');
    fails(() => planRespond(respondFacts({ booking: null })), 'not-found', 'booking/not-found');
    for (const status of ['cancelled', 'rejected', 'expired', 'completed', 'no-show'] as const) {
      fails(() => planRespond(respondFacts({ booking: booking({ status }) })), 'failed-precondition', 'booking/closed');
    }
    fails(() => planRespond(respondFacts({ now: NOW + 25 * HOUR, booking: booking({ holdExpiresAt: null }) })), 'failed-precondition', 'booking/started');
  });
});

describe('planRespond: reject', () => {
  it('the counselor rejects a request: slot open again', () => {
    const t = planRespond(respondFacts({ action: 'reject' }));
    assert.equal(t?.booking.status, 'rejected');
    assert.equal(t?.booking.holdExpiresAt, null);
    assert.deepEqual(t?.slots.map((s) => [s.slotId, s.slot.status, s.slot.heldBy, s.slot.bookingId, s.slot.holdExpiresAt]), [['s1', 'open', null, null, null]]);
  });

  it('the student declines a proposed time; nobody rejects a confirmed booking', () => {
    const t = planRespond(respondFacts({ action: 'reject', callerUid: 'stu1', booking: booking({ status: 'rescheduled' }) }));
    assert.equal(t?.booking.status, 'rejected');
    assert.equal(t?.slots[0]?.slot.status, 'open');
    fails(() => planRespond(respondFacts({ action: 'reject', booking: booking({ status: 'confirmed' }) })), 'failed-precondition', 'booking/already-confirmed');
  });

  it('does not touch a slot that no longer belongs to the booking', () => {
    const t = planRespond(respondFacts({ action: 'reject', slot: heldFor('bk-other', 24 * HOUR, 'stu2') }));
    assert.deepEqual(t?.slots, []);
  });
});

describe('planRespond: reschedule', () => {
  const newSlot = slot(48 * HOUR);

  it('moves a request to a new slot: new slot held, old slot open, booking rescheduled', () => {
    const t = planRespond(respondFacts({ action: 'reschedule', newSlotId: 's2', newSlot }));
    assert.ok(t);
    assert.equal(t.booking.status, 'rescheduled');
    assert.equal(t.booking.slotId, 's2');
    assert.equal(t.booking.start.toMillis(), NOW + 48 * HOUR);
    assert.equal(t.booking.holdExpiresAt?.toMillis(), NOW + 2 * HOUR);
    assert.equal(t.previousStart?.toMillis(), NOW + 24 * HOUR);
    assert.deepEqual(t.slots.map((s) => [s.slotId, s.slot.status, s.slot.heldBy ?? null]), [['s1', 'open', null], ['s2', 'held', 'stu1']]);
    assert.equal(t.slots[1]?.slot.bookingId, BID);
  });

  it('moves a confirmed booking too (its booked slot is released)', () => {
    const t = planRespond(respondFacts({ action: 'reschedule', newSlotId: 's2', newSlot, booking: booking({ status: 'confirmed', holdExpiresAt: null, chatId: 'c1' }), slot: slot(24 * HOUR, { status: 'booked', heldBy: 'stu1', bookingId: BID }) }));
    assert.equal(t?.booking.status, 'rescheduled');
    assert.equal(t?.booking.chatId, 'c1');
    assert.deepEqual(t?.slots.map((s) => [s.slotId, s.slot.status]), [['s1', 'open'], ['s2', 'held']]);
  });

  it('needs the counselor, a new open future slot of theirs', () => {
    fails(() => planRespond(respondFacts({ action: 'reschedule', callerUid: 'stu1', newSlotId: 's2', newSlot })), 'permission-denied', 'booking/counselor-reschedules');
    fails(() => planRespond(respondFacts({ action: 'reschedule' })), 'invalid-argument', 'booking/new-slot-required');
    fails(() => planRespond(respondFacts({ action: 'reschedule', newSlotId: 's1', newSlot })), 'invalid-argument', 'booking/same-slot');
    fails(() => planRespond(respondFacts({ action: 'reschedule', newSlotId: 's2', newSlot: null })), 'not-found', 'booking/slot-not-found');
    fails(() => planRespond(respondFacts({ action: 'reschedule', newSlotId: 's2', newSlot: slot(-HOUR) })), 'failed-precondition', 'booking/slot-past');
    fails(() => planRespond(respondFacts({ action: 'reschedule', newSlotId: 's2', newSlot: heldFor('x', 48 * HOUR, 'stu2') })), 'failed-precondition', 'booking/slot-taken');
  });
});

describe('planCancel', () => {
  const cancel = (extra: Partial<Parameters<typeof planCancel>[0]> = {}) =>
    planCancel({ callerUid: 'stu1', bookingId: BID, booking: booking(), slot: heldFor(BID), reason: undefined, now: NOW, settings: SETTINGS, ...extra });
  const confirmed = booking({ status: 'confirmed', holdExpiresAt: null, start: ts(NOW + HOUR), end: ts(NOW + 2 * HOUR) });
  const bookedSlot = slot(HOUR, { status: 'booked', heldBy: 'stu1', bookingId: BID });

  it('either side cancels; the slot opens again; the reason goes into the history note', () => {
    const t = cancel({ reason: 'feeling better' });
    assert.equal(t.booking.status, 'cancelled');
    assert.equal(t.actor, 'student');
    assert.equal(t.booking.history.at(-1)?.note, 'feeling better');
    assert.equal(t.slots[0]?.slot.status, 'open');
    assert.equal(cancel({ callerUid: 'cou1' }).actor, 'counselor');
  });

  it('a pending request can be withdrawn right up to the start', () => {
    const t = cancel({ booking: booking({ start: ts(NOW + 10 * MIN) }), slot: heldFor(BID, 10 * MIN) });
    assert.equal(t.booking.status, 'cancelled');
  });

  it('the student cannot cancel a confirmed session inside the cut-off; the counselor can', () => {
    fails(() => cancel({ booking: confirmed, slot: bookedSlot }), 'failed-precondition', 'booking/cancel-too-late');
    assert.match(
      (() => {
        try {
          cancel({ booking: confirmed, slot: bookedSlot });
          return '';
        } catch (e) {
          return e instanceof Error ? e.message : '';
        }
      })(),
      /up to 2 hours before/,
    );
    const early = cancel({ booking: confirmed, slot: bookedSlot, now: NOW - 2 * HOUR });
    assert.equal(early.booking.status, 'cancelled');
    const byCounselor = cancel({ callerUid: 'cou1', booking: confirmed, slot: bookedSlot });
    assert.equal(byCounselor.booking.status, 'cancelled');
    assert.equal(byCounselor.slots[0]?.slot.status, 'open');
  });

  it('refuses after the start, for a closed booking, a stranger or a missing booking', () => {
    fails(() => cancel({ callerUid: 'cou1', booking: confirmed, now: NOW + HOUR }), 'failed-precondition', 'booking/started');
    fails(() => cancel({ booking: booking({ status: 'cancelled' }) }), 'failed-precondition', 'booking/closed');
    fails(() => cancel({ callerUid: 'stu2' }), 'permission-denied', 'booking/not-participant');
    fails(() => cancel({ booking: null }), 'not-found', 'booking/not-found');
  });
});

describe('planExpire', () => {
  it('expires a pending booking whose hold lapsed and opens its slot', () => {
    for (const status of ['requested', 'rescheduled'] as const) {
      const t = planExpire(BID, booking({ status }), heldFor(BID), NOW + HOUR);
      assert.equal(t?.booking.status, 'expired');
      assert.equal(t?.booking.holdExpiresAt, null);
      assert.equal(t?.actor, 'system');
      assert.equal(t?.booking.history.at(-1)?.by, 'system');
      assert.equal(t?.slots[0]?.slot.status, 'open');
    }
  });

  it('leaves alone a hold not yet due, an answered booking and a missing one', () => {
    assert.equal(planExpire(BID, booking(), heldFor(BID), NOW + HOUR - 1), null);
    assert.equal(planExpire(BID, booking({ status: 'confirmed', holdExpiresAt: null }), heldFor(BID), NOW + 2 * HOUR), null);
    assert.equal(planExpire(BID, booking({ status: 'confirmed' }), heldFor(BID), NOW + 2 * HOUR), null);
    assert.equal(planExpire(BID, null, null, NOW + 2 * HOUR), null);
  });
});

describe('history', () => {
  it('keeps the first entry and the newest ones within the schema limit', () => {
    const long = Array.from({ length: 50 }, (_, i) => ({ status: 'rescheduled' as const, at: ts(NOW - 1000 + i), by: 'cou1' }));
    const b = booking({ status: 'rescheduled', history: [{ status: 'requested', at: ts(NOW - 2000), by: 'stu1' }, ...long.slice(1)] });
    const t = planCancel({ callerUid: 'stu1', bookingId: BID, booking: b, slot: null, reason: undefined, now: NOW, settings: SETTINGS });
    assert.equal(t.booking.history.length, 50);
    assert.equal(t.booking.history[0]?.status, 'requested');
    assert.equal(t.booking.history.at(-1)?.status, 'cancelled');
  });
});
