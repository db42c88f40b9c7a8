/** keyRotations/{kid} through the client SDK: every access case of rules-tests/cases/keyRotations.json. */
import { replayCases } from './support/replay';

describe('rules: keyRotations/{kid}', () => {
  replayCases('keyRotations.json');
});
