/**
 * English screener cases beyond the labelled set: negation, idioms and hyperbole, recovery, study and
 * fiction, everyday context, obfuscation and emoji, third-party reports, and every level of DESIGN.md §4.1.
 */
import { EN_IMMINENT, EN_HIGH, EN_OBFUSCATED, EN_MODERATE, EN_LOW_AND_NONE, EN_HARD_NEGATIVES } from './tables/en';
import { runTable } from './table';

describe('screener (English)', () => {
  runTable('imminent: plan, means, time or an act under way', EN_IMMINENT);
  runTable('high: wishes, thoughts, intent, goodbyes, method search, self-harm', EN_HIGH);
  runTable('obfuscation, look-alikes, invisible characters and emoji', EN_OBFUSCATED);
  runTable('moderate: distress and third-party reports', EN_MODERATE);
  runTable('low and none', EN_LOW_AND_NONE);
  runTable('hard negatives: negation, idioms, recovery, study, fiction, everyday context', EN_HARD_NEGATIVES);
});
