/**
 * The booking store on Firestore. Transactions use the admin SDK's (which locks what it reads, so concurrent
 * requests for one slot run one after another); every read goes through the model's converters, and every write
 * is a complete document checked against its schema before it leaves the process.
 */
import { FieldPath, Timestamp, type Firestore, type Transaction } from 'firebase-admin/firestore';
import { z } from 'zod';
import { typedCollection, typedDoc } from '../../model/converters';
import { COLLECTIONS, paths } from '../../model/paths';
import { appConfigSchema, bookingSchema, chatSchema, counselorSchema, slotSchema, timestampSchema } from '../../model/schemas';
import { errors } from '../../platform/errors';
import { bookingEvents } from './events';
import { ACTIVE_STATUSES, PENDING_STATUSES } from './machine';
import type { BookingStore, BookingTx, HoldCursor } from './repository';

/** gRPC ABORTED: the transaction lost to contention on every attempt. */
const ABORTED = 10;
/** Attempts before a contended transaction gives up (the SDK's default is 5). */
const MAX_ATTEMPTS = 10;
/** Enough to see a blocking booking among lapsed holds not yet swept (there is at most one blocking one). */
const ACTIVE_QUERY_LIMIT = 10;

const holdFieldSchema = z.object({ holdExpiresAt: timestampSchema }).loose();

function hasCode(err: unknown, code: number): boolean {
  return typeof err === 'object' && err !== null && 'code' in err && err.code === code;
}

function transactionView(db: Firestore, t: Transaction): BookingTx {
  return {
    async counselor(uid) {
      return (await t.get(typedDoc(db, paths.counselor(uid), counselorSchema))).data() ?? null;
    },
    async slot(counselorUid, slotId) {
      return (await t.get(typedDoc(db, paths.slot(counselorUid, slotId), slotSchema))).data() ?? null;
    },
    async booking(id) {
      return (await t.get(typedDoc(db, paths.booking(id), bookingSchema))).data() ?? null;
    },
    async chatExists(id) {
      return (await t.get(db.doc(paths.chat(id)))).exists;
    },
    async activeBookingsWith(studentUid, counselorUid, now) {
      const query = typedCollection(db, COLLECTIONS.bookings, bookingSchema)
        .where('studentUid', '==', studentUid)
        .where('counselorUid', '==', counselorUid)
        .where('status', 'in', [...ACTIVE_STATUSES])
        .where('end', '>', Timestamp.fromMillis(now))
        .limit(ACTIVE_QUERY_LIMIT);
      return (await t.get(query)).docs.map((d) => d.data());
    },
    createBooking(id, booking) {
      t.create(typedDoc(db, paths.booking(id), bookingSchema), booking);
    },
    setBooking(id, booking) {
      t.set(typedDoc(db, paths.booking(id), bookingSchema), booking);
    },
    setSlot(counselorUid, slotId, slot) {
      t.set(typedDoc(db, paths.slot(counselorUid, slotId), slotSchema), slot);
    },
    createChat(id, chat) {
      t.create(typedDoc(db, paths.chat(id), chatSchema), chat);
    },
  };
}

export function firestoreBookingStore(db: Firestore): BookingStore {
  return {
    async appConfig() {
      const snap = await typedDoc(db, paths.appConfig(), appConfigSchema).get();
      return snap.data() ?? appConfigSchema.parse({});
    },

    async transact(fn) {
      try {
        return await db.runTransaction((t) => fn(transactionView(db, t)), { maxAttempts: MAX_ATTEMPTS });
      } catch (err) {
        if (!hasCode(err, ABORTED)) throw err;
        bookingEvents.contended();
        throw errors.failedPrecondition('booking/busy', 'Many people are booking right now. Please try again in a moment.');
      }
    },

    async dueHolds(now, limit, after) {
      let query = db
        .collection(COLLECTIONS.bookings)
        .where('status', 'in', [...PENDING_STATUSES])
        .where('holdExpiresAt', '<=', Timestamp.fromMillis(now))
        .orderBy('holdExpiresAt')
        .orderBy(FieldPath.documentId())
        .select('holdExpiresAt')
        .limit(limit);
      if (after) query = query.startAfter(Timestamp.fromMillis(after.at), after.id);
      const snap = await query.get();
      const out: HoldCursor[] = [];
      for (const doc of snap.docs) {
        const parsed = holdFieldSchema.safeParse(doc.data());
        if (parsed.success) out.push({ at: parsed.data.holdExpiresAt.toMillis(), id: doc.id });
        else bookingEvents.corruptBooking({ bookingId: doc.id });
      }
      return out;
    },
  };
}
