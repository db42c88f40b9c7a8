/**
 * Well-being in the running stack (see test/support/stack.ts): a student writes entries and assessments through
 * the real `firebase` client SDK, under the rules, and the deployed triggers (onEntryCreated, onAssessmentCreated)
 * keep counts, streak and score, screen consented journals, and raise risk events.
 */
import assert from 'node:assert/strict';
import { addDoc, collection, doc, getDoc, serverTimestamp, updateDoc } from 'firebase/firestore';
import { assessmentSchema, entrySchema, notificationSchema, riskEventSchema, userProfileSchema, wellbeingSchema } from '../../src/model/schemas';
import { adminDb, eventually, signInStudent, useStack, type Session } from '../support/stack';

async function profileOf(uid: string) {
  const snap = await adminDb().collection('users').doc(uid).get();
  return userProfileSchema.parse(snap.data());
}

/** The student's local calendar day now (their profile's timezone). */
function localDay(timezone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

async function riskEventFor(sourcePath: string) {
  const snap = await adminDb().collection('riskEvents').where('sourcePath', '==', sourcePath).get();
  const first = snap.docs[0];
  return first ? riskEventSchema.parse(first.data()) : undefined;
}

describe('well-being in the Auth + Functions + Firestore emulators', function () {
  useStack();

  let student: Session;
  beforeEach(async () => {
    student = await signInStudent({ profile: true });
  });

  it('a mood entry counts, starts the streak and writes the day\'s score with its inputs', async () => {
    const ref = await addDoc(collection(student.db, 'users', student.uid, 'entries'), {
      kind: 'mood',
      mood: 4,
      emotions: ['calm'],
      createdAt: serverTimestamp(),
    });

    const profile = await eventually('counts and streak on the profile', async () => {
      const p = await profileOf(student.uid);
      return p.counts.mood === 1 ? p : undefined;
    });
    assert.equal(profile.streak.current, 1);
    assert.equal(profile.streak.lastDay, localDay(profile.timezone));
    assert.ok(profile.lastActiveAt, 'lastActiveAt is set');

    const day = localDay(profile.timezone);
    const wellbeing = await eventually('users/{uid}/wellbeing/{day}', async () => {
      const snap = await adminDb().doc(`users/${student.uid}/wellbeing/${day}`).get();
      return snap.exists ? wellbeingSchema.parse(snap.data()) : undefined;
    });
    assert.equal(wellbeing.day, day);
    assert.equal(wellbeing.inputs.moodAvg, 4);
    assert.ok(wellbeing.score >= 0 && wellbeing.score <= 100);

    // The owner reads the score through the client SDK; the entry is marked processed.
    const own = await getDoc(doc(student.db, 'users', student.uid, 'wellbeing', day));
    assert.equal(own.exists(), true);
    const entry = entrySchema.parse((await adminDb().doc(ref.path).get()).data());
    assert.ok(entry.processedAt, 'processedAt is written');
  });

  it('a journal is screened only with consent; a consented crisis journal raises a riskEvent', async () => {
    const entries = collection(student.db, 'users', student.uid, 'entries');
    const unconsented = await addDoc(entries, { kind: 'journal', text: 'I want to kill myself tonight', createdAt: serverTimestamp() });
    await eventually('the first journal processed', async () => {
      const e = entrySchema.parse((await adminDb().doc(unconsented.path).get()).data());
      return e.processedAt ? e : undefined;
    });
    assert.equal(await riskEventFor(unconsented.path), undefined, 'no screening without consent');

    const profile = await profileOf(student.uid);
    await updateDoc(doc(student.db, 'users', student.uid), {
      consent: { ...profile.consent, aiScreening: true, version: profile.consent.version + 1, at: serverTimestamp() },
    });
    const consented = await addDoc(entries, { kind: 'journal', text: 'I bought a rope and I will end it tonight', createdAt: serverTimestamp() });

    const event = await eventually('a riskEvent for the consented journal', () => riskEventFor(consented.path));
    assert.equal(event.source, 'journal');
    assert.equal(event.level, 'imminent');
    assert.equal(event.studentUid, student.uid);
    assert.equal(event.status, 'open');
    const screened = entrySchema.parse((await adminDb().doc(consented.path).get()).data());
    assert.equal(screened.kind, 'journal');
    assert.equal(screened.kind === 'journal' ? screened.screening?.level : undefined, 'imminent');
  });

  it('a PHQ-9 with item 9 above 0 is scored, raises a high riskEvent and tells the student with next steps', async () => {
    const answers = [1, 1, 1, 0, 0, 0, 0, 0, 1];
    const ref = await addDoc(collection(student.db, 'users', student.uid, 'assessments'), {
      instrument: 'phq9',
      answers,
      createdAt: serverTimestamp(),
    });

    const scored = await eventually('the assessment scored', async () => {
      const a = assessmentSchema.parse((await adminDb().doc(ref.path).get()).data());
      return a.scoredAt ? a : undefined;
    });
    // The owner reads the result through the client SDK.
    const own = await getDoc(doc(student.db, ref.path));
    assert.equal(own.get('severity'), 'minimal');
    assert.equal(scored.score, 4);
    assert.equal(scored.severity, 'minimal');
    assert.ok(scored.flags?.includes('phq9-item9-positive'), 'item 9 is flagged');

    const event = await eventually('a high riskEvent for the assessment', () => riskEventFor(ref.path));
    assert.equal(event.source, 'assessment');
    assert.equal(event.level, 'high');

    const notes = await eventually('a notification to the student', async () => {
      const snap = await adminDb().collection(`users/${student.uid}/notifications`).get();
      return snap.size > 0 ? snap.docs.map((d) => notificationSchema.parse(d.data())) : undefined;
    });
    assert.ok(notes.length >= 1);
  });

  it('another student cannot read the entries or score', async () => {
    const other = await signInStudent();
    await addDoc(collection(student.db, 'users', student.uid, 'entries'), { kind: 'mood', mood: 2, emotions: [], createdAt: serverTimestamp() });
    await assert.rejects(getDoc(doc(other.db, 'users', student.uid, 'entries', 'any')), /permission/i);
  });
});
