/**
 * An in-memory document store that counts reads the way Firestore bills them (a get is one read, a query one
 * per document returned and at least one, a count one per 1,000 entries), keeps sorted indexes on declared
 * fields (so a range query touches only what it returns) and versions every document (for update-time
 * preconditions). On top of it: the notifier's store, and the notifier's dependencies with the offline
 * providers (every push/SMS/email recorded in an in-memory delivery log and outbox).
 */
import { Timestamp } from 'firebase-admin/firestore';
import type { z } from 'zod';
import type { NotifyDeps } from '../../src/notify/notifier';
import type { DeviceToken, NewNotification, NotifyStore } from '../../src/notify/repository';
import {
  deviceSchema,
  notificationSchema,
  privateContactSchema,
  userProfileSchema,
  type Device,
  type Notification,
  type PrivateContact,
  type UserProfile,
} from '../../src/model/schemas';
import { paths } from '../../src/model/paths';
import { encryptField, type KeyRing } from '../../src/platform/crypto';
import { emailChannel, pushChannel, smsChannel } from '../../src/platform/providers/channels';
import { InMemoryDeliveryLog } from '../../src/platform/providers/delivery-log';
import { offlineEmailSender, offlinePushSender, offlineSmsSender, Outbox, type OfflineMode } from '../../src/platform/providers/offline';
import { parseStored } from '../../src/platform/validation';
import { contactFieldContext } from '../../src/notify/notifier';

export type Data = Record<string, unknown>;

interface Stored {
  data: Data;
  version: number;
}

/** A field index over documents whose path matches, sorted by (value, path). Values are epoch ms. */
interface IndexSpec {
  name: string;
  matches: (path: string) => boolean;
  field: string;
}

interface IndexEntry {
  at: number;
  path: string;
}

const compareEntry = (a: IndexEntry, b: IndexEntry) => a.at - b.at || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

