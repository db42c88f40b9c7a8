/**
 * Scope rules shared by every language: negation windows, whose words a phrase is (me, someone else,
 * "you", people in general), and which languages a message is written in. Regular expressions are
 * compiled once at load; Devanagari sources pass through `foldDevanagari` like the lexicon does.
 */
import { foldDevanagari } from './normalize';

const x = String.raw;
export const EDGE_BEFORE = x`(?<![\p{L}\p{M}\p{N}])`;
export const EDGE_AFTER = x`(?![\p{L}\p{M}\p{N}])`;

// ---- negation ------------------------------------------------------------------------------------------
const NEG_EN = x`not|never|dont|doesnt|didnt|wont|wouldnt|isnt|arent|wasnt|werent|havent|hasnt|hadnt|shouldnt|aint|nor|no longer|no|nope|nah|zero`;
const NEG_HI_LATN = x`nahi|nahin|nhi|nai(?<!(?:aaja|aaj|aja|ahile|aile|aba|bholi|rati|yo|tyo|sabai|ekdam) nai)|nahee|mat|kabhi nahi|kabhi bhi nahi|bilkul nahi`;
/** kahile/kaile alone negate ("never"), but not in "kahile kahi" (sometimes). */
const NEG_NE_LATN = x`chaina|chhaina|chhain|xaina|haina|hoina|hoena|hudaina|kahile pani|kaile pani|kahilyai|kahile(?! kahi)|kaile(?! kahi)`;
const NEG_DEVA = foldDevanagari(x`नहीं|नही|नहि|मत|कभी नहीं|छैन|हैन|होइन|हुँदैन|नाइँ|कहिल्यै|कदापि`);
/** Nepali negative verb forms: gardina (won't do), chahanna (don't want), hudaina; गर्दिनँ, चाहन्नँ, हुँदैन. */
/** Not the English wanna/gonna, nor jhundina (to hang: the infinitive of jhundinu, not a negation). */
const NEG_NE_VERB_LATN = x`(?!(?:wanna|gonna|jhundina)(?![a-z]))[a-z]+(?:dina|dinna|daina|dainna|anna|dinan)`;
/** Not भन्न, सुन्न (to say, to hear: infinitives, not negations; "बिदा भन्न मन लागिरहेको छ"). */
const NEG_NE_VERB_DEVA = foldDevanagari(x`(?!(?:भन्न|सुन्न)(?![\p{L}\p{M}]))[\p{L}\p{M}]+(?:दिनँ|दिन|दैन|न्नँ|न्न)`);

/** Words that may stand between a negator and what it negates ("I would never ever…", "no plans to…"). */
const FILLER = [
  'really', 'even', 'ever', 'actually', 'honestly', 'seriously', 'truly', 'necessarily', 'at all', 'wanna', 'want to', 'wanted to',
  'want', 'going to', 'gonna', 'plan to', 'planning to', 'plan on', 'planning on', 'plans to', 'plans of', 'plan', 'plans',
  'intend to', 'intending to', 'intention of', 'intention to', 'intentions of', 'intent to', 'think of', 'think about',
  'thinking of', 'thinking about', 'thought of', 'thought about', 'thoughts of', 'thoughts about', 'have', 'had', 'any', 'feel',
  'feeling', 'felt', 'be', 'been', 'will', 'would', 'wish to', 'try to', 'trying to', 'attempt to', 'consider', 'considering',
  'so', 'that', 'too', 'about', 'of', 'to', 'again', 'need to', 'like', 'do', 'did', 'dare', 'once', 'currently', 'the', 'a', 'an',
  'urge to', 'urges to', 'desire to', 'desire of', 'wish', 'go', 'ready to', 'about to', 'actively', 'im', 'i am', 'am', 'i',
  'main', 'mai', 'mujhe', 'kabhi', 'bilkul', 'sach mein', 'toh', 'to', 'bhi', 'yaar', 'ab', 'abhi', 'ma', 'malai', 'pani', 'ta',
  'म', 'मैं', 'मुझे', 'मलाई', 'भी', 'तो', 'पनि', 'त', 'अब', 'कभी', 'बिल्कुल', 'कहिल्यै',
].map((w) => foldDevanagari(w));

const NEG_ANY = `${NEG_EN}|${NEG_HI_LATN}|${NEG_NE_LATN}|${NEG_DEVA}`;

