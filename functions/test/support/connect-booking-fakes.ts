/**
 * In-memory fakes of the booking, resource and device stores over the notifier's `MemoryDocs` (so the notifier's fake
 * store sees the same users and devices). Transactions run one at a time (like Firestore's locks make
 * contended ones do), buffer their writes and apply them only when the whole function succeeded and every
 * `create` target is still absent: all or nothing. Reads are parsed with the model's schemas.
 */
import { Timestamp } from 'firebase-admin/firestore';
import type { z } from 'zod';
import type { BookingDeps } from '../../src/connect/booking/handlers';
import { ACTIVE_STATUSES, PENDING_STATUSES } from '../../src/connect/booking/machine';
import type { BookingStore, BookingTx, HoldCursor } from '../../src/connect/booking/repository';
import type { DeviceRef, DeviceStore, Holder } from '../../src/connect/devices/repository';
import type { ResourceStore } from '../../src/connect/resources/repository';
import { paths } from '../../src/model/paths';
import {
  appConfigSchema,
  bookingSchema,
  chatSchema,
  counselorSchema,
  resourceSchema,
  slotSchema,
  type AppConfig,
  type Booking,
  type Counselor,
  type Resource,
  type Slot,
  type UserProfile,
} from '../../src/model/schemas';
import { fakeNotifyDeps, idOf, MemoryDocs, parse, profileFixture, type Data, type FakeNotify } from './notify-fakes';

type Write = { kind: 'create' | 'set'; path: string; data: Data };

/** A commit that failed because a `create` target exists (Firestore answers ALREADY_EXISTS). */
export class CommitConflict extends Error {
  readonly code = 6;
}

export class InMemoryBookingStore implements BookingStore {
  private queue: Promise<unknown> = Promise.resolve();
  /** Transactions run (including failed ones). */
  transactions = 0;
  /** Set to make the next commit fail after the function ran (to check nothing is half-written). */
  failNextCommit: Error | null = null;

  constructor(readonly docs: MemoryDocs) {}

  async appConfig(): Promise<AppConfig> {
    const d = this.docs.get(paths.appConfig());
    return d ? parse(appConfigSchema, d.data, paths.appConfig()) : appConfigSchema.parse({});
  }

  transact<T>(fn: (tx: BookingTx) => Promise<T>): Promise<T> {
    const run = this.queue.then(() => this.runOne(fn));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async runOne<T>(fn: (tx: BookingTx) => Promise<T>): Promise<T> {
    this.transactions += 1;
    const writes: Write[] = [];
    const read = <S extends z.ZodType>(path: string, schema: S): z.output<S> | null => {
      const d = this.docs.get(path);
      return d ? parse(schema, d.data, path) : null;
    };
    const tx: BookingTx = {
      counselor: async (uid) => read(paths.counselor(uid), counselorSchema),
      slot: async (counselorUid, slotId) => read(paths.slot(counselorUid, slotId), slotSchema),
      booking: async (id) => read(paths.booking(id), bookingSchema),
      chatExists: async (id) => this.docs.get(paths.chat(id)) !== undefined,
      activeBookingsWith: async (studentUid, counselorUid, now) =>
        this.docs
          .query(paths.bookings(), (d) => {
            const end = d.end;
            return (
              d.studentUid === studentUid &&
              d.counselorUid === counselorUid &&
              (ACTIVE_STATUSES as readonly unknown[]).includes(d.status) &&
              end instanceof Timestamp &&
              end.toMillis() > now
            );
          })
          .map((r) => parse(bookingSchema, r.data, r.path)),
      createBooking: (id, b) => writes.push({ kind: 'create', path: paths.booking(id), data: bookingSchema.parse(b) }),
      setBooking: (id, b) => writes.push({ kind: 'set', path: paths.booking(id), data: bookingSchema.parse(b) }),
      setSlot: (c, s, slot) => writes.push({ kind: 'set', path: paths.slot(c, s), data: slotSchema.parse(slot) }),
      createChat: (id, chat) => writes.push({ kind: 'create', path: paths.chat(id), data: chatSchema.parse(chat) }),
    };
    const result = await fn(tx);
    if (this.failNextCommit) {
      const err = this.failNextCommit;
      this.failNextCommit = null;
      throw err;
    }
    for (const w of writes) if (w.kind === 'create' && this.docs.peek(w.path) !== undefined) throw new CommitConflict(`${w.path} exists`);
    for (const w of writes) this.docs.set(w.path, w.data);
    return result;
  }

  async dueHolds(now: number, limit: number, after: HoldCursor | null): Promise<HoldCursor[]> {
    const pending: readonly string[] = PENDING_STATUSES;
    return this.docs
      .query(paths.bookings(), (d) => typeof d.status === 'string' && pending.includes(d.status) && d.holdExpiresAt instanceof Timestamp && d.holdExpiresAt.toMillis() <= now)
      .map((r) => ({ at: parse(bookingSchema, r.data, r.path).holdExpiresAt?.toMillis() ?? 0, id: idOf(r.path) }))
      .sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .filter((c) => !after || c.at > after.at || (c.at === after.at && c.id > after.id))
      .slice(0, limit);
  }
}

export class InMemoryResourceStore implements ResourceStore {
  constructor(readonly docs: MemoryDocs) {}

