/**
 * `firestoreWellbeingStore` against the project's offline Firestore emulator (started from source on a free
 * port for this suite), through firebase-admin: processing an entry and saving an assessment result write the
 * owner's `orgId` (once, with `processedAt` / the result), and the analytics rollup's collection-group
 * aggregation queries then count those documents under the org.
 */
import assert from 'node:assert/strict';
import { deleteApp, initializeApp, type App } from 'firebase-admin/app';
import { getFirestore, Timestamp, type Firestore } from 'firebase-admin/firestore';
import { firestoreAnalyticsStore } from '../../../src/analytics/firestore-store';
import { planDay } from '../../../src/analytics/plan';
import { dayWindow } from '../../../src/analytics/schedule';
import { paths } from '../../../src/model/paths';
import { assessmentSchema, entrySchema, wellbeingSchema } from '../../../src/model/schemas';
import { scoreAnswers } from '../../../src/wellbeing/assessment';
import { firestoreWellbeingStore } from '../../../src/wellbeing/firestore-store';
import { entryEffects } from '../../../src/wellbeing/handle-entries';
import type { WellbeingStore } from '../../../src/wellbeing/repository';
import { profileFixture } from '../../support/notify-fakes';
import { pointAdminAtOfflineFirestore } from '../../support/privacy-fakes';

const DAY = '2025-05-05';
const W = dayWindow(DAY, 'Asia/Kolkata');
const NOON_IST = Date.parse('2025-05-05T06:30:00Z');
const at = (ms: number) => Timestamp.fromMillis(ms);

