/**
 * The booking state machine, without I/O (see ./README.md). Each `plan…` function takes the documents a
 * transaction has just read and the current time, and either throws a `DomainError` with a stable code and a
 * clear message, or returns the complete documents to write: the booking, the slots it holds or releases,
 * and the counselor chat a confirmation opens. Nothing is written unless the whole plan is.
 */
import { Timestamp } from 'firebase-admin/firestore';
import type { AppConfig, Booking, BookingMode, BookingStatus, Chat, Counselor, Slot } from '../../model/schemas';
import { DomainError, errors } from '../../platform/errors';
import { chatIdForBooking } from './ids';

export type Side = 'student' | 'counselor';
/** Who caused a step: one side of the booking, or the hold expiry. */
export type Actor = Side | 'system';

/** Waiting for an answer: the slot is `held` until the hold expires. */
export const PENDING_STATUSES = ['requested', 'rescheduled'] as const satisfies readonly BookingStatus[];
/** Still going to happen (pending or confirmed): holds or books a slot. */
export const ACTIVE_STATUSES = ['requested', 'rescheduled', 'confirmed'] as const satisfies readonly BookingStatus[];

export const RESPOND_ACTIONS = ['accept', 'reject', 'reschedule'] as const;
export type RespondAction = (typeof RESPOND_ACTIONS)[number];

/** Actor uid recorded in history for steps nobody took (hold expiry). */
export const SYSTEM_ACTOR = 'system';
/** Longest booking history kept: the first entry and the newest ones. */
const MAX_HISTORY = 50;

export interface BookingSettings {
  holdMinutes: number;
  cancelCutoffMinutes: number;
}

/** The booking settings of `config/app`; throws `booking/disabled` while the feature flag is off. */
export function bookingSettings(config: AppConfig): BookingSettings {
  if (!config.flags.booking) {
    throw errors.failedPrecondition('booking/disabled', 'Counselor booking is switched off for now. Please try again later.');
  }
  return { holdMinutes: config.booking.holdMinutes, cancelCutoffMinutes: config.booking.cancelCutoffMinutes };
}

export function isPending(status: BookingStatus): boolean {
  return (PENDING_STATUSES as readonly BookingStatus[]).includes(status);
}

export function isActive(status: BookingStatus): boolean {
  return (ACTIVE_STATUSES as readonly BookingStatus[]).includes(status);
}

export interface SlotWrite {
  counselorUid: string;
  slotId: string;
  slot: Slot;
}

/** The step a plan takes: everything to write, and what the notifications need to know. */
export interface Transition {
  bookingId: string;
  /** The complete booking after the step. */
  booking: Booking;
  /** Status before the step (null for a new request). */
  from: BookingStatus | null;
  actor: Actor;
  slots: SlotWrite[];
  /** The counselor chat to create (a confirmation whose chat does not exist yet). */
  chat: { id: string; chat: Chat } | null;
  /** Start of the booking before a reschedule. */
  previousStart: Timestamp | null;
}

const at = (ms: number) => Timestamp.fromMillis(ms);

function sideOf(booking: Booking, uid: string): Side {
  if (uid === booking.counselorUid) return 'counselor';
  if (uid === booking.studentUid) return 'student';
  throw errors.permissionDenied('booking/not-participant', 'Only the student and the counselor of this booking can change it.');
}

function closed(booking: Booking): DomainError {
  return errors.failedPrecondition('booking/closed', `This booking is already ${booking.status}; it cannot be changed any more.`);
}

/** Appends a history entry, keeping the first entry and the newest ones within the schema's limit. */
function withHistory(booking: Booking, entry: Booking['history'][number]): Booking['history'] {
  const history = [...booking.history, entry];
  return history.length <= MAX_HISTORY ? history : [...history.slice(0, 1), ...history.slice(history.length - MAX_HISTORY + 1)];
}

/** When a hold taken now lapses: after the configured minutes, and never after the session starts. */
export function holdExpiry(now: number, start: Timestamp, settings: BookingSettings): Timestamp {
  return at(Math.min(now + settings.holdMinutes * 60_000, start.toMillis()));
}

/**
 * What a slot keeps through every status change: its times, and its `createdAt` when it has one (a client may
 * create a slot without it; the key is then left out, never written as undefined or invented).
 */
function slotBase(slot: Slot): Pick<Slot, 'start' | 'end' | 'createdAt'> {
  return { start: slot.start, end: slot.end, ...(slot.createdAt === undefined ? {} : { createdAt: slot.createdAt }) };
}

function heldSlot(slot: Slot, studentUid: string, bookingId: string, holdExpiresAt: Timestamp): Slot {
  return { ...slotBase(slot), status: 'held', heldBy: studentUid, holdExpiresAt, bookingId };
}

