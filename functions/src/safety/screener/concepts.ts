/**
 * The concepts the screener recognises, the stable reason code each reports, the level it carries on its
 * own, and the role it plays when signals combine (DESIGN.md §4.1, triaged as a counselor would):
 * - `act` is imminent by itself (an attempt under way);
 * - `intent` (wanting or intending to die, goodbyes, recent attempts) is imminent with a plan, method,
 *   means, method search or a time;
 * - `ideation` (passive wishes, thoughts, burden, giving things away) is imminent with a plan, means or
 *   a method search, high otherwise;
 * - `plan`, `means`, `method`, `seek`, `time`, `recent` are the elements that raise intent to imminent;
 * - `actIf` becomes an act when the same person also shows intent, ideation or self-harm.
 * Pure data, no I/O.
 */
import type { RiskLevel } from '../../model/schemas';

export type Role = 'act' | 'actIf' | 'intent' | 'ideation' | 'selfHarm' | 'plan' | 'means' | 'method' | 'seek' | 'time' | 'recent' | 'plain' | 'cue';

export interface ConceptInfo {
  /** Reason code reported to callers (stable, never text from the message). */
  readonly reason: string;
  /** Level the concept carries by itself. */
  readonly level: RiskLevel;
  readonly role: Role;
}

export const CONCEPTS = {
  act: { reason: 'act-in-progress', level: 'imminent', role: 'act' },
  actIf: { reason: 'act-in-progress', level: 'none', role: 'actIf' },
  attempt: { reason: 'suicide-attempt', level: 'high', role: 'intent' },
  planStrong: { reason: 'plan', level: 'imminent', role: 'plan' },
  plan: { reason: 'plan', level: 'none', role: 'plan' },
  meansStrong: { reason: 'plan:means', level: 'imminent', role: 'means' },
  meansLethal: { reason: 'plan:means', level: 'high', role: 'means' },
  means: { reason: 'plan:means', level: 'none', role: 'means' },
  seek: { reason: 'method-seeking', level: 'high', role: 'seek' },
  method: { reason: 'plan:method', level: 'high', role: 'method' },
  intent: { reason: 'suicidal-intent', level: 'high', role: 'intent' },
  thoughts: { reason: 'suicidal-thoughts', level: 'high', role: 'ideation' },
  passive: { reason: 'passive-death-wish', level: 'high', role: 'ideation' },
  burden: { reason: 'burden', level: 'high', role: 'ideation' },
  goodbye: { reason: 'goodbye', level: 'high', role: 'intent' },
  givingAway: { reason: 'giving-away', level: 'high', role: 'ideation' },
  selfHarm: { reason: 'self-harm', level: 'high', role: 'selfHarm' },
  time: { reason: 'timeframe', level: 'none', role: 'time' },
  recent: { reason: 'timeframe', level: 'none', role: 'recent' },
  hopeless: { reason: 'hopelessness', level: 'moderate', role: 'plain' },
  trapped: { reason: 'trapped', level: 'moderate', role: 'plain' },
  worthless: { reason: 'worthlessness', level: 'moderate', role: 'plain' },
  selfHatred: { reason: 'self-hatred', level: 'moderate', role: 'plain' },
  panic: { reason: 'panic', level: 'moderate', role: 'plain' },
  numb: { reason: 'numbness', level: 'moderate', role: 'plain' },
  abuse: { reason: 'abuse-disclosure', level: 'moderate', role: 'plain' },
  ragging: { reason: 'ragging', level: 'moderate', role: 'plain' },
  threat: { reason: 'threat', level: 'moderate', role: 'plain' },
  harassment: { reason: 'harassment', level: 'moderate', role: 'plain' },
  substance: { reason: 'substance-coping', level: 'moderate', role: 'plain' },
  worry: { reason: 'third-party', level: 'moderate', role: 'plain' },
  darkHumourHigh: { reason: 'dark-humour', level: 'moderate', role: 'plain' },
  stress: { reason: 'stress', level: 'low', role: 'plain' },
  anxiety: { reason: 'anxiety', level: 'low', role: 'plain' },
  sadness: { reason: 'sadness', level: 'low', role: 'plain' },
  tired: { reason: 'tiredness', level: 'low', role: 'plain' },
  lonely: { reason: 'loneliness', level: 'low', role: 'plain' },
  sleep: { reason: 'sleep-problems', level: 'low', role: 'plain' },
  darkHumour: { reason: 'dark-humour', level: 'low', role: 'plain' },
  // Cues of the broad layer (bag.ts): no level of their own; combined per person in engine.ts.
  cueDeath: { reason: 'suicidal-thoughts', level: 'none', role: 'cue' },
  cueGoodbye: { reason: 'goodbye', level: 'none', role: 'cue' },
  cueSelfHarm: { reason: 'self-harm', level: 'none', role: 'cue' },
  cueBurden: { reason: 'burden', level: 'none', role: 'cue' },
  cueMeans: { reason: 'plan:means', level: 'none', role: 'cue' },
  cuePlace: { reason: 'plan:method', level: 'none', role: 'cue' },
  cueMethod: { reason: 'plan:method', level: 'none', role: 'cue' },
  cueTook: { reason: 'act-in-progress', level: 'none', role: 'cue' },
  cueFuture: { reason: 'plan', level: 'none', role: 'cue' },
  cueTime: { reason: 'timeframe', level: 'none', role: 'cue' },
  cueSeek: { reason: 'method-seeking', level: 'none', role: 'cue' },
  cueConcern: { reason: 'distress', level: 'none', role: 'cue' },
} as const satisfies Record<string, ConceptInfo>;

export type Concept = keyof typeof CONCEPTS;

/** Order in which reason codes are reported (most severe first); codes not listed come after, sorted. */
export const REASON_ORDER: readonly string[] = [
  'act-in-progress',
  'suicide-attempt',
  'plan',
  'plan:method',
  'plan:means',
  'timeframe',
  'method-seeking',
  'suicidal-intent',
  'suicidal-thoughts',
  'passive-death-wish',
  'burden',
  'goodbye',
  'giving-away',
  'self-harm',
  'third-party',
  'hopelessness',
  'trapped',
  'worthlessness',
  'self-hatred',
  'panic',
  'numbness',
  'abuse-disclosure',
  'ragging',
  'threat',
  'harassment',
  'substance-coping',
  'dark-humour',
  'stress',
  'anxiety',
  'sadness',
  'tiredness',
  'loneliness',
  'sleep-problems',
  'distress',
  'broad-match',
  'learned-match',
  'learned-certain',
  'learned-concern',
  'obfuscated',
  'emoji',
];
