/** deletions/{uid} through the client SDK: every access case of rules-tests/cases/deletions.json. */
import { replayCases } from './support/replay';

describe('rules: deletions/{uid}', () => {
  replayCases('deletions.json');
});
