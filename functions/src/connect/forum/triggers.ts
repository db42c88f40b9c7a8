/**
 * Deployed forum functions: wiring only. `build…` functions take a source of dependencies (tests pass fakes;
 * the exported constants use the live ones, built on first use). A document that can never be processed
 * (corrupt, or an invalid path) is logged and settled; anything else is rethrown so the platform retries.
 */
import { onDocumentCreated, onDocumentUpdated, onDocumentWritten } from 'firebase-functions/v2/firestore';
import { callable } from '../../platform/callable';
import { ALL_SECRETS, REGION } from '../../platform/config';
import { DomainError } from '../../platform/errors';
import { errorFields, logEvent } from '../../platform/log';
import {
  handleCommentUpdated,
  handleItemCreated,
  handleLikeWritten,
  moderateContent as moderateContentHandler,
  moderateContentInput,
  moderationQueue,
  moderationQueueInput,
  reportContent,
  reportContentInput,
  type ForumDeps,
} from './handlers';
import { liveForumDeps } from './live';

export type ForumDepsSource = () => ForumDeps;

const SETTLED_CODES: ReadonlySet<string> = new Set(['data/corrupt-document', 'validation/invalid', 'path/invalid-id']);

async function settle(trigger: string, run: () => Promise<unknown>): Promise<void> {
  try {
    await run();
  } catch (err) {
    if (err instanceof DomainError && SETTLED_CODES.has(err.code)) {
      logEvent('error', 'forum.trigger-gave-up', { trigger, errorCode: err.code });
      return;
    }
    const f = errorFields(err);
    logEvent('error', 'forum.trigger-failed', { trigger, errorClass: f.errorClass, errorCode: f.errorCode });
    throw err;
  }
}

export function buildOnForumPostCreated(deps: ForumDepsSource) {
  return onDocumentCreated({ document: 'forumPosts/{postId}', region: REGION, secrets: ALL_SECRETS, retry: true, timeoutSeconds: 60 }, (event) =>
    settle('onForumPostCreated', () => handleItemCreated(deps(), { kind: 'post', postId: event.params.postId })),
  );
}

export function buildOnForumCommentCreated(deps: ForumDepsSource) {
  return onDocumentCreated(
    { document: 'forumPosts/{postId}/comments/{commentId}', region: REGION, secrets: ALL_SECRETS, retry: true, timeoutSeconds: 60 },
    (event) => settle('onForumCommentCreated', () => handleItemCreated(deps(), { kind: 'comment', postId: event.params.postId, commentId: event.params.commentId })),
  );
}

export function buildOnForumCommentUpdated(deps: ForumDepsSource) {
  return onDocumentUpdated({ document: 'forumPosts/{postId}/comments/{commentId}', region: REGION, retry: true }, async (event) => {
    if (event.data?.before.get('status') === event.data?.after.get('status')) return;
    await settle('onForumCommentUpdated', () => handleCommentUpdated(deps(), event.params.postId, event.params.commentId));
  });
}

export function buildOnForumLikeWritten(deps: ForumDepsSource) {
  return onDocumentWritten({ document: 'forumPosts/{postId}/likes/{uid}', region: REGION, retry: true }, (event) =>
    settle('onForumLikeWritten', () => handleLikeWritten(deps(), event.params.postId, event.params.uid)),
  );
}

export function buildReportForumContent(deps: ForumDepsSource) {
  return callable('reportForumContent', reportContentInput, (input, caller) => reportContent(deps(), input, caller), { secrets: ALL_SECRETS });
}

export function buildModerateContent(deps: ForumDepsSource) {
  return callable('moderateContent', moderateContentInput, (input, caller) => moderateContentHandler(deps(), input, caller), { secrets: ALL_SECRETS });
}

export function buildListModerationQueue(deps: ForumDepsSource) {
  return callable('listModerationQueue', moderationQueueInput, (input, caller) => moderationQueue(deps(), input, caller), { secrets: ALL_SECRETS });
}

export const onForumPostCreated = buildOnForumPostCreated(liveForumDeps);
export const onForumCommentCreated = buildOnForumCommentCreated(liveForumDeps);
export const onForumCommentUpdated = buildOnForumCommentUpdated(liveForumDeps);
export const onForumLikeWritten = buildOnForumLikeWritten(liveForumDeps);
export const reportForumContent = buildReportForumContent(liveForumDeps);
export const moderateContent = buildModerateContent(liveForumDeps);
export const listModerationQueue = buildListModerationQueue(liveForumDeps);
