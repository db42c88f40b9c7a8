/**
 * What the forum's functions do, given their dependencies:
 * - `handleItemCreated`: a new post or comment (created `pending` by its author) is screened for risk (the
 *   safety pipeline's deterministic screener, plus the model when allowed) and for abuse (the deterministic
 *   filter, plus the model when allowed). High or imminent risk by the rules raises the riskEvent at once,
 *   before the model is asked; danger also sends the author a caring private message. The item then becomes
 *   `visible` or `hidden` with its reason. Re-running finds the same riskEvent, the same message and an item
 *   already screened.
 * - `handleLikeWritten` / `handleCommentUpdated`: keep likeCount and commentCount exact (reconciled, so a
 *   repeated or reordered event never counts twice).
 * - `reportContent`, `moderateContent`, `moderationQueue`: the callables' logic.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { generateAlias } from '../../identity/alias';
import { FORUM_REPORT_REASONS, idSchema, riskRank, type RiskEventLevel } from '../../model/schemas';
import type { Caller } from '../../platform/callable';
import { errors } from '../../platform/errors';
import { hashId, logEvent } from '../../platform/log';
import { MODERATOR_ROLES } from '../../platform/roles';
import type { Notifier } from '../../safety/deps';
import { screenWithModel } from '../../safety/model-screen';
import { aliasNames } from '../../safety/pii';
import { eventLevelOf } from '../../safety/risk-events';
import { combineVerdicts, type ModelOutcome } from '../../safety/verdict';
import { filterAbuse } from './abuse-filter';
import { abuseWithModel, type AbuseModelOutcome } from './abuse-model';
import { careMessage } from './care';
import { decideScreening, MODERATION_ACTIONS, planModeration, planReport } from './moderation';
import { itemPath, itemText, type ForumStore, type ItemRef, type QueueEntry } from './repository';
import type { RaisedRisk, SafetyLink } from './safety-link';

export interface ForumDeps {
  store: ForumStore;
  safety: SafetyLink;
  notify: Notifier;
  /** Epoch ms. */
  now: () => number;
}

export type ScreenOutcome =
  | { status: 'skipped'; why: 'missing' | 'already-screened' }
  | { status: 'screened'; visibility: 'visible' | 'hidden'; reason: string; level: string; riskEventId: string | null; cared: boolean; applied: boolean };

/** Idempotency key of the caring message for one item. */
export function careKey(sourcePath: string): string {
  return `forum-care:${sourcePath}`;
}

export async function handleItemCreated(deps: ForumDeps, ref: ItemRef): Promise<ScreenOutcome> {
  const item = await deps.store.item(ref);
  if (!item) return { status: 'skipped', why: 'missing' };
  if (item.status !== 'pending' || item.moderation !== undefined) return { status: 'skipped', why: 'already-screened' };
  const sourcePath = itemPath(ref);
  const text = itemText(item);
  const uid = item.authorUid;
  const rules = deps.safety.screen(text);
  const abuseRules = filterAbuse(text);

  let event: RaisedRisk | undefined;
  const raise = async (level: RiskEventLevel, reasons: readonly string[]) => {
    if (event && riskRank(event.level) >= riskRank(level)) return;
    event = (await deps.safety.raiseRisk({ source: 'forum', sourcePath, studentUid: uid, level, reasons, text })) ?? event;
  };
  if (rules.level === 'high' || rules.level === 'imminent') await raise(rules.level, rules.reasons);

  const allowed = await deps.safety.modelAllowed(uid, ref.kind === 'post' ? 'forumPosts' : 'forumComments', 2);
  const names = aliasNames(generateAlias(uid));
  const [riskOutcome, abuseOutcome]: [ModelOutcome, AbuseModelOutcome] = allowed
    ? await Promise.all([screenWithModel(deps.safety.model, { text, names }), abuseWithModel(deps.safety.model, text, names)])
    : [{ kind: 'skipped', why: deps.safety.model.available ? 'rate-limited' : 'offline' }, { kind: 'skipped' }];
  const verdict = combineVerdicts(rules, riskOutcome);
  const eventLevel = eventLevelOf(verdict.level);
  if (eventLevel !== undefined) await raise(eventLevel, verdict.reasons);

  let cared = false;
  if (verdict.level === 'high' || verdict.level === 'imminent') {
    const context = await deps.safety.careContext(uid, text);
    const message = careMessage({ language: context.language, helplines: context.helplines, counselorAlerted: event !== undefined });
    await deps.notify({
      uid,
      type: 'safety',
      title: message.title,
      body: message.body,
      link: 'safety-plan',
      channels: ['inapp', 'push'],
      respectQuietHours: false,
      idempotencyKey: careKey(sourcePath),
      template: 'forum.care',
      sourcePath,
    });
    cared = true;
  }

  const decision = decideScreening(verdict, abuseRules, abuseOutcome);
  const applied = await deps.store.applyScreening(ref, {
    level: verdict.level,
    reasons: verdict.reasons,
    by: verdict.by,
    at: deps.now(),
    decision,
    riskEventId: event?.id ?? null,
  });
  logEvent('info', 'forum.screened', {
    kind: ref.kind,
    pathHash: hashId(sourcePath),
    level: verdict.level,
    status: decision.status,
    reason: decision.reason,
    review: decision.review,
    abuse: decision.abuse.join(','),
    model: allowed ? `${riskOutcome.kind}/${abuseOutcome.kind}` : 'skipped',
    riskEvent: event !== undefined,
    applied,
  });
  return {
    status: 'screened',
    visibility: decision.status,
    reason: decision.reason,
    level: verdict.level,
    riskEventId: event?.id ?? null,
    cared,
    applied: applied === 'applied',
  };
}

