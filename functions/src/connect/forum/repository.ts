/**
 * The forum's Firestore I/O behind one interface (Firestore implementation in firestore-store.ts, in-memory
 * fake in test/support/connect-community-fakes.ts), and the pure helpers both use to turn a stored item into
 * its moderation state and a planned change into the stored moderation record. Reads are parsed with the
 * model's schemas; times cross the interface as epoch milliseconds.
 */
import { Timestamp } from 'firebase-admin/firestore';
import { paths } from '../../model/paths';
import type { AuditLog, Comment, ForumPost, ForumReport, Moderation, ModerationReason, PostStatus, ReviewReason, RiskLevel } from '../../model/schemas';
import type { ItemChange, ItemState, ScreeningDecision } from './moderation';

export type ItemRef = { kind: 'post'; postId: string } | { kind: 'comment'; postId: string; commentId: string };

export function itemPath(ref: ItemRef): string {
  return ref.kind === 'post' ? paths.forumPost(ref.postId) : paths.comment(ref.postId, ref.commentId);
}

export type ForumItem = ForumPost | Comment;

/** The text screened for an item: a post's title and body, a comment's body. */
export function itemText(item: ForumItem): string {
  return 'title' in item ? `${item.title}\n${item.body}` : item.body;
}

export function stateOf(item: ForumItem): ItemState {
  return {
    authorUid: item.authorUid,
    status: item.status,
    reason: item.moderation?.reason,
    review: item.moderation?.review === true,
    reviewWhy: item.moderation?.reviewWhy ?? null,
    reportCount: item.moderation?.reportCount ?? 0,
    screened: item.moderation !== undefined,
  };
}

/** The stored moderation record after a change (an unscreened item gets a neutral record to hold it). */
export function moderationAfter(current: Moderation | undefined, change: ItemChange, now: number): Moderation {
  const base: Moderation = current ?? { level: 'none', reasons: [], by: 'rules', at: Timestamp.fromMillis(now) };
  const next: Moderation = { ...base };
  if (change.reason !== undefined) next.reason = change.reason;
  if (change.review !== undefined) next.review = change.review;
  if (change.reviewWhy !== undefined) next.reviewWhy = change.reviewWhy;
  if (change.reportCount !== undefined) next.reportCount = change.reportCount;
  if (change.decidedBy !== undefined) next.decidedBy = change.decidedBy;
  if (change.decidedAt !== undefined) next.decidedAt = change.decidedAt === null ? null : Timestamp.fromMillis(change.decidedAt);
  return next;
}

/** The moderation record a screening writes. */
export function screenedModeration(write: ScreeningWrite): Moderation {
  return {
    level: write.level,
    reasons: write.reasons.slice(0, 20),
    by: write.by,
    at: Timestamp.fromMillis(write.at),
    decidedBy: null,
    reason: write.decision.reason,
    abuse: write.decision.abuse,
    review: write.decision.review,
    reviewWhy: write.decision.reviewWhy,
    reportCount: 0,
    riskEventId: write.riskEventId,
  };
}

export interface ScreeningWrite {
  level: RiskLevel;
  reasons: string[];
  by: Moderation['by'];
  /** Epoch ms. */
  at: number;
  decision: ScreeningDecision;
  riskEventId: string | null;
}

export type AuditEntry = Omit<AuditLog, 'at'>;

export interface NewForumReport extends Omit<ForumReport, 'createdAt'> {
  /** Epoch ms. */
  createdAt: number;
}

export interface QueueEntry {
  kind: ItemRef['kind'];
  postId: string;
  commentId: string | null;
  authorAlias: string;
  status: PostStatus;
  reason: ModerationReason | null;
  reviewWhy: ReviewReason | null;
  reportCount: number;
  level: RiskLevel;
  abuse: string[];
  /** The item's text (moderators read every item under the rules too). */
  text: string;
  /** Epoch ms. */
  createdAt: number;
}

export interface ForumStore {
  /** 1 read. */
  item(ref: ItemRef): Promise<ForumItem | null>;
  /**
   * Writes the screening verdict and the decided status if the item is still pending and unscreened; for a
   * comment, the post's commentCount follows. Transaction: 1–2 reads, 0–2 writes.
   */
  applyScreening(ref: ItemRef, write: ScreeningWrite): Promise<'applied' | 'already' | 'missing'>;
  /**
   * Reads the item, plans a change from its state (the plan may throw a DomainError: nothing is written),
   * writes it with the audit entry when given; for a comment, the post's commentCount follows. Throws
   * `forum/not-found` for a missing item. Transaction: 1–2 reads, 1–3 writes.
   */
  changeItem(
    ref: ItemRef,
    plan: (state: ItemState) => ItemChange,
    now: number,
    audit?: (before: ItemState, change: ItemChange) => AuditEntry,
  ): Promise<{ before: ItemState; change: ItemChange }>;
  /**
   * Files a report unless this reporter already reported this item ('exists': nothing changes), and applies
   * the planned change to the item in the same transaction. Transaction: 2–3 reads, 2–3 writes.
   */
  fileReport(reportId: string, report: NewForumReport, ref: ItemRef, plan: (state: ItemState) => ItemChange, now: number): Promise<'created' | 'exists'>;
  /** Brings a post's commentCount in line with one comment's status. Transaction: 2 reads, 0–2 writes. */
  reconcileComment(postId: string, commentId: string): Promise<-1 | 0 | 1 | 'missing'>;
  /** Brings a post's likeCount in line with one user's like document. Transaction: 3 reads, 0–2 writes. */
  reconcileLike(postId: string, uid: string, now: number): Promise<-1 | 0 | 1 | 'missing'>;
  /** Posts and comments waiting for a moderator, oldest first. 1 read per item (2 queries). */
  queue(limit: number): Promise<QueueEntry[]>;
}

/** A queue entry for an item. */
export function entryOf(ref: ItemRef, item: ForumItem): QueueEntry {
  return {
    kind: ref.kind,
    postId: ref.postId,
    commentId: ref.kind === 'comment' ? ref.commentId : null,
    authorAlias: item.alias,
    status: item.status,
    reason: item.moderation?.reason ?? null,
    reviewWhy: item.moderation?.reviewWhy ?? null,
    reportCount: item.moderation?.reportCount ?? 0,
    level: item.moderation?.level ?? 'none',
    abuse: item.moderation?.abuse ?? [],
    text: itemText(item),
    createdAt: item.createdAt.toMillis(),
  };
}
