/**
 * Pseudonyms ("Calm Otter 42") for students who never give a name. Words are short, kind, easy to say
 * in India and Nepal, and free of caste, religion, body or gender connotations. Deterministic for a seed,
 * so provisioning the same account twice gives the same alias.
 */
import { createHash } from 'node:crypto';

export const ALIAS_ADJECTIVES = [
  'Calm', 'Gentle', 'Brave', 'Kind', 'Bright', 'Quiet', 'Steady', 'Warm', 'Hopeful', 'Patient',
  'Cheerful', 'Curious', 'Swift', 'Sunny', 'Mellow', 'Serene', 'Golden', 'Silver', 'Misty', 'Breezy',
  'Humble', 'Lively', 'Soft', 'Wise', 'Clever', 'Radiant', 'Peaceful', 'Playful', 'Friendly', 'Graceful',
  'Starry', 'Rainy', 'Snowy', 'Evergreen', 'Blooming', 'Shining', 'Glowing', 'Dreamy', 'Bold', 'Joyful',
] as const;

export const ALIAS_NOUNS = [
  'Otter', 'Peacock', 'Lotus', 'Tiger', 'Mynah', 'Koel', 'Banyan', 'Neem', 'Mango', 'Jasmine',
  'Sparrow', 'Dolphin', 'Elephant', 'Deer', 'Panda', 'Yak', 'Danphe', 'Rhododendron', 'Deodar', 'Kingfisher',
  'Heron', 'Crane', 'Firefly', 'Butterfly', 'River', 'Mountain', 'Meadow', 'Monsoon', 'Comet', 'Star',
  'Moon', 'Cloud', 'Marigold', 'Tulip', 'Cedar', 'Pebble', 'Lantern', 'Kite', 'Falcon', 'Squirrel',
] as const;

/** `Adjective Noun NN` from a seed (a uid); NN is 10–99. */
export function generateAlias(seed: string): string {
  const digest = createHash('sha256').update(`alias:${seed}`).digest();
  const adjective = ALIAS_ADJECTIVES[digest.readUInt16BE(0) % ALIAS_ADJECTIVES.length];
  const noun = ALIAS_NOUNS[digest.readUInt16BE(2) % ALIAS_NOUNS.length];
  const number = 10 + (digest.readUInt16BE(4) % 90);
  return `${adjective} ${noun} ${number}`;
}
