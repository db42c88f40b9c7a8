/** users/{uid}/private/privacy through the client SDK: every access case of rules-tests/cases/users-private-privacy.json. */
import { replayCases } from './support/replay';

describe('rules: users/{uid}/private/privacy', () => {
  replayCases('users-private-privacy.json');
});
