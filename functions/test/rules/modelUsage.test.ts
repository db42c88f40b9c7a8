/** modelUsage/{orgId}/days/{day} through the client SDK: every access case of rules-tests/cases/modelUsage.json. */
import { replayCases } from './support/replay';

describe('rules: modelUsage/{orgId}/days/{day}', () => {
  replayCases('modelUsage.json');
});
