/**
 * Deployed booking functions: wiring only. `build…` functions take the dependencies (tests pass fakes); the
 * exported constants use the live ones, resolved on first use.
 */
import { onSchedule } from 'firebase-functions/v2/scheduler';
import { liveNotifyDeps } from '../../notify/live';
import { callable } from '../../platform/callable';
import { ALL_SECRETS, REGION } from '../../platform/config';
import { db } from '../../platform/firebase';
import { firestoreBookingStore } from './firestore-store';
import {
  cancelBooking as cancelBookingHandler,
  cancelBookingInput,
  requestBooking as requestBookingHandler,
  requestBookingInput,
  respondToBooking as respondToBookingHandler,
  respondToBookingInput,
  runExpireHolds,
  type BookingDeps,
} from './handlers';

/** Cron (UTC) of the hold sweep. */
export const EXPIRE_HOLDS_SCHEDULE = '*/5 * * * *';

/** Production dependencies, resolved on first use (never at import). */
export const liveBookingDeps: BookingDeps = {
  get store() {
    return firestoreBookingStore(db());
  },
  get notify() {
    return liveNotifyDeps();
  },
  now: () => Date.now(),
};

export function buildRequestBooking(deps: BookingDeps) {
  return callable('requestBooking', requestBookingInput, (input, caller) => requestBookingHandler(deps, input, caller), { secrets: ALL_SECRETS });
}

export function buildRespondToBooking(deps: BookingDeps) {
  return callable('respondToBooking', respondToBookingInput, (input, caller) => respondToBookingHandler(deps, input, caller), { secrets: ALL_SECRETS });
}

export function buildCancelBooking(deps: BookingDeps) {
  return callable('cancelBooking', cancelBookingInput, (input, caller) => cancelBookingHandler(deps, input, caller), { secrets: ALL_SECRETS });
}

export function buildExpireHolds(deps: BookingDeps) {
  return onSchedule({ schedule: EXPIRE_HOLDS_SCHEDULE, timeZone: 'UTC', region: REGION, secrets: ALL_SECRETS, timeoutSeconds: 300 }, async (event) => {
    // The later of the scheduled time and now: a late run still expires everything due by the time it runs.
    const scheduled = Date.parse(event.scheduleTime);
    await runExpireHolds(deps, Number.isFinite(scheduled) ? Math.max(scheduled, deps.now()) : deps.now());
  });
}

export const requestBooking = buildRequestBooking(liveBookingDeps);
export const respondToBooking = buildRespondToBooking(liveBookingDeps);
export const cancelBooking = buildCancelBooking(liveBookingDeps);
export const expireHolds = buildExpireHolds(liveBookingDeps);
