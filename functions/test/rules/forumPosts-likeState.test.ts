/** forumPosts/{postId}/likeState/{uid} through the client SDK: every access case of rules-tests/cases/forumPosts-likeState.json. */
import { replayCases } from './support/replay';

describe('rules: forumPosts/{postId}/likeState/{uid}', () => {
  replayCases('forumPosts-likeState.json');
});
