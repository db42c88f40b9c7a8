/** users/{uid} through the client SDK: every access case of rules-tests/cases/users.json. */
import { replayCases } from './support/replay';

describe('rules: users/{uid}', () => {
  replayCases('users.json');
});
