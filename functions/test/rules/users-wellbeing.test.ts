/** users/{uid}/wellbeing/{day} through the client SDK: every access case of rules-tests/cases/users-wellbeing.json. */
import { replayCases } from './support/replay';

describe('rules: users/{uid}/wellbeing/{day}', () => {
  replayCases('users-wellbeing.json');
});
