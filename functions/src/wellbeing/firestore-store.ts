/**
 * The Firestore implementation of the well-being stores (repository.ts). Reads are parsed with the model's
 * schemas; in the reminder and summary queries a document that does not parse is logged (hashed path) and
 * skipped, so one bad document cannot stop every other student's reminder. Indexes these queries need are
 * listed in ./README.md.
 */
import { FieldPath, FieldValue, Timestamp, type DocumentData, type Firestore, type QueryDocumentSnapshot } from 'firebase-admin/firestore';
import type { z } from 'zod';
import { typedCollection, typedDoc } from '../model/converters';
import { COLLECTIONS, paths } from '../model/paths';
import {
  appConfigSchema,
  assessmentSchema,
  bookingSchema,
  counselorSchema,
  entrySchema,
  orgSchema,
  riskEventSchema,
  taskSchema,
  userProfileSchema,
  wellbeingSchema,
  type RiskEventLevel,
} from '../model/schemas';
import { ALREADY_EXISTS, hasGrpcCode } from '../notify/repository';
import { formatIssues } from '../platform/validation';
import { wellbeingEvents } from './events';
import type { AssessmentResult, DueCursor, WellbeingStore } from './repository';

const FAILED_PRECONDITION = 9;
const NOT_FOUND = 5;
/** Risk-event statuses that still need a counselor. */
const UNRESOLVED = ['open', 'acknowledged', 'escalated'] as const;

const ts = (ms: number) => Timestamp.fromMillis(ms);
const tsOrNull = (ms: number | null) => (ms === null ? null : ts(ms));

/**
 * What scoring writes on an assessment: the result, the student's org, the create time when the client left
 * it out, and when it was scored (the server's time here; the test fake stamps its own clock).
 */
export function assessmentResultFields<T>(r: AssessmentResult, orgId: string | null, createdAt: number | null, scoredAt: T) {
  return {
    score: r.score,
    severity: r.severity,
    flags: r.flags,
    trend: r.trend,
    ...(orgId === null ? {} : { orgId }),
    ...(createdAt === null ? {} : { createdAt: ts(createdAt) }),
    scoredAt,
  };
}

function versionOf(snap: QueryDocumentSnapshot): string {
  return `${snap.updateTime.seconds}.${snap.updateTime.nanoseconds}`;
}

function timestampOf(version: string): Timestamp {
  const [seconds, nanos] = version.split('.');
  return new Timestamp(Number(seconds), Number(nanos));
}

/** Parses one document of a query, or logs and skips it. */
function parsed<S extends z.ZodType>(schema: S, snap: QueryDocumentSnapshot<DocumentData>): z.output<S> | undefined {
  const result = schema.safeParse(snap.data());
  if (result.success) return result.data;
  wellbeingEvents.corruptDocument({ path: snap.ref.path, issueCount: formatIssues(result.error).length });
  return undefined;
}

/** Updates only if the document is still at `version`; false when it changed or disappeared meanwhile. */
async function updateIfUnchanged(db: Firestore, path: string, version: string, data: DocumentData): Promise<boolean> {
  try {
    await db.doc(path).update(data, { lastUpdateTime: timestampOf(version) });
    return true;
  } catch (err) {
    if (hasGrpcCode(err, FAILED_PRECONDITION) || hasGrpcCode(err, NOT_FOUND)) return false;
    throw err;
  }
}