/** A negator at the end of the text before a phrase, followed only by filler words. */
export const NEG_BEFORE = new RegExp(`${EDGE_BEFORE}(?:${NEG_ANY})(?: (?:${FILLER.join('|')}))* ?$`, 'u');
/** A negator inside a Hindi or Nepali phrase ("marna nahi chahta", "मरना नहीं चाहता"). */
export const NEG_INSIDE = new RegExp(`${EDGE_BEFORE}(?:${NEG_HI_LATN}|${NEG_NE_LATN}|${NEG_DEVA}|${NEG_NE_VERB_LATN}|${NEG_NE_VERB_DEVA}|not|never)${EDGE_AFTER}`, 'u');
/** A negator just after a Hindi or Nepali phrase ("मर्न मन लागेको छैन", "suicide karunga? nahi"). */
/** "I don't know" after a phrase is not its negation ("marne ka mann hai nahi pata kyun", "थाहा छैन"). */
/** Nor "won't stop" after it ("pul pe hu, ab nahi rukunga"): the negator belongs to the stopping. */
const NOT_KNOW = `(?! (?:pata|pta|malum|maloom|samajh|samjh|thaha|tha|ruk\\S*|rok\\S*|${foldDevanagari('पता|मालूम|समझ|थाहा|रुक|रोक')}))`;
/** The same for broad cues, which are single words: the negator may stand two words after ("मर्न त मन छैन"). */
/** "About" after a topic word (आत्महत्या के बारे में कभी नहीं सोचा): the negator that follows still reaches it. */
const ABOUT = `(?:(?:ke|ki|ka) (?:baare|bare|bary) (?:me|mein|main|mai) |(?:ko )?(?:barema|bare ma) |${foldDevanagari('(?:के|की|का) बारे में |(?:को )?बारेमा ')})?`;
/** "Any" before the negated noun (मरने का कोई इरादा नहीं, चोट पहुँचाने का कोई इरादा नहीं): not one of the two words the negator may be after. */
const ANY = `(?:koi |kunai |${foldDevanagari('कोई |कुनै ')})`;
export const NEG_AFTER_CUE = new RegExp(`^ ${ABOUT}(?:(?:[^ .,?]+ ){0,2}${ANY}[^ .,?]+ |(?:[^ .,?]+ ){0,2})(?:${NEG_HI_LATN}|${NEG_NE_LATN}|${NEG_DEVA}|${NEG_NE_VERB_LATN}|${NEG_NE_VERB_DEVA})${EDGE_AFTER}${NOT_KNOW}`, 'u');
export const NEG_AFTER = new RegExp(`^ (?:(?:[^ .,?]+ ){0,2}${ANY}[^ .,?]+ |(?:[^ .,?]+ )?)(?:${NEG_HI_LATN}|${NEG_NE_LATN}|${NEG_DEVA}|${NEG_NE_VERB_LATN}|${NEG_NE_VERB_DEVA})${EDGE_AFTER}${NOT_KNOW}`, 'u');

// ---- whose words ---------------------------------------------------------------------------------------
export type Speaker = 'self' | 'other' | 'second' | 'generic';

