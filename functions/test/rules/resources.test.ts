/** resources/{id} through the client SDK: every access case of rules-tests/cases/resources.json. */
import { replayCases } from './support/replay';

describe('rules: resources/{id}', () => {
  replayCases('resources.json');
});
