/**
 * The literal prefilter: which literals a pattern requires, one pass over a message for all of them, and
 * splitting a list of ways into one rule each. The screener's own results are checked by the language and
 * metrics tests (the prefilter must not change any verdict); these pin the analysis itself.
 */
import assert from 'node:assert/strict';
import { LiteralIndex, requiredLiterals, requiredLiteralsByWay, WORD_CLASS } from '../../../src/safety/screener/prefilter';
import { normalize, screen } from '../../../src/safety/screener';
import { alternativesOf, compileLexicon, rule } from '../../../src/safety/screener/rules';

const sets = (source: string) => requiredLiterals(source)?.map((s) => [...s].sort()).sort((a, b) => (a.join() < b.join() ? -1 : 1));

describe('screener prefilter: required literals', () => {
  it('a plain phrase requires itself', () => {
    assert.deepEqual(sets('kill myself'), [['kill myself']]);
  });

  it('an alternation requires one of its alternatives', () => {
    assert.deepEqual(sets('(?:pills|tablets|poison)'), [['pills', 'poison', 'tablets']]);
  });

  it('a sequence requires each of its required parts', () => {
    assert.deepEqual(sets('(?:want|wanna) to (?:\\S+ ){0,2}(?:jump|hang)'), [[' to '], ['hang', 'jump'], ['wanna', 'want']]);
  });

  it('optional parts, classes and lookarounds require nothing', () => {
    assert.deepEqual(sets('(?:just )?die(?! (?:of|laughing))'), [['die']]);
    assert.deepEqual(sets('[a-z]+ing'), [['ing']]);
    assert.equal(requiredLiterals('(?:so )?\\S+'), null);
  });

  it('literals shorter than three characters are too common to require', () => {
    assert.equal(requiredLiterals('(?:i|me) (?:\\S+ )?od'), null);
    assert.deepEqual(sets('(?:i|me) overdose'), [[' overdose']]);
  });

  it('an alternative without a literal makes the whole alternation unknown', () => {
    assert.equal(requiredLiterals('(?:pills|\\d+ tabs|[0-9]+)'), null);
  });

  it('every match of a pattern contains a literal of each required set', () => {
    const source = '(?:took|swallowed) (?:\\S+ ){0,2}(?:pills|tablets)(?: ,)? (?:now|tonight)';
    const re = new RegExp(source);
    const required = requiredLiterals(source);
    assert.ok(required);
    for (const text of ['took 20 pills now', 'swallowed all the tablets , tonight', 'took pills tonight']) {
      const m = re.exec(text);
      assert.ok(m, text);
      for (const set of required) assert.ok([...set].some((l) => m[0].includes(l)), `${text}: ${[...set].join('|')}`);
    }
  });
});

describe('screener prefilter: literals beside word edges', () => {
  const edge = new RegExp(`[^${WORD_CLASS}]`, 'g');
  /** A text as the index reads it: every character that is not a word character, and its start and end, an edge. */
  const folded = (text: string) => ` ${text.replace(edge, ' ')} `;
  const byWay = (source: string) => requiredLiteralsByWay(source)?.map((way) => way.map((s) => [...s].sort()));

  it("a way's start and end, with an edge beside them, are literals (a space for the edge)", () => {
    assert.deepEqual(byWay('(?:at|by) \\d+ (?:pm|am)'), [[[' at ', ' by '], [' am ', ' pm '], [' am', ' pm']]]);
    assert.deepEqual(byWay('(?:rn|now)'), [[[' rn ']], [[' now '], ['now']]]);
    assert.deepEqual(byWay('s(?:u|oo)[iy]?cide'), [[['icide ', 'ocide ', 'ucide ', 'ycide '], [' sooci', ' sooic', ' sooyc', ' sucid', ' suici', ' suyci'], ['icide', 'ocide', 'ucide', 'ycide']]]);
  });

  it('inside a way, the character before a part joined to how the part starts is a literal too', () => {
    assert.deepEqual(byWay('(?:for|to) (?:my |the )?(?:gym|camping\\S*|trek)')?.[0]?.[1], [' camp', ' gym', ' trek']);
  });

  it('every match of a phrase has a literal of each set of one of its ways, edges read as one', () => {
    const source = '(?:at|by) \\d+ (?:pm|am)|(?:rn|right now)|s(?:u|oo)[iy]?cid(?:e|al)(?! note)|(?:my )?plan (?:is|was) to|(?:for|to) (?:my |the )?(?:gym|camping\\S*|trek)|ok (?:x\\S*) lol';
    const re = new RegExp(`(?<![${WORD_CLASS}])(?:${source})(?![${WORD_CLASS}])`, 'g');
    const ways = requiredLiteralsByWay(source);
    assert.ok(ways);
    for (const text of ['at 5 pm', 'rn', 'ok,rn.', 'suicidal', 'sooycide', '"suicide"', 'my plan is to', 'plan was to go', 'ꀀsuicide', 'to the gym', 'for campingtrip', 'ok xyz lol']) {
      const matches = [...text.matchAll(re)];
      assert.ok(matches.length > 0, text);
      const read = folded(text);
      assert.ok(ways.some((sets) => sets.every((set) => [...set].some((l) => read.includes(l.replace(edge, ' '))))), text);
    }
  });
});

describe('screener prefilter: literal index', () => {
  it('finds every literal that occurs, overlapping ones included, in one pass', () => {
    const index = new LiteralIndex(['die', 'died', 'pills', 'ill', 'मरना']);
    const found = new Set<number>();
    index.scan('she died , i will take pills . मरना', (id) => found.add(id));
    assert.deepEqual([...found].sort(), [0, 1, 2, 3, 4]);
  });

  it('finds nothing in a text without them', () => {
    const index = new LiteralIndex(['suicide', 'noose']);
    const found: number[] = [];
    index.scan('see you at the library at 5', (id) => found.push(id));
    assert.deepEqual(found, []);
  });
});

