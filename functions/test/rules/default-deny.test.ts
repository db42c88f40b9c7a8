/** paths no rule opens (default deny) through the client SDK: every access case of rules-tests/cases/default-deny.json. */
import { replayCases } from './support/replay';

describe('rules: paths no rule opens (default deny)', () => {
  replayCases('default-deny.json');
});