export async function handleLikeWritten(deps: ForumDeps, postId: string, uid: string): Promise<-1 | 0 | 1 | 'missing'> {
  return deps.store.reconcileLike(postId, uid, deps.now());
}

export async function handleCommentUpdated(deps: ForumDeps, postId: string, commentId: string): Promise<-1 | 0 | 1 | 'missing'> {
  return deps.store.reconcileComment(postId, commentId);
}

// ---------------------------------------------------------------------------------------------------------
// Callables
// ---------------------------------------------------------------------------------------------------------

const itemRefInput = {
  postId: idSchema,
  commentId: idSchema.optional(),
};

function refOf(input: { postId: string; commentId?: string | undefined }): ItemRef {
  return input.commentId !== undefined ? { kind: 'comment', postId: input.postId, commentId: input.commentId } : { kind: 'post', postId: input.postId };
}

export const reportContentInput = z
  .object({
    ...itemRefInput,
    reason: z.enum(FORUM_REPORT_REASONS),
    note: z.string().trim().max(500).optional(),
  })
  .strict();

/** One report per user per item: the report id is derived from both. */
export function forumReportIdFor(ref: ItemRef, reporterUid: string): string {
  return `fr-${createHash('sha256').update(`forum-report\n${itemPath(ref)}\n${reporterUid}`).digest('hex').slice(0, 32)}`;
}

export async function reportContent(deps: ForumDeps, input: z.output<typeof reportContentInput>, caller: Caller): Promise<{ reported: boolean }> {
  const ref = refOf(input);
  const now = deps.now();
  const result = await deps.store.fileReport(
    forumReportIdFor(ref, caller.uid),
    {
      reporterUid: caller.uid,
      postId: ref.postId,
      commentId: ref.kind === 'comment' ? ref.commentId : null,
      reason: input.reason,
      ...(input.note !== undefined && input.note !== '' ? { note: input.note } : {}),
      createdAt: now,
    },
    ref,
    (state) => planReport(state, caller.uid),
    now,
  );
  logEvent('info', 'forum.reported', { kind: ref.kind, pathHash: hashId(itemPath(ref)), reason: input.reason, result });
  return { reported: result === 'created' };
}

export const moderateContentInput = z
  .object({
    ...itemRefInput,
    action: z.enum(MODERATION_ACTIONS),
  })
  .strict();

function assertModerator(caller: Caller): void {
  if (caller.role === undefined || !MODERATOR_ROLES.includes(caller.role)) {
    throw errors.permissionDenied('forum/not-moderator', 'Only volunteers, counselors and admins moderate the forum.');
  }
}

export async function moderateContent(
  deps: ForumDeps,
  input: z.output<typeof moderateContentInput>,
  caller: Caller,
): Promise<{ status: string; changed: boolean }> {
  assertModerator(caller);
  const ref = refOf(input);
  const now = deps.now();
  const target = itemPath(ref);
  const { before, change } = await deps.store.changeItem(ref, (state) => planModeration(state, input.action, caller.uid, now), now, (prior, planned) => ({
    actor: { uid: caller.uid, ...(caller.role !== undefined ? { role: caller.role } : {}), ...(caller.orgId !== undefined ? { orgId: caller.orgId } : {}) },
    action: 'forum.moderate',
    target,
    ...(caller.orgId !== undefined ? { orgId: caller.orgId } : {}),
    meta: { action: input.action, from: prior.status, to: planned.status ?? prior.status, kind: ref.kind },
  }));
  const status = change.status ?? before.status;
  logEvent('info', 'forum.moderated', { kind: ref.kind, pathHash: hashId(target), action: input.action, from: before.status, to: status });
  return { status, changed: status !== before.status };
}

export const moderationQueueInput = z.object({ limit: z.int().min(1).max(100).default(50) }).strict();

export async function moderationQueue(deps: ForumDeps, input: z.output<typeof moderationQueueInput>, caller: Caller): Promise<{ items: QueueEntry[] }> {
  assertModerator(caller);
  return { items: await deps.store.queue(input.limit) };
}