export function firestoreWellbeingStore(db: Firestore): WellbeingStore {
  /** A page of documents whose `field` is due, in (field, path) order after `cursor`. */
  async function duePage(collection: 'users' | 'tasks', field: string, now: number, limit: number, cursor: DueCursor | null) {
    const base = collection === 'users' ? db.collection(COLLECTIONS.users) : db.collectionGroup(COLLECTIONS.tasks);
    let query = base.where(field, '<=', ts(now)).orderBy(field).orderBy(FieldPath.documentId()).limit(limit);
    if (cursor) query = query.startAfter(ts(cursor.at), db.doc(cursor.path));
    return (await query.get()).docs;
  }

  function dueOf(value: Timestamp | null | undefined): number | undefined {
    return value ? value.toMillis() : undefined;
  }

  return {
    async processEntry(uid, entryId, effects) {
      const entryRef = typedDoc(db, paths.entry(uid, entryId), entrySchema);
      const userRef = typedDoc(db, paths.user(uid), userProfileSchema);
      return db.runTransaction(async (tx) => {
        const [entrySnap, userSnap] = await Promise.all([tx.get(entryRef), tx.get(userRef)]);
        const entry = entrySnap.data();
        if (!entry) return { status: 'missing-entry' as const };
        const profile = userSnap.data();
        if (!profile) return { status: 'missing-profile' as const };
        if (entry.processedAt) {
          // Entries processed before orgId was written get it on a re-delivery; an existing orgId is kept.
          if (entry.orgId === undefined) tx.update(db.doc(entryRef.path), { orgId: profile.orgId });
          return { status: 'already-processed' as const, entry, profile };
        }
        const fx = effects(entry, profile);
        tx.update(db.doc(userRef.path), {
          counts: fx.counts,
          streak: fx.streak,
          lastActiveAt: ts(fx.lastActiveAt),
          streakNudgeAt: tsOrNull(fx.streakNudgeAt),
        });
        tx.update(db.doc(entryRef.path), { processedAt: FieldValue.serverTimestamp(), orgId: entry.orgId ?? profile.orgId });
        return { status: 'applied' as const, entry, profile };
      });
    },

    async entriesBetween(uid, from, to) {
      const snap = await typedCollection(db, paths.entries(uid), entrySchema).where('createdAt', '>=', ts(from)).where('createdAt', '<', ts(to)).get();
      return snap.docs.map((d) => d.data());
    },

    async tasksDoneBetween(uid, from, to) {
      const snap = await db.collection(paths.tasks(uid)).where('doneAt', '>=', ts(from)).where('doneAt', '<', ts(to)).count().get();
      return snap.data().count;
    },

    async saveWellbeing(uid, day, score, inputs, owner) {
      await typedDoc(db, paths.wellbeing(uid, day), wellbeingSchema).set({
        day,
        score,
        inputs,
        updatedAt: FieldValue.serverTimestamp(),
        orgId: owner.orgId,
        analytics: owner.analytics,
      });
    },

    async assessment(uid, id) {
      const snap = await db.doc(paths.assessment(uid, id)).get();
      if (!snap.exists) return null;
      const result = assessmentSchema.safeParse(snap.data());
      if (!result.success) return { valid: false, issues: formatIssues(result.error) };
      const a = result.data;
      return { valid: true, instrument: a.instrument, answers: a.answers, createdAt: a.createdAt?.toMillis() ?? null, scored: a.scoredAt !== undefined };
    },

    async previousAssessment(uid, instrument, before, excludeId) {
      const snap = await db
        .collection(paths.assessments(uid))
        .where('instrument', '==', instrument)
        .where('createdAt', '<', ts(before))
        .orderBy('createdAt', 'desc')
        .limit(2)
        .get();
      for (const doc of snap.docs) {
        if (doc.id === excludeId) continue;
        const a = parsed(assessmentSchema, doc);
        return a ? { id: doc.id, answers: a.answers } : null;
      }
      return null;
    },

    async saveAssessmentResult(uid, id, r, orgId, createdAt) {
      await db.doc(paths.assessment(uid, id)).update(assessmentResultFields(r, orgId, createdAt, FieldValue.serverTimestamp()));
    },

    async createRiskEvent(id, event) {
      const now = FieldValue.serverTimestamp();
      try {
        await typedDoc(db, paths.riskEvent(id), riskEventSchema).create({ ...event, createdAt: now, updatedAt: now });
        return 'created';
      } catch (err) {
        if (hasGrpcCode(err, ALREADY_EXISTS)) return 'exists';
        throw err;
      }
    },

    async profile(uid) {
      return (await typedDoc(db, paths.user(uid), userProfileSchema).get()).data() ?? null;
    },

    async org(orgId) {
      return (await typedDoc(db, paths.org(orgId), orgSchema).get()).data() ?? null;
    },

    async appConfig() {
      return (await typedDoc(db, paths.appConfig(), appConfigSchema).get()).data() ?? appConfigSchema.parse({});
    },

    async dueCheckins(now, limit, cursor) {
      const docs = await duePage('users', 'nextReminderAt', now, limit, cursor);
      return docs.flatMap((d) => {
        const profile = parsed(userProfileSchema, d);
        const due = dueOf(profile?.nextReminderAt);
        if (!profile || due === undefined) return [];
        return [{ uid: d.id, profile, due, version: versionOf(d), cursor: { at: due, path: d.ref.path } }];
      });
    },

    async claimCheckin(uid, version, next) {
      return updateIfUnchanged(db, paths.user(uid), version, { nextReminderAt: tsOrNull(next) });
    },

    async dueTasks(now, limit, cursor) {
      const docs = await duePage('tasks', 'nextReminderAt', now, limit, cursor);
      return docs.flatMap((d) => {
        const owner = d.ref.parent.parent;
        const task = parsed(taskSchema, d);
        const due = dueOf(task?.nextReminderAt);
        if (!owner || !task || due === undefined) return [];
        return [{ uid: owner.id, taskId: d.id, task, due, version: versionOf(d), cursor: { at: due, path: d.ref.path } }];
      });
    },

    async claimTask(uid, taskId, version, next) {
      return updateIfUnchanged(db, paths.task(uid, taskId), version, { nextReminderAt: tsOrNull(next) });
    },

    async dueStreakNudges(now, limit, cursor) {
      const docs = await duePage('users', 'streakNudgeAt', now, limit, cursor);
      return docs.flatMap((d) => {
        const profile = parsed(userProfileSchema, d);
        const due = dueOf(profile?.streakNudgeAt);
        if (!profile || due === undefined) return [];
        return [{ uid: d.id, profile, due, version: versionOf(d), cursor: { at: due, path: d.ref.path } }];
      });
    },

    async claimStreakNudge(uid, version) {
      return updateIfUnchanged(db, paths.user(uid), version, { streakNudgeAt: null });
    },

    async setProfileSchedule(uid, fields) {
      const update: DocumentData = {};
      if (fields.nextReminderAt !== undefined) update.nextReminderAt = tsOrNull(fields.nextReminderAt);
      if (fields.streakNudgeAt !== undefined) update.streakNudgeAt = tsOrNull(fields.streakNudgeAt);
      if (Object.keys(update).length > 0) await db.doc(paths.user(uid)).update(update);
    },

    async setTaskReminder(uid, taskId, next) {
      await db.doc(paths.task(uid, taskId)).update({ nextReminderAt: tsOrNull(next) });
    },

    async tasks(uid) {
      const snap = await db.collection(paths.tasks(uid)).get();
      return snap.docs.flatMap((d) => {
        const task = parsed(taskSchema, d);
        return task ? [{ taskId: d.id, task }] : [];
      });
    },

    async orgs() {
      const snap = await db.collection(COLLECTIONS.orgs).get();
      return snap.docs.flatMap((d) => {
        const org = parsed(orgSchema, d);
        return org ? [{ orgId: d.id, org }] : [];
      });
    },

    async activeCounselors(orgId) {
      const snap = await db.collection(COLLECTIONS.counselors).where('orgId', '==', orgId).where('active', '==', true).get();
      return snap.docs.flatMap((d) => (parsed(counselorSchema, d) ? [d.id] : []));
    },

    async openRiskCounts(orgId) {
      const count = async (level: RiskEventLevel) =>
        (
          await db
            .collection(COLLECTIONS.riskEvents)
            .where('orgId', '==', orgId)
            .where('level', '==', level)
            .where('status', 'in', [...UNRESOLVED])
            .count()
            .get()
        ).data().count;
      const [moderate, high, imminent] = await Promise.all([count('moderate'), count('high'), count('imminent')]);
      return { moderate, high, imminent };
    },

    async counselorBookings(counselorUid, from, to) {
      const snap = await db
        .collection(COLLECTIONS.bookings)
        .where('counselorUid', '==', counselorUid)
        .where('start', '>=', ts(from))
        .where('start', '<', ts(to))
        .get();
      return snap.docs.flatMap((d) => {
        const booking = parsed(bookingSchema, d);
        return booking ? [booking] : [];
      });
    },

    async reflectionRecipients(orgId) {
      const snap = await db
        .collection(COLLECTIONS.users)
        .where('orgId', '==', orgId)
        .where('role', '==', 'student')
        .where('prefs.weeklyReflection', '==', true)
        .get();
      return snap.docs.flatMap((d) => {
        const profile = parsed(userProfileSchema, d);
        return profile ? [{ uid: d.id, profile }] : [];
      });
    },

    async wellbeingDays(uid, fromDay, toDay) {
      const snap = await db.collection(paths.wellbeingDays(uid)).where('day', '>=', fromDay).where('day', '<=', toDay).get();
      return snap.docs.flatMap((d) => {
        const day = parsed(wellbeingSchema, d);
        return day ? [day] : [];
      });
    },
  };
}
