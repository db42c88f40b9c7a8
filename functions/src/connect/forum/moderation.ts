/**
 * Forum moderation, the pure part: how the risk verdict, the deterministic abuse filter and the model's abuse
 * verdict decide an item's status; what a moderator's action (hide, restore, dismiss) and a user's report do to
 * an item; and how the post's counters follow its comments and likes. No I/O; times are epoch milliseconds.
 */
import type { ModerationReason, PostStatus, ReviewReason, RiskLevel, ScreeningBy } from '../../model/schemas';
import { errors } from '../../platform/errors';
import { isDoxxing, type AbuseVerdict } from './abuse-filter';
import type { AbuseModelOutcome } from './abuse-model';

/** The risk verdict of a text (the safety pipeline's combined verdict). */
export interface RiskVerdict {
  level: RiskLevel;
  reasons: string[];
  by: ScreeningBy;
  /** The risk model failed: a moderator should look. */
  pending: boolean;
}

export interface ScreeningDecision {
  status: Extract<PostStatus, 'visible' | 'hidden'>;
  reason: ModerationReason;
  abuse: string[];
  review: boolean;
  reviewWhy: ReviewReason | null;
}

/** Prefix of abuse categories the model gave. */
export const MODEL_ABUSE_PREFIX = 'model:';

/**
 * Decides an item's status after screening:
 * - high or imminent risk → hidden (`risk`) and queued: a moderator decides whether it may be shown;
 * - the deterministic filter flags it → hidden (`doxxing` or `abuse`) and queued, whatever the model says;
 * - the model finds abuse → hidden and queued;
 * - a model layer failed → visible only because the deterministic filter found nothing, and queued;
 * - otherwise visible (`clean`).
 */
export function decideScreening(risk: RiskVerdict, rules: AbuseVerdict, model: AbuseModelOutcome): ScreeningDecision {
  const modelAbuse = model.kind === 'verdict' && model.verdict.abusive;
  const modelCategories = model.kind === 'verdict' && model.verdict.abusive ? model.verdict.categories.map((c) => `${MODEL_ABUSE_PREFIX}${c}`) : [];
  const abuse = [...new Set([...rules.reasons, ...modelCategories])].slice(0, 20);
  const hidden = (reason: ModerationReason): ScreeningDecision => ({ status: 'hidden', reason, abuse, review: true, reviewWhy: 'auto-hidden' });
  if (risk.level === 'high' || risk.level === 'imminent') return hidden('risk');
  if (rules.flagged) return hidden(isDoxxing(rules.reasons) ? 'doxxing' : 'abuse');
  if (modelAbuse) return hidden(model.verdict.categories.includes('doxxing') ? 'doxxing' : 'abuse');
  if (model.kind === 'failed' || risk.pending) {
    return { status: 'visible', reason: 'clean', abuse, review: true, reviewWhy: 'model-unavailable' };
  }
  return { status: 'visible', reason: 'clean', abuse, review: false, reviewWhy: null };
}

/** The moderation-relevant state of a post or comment. */
export interface ItemState {
  authorUid: string;
  status: PostStatus;
  reason: ModerationReason | undefined;
  review: boolean;
  reviewWhy: ReviewReason | null;
  reportCount: number;
  /** Screened already (the item has a moderation record). */
  screened: boolean;
}

/** What changes on an item: its status and the moderation fields functions own. */
export interface ItemChange {
  status?: PostStatus;
  reason?: ModerationReason;
  review?: boolean;
  reviewWhy?: ReviewReason | null;
  reportCount?: number;
  decidedBy?: string | null;
  decidedAt?: number | null;
}

export const MODERATION_ACTIONS = ['hide', 'restore', 'dismiss'] as const;
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];

/**
 * A moderator's action. `hide` hides (reason `moderator`), `restore` shows (reason `clean`), `dismiss` keeps the
 * status and takes the item out of the queue. Each leaves the queue and records who decided. A moderator never
 * decides on their own item, and a pending item waits for its screening.
 */
export function planModeration(item: ItemState, action: ModerationAction, moderatorUid: string, now: number): ItemChange {
  if (item.authorUid === moderatorUid) {
    throw errors.permissionDenied('forum/own-content', 'You cannot moderate your own post or comment.');
  }
  if (item.status === 'pending') {
    throw errors.failedPrecondition('forum/pending', 'This item is still being screened; try again in a moment.');
  }
  if (item.status === 'removed') {
    throw errors.failedPrecondition('forum/removed', 'This item was removed and cannot be changed.');
  }
  const decided = { review: false, reviewWhy: null, decidedBy: moderatorUid, decidedAt: now };
  switch (action) {
    case 'hide':
      return { status: 'hidden', reason: 'moderator', ...decided };
    case 'restore':
      return { status: 'visible', reason: 'clean', ...decided };
    case 'dismiss':
      return decided;
  }
}

/** Distinct reports that hide a visible item until a moderator looks. */
export const AUTO_HIDE_REPORTS = 3;

/**
 * A user's (first) report of an item: the count goes up and the item joins the queue; at `AUTO_HIDE_REPORTS`
 * distinct reports a visible item is hidden (`reported`) until a moderator decides. Authors cannot report
 * their own items; only visible items can be reported.
 */
export function planReport(item: ItemState, reporterUid: string): ItemChange {
  if (item.authorUid === reporterUid) {
    throw errors.failedPrecondition('forum/own-content', 'You cannot report your own post or comment.');
  }
  if (item.status !== 'visible') {
    throw errors.failedPrecondition('forum/not-visible', 'Only visible posts and comments can be reported.');
  }
  const reportCount = item.reportCount + 1;
  const change: ItemChange = { reportCount, review: true, reviewWhy: item.review ? item.reviewWhy : 'reported' };
  if (reportCount >= AUTO_HIDE_REPORTS) return { ...change, status: 'hidden', reason: 'reported' };
  return change;
}

/** How a post's `commentCount` follows a comment: counted exactly while it is visible. */
export function commentCountDelta(status: PostStatus, countedVisible: boolean): { delta: -1 | 0 | 1; countedVisible: boolean } {
  const shouldCount = status === 'visible';
  if (shouldCount === countedVisible) return { delta: 0, countedVisible };
  return { delta: shouldCount ? 1 : -1, countedVisible: shouldCount };
}

/** How a post's `likeCount` follows one user's like: counted exactly while the like document exists. */
export function likeCountDelta(likeExists: boolean, counted: boolean): { delta: -1 | 0 | 1; counted: boolean } {
  if (likeExists === counted) return { delta: 0, counted };
  return { delta: likeExists ? 1 : -1, counted: likeExists };
}
