/** bookings/{id} through the client SDK: every access case of rules-tests/cases/bookings.json. */
import { replayCases } from './support/replay';

describe('rules: bookings/{id}', () => {
  replayCases('bookings.json');
});