const RELATION = x`(?:best )?(?:friend|frnd|fren|bff|bestie|roommate|roomie|flatmate|classmate|batchmate|hostelmate|brother|bro|sister|sis|cousin|boyfriend|bf|girlfriend|gf|partner|mom|mum|mother|dad|father|son|daughter|junior|senior|colleague|neighbou?r|student|mentee|husband|wife|uncle|aunt|aunty)s?`;
const GENERIC = [
  x`people|ppl|persons|someone who|somebody who|anyone|anybody|those who|those|students who|teens|teenagers|youth|kids who|humans|one who|whoever|person who`,
  x`the (?:character|protagonist|hero|heroine|villain|narrator|main character|lead|girl in the|guy in the|boy in the)|character|protagonist|heroine|villain|narrator`,
  x`jo log|log jo|logon|logo|kisi ko bhi|jo bhi|manchhe haru|manche haru|jasle|jo manchhe|nayak|hero|hero le|heroine le|villain le|villain ne|hero ne|heroine ne`,
  foldDevanagari(x`लोग|लोगों|जो लोग|व्यक्ति|मानिसहरू|मान्छेहरू|जसले|नायक|पात्र|हीरो|हिरो|नायकले|हिरोले|हीरोले|हीरो ने|हिरोइनले|हीरोइन|हिरोइन|नायिका|खलनायक|किरदार|पात्रले`),
].join('|');
const OTHER = [
  x`my ${RELATION}|(?:a|one|some) (?:of my )?(?:friends?|classmates?|roommates?|students?|juniors?|seniors?|girl|guy|boy|person) (?:in|from|at|of) (?:my|our|the) [^ ]+`,
  x`he|she|hes|shes|they|theyre|his|him|her|hers|their|them|himself|herself|themselves|someone|somebody|${RELATION}`,
  x`mera (?:dost|dosst|friend|frnd|yaar|bhai|roommate|bf|boyfriend|bhaiya|cousin)|meri (?:dost|friend|frnd|saheli|behen|bahen|behan|didi|roommate|gf|girlfriend|cousin)|mere (?:dost|friend|bhai|papa|cousin)`,
  x`wo|woh|vo|voh|usne|usko|uska|uski|uske|unhone|unko|unka|unki|inhone|(?:bachche|bacche|bachhe|ladke|ladki|student|kisi|ek aur bachche|ek aur student) ne`,
  x`mero (?:sathi|saathi|sati|friend|bhai|dai|didi|bahini|roommate|cousin)|(?:sathi|saathi|didi|dai|bhai|bahini|roommate) ?(?:le|lai)|usle|uslai|uni|unle|unlai|uko|u(?= (?:pani|ta|le|lai|marna|mar|bhancha|bhanchha|bhanchhe|bhanchhin|chahanchha|chahanchhe|aafai|afai|aafu|afu))`,
  foldDevanagari(x`मेरा दोस्त|मेरी दोस्त|मेरी सहेली|मेरा भाई|मेरी बहन|मेरा रूममेट|मेरी रूममेट|वह|वो|उसने|उसका|उसकी|उसके|उसे|उसको|उन्होंने|उनको|ऊ|उ|उसले|उसलाई|उनी|उनले|उनलाई|मेरो साथी|मेरो साथीले|साथीले|साथी|दाइ|दिदी|भाइ|भाइले|बहिनी|रूममेट|रुममेट|छात्र|छात्रा|विद्यार्थी|विद्यार्थीले|विद्यार्थीको|छात्रको|एक लड़का|एक लड़की|एउटा विद्यार्थीले|एउटी विद्यार्थीले`),
].join('|');
const FIRST = [
  x`i|im|ive|id|ill|me|my|myself|mine|we|us|our`,
  x`main|mai|mujhe|mujhko|muje|mera|meri|mere|maine|mene|hum|ham|humne`,
  x`ma|malai|mero|maile|hami|hamile|afu|aafu`,
  foldDevanagari(x`मैं|मैने|मैंने|मुझे|मुझको|मेरा|मेरी|मेरे|हम|हमने|म|मलाई|मेरो|मैले|हामी|हामीले`),
].join('|');
const SECOND = [
  x`you|u|your|youre|yourself|ur|tum|tu|tujhe|tumhe|tumko|aap|aapko|timi|timilai|tapai|tapailai`,
  foldDevanagari(x`तुम|तू|तुझे|तुम्हें|आप|आपको|तिमी|तपाईं|तिमीलाई`),
].join('|');

/** Person markers; the capture group that matched tells whose words follow. */
export const PERSON = new RegExp(`${EDGE_BEFORE}(?:(${GENERIC})|(${OTHER})|(${FIRST})|(${SECOND}))${EDGE_AFTER}`, 'gu');
export const SPEAKERS: readonly Speaker[] = ['generic', 'other', 'self', 'second'];

// ---- languages -----------------------------------------------------------------------------------------
export type ScreenLanguage = 'en' | 'hi' | 'hi-Latn' | 'ne' | 'ne-Latn';
export const LANGUAGE_ORDER: readonly ScreenLanguage[] = ['en', 'hi', 'hi-Latn', 'ne', 'ne-Latn'];

export const DEVANAGARI = /[\u0900-\u097F]/;
export const LATIN = /[a-z]/;
/**
 * Nepali words, or a word ending like Nepali (लाई, बाट, हरू…). Only ever tested: "a letter just before the
 * ending" finds the same words as "letters, then the ending" without trying every split of every word.
 */
