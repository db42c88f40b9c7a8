/**
 * The daily well-being score (0–100) of `users/{uid}/wellbeing/{day}` and the inputs it is computed from.
 * Pure. The same formula is explained for client developers in ./README.md.
 *
 * Three parts, each between 0 and 1, weighted mood 40, sleep 30, activity 30:
 * - mood     = (average mood of the day − 1) / 4                      (mood entries are 1–5)
 * - sleep    = ½ · hours part + ½ · (quality − 1) / 9                 (the day's latest sleep entry)
 *              hours part = 1 from 7 to 9 hours, falling linearly to 0 at 3 hours and at 13 hours
 * - activity = min(1, points / 3), points = journal entries + gratitude entries + tasks completed
 *              + breathing minutes / 5 (at most 2 points from breathing)
 * score = round(100 · Σ weight · part / Σ weight), where mood and sleep count only on a day that has a mood
 * or a sleep entry (a missing part is left out, not counted as 0); activity always counts.
 * Examples: mood 5 alone → 57; mood 3 and 8 h of quality-10 sleep and one journal entry → 60.
 */
import type { Entry } from '../model/schemas';

export interface WellbeingInputs {
  moodAvg: number | null;
  sleepHours: number | null;
  sleepQuality: number | null;
  journalCount: number;
  gratitudeCount: number;
  breathingMinutes: number;
  tasksDone: number;
}

export const SCORE_WEIGHTS = { mood: 40, sleep: 30, activity: 30 } as const;
/** Activity points that make a full activity part. */
export const ACTIVITY_TARGET = 3;
/** Breathing minutes per activity point, and the most points breathing can give. */
export const BREATHING_MINUTES_PER_POINT = 5;
export const BREATHING_MAX_POINTS = 2;

const round = (n: number, places: number) => Math.round(n * 10 ** places) / 10 ** places;

/** The inputs of one day from that day's entries (any order) and the number of tasks completed that day. */
export function wellbeingInputs(entries: readonly Entry[], tasksDone: number): WellbeingInputs {
  const moods: number[] = [];
  let sleep: { hours: number; quality: number; at: number } | null = null;
  let journalCount = 0;
  let gratitudeCount = 0;
  let breathingSeconds = 0;
  for (const entry of entries) {
    switch (entry.kind) {
      case 'mood':
        moods.push(entry.mood);
        break;
      case 'sleep': {
        const at = entry.createdAt.toMillis();
        if (!sleep || at >= sleep.at) sleep = { hours: entry.hours, quality: entry.quality, at };
        break;
      }
      case 'journal':
        journalCount += 1;
        break;
      case 'gratitude':
        gratitudeCount += 1;
        break;
      case 'breathing':
        breathingSeconds += entry.durationSec;
        break;
    }
  }
  return {
    moodAvg: moods.length > 0 ? round(moods.reduce((a, b) => a + b, 0) / moods.length, 2) : null,
    sleepHours: sleep ? sleep.hours : null,
    sleepQuality: sleep ? sleep.quality : null,
    journalCount,
    gratitudeCount,
    breathingMinutes: round(breathingSeconds / 60, 1),
    tasksDone,
  };
}

/** 1 for 7–9 hours, linearly down to 0 at 3 and at 13 hours. */
export function sleepHoursPart(hours: number): number {
  if (hours < 7) return Math.max(0, (hours - 3) / 4);
  if (hours > 9) return Math.max(0, 1 - (hours - 9) / 4);
  return 1;
}

export function activityPoints(inputs: WellbeingInputs): number {
  const breathing = Math.min(BREATHING_MAX_POINTS, inputs.breathingMinutes / BREATHING_MINUTES_PER_POINT);
  return inputs.journalCount + inputs.gratitudeCount + inputs.tasksDone + breathing;
}

/** The score 0–100 of a day's inputs (see the formula at the top of this file). */
export function wellbeingScore(inputs: WellbeingInputs): number {
  const parts: Array<{ weight: number; value: number }> = [];
  if (inputs.moodAvg !== null) parts.push({ weight: SCORE_WEIGHTS.mood, value: (inputs.moodAvg - 1) / 4 });
  if (inputs.sleepHours !== null && inputs.sleepQuality !== null) {
    parts.push({ weight: SCORE_WEIGHTS.sleep, value: 0.5 * sleepHoursPart(inputs.sleepHours) + 0.5 * ((inputs.sleepQuality - 1) / 9) });
  }
  parts.push({ weight: SCORE_WEIGHTS.activity, value: Math.min(1, activityPoints(inputs) / ACTIVITY_TARGET) });
  const weight = parts.reduce((sum, p) => sum + p.weight, 0);
  const value = parts.reduce((sum, p) => sum + p.weight * p.value, 0) / weight;
  return Math.min(100, Math.max(0, Math.round(100 * value)));
}
