/**
 * The well-being stores in memory, on the counting document store of notify-fakes.ts: the same documents the
 * Firestore implementation reads and writes (parsed with the model's schemas), due queries served from sorted
 * indexes, claims checked against document versions. Plus seed helpers and the dependencies the handlers take.
 */
import { Timestamp } from 'firebase-admin/firestore';
import { paths } from '../../src/model/paths';
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
  type Booking,
  type Entry,
  type Org,
  type Task,
  type UserProfile,
} from '../../src/model/schemas';
import { formatIssues } from '../../src/platform/validation';
import type { JournalScreeningRequest } from '../../src/wellbeing/handle-entries';
import { assessmentResultFields } from '../../src/wellbeing/firestore-store';
import type { DueCursor, DueProfile, DueTask, WellbeingStore } from '../../src/wellbeing/repository';
import type { WellbeingDeps } from '../../src/wellbeing/triggers';
import { DUE_INDEXES, fakeNotifyDeps, idOf, MemoryDocs, parentOf, parse, type Data, type FakeNotify } from './notify-fakes';

const ts = (ms: number) => Timestamp.fromMillis(ms);
const tsOrNull = (ms: number | null) => (ms === null ? null : ts(ms));
const millis = (v: unknown) => (v instanceof Timestamp ? v.toMillis() : undefined);
const UNRESOLVED = new Set(['open', 'acknowledged', 'escalated']);

export class InMemoryWellbeingStore implements WellbeingStore {
  constructor(readonly docs: MemoryDocs) {}

  async processEntry(uid: string, entryId: string, effects: (entry: Entry, profile: UserProfile) => ReturnType<Parameters<WellbeingStore['processEntry']>[2]>) {
    const entryPath = paths.entry(uid, entryId);
    const userPath = paths.user(uid);
    const e = this.docs.get(entryPath);
    if (!e) return { status: 'missing-entry' as const };
    const u = this.docs.get(userPath);
    if (!u) return { status: 'missing-profile' as const };
    const entry = parse(entrySchema, e.data, entryPath);
    const profile = parse(userProfileSchema, u.data, userPath);
    if (entry.processedAt) {
      if (entry.orgId === undefined) this.docs.update(entryPath, { orgId: profile.orgId });
      return { status: 'already-processed' as const, entry, profile };
    }
    const fx = effects(entry, profile);
    this.docs.update(userPath, { counts: fx.counts, streak: fx.streak, lastActiveAt: ts(fx.lastActiveAt), streakNudgeAt: tsOrNull(fx.streakNudgeAt) });
    this.docs.update(entryPath, { processedAt: this.docs.now(), orgId: entry.orgId ?? profile.orgId });
    return { status: 'applied' as const, entry, profile };
  }

  async entriesBetween(uid: string, from: number, to: number): Promise<Entry[]> {
    return this.docs
      .query(paths.entries(uid), (d) => {
        const t = millis(d.createdAt);
        return t !== undefined && t >= from && t < to;
      })
      .map((r) => parse(entrySchema, r.data, r.path));
  }

  async tasksDoneBetween(uid: string, from: number, to: number): Promise<number> {
    return this.docs.count(paths.tasks(uid), (d) => {
      const t = millis(d.doneAt);
      return t !== undefined && t >= from && t < to;
    });
  }

  async saveWellbeing(uid: string, day: string, score: number, inputs: Parameters<WellbeingStore['saveWellbeing']>[3], owner: Parameters<WellbeingStore['saveWellbeing']>[4]): Promise<void> {
    this.docs.set(paths.wellbeing(uid, day), wellbeingSchema.parse({ day, score, inputs, updatedAt: this.docs.now(), orgId: owner.orgId, analytics: owner.analytics }));
  }

