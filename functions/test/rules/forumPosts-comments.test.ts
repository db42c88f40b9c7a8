/** forumPosts/{postId}/comments/{id} through the client SDK: every access case of rules-tests/cases/forumPosts-comments.json. */
import { replayCases } from './support/replay';

describe('rules: forumPosts/{postId}/comments/{id}', () => {
  replayCases('forumPosts-comments.json');
});
