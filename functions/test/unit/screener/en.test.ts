/**
 * English screener cases beyond the labelled set: negation, idioms and hyperbole, recovery, study and
 * fiction, everyday context, obfuscation and emoji, third-party reports, and every level of DESIGN.md §4.1.
 */
import { EN_IMMINENT, EN_HIGH, EN_OBFUSCATED, EN_MODERATE, EN_LOW_AND_NONE, EN_HARD_NEGATIVES } from './tables/en';
import assert from 'node:assert/strict';
import { screen } from '../../../src/safety/screener';
import { runTable } from './table';

describe('screener (English)', () => {
  runTable('imminent: plan, means, time or an act under way', EN_IMMINENT);
  runTable('high: wishes, thoughts, intent, goodbyes, method search, self-harm', EN_HIGH);
  runTable('obfuscation, look-alikes, invisible characters and emoji', EN_OBFUSCATED);
  runTable('moderate: distress and third-party reports', EN_MODERATE);
  runTable('low and none', EN_LOW_AND_NONE);
  runTable('hard negatives: negation, idioms, recovery, study, fiction, everyday context', EN_HARD_NEGATIVES);

  describe('whose danger: a third party\'s own words of a death wish are high, and the writer is the helper', () => {
    for (const [level, text] of [
      ['high', 'my friend wants to kill herself'],
      ['high', 'mera bhai bolta hai wo khudkushi kar lega'],
      ['imminent', 'my roommate said she is going to jump off the roof tonight'],
    ] as const) {
      it(`${level}, someone else's: ${text}`, () => {
        const r = screen(text);
        assert.deepEqual([r.level, r.thirdParty, r.aboutSomeoneElse], [level, true, true]);
      });
    }
    it('worry without their own words stays moderate', () => {
      const r = screen("I am worried about my roommate, she hasn't eaten in days and talks about dying");
      assert.deepEqual([r.level, r.thirdParty], ['moderate', true]);
    });
    it('the writer in danger as well: the writer\'s own crisis, not only a helper', () => {
      const r = screen('my friend wants to die and I want to die too');
      assert.deepEqual([r.level, r.thirdParty, r.aboutSomeoneElse], ['high', true, false]);
    });
    it('no one else: not about someone else', () => {
      assert.equal(screen('I want to die').aboutSomeoneElse, false);
    });
  });
});
