/** peerSessions/{id}/private/join through the client SDK: every access case of rules-tests/cases/peerSessions-private-join.json. */
import { replayCases } from './support/replay';

describe('rules: peerSessions/{id}/private/join', () => {
  replayCases('peerSessions-private-join.json');
});
