/** config/app through the client SDK: every access case of rules-tests/cases/config.json. */
import { replayCases } from './support/replay';

describe('rules: config/app', () => {
  replayCases('config.json');
});
