/**
 * The deterministic abuse filter for forum posts and comments: slurs (English, Hindi and Nepali, in Devanagari
 * and romanised, with leetspeak, stretched letters and spaced-out letters), harassment aimed at someone
 * ("kill yourself", "mar ja", "तँलाई मार्छु", threats, "I know where you live") and doxxing (phone numbers,
 * email addresses, street, room and house addresses). It returns reason codes only, never the matched text.
 * No network, no I/O; linear-time patterns on text of at most a few thousand characters.
 */

export type AbuseReason = 'slur' | 'harassment' | 'doxxing-phone' | 'doxxing-email' | 'doxxing-address';

export interface AbuseVerdict {
  flagged: boolean;
  /** Reason codes in a fixed order, each at most once. */
  reasons: AbuseReason[];
}

const REASON_ORDER: readonly AbuseReason[] = ['slur', 'harassment', 'doxxing-phone', 'doxxing-email', 'doxxing-address'];

/** True when any reason is doxxing (the item is hidden as `doxxing` rather than `abuse`). */
export function isDoxxing(reasons: readonly string[]): boolean {
  return reasons.some((r) => r.startsWith('doxxing'));
}

// ---------------------------------------------------------------------------------------------------------
// Normalisation
// ---------------------------------------------------------------------------------------------------------

const LEET: Readonly<Record<string, string>> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's', '!': 'i' };

/** Devanagari digits as ASCII digits (phone numbers are written in both). */
export function asciiDigits(text: string): string {
  return text.replace(/[०-९]/g, (d) => String(d.charCodeAt(0) - 0x0966));
}

/** Lower case, compatibility forms folded, nukta and zero-width marks dropped, Devanagari digits as ASCII. */
function baseForm(text: string): string {
  return asciiDigits(text.normalize('NFKC').toLowerCase().replace(/[\u200b-\u200d\u2060\ufeff]/g, '').replace(/\u093c/g, ''));
}

/** Leetspeak letters inside words read as the letters they stand for (`ch00tiya`, `b!tch`). */
function unLeet(text: string): string {
  return text.replace(/(?<=[a-z])[013457@$!]|[013457@$!](?=[a-z])/g, (c) => LEET[c] ?? c);
}

/** Runs of three or more of one letter read as one (`fuuuuck`), doubles kept (`faggot`). */
function unstretch(text: string): string {
  return text.replace(/([a-z])\1{2,}/g, '$1');
}

/** Letters separated one by one (`c.h.u.t.i.y.a`, `m a d a r c h o d`) joined into the word. */
function unspace(text: string): string {
  return text.replace(/(?<![a-z])(?:[a-z][\s._*-]+){3,}[a-z](?![a-z])/g, (run) => run.replace(/[\s._*-]+/g, ''));
}

// ---------------------------------------------------------------------------------------------------------
// Lexicons (regex sources; romanised terms are matched on the normalised Latin text, Devanagari terms at
// the start of a word so inflected forms match)
// ---------------------------------------------------------------------------------------------------------

const LATIN_SLURS: readonly string[] = [
  // English
  'nigg(?:er|a|ah)s?',
  'fag(?:g?ot)?s?',
  'retard(?:s|ed)?',
  'trann(?:y|ies)',
  'whores?',
  'sluts?',
  'cunts?',
  'bitch(?:es)?',
  'kikes?',
  'pakis?',
  'spastics?',
  // Hindi / Hinglish (romanised)
  'ch(?:u|oo)t(?:i|iy)(?:a|e|ya|ye|yo)',
  'chutiy(?:a|e|o)',
  'ma+d(?:a|e)rch(?:o|oo)d',
  'b(?:e|a)h?(?:e|a)nch(?:o|oo)d',
  'bh?enchod',
  'bh?osa?di(?:ke|wale|wala)?',
  'bhosdike?',
  'randi(?:yan|yon)?',
  'hara+mi',
  'gandu',
  'la(?:v|w)d(?:a|e|ey)',
  'lauda',
  'lodu',
  'chamar',
  'bhangi',
  // Nepali (romanised)
  'muj(?:i|ii|ee)',
  'ma?chi(?:k|kk)n(?:e|ey|i)',
  'rand(?:i|ee)',
  'puti',
];

const DEVANAGARI_SLURS: readonly string[] = [
  // Hindi
  'चूतिय',
  'चुतिय',
  'मादरचोद',
  'बहनचोद',
  'बहेनचोद',
  'भेनचोद',
  'भोसडी',
  'भोसड़ी',
  'रंडी',
  'रण्डी',
  'रन्डी',
  'हरामी',
  'गांडू',
  'गाण्डू',
  'लौडा',
  'लवडे',
  'चमार',
  'भंगी',
  // Nepali
  'मुजी',
  'माचिक्ने',
  'मचिक्ने',
  'पुती',
];