describe('firestoreWellbeingStore (offline Firestore emulator)', function () {
  this.timeout(120_000);
  let emulator: { stop: () => Promise<void> };
  let app: App;
  let db: Firestore;
  let store: WellbeingStore;

  before(async () => {
    emulator = await pointAdminAtOfflineFirestore('wellbeing-store');
    app = initializeApp({ projectId: 'demo-wellbeing-store' }, 'wellbeing-store');
    db = getFirestore(app);
    store = firestoreWellbeingStore(db);
    for (const [uid, orgId] of [['s1', 'org-a'], ['s2', 'org-a'], ['s3', 'org-b']] as const) {
      await db.doc(paths.user(uid)).set(profileFixture({ orgId }));
    }
  });

  after(async () => {
    await db.terminate();
    await deleteApp(app);
    await emulator.stop();
  });

  async function entry(uid: string, id: string, createdAt: number, extra: Record<string, unknown> = {}) {
    await db.doc(paths.entry(uid, id)).set({ kind: 'mood', mood: 3, emotions: [], createdAt: at(createdAt), ...extra });
  }
  const readEntry = async (uid: string, id: string) => entrySchema.parse((await db.doc(paths.entry(uid, id)).get()).data());

  it('writes the owner\'s orgId with processedAt, once: a redelivery leaves the entry as it is', async () => {
    await entry('s1', 'e1', NOON_IST);
    const first = await store.processEntry('s1', 'e1', entryEffects);
    assert.equal(first.status, 'applied');
    const processed = await readEntry('s1', 'e1');
    assert.equal(processed.orgId, 'org-a');
    assert.ok(processed.processedAt);
    const updateTime = async () => (await db.doc(paths.entry('s1', 'e1')).get()).updateTime?.toMillis();
    const written = await updateTime();
    assert.ok(written);
    const again = await store.processEntry('s1', 'e1', entryEffects);
    assert.equal(again.status, 'already-processed');
    assert.equal(await updateTime(), written, 'not written again');
  });

  it('gives an entry processed before the change its orgId, and never replaces an existing one', async () => {
    await entry('s2', 'old', NOON_IST, { processedAt: at(NOON_IST + 1000) });
    await entry('s2', 'moved', NOON_IST, { processedAt: at(NOON_IST + 1000), orgId: 'org-old' });
    assert.equal((await store.processEntry('s2', 'old', entryEffects)).status, 'already-processed');
    assert.equal((await store.processEntry('s2', 'moved', entryEffects)).status, 'already-processed');
    assert.equal((await readEntry('s2', 'old')).orgId, 'org-a');
    assert.equal((await readEntry('s2', 'moved')).orgId, 'org-old');
  });

  it('writes the orgId with an assessment result, and leaves it out when there is no profile', async () => {
    const answers = [1, 1, 1, 1, 1, 1, 1, 0, 0];
    const result = { ...scoreAnswers('phq9', answers), trend: null };
    await db.doc(paths.assessment('s1', 'a1')).set({ instrument: 'phq9', answers, createdAt: at(NOON_IST) });
    await db.doc(paths.assessment('gone', 'a1')).set({ instrument: 'phq9', answers, createdAt: at(NOON_IST) });
    await store.saveAssessmentResult('s1', 'a1', result, 'org-a', null);
    await store.saveAssessmentResult('gone', 'a1', result, null, null);
    const scored = assessmentSchema.parse((await db.doc(paths.assessment('s1', 'a1')).get()).data());
    assert.equal(scored.orgId, 'org-a');
    assert.equal(scored.severity, 'mild');
    assert.ok(scored.scoredAt);
    const orphan = assessmentSchema.parse((await db.doc(paths.assessment('gone', 'a1')).get()).data());
    assert.equal(orphan.orgId, undefined);
    assert.equal(orphan.severity, 'mild');
  });

  it('reads an assessment without createdAt as valid, and writes the given createdAt with its result', async () => {
    const answers = [1, 1, 1, 1, 1, 1, 1, 0, 0];
    await db.doc(paths.assessment('s2', 'bare')).set({ instrument: 'phq9', answers });
    const read = await store.assessment('s2', 'bare');
    assert.deepEqual(read, { valid: true, instrument: 'phq9', answers, createdAt: null, scored: false });
    await store.saveAssessmentResult('s2', 'bare', { ...scoreAnswers('phq9', answers), trend: null }, 'org-z', NOON_IST - 1_000);
    const scored = assessmentSchema.parse((await db.doc(paths.assessment('s2', 'bare')).get()).data());
    assert.equal(scored.createdAt?.toMillis(), NOON_IST - 1_000);
    assert.ok(scored.scoredAt);
    const previous = await store.previousAssessment('s2', 'phq9', NOON_IST, 'other');
    assert.deepEqual(previous, { id: 'bare', answers }, 'the written createdAt puts it in trend queries');
  });

  it('the rollup\'s collection-group queries then count those entries and assessments under their org', async () => {
    await entry('s3', 'e1', NOON_IST);
    await entry('s3', 'unprocessed', NOON_IST);
    await store.processEntry('s3', 'e1', entryEffects);
    const analytics = firestoreAnalyticsStore(db);
    const count = async (orgId: string, key: string) => {
      const spec = planDay(orgId, W, DAY).find((s) => s.key === key);
      assert.ok(spec, key);
      return (await analytics.aggregate(spec)).count;
    };
    // org-a: s1/e1 (applied), s2/old (given its org on redelivery); s2/moved stays under org-old.
    assert.equal(await count('org-a', 'entries.mood'), 2);
    assert.equal(await count('org-b', 'entries.mood'), 1, 'the unprocessed entry has no org yet');
    assert.equal(await count('org-old', 'entries.mood'), 1);
    assert.equal(await count('org-a', 'phq9.mild'), 1);
    assert.equal(await count('org-b', 'phq9.mild'), 0);
  });

  it('day documents carry orgId and the analytics flag; the rollup counts consenting students of that day', async () => {
    const inputs = { moodAvg: 3, sleepHours: null, sleepQuality: null, journalCount: 0, gratitudeCount: 0, breathingMinutes: 0, tasksDone: 0 };
    await store.saveWellbeing('s1', DAY, 50, inputs, { orgId: 'org-a', analytics: true });
    await store.saveWellbeing('s1', '2025-05-06', 50, inputs, { orgId: 'org-a', analytics: true });
    await store.saveWellbeing('s2', DAY, 40, inputs, { orgId: 'org-a', analytics: false });
    await store.saveWellbeing('s3', DAY, 40, inputs, { orgId: 'org-b', analytics: true });
    const stored = wellbeingSchema.parse((await db.doc(paths.wellbeing('s1', DAY)).get()).data());
    assert.deepEqual([stored.day, stored.orgId, stored.analytics, stored.score], [DAY, 'org-a', true, 50]);
    const spec = planDay('org-a', W, DAY).find((s) => s.key === 'activeStudents');
    assert.ok(spec);
    const analytics = firestoreAnalyticsStore(db);
    assert.equal((await analytics.aggregate(spec)).count, 1);
    // A recomputation after consent was withdrawn takes the day out of the count.
    await store.saveWellbeing('s1', DAY, 55, inputs, { orgId: 'org-a', analytics: false });
    assert.equal((await analytics.aggregate(spec)).count, 0);
  });
});
