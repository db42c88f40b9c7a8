/**
 * `AnalyticsStore` on Firestore (firebase-admin). Each `AggregateSpec` becomes one aggregation query
 * (`count()` plus `sum()` of the spec's fields) over a composite index declared in firestore.indexes.json;
 * nothing reads the counted documents. Every document read is parsed with zod.
 */
import { AggregateField, Timestamp, type AggregateSpec as FirestoreAggregateSpec, type Firestore, type Query } from 'firebase-admin/firestore';
import { z } from 'zod';
import { typedDoc } from '../model/converters';
import { paths } from '../model/paths';
import { analyticsDailySchema, appConfigSchema, timestampSchema, timezoneSchema, type AnalyticsDaily, type AppConfig } from '../model/schemas';
import { histogramOfEvents } from './ack';
import { parseStored } from '../platform/validation';
import { analyticsEvents } from './events';
import { ACK_BUCKET_COUNT } from './histogram';
import type { AggregateResult, AggregateSpec, DayWindow } from './plan';
import type { OrgZone } from './schedule';
import { ackHistogramPath, ackHistogramSchema, type AckRecord, type AnalyticsStore } from './store';

const orgZoneSchema = z.object({ timezone: timezoneSchema });
const aggregateDataSchema = z.record(z.string(), z.number().nullable());
const ackTimesSchema = z.object({ createdAt: timestampSchema, ackAt: timestampSchema.nullable().optional() });

/** The Firestore query of a spec (without the aggregation). */
export function queryOf(db: Firestore, spec: AggregateSpec): Query {
  let q: Query = spec.group ? db.collectionGroup(spec.collection) : db.collection(spec.collection);
  for (const [field, value] of spec.equals) q = q.where(field, '==', value);
  if (spec.range === null) return q;
  return q
    .where(spec.range.field, '>=', Timestamp.fromMillis(spec.range.from))
    .where(spec.range.field, '<', Timestamp.fromMillis(spec.range.to));
}

export function firestoreAnalyticsStore(db: Firestore): AnalyticsStore {
  return {
    async appConfig(): Promise<AppConfig> {
      const snap = await db.doc(paths.appConfig()).get();
      return parseStored(appConfigSchema, snap.data() ?? {}, snap.ref.path);
    },

    async orgZones(): Promise<OrgZone[]> {
      const snap = await db.collection(paths.orgs()).select('timezone').get();
      const out: OrgZone[] = [];
      for (const doc of snap.docs) {
        const parsed = orgZoneSchema.safeParse(doc.data());
        if (parsed.success) out.push({ orgId: doc.id, timeZone: parsed.data.timezone });
        else analyticsEvents.orgSkipped({ orgId: doc.id, why: 'invalid-timezone' });
      }
      return out;
    },

    async orgTimeZone(orgId: string): Promise<string | null> {
      const snap = await db.doc(paths.org(orgId)).get();
      if (!snap.exists) return null;
      return parseStored(orgZoneSchema, snap.data() ?? {}, snap.ref.path).timezone;
    },

    async aggregate(spec: AggregateSpec): Promise<AggregateResult> {
      const fields: FirestoreAggregateSpec = { count: AggregateField.count() };
      spec.sums.forEach((field, i) => {
        fields[`sum${String(i)}`] = AggregateField.sum(field);
      });
      const snap = await queryOf(db, spec).aggregate(fields).get();
      const data = aggregateDataSchema.parse(snap.data());
      const sums: Record<string, number> = {};
      spec.sums.forEach((field, i) => {
        sums[field] = data[`sum${String(i)}`] ?? 0;
      });
      return { count: data.count ?? 0, sums };
    },

    async participantsPerEndedCircle(orgId: string, window: DayWindow): Promise<number[]> {
      const circles = await db
        .collection(paths.peerSessions())
        .where('orgId', '==', orgId)
        .where('status', '==', 'ended')
        .where('scheduledAt', '>=', Timestamp.fromMillis(window.from))
        .where('scheduledAt', '<', Timestamp.fromMillis(window.to))
        .select()
        .get();
      return Promise.all(circles.docs.map(async (c) => (await db.collection(paths.participants(c.id)).count().get()).data().count));
    },

    async ackHistogram(orgId: string, day: string): Promise<readonly number[] | null> {
      const snap = await typedDoc(db, ackHistogramPath(orgId, day), ackHistogramSchema).get();
      return snap.data()?.counts ?? null;
    },

    async recordAck(orgId: string, day: string, eventId: string, bucket: number, now: number): Promise<AckRecord> {
      const ref = typedDoc(db, ackHistogramPath(orgId, day), ackHistogramSchema);
      return db.runTransaction(async (tx) => {
        const current = (await tx.get(ref)).data();
        if (current?.events.includes(eventId)) return 'already-counted';
        const counts = current?.counts.slice() ?? new Array<number>(ACK_BUCKET_COUNT).fill(0);
        counts[bucket] = (counts[bucket] ?? 0) + 1;
        tx.set(ref, { orgId, day, counts, events: [...(current?.events ?? []), eventId], updatedAt: Timestamp.fromMillis(now) });
        return 'recorded';
      });
    },

    async rebuildAckHistogram(orgId: string, day: string, window: DayWindow, now: number): Promise<number> {
      const events = db
        .collection(paths.riskEvents())
        .where('orgId', '==', orgId)
        .where('createdAt', '>=', Timestamp.fromMillis(window.from))
        .where('createdAt', '<', Timestamp.fromMillis(window.to))
        .select('createdAt', 'ackAt');
      const ref = typedDoc(db, ackHistogramPath(orgId, day), ackHistogramSchema);
      return db.runTransaction(async (tx) => {
        const snap = await tx.get(events);
        const acked = snap.docs.map((d) => {
          const e = ackTimesSchema.parse(d.data());
          return { id: d.id, createdAt: e.createdAt.toMillis(), ackAt: e.ackAt?.toMillis() ?? null };
        });
        const built = histogramOfEvents(acked);
        tx.set(ref, { orgId, day, ...built, updatedAt: Timestamp.fromMillis(now) });
        return built.events.length;
      });
    },

    async writeDaily(doc: AnalyticsDaily): Promise<void> {
      await typedDoc(db, paths.analyticsDay(doc.orgId, doc.day), analyticsDailySchema).set(doc);
    },
  };
}
