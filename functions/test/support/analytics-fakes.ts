/**
 * The analytics store in memory, for tests and the benchmark: documents by path, validated with the model's
 * schemas when seeded; aggregation specs answered by scanning (same matching rules as Firestore: collection or
 * collection group, equality on dotted fields, half-open timestamp range, sums of numeric fields) and billed
 * the way Firestore bills them: an aggregation query 1 read per 1,000 index entries matched (at least 1), a
 * get 1 read, a list 1 read per document (at least 1). Plus seed helpers for every counted collection.
 */
import { Timestamp } from 'firebase-admin/firestore';
import type { z } from 'zod';
import { paths } from '../../src/model/paths';
import {
  analyticsDailySchema,
  appConfigSchema,
  assessmentSchema,
  bookingSchema,
  chatSchema,
  entrySchema,
  orgSchema,
  participantSchema,
  peerSessionSchema,
  riskEventSchema,
  userProfileSchema,
  wellbeingSchema,
  type AnalyticsDaily,
  type AppConfig,
  type BookingStatus,
  type ChatKind,
  type EntryKind,
  type RiskEventLevel,
  type RiskOutcome,
} from '../../src/model/schemas';
import { histogramOfEvents, type AckedEvent } from '../../src/analytics/ack';
import type { AggregateResult, AggregateSpec, DayWindow } from '../../src/analytics/plan';
import type { OrgZone } from '../../src/analytics/schedule';
import { ACK_BUCKET_COUNT } from '../../src/analytics/histogram';
import { ackHistogramPath, ackHistogramSchema, type AckRecord, type AnalyticsStore } from '../../src/analytics/store';
import { localDay } from '../../src/notify/zoned-time';
import { parseStored } from '../../src/platform/validation';

type Data = Record<string, unknown>;

const ts = (ms: number) => Timestamp.fromMillis(ms);

function field(data: Data, dotted: string): unknown {
  let v: unknown = data;
  for (const part of dotted.split('.')) {
    if (typeof v !== 'object' || v === null || !(part in v)) return undefined;
    const next: unknown = Reflect.get(v, part);
    v = next;
  }
  return v;
}

/** True when `path` is a document of the spec's collection (or collection group). */
function inCollection(path: string, spec: AggregateSpec): boolean {
  const segs = path.split('/');
  if (segs.length % 2 !== 0) return false;
  if (!spec.group) return segs.length === 2 && segs[0] === spec.collection;
  return segs[segs.length - 2] === spec.collection;
}

export function billedAggregateReads(matched: number): number {
  return Math.max(1, Math.ceil(matched / 1000));
}

export class MemoryAnalyticsStore implements AnalyticsStore {
  readonly docs = new Map<string, Data>();
  reads = 0;
  writes = 0;
  aggregations = 0;
  /** Fail the aggregation of these spec keys (to test partial failures). */
  readonly failing = new Set<string>();

  put(path: string, data: Data): void {
    this.docs.set(path, data);
  }

  async appConfig(): Promise<AppConfig> {
    this.reads += 1;
    return parseStored(appConfigSchema, this.docs.get(paths.appConfig()) ?? {}, paths.appConfig());
  }

  async orgZones(): Promise<OrgZone[]> {
    const out: OrgZone[] = [];
    for (const [path, data] of this.docs) {
      const segs = path.split('/');
      if (segs.length === 2 && segs[0] === 'orgs' && segs[1] !== undefined) out.push({ orgId: segs[1], timeZone: String(data.timezone) });
    }
    this.reads += Math.max(1, out.length);
    return out.sort((a, b) => (a.orgId < b.orgId ? -1 : 1));
  }

  async orgTimeZone(orgId: string): Promise<string | null> {
    this.reads += 1;
    const org = this.docs.get(paths.org(orgId));
    return org ? String(org.timezone) : null;
  }

  async aggregate(spec: AggregateSpec): Promise<AggregateResult> {
    if (this.failing.has(spec.key)) throw new Error(`aggregation ${spec.key} failed`);
    let count = 0;
    const sums: Record<string, number> = Object.fromEntries(spec.sums.map((f) => [f, 0]));
    for (const [path, data] of this.docs) {
      if (!inCollection(path, spec)) continue;
      if (!spec.equals.every(([f, v]) => field(data, f) === v)) continue;
      if (spec.range !== null) {
        const at = field(data, spec.range.field);
        if (!(at instanceof Timestamp) || at.toMillis() < spec.range.from || at.toMillis() >= spec.range.to) continue;
      }
      count += 1;
      for (const f of spec.sums) {
        const v = field(data, f);
        if (typeof v === 'number') sums[f] = (sums[f] ?? 0) + v;
      }
    }
    this.aggregations += 1;
    this.reads += billedAggregateReads(count);
    return { count, sums };
  }

