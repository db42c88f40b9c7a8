/** peerSessions/{id}/participants/{uid} through the client SDK: every access case of rules-tests/cases/peerSessions-participants.json. */
import { replayCases } from './support/replay';

describe('rules: peerSessions/{id}/participants/{uid}', () => {
  replayCases('peerSessions-participants.json');
});
