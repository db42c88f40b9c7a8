/**
 * Pure rules for keeping counters exact when an account's likes, comments, circle participation and
 * feedback are removed: which counter fields change and to what (never below zero). They follow the
 * counting of the forum (connect/forum: likeState.counted, comment.countedVisible) and the circles
 * (participantCount counts participants whose leftAt is null; feedbackCount/ratingSum sum the feedback).
 */

export interface PeerCounters {
  participantCount: number;
  feedbackCount?: number | undefined;
  ratingSum?: number | undefined;
}

/** One less, never below zero. */
export function decremented(value: number, by = 1): number {
  return Math.max(0, value - by);
}

/**
 * The peer session fields to write when a participant (still joined when `leftAt` is null) and/or their
 * feedback are removed. Empty when nothing changes.
 */
export function peerSessionAdjustment(
  session: PeerCounters,
  participant: { joined: boolean } | undefined,
  feedback: { rating: number } | undefined,
): Partial<Record<'participantCount' | 'feedbackCount' | 'ratingSum', number>> {
  const out: Partial<Record<'participantCount' | 'feedbackCount' | 'ratingSum', number>> = {};
  if (participant?.joined && session.participantCount > 0) out.participantCount = decremented(session.participantCount);
  if (feedback) {
    if (session.feedbackCount !== undefined && session.feedbackCount > 0) out.feedbackCount = decremented(session.feedbackCount);
    if (session.ratingSum !== undefined && session.ratingSum > 0) out.ratingSum = decremented(session.ratingSum, feedback.rating);
  }
  return out;
}

/**
 * A post's `commentCount` after one of its comments is removed. The forum counts a comment while its
 * `countedVisible` is true; any other comment was never counted. Undefined when nothing changes.
 */
export function commentCountAfter(commentCount: number, countedVisible: boolean): number | undefined {
  if (!countedVisible || commentCount <= 0) return undefined;
  return decremented(commentCount);
}

/**
 * A post's `likeCount` after one like is removed. The forum counts a like while its `likeState/{uid}` says
 * `counted` (the like trigger reconciles the two), so only a counted like comes off. Undefined when nothing
 * changes.
 */
export function likeCountAfter(likeCount: number, counted: boolean): number | undefined {
  return counted && likeCount > 0 ? decremented(likeCount) : undefined;
}
