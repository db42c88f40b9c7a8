/** forumPosts/{postId} through the client SDK: every access case of rules-tests/cases/forumPosts.json. */
import { replayCases } from './support/replay';

describe('rules: forumPosts/{postId}', () => {
  replayCases('forumPosts.json');
});
