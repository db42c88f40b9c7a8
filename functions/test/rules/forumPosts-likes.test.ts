/** forumPosts/{postId}/likes/{uid} through the client SDK: every access case of rules-tests/cases/forumPosts-likes.json. */
import { replayCases } from './support/replay';

describe('rules: forumPosts/{postId}/likes/{uid}', () => {
  replayCases('forumPosts-likes.json');
});
