/** chats/{chatId} through the client SDK: every access case of rules-tests/cases/chats.json. */
import { replayCases } from './support/replay';

describe('rules: chats/{chatId}', () => {
  replayCases('chats.json');
});
