/** Roles carried in custom claims; claims are the source of truth for rules, `users/{uid}.role` mirrors them. */
export const ROLES = ['student', 'volunteer', 'counselor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Staff see their org's students, alerts and analytics. */
export const STAFF_ROLES: readonly Role[] = ['counselor', 'admin'];
/** Moderators work the forum queue. */
export const MODERATOR_ROLES: readonly Role[] = ['volunteer', 'counselor', 'admin'];
