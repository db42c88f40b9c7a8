/**
 * Booking handlers: the callables `requestBooking`, `respondToBooking`, `cancelBooking` and the scheduled
 * `expireHolds`. Each reads what it needs in one transaction, lets the state machine (machine.ts) decide, writes
 * the complete plan in that transaction, and only then tells both sides through the notifier. A notification
 * that fails is logged and never undoes a step that happened.
 */
import { z } from 'zod';
import { paths } from '../../model/paths';
import { BOOKING_MODES, idSchema, uidSchema, type UserProfile } from '../../model/schemas';
import { notifyUser, recipientFromProfile, type NotifyDeps } from '../../notify';
import type { Caller } from '../../platform/callable';
import { errors } from '../../platform/errors';
import { bookingEvents } from './events';
import { bookingIdFor, chatIdForBooking, MAX_REQUEST_ATTEMPTS, notifyKey } from './ids';
import {
  bookingSettings,
  chooseAttempt,
  planCancel,
  planExpire,
  planRequest,
  planRespond,
  RESPOND_ACTIONS,
  type Side,
  type Transition,
} from './machine';
import { bookingMessage, formatSessionTime, type BookingStep } from './messages';
import type { BookingStore, BookingTx, HoldCursor } from './repository';

export interface BookingDeps {
  store: BookingStore;
  notify: NotifyDeps;
  /** Epoch ms. */
  now: () => number;
}

const reasonSchema = z
  .string()
  .trim()
  .max(500, 'must be at most 500 characters')
  .optional()
  .transform((r) => (r === '' ? undefined : r));

export const requestBookingInput = z
  .object({
    counselorUid: uidSchema,
    slotId: idSchema,
    mode: z.enum(BOOKING_MODES),
    reason: reasonSchema,
  })
  .strict();
export type RequestBookingInput = z.output<typeof requestBookingInput>;

export const respondToBookingInput = z
  .object({
    bookingId: idSchema,
    action: z.enum(RESPOND_ACTIONS),
    newSlotId: idSchema.optional(),
  })
  .strict();
export type RespondToBookingInput = z.output<typeof respondToBookingInput>;

export const cancelBookingInput = z
  .object({
    bookingId: idSchema,
    reason: reasonSchema,
  })
  .strict();
export type CancelBookingInput = z.output<typeof cancelBookingInput>;

/** What the callables answer: the booking's id and where it stands now. */
export interface BookingResult {
  bookingId: string;
  status: string;
  slotId: string;
  start: string;
  holdExpiresAt: string | null;
  chatId: string | null;
}

function resultOf(bookingId: string, booking: Transition['booking']): BookingResult {
  return {
    bookingId,
    status: booking.status,
    slotId: booking.slotId,
    start: booking.start.toDate().toISOString(),
    holdExpiresAt: booking.holdExpiresAt ? booking.holdExpiresAt.toDate().toISOString() : null,
    chatId: booking.chatId ?? null,
  };
}

/** Writes a plan inside the transaction it was made in. */
function apply(tx: BookingTx, t: Transition): void {
  if (t.from === null) tx.createBooking(t.bookingId, t.booking);
  else tx.setBooking(t.bookingId, t.booking);
  for (const s of t.slots) tx.setSlot(s.counselorUid, s.slotId, s.slot);
  if (t.chat) tx.createChat(t.chat.id, t.chat.chat);
}

interface Committed {
  transition: Transition;
  counselorName: string;
}

/** The counselor's display name for notifications ('' when the profile is gone; the texts then say "your counselor"). */
async function counselorName(tx: BookingTx, uid: string): Promise<string> {
  return (await tx.counselor(uid))?.displayName ?? '';
}

