/** forumReports/{id} through the client SDK: every access case of rules-tests/cases/forumReports.json. */
import { replayCases } from './support/replay';

describe('rules: forumReports/{id}', () => {
  replayCases('forumReports.json');
});
