/**
 * The local stack's scheduler end to end: `scripts/schedule.mjs <name>` (what `npm run schedule -- <name>`
 * runs) finds a scheduled function in the running Functions emulator, fires it through the emulator's
 * trigger route, reports the outcome, and the function's effect shows in Firestore. Uses streakCheck: a
 * student whose streak breaks at local midnight, with a due nudge, gets the in-app warning and the nudge is
 * claimed.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Timestamp } from 'firebase-admin/firestore';
import { newProfileFields } from '../../src/identity/provision';
import { typedCollection, typedDoc } from '../../src/model/converters';
import { paths } from '../../src/model/paths';
import { notificationSchema, userProfileSchema } from '../../src/model/schemas';
import { addDays, formatTimeOfDay, localDay, localMinuteOfDay } from '../../src/notify/zoned-time';
import { adminDb, eventually, useStack } from '../support/stack';

const ROOT = join(__dirname, '..', '..', '..');
const run = promisify(execFile);

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

async function schedule(...args: string[]): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, [join(ROOT, 'scripts', 'schedule.mjs'), ...args], { cwd: ROOT, env: process.env });
    return { code: 0, stdout, stderr };
  } catch (err) {
    if (typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'number' && 'stdout' in err && 'stderr' in err) {
      return { code: err.code, stdout: String(err.stdout), stderr: String(err.stderr) };
    }
    throw err;
  }
}

const TZ = 'Asia/Kolkata';

describe('scheduler: npm run schedule against the running stack', function () {
  useStack();

  it('lists the scheduled functions with their schedules', async () => {
    const listed = await schedule();
    assert.equal(listed.code, 0, listed.stderr);
    assert.match(listed.stdout, /streakCheck\s+0 \* \* \* \* \(UTC\)/);
    assert.match(listed.stdout, /sendReminders\s+\*\/15 \* \* \* \* \(UTC\)/);
  });

  it('refuses an unknown name and lists the known ones', async () => {
    const result = await schedule('noSuchFunction');
    assert.equal(result.code, 2);
    assert.match(result.stderr, /no scheduled function "noSuchFunction"/);
    assert.match(result.stderr, /streakCheck/);
  });

  it('fires streakCheck now: the due nudge is claimed and the student gets the streak warning', async () => {
    const uid = 'sched-student-1';
    const now = Date.now();
    const today = localDay(now, TZ);
    const nowMinute = localMinuteOfDay(now, TZ);
    // Quiet hours well away from now, so the nudge is delivered rather than dropped.
    const quietHours = { start: formatTimeOfDay((nowMinute + 180) % 1440), end: formatTimeOfDay((nowMinute + 240) % 1440) };
    const base = newProfileFields(uid, { role: 'student', orgId: 'demo-org' }, { timezone: TZ });
    const written = Timestamp.fromMillis(now - 61_234);
    const ref = typedDoc(adminDb(), paths.user(uid), userProfileSchema);
    await ref.create({
      ...base,
      language: 'en',
      prefs: { ...base.prefs, quietHours },
      streak: { current: 6, longest: 6, lastDay: addDays(today, -1) },
      streakNudgeAt: written,
      createdAt: Timestamp.now(),
      lastActiveAt: Timestamp.now(),
    });
    // onProfileWritten schedules the profile (a new profile: nextReminderAt, and streakNudgeAt recomputed).
    await eventually('onProfileWritten to schedule the new profile', async () => {
      const p = (await ref.get()).data();
      return p?.nextReminderAt !== undefined && !(p.streakNudgeAt?.isEqual(written) ?? false) ? true : undefined;
    });
    // Then make the nudge due now; a change to streakNudgeAt alone does not make onProfileWritten reschedule.
    await adminDb().doc(paths.user(uid)).update({ streakNudgeAt: Timestamp.fromMillis(now - 60_000) });

    const fired = await schedule('streakCheck');
    assert.equal(fired.code, 0, `${fired.stdout}\n${fired.stderr}`);
    assert.match(fired.stdout, /streakCheck ok \(200\) in \d+ ms/);

    const profile = (await ref.get()).data();
    assert.equal(profile?.streakNudgeAt, null, 'the nudge was claimed');
    const notes = await eventually('the streak warning notification', async () => {
      const snap = await typedCollection(adminDb(), paths.notifications(uid), notificationSchema).get();
      return snap.empty ? undefined : snap.docs.map((d) => d.data());
    });
    assert.deepEqual(notes.map((n) => n.type), ['streak-warning']);
  });
});
