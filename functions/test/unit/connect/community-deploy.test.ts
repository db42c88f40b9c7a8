/** What `firebase deploy` reads from the peer-circle and forum functions: region, triggers, schedule, retries, secrets. */
import assert from 'node:assert/strict';
import * as circles from '../../../src/connect/circles/triggers';
import * as forum from '../../../src/connect/forum/triggers';

describe('peer-circle and forum functions as deployed', () => {
  it('document triggers in asia-south1 on the right paths, retried', () => {
    const cases = [
      [forum.onForumPostCreated.__endpoint, 'google.cloud.firestore.document.v1.created', 'forumPosts/{postId}'],
      [forum.onForumCommentCreated.__endpoint, 'google.cloud.firestore.document.v1.created', 'forumPosts/{postId}/comments/{commentId}'],
      [forum.onForumCommentUpdated.__endpoint, 'google.cloud.firestore.document.v1.updated', 'forumPosts/{postId}/comments/{commentId}'],
      [forum.onForumLikeWritten.__endpoint, 'google.cloud.firestore.document.v1.written', 'forumPosts/{postId}/likes/{uid}'],
      [circles.onPeerFeedbackCreated.__endpoint, 'google.cloud.firestore.document.v1.created', 'peerSessions/{sessionId}/feedback/{uid}'],
      [circles.onPeerReportCreated.__endpoint, 'google.cloud.firestore.document.v1.created', 'peerSessions/{sessionId}/reports/{reportId}'],
    ] as const;
    for (const [endpoint, eventType, document] of cases) {
      assert.deepEqual(endpoint.region, ['asia-south1']);
      assert.ok(endpoint.eventTrigger);
      assert.equal(endpoint.eventTrigger.eventType, eventType);
      assert.deepEqual(endpoint.eventTrigger.eventFilterPathPatterns, { document });
      assert.equal(endpoint.eventTrigger.retry, true);
    }
  });

  it('the reminder schedule runs every 10 minutes in UTC', () => {
    const endpoint = circles.peerSessionReminders.__endpoint;
    assert.deepEqual(endpoint.region, ['asia-south1']);
    assert.equal(endpoint.scheduleTrigger?.schedule, '*/10 * * * *');
    assert.equal(endpoint.scheduleTrigger?.timeZone, 'UTC');
  });

  it('callables in asia-south1; screening and notifying functions have the model and encryption secrets', () => {
    for (const fn of [circles.joinPeerSession, circles.leavePeerSession, forum.reportForumContent, forum.moderateContent, forum.listModerationQueue]) {
      assert.deepEqual(fn.__endpoint.region, ['asia-south1']);
      assert.ok(fn.__endpoint.callableTrigger);
    }
    for (const endpoint of [forum.onForumPostCreated.__endpoint, forum.onForumCommentCreated.__endpoint, circles.onPeerReportCreated.__endpoint, circles.peerSessionReminders.__endpoint]) {
      const keys = (endpoint.secretEnvironmentVariables ?? []).map((s) => s.key);
      assert.ok(keys.includes('GEMINI_API_KEY') && keys.includes('FIELD_ENCRYPTION_KEY'), keys.join(','));
    }
  });
});
