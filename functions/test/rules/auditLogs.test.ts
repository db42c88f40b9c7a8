/** auditLogs/{id} through the client SDK: every access case of rules-tests/cases/auditLogs.json. */
import { replayCases } from './support/replay';

describe('rules: auditLogs/{id}', () => {
  replayCases('auditLogs.json');
});
