/** users/{uid}/private/contact through the client SDK: every access case of rules-tests/cases/users-private-contact.json. */
import { replayCases } from './support/replay';

describe('rules: users/{uid}/private/contact', () => {
  replayCases('users-private-contact.json');
});
