/**
 * `firestoreBookingStore` against the project's offline Firestore emulator (started from source on a free port
 * for this suite), through firebase-admin: the booking handlers with real transactions under concurrency, and
 * the due-holds query (status filter, expiry bound, order and paging).
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deleteApp, initializeApp, type App } from 'firebase-admin/app';
import { getFirestore, Timestamp, type Firestore } from 'firebase-admin/firestore';
import { requestBooking, runExpireHolds, type BookingDeps } from '../../../src/connect/booking/handlers';
import { firestoreBookingStore } from '../../../src/connect/booking/firestore-store';
import { paths } from '../../../src/model/paths';
import { bookingSchema, slotSchema, type Booking, type BookingStatus } from '../../../src/model/schemas';
import type { Caller } from '../../../src/platform/callable';
import { DomainError } from '../../../src/platform/errors';
import { fakeNotifyDeps, MemoryDocs } from '../../support/notify-fakes';

const ROOT = join(__dirname, '..', '..', '..', '..');
const READY = /ready on (\S+):(\d+)/;
const T = Date.parse('2025-05-05T06:30:00Z');
const ts = (ms: number) => Timestamp.fromMillis(ms);

function startEmulator(): Promise<{ child: ChildProcess; address: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', require.resolve('tsx/cjs'), join(ROOT, 'emulator', 'src', 'server', 'cli.ts'), '--host', '127.0.0.1', '--port', '0'], {
      cwd: mkdtempSync(join(tmpdir(), 'booking-store-')),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let tail = '';
    const onData = (chunk: Buffer) => {
      tail = (tail + chunk.toString()).slice(-4000);
      const m = READY.exec(tail);
      if (m?.[1] && m[2]) resolve({ child, address: `${m[1]}:${m[2]}` });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`emulator exited (${String(code)}): ${tail}`)));
  });
}

const HOUR = 3_600_000;
const student = (uid: string): Caller => ({ uid, role: 'student', orgId: 'org-a' });

describe('booking store (offline Firestore emulator)', function () {
  this.timeout(120_000);
  let child: ChildProcess;
  let app: App;
  let db: Firestore;
  let previousEnv: Record<'FIRESTORE_EMULATOR_HOST' | 'METADATA_SERVER_DETECTION', string | undefined>;
  let project = 0;

  before(async () => {
    const started = await startEmulator();
    child = started.child;
    previousEnv = { FIRESTORE_EMULATOR_HOST: process.env.FIRESTORE_EMULATOR_HOST, METADATA_SERVER_DETECTION: process.env.METADATA_SERVER_DETECTION };
    process.env.FIRESTORE_EMULATOR_HOST = started.address;
    process.env.METADATA_SERVER_DETECTION = 'none';
  });

  beforeEach(() => {
    project += 1;
    app = initializeApp({ projectId: `demo-booking-${String(project)}` }, `booking-store-${String(project)}`);
    db = getFirestore(app);
  });

  afterEach(async () => {
    await db.terminate();
    await deleteApp(app);
  });

  after(async () => {
    for (const [name, value] of Object.entries(previousEnv)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    child.kill('SIGTERM');
    if (child.exitCode === null) await new Promise((r) => child.once('exit', r));
  });

  function deps(now = T): BookingDeps {
    return { store: firestoreBookingStore(db), notify: fakeNotifyDeps(new MemoryDocs({ now })).deps, now: () => now };
  }

  async function seedCounselorAndSlot(slotId: string, inMs = 24 * HOUR) {
    await db.doc(paths.counselor('cou1')).set({ displayName: 'Dr. Asha Rao', languages: ['en'], specialties: [], bio: '', orgId: 'org-a', active: true });
    await db.doc(paths.slot('cou1', slotId)).set({ start: ts(T + inMs), end: ts(T + inMs + 50 * 60_000), status: 'open', createdAt: ts(T - HOUR) });
  }

  it('20 concurrent requests for one slot through real transactions: one booking, 19 slot-taken', async () => {
    await seedCounselorAndSlot('s1');
    const d = deps();
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => requestBooking(d, { counselorUid: 'cou1', slotId: 's1', mode: 'video', reason: undefined }, student(`stu${String(i)}`))),
    );
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    assert.equal(won.length, 1);
    for (const r of lost) {
      assert.ok(r.reason instanceof DomainError, String(r.reason));
      assert.equal(r.reason.code, 'booking/slot-taken');
    }
    const bookings = await db.collection(paths.bookings()).get();
    assert.equal(bookings.size, 1);
    const slot = slotSchema.parse((await db.doc(paths.slot('cou1', 's1')).get()).data());
    assert.equal(slot.status, 'held');
    assert.equal(slot.bookingId, bookings.docs[0]?.id);
  });

  it('a slot created without createdAt: 20 concurrent requests, one booking; the slot is held and still has no createdAt', async () => {
    await db.doc(paths.counselor('cou1')).set({ displayName: 'Dr. Asha Rao', languages: ['en'], specialties: [], bio: '', orgId: 'org-a', active: true });
    await db.doc(paths.slot('cou1', 'bare')).set({ start: ts(T + 24 * HOUR), end: ts(T + 24 * HOUR + 50 * 60_000), status: 'open' });
    const d = deps();
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => requestBooking(d, { counselorUid: 'cou1', slotId: 'bare', mode: 'video', reason: undefined }, student(`stu${String(i)}`))),
    );
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
    for (const r of results) if (r.status === 'rejected') assert.equal(r.reason instanceof DomainError ? r.reason.code : String(r.reason), 'booking/slot-taken');
    const data = (await db.doc(paths.slot('cou1', 'bare')).get()).data();
    const slot = slotSchema.parse(data);
    assert.equal(slot.status, 'held');
    assert.ok(data && !('createdAt' in data));
    const later = deps(T + 3 * HOUR);
    assert.deepEqual(await runExpireHolds(later, T + 3 * HOUR), { expired: 1, skipped: 0, failed: 0 });
    assert.equal(slotSchema.parse((await db.doc(paths.slot('cou1', 'bare')).get()).data()).status, 'open');
  });

  it('one student asking for 5 slots of one counselor at once gets one booking; the others booking/already-active', async () => {
    const slots = ['s1', 's2', 's3', 's4', 's5'];
    for (const [i, id] of slots.entries()) await seedCounselorAndSlot(id, (24 + i) * HOUR);
    const d = deps();
    const results = await Promise.allSettled(slots.map((slotId) => requestBooking(d, { counselorUid: 'cou1', slotId, mode: 'video', reason: undefined }, student('stu1'))));
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    assert.equal(won.length, 1);
    for (const r of lost) {
      assert.ok(r.reason instanceof DomainError, String(r.reason));
      assert.equal(r.reason.code, 'booking/already-active');
      assert.equal(r.reason.status, 'failed-precondition');
    }
    const bookings = await db.collection(paths.bookings()).get();
    assert.equal(bookings.size, 1);
    const held = await Promise.all(slots.map(async (id) => slotSchema.parse((await db.doc(paths.slot('cou1', id)).get()).data()).status));
    assert.deepEqual(held.filter((x) => x === 'held').length, 1);
  });

  it('the active-booking query: only active bookings of that student with that counselor not yet over', async () => {
    const seed = (id: string, extra: Partial<Booking>) => {
      const b: Booking = {
        studentUid: 'stu1',
        counselorUid: 'cou1',
        orgId: 'org-a',
        slotId: id,
        start: ts(T + 24 * HOUR),
        end: ts(T + 25 * HOUR),
        mode: 'video',
        status: 'confirmed',
        history: [{ status: 'requested', at: ts(T - HOUR), by: 'stu1' }],
        holdExpiresAt: null,
        createdAt: ts(T - HOUR),
        updatedAt: ts(T - HOUR),
        ...extra,
      };
      return db.doc(paths.booking(id)).set(bookingSchema.parse(b));
    };
    await Promise.all([
      seed('b-ahead', {}),
      seed('b-pending', { status: 'requested', holdExpiresAt: ts(T + HOUR) }),
      seed('b-over', { start: ts(T - 2 * HOUR), end: ts(T - HOUR) }),
      seed('b-cancelled', { status: 'cancelled' }),
      seed('b-other-counselor', { counselorUid: 'cou2' }),
      seed('b-other-student', { studentUid: 'stu2' }),
    ]);
    const found = await firestoreBookingStore(db).transact((tx) => tx.activeBookingsWith('stu1', 'cou1', T));
    assert.deepEqual(found.map((b) => b.slotId).sort(), ['b-ahead', 'b-pending']);
  });

  it('dueHolds lists pending bookings whose hold lapsed, oldest first, page by page', async () => {
    const seed = (id: string, status: BookingStatus, holdAt: number | null) => {
      const b: Booking = {
        studentUid: 'stu1',
        counselorUid: 'cou1',
        orgId: 'org-a',
        slotId: id,
        start: ts(T + 24 * HOUR),
        end: ts(T + 25 * HOUR),
        mode: 'video',
        status,
        history: [{ status: 'requested', at: ts(T - HOUR), by: 'stu1' }],
        holdExpiresAt: holdAt === null ? null : ts(holdAt),
        createdAt: ts(T - HOUR),
        updatedAt: ts(T - HOUR),
      };
      return db.doc(paths.booking(id)).set(bookingSchema.parse(b));
    };
    await Promise.all([
      seed('b-late', 'requested', T - 1_000),
      seed('b-early', 'rescheduled', T - 3_000),
      seed('b-mid-2', 'requested', T - 2_000),
      seed('b-mid-1', 'requested', T - 2_000),
      seed('b-future', 'requested', T + 1_000),
      seed('b-confirmed', 'confirmed', T - 5_000),
      seed('b-none', 'cancelled', null),
    ]);
    const store = firestoreBookingStore(db);
    const first = await store.dueHolds(T, 2, null);
    assert.deepEqual(first.map((c) => c.id), ['b-early', 'b-mid-1']);
    const second = await store.dueHolds(T, 2, first[1] ?? null);
    assert.deepEqual(second.map((c) => c.id), ['b-mid-2', 'b-late']);
    assert.deepEqual(await store.dueHolds(T, 2, second[1] ?? null), []);
    assert.deepEqual(second.map((c) => c.at), [T - 2_000, T - 1_000]);
  });

  it('runExpireHolds expires through real transactions and leaves answered bookings', async () => {
    await seedCounselorAndSlot('s1');
    await seedCounselorAndSlot('s2', 48 * HOUR);
    const d = deps();
    const a = await requestBooking(d, { counselorUid: 'cou1', slotId: 's1', mode: 'video', reason: undefined }, student('stu1'));
    await requestBooking(d, { counselorUid: 'cou1', slotId: 's2', mode: 'video', reason: undefined }, student('stu2'));
    await db.doc(paths.booking(a.bookingId)).update({ status: 'confirmed', holdExpiresAt: null });
    const later = deps(T + 3 * HOUR);
    assert.deepEqual(await runExpireHolds(later, T + 3 * HOUR), { expired: 1, skipped: 0, failed: 0 });
    const s2 = slotSchema.parse((await db.doc(paths.slot('cou1', 's2')).get()).data());
    assert.equal(s2.status, 'open');
    const confirmed = bookingSchema.parse((await db.doc(paths.booking(a.bookingId)).get()).data());
    assert.equal(confirmed.status, 'confirmed');
    assert.equal((await firestoreBookingStore(db).appConfig()).booking.holdMinutes, 120);
  });
});
