/** deliveries/{id} through the client SDK: every access case of rules-tests/cases/deliveries.json. */
import { replayCases } from './support/replay';

describe('rules: deliveries/{id}', () => {
  replayCases('deliveries.json');
});