  async assessment(uid: string, id: string) {
    const d = this.docs.get(paths.assessment(uid, id));
    if (!d) return null;
    const result = assessmentSchema.safeParse(d.data);
    if (!result.success) return { valid: false as const, issues: formatIssues(result.error) };
    const a = result.data;
    return { valid: true as const, instrument: a.instrument, answers: a.answers, createdAt: a.createdAt?.toMillis() ?? null, scored: a.scoredAt !== undefined };
  }

  async previousAssessment(uid: string, instrument: string, before: number, excludeId: string) {
    const rows = this.docs
      .query(paths.assessments(uid), (d) => d.instrument === instrument && (millis(d.createdAt) ?? Infinity) < before)
      .sort((a, b) => (millis(b.data.createdAt) ?? 0) - (millis(a.data.createdAt) ?? 0))
      .filter((r) => idOf(r.path) !== excludeId);
    const first = rows[0];
    if (!first) return null;
    const parsed = assessmentSchema.safeParse(first.data);
    return parsed.success ? { id: idOf(first.path), answers: parsed.data.answers } : null;
  }

  async saveAssessmentResult(uid: string, id: string, r: Parameters<WellbeingStore['saveAssessmentResult']>[2], orgId: string | null, createdAt: number | null): Promise<void> {
    const path = paths.assessment(uid, id);
    if (!this.docs.update(path, assessmentResultFields(r, orgId, createdAt, this.docs.now()))) throw new Error(`no ${path}`);
    const stored = this.docs.peek(path);
    assessmentSchema.parse(stored);
  }

  async createRiskEvent(id: string, event: Parameters<WellbeingStore['createRiskEvent']>[1]): Promise<'created' | 'exists'> {
    const now = this.docs.now();
    return this.docs.create(paths.riskEvent(id), riskEventSchema.parse({ ...event, createdAt: now, updatedAt: now })) ? 'created' : 'exists';
  }

  async profile(uid: string): Promise<UserProfile | null> {
    const d = this.docs.get(paths.user(uid));
    return d ? parse(userProfileSchema, d.data, paths.user(uid)) : null;
  }

  async org(orgId: string): Promise<Org | null> {
    const d = this.docs.get(paths.org(orgId));
    return d ? parse(orgSchema, d.data, paths.org(orgId)) : null;
  }

  async appConfig() {
    const d = this.docs.get(paths.appConfig());
    return parse(appConfigSchema, d?.data ?? {}, paths.appConfig());
  }

  private dueProfiles(index: string, field: 'nextReminderAt' | 'streakNudgeAt', now: number, limit: number, cursor: DueCursor | null): DueProfile[] {
    return this.docs.due(index, now, limit, cursor).map((r) => {
      const profile = parse(userProfileSchema, r.data, r.path);
      const due = millis(profile[field]) ?? r.at;
      return { uid: idOf(r.path), profile, due, version: String(r.version), cursor: { at: r.at, path: r.path } };
    });
  }

  async dueCheckins(now: number, limit: number, cursor: DueCursor | null): Promise<DueProfile[]> {
    return this.dueProfiles('users.nextReminderAt', 'nextReminderAt', now, limit, cursor);
  }

  async claimCheckin(uid: string, version: string, next: number | null): Promise<boolean> {
    return this.docs.update(paths.user(uid), { nextReminderAt: tsOrNull(next) }, Number(version));
  }

  async dueTasks(now: number, limit: number, cursor: DueCursor | null): Promise<DueTask[]> {
    return this.docs.due('tasks.nextReminderAt', now, limit, cursor).map((r) => {
      const task = parse(taskSchema, r.data, r.path);
      return { uid: idOf(parentOf(parentOf(r.path))), taskId: idOf(r.path), task, due: r.at, version: String(r.version), cursor: { at: r.at, path: r.path } };
    });
  }

  async claimTask(uid: string, taskId: string, version: string, next: number | null): Promise<boolean> {
    return this.docs.update(paths.task(uid, taskId), { nextReminderAt: tsOrNull(next) }, Number(version));
  }

