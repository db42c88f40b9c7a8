/**
 * The local stack's seed data (functions/seed) against the emulators: everything it writes parses with the model
 * schemas, seeding twice creates nothing new, the seeded staff sign in by email and password with their claims,
 * and a student of the org can read the counselors' open slots through the rules.
 */
import assert from 'node:assert/strict';
import { getAuth, signInWithEmailAndPassword } from 'firebase/auth';
import { collection, getDocs, query, where } from 'firebase/firestore';
import { typedCollection, typedDoc } from '../../src/model/converters';
import { paths } from '../../src/model/paths';
import { appConfigSchema, counselorSchema, orgSchema, resourceSchema, slotSchema, userProfileSchema } from '../../src/model/schemas';
import { DEMO_ACCOUNTS, DEMO_COUNSELORS, DEMO_PASSWORD, DEMO_RESOURCES, SLOT_DAYS, SLOT_MINUTES, planSlots } from '../../seed/data';
import { seed } from '../../seed/seed';
import { adminAuth, adminDb, signInStudent, useStack } from '../support/stack';

describe('seed data: slot planning (pure)', () => {
  it('plans slots on the coming local days at the local times, in Asia/Kolkata', () => {
    // 2026-11-22 23:00 IST is 17:30 UTC: "tomorrow" is the 23rd.
    const slots = planSlots(Date.parse('2026-11-22T17:30:00Z'), ['10:00', '15:30'], 'Asia/Kolkata', 2);
    assert.deepEqual(
      slots.map((s) => [s.id, new Date(s.start).toISOString(), (s.end - s.start) / 60_000]),
      [
        ['2026-11-23T1000', '2026-11-23T04:30:00.000Z', SLOT_MINUTES],
        ['2026-11-23T1530', '2026-11-23T10:00:00.000Z', SLOT_MINUTES],
        ['2026-11-24T1000', '2026-11-24T04:30:00.000Z', SLOT_MINUTES],
        ['2026-11-24T1530', '2026-11-24T10:00:00.000Z', SLOT_MINUTES],
      ],
    );
  });
});

describe('seed data in the emulators', function () {
  useStack();

  it('writes documents that parse with the model schemas, and a second run creates nothing', async () => {
    const now = Date.now();
    const first = await seed({ db: adminDb(), auth: adminAuth(), now });
    assert.ok(first.created.length > 0);
    const second = await seed({ db: adminDb(), auth: adminAuth(), now });
    assert.deepEqual(second.created, []);
    assert.deepEqual([...second.kept].sort(), [...first.created, ...first.kept].sort());

    const db = adminDb();
    const org = (await typedDoc(db, paths.org('demo-org'), orgSchema).get()).data();
    assert.equal(org?.country, 'IN');
    assert.equal(org?.timezone, 'Asia/Kolkata');
    assert.deepEqual(org?.onCall, [DEMO_ACCOUNTS.counselorAsha.uid, DEMO_ACCOUNTS.counselorRavi.uid]);

    const config = (await typedDoc(db, paths.appConfig(), appConfigSchema).get()).data();
    assert.deepEqual(config?.helplines.IN?.map((h) => h.phone), ['14416', '1-800-891-4416', '112']);
    assert.deepEqual(config?.helplines.NP?.map((h) => h.phone), ['1166']);

    for (const c of DEMO_COUNSELORS) {
      assert.equal((await typedDoc(db, paths.counselor(c.uid), counselorSchema).get()).data()?.active, true);
      const slots = (await typedCollection(db, paths.slots(c.uid), slotSchema).get()).docs.map((d) => d.data());
      assert.equal(slots.length, SLOT_DAYS * c.times.length);
      for (const s of slots) {
        assert.equal(s.status, 'open');
        assert.ok(s.start.toMillis() > now);
      }
    }

    const resources = (await typedCollection(db, 'resources', resourceSchema).get()).docs.map((d) => d.data());
    assert.equal(resources.length, DEMO_RESOURCES.length);
    for (const r of resources) assert.ok(r.title.hi && r.title.ne && r.body.hi && r.body.ne, 'every resource has Hindi and Nepali');

    for (const account of Object.values(DEMO_ACCOUNTS)) {
      const profile = (await typedDoc(db, paths.user(account.uid), userProfileSchema).get()).data();
      assert.equal(profile?.role, account.role);
      assert.equal(profile?.language, account.language);
      assert.deepEqual((await adminAuth().getUser(account.uid)).customClaims, { role: account.role, orgId: 'demo-org' });
    }
  });

  it('seeded staff sign in with the demo password and carry their claims; a student reads open slots', async () => {
    await seed({ db: adminDb(), auth: adminAuth(), now: Date.now() });
    const student = await signInStudent();
    const { user } = await signInWithEmailAndPassword(getAuth(student.app), DEMO_ACCOUNTS.counselorAsha.email, DEMO_PASSWORD);
    const claims = (await user.getIdTokenResult()).claims;
    assert.equal(claims.role, 'counselor');
    assert.equal(claims.orgId, 'demo-org');

    const other = await signInStudent();
    const open = await getDocs(query(collection(other.db, paths.slots(DEMO_ACCOUNTS.counselorRavi.uid)), where('status', '==', 'open')));
    assert.equal(open.size, SLOT_DAYS * 3);
  });

  it('corrects drifted claims on a re-run', async () => {
    await seed({ db: adminDb(), auth: adminAuth(), now: Date.now() });
    await adminAuth().setCustomUserClaims(DEMO_ACCOUNTS.volunteer.uid, { role: 'student', orgId: 'demo-org' });
    await seed({ db: adminDb(), auth: adminAuth(), now: Date.now() });
    assert.equal((await adminAuth().getUser(DEMO_ACCOUNTS.volunteer.uid)).customClaims?.role, 'volunteer');
  });
});
