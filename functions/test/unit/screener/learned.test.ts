/**
 * The learned layer: feature hashing, loading the shipped model, and that the committed model is exactly
 * what `npm run train-screener` makes from the committed corpus (so no one ships weights from data that is
 * not in the repository, or forgets to retrain after changing the corpus).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpusHash, renderModel, train } from '../../../scripts/train-screener';
import { normalize, screen } from '../../../src/safety/screener';
import { LEARNED_MIN_WORDS, screenWith } from '../../../src/safety/screener/engine';
import { FeatureHasher, learnedVerdict, loadModel, type LearnedVerdict } from '../../../src/safety/screener/learned';
import { riskRank } from '../../../src/model/schemas';
import { LEARNED_MODEL } from '../../../src/safety/screener/learned-model.generated';
import { CORPUS } from './corpus';
import { UNSEEN_EVERYDAY, UNSEEN_T10, UNSEEN_T11, UNSEEN_T12, UNSEEN_T13, UNSEEN_T14, UNSEEN_T15, UNSEEN_T7 } from './fresh-sets';

const featuresOf = (hasher: FeatureHasher, text: string): number[] => [...hasher.out.slice(0, hasher.hash(text))].sort((a, b) => a - b);

describe('learned layer: features', () => {
  it('the same text gives the same features, whatever was hashed before', () => {
    const hasher = new FeatureHasher(16);
    const first = featuresOf(hasher, 'aaj raat sab khatam');
    featuresOf(hasher, 'something else entirely with many more words in it');
    assert.deepEqual(featuresOf(hasher, 'aaj raat sab khatam'), first);
    assert.deepEqual(featuresOf(new FeatureHasher(16), 'aaj raat sab khatam'), first);
  });

  it('counts a feature once however often it occurs, and word order matters through the pairs', () => {
    const hasher = new FeatureHasher(16);
    assert.deepEqual(featuresOf(hasher, 'bye bye bye'), featuresOf(hasher, 'bye bye'));
    const ab = featuresOf(hasher, 'want die');
    const ba = featuresOf(hasher, 'die want');
    assert.equal(ab.length, ba.length);
    assert.notDeepEqual(ab, ba);
  });

  it('a token, its 3-grams and the pairs it is in are distinct features (bias + 1 word + 3 grams for "ab")', () => {
    const hasher = new FeatureHasher(20);
    // "<ab>": 3-grams "<ab", "ab>", 4-gram "<ab>": three grams, one word, the bias.
    assert.equal(hasher.hash('ab'), 5);
    // Two such words: 2 × 4 + bias + one pair.
    assert.equal(hasher.hash('ab cd'), 10);
  });

  it('grows its buffer for long messages and skips repeated spaces', () => {
    const hasher = new FeatureHasher(18);
    const long = Array.from({ length: 400 }, (_, i) => `word${String(i)}`).join(' ');
    assert.ok(hasher.hash(long) > 512);
    assert.deepEqual(featuresOf(hasher, '  hello   world '), featuresOf(hasher, 'hello world'));
    assert.equal(hasher.hash(''), 1);
  });
});

describe('learned layer: model', () => {
  it('refuses a malformed model: wrong feature version, wrong weight count, missing scorer', () => {
    assert.throws(() => loadModel({ ...LEARNED_MODEL, featureVersion: 99 }));
    assert.throws(() => loadModel({ ...LEARNED_MODEL, crisis: { ...LEARNED_MODEL.crisis, weights: 'AAAA' } }), /weights, expected/);
    assert.throws(() => loadModel({ ...LEARNED_MODEL, imminent: undefined }));
  });

  it('the committed model is the one the committed corpus trains, byte for byte', function () {
    this.timeout(60_000);
    assert.equal(LEARNED_MODEL.corpusHash, corpusHash(CORPUS), 'corpus changed: run npm run train-screener');
    const committed = readFileSync(join(__dirname, '../../../src/safety/screener/learned-model.generated.ts'), 'utf8');
    assert.equal(renderModel(CORPUS), committed);
  });

  it('never trains on the sets kept unseen', () => {
    const texts = new Set(CORPUS.map((r) => r.text));
    assert.ok(!CORPUS.some((r) => ['T7', 'T10', 'T11', 'T12', 'T13', 'T14', 'T15', 'everyday-t'].includes(r.set)));
    assert.equal([...UNSEEN_T7, ...UNSEEN_T10, ...UNSEEN_T11, ...UNSEEN_T12, ...UNSEEN_T13, ...UNSEEN_T14, ...UNSEEN_T15, ...UNSEEN_EVERYDAY].filter((c) => texts.has(c.text)).length, 0);
  });

  it('a model trained without a message family does not know it; trained with it, it raises it', function () {
    this.timeout(60_000);
    // A made-up coded word no lexicon has: the layer learns it only from examples.
    const rows = [...CORPUS, ...Array.from({ length: 30 }, () => ({ text: 'zorblax', level: 'imminent' as const, thirdParty: false, set: 'x' }))];
    const text = normalize('zorblax').text;
    assert.equal(loadModel(train(CORPUS))(text).crisis, false);
    const v = loadModel(train(rows))(text);
    assert.deepEqual([v.concern, v.crisis, v.imminent], [true, true, true]);
  });
});

describe('learned layer in the screener', () => {
  const always = (imminent: boolean) => (): LearnedVerdict => ({ concern: true, crisis: true, imminent, certain: false });
  const certain = (): LearnedVerdict => ({ concern: true, crisis: true, imminent: true, certain: true });
  const never = (): LearnedVerdict => ({ concern: false, crisis: false, imminent: false, certain: false });

  it('raises what the phrases leave below high, with reason learned-match; to imminent when it says so', () => {
    const plain = screenWith('can we talk later tonight please', null);
    assert.equal(plain.level, 'none');
    const raised = screenWith('can we talk later tonight please', always(false));
    assert.equal(raised.level, 'high');
    assert.deepEqual(raised.reasons, ['learned-match']);
    assert.equal(screenWith('can we talk later tonight please', always(true)).level, 'imminent');
    const low = screenWith('so tired and stressed about exams', always(false));
    assert.equal(low.level, 'high');
    assert.ok(low.reasons.includes('learned-match') && low.reasons.length > 1);
  });

  it('a concern alone raises to moderate (reason learned-concern), never above, and not where the phrases ruled out', () => {
    const concern = (): LearnedVerdict => ({ concern: true, crisis: false, imminent: false, certain: false });
    const raised = screenWith('can we talk later tonight please', concern);
    assert.equal(raised.level, 'moderate');
    assert.deepEqual(raised.reasons, ['learned-concern']);
    const low = screenWith('so tired and stressed about exams', concern);
    assert.equal(low.level, 'moderate');
    assert.ok(low.reasons.includes('learned-concern') && low.reasons.length > 1);
    for (const text of ['I feel hopeless', 'I wish I was dead', 'I took 20 pills']) assert.deepEqual(screenWith(text, concern), screenWith(text, null));
    assert.equal(screenWith('this exam is killing me', concern).level, screenWith('this exam is killing me', null).level);
  });

  it('leaves messages of fewer than LEARNED_MIN_WORDS words to the phrases', () => {
    assert.equal(LEARNED_MIN_WORDS, 5);
    for (const text of ['thanks', 'kya haal hai', 'ok see you soon', 'hi . how r u ?']) assert.deepEqual(screenWith(text, always(true)), screenWith(text, null), text);
    assert.equal(screenWith('can we talk about it later', always(true)).level, 'imminent');
  });

  it('never lowers a verdict, and adds nothing when it says no', () => {
    for (const text of ['I took 20 pills', 'i want to kill myself', 'hello']) {
      assert.deepEqual(screenWith(text, never), screenWith(text, null));
    }
    assert.equal(screenWith('I took 20 pills', always(false)).level, 'imminent');
    assert.ok(!screenWith('I took 20 pills', always(true)).reasons.includes('learned-match'));
  });

  it('a negated plan alone ("koi plan nahi hai") does not keep it off: it is a clarification, not a reason for safe', () => {
    const text = 'मन करता है बस ख़त्म हो जाऊँ। कोई प्लान नहीं है, पर ये ख़्याल दिन भर पीछा नहीं छोड़ता';
    assert.equal(screenWith(text, null).level, 'none');
    assert.equal(screenWith(text, always(false)).level, 'high');
    assert.equal(screenWith('i have no plan to kill myself, i am fine now', always(true)).level, screenWith('i have no plan to kill myself, i am fine now', null).level);
  });

  it('may not raise where the phrases ruled the risk words out or the message is about something else', () => {
    for (const text of [
      'I would never kill myself', // negated
      'this exam is killing me', // idiom
      'we studied suicide prevention in class today', // study
      'clean from cutting for two years now', // recovery
      'in the movie the hero jumps off the bridge', // fiction
      'lol i want to die 😂', // laughing, nothing serious
      'bye guys, see you after the holidays', // an ordinary farewell
    ]) {
      const r = screenWith(text, always(true));
      assert.ok(!r.reasons.includes('learned-match'), `${text}: ${r.level} ${r.reasons.join(',')}`);
    }
  });

  it('all but certain, it raises to high (never imminent) what scope frames kept it off, with reason learned-certain', () => {
    for (const text of [
      'lol i want to die 😂',
      'bye guys, see you after the holidays',
      'in the movie the hero jumps off the bridge',
      'I would never kill myself',
    ]) {
      const r = screenWith(text, certain);
      assert.equal(r.level, 'high', text);
      assert.ok(r.reasons.includes('learned-certain') && !r.reasons.includes('learned-match'), `${text}: ${r.reasons.join(',')}`);
    }
    // Not under five words, and nothing to add where the phrases already say high or imminent.
    assert.deepEqual(screenWith('lol kms 😂', certain), screenWith('lol kms 😂', null));
    assert.deepEqual(screenWith('I took 20 pills', certain).reasons.includes('learned-certain'), false);
    // Where no frame holds it back, certain is an ordinary crisis verdict (imminent when it says so).
    assert.deepEqual(screenWith('can we talk later tonight please', certain).reasons, ['learned-match']);
    assert.equal(screenWith('can we talk later tonight please', certain).level, 'imminent');
  });

  it('the shipped model raises some corpus messages the phrases miss, and screen() uses it', () => {
    const raised = CORPUS.filter((r) => screen(r.text).reasons.includes('learned-match'));
    assert.ok(raised.length > 0);
    for (const r of raised) {
      assert.ok(riskRank(screenWith(r.text, null).level) < riskRank(screen(r.text).level));
      assert.deepEqual(screen(r.text), screenWith(r.text, learnedVerdict));
    }
  });
});
