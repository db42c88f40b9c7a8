/**
 * Analytics in the local stack (see test/support/stack.ts): a counselor acknowledges risk events (through the
 * updateRiskEvent callable, and as a staff update of the ack fields) and the deployed onRiskEventAcked keeps
 * the day's histogram; nightlyRollup, fired through the Functions emulator's trigger route as Cloud Scheduler
 * would at 02:05 org time, writes the suppressed daily document; counselors of the org read it through the
 * client SDK, a student and another org's counselor are refused.
 */
import assert from 'node:assert/strict';
import { doc, getDoc } from 'firebase/firestore';
import { Timestamp } from 'firebase-admin/firestore';
import { ackBucket, ACK_BUCKET_COUNT } from '../../src/analytics/histogram';
import { dayWindow } from '../../src/analytics/schedule';
import { ackHistogramPath, ackHistogramSchema } from '../../src/analytics/store';
import { paths } from '../../src/model/paths';
import { analyticsDailySchema, chatSchema, orgSchema, riskEventSchema, type RiskEvent } from '../../src/model/schemas';
import { addDays, localDay, zonedTimeToInstant } from '../../src/notify/zoned-time';
import { adminDb, eventually, signInStaff, signInStudent, STACK, useStack } from '../support/stack';

const ORG = 'analytics-org';
const OTHER_ORG = 'analytics-other';
const TZ = 'Asia/Kolkata';

function rejectsWith(code: string) {
  return (e: unknown) => {
    assert.ok(e instanceof Error && 'code' in e, String(e));
    assert.equal(e.code, code);
    return true;
  };
}

function riskEvent(orgId: string, createdAt: number, level: RiskEvent['level']): RiskEvent {
  return riskEventSchema.parse({
    orgId,
    studentUid: 'stack-student',
    alias: 'Calm Otter 42',
    source: 'chat',
    sourcePath: null,
    level,
    reasons: ['test'],
    excerpt: null,
    status: 'open',
    assignedTo: null,
    ackBy: null,
    ackAt: null,
    escalationStep: 0,
    nextEscalationAt: null,
    outcome: null,
    createdAt: Timestamp.fromMillis(createdAt),
    updatedAt: Timestamp.fromMillis(createdAt),
    resolvedAt: null,
  });
}

