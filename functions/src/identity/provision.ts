/**
 * Pure provisioning: what a new account's profile looks like. No I/O; the repository stores it.
 */
import { generateAlias } from './alias';
import type { ManagedClaims } from './roles';

export const DEFAULT_LANGUAGE = 'en';
export const DEFAULT_TIMEZONE = 'Asia/Kolkata';

export interface ProfileDefaults {
  /** The org's timezone when the org document has one. */
  timezone?: string | undefined;
  language?: string | undefined;
}

/**
 * The fields of a fresh `users/{uid}` profile, apart from the server timestamps the repository adds
 * (`createdAt`, `lastActiveAt`). Consents start off: a student opts in, nothing is assumed.
 */
export function newProfileFields(uid: string, claims: ManagedClaims, defaults: ProfileDefaults = {}) {
  return {
    alias: generateAlias(uid),
    role: claims.role,
    orgId: claims.orgId,
    language: defaults.language ?? DEFAULT_LANGUAGE,
    timezone: defaults.timezone ?? DEFAULT_TIMEZONE,
    streak: { current: 0, longest: 0, lastDay: null },
    prefs: {
      reminderTime: '20:00',
      quietHours: { start: '22:00', end: '07:00' },
      channels: { push: true, email: false, sms: false },
    },
    consent: { aiScreening: false, shareWithCounselor: false, analytics: false, version: 0, at: null },
    counts: { mood: 0, journal: 0, gratitude: 0, sleep: 0, breathing: 0 },
  };
}
