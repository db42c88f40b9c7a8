/** users/{uid}/assessments/{id} through the client SDK: every access case of rules-tests/cases/users-assessments.json. */
import { replayCases } from './support/replay';

describe('rules: users/{uid}/assessments/{id}', () => {
  replayCases('users-assessments.json');
});
