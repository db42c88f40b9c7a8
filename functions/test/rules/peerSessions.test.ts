/** peerSessions/{id} through the client SDK: every access case of rules-tests/cases/peerSessions.json. */
import { replayCases } from './support/replay';

describe('rules: peerSessions/{id}', () => {
  replayCases('peerSessions.json');
});