const LATIN_HARASSMENT: readonly string[] = [
  // English: telling someone to die or hurt themself, threats, degradation aimed at "you"
  'kill (?:your ?self|urself|yoself)',
  'kys',
  'go (?:and )?die',
  '(?:you|u) should (?:just )?die',
  'hope (?:you|u) die',
  'drink (?:some )?bleach',
  'nobody (?:likes|loves|wants|cares about) (?:you|u)',
  "(?:you|u)(?:'re| are| r| re)(?: so| such an?| an?)? (?:worthless|pathetic|disgusting|a waste of space|a loser|useless trash)",
  "(?:i|we)(?:'ll| will| am going to| are going to| gonna) (?:find|hurt|kill|beat|rape|expose) (?:you|u)",
  'i know where (?:you|u) live',
  // Hindi / Hinglish
  'mar ?ja(?:o|a)?',
  'mar kyu(?:n)? nahi jat(?:a|i)',
  '(?:tujhe|tuje|tereko|tujko|tumhe) (?:maar|mar) (?:dunga|dungi|dalunga|daalunga|denge)',
  'teri (?:maa?|behen|bahen) (?:ki|ko)',
  'tera ghar (?:pata|jaanta|malum)',
  // Nepali (romanised)
  '(?:talai|tanlai|timilai|timlai) (?:marchu|maardinchu|mardinchu)',
  'mari ?ja',
  'tero (?:aama|ama) (?:lai|ko)',
];

const DEVANAGARI_HARASSMENT: readonly string[] = [
  'मर जा',
  'मर जाओ',
  'मर क्यों नहीं जाता',
  'तुझे मार (?:दूंगा|दूँगा|डालूंगा|डालूँगा)',
  'तेरी (?:माँ|मां|बहन) (?:की|को)',
  'तँलाई मार्छु',
  'तिमीलाई मार्छु',
  'मरिजा',
  'तेरो आमा(?:लाई|को)',
];

const L = '(?<![a-z])';
const R = '(?![a-z])';
const D = '(?<![\\p{L}\\p{M}])';

const latinSlur = new RegExp(`${L}(?:${LATIN_SLURS.join('|')})${R}`);
const devanagariSlur = new RegExp(`${D}(?:${DEVANAGARI_SLURS.join('|')})`, 'u');
const latinHarassment = new RegExp(`${L}(?:${LATIN_HARASSMENT.join('|')})${R}`);
const devanagariHarassment = new RegExp(`${D}(?:${DEVANAGARI_HARASSMENT.join('|')})`, 'u');

// ---------------------------------------------------------------------------------------------------------
// Doxxing
// ---------------------------------------------------------------------------------------------------------

const EMAIL = /[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/;
/** A run of digits with the separators people write numbers with. */
const DIGIT_RUN = /\+?\d[\d\s().-]{6,22}\d/g;
/** Toll-free and helpline numbers are not personal (1800…, 1-800-…). */
const TOLL_FREE = /^(?:\+?91)?0?1800/;

/** True when the text holds something that reads as a phone number (10–13 digits, not a toll-free line). */
export function hasPhoneNumber(text: string): boolean {
  for (const match of text.matchAll(DIGIT_RUN)) {
    const digits = match[0].replace(/\D/g, '');
    if (digits.length < 10 || digits.length > 13) continue;
    if (TOLL_FREE.test(digits)) continue;
    if (/^(?:19|20)\d{2}(?:19|20)\d{2}$/.test(digits)) continue;
    return true;
  }
  return false;
}

const ADDRESS_PATTERNS: readonly RegExp[] = [
  /(?<![a-z])(?:house|flat|room|h\.? ?no)\.?\s*(?:no\.?|number|#)?\s*[a-z]?-?\d{1,5}(?![\d])/,
  /(?<![a-z\d])\d{1,5}[a-z]?,?\s+(?:[a-z]+\s+){0,2}(?:road|rd|street|marg|nagar|colony|lane|gali|chowk|tole)(?![a-z])/,
  /(?<![a-z])(?:ward|wada|sector)\s*(?:no\.?|number)?\s*\d{1,3}(?![\d])/,
  /(?<![a-z])(?:lives?|staying|stays) (?:at|in) (?:room|flat|house|hostel|block)(?![a-z])/,
  /(?<![\p{L}\p{M}])(?:मकान|कमरा|फ्लैट|घर|वडा|वार्ड)\s*(?:नं|नम्बर|नंबर|न\.)\.?\s*\d{1,5}/u,
];

function hasAddress(text: string): boolean {
  return ADDRESS_PATTERNS.some((p) => p.test(text));
}

// ---------------------------------------------------------------------------------------------------------

/** Screens a text for abuse and doxxing. Pure and deterministic. */
export function filterAbuse(text: string): AbuseVerdict {
  const base = baseForm(text);
  const latin = unspace(unstretch(unLeet(base)));
  const found = new Set<AbuseReason>();
  if (latinSlur.test(latin) || devanagariSlur.test(base)) found.add('slur');
  if (latinHarassment.test(latin) || devanagariHarassment.test(base)) found.add('harassment');
  if (hasPhoneNumber(base)) found.add('doxxing-phone');
  if (EMAIL.test(base)) found.add('doxxing-email');
  if (hasAddress(base)) found.add('doxxing-address');
  const reasons = REASON_ORDER.filter((r) => found.has(r));
  return { flagged: reasons.length > 0, reasons };
}
