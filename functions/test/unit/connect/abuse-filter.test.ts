/**
 * The deterministic abuse filter: slurs (en/hi/ne, Devanagari and romanised, obfuscated), harassment aimed at
 * someone, doxxing (phone numbers, emails, addresses), and the everyday texts it must leave alone.
 */
import assert from 'node:assert/strict';
import { asciiDigits, filterAbuse, hasPhoneNumber, isDoxxing, type AbuseReason } from '../../../src/connect/forum/abuse-filter';

function reasons(text: string): AbuseReason[] {
  return filterAbuse(text).reasons;
}

describe('abuse filter', () => {
  describe('slurs', () => {
    const cases: Array<[string, string]> = [
      ['English', 'shut up you retard'],
      ['English, leetspeak', 'what a b1tch'],
      ['English, stretched', 'such a whoooore'],
      ['Hinglish', 'tu chutiya hai kya'],
      ['Hinglish, spelled differently', 'abe chootiya'],
      ['Hinglish, leetspeak and stretch', 'ch00tiyaaaa'],
      ['Hinglish, spaced out', 'c.h.u.t.i.y.a'],
      ['Hinglish, spaced with blanks', 'm a d a r c h o d'],
      ['Hinglish compound', 'behenchod log'],
      ['Hindi Devanagari', 'तू चूतिया है'],
      ['Hindi Devanagari, inflected', 'सब हरामी हैं'],
      ['Hindi Devanagari, nukta form', 'भोसड़ी के'],
      ['caste slur', 'that bhangi again'],
      ['Nepali romanised', 'muji kta'],
      ['Nepali romanised compound', 'machikne'],
      ['Nepali Devanagari', 'मुजी केटा'],
    ];
    for (const [what, text] of cases) {
      it(`flags ${what}`, () => {
        assert.deepEqual(reasons(text), ['slur'], text);
        assert.equal(filterAbuse(text).flagged, true);
      });
    }
  });

  describe('harassment', () => {
    const cases: Array<[string, string]> = [
      ['telling someone to kill themself', 'just kill yourself'],
      ['kys', 'kys loser'],
      ['go die', 'go die'],
      ['degradation', "you're worthless"],
      ['threat', "I'll find you after class"],
      ['knowing where someone lives', 'i know where you live'],
      ['Hinglish: die', 'mar ja'],
      ['Hinglish: threat', 'tujhe maar dunga'],
      ['Hindi Devanagari: die', 'मर जा'],
      ['Hindi Devanagari: threat', 'तुझे मार दूंगा'],
      ['Nepali romanised: threat', 'talai marchu'],
      ['Nepali Devanagari: threat', 'तँलाई मार्छु'],
    ];
    for (const [what, text] of cases) {
      it(`flags ${what}`, () => assert.deepEqual(reasons(text), ['harassment'], text));
    }
  });

  describe('doxxing', () => {
    it('flags Indian mobile numbers in any grouping', () => {
      for (const text of ['call her on 9876543210', 'her no is 98765 43210', '+91-98765-43210', '+91 98765 43210']) {
        assert.deepEqual(reasons(text), ['doxxing-phone'], text);
      }
    });
    it('flags Nepali mobile numbers and Devanagari digits', () => {
      assert.deepEqual(reasons('+977 9841234567'), ['doxxing-phone']);
      assert.deepEqual(reasons('उसको नम्बर ९८४१२३४५६७ हो'), ['doxxing-phone']);
    });
    it('leaves toll-free helplines, years and short numbers alone', () => {
      for (const text of ['Tele-MANAS 1-800-891-4416 helped me', 'call 14416 or 112', 'batch of 2024 2025', 'I slept 8 hours', 'roll 12345']) {
        assert.deepEqual(reasons(text), [], text);
      }
    });
    it('flags email addresses', () => {
      assert.deepEqual(reasons('mail him at rahul.k99@gmail.com'), ['doxxing-email']);
    });
    it('flags hostel rooms, house numbers, streets and wards', () => {
      for (const text of ['she is in room no 204 of Ganga hostel', 'house no. 12', 'lives at 14 MG Road', 'Kathmandu ward no 4', 'वडा नं ५', 'कमरा नंबर 12']) {
        assert.deepEqual(reasons(text), ['doxxing-address'], text);
      }
    });
    it('isDoxxing tells doxxing reasons from abuse reasons', () => {
      assert.equal(isDoxxing(['slur', 'doxxing-phone']), true);
      assert.equal(isDoxxing(['slur', 'harassment']), false);
    });
    it('hasPhoneNumber counts digits, not characters', () => {
      assert.equal(hasPhoneNumber('98765-4321'), false);
      assert.equal(hasPhoneNumber('98765-43210'), true);
      assert.equal(asciiDigits('९८'), '98');
    });
  });

  it('reports several reasons in a fixed order', () => {
    assert.deepEqual(reasons('chutiya, call 9876543210 or mail a@b.co, kill yourself'), ['slur', 'harassment', 'doxxing-phone', 'doxxing-email']);
  });

  describe('leaves everyday and help-seeking text alone', () => {
    const texts = [
      'this exam is killing me',
      'I want to die',
      'I feel worthless and alone',
      'How do you all cope with exam stress?',
      'I study 5 hours at the hostel',
      'Laura said the chakka in the match was amazing',
      'dil se shukriya, aap sab bahut ache ho',
      'मुझे बहुत तनाव है',
      'मलाई धेरै तनाव छ',
      'therapist said to take breaks',
      'quarter 1 results are out, block 2 exam hall',
    ];
    for (const text of texts) {
      it(JSON.stringify(text), () => assert.deepEqual(filterAbuse(text), { flagged: false, reasons: [] }));
    }
  });
});
