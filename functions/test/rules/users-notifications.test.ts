/** users/{uid}/notifications/{id} through the client SDK: every access case of rules-tests/cases/users-notifications.json. */
import { replayCases } from './support/replay';

describe('rules: users/{uid}/notifications/{id}', () => {
  replayCases('users-notifications.json');
});