  async participantsPerEndedCircle(orgId: string, window: DayWindow): Promise<number[]> {
    const circles: string[] = [];
    for (const [path, data] of this.docs) {
      if (!/^peerSessions\/[^/]+$/.test(path) || data.orgId !== orgId || data.status !== 'ended') continue;
      const at = data.scheduledAt;
      if (at instanceof Timestamp && at.toMillis() >= window.from && at.toMillis() < window.to) circles.push(path);
    }
    this.reads += Math.max(1, circles.length);
    return circles.sort().map((circle) => {
      const prefix = `${circle}/participants/`;
      let n = 0;
      for (const path of this.docs.keys()) if (path.startsWith(prefix) && !path.slice(prefix.length).includes('/')) n += 1;
      this.aggregations += 1;
      this.reads += billedAggregateReads(n);
      return n;
    });
  }

  async ackHistogram(orgId: string, day: string): Promise<readonly number[] | null> {
    this.reads += 1;
    const path = ackHistogramPath(orgId, day);
    const data = this.docs.get(path);
    return data ? parseStored(ackHistogramSchema, data, path).counts : null;
  }

  async recordAck(orgId: string, day: string, eventId: string, bucket: number, now: number): Promise<AckRecord> {
    this.reads += 1;
    const path = ackHistogramPath(orgId, day);
    const stored = this.docs.get(path);
    const current = stored ? parseStored(ackHistogramSchema, stored, path) : undefined;
    if (current?.events.includes(eventId)) return 'already-counted';
    const counts = current?.counts.slice() ?? new Array<number>(ACK_BUCKET_COUNT).fill(0);
    counts[bucket] = (counts[bucket] ?? 0) + 1;
    this.writes += 1;
    this.docs.set(path, ackHistogramSchema.parse({ orgId, day, counts, events: [...(current?.events ?? []), eventId], updatedAt: ts(now) }));
    return 'recorded';
  }

  async rebuildAckHistogram(orgId: string, day: string, window: DayWindow, now: number): Promise<number> {
    const events: AckedEvent[] = [];
    for (const [path, data] of this.docs) {
      if (!/^riskEvents\/[^/]+$/.test(path) || data.orgId !== orgId) continue;
      const e = riskEventSchema.parse(data);
      const created = e.createdAt.toMillis();
      if (created < window.from || created >= window.to) continue;
      events.push({ id: path.slice('riskEvents/'.length), createdAt: created, ackAt: e.ackAt?.toMillis() ?? null });
    }
    this.reads += Math.max(1, events.length);
    this.writes += 1;
    const built = histogramOfEvents(events);
    this.docs.set(ackHistogramPath(orgId, day), ackHistogramSchema.parse({ orgId, day, ...built, updatedAt: ts(now) }));
    return built.events.length;
  }

  async writeDaily(doc: AnalyticsDaily): Promise<void> {
    this.writes += 1;
    this.docs.set(paths.analyticsDay(doc.orgId, doc.day), analyticsDailySchema.parse(doc));
  }

