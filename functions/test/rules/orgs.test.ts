/** orgs/{orgId} through the client SDK: every access case of rules-tests/cases/orgs.json. */
import { replayCases } from './support/replay';

describe('rules: orgs/{orgId}', () => {
  replayCases('orgs.json');
});