/** POSTs to a scheduled function's trigger route with Cloud Scheduler's headers; the key's generation is looked up. */
async function fireSchedule(name: string, scheduleTime: number): Promise<void> {
  const id = `${STACK.region}-${name}`;
  const post = (key: string) =>
    fetch(`http://${STACK.functionsHost}/functions/projects/${STACK.project}/triggers/${key}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'X-CloudScheduler-JobName': `firebase-schedule-${name}-${STACK.region}`, 'X-CloudScheduler-ScheduleTime': new Date(scheduleTime).toISOString() },
      body: '{}',
    });
  let res = await post(`${id}-0`);
  if (res.status === 404) {
    const listed = /valid functions are: (.*)$/s.exec(await res.text())?.[1] ?? '';
    const key = listed
      .split(',')
      .map((k) => k.trim())
      .filter((k) => k.startsWith(`${id}-`))
      .sort((a, b) => Number(b.slice(id.length + 1)) - Number(a.slice(id.length + 1)))[0];
    assert.ok(key, `${name} is not loaded in the Functions emulator`);
    res = await post(key);
  }
  assert.equal(res.status, 200, `${name} answered ${String(res.status)}: ${await res.text()}`);
}

describe('analytics in the local stack', function () {
  useStack();

  it('acknowledgements feed the histogram; the 02:05 run writes the suppressed day; only the org\'s staff read it', async function () {
    this.timeout(240_000);
    const db = adminDb();
    const counselor = await signInStaff({ role: 'counselor', orgId: ORG });
    const outsider = await signInStaff({ role: 'counselor', orgId: OTHER_ORG });
    await db.doc(paths.org(ORG)).set(orgSchema.parse({ name: 'Analytics College', country: 'IN', timezone: TZ, onCall: [] }));
    await db.doc(paths.org(OTHER_ORG)).set(orgSchema.parse({ name: 'Other College', country: 'NP', timezone: 'Asia/Kathmandu', onCall: [] }));

    // One event raised five minutes ago, acknowledged by the counselor through the callable.
    const now = Date.now();
    await db.doc(paths.riskEvent('live-1')).set(riskEvent(ORG, now - 5 * 60_000, 'high'));
    await counselor.call('updateRiskEvent', { eventId: 'live-1', action: 'acknowledge' });
    const today = localDay(now - 5 * 60_000, TZ);
    const live = await eventually('the callable acknowledgement in today\'s histogram', async () => {
      const snap = await db.doc(ackHistogramPath(ORG, today)).get();
      return snap.exists ? ackHistogramSchema.parse(snap.data()) : undefined;
    });
    assert.deepEqual(live.events, ['live-1']);
    assert.equal(live.counts.reduce((a, b) => a + b, 0), 1);

    // Twelve high events on an earlier local day, acknowledged after 2…13 minutes by a staff update; 11 bot chats.
    const day = addDays(today, -3);
    const w = dayWindow(day, TZ);
    const at = w.from + 6 * 3_600_000;
    for (let i = 0; i < 12; i++) await db.doc(paths.riskEvent(`past-${String(i)}`)).set(riskEvent(ORG, at + i * 60_000, 'high'));
    for (let i = 0; i < 12; i++) {
      await db.doc(paths.riskEvent(`past-${String(i)}`)).update({
        status: 'acknowledged',
        ackBy: counselor.uid,
        ackAt: Timestamp.fromMillis(at + i * 60_000 + (2 + i) * 60_000),
        updatedAt: Timestamp.now(),
      });
    }
    for (let i = 0; i < 11; i++) {
      await db.doc(paths.chat(`stack-chat-${String(i)}`)).set(
        chatSchema.parse({ kind: 'bot', studentUid: `stack-student-${String(i)}`, orgId: ORG, status: 'open', createdAt: Timestamp.fromMillis(at), lastMessageAt: Timestamp.fromMillis(at) }),
      );
    }
    const past = await eventually('twelve acknowledgements in the day\'s histogram', async () => {
      const snap = await db.doc(ackHistogramPath(ORG, day)).get();
      const h = snap.exists ? ackHistogramSchema.parse(snap.data()) : undefined;
      return h && h.events.length === 12 ? h : undefined;
    });
    const expected = new Array<number>(ACK_BUCKET_COUNT).fill(0);
    for (let i = 0; i < 12; i++) expected[ackBucket(2 + i)] = (expected[ackBucket(2 + i)] ?? 0) + 1;
    assert.deepEqual(past.counts, expected);

    // Cloud Scheduler's 02:05 tick (org time) of the next day.
    await fireSchedule('nightlyRollup', zonedTimeToInstant(addDays(day, 1), 2 * 60 + 5, TZ));
    const written = analyticsDailySchema.parse((await db.doc(paths.analyticsDay(ORG, day)).get()).data());
    assert.equal(written.orgId, ORG);
    assert.equal(written.minCellSize, 11);
    // 12 high, 0 moderate, 0 imminent: the zeros cannot hide behind the total, so only the total shows.
    assert.deepEqual([written.riskEvents.high, written.riskEvents.moderate, written.totals?.riskEvents], [null, null, 12]);
    assert.deepEqual([written.riskEvents.ackMedianMin, written.riskEvents.ackP90Min], [8, 13.8]);
    assert.deepEqual([written.chats.bot, written.chats.counselor, written.totals?.chats], [null, null, 11]);
    // Kathmandu (+05:45) is at 02:20 then: the other org's day is rolled up too, and none of this org's data is in it.
    const other = analyticsDailySchema.parse((await db.doc(paths.analyticsDay(OTHER_ORG, day)).get()).data());
    assert.deepEqual(other.totals, { entries: null, phq9: null, gad7: null, chats: null, riskEvents: null, bookings: null });

    // Reads: the org's counselor yes; a student and another org's counselor no.
    const seen = await getDoc(doc(counselor.db, paths.analyticsDay(ORG, day)));
    assert.equal(seen.get('totals.riskEvents'), 12);
    const student = await signInStudent();
    await assert.rejects(getDoc(doc(student.db, paths.analyticsDay(ORG, day))), rejectsWith('permission-denied'));
    await assert.rejects(getDoc(doc(outsider.db, paths.analyticsDay(ORG, day))), rejectsWith('permission-denied'));
    await assert.rejects(getDoc(doc(counselor.db, ackHistogramPath(ORG, day))), rejectsWith('permission-denied'));
  });
});
