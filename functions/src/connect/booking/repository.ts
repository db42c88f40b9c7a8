/**
 * The booking flow's Firestore I/O behind small interfaces, so the handlers run against an in-memory fake in
 * tests and against Firestore (firestore-store.ts) in production. A `BookingTx` is one transaction: every read
 * comes first and is parsed with the model's schemas; the writes are complete documents, applied together at
 * commit or not at all.
 */
import type { AppConfig, Booking, Chat, Counselor, Slot } from '../../model/schemas';

export interface BookingTx {
  counselor(uid: string): Promise<Counselor | null>;
  slot(counselorUid: string, slotId: string): Promise<Slot | null>;
  booking(id: string): Promise<Booking | null>;
  chatExists(id: string): Promise<boolean>;
  /**
   * The student's bookings with the counselor whose status is active and whose `end` is after `now` (a query
   * in the transaction: a concurrent request that adds one conflicts with it).
   */
  activeBookingsWith(studentUid: string, counselorUid: string, now: number): Promise<Booking[]>;
  /** Creates `bookings/{id}`; the commit fails if it exists. */
  createBooking(id: string, booking: Booking): void;
  setBooking(id: string, booking: Booking): void;
  setSlot(counselorUid: string, slotId: string, slot: Slot): void;
  /** Creates `chats/{id}`; the commit fails if it exists. */
  createChat(id: string, chat: Chat): void;
}

/** A position in the due-holds query: the hold expiry (epoch ms) and id of the last booking read. */
export interface HoldCursor {
  at: number;
  id: string;
}

export interface BookingStore {
  /** `config/app` with its defaults; the defaults alone when it does not exist. */
  appConfig(): Promise<AppConfig>;
  /** Runs `fn` in a transaction (retried on contention); throws `booking/busy` when it never gets through. */
  transact<T>(fn: (tx: BookingTx) => Promise<T>): Promise<T>;
  /**
   * Ids of pending (`requested`, `rescheduled`) bookings whose hold expired at or before `now`, oldest hold
   * first, after `after`.
   */
  dueHolds(now: number, limit: number, after: HoldCursor | null): Promise<HoldCursor[]>;
}
