/** users/{uid}/devices/{deviceId} through the client SDK: every access case of rules-tests/cases/users-devices.json. */
import { replayCases } from './support/replay';

describe('rules: users/{uid}/devices/{deviceId}', () => {
  replayCases('users-devices.json');
});