  async dueStreakNudges(now: number, limit: number, cursor: DueCursor | null): Promise<DueProfile[]> {
    return this.dueProfiles('users.streakNudgeAt', 'streakNudgeAt', now, limit, cursor);
  }

  async claimStreakNudge(uid: string, version: string): Promise<boolean> {
    return this.docs.update(paths.user(uid), { streakNudgeAt: null }, Number(version));
  }

  async setProfileSchedule(uid: string, fields: { nextReminderAt?: number | null; streakNudgeAt?: number | null }): Promise<void> {
    const patch: Data = {};
    if (fields.nextReminderAt !== undefined) patch.nextReminderAt = tsOrNull(fields.nextReminderAt);
    if (fields.streakNudgeAt !== undefined) patch.streakNudgeAt = tsOrNull(fields.streakNudgeAt);
    if (!this.docs.update(paths.user(uid), patch)) throw new Error(`no profile ${uid}`);
  }

  async setTaskReminder(uid: string, taskId: string, next: number | null): Promise<void> {
    if (!this.docs.update(paths.task(uid, taskId), { nextReminderAt: tsOrNull(next) })) throw new Error(`no task ${taskId}`);
  }

  async tasks(uid: string): Promise<Array<{ taskId: string; task: Task }>> {
    return this.docs.query(paths.tasks(uid)).map((r) => ({ taskId: idOf(r.path), task: parse(taskSchema, r.data, r.path) }));
  }

  async orgs(): Promise<Array<{ orgId: string; org: Org }>> {
    return this.docs.query(paths.orgs()).map((r) => ({ orgId: idOf(r.path), org: parse(orgSchema, r.data, r.path) }));
  }

  async activeCounselors(orgId: string): Promise<string[]> {
    return this.docs
      .query(paths.counselors(), (d) => d.orgId === orgId && d.active === true)
      .map((r) => (parse(counselorSchema, r.data, r.path), idOf(r.path)));
  }

  async openRiskCounts(orgId: string): Promise<{ moderate: number; high: number; imminent: number }> {
    const count = (level: string) => this.docs.count(paths.riskEvents(), (d) => d.orgId === orgId && d.level === level && UNRESOLVED.has(String(d.status)));
    return { moderate: count('moderate'), high: count('high'), imminent: count('imminent') };
  }

  async counselorBookings(counselorUid: string, from: number, to: number): Promise<Booking[]> {
    return this.docs
      .query(paths.bookings(), (d) => {
        const start = millis(d.start);
        return d.counselorUid === counselorUid && start !== undefined && start >= from && start < to;
      })
      .map((r) => parse(bookingSchema, r.data, r.path));
  }

  async reflectionRecipients(orgId: string): Promise<Array<{ uid: string; profile: UserProfile }>> {
    return this.docs
      .query(paths.users(), (d) => {
        const prefs = d.prefs;
        return d.orgId === orgId && d.role === 'student' && typeof prefs === 'object' && prefs !== null && 'weeklyReflection' in prefs && prefs.weeklyReflection === true;
      })
      .map((r) => ({ uid: idOf(r.path), profile: parse(userProfileSchema, r.data, r.path) }));
  }

  async wellbeingDays(uid: string, fromDay: string, toDay: string) {
    return this.docs
      .query(paths.wellbeingDays(uid), (d) => typeof d.day === 'string' && d.day >= fromDay && d.day <= toDay)
      .map((r) => parse(wellbeingSchema, r.data, r.path));
  }
}

/** Every journal screening request, in order; `fail` makes the next ones throw. */
export class FakeJournalScreener {
  readonly requests: JournalScreeningRequest[] = [];
  fail = false;

  readonly screen = async (request: JournalScreeningRequest): Promise<void> => {
    this.requests.push(request);
    if (this.fail) throw new Error('screening unavailable');
  };
}

export interface FakeWellbeing extends Omit<FakeNotify, 'store'> {
  docs: MemoryDocs;
  store: InMemoryWellbeingStore;
  wellbeing: WellbeingDeps;
  screener: FakeJournalScreener;
}

