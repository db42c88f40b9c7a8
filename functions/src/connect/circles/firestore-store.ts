/**
 * The peer circles store on Firestore (admin SDK). Every read is parsed with the model's schemas; join,
 * leave and feedback totals run in transactions.
 */
import { Timestamp, type Firestore, type Transaction } from 'firebase-admin/firestore';
import { COLLECTIONS, paths } from '../../model/paths';
import { feedbackSchema, participantSchema, peerReportSchema, peerSessionSchema, userProfileSchema, type Participant, type PeerSession } from '../../model/schemas';
import { errors } from '../../platform/errors';
import { parseStored } from '../../platform/validation';
import { addFeedback } from './logic';
import type { CirclesStore } from './repository';

export function firestoreCirclesStore(db: Firestore): CirclesStore {
  async function readPair(tx: Transaction, sessionId: string, uid: string): Promise<{ session: PeerSession; participant: Participant | null }> {
    const sessionRef = db.doc(paths.peerSession(sessionId));
    const participantRef = db.doc(paths.participant(sessionId, uid));
    const [sessionSnap, participantSnap] = await Promise.all([tx.get(sessionRef), tx.get(participantRef)]);
    if (!sessionSnap.exists) throw errors.notFound('circles/not-found', 'That circle does not exist.');
    return {
      session: parseStored(peerSessionSchema, sessionSnap.data(), sessionRef.path),
      participant: participantSnap.exists ? parseStored(participantSchema, participantSnap.data(), participantRef.path) : null,
    };
  }

  return {
    async session(sessionId) {
      const snap = await db.doc(paths.peerSession(sessionId)).get();
      return snap.exists ? parseStored(peerSessionSchema, snap.data(), snap.ref.path) : null;
    },

    async alias(uid) {
      const snap = await db.doc(paths.user(uid)).get();
      return snap.exists ? parseStored(userProfileSchema, snap.data(), snap.ref.path).alias : null;
    },

    async join(sessionId, uid, plan, alias, now) {
      return db.runTransaction(async (tx) => {
        const { session, participant } = await readPair(tx, sessionId, uid);
        const decided = plan(session, participant);
        if (decided.kind === 'already-joined') return { plan: decided, participantCount: session.participantCount };
        const participantCount = session.participantCount + 1;
        tx.set(db.doc(paths.participant(sessionId, uid)), { alias: participant?.alias ?? alias, joinedAt: Timestamp.fromMillis(now), leftAt: null });
        tx.update(db.doc(paths.peerSession(sessionId)), { participantCount });
        return { plan: decided, participantCount };
      });
    },

    async leave(sessionId, uid, plan, now) {
      return db.runTransaction(async (tx) => {
        const { session, participant } = await readPair(tx, sessionId, uid);
        const decided = plan(session, participant);
        if (decided.kind === 'not-joined') return { plan: decided, participantCount: session.participantCount };
        const participantCount = Math.max(0, session.participantCount - 1);
        tx.update(db.doc(paths.participant(sessionId, uid)), { leftAt: Timestamp.fromMillis(now) });
        tx.update(db.doc(paths.peerSession(sessionId)), { participantCount });
        return { plan: decided, participantCount };
      });
    },

    async sessionsStarting(after, until, limit) {
      const snaps = await db
        .collection(COLLECTIONS.peerSessions)
        .where('status', '==', 'scheduled')
        .where('scheduledAt', '>', Timestamp.fromMillis(after))
        .where('scheduledAt', '<=', Timestamp.fromMillis(until))
        .orderBy('scheduledAt')
        .limit(limit)
        .get();
      return snaps.docs.map((d) => ({ id: d.id, session: parseStored(peerSessionSchema, d.data(), d.ref.path) }));
    },

    async currentParticipants(sessionId) {
      const snaps = await db.collection(paths.participants(sessionId)).where('leftAt', '==', null).get();
      return snaps.docs.map((d) => ({ uid: d.id, participant: parseStored(participantSchema, d.data(), d.ref.path) }));
    },

    async markReminded(sessionId, uid, scheduledAt) {
      await db.doc(paths.participant(sessionId, uid)).update({ remindedFor: Timestamp.fromMillis(scheduledAt) });
    },

    async countFeedback(sessionId, uid, now) {
      const sessionRef = db.doc(paths.peerSession(sessionId));
      const feedbackRef = db.doc(paths.feedback(sessionId, uid));
      return db.runTransaction(async (tx) => {
        const [sessionSnap, feedbackSnap] = await Promise.all([tx.get(sessionRef), tx.get(feedbackRef)]);
        if (!sessionSnap.exists || !feedbackSnap.exists) return 'missing' as const;
        const feedback = parseStored(feedbackSchema, feedbackSnap.data(), feedbackRef.path);
        if (feedback.countedAt !== undefined) return 'already' as const;
        const session = parseStored(peerSessionSchema, sessionSnap.data(), sessionRef.path);
        tx.update(sessionRef, addFeedback(session, feedback.rating));
        tx.update(feedbackRef, { countedAt: Timestamp.fromMillis(now) });
        return 'counted' as const;
      });
    },

    async report(sessionId, reportId) {
      const snap = await db.doc(paths.report(sessionId, reportId)).get();
      return snap.exists ? parseStored(peerReportSchema, snap.data(), snap.ref.path) : null;
    },

    async participant(sessionId, uid) {
      const snap = await db.doc(paths.participant(sessionId, uid)).get();
      return snap.exists ? parseStored(participantSchema, snap.data(), snap.ref.path) : null;
    },

    async writeReportScreening(sessionId, reportId, screening) {
      await db.doc(paths.report(sessionId, reportId)).update({
        screening: { level: screening.level, reasons: screening.reasons.slice(0, 20), by: screening.by, at: Timestamp.fromMillis(screening.at) },
      });
    },
  };
}
