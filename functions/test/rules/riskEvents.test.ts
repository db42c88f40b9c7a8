/** riskEvents/{id} through the client SDK: every access case of rules-tests/cases/riskEvents.json. */
import { replayCases } from './support/replay';

describe('rules: riskEvents/{id}', () => {
  replayCases('riskEvents.json');
});
