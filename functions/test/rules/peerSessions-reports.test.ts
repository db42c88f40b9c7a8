/** peerSessions/{id}/reports/{id} through the client SDK: every access case of rules-tests/cases/peerSessions-reports.json. */
import { replayCases } from './support/replay';

describe('rules: peerSessions/{id}/reports/{id}', () => {
  replayCases('peerSessions-reports.json');
});
