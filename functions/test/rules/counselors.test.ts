/** counselors/{uid} through the client SDK: every access case of rules-tests/cases/counselors.json. */
import { replayCases } from './support/replay';

describe('rules: counselors/{uid}', () => {
  replayCases('counselors.json');
});