export async function requestBooking(deps: BookingDeps, input: RequestBookingInput, caller: Caller): Promise<BookingResult> {
  if (caller.role !== 'student') throw errors.permissionDenied('booking/students-only', 'Only students can book counselor sessions.');
  if (!caller.orgId) throw errors.failedPrecondition('booking/no-org', 'Your account is not set up with an institution yet. Please sign in again.');
  const student = { uid: caller.uid, orgId: caller.orgId };
  const settings = bookingSettings(await deps.store.appConfig());
  const now = deps.now();
  const done = await deps.store.transact(async (tx): Promise<Committed> => {
    const counselor = await tx.counselor(input.counselorUid);
    const slot = await tx.slot(input.counselorUid, input.slotId);
    const previous = [];
    for (let attempt = 0; attempt < MAX_REQUEST_ATTEMPTS; attempt += 1) {
      const booking = await tx.booking(bookingIdFor(student.uid, input.counselorUid, input.slotId, attempt));
      previous.push(booking);
      if (!booking) break;
    }
    const attempt = chooseAttempt(previous, input.counselorUid, input.slotId, MAX_REQUEST_ATTEMPTS);
    const withCounselor = await tx.activeBookingsWith(student.uid, input.counselorUid, now);
    const transition = planRequest({
      student,
      counselorUid: input.counselorUid,
      slotId: input.slotId,
      mode: input.mode,
      reason: input.reason,
      counselor,
      slot,
      bookingId: bookingIdFor(student.uid, input.counselorUid, input.slotId, attempt),
      withCounselor,
      now,
      settings,
    });
    apply(tx, transition);
    return { transition, counselorName: counselor?.displayName ?? '' };
  });
  await announce(deps, done);
  return resultOf(done.transition.bookingId, done.transition.booking);
}

export async function respondToBooking(deps: BookingDeps, input: RespondToBookingInput, caller: Caller): Promise<BookingResult> {
  const settings = bookingSettings(await deps.store.appConfig());
  const now = deps.now();
  const done = await deps.store.transact(async (tx): Promise<Committed | { unchanged: Transition['booking'] }> => {
    const booking = await tx.booking(input.bookingId);
    const slot = booking ? await tx.slot(booking.counselorUid, booking.slotId) : null;
    const newSlot =
      booking && input.action === 'reschedule' && input.newSlotId ? await tx.slot(booking.counselorUid, input.newSlotId) : null;
    const chatExists = booking && input.action === 'accept' ? await tx.chatExists(chatIdForBooking(input.bookingId)) : false;
    const name = booking ? await counselorName(tx, booking.counselorUid) : '';
    const transition = planRespond({
      callerUid: caller.uid,
      bookingId: input.bookingId,
      booking,
      slot,
      action: input.action,
      newSlotId: input.newSlotId,
      newSlot,
      chatExists,
      now,
      settings,
    });
    if (!transition) {
      if (!booking) throw errors.notFound('booking/not-found', 'No such booking.');
      return { unchanged: booking };
    }
    apply(tx, transition);
    return { transition, counselorName: name };
  });
  if ('unchanged' in done) return resultOf(input.bookingId, done.unchanged);
  await announce(deps, done);
  return resultOf(done.transition.bookingId, done.transition.booking);
}

export async function cancelBooking(deps: BookingDeps, input: CancelBookingInput, caller: Caller): Promise<BookingResult> {
  const settings = bookingSettings(await deps.store.appConfig());
  const now = deps.now();
  const done = await deps.store.transact(async (tx): Promise<Committed> => {
    const booking = await tx.booking(input.bookingId);
    const slot = booking ? await tx.slot(booking.counselorUid, booking.slotId) : null;
    const name = booking ? await counselorName(tx, booking.counselorUid) : '';
    const transition = planCancel({ callerUid: caller.uid, bookingId: input.bookingId, booking, slot, reason: input.reason, now, settings });
    apply(tx, transition);
    return { transition, counselorName: name };
  });
  await announce(deps, done);
  return resultOf(done.transition.bookingId, done.transition.booking);
}

/** Bookings a run of `expireHolds` reads per query page, and the most it expires in one run. */
export const EXPIRE_PAGE_SIZE = 100;
export const EXPIRE_MAX_PER_RUN = 2000;