function lowerBound(list: IndexEntry[], probe: IndexEntry): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const entry = list[mid];
    if (entry && compareEntry(entry, probe) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function fieldMillis(data: Data, field: string): number | undefined {
  const v = data[field];
  return v instanceof Timestamp ? v.toMillis() : undefined;
}

export const parentOf = (path: string) => path.slice(0, path.lastIndexOf('/'));
export const idOf = (path: string) => path.slice(path.lastIndexOf('/') + 1);
const collectionIdOf = (path: string) => idOf(parentOf(path));

export class MemoryDocs {
  private readonly docs = new Map<string, Stored>();
  /** Paths of the documents in each collection, so a query visits only its own collection. */
  private readonly children = new Map<string, Set<string>>();
  private readonly indexes = new Map<string, { spec: IndexSpec; entries: IndexEntry[] }>();
  private sequence = 0;
  /** Document reads as Firestore bills them. */
  reads = 0;
  writes = 0;

  constructor(readonly clock: { now: number } = { now: Date.parse('2025-05-05T06:30:00Z') }, specs: readonly IndexSpec[] = []) {
    for (const spec of specs) this.indexes.set(spec.name, { spec, entries: [] });
  }

  now(): Timestamp {
    return Timestamp.fromMillis(this.clock.now);
  }

  private reindex(path: string, before: Data | undefined, after: Data | undefined): void {
    for (const { spec, entries } of this.indexes.values()) {
      if (!spec.matches(path)) continue;
      const old = before ? fieldMillis(before, spec.field) : undefined;
      if (old !== undefined) {
        const i = lowerBound(entries, { at: old, path });
        if (entries[i]?.path === path) entries.splice(i, 1);
      }
      const next = after ? fieldMillis(after, spec.field) : undefined;
      if (next !== undefined) entries.splice(lowerBound(entries, { at: next, path }), 0, { at: next, path });
    }
  }

  private put(path: string, data: Data | undefined): void {
    const before = this.docs.get(path)?.data;
    const parent = parentOf(path);
    if (data === undefined) {
      this.docs.delete(path);
      this.children.get(parent)?.delete(path);
    } else {
      this.docs.set(path, { data, version: ++this.sequence });
      let siblings = this.children.get(parent);
      if (!siblings) {
        siblings = new Set();
        this.children.set(parent, siblings);
      }
      siblings.add(path);
    }
    this.reindex(path, before, data);
    this.writes += 1;
  }

  /** Test setup: writes without counting. */
  seed(path: string, data: Data): void {
    this.put(path, data);
    this.writes -= 1;
  }

  /** Test inspection: reads without counting. */
  peek(path: string): Data | undefined {
    return this.docs.get(path)?.data;
  }

  /** Test inspection: every stored path, sorted, without counting reads. */
  paths(): string[] {
    return [...this.docs.keys()].sort();
  }

  versionOf(path: string): number | undefined {
    return this.docs.get(path)?.version;
  }

  get(path: string): { data: Data; version: number } | undefined {
    this.reads += 1;
    const d = this.docs.get(path);
    return d ? { data: d.data, version: d.version } : undefined;
  }

  set(path: string, data: Data): void {
    this.put(path, data);
  }

  create(path: string, data: Data): boolean {
    if (this.docs.has(path)) return false;
    this.put(path, data);
    return true;
  }

  update(path: string, patch: Data, ifVersion?: number): boolean {
    const d = this.docs.get(path);
    if (!d || (ifVersion !== undefined && d.version !== ifVersion)) return false;
    this.put(path, { ...d.data, ...patch });
    return true;
  }

  delete(path: string): void {
    this.put(path, undefined);
  }

  private billQuery<T>(rows: T[]): T[] {
    this.reads += Math.max(1, rows.length);
    return rows;
  }

  /** Documents of one collection (direct children), filtered; billed per document returned. */
  query(collectionPath: string, where: (data: Data, path: string) => boolean = () => true): Array<{ path: string; data: Data; version: number }> {
    const rows: Array<{ path: string; data: Data; version: number }> = [];
    for (const path of [...(this.children.get(collectionPath) ?? [])].sort()) {
      const d = this.docs.get(path);
      if (d && where(d.data, path)) rows.push({ path, data: d.data, version: d.version });
    }
    return this.billQuery(rows);
  }

  /** Documents of every collection with this id (a collection-group query), filtered. */
  group(collectionId: string, where: (data: Data, path: string) => boolean = () => true): Array<{ path: string; data: Data; version: number }> {
    const rows = [...this.docs.entries()]
      .filter(([p, d]) => collectionIdOf(p) === collectionId && where(d.data, p))
      .map(([path, d]) => ({ path, data: d.data, version: d.version }));
    return this.billQuery(rows);
  }

  /** A count aggregation: one read per 1,000 matching entries (at least one). */
  count(collectionPath: string, where: (data: Data) => boolean): number {
    let n = 0;
    for (const path of this.children.get(collectionPath) ?? []) {
      const d = this.docs.get(path);
      if (d && where(d.data)) n += 1;
    }
    this.reads += 1 + Math.floor(n / 1000);
    return n;
  }

  /** `where field <= upTo order by field, path` after a cursor, from the index: touches only what it returns. */
  due(indexName: string, upTo: number, limit: number, after: IndexEntry | null): Array<{ path: string; data: Data; version: number; at: number }> {
    const index = this.indexes.get(indexName);
    if (!index) throw new Error(`no index ${indexName}`);
    let start = after ? lowerBound(index.entries, after) : 0;
    const first = index.entries[start];
    if (after && first && compareEntry(first, after) === 0) start += 1;
    const rows: Array<{ path: string; data: Data; version: number; at: number }> = [];
    for (let i = start; i < index.entries.length && rows.length < limit; i += 1) {
      const entry = index.entries[i];
      if (!entry || entry.at > upTo) break;
      const d = this.docs.get(entry.path);
      if (d) rows.push({ path: entry.path, data: d.data, version: d.version, at: entry.at });
    }
    return this.billQuery(rows);
  }
}

/** The indexes the well-being reminder queries use (single-field; the task one is collection-group scoped). */
export const DUE_INDEXES: readonly IndexSpec[] = [
  { name: 'users.nextReminderAt', matches: (p) => /^users\/[^/]+$/.test(p), field: 'nextReminderAt' },
  { name: 'users.streakNudgeAt', matches: (p) => /^users\/[^/]+$/.test(p), field: 'streakNudgeAt' },
  { name: 'tasks.nextReminderAt', matches: (p) => /^users\/[^/]+\/tasks\/[^/]+$/.test(p), field: 'nextReminderAt' },
];

export function parse<S extends z.ZodType>(schema: S, data: Data, path: string): z.output<S> {
  return parseStored(schema, data, path);
}

export class InMemoryNotifyStore implements NotifyStore {
  constructor(readonly docs: MemoryDocs) {}

  async profile(uid: string): Promise<UserProfile | null> {
    const d = this.docs.get(paths.user(uid));
    return d ? parse(userProfileSchema, d.data, paths.user(uid)) : null;
  }

  async createNotification(uid: string, id: string, n: NewNotification): Promise<'created' | 'exists'> {
    const path = paths.notification(uid, id);
    const doc: Notification = notificationSchema.parse({
      type: n.type,
      title: n.title,
      body: n.body,
      link: n.link,
      createdAt: this.docs.now(),
      readAt: null,
      expireAt: Timestamp.fromMillis(n.expireAt),
    });
    return this.docs.create(path, doc) ? 'created' : 'exists';
  }

  async devices(uid: string): Promise<DeviceToken[]> {
    return this.docs
      .query(paths.devices(uid))
      .map((r) => ({ id: idOf(r.path), device: parse(deviceSchema, r.data, r.path) }))
      .map(({ id, device }) => ({ deviceId: id, token: device.token, updatedAt: device.updatedAt.toMillis() }))
      .sort((a, b) => b.updatedAt - a.updatedAt);
  }

  async removeDevices(uid: string, deviceIds: readonly string[]): Promise<void> {
    for (const id of deviceIds) this.docs.delete(paths.device(uid, id));
  }

  async contact(uid: string): Promise<PrivateContact | null> {
    const d = this.docs.get(paths.contact(uid));
    return d ? parse(privateContactSchema, d.data, paths.contact(uid)) : null;
  }
}

export const TEST_KEY_RING: KeyRing = { keys: [{ id: 'test', key: Buffer.alloc(32, 3) }] };

export interface FakeNotify {
  deps: NotifyDeps;
  store: InMemoryNotifyStore;
  outbox: Outbox;
  deliveries: InMemoryDeliveryLog;
}

export function fakeNotifyDeps(docs: MemoryDocs, mode: OfflineMode = 'simulate'): FakeNotify {
  const outbox = new Outbox();
  const deliveries = new InMemoryDeliveryLog(() => docs.now());
  const store = new InMemoryNotifyStore(docs);
  return {
    store,
    outbox,
    deliveries,
    deps: {
      store,
      push: pushChannel(offlinePushSender(mode, outbox), deliveries),
      sms: smsChannel(offlineSmsSender(mode, outbox), deliveries),
      email: emailChannel(offlineEmailSender(mode, outbox), deliveries),
      keyRing: TEST_KEY_RING,
      now: () => docs.clock.now,
    },
  };
}

const T0 = Timestamp.fromMillis(Date.parse('2025-01-01T00:00:00Z'));

/** A valid profile (student in Asia/Kolkata, reminder 20:00, quiet 22:00–07:00, push only). */
export function profileFixture(overrides: Partial<UserProfile> = {}): UserProfile {
  return userProfileSchema.parse({
    alias: 'Calm Otter 42',
    role: 'student',
    orgId: 'org-a',
    language: 'en',
    timezone: 'Asia/Kolkata',
    createdAt: T0,
    lastActiveAt: T0,
    streak: { current: 0, longest: 0, lastDay: null },
    prefs: { reminderTime: '20:00', quietHours: { start: '22:00', end: '07:00' }, channels: { push: true, email: false, sms: false } },
    consent: { aiScreening: false, shareWithCounselor: false, analytics: false, version: 1, at: null },
    counts: { mood: 0, journal: 0, gratitude: 0, sleep: 0, breathing: 0 },
    ...overrides,
  });
}

export function seedDevice(docs: MemoryDocs, uid: string, deviceId: string, token: string, updatedAt = T0): void {
  const device: Device = deviceSchema.parse({ token, platform: 'android', updatedAt });
  docs.seed(paths.device(uid, deviceId), device);
}

export function seedContact(docs: MemoryDocs, uid: string, contact: { email?: string; phone?: string }, ring: KeyRing = TEST_KEY_RING): void {
  const doc: PrivateContact = privateContactSchema.parse({
    email: contact.email ? encryptField(ring, contact.email, contactFieldContext(uid, 'email')) : null,
    phone: contact.phone ? encryptField(ring, contact.phone, contactFieldContext(uid, 'phone')) : null,
    updatedAt: T0,
  });
  docs.seed(paths.contact(uid), doc);
}

/** The in-app notifications of a user, as stored. */
export function notificationsOf(docs: MemoryDocs, uid: string): Array<Notification & { id: string }> {
  const prefix = `${paths.notifications(uid)}/`;
  const out: Array<Notification & { id: string }> = [];
  for (const path of docs.paths()) {
    if (path.startsWith(prefix)) out.push({ id: idOf(path), ...notificationSchema.parse(docs.peek(path)) });
  }
  return out;
}
