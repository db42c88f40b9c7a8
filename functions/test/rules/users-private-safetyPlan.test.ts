/** users/{uid}/private/safetyPlan through the client SDK: every access case of rules-tests/cases/users-private-safetyPlan.json. */
import { replayCases } from './support/replay';

describe('rules: users/{uid}/private/safetyPlan', () => {
  replayCases('users-private-safetyPlan.json');
});