  async recordView(resourceId: string): Promise<'counted' | 'missing'> {
    const path = paths.resource(resourceId);
    const d = this.docs.peek(path);
    if (!d) return 'missing';
    this.docs.set(path, { ...d, viewCount: parse(resourceSchema, d, path).viewCount + 1 });
    return 'counted';
  }
}

export class InMemoryDeviceStore implements DeviceStore {
  removed: DeviceRef[] = [];

  constructor(readonly docs: MemoryDocs) {}

  async holdersOf(token: string): Promise<Holder[]> {
    return this.docs
      .group('devices', (d) => d.token === token)
      .map((r) => {
        const [, uid = '', , deviceId = ''] = r.path.split('/');
        return { uid, deviceId, updatedAt: r.data.updatedAt instanceof Timestamp ? r.data.updatedAt.toMillis() : 0 };
      });
  }

  async remove(devices: readonly DeviceRef[]): Promise<void> {
    for (const d of devices) {
      this.docs.delete(paths.device(d.uid, d.deviceId));
      this.removed.push(d);
    }
  }
}

/** Instants the tests use: "now" is 2025-05-05 06:30 UTC (12:00 in Asia/Kolkata). */
export const NOW = Date.parse('2025-05-05T06:30:00Z');
export const HOUR = 3_600_000;
export const MINUTE = 60_000;

export interface FakeBooking {
  deps: BookingDeps;
  docs: MemoryDocs;
  store: InMemoryBookingStore;
  notify: FakeNotify;
}

export function fakeBookingDeps(now = NOW): FakeBooking {
  const docs = new MemoryDocs({ now });
  const notify = fakeNotifyDeps(docs);
  const store = new InMemoryBookingStore(docs);
  return { docs, store, notify, deps: { store, notify: notify.deps, now: () => docs.clock.now } };
}

export function seedProfile(docs: MemoryDocs, uid: string, overrides: Partial<UserProfile> = {}): void {
  // No quiet hours, so push is sent whatever the time (tests about quiet hours set them).
  docs.seed(paths.user(uid), profileFixture({ prefs: { reminderTime: null, quietHours: null, channels: { push: true, email: false, sms: false } }, ...overrides }));
}

export function seedCounselor(docs: MemoryDocs, uid: string, overrides: Partial<Counselor> = {}): void {
  const counselor: Counselor = counselorSchema.parse({
    displayName: 'Dr. Asha Rao',
    languages: ['en', 'hi'],
    specialties: ['anxiety'],
    bio: '',
    orgId: 'org-a',
    active: true,
    ...overrides,
  });
  docs.seed(paths.counselor(uid), counselor);
  seedProfile(docs, uid, { role: 'counselor', alias: 'Counselor Rao 01', orgId: counselor.orgId });
}

/** An open slot starting `inMs` from `NOW`, 50 minutes long. */
export function seedSlot(docs: MemoryDocs, counselorUid: string, slotId: string, inMs = 24 * HOUR, overrides: Partial<Slot> = {}): void {
  const start = docs.clock.now + inMs;
  const slot: Slot = slotSchema.parse({
    start: Timestamp.fromMillis(start),
    end: Timestamp.fromMillis(start + 50 * MINUTE),
    status: 'open',
    createdAt: Timestamp.fromMillis(NOW - 48 * HOUR),
    ...overrides,
  });
  docs.seed(paths.slot(counselorUid, slotId), slot);
}

export function slotOf(docs: MemoryDocs, counselorUid: string, slotId: string): Slot {
  const path = paths.slot(counselorUid, slotId);
  const data = docs.peek(path);
  if (!data) throw new Error(`no slot ${path}`);
  return parse(slotSchema, data, path);
}

export function bookingOf(docs: MemoryDocs, id: string): Booking {
  const path = paths.booking(id);
  const data = docs.peek(path);
  if (!data) throw new Error(`no booking ${path}`);
  return parse(bookingSchema, data, path);
}

/** Every stored booking, with its id. */
export function allBookings(docs: MemoryDocs): Array<Booking & { id: string }> {
  return docs
    .paths()
    .filter((p) => p.startsWith(`${paths.bookings()}/`))
    .map((p) => ({ id: idOf(p), ...bookingOf(docs, idOf(p)) }));
}

export function seedResource(docs: MemoryDocs, id: string, overrides: Partial<Resource> = {}): void {
  const t = Timestamp.fromMillis(NOW - 48 * HOUR);
  const resource: Resource = resourceSchema.parse({
    title: { en: 'Sleep better before exams', hi: 'परीक्षा से पहले बेहतर नींद' },
    body: { en: 'A short guide.' },
    type: 'article',
    category: 'sleep',
    tags: ['sleep'],
    url: null,
    mediaPath: null,
    viewCount: 0,
    createdAt: t,
    updatedAt: t,
    ...overrides,
  });
  docs.seed(paths.resource(id), resource);
}