export const NEPALI_DEVA = new RegExp(
  foldDevanagari(x`${EDGE_BEFORE}(?:छ|छन्|छैन|छु|छौ|हुँ|हुन्छ|हुन्छन्|मलाई|मेरो|तिमी|पनि|थियो|थिएँ|भयो|गर्छु|गर्न|हो|भने|धेरै|एकदम|राति|भोलि|म)${EDGE_AFTER}|(?<=[\p{L}\p{M}])(?:लाई|बाट|सँग|हरू|छु|छन्|न्छ|एँ)${EDGE_AFTER}`),
  'u',
);
export const HINDI_DEVA = new RegExp(
  foldDevanagari(x`${EDGE_BEFORE}(?:है|हैं|हूँ|हूं|नहीं|मैं|मुझे|मेरा|मेरी|मेरे|का|की|के|था|थी|रहा|रही|और|क्या|तो|भी|लिए|में|से|करता|करती|चाहता|चाहती)${EDGE_AFTER}`),
  'u',
);
/** Words that mark romanised Hindi, romanised Nepali and English (`latinLanguages`). */
const HINGLISH_WORDS = 'hai|hain|hu|hoon|hun|nahi|nahin|nhi|kya|mera|meri|mere|mujhe|main|mai|karta|karti|raha|rahi|yaar|yar|bhi|toh|kuch|sab|bahut|bohot|gaya|gayi|tha|thi|liye|aur|kyun|kyu|hoga|karna|chahta|chahti|mann|dil';
const NEPALI_LATN_WORDS = 'chha|cha|chu|chhu|chaina|chhaina|xa|xaina|malai|mero|timi|garchu|garna|hunchha|huncha|lagyo|lagchha|lagcha|pani|thiyo|bhayo|aaja|ahile|dherai|ekdam|sanga|haru|garne|bhanera|bhanchha|hola|maile|sakdina|chahanna|chahanchu|hunthyo';
const ENGLISH_WORDS = 'the|and|is|you|to|my|me|am|are|was|have|not|it|this|that|for|with|so|but|of|im|dont|feel|want|what|how|just|really|i';

export const HINGLISH_BIT = 1;
export const NEPALI_LATN_BIT = 2;
export const ENGLISH_BIT = 4;
/** A Latin letter a-z (`LATIN`). */
export const LATIN_BIT = 8;
/** A character of the Devanagari block (`DEVANAGARI`). */
export const DEVANAGARI_BIT = 16;
const ALL_BITS = HINGLISH_BIT | NEPALI_LATN_BIT | ENGLISH_BIT | LATIN_BIT | DEVANAGARI_BIT;

/** Marker words by a hash of their letters (`markerHash`), in open addressing: the word, then the languages it marks. */
const MARKER_SLOTS = 256;
const markerWords: string[] = new Array<string>(MARKER_SLOTS).fill('');
const markerBits = new Uint8Array(MARKER_SLOTS);
const markerHash = (h: number, c: number): number => Math.imul(h ^ c, 0x01000193);
const MARKER_SEED = 0x811c9dc5;
let longestMarker = 0;
for (const [words, bit] of [
  [HINGLISH_WORDS, HINGLISH_BIT],
  [NEPALI_LATN_WORDS, NEPALI_LATN_BIT],
  [ENGLISH_WORDS, ENGLISH_BIT],
] as const) {
  for (const word of words.split('|')) {
    let h = MARKER_SEED;
    for (let i = 0; i < word.length; i++) h = markerHash(h, word.charCodeAt(i));
    let slot = (h >>> 0) & (MARKER_SLOTS - 1);
    while (markerWords[slot] !== '' && markerWords[slot] !== word) slot = (slot + 1) & (MARKER_SLOTS - 1);
    markerWords[slot] = word;
    markerBits[slot] |= bit;
    longestMarker = Math.max(longestMarker, word.length);
  }
}

/** A character of `\w` ([A-Za-z0-9_]), which `\b` tells words by. */
function isWordCode(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f;
}

/**
 * Which scripts the text has (`LATIN_BIT`, `DEVANAGARI_BIT`: what `LATIN` and `DEVANAGARI` find) and the
 * Latin-script languages whose marker words it has (`HINGLISH_BIT`…), as bits, in one pass over the text. A
 * marker counts as a whole word, a run of [A-Za-z0-9_] (what `\b(?:hai|hain|…)\b` finds).
 */
export function scriptMarkers(text: string): number {
  let bits = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (!isWordCode(c)) {
      if (c >= 0x0900 && c <= 0x097f) bits |= DEVANAGARI_BIT;
      i++;
      continue;
    }
    const start = i;
    let h = MARKER_SEED;
    for (; i < n; i++) {
      const w = text.charCodeAt(i);
      if (!isWordCode(w)) break;
      if (w >= 0x61 && w <= 0x7a) bits |= LATIN_BIT;
      h = markerHash(h, w);
    }
    const length = i - start;
    if (length > longestMarker) continue;
    for (let slot = (h >>> 0) & (MARKER_SLOTS - 1); markerWords[slot] !== ''; slot = (slot + 1) & (MARKER_SLOTS - 1)) {
      const word = markerWords[slot];
      if (word.length === length && text.startsWith(word, start)) {
        bits |= markerBits[slot];
        break;
      }
    }
    if (bits === ALL_BITS) return bits;
  }
  return bits;
}
