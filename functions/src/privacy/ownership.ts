/**
 * How each document type of the data-model registry relates to one account, which decides what
 * `exportMyData` includes and what `deleteMyAccount` removes. Every registry key must be listed (a test
 * walks the registry), so a new document type cannot be forgotten by either. Pure data.
 */
import { DOCUMENTS } from '../model/registry';

export type Ownership =
  /** Under `users/{uid}`: exported, removed with the whole sub-tree. */
  | { kind: 'user-tree' }
  /** A top-level document whose `field` names the account: exported and removed. */
  | { kind: 'field'; field: 'studentUid' | 'authorUid' | 'reporterUid' }
  /** Under a document the account owns (chat messages): exported and removed with the parent. */
  | { kind: 'under-owned'; parent: string }
  /** In any collection of that id, written by the account (`field` names it): exported and removed. */
  | { kind: 'group-field'; field: 'authorUid' }
  /** Document id is the uid under each parent (likes and their like state, participants, feedback): exported and removed, counts kept exact. */
  | { kind: 'keyed-by-uid' }
  /** A counselor's own profile and slots: exported and removed when the account is a counselor. */
  | { kind: 'counselor-tree' }
  /** Kept for the safety record with the uid, alias and source path removed. */
  | { kind: 'anonymised' }
  /** Records addressed to the account (`recipientRef` is the uid or a path under `users/{uid}`): removed, not exported. */
  | { kind: 'recipient' }
  /** Not the account's data: neither exported nor removed. */
  | { kind: 'not-personal'; why: string }
  /** Append-only records that are kept (the audit log). */
  | { kind: 'kept'; why: string };

export const OWNERSHIP: Readonly<Record<string, Ownership>> = {
  user: { kind: 'user-tree' },
  contact: { kind: 'user-tree' },
  safetyPlan: { kind: 'user-tree' },
  device: { kind: 'user-tree' },
  entry: { kind: 'user-tree' },
  task: { kind: 'user-tree' },
  assessment: { kind: 'user-tree' },
  notification: { kind: 'user-tree' },
  favorite: { kind: 'user-tree' },
  wellbeing: { kind: 'user-tree' },
  chat: { kind: 'field', field: 'studentUid' },
  message: { kind: 'under-owned', parent: 'chat' },
  riskEvent: { kind: 'anonymised' },
  counselor: { kind: 'counselor-tree' },
  slot: { kind: 'counselor-tree' },
  booking: { kind: 'field', field: 'studentUid' },
  forumPost: { kind: 'field', field: 'authorUid' },
  comment: { kind: 'group-field', field: 'authorUid' },
  like: { kind: 'keyed-by-uid' },
  likeState: { kind: 'keyed-by-uid' },
  forumReport: { kind: 'field', field: 'reporterUid' },
  peerSession: { kind: 'not-personal', why: 'a circle belongs to its hosts and org' },
  participant: { kind: 'keyed-by-uid' },
  peerJoin: { kind: 'not-personal', why: 'the room link of a circle' },
  feedback: { kind: 'keyed-by-uid' },
  peerReport: { kind: 'not-personal', why: 'a host\'s report is a staff record (concerns raise riskEvents, which are anonymised)' },
  resource: { kind: 'not-personal', why: 'shared content' },
  org: { kind: 'not-personal', why: 'institution settings' },
  appConfig: { kind: 'not-personal', why: 'app settings' },
  delivery: { kind: 'recipient' },
  auditLog: { kind: 'kept', why: 'append-only; deletions are logged with a hash, never the uid' },
  analyticsDaily: { kind: 'not-personal', why: 'anonymised counts without user ids' },
};

/** Registry keys missing from OWNERSHIP, and OWNERSHIP keys the registry does not know. */
export function ownershipGaps(): { unclassified: string[]; unknown: string[] } {
  const keys = new Set(DOCUMENTS.map((d) => d.key));
  return {
    unclassified: [...keys].filter((k) => !(k in OWNERSHIP)),
    unknown: Object.keys(OWNERSHIP).filter((k) => !keys.has(k)),
  };
}

/** Is this document type part of an export? */
export function exported(o: Ownership): boolean {
  return o.kind !== 'anonymised' && o.kind !== 'recipient' && o.kind !== 'not-personal' && o.kind !== 'kept';
}

/** Is the account's copy of this document type removed by a deletion? */
export function removed(o: Ownership): boolean {
  return o.kind !== 'anonymised' && o.kind !== 'not-personal' && o.kind !== 'kept';
}

/** The registry key whose path template matches a concrete document path, or undefined. */
export function documentTypeOf(path: string): string | undefined {
  const parts = path.split('/');
  for (const d of DOCUMENTS) {
    const template = d.path.split('/');
    if (template.length !== parts.length) continue;
    if (template.every((t, i) => (t.startsWith('{') && t.endsWith('}')) || t === parts[i])) return d.key;
  }
  return undefined;
}
