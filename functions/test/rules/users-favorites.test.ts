/** users/{uid}/favorites/{resourceId} through the client SDK: every access case of rules-tests/cases/users-favorites.json. */
import { replayCases } from './support/replay';

describe('rules: users/{uid}/favorites/{resourceId}', () => {
  replayCases('users-favorites.json');
});
