/** The daily well-being score: inputs from a day's entries, and the documented formula. */
import assert from 'node:assert/strict';
import { Timestamp } from 'firebase-admin/firestore';
import type { Entry } from '../../../src/model/schemas';
import { activityPoints, sleepHoursPart, wellbeingInputs, wellbeingScore, type WellbeingInputs } from '../../../src/wellbeing/score';

const t = (min: number) => Timestamp.fromMillis(Date.parse('2025-05-05T04:00:00Z') + min * 60_000);
const mood = (m: number, at = 0): Entry => ({ kind: 'mood', mood: m, emotions: [], createdAt: t(at) });
const sleep = (hours: number, quality: number, at = 0): Entry => ({ kind: 'sleep', hours, quality, createdAt: t(at) });
const journal = (at = 0): Entry => ({ kind: 'journal', text: 'private words', createdAt: t(at) });
const gratitude = (at = 0): Entry => ({ kind: 'gratitude', text: 'tea', createdAt: t(at) });
const breathing = (sec: number, at = 0): Entry => ({ kind: 'breathing', pattern: 'box', durationSec: sec, createdAt: t(at) });

const none: WellbeingInputs = { moodAvg: null, sleepHours: null, sleepQuality: null, journalCount: 0, gratitudeCount: 0, breathingMinutes: 0, tasksDone: 0 };

describe('well-being inputs', () => {
  it('averages mood, takes the latest sleep entry, counts the rest', () => {
    const inputs = wellbeingInputs([mood(2, 0), sleep(5, 3, 1), mood(5, 2), journal(3), gratitude(4), gratitude(5), breathing(90, 6), breathing(150, 7), sleep(8, 9, 8), mood(4, 9)], 2);
    assert.deepEqual(inputs, { moodAvg: 3.67, sleepHours: 8, sleepQuality: 9, journalCount: 1, gratitudeCount: 2, breathingMinutes: 4, tasksDone: 2 });
  });

  it('the latest sleep entry wins whatever the order they arrive in', () => {
    assert.equal(wellbeingInputs([sleep(8, 9, 10), sleep(5, 3, 1)], 0).sleepHours, 8);
  });

  it('an empty day has no mood or sleep', () => {
    assert.deepEqual(wellbeingInputs([], 0), none);
  });
});

describe('well-being score', () => {
  it('sleep hours: full from 7 to 9, falling to 0 at 3 and 13', () => {
    assert.deepEqual([0, 3, 5, 7, 8, 9, 11, 13, 24].map(sleepHoursPart), [0, 0, 0.5, 1, 1, 1, 0.5, 0, 0]);
  });

  it('activity points: entries and tasks count one each, breathing one per 5 minutes up to 2', () => {
    assert.equal(activityPoints({ ...none, journalCount: 1, gratitudeCount: 1, tasksDone: 1 }), 3);
    assert.equal(activityPoints({ ...none, breathingMinutes: 5 }), 1);
    assert.equal(activityPoints({ ...none, breathingMinutes: 60 }), 2);
  });

  it('the documented examples: mood 5 alone → 57; mood 3, 8 h of quality-10 sleep and a journal entry → 60', () => {
    assert.equal(wellbeingScore({ ...none, moodAvg: 5 }), 57);
    assert.equal(wellbeingScore({ ...none, moodAvg: 3, sleepHours: 8, sleepQuality: 10, journalCount: 1 }), 60);
  });

  it('reaches 0 and 100 at the extremes', () => {
    assert.equal(wellbeingScore({ ...none, moodAvg: 1, sleepHours: 2, sleepQuality: 1 }), 0);
    assert.equal(wellbeingScore({ ...none, moodAvg: 5, sleepHours: 8, sleepQuality: 10, journalCount: 2, tasksDone: 1 }), 100);
    assert.equal(wellbeingScore(none), 0);
  });

  it('a missing part is left out rather than counted as 0', () => {
    // Activity alone, full: 100; with a neutral mood (0.5): (40·0.5 + 30·1) / 70 = 71.
    assert.equal(wellbeingScore({ ...none, journalCount: 3 }), 100);
    assert.equal(wellbeingScore({ ...none, journalCount: 3, moodAvg: 3 }), 71);
  });

  it('is always an integer between 0 and 100', () => {
    for (const m of [1, 1.5, 2.33, 3, 4.75, 5]) {
      for (const h of [0, 4.5, 7.25, 12]) {
        const s = wellbeingScore({ ...none, moodAvg: m, sleepHours: h, sleepQuality: 6, breathingMinutes: 7.5 });
        assert.ok(Number.isInteger(s) && s >= 0 && s <= 100, `score ${s}`);
      }
    }
  });

  it('better mood or sleep never lowers the score', () => {
    const base = { ...none, moodAvg: 3, sleepHours: 6, sleepQuality: 5, gratitudeCount: 1 };
    assert.ok(wellbeingScore({ ...base, moodAvg: 4 }) > wellbeingScore(base));
    assert.ok(wellbeingScore({ ...base, sleepHours: 7.5 }) > wellbeingScore(base));
    assert.ok(wellbeingScore({ ...base, sleepQuality: 9 }) > wellbeingScore(base));
  });
});
