/** retentionState/anonymous through the client SDK: every access case of rules-tests/cases/retentionState.json. */
import { replayCases } from './support/replay';

describe('rules: retentionState/anonymous', () => {
  replayCases('retentionState.json');
});