describe('screener rules: alternativesOf', () => {
  it('splits a list of ways at its top level only', () => {
    assert.deepEqual(alternativesOf('(?:jump(?:ing)? off|hang(?:ing)? <refl>|tak(?:e|ing) [0-9|]+ pills)'), [
      'jump(?:ing)? off',
      'hang(?:ing)? <refl>',
      'tak(?:e|ing) [0-9|]+ pills',
    ]);
  });

  it('keeps a pattern that is not one group of ways whole', () => {
    assert.deepEqual(alternativesOf('pills'), ['pills']);
  });
});

describe('screener rules: capture groups are refused at load', () => {
  it('a phrase with a capturing group throws; non-capturing groups, lookarounds and escaped parentheses do not', () => {
    const part = (source: string) => ({ lang: 'en' as const, rules: { risk: [rule('intent', source)], mood: [], time: [] }, frames: [] });
    assert.throws(() => compileLexicon([part('want to (die)')]), /capture group/);
    assert.throws(() => compileLexicon([part('want to (?<what>die)')]), /capture group/);
    assert.doesNotThrow(() => compileLexicon([part('want to (?:die)(?! laughing)(?<!not )\\(x\\)[(]')]));
  });
});

/** Each text screens at high or above (`crisis`) or below it (not), with the level in the failure message. */
function assertCrisis(texts: readonly string[], crisis: boolean): void {
  for (const text of texts) {
    const level = screen(text).level;
    assert.equal(['high', 'imminent'].includes(level), crisis, `${text}: ${level}`);
  }
}

describe('screener broad layer: everyday medicine and thanks are not a crisis', () => {
  it('medicine taken as prescribed, thanks with a time, stay below high; the same words with poison, all at once or goodbye do not', () => {
    assertCrisis(['mummy ne dawai di, goli kha li, ab so rahi hu', 'आज दवा खा ली, बुखार उतर गया', 'सबैलाई धन्यवाद, भोलि भेटौंला', 'thanks for everything this semester guys'], false);
    assertCrisis(['आमाको प्रेसरको सबै औषधि एकैचोटि खाइदिएँ', 'thank u for everything. goodbye', 'भाई ने सल्फास की गोली खा ली है, मुँह से झाग आ रहा है'], true);
  });
});

describe('screener broad layer: pests, holidays and deadlines are not a crisis', () => {
  it('poison for rats and insects in the store or the field, a holiday, a last date stay below high; the same poison drunk does not', () => {
    assertCrisis([
      'godown ma muso le makai khayo, buba le musa marne ausadhi lyaunu bhayo',
      'rats all over the mess, warden bought rat poison finally',
      'kal class hai ki chhutti? bholi class xa ki bida',
      'फारम भर्ने अन्तिम मिति कहिले हो?',
    ], false);
    assertCrisis(['ghar ko kira marne ausadhi piye bharkhar', 'keede maarne ki dawai pee li maine', 'किरा मार्ने औषधि पिएँ, पेट पोल्यो', 'सबैलाई धन्यवाद, अब म बिदा हुन्छु'], true);
  });
});

describe('screener broad layer: how to iron a shirt, how to focus, tea by the pond', () => {
  it('"how do you do it" is method seeking only about "it" or oneself; focusing, food and tea by the water are everyday', () => {
    assertCrisis(['शर्ट ठीक से प्रेस कैसे करते हैं?', 'पढ़ाई में ध्यान कैसे लगाएँ?', 'पोखरी छेउ बसेर चिया खाएँ, मजा आयो', 'the whole floor finished the laddoos in one evening'], false);
    assertCrisis(['फांसी कैसे लगाते हैं', 'ये कैसे करते हैं, दर्द तो नहीं होगा?'], true);
  });
});

describe('screener broad layer: a number is not "numb"', () => {
  it('phone numbers, marks and helpline numbers are no concern; feeling numb is', () => {
    for (const text of ['sir ka number chahiye tha, kisi ke paas hai?', 'what time does the 8 number bus leave', 'mock test ma number kam aayo']) {
      assert.ok(!['moderate', 'high', 'imminent'].includes(screen(text).level), `${text}: ${screen(text).level}`);
    }
    for (const text of ['i feel numb all the time', 'numbness everywhere, nothing feels real']) assert.equal(screen(text).level, 'moderate', text);
  });
});

describe('screener broad layer: a lethal dose asked for, the point of living', () => {
  it('asking how much is lethal, what living is for or thoughts of killing oneself are high; a dose taught in class or a promise not to are not', () => {
    assertCrisis([
      'neend ki goli ka lethal dose kitna hota hai, bas aise hi',
      'कितनी गोलियों से आदमी न बचे, कोई बताएगा?',
      'ma bachera k garum, kasailai kei farak pardaina',
      'बाँचेर के गर्नु, सबै सकियो',
      'ab jee ke kya karunga, sab khatam ho gaya',
      'aafulai marne bichar aaucha raati',
    ], true);
    assertCrisis([
      'sir le practical ma lethal dose padhaunu bhayo, exam ma aauxa',
      'the lethal dose of caffeine is about ten grams, fun fact',
      'ma kahile pani aafulai marne chaina, dhukka hunus',
    ], false);
  });
});

describe('screener normalisation: chat spellings', () => {
  it('reads chat spellings as words, and only its own: names a plain object inherits stay as they are', () => {
    assert.equal(normalize('want 2 die 2nite').text, 'want to die tonight');
    for (const word of ['constructor', 'tostring', 'valueof', 'hasownproperty']) {
      assert.equal(normalize(`the ${word} 2`).text, `the ${word} 2`);
    }
  });
});