function openSlot(slot: Slot): Slot {
  return { ...slotBase(slot), status: 'open', heldBy: null, holdExpiresAt: null, bookingId: null };
}

/** The slot back to `open`, when it is still held or booked for this booking (otherwise nothing to release). */
function release(counselorUid: string, slotId: string, slot: Slot | null, bookingId: string): SlotWrite[] {
  if (!slot || slot.status === 'open' || slot.bookingId !== bookingId) return [];
  return [{ counselorUid, slotId, slot: openSlot(slot) }];
}

function assertBookable(slot: Slot, now: number): void {
  if (slot.start.toMillis() <= now) {
    throw errors.failedPrecondition('booking/slot-past', 'This slot has already started or passed. Please choose a later time.');
  }
  if (slot.status !== 'open') {
    throw errors.failedPrecondition('booking/slot-taken', 'This slot has just been taken by someone else. Please choose another time.');
  }
}

// ---------------------------------------------------------------------------------------------------------
// requestBooking
// ---------------------------------------------------------------------------------------------------------

/**
 * Which request attempt this is, from the bookings already stored under the attempt ids (in order, up to and
 * including the first that does not exist). An active booking of this slot by this student is a duplicate
 * (`already-exists`); a request the counselor declined is not asked again.
 */
export function chooseAttempt(previous: ReadonlyArray<Booking | null>, counselorUid: string, slotId: string, maxAttempts: number): number {
  for (let attempt = 0; attempt < maxAttempts; attempt += 1) {
    const booking = previous[attempt];
    if (!booking) return attempt;
    const sameSlot = booking.counselorUid === counselorUid && booking.slotId === slotId;
    if (sameSlot && isActive(booking.status)) {
      throw errors.alreadyExists('booking/duplicate', 'You already have a booking for this slot.');
    }
    if (sameSlot && booking.status === 'rejected') {
      throw errors.failedPrecondition('booking/declined', 'The counselor could not take this time for you. Please choose another slot.');
    }
  }
  throw errors.failedPrecondition('booking/too-many-attempts', 'You have requested this slot too many times. Please choose another slot.');
}

/**
 * Whether a booking still ties its student to the counselor: active (requested, rescheduled, confirmed), not
 * over yet (`end` after now; this flow never marks a held session completed), and, while pending, its hold not
 * lapsed (such a request can no longer be accepted; the sweep is about to expire it).
 */
export function blocksNewRequest(booking: Booking, now: number): boolean {
  if (!isActive(booking.status) || booking.end.toMillis() <= now) return false;
  const hold = booking.holdExpiresAt;
  return !(isPending(booking.status) && hold && hold.toMillis() <= now);
}

export interface RequestFacts {
  student: { uid: string; orgId: string };
  counselorUid: string;
  slotId: string;
  mode: BookingMode;
  reason: string | undefined;
  counselor: Counselor | null;
  slot: Slot | null;
  bookingId: string;
  /**
   * The student's other bookings with this counselor that may still be active (the store's query; the plan
   * decides with `blocksNewRequest`).
   */
  withCounselor: readonly Booking[];
  now: number;
  settings: BookingSettings;
}

/**
 * A new request: checks the counselor and the slot, and that the student has no other active booking with
 * this counselor (one at a time), then holds the slot and creates the booking `requested`.
 */
export function planRequest(f: RequestFacts): Transition {
  if (!f.counselor) throw errors.notFound('booking/counselor-not-found', 'No counselor with that id.');
  if (f.counselor.orgId !== f.student.orgId) {
    throw errors.permissionDenied('booking/other-org', 'This counselor works with another institution; you can book counselors of your own.');
  }
  if (!f.counselor.active) {
    throw errors.failedPrecondition('booking/counselor-inactive', 'This counselor is not taking bookings right now.');
  }
  if (!f.slot) throw errors.notFound('booking/slot-not-found', 'No such slot for this counselor.');
  if (f.slot.status !== 'open' && f.slot.heldBy === f.student.uid) {
    throw errors.alreadyExists('booking/duplicate', 'You already have a booking for this slot.');
  }
  if (f.withCounselor.some((b) => blocksNewRequest(b, f.now))) {
    throw errors.failedPrecondition(
      'booking/already-active',
      'You already have a session with this counselor requested or booked. You can book another time once it is over, or cancel it first.',
    );
  }
  assertBookable(f.slot, f.now);
  const holdExpiresAt = holdExpiry(f.now, f.slot.start, f.settings);
  const booking: Booking = {
    studentUid: f.student.uid,
    counselorUid: f.counselorUid,
    orgId: f.student.orgId,
    slotId: f.slotId,
    start: f.slot.start,
    end: f.slot.end,
    mode: f.mode,
    status: 'requested',
    ...(f.reason ? { reason: f.reason } : {}),
    history: [{ status: 'requested', at: at(f.now), by: f.student.uid }],
    holdExpiresAt,
    createdAt: at(f.now),
    updatedAt: at(f.now),
  };
  return {
    bookingId: f.bookingId,
    booking,
    from: null,
    actor: 'student',
    slots: [{ counselorUid: f.counselorUid, slotId: f.slotId, slot: heldSlot(f.slot, f.student.uid, f.bookingId, holdExpiresAt) }],
    chat: null,
    previousStart: null,
  };
}

