/** users/{uid}/entries/{entryId} through the client SDK: every access case of rules-tests/cases/users-entries.json. */
import { replayCases } from './support/replay';

describe('rules: users/{uid}/entries/{entryId}', () => {
  replayCases('users-entries.json');
});
