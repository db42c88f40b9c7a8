/**
 * Log events of the booking flow: steps, counts and error codes. Never a reason, a name, an alias or a uid:
 * bookings appear only as `hashId(bookingId)` (a booking id is derived from the student's uid).
 */
import { errorFields, hashId, logEvent } from '../../platform/log';

export const bookingEvents = {
  step: (f: { bookingId: string; from: string | null; to: string; actor: string; orgId: string }) =>
    logEvent('info', 'booking.step', { bookingHash: hashId(f.bookingId), fromStatus: f.from, toStatus: f.to, actor: f.actor, orgId: f.orgId }),
  notifyFailed: (f: { bookingId: string; err: unknown }) => {
    const e = errorFields(f.err);
    logEvent('warn', 'booking.notify-failed', { bookingHash: hashId(f.bookingId), errorClass: e.errorClass, errorCode: e.errorCode });
  },
  expireFailed: (f: { bookingId: string; err: unknown }) => {
    const e = errorFields(f.err);
    logEvent('error', 'booking.expire-failed', { bookingHash: hashId(f.bookingId), errorClass: e.errorClass, errorCode: e.errorCode });
  },
  holdsExpired: (f: { expired: number; skipped: number; failed: number; pages: number }) =>
    logEvent('info', 'booking.holds-expired', { expiredCount: f.expired, skippedCount: f.skipped, failedCount: f.failed, pageCount: f.pages }),
  corruptBooking: (f: { bookingId: string }) => logEvent('error', 'booking.corrupt-document', { bookingHash: hashId(f.bookingId) }),
  contended: () => logEvent('warn', 'booking.contended', {}),
};
