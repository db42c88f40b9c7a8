/** users/{uid}/tasks/{taskId} through the client SDK: every access case of rules-tests/cases/users-tasks.json. */
import { replayCases } from './support/replay';

describe('rules: users/{uid}/tasks/{taskId}', () => {
  replayCases('users-tasks.json');
});