/** The documents, stores and dependencies of one test, with the clock at `now`. */
export function fakeWellbeing(now = Date.parse('2025-05-05T06:30:00Z')): FakeWellbeing {
  const docs = new MemoryDocs({ now }, DUE_INDEXES);
  const notify = fakeNotifyDeps(docs);
  const store = new InMemoryWellbeingStore(docs);
  return { deps: notify.deps, outbox: notify.outbox, deliveries: notify.deliveries, docs, store, wellbeing: { store, notify: notify.deps }, screener: new FakeJournalScreener() };
}

export function seedOrg(docs: MemoryDocs, orgId: string, overrides: Partial<Org> = {}): void {
  docs.seed(paths.org(orgId), orgSchema.parse({ name: 'Demo College', country: 'IN', timezone: 'Asia/Kolkata', onCall: [], ...overrides }));
}

/** `Omit` applied to each member of a union. */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type EntrySeed = DistributiveOmit<Entry, 'createdAt'> & { createdAt?: Timestamp };

export function seedEntry(docs: MemoryDocs, uid: string, entryId: string, entry: EntrySeed): Entry {
  const parsed = entrySchema.parse({ createdAt: docs.now(), ...entry });
  docs.seed(paths.entry(uid, entryId), parsed);
  return parsed;
}

export function seedTask(docs: MemoryDocs, uid: string, taskId: string, overrides: Partial<Task> = {}): Task {
  const task = taskSchema.parse({
    title: 'Evening walk',
    category: 'movement',
    schedule: { repeat: 'daily' },
    remindAt: '18:00',
    done: false,
    doneAt: null,
    createdAt: docs.now(),
    ...overrides,
  });
  docs.seed(paths.task(uid, taskId), task);
  return task;
}

export function seedAssessment(docs: MemoryDocs, uid: string, id: string, instrument: 'phq9' | 'gad7', answers: number[], createdAt = docs.now()): void {
  docs.seed(paths.assessment(uid, id), { instrument, answers, createdAt });
}

export function seedCounselor(docs: MemoryDocs, uid: string, orgId: string, active = true): void {
  docs.seed(paths.counselor(uid), counselorSchema.parse({ displayName: 'Dr. Rao', languages: ['en'], specialties: [], bio: '', orgId, active }));
}

export function seedBooking(docs: MemoryDocs, id: string, b: Pick<Booking, 'counselorUid' | 'studentUid' | 'status' | 'start'> & { orgId?: string }): void {
  const end = Timestamp.fromMillis(b.start.toMillis() + 3600_000);
  docs.seed(
    paths.booking(id),
    bookingSchema.parse({ orgId: 'org-a', slotId: `slot-${id}`, end, mode: 'video', history: [], createdAt: b.start, updatedAt: b.start, ...b }),
  );
}

export function seedRiskEvent(docs: MemoryDocs, id: string, orgId: string, level: 'moderate' | 'high' | 'imminent', status: 'open' | 'acknowledged' | 'escalated' | 'resolved'): void {
  const t = docs.now();
  docs.seed(
    paths.riskEvent(id),
    riskEventSchema.parse({
      orgId,
      studentUid: 'sx',
      alias: 'Quiet Heron 7',
      source: 'chat',
      sourcePath: 'chats/c1/messages/m1',
      level,
      reasons: [],
      excerpt: null,
      status,
      assignedTo: null,
      ackBy: null,
      ackAt: null,
      escalationStep: 0,
      nextEscalationAt: null,
      outcome: null,
      createdAt: t,
      updatedAt: t,
    }),
  );
}

/** The stored profile, parsed. */
export function storedProfile(docs: MemoryDocs, uid: string): UserProfile {
  return userProfileSchema.parse(docs.peek(paths.user(uid)));
}

export function storedTask(docs: MemoryDocs, uid: string, taskId: string): Task {
  return taskSchema.parse(docs.peek(paths.task(uid, taskId)));
}