  daily(orgId: string, day: string): AnalyticsDaily | undefined {
    const path = paths.analyticsDay(orgId, day);
    const data = this.docs.get(path);
    return data ? parseStored(analyticsDailySchema, data, path) : undefined;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Seeding (every document parsed with its model schema first)
// ---------------------------------------------------------------------------------------------------------

export interface DocSink {
  put(path: string, data: Data): void | Promise<void>;
}

const put = async (sink: DocSink, schema: z.ZodType<Data>, path: string, data: unknown) => {
  await sink.put(path, schema.parse(data));
};

export const seed = {
  config: (sink: DocSink, minCellSize: number) => put(sink, appConfigSchema, paths.appConfig(), { analytics: { minCellSize } }),
  org: (sink: DocSink, orgId: string, timezone = 'Asia/Kolkata') =>
    put(sink, orgSchema, paths.org(orgId), { name: `Org ${orgId}`, country: 'IN', timezone, onCall: [] }),
  /** A user active at `lastActiveAt`: the profile and the well-being document of that local day (Asia/Kolkata). */
  student: async (sink: DocSink, uid: string, orgId: string, lastActiveAt: number, analytics = true, role: 'student' | 'counselor' = 'student') => {
    await seed.activeDay(sink, uid, orgId, localDay(lastActiveAt, 'Asia/Kolkata'), role === 'student' && analytics);
    await put(sink, userProfileSchema, paths.user(uid), {
      alias: 'Calm Otter 42',
      role,
      orgId,
      language: 'en',
      timezone: 'Asia/Kolkata',
      createdAt: ts(lastActiveAt - 86_400_000 * 30),
      lastActiveAt: ts(lastActiveAt),
      streak: { current: 1, longest: 1, lastDay: null },
      prefs: { reminderTime: null, quietHours: null, channels: { push: true, email: false, sms: false } },
      consent: { aiScreening: false, shareWithCounselor: false, analytics, version: 1, at: ts(lastActiveAt - 86_400_000) },
      counts: { mood: 0, journal: 0, gratitude: 0, sleep: 0, breathing: 0 },
    });
  },
  /** `users/{uid}/wellbeing/{day}` as onEntryCreated writes it; `analytics`: a consenting student. */
  activeDay: (sink: DocSink, uid: string, orgId: string, day: string, analytics: boolean) =>
    put(sink, wellbeingSchema, paths.wellbeing(uid, day), {
      day,
      score: 50,
      inputs: { moodAvg: 3, sleepHours: null, sleepQuality: null, journalCount: 0, gratitudeCount: 0, breathingMinutes: 0, tasksDone: 0 },
      updatedAt: ts(Date.parse(`${day}T12:00:00Z`)),
      orgId,
      analytics,
    }),
  entry: (sink: DocSink, uid: string, id: string, kind: EntryKind, createdAt: number, orgId?: string) => {
    const fields: Record<EntryKind, Data> = {
      mood: { mood: 3, emotions: [] },
      journal: { text: 'a day' },
      gratitude: { text: 'tea' },
      sleep: { hours: 7, quality: 6 },
      breathing: { pattern: 'box', durationSec: 120 },
    };
    return put(sink, entrySchema, paths.entry(uid, id), { kind, ...fields[kind], createdAt: ts(createdAt), ...(orgId ? { orgId, processedAt: ts(createdAt) } : {}) });
  },
  assessment: (sink: DocSink, uid: string, id: string, instrument: 'phq9' | 'gad7', severity: string, createdAt: number, orgId: string) =>
    put(sink, assessmentSchema, paths.assessment(uid, id), {
      instrument,
      answers: new Array<number>(instrument === 'phq9' ? 9 : 7).fill(1),
      severity,
      createdAt: ts(createdAt),
      orgId,
    }),
  chat: (sink: DocSink, id: string, kind: ChatKind, createdAt: number, orgId: string) =>
    put(sink, chatSchema, paths.chat(id), {
      kind,
      studentUid: 'student-1',
      ...(kind === 'counselor' ? { counselorUid: 'counselor-1' } : {}),
      orgId,
      status: 'open',
      createdAt: ts(createdAt),
      lastMessageAt: ts(createdAt),
    }),
  riskEvent: (
    sink: DocSink,
    id: string,
    orgId: string,
    level: RiskEventLevel,
    createdAt: number,
    opts: { ackAfterMin?: number; outcome?: RiskOutcome; resolvedAt?: number } = {},
  ) =>
    put(sink, riskEventSchema, paths.riskEvent(id), {
      orgId,
      studentUid: 'student-1',
      alias: 'Calm Otter 42',
      source: 'chat',
      sourcePath: 'chats/c1/messages/m1',
      level,
      reasons: ['x'],
      excerpt: null,
      status: opts.outcome ? 'resolved' : opts.ackAfterMin !== undefined ? 'acknowledged' : 'open',
      assignedTo: null,
      ackBy: opts.ackAfterMin !== undefined ? 'counselor-1' : null,
      ackAt: opts.ackAfterMin !== undefined ? ts(createdAt + opts.ackAfterMin * 60_000) : null,
      escalationStep: 0,
      nextEscalationAt: null,
      outcome: opts.outcome ?? null,
      createdAt: ts(createdAt),
      updatedAt: ts(createdAt),
      resolvedAt: opts.resolvedAt !== undefined ? ts(opts.resolvedAt) : null,
    }),
  booking: (sink: DocSink, id: string, orgId: string, status: BookingStatus, start: number) =>
    put(sink, bookingSchema, paths.booking(id), {
      studentUid: 'student-1',
      counselorUid: 'counselor-1',
      orgId,
      slotId: 'slot-1',
      start: ts(start),
      end: ts(start + 3_600_000),
      mode: 'video',
      status,
      history: [],
      createdAt: ts(start - 86_400_000),
      updatedAt: ts(start - 86_400_000),
    }),
  participant: (sink: DocSink, sessionId: string, uid: string, joinedAt: number, left = true) =>
    put(sink, participantSchema, paths.participant(sessionId, uid), {
      alias: 'Calm Otter 42',
      joinedAt: ts(joinedAt),
      leftAt: left ? ts(joinedAt + 3_000_000) : null,
    }),
  peerSession: (
    sink: DocSink,
    id: string,
    orgId: string,
    scheduledAt: number,
    f: { status?: 'scheduled' | 'live' | 'ended' | 'cancelled'; participantCount: number; feedbackCount: number; ratingSum: number },
  ) =>
    put(sink, peerSessionSchema, paths.peerSession(id), {
      title: 'Exam stress circle',
      category: 'exam-stress',
      language: 'en',
      orgId,
      scheduledAt: ts(scheduledAt),
      durationMin: 60,
      capacity: 100,
      hostUids: ['volunteer-1'],
      status: f.status ?? 'ended',
      participantCount: f.participantCount,
      feedbackCount: f.feedbackCount,
      ratingSum: f.ratingSum,
      createdBy: 'volunteer-1',
      createdAt: ts(scheduledAt - 86_400_000),
    }),
};
