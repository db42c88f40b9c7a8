/** chats/{chatId}/messages/{msgId} through the client SDK: every access case of rules-tests/cases/chats-messages.json. */
import { replayCases } from './support/replay';

describe('rules: chats/{chatId}/messages/{msgId}', () => {
  replayCases('chats-messages.json');
});