export interface ExpireSummary {
  expired: number;
  /** Due when listed, answered before their transaction ran. */
  skipped: number;
  failed: number;
}

/**
 * Expires every pending booking whose hold lapsed at or before `now`, each in its own transaction (which
 * checks again that nobody answered it meanwhile), and tells both sides. Safe to run twice or overlapping:
 * an expired booking is no longer pending, so the second run skips it.
 */
export async function runExpireHolds(deps: BookingDeps, now: number): Promise<ExpireSummary> {
  const summary: ExpireSummary = { expired: 0, skipped: 0, failed: 0 };
  let cursor: HoldCursor | null = null;
  let pages = 0;
  while (summary.expired + summary.skipped + summary.failed < EXPIRE_MAX_PER_RUN) {
    const due = await deps.store.dueHolds(now, EXPIRE_PAGE_SIZE, cursor);
    pages += 1;
    for (const item of due) {
      try {
        const done = await deps.store.transact(async (tx): Promise<Committed | null> => {
          const booking = await tx.booking(item.id);
          const slot = booking ? await tx.slot(booking.counselorUid, booking.slotId) : null;
          const transition = planExpire(item.id, booking, slot, now);
          if (!transition) return null;
          const name = await counselorName(tx, transition.booking.counselorUid);
          apply(tx, transition);
          return { transition, counselorName: name };
        });
        if (!done) {
          summary.skipped += 1;
          continue;
        }
        summary.expired += 1;
        await announce(deps, done);
      } catch (err) {
        summary.failed += 1;
        bookingEvents.expireFailed({ bookingId: item.id, err });
      }
    }
    const last = due[due.length - 1];
    if (!last || due.length < EXPIRE_PAGE_SIZE) break;
    cursor = last;
  }
  bookingEvents.holdsExpired({ ...summary, pages });
  return summary;
}

/** Tells both sides about a committed step, each in their language and timezone. Failures are logged only. */
async function announce(deps: BookingDeps, done: Committed): Promise<void> {
  const { transition: t } = done;
  const booking = t.booking;
  bookingEvents.step({ bookingId: t.bookingId, from: t.from, to: booking.status, actor: t.actor, orgId: booking.orgId });
  try {
    const [student, counselor] = await Promise.all([
      deps.notify.store.profile(booking.studentUid),
      deps.notify.store.profile(booking.counselorUid),
    ]);
    const alias = student?.alias ?? 'A student';
    const recipients: Array<[Side, string, UserProfile | null]> = [
      ['student', booking.studentUid, student],
      ['counselor', booking.counselorUid, counselor],
    ];
    for (const [side, uid, profile] of recipients) {
      if (!profile) continue;
      const format = (ms: number) => formatSessionTime(ms, profile.language, profile.timezone);
      const text = bookingMessage(stepOf(booking.status), side, t.actor, profile.language, {
        counselor: done.counselorName || 'your counselor',
        alias,
        time: format(booking.start.toMillis()),
        oldTime: t.previousStart ? format(t.previousStart.toMillis()) : '',
      });
      if (!text) continue;
      await notifyUser(
        deps.notify,
        {
          uid,
          type: 'booking',
          title: text.title,
          body: text.body,
          link: paths.booking(t.bookingId),
          channels: ['inapp', 'push'],
          respectQuietHours: true,
          idempotencyKey: notifyKey(t.bookingId, { atMs: booking.updatedAt.toMillis(), status: booking.status, historyLength: booking.history.length }, side),
          orgId: booking.orgId,
          sourcePath: paths.booking(t.bookingId),
        },
        { recipient: recipientFromProfile(uid, profile) },
      );
    }
  } catch (err) {
    bookingEvents.notifyFailed({ bookingId: t.bookingId, err });
  }
}

function stepOf(status: Transition['booking']['status']): BookingStep {
  switch (status) {
    case 'requested':
    case 'confirmed':
    case 'rejected':
    case 'rescheduled':
    case 'cancelled':
    case 'expired':
      return status;
    default:
      throw new Error(`no booking step ends in status ${status}`);
  }
}
