/** peerSessions/{id}/feedback/{uid} through the client SDK: every access case of rules-tests/cases/peerSessions-feedback.json. */
import { replayCases } from './support/replay';

describe('rules: peerSessions/{id}/feedback/{uid}', () => {
  replayCases('peerSessions-feedback.json');
});
