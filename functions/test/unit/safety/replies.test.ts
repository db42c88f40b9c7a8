import assert from 'node:assert/strict';
import { DEFAULT_HELPLINES, MESSAGE_TEXT_MAX, type Helpline } from '../../../src/model/schemas';
import { crisisReply, helplinesFor } from '../../../src/safety/crisis';
import { detectScriptLanguage, replyLanguage } from '../../../src/safety/language';
import { localListenerReply, slowDownReply } from '../../../src/safety/local-replies';

const INDIA = helplinesFor(DEFAULT_HELPLINES, 'IN');
const NEPAL = helplinesFor(DEFAULT_HELPLINES, 'NP');

describe('crisis reply', () => {
  it('in English for India: Tele-MANAS 14416 and 1-800-891-4416, emergency 112, safety plan, counselor alerted', () => {
    const text = crisisReply({ language: 'en', level: 'high', helplines: INDIA, counselorAlerted: true });
    assert.match(text, /Tele-MANAS: 14416 \(24x7\)/);
    assert.match(text, /1-800-891-4416/);
    assert.match(text, /please call 112 now/);
    assert.match(text, /safety plan/i);
    assert.match(text, /counselor from your institution has been told/);
    assert.ok(text.startsWith("I'm really glad you told me."));
  });

  it('puts the call-now line first for imminent risk', () => {
    const text = crisisReply({ language: 'en', level: 'imminent', helplines: INDIA, counselorAlerted: true });
    assert.ok(text.startsWith('If you might act on these thoughts'));
  });

  it('for Nepal lists 1166 and, with no emergency number configured, sends to the nearest hospital', () => {
    const text = crisisReply({ language: 'ne', level: 'high', helplines: NEPAL, counselorAlerted: false });
    assert.match(text, /1166/);
    assert.match(text, /नजिकैको अस्पताल/);
    assert.doesNotMatch(text, /112/);
    assert.doesNotMatch(text, /काउन्सेलरलाई जानकारी/);
  });

  it('in Hindi, with the helplines and the safety plan pointer', () => {
    const text = crisisReply({ language: 'hi', level: 'high', helplines: INDIA, counselorAlerted: true });
    assert.match(text, /मुझे सच में खुशी है कि आपने मुझे बताया/);
    assert.match(text, /14416/);
    assert.match(text, /112 पर कॉल करें/);
    assert.match(text, /सुरक्षा योजना/);
  });

  it('to a student writing about someone else: help them now, stay if it is safe, do not keep it secret, and how are you', () => {
    const text = crisisReply({ language: 'en', level: 'imminent', helplines: INDIA, counselorAlerted: true, about: 'other' });
    assert.ok(text.startsWith('If they might act on it or are not safe right now, please call 112 now'));
    assert.match(text, /Tele-MANAS: 14416/);
    assert.match(text, /will reach out to you, so you can work out together how to help/);
    assert.match(text, /don't promise to keep it to yourself/);
    assert.match(text, /How are you holding up\?$/);
    assert.doesNotMatch(text, /your safety plan|these thoughts/i);
    const hi = crisisReply({ language: 'hi', level: 'high', helplines: INDIA, counselorAlerted: false, about: 'other' });
    assert.ok(hi.startsWith('मुझे बताने और उनका ख़याल रखने के लिए शुक्रिया।'));
    const ne = crisisReply({ language: 'ne', level: 'high', helplines: NEPAL, counselorAlerted: false, about: 'other' });
    assert.match(ne, /1166/);
    assert.match(ne, /नजिकैको अस्पताल पुर्‍याउन/);
  });

  it('follows safe messaging: no method words, no secrecy promise, fits in one message, in every language', () => {
    for (const language of ['en', 'hi', 'ne'] as const) {
      for (const [level, about] of [['high', 'self'], ['imminent', 'self'], ['high', 'other'], ['imminent', 'other']] as const) {
        const text = crisisReply({ language, level, helplines: INDIA, counselorAlerted: true, about });
        assert.ok(text.length <= MESSAGE_TEXT_MAX, `${language} ${level} ${about} is ${String(text.length)} chars`);
        assert.doesNotMatch(text, /pills|rope|hang|jump|poison|secret|commit suicide/i);
      }
    }
  });

  it('uses the configured helplines of the org country, else the default country, and says so when there are none', () => {
    const custom: Record<string, Helpline[]> = { IN: [{ name: 'Campus line', phone: '555', emergency: false }] };
    assert.deepEqual(helplinesFor(custom, 'NP'), custom.IN);
    assert.deepEqual(helplinesFor(custom, undefined), custom.IN);
    const text = crisisReply({ language: 'en', level: 'high', helplines: [], counselorAlerted: false });
    assert.match(text, /reach out to a local helpline/);
  });
});

describe('reply language', () => {
  it('reads Hindi and Nepali from Devanagari text', () => {
    assert.equal(detectScriptLanguage('मुझे बहुत डर लग रहा है'), 'hi');
    assert.equal(detectScriptLanguage('मलाई धेरै डर लागिरहेको छ'), 'ne');
    assert.equal(detectScriptLanguage('I am fine'), undefined);
    assert.equal(detectScriptLanguage('mujhe bahut stress hai'), undefined);
  });

  it('prefers the script, then the profile language when Bestie speaks it, then English', () => {
    assert.equal(replyLanguage('मलाई धेरै डर लागिरहेको छ', 'en'), 'ne');
    assert.equal(replyLanguage('I am scared', 'hi'), 'hi');
    assert.equal(replyLanguage('I am scared', 'ta'), 'en');
    assert.equal(replyLanguage('I am scared'), 'en');
  });
});

describe('local replies', () => {
  it('picks the same listener reply for the same message, and varies across messages', () => {
    assert.equal(localListenerReply('en', 'low', 'm1'), localListenerReply('en', 'low', 'm1'));
    const seen = new Set(Array.from({ length: 20 }, (_, i) => localListenerReply('en', 'none', `m${String(i)}`)));
    assert.ok(seen.size > 1);
  });

  it('suggests a counselor for moderate messages, in each language', () => {
    assert.match(localListenerReply('en', 'moderate', 'x'), /counselor/);
    assert.match(localListenerReply('hi', 'moderate', 'x'), /काउंसलर/);
    assert.match(localListenerReply('ne', 'moderate', 'x'), /काउन्सेलर/);
  });

  it('asks to slow down in each language', () => {
    assert.match(slowDownReply('en'), /short pause/);
    assert.match(slowDownReply('hi'), /थोड़ा रुकते हैं/);
    assert.match(slowDownReply('ne'), /अलिकति रोकौं/);
  });
});
