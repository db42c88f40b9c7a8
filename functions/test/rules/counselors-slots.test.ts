/** counselors/{uid}/slots/{slotId} through the client SDK: every access case of rules-tests/cases/counselors-slots.json. */
import { replayCases } from './support/replay';

describe('rules: counselors/{uid}/slots/{slotId}', () => {
  replayCases('counselors-slots.json');
});