// ---------------------------------------------------------------------------------------------------------
// respondToBooking
// ---------------------------------------------------------------------------------------------------------

export interface RespondFacts {
  callerUid: string;
  bookingId: string;
  booking: Booking | null;
  /** The booking's current slot. */
  slot: Slot | null;
  action: RespondAction;
  newSlotId: string | undefined;
  /** The proposed slot (reschedule only). */
  newSlot: Slot | null;
  /** Whether the booking's counselor chat exists already (accept only). */
  chatExists: boolean;
  now: number;
  settings: BookingSettings;
}

/** The answer to a pending booking; `null` when it changes nothing (accepting a booking already confirmed). */
export function planRespond(f: RespondFacts): Transition | null {
  const booking = f.booking;
  if (!booking) throw errors.notFound('booking/not-found', 'No such booking.');
  const side = sideOf(booking, f.callerUid);
  if (f.action === 'accept' && booking.status === 'confirmed') return null;
  if (!isActive(booking.status)) throw closed(booking);
  if (booking.start.toMillis() <= f.now) {
    throw errors.failedPrecondition('booking/started', 'This session has already started; it can no longer be changed.');
  }
  if (f.action === 'reschedule') return planReschedule(f, booking, side);
  assertAnswerer(booking, side, f.action);
  if (booking.holdExpiresAt && booking.holdExpiresAt.toMillis() <= f.now && f.action === 'accept') {
    throw errors.failedPrecondition('booking/hold-expired', 'This request waited too long and has expired; the slot was released.');
  }
  return f.action === 'accept' ? planAccept(f, booking, side) : planReject(f, booking, side);
}

/** A requested booking is answered by the counselor; a rescheduled one by the student (who did not propose it). */
function assertAnswerer(booking: Booking, side: Side, action: 'accept' | 'reject'): void {
  if (booking.status === 'confirmed') {
    throw errors.failedPrecondition('booking/already-confirmed', 'This booking is already confirmed. To call it off, cancel it.');
  }
  if (booking.status === 'requested' && side !== 'counselor') {
    throw errors.permissionDenied('booking/counselor-answers', `Only the counselor can ${action} this request. You can cancel it instead.`);
  }
  if (booking.status === 'rescheduled' && side !== 'student') {
    throw errors.failedPrecondition('booking/student-answers', 'You proposed this new time; the student has to answer it. To call it off, cancel the booking.');
  }
}

function planAccept(f: RespondFacts, booking: Booking, side: Side): Transition {
  const slot = f.slot;
  if (!slot || slot.status !== 'held' || slot.bookingId !== f.bookingId) {
    throw errors.failedPrecondition('booking/slot-lost', 'The slot of this booking is no longer held for it. Please book another time.');
  }
  const chatId = chatIdForBooking(f.bookingId);
  const next: Booking = {
    ...booking,
    status: 'confirmed',
    holdExpiresAt: null,
    chatId,
    history: withHistory(booking, { status: 'confirmed', at: at(f.now), by: f.callerUid }),
    updatedAt: at(f.now),
  };
  const chat: Chat = {
    kind: 'counselor',
    studentUid: booking.studentUid,
    counselorUid: booking.counselorUid,
    orgId: booking.orgId,
    bookingId: f.bookingId,
    status: 'open',
    createdAt: at(f.now),
    lastMessageAt: at(f.now),
  };
  return {
    bookingId: f.bookingId,
    booking: next,
    from: booking.status,
    actor: side,
    slots: [{ counselorUid: booking.counselorUid, slotId: booking.slotId, slot: { ...slot, status: 'booked', holdExpiresAt: null } }],
    chat: f.chatExists ? null : { id: chatId, chat },
    previousStart: null,
  };
}

function planReject(f: RespondFacts, booking: Booking, side: Side): Transition {
  const next: Booking = {
    ...booking,
    status: 'rejected',
    holdExpiresAt: null,
    history: withHistory(booking, { status: 'rejected', at: at(f.now), by: f.callerUid }),
    updatedAt: at(f.now),
  };
  return {
    bookingId: f.bookingId,
    booking: next,
    from: booking.status,
    actor: side,
    slots: release(booking.counselorUid, booking.slotId, f.slot, f.bookingId),
    chat: null,
    previousStart: null,
  };
}

