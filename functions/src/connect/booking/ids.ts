/**
 * Deterministic ids of what the booking flow creates, so a retried call finds its earlier work instead of
 * duplicating it: the booking of a (student, slot) request attempt, the counselor chat of a booking, and the
 * notifier's idempotency key of each step. Pure.
 */
import { createHash } from 'node:crypto';

function digest(kind: string, value: string): string {
  return createHash('sha256').update(`${kind}\n${value}`).digest('hex').slice(0, 32);
}

/**
 * How many times one student may request one slot (after a request expired or was cancelled). The booking id
 * of attempt `n` is fixed, so two concurrent retries of the same request meet on the same document.
 */
export const MAX_REQUEST_ATTEMPTS = 3;

/** `bookings/{id}` of the `attempt`-th request (0-based) by `studentUid` for one slot. */
export function bookingIdFor(studentUid: string, counselorUid: string, slotId: string, attempt: number): string {
  return `bk-${digest('booking', [studentUid, counselorUid, slotId, String(attempt)].join('\n'))}`;
}

/** `chats/{id}` of the counselor chat a confirmed booking opens: one chat per booking. */
export function chatIdForBooking(bookingId: string): string {
  return `cc-${digest('booking-chat', bookingId)}`;
}

/**
 * The notifier's idempotency key for one recipient of one booking step. A step is identified by its time, the
 * status it entered and the length of the history it ended (two steps in the same millisecond still differ).
 */
export function notifyKey(bookingId: string, step: { atMs: number; status: string; historyLength: number }, side: 'student' | 'counselor'): string {
  return `booking:${bookingId}:${String(step.atMs)}:${step.status}:${String(step.historyLength)}:${side}`;
}
