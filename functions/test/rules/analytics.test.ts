/** analytics/{orgId}/daily/{day} through the client SDK: every access case of rules-tests/cases/analytics.json. */
import { replayCases } from './support/replay';

describe('rules: analytics/{orgId}/daily/{day}', () => {
  replayCases('analytics.json');
});