/** The counselor moves a pending or confirmed booking to another of their open slots; the student answers. */
function planReschedule(f: RespondFacts, booking: Booking, side: Side): Transition {
  if (side !== 'counselor') {
    throw errors.permissionDenied('booking/counselor-reschedules', 'Only the counselor can propose a new time. You can cancel and book another slot.');
  }
  if (!f.newSlotId) throw errors.invalidArgument('booking/new-slot-required', 'Choose the new slot (newSlotId) to reschedule to.');
  if (f.newSlotId === booking.slotId) throw errors.invalidArgument('booking/same-slot', 'The new slot is the one already booked. Choose another slot.');
  if (!f.newSlot) throw errors.notFound('booking/slot-not-found', 'No such slot for this counselor.');
  assertBookable(f.newSlot, f.now);
  const holdExpiresAt = holdExpiry(f.now, f.newSlot.start, f.settings);
  const next: Booking = {
    ...booking,
    slotId: f.newSlotId,
    start: f.newSlot.start,
    end: f.newSlot.end,
    status: 'rescheduled',
    holdExpiresAt,
    history: withHistory(booking, { status: 'rescheduled', at: at(f.now), by: f.callerUid }),
    updatedAt: at(f.now),
  };
  return {
    bookingId: f.bookingId,
    booking: next,
    from: booking.status,
    actor: side,
    slots: [
      ...release(booking.counselorUid, booking.slotId, f.slot, f.bookingId),
      { counselorUid: booking.counselorUid, slotId: f.newSlotId, slot: heldSlot(f.newSlot, booking.studentUid, f.bookingId, holdExpiresAt) },
    ],
    chat: null,
    previousStart: booking.start,
  };
}

// ---------------------------------------------------------------------------------------------------------
// cancelBooking
// ---------------------------------------------------------------------------------------------------------

export interface CancelFacts {
  callerUid: string;
  bookingId: string;
  booking: Booking | null;
  slot: Slot | null;
  reason: string | undefined;
  now: number;
  settings: BookingSettings;
}

/**
 * Either side calls a booking off before it starts. A pending request can be withdrawn at any time before the
 * start; a confirmed session can be cancelled by the student only until the cut-off before the start (later,
 * they message the counselor in the booking chat), by the counselor until the start.
 */
export function planCancel(f: CancelFacts): Transition {
  const booking = f.booking;
  if (!booking) throw errors.notFound('booking/not-found', 'No such booking.');
  const side = sideOf(booking, f.callerUid);
  if (!isActive(booking.status)) throw closed(booking);
  const untilStart = booking.start.toMillis() - f.now;
  if (untilStart <= 0) throw errors.failedPrecondition('booking/started', 'This session has already started; it can no longer be cancelled.');
  if (booking.status === 'confirmed' && side === 'student' && untilStart < f.settings.cancelCutoffMinutes * 60_000) {
    throw errors.failedPrecondition(
      'booking/cancel-too-late',
      `Sessions can be cancelled up to ${cutoffText(f.settings.cancelCutoffMinutes)} before they start. Please message your counselor in your booking chat instead.`,
    );
  }
  const next: Booking = {
    ...booking,
    status: 'cancelled',
    holdExpiresAt: null,
    history: withHistory(booking, { status: 'cancelled', at: at(f.now), by: f.callerUid, ...(f.reason ? { note: f.reason } : {}) }),
    updatedAt: at(f.now),
  };
  return {
    bookingId: f.bookingId,
    booking: next,
    from: booking.status,
    actor: side,
    slots: release(booking.counselorUid, booking.slotId, f.slot, f.bookingId),
    chat: null,
    previousStart: null,
  };
}

function cutoffText(minutes: number): string {
  if (minutes % 60 === 0) return minutes === 60 ? '1 hour' : `${String(minutes / 60)} hours`;
  return minutes === 1 ? '1 minute' : `${String(minutes)} minutes`;
}

// ---------------------------------------------------------------------------------------------------------
// expireHolds
// ---------------------------------------------------------------------------------------------------------

/** A pending booking whose hold has lapsed becomes `expired` and frees its slot; `null` when nothing is due. */
export function planExpire(bookingId: string, booking: Booking | null, slot: Slot | null, now: number): Transition | null {
  if (!booking || !isPending(booking.status) || !booking.holdExpiresAt || booking.holdExpiresAt.toMillis() > now) return null;
  const next: Booking = {
    ...booking,
    status: 'expired',
    holdExpiresAt: null,
    history: withHistory(booking, { status: 'expired', at: at(now), by: SYSTEM_ACTOR }),
    updatedAt: at(now),
  };
  return {
    bookingId,
    booking: next,
    from: booking.status,
    actor: 'system',
    slots: release(booking.counselorUid, booking.slotId, slot, bookingId),
    chat: null,
    previousStart: null,
  };
}
