/**
 * Text normalisation for the risk screener. Turns a message into a lower-case, single-spaced string in
 * which sentence breaks are " . ", questions " ? ", clause breaks " , " and quotation marks ' " ', so that
 * the lexicon can be written as plain phrases. Undoes the usual disguises: NFKC (full-width and styled
 * letters), zero-width characters, joiners and variation selectors, Cyrillic/Greek look-alikes, risk emoji
 * (🔪 → knife, 💊 → pills, 🪢 → rope), leetspeak and masked letters (k*ll, d1e, su1c1de, $uicide), spaced
 * letters (k i l l, s.u.i.c.i.d.e), chat spellings (2nite, no1) and stretched letters (soooo, dieeee).
 * Devanagari is folded (nukta dropped, long/short vowel signs and nasal marks merged, digits to ASCII) by
 * `foldDevanagari`, which the lexicon compiler applies to its own patterns too. Pure and allocation-light.
 */

export interface Normalized {
  readonly text: string;
  /** Leetspeak, masked or spaced letters were undone. */
  readonly deobfuscated: boolean;
  /** A risk emoji (knife, pills, rope, coffin, gun, blood…) was read as a word. */
  readonly riskEmoji: boolean;
}

/** Invisible characters; combining ones (joiner, variation selectors) are listed outside the class. */
const INVISIBLE =
  /[\u00AD\u061C\u115F\u1160\u180E\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFEFF\uFFA0]|\u034F|\u17B4|\u17B5|\u180B|\u180C|\u180D|\u180F|\p{Variation_Selector}|\p{Emoji_Modifier}|\p{Regional_Indicator}/gu;

const HOMOGLYPH_TEST = /[\u0370-\u052F]/;
const HOMOGLYPHS: Readonly<Record<string, string>> = {
  а: 'a', е: 'e', о: 'o', р: 'p', с: 'c', у: 'y', х: 'x', і: 'i', ј: 'j', ѕ: 's', ԁ: 'd', к: 'k', м: 'm', т: 't', н: 'h', в: 'b',
  α: 'a', ε: 'e', ι: 'i', κ: 'k', ο: 'o', ρ: 'p', τ: 't', υ: 'u', ν: 'v', χ: 'x',
};
const HOMOGLYPH_RE = new RegExp(`[${Object.keys(HOMOGLYPHS).join('')}]`, 'g');

/** Emoji read as words. Risk emoji set `riskEmoji`; laughing faces read as "lol" (a hyperbole marker). */
const EMOJI_WORDS: Readonly<Record<string, string>> = {
  '🔪': 'knife', '🗡': 'knife', '🪒': 'razor', '💊': 'pills', '💉': 'syringe', '🪢': 'rope', '⚰': 'coffin', '🪦': 'grave',
  '🔫': 'gun', '🩸': 'blood', '☠': 'skull', '🌉': 'bridge', '🚆': 'train', '🚂': 'train', '🚄': 'train', '🚅': 'train',
  '🚇': 'train', '🚉': 'train', '🛤': 'tracks', '🏢': 'building', '🏬': 'building', '🏙': 'building',
  '💀': 'lol', '😂': 'lol', '🤣': 'lol', '😹': 'lol', '😆': 'lol', '😝': 'lol',
  '😭': 'crying', '😢': 'sad', '😞': 'sad', '😔': 'sad', '😟': 'sad', '☹': 'sad', '🙁': 'sad', '😿': 'sad', '🥀': 'sad',
  '💔': 'heartbroken', '😩': 'tired', '😫': 'tired', '🥱': 'tired', '😰': 'anxious', '😨': 'scared', '😱': 'scared',
  '👋': 'bye',
};
const RISK_EMOJI = new Set(['🔪', '🗡', '🪒', '💊', '💉', '🪢', '⚰', '🪦', '🔫', '🩸', '☠']);
const EMOJI_TEST = /[\u2190-\u2BFF\uD83C-\uD83E]/;
const PICTOGRAPH = /\p{Extended_Pictographic}/gu;

const DEVANAGARI_TEST = /[\u0900-\u097F]/;
const DEVANAGARI_DIGIT = /[\u0966-\u096F]/g;

/** Chat spellings read as words (whole tokens only). */
const CHAT_WORDS: Readonly<Record<string, string>> = {
  '2nite': 'tonight', '2night': 'tonight', '2nyt': 'tonight', '2day': 'today', '2moro': 'tomorrow', '2morrow': 'tomorrow',
  '2mrw': 'tomorrow', '2mro': 'tomorrow', '2mrow': 'tomorrow', '4ever': 'forever', b4: 'before', gr8: 'great', h8: 'hate',
  l8r: 'later', w8: 'wait', no1: 'no one', any1: 'anyone', some1: 'someone', every1: 'everyone', ne1: 'anyone',
  '2b': 'to be', abt: 'about', bcoz: 'because', coz: 'because', cuz: 'because',
};
const CHAT_TEST = /\b(?:2nite|2night|2nyt|2day|2moro|2morrow|2mrw|2mro|2mrow|4ever|b4|gr8|h8|l8r|w8|no1|any1|some1|every1|ne1|2b|abt|bcoz|coz|cuz)\b/;
/** "want 2 die": a lone 2 after these verbs is "to" (a 2 elsewhere stays a number: "took 2 pills"). */
const TWO_AS_TO = /\b(want|wanted|wanna|need|needs|going|have|has|had|ready|trying|try|tried|wish|hope|planning|plan|decided|about|deserve|like) 2 /g;

/** Words a masked or spaced-out token may stand for (k*ll, s u i c i d e). Earlier entries win. */
const SENSITIVE_WORDS = [
  'kill', 'kills', 'killing', 'killed', 'die', 'died', 'dying', 'dead', 'death', 'suicide', 'suicidal', 'unalive', 'myself',
  'self', 'harm', 'hang', 'hanging', 'noose', 'rope', 'pills', 'overdose', 'cut', 'cutting', 'wrist', 'wrists', 'blade', 'poison',
  'jump', 'sewerslide', 'murder', 'slit', 'bleed', 'bleeding', 'drown', 'shoot', 'gun', 'knife', 'hate', 'rape', 'raped',
  'abuse', 'abused', 'molest', 'depressed', 'hopeless', 'worthless', 'marna', 'marne', 'maut', 'khudkushi', 'atmahatya',
  'aatmhatya', 'fansi', 'phansi', 'zeher', 'jeena', 'marchu', 'marunga', 'kms', 'kys',
];
const SENSITIVE_SET = new Set(SENSITIVE_WORDS);

const LEET: Readonly<Record<string, string>> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's', '!': 'i', '€': 'e' };
const OBFUSCATION_TEST = /[0-9@$!*#|+%€]|(?:^|[^a-z])[a-z][ .\-_*·•/|]+[a-z][ .\-_*·•/|]+[a-z](?![a-z])/;
const SPACED = /(?<![a-z0-9])[a-z0-9@$!](?:[ .\-_*·•/|]+[a-z0-9@$!]){2,}(?![a-z0-9])/g;
const OBFUSCATED_TOKEN = /[a-z0-9@$!*#|+%€]+/g;
/**
 * Tokens `deobfuscateToken` can change: a letter next to a code character (any token with both has one), or a
 * chat spelling. Other tokens come back as they are, so without one the pass is skipped.
 */
const MIXED_TOKEN = /[a-z][0-9@$!*#|+%€]|[0-9@$!*#|+%€][a-z]/;
const CHAT_TOKEN = new RegExp(
  `(?<![a-z0-9@$!*#|+%€])(?:${[
    ...Object.keys(CHAT_WORDS),
  ].join('|')})(?![a-z0-9@$!*#|+%€])`,
);
const HAS_LETTER = /[a-z]/;
const HAS_CODE = /[0-9@$!*#|+%€]/;
const DIGITS_THEN_LETTERS = /^(\d+)([a-z]+)$/;
const LETTERS_THEN_DIGITS = /^[a-z]+\d+$/;
/** Ordinals stay one word (9th floor, 3rd attempt). */
const ORDINAL = /^\d+(?:st|nd|rd|th)$/;
const WILDCARD = /[*#|+%]/;

/** Three times the same letter (a-z): without one, neither stretched-letter pass changes anything. */
function hasTripledLetter(s: string): boolean {
  for (let i = 2; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x61 && c <= 0x7a && c === s.charCodeAt(i - 1) && c === s.charCodeAt(i - 2)) return true;
  }
  return false;
}
const STRETCHED_VOWEL = /([aeiou])\1{2,}/g;
const STRETCHED_OTHER = /([b-df-hj-np-tv-z])\1{2,}/g;
const REPEATED_MARK = /(\p{M})\1+/gu;

/**
 * Whether a character (or a surrogate pair) comes twice in a row: without that, no mark is repeated and
 * `REPEATED_MARK` has nothing to do.
 */
function hasRepeat(s: string): boolean {
  for (let i = 1; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === s.charCodeAt(i - 1)) return true;
    if (c >= 0xdc00 && c <= 0xdfff && i >= 3 && c === s.charCodeAt(i - 2) && s.charCodeAt(i - 1) === s.charCodeAt(i - 3)) return true;
  }
  return false;
}

// Each Unicode pass below is run only when a cheap test finds a character it needs (`…_TEST`), and on text
// that is all ASCII (most messages) by an equivalent ASCII RegExp: \p{L} there is [A-Za-z], \p{N} [0-9], \p{M} nothing.
const NON_ASCII = /[\u0080-\uffff]/;
const APOSTROPHE_TEST = /['’‘`´ʼ]/;
const APOSTROPHE_IN_WORD = /(\p{L})['’‘`´ʼ](?=\p{L})/gu;
const APOSTROPHE_IN_WORD_ASCII = /([A-Za-z])['`](?=[A-Za-z])/g;
const QUESTION_TEST = /[?？؟]/;
const QUESTION = /\s*[?？؟]+[\s?.!]*/g;
const SENTENCE_END = /[.!;।॥…。！\n\r]+/g;
const HYPHEN_TEST = /[-‐‑]/;
const HYPHEN_IN_WORD = /(\p{L})[-‐‑](?=\p{L})/gu;
const HYPHEN_IN_WORD_ASCII = /([A-Za-z])-(?=[A-Za-z])/g;
const CLAUSE = /[,:()[\]{}<>–—~‒―‐‑-]+/g;
const QUOTE = /["'“”„«»‘’`´ʼ]+/g;
const OTHER_SYMBOL = /[^\p{L}\p{M}\p{N}\s.,?"]+/gu;
const OTHER_SYMBOL_ASCII = /[^A-Za-z0-9\s.,?"]+/g;
/**
 * A character `OTHER_SYMBOL` would remove, in text of ASCII and Devanagari: outside ASCII letters, digits,
 * white space and .,?" and outside the Devanagari letters, marks and digits (read from the block at load).
 * Without one, the Unicode pass is skipped.
 */
const OTHER_SYMBOL_TEST = new RegExp(
  `[^A-Za-z0-9\\s.,?"${Array.from({ length: 0x80 }, (_, i) => String.fromCharCode(0x0900 + i))
    .filter((ch) => /[\p{L}\p{M}\p{N}]/u.test(ch))
    .join('')}]`,
);
/** Runs of white space that are not already one plain space (the same result as replacing every run). */
const SPACES = /\s{2,}|[^\S ]/g;

/** Fold Devanagari spelling variants so that one pattern matches the common ways of writing a word. */
export function foldDevanagari(s: string): string {
  return s
    .replace(/\u093C/g, '')
    .replace(/\u0901/g, '\u0902')
    .replace(/\u0940/g, '\u093F')
    .replace(/\u0942/g, '\u0941')
    .replace(/\u0908/g, '\u0907')
    .replace(/\u090A/g, '\u0909')
    .replace(/\u0949/g, '\u094B')
    .replace(/\u0911/g, '\u0913')
    .replace(/\u0945/g, '\u0947')
    .replace(/[\u0919\u091E\u0923\u0928\u092E]\u094D(?=[\u0915-\u0939])/g, '\u0902')
    .replace(/\u200C|\u200D/g, '');
}

function resolveMasked(core: string): string {
  const pattern = new RegExp(`^${core.replace(/[*#|+%]+/g, (run) => `[a-z]{${run.length}}`)}$`);
  for (const word of SENSITIVE_WORDS) {
    if (word.length === core.length && pattern.test(word)) return word;
  }
  return core.replace(/[*#|+%]+/g, '');
}

function mapLeet(core: string): string {
  let out = '';
  for (let i = 0; i < core.length; i++) {
    const ch = core.charAt(i);
    const mapped = LEET[ch];
    out += mapped === undefined || (ch === '!' && i === core.length - 1) ? ch : mapped;
  }
  return out;
}

/** Records whether a disguise was actually undone (not just a chat spelling or "20pills" split). */
interface Undo {
  changed: boolean;
}

function deobfuscateToken(token: string, undo: Undo): string {
  // Own keys only: a plain object also "has" constructor, toString…
  const chat = Object.hasOwn(CHAT_WORDS, token) ? CHAT_WORDS[token] : undefined;
  if (chat !== undefined) return chat;
  if (!HAS_LETTER.test(token) || !HAS_CODE.test(token)) return token;
  if (ORDINAL.test(token)) return token;
  const split = DIGITS_THEN_LETTERS.exec(token);
  if (split) return `${split[1]} ${split[2]}`;
  if (LETTERS_THEN_DIGITS.test(token)) return token;
  const lead = /^[*#|+%!]+/.exec(token)?.[0] ?? '';
  const trail = /[*#|+%!]+$/.exec(token)?.[0] ?? '';
  const original = token.slice(lead.length, token.length - trail.length);
  if (original === '') return token;
  let core = mapLeet(original);
  if (WILDCARD.test(core)) core = resolveMasked(core);
  if (core !== original) undo.changed = true;
  const trailing = trail.includes('!') ? ' !' : ' ';
  return `${lead.length > 0 ? ' ' : ''}${core}${trail.length > 0 ? trailing : ''}`;
}

function joinSpaced(run: string, undo: Undo): string {
  const joined = run.replace(/[ .\-_*·•/|]+/g, '');
  if (!HAS_LETTER.test(joined)) return run;
  const word = HAS_CODE.test(joined) ? mapLeet(joined) : joined;
  if (!SENSITIVE_SET.has(word) && word.length < 6) return run;
  undo.changed = true;
  return ` ${word} `;
}

/** Normalise a message for matching (see the module comment). */
/**
 * Romanised Nepali writes "chh" as "x" (garxu, xa, xaina, hunuhunxa): read as chh, for whole words that end
 * like a Nepali verb (English words with an x — box, next, xanax — do not).
 */
const NEPALI_X = /\b([a-z]*)x(u|a|au|an|aina|ain|in|ina|ne|au|ainan|e)\b/g;
const NEPALI_X_TEST = /x(?:u|a|au|an|aina|ain|in|ina|ne|ainan|e)\b/;
const NOT_NEPALI_X = new Set(['xa', 'taxa', 'maxe', 'flexe', 'axe', 'xe', 'sexe', 'boxe', 'luxe']);

export function normalize(raw: string): Normalized {
  let s = raw;
  // NFKC, invisible characters, look-alikes, emoji and Devanagari concern only text with a non-ASCII character.
  if (NON_ASCII.test(s)) s = s.normalize('NFKC');
  s = s.toLowerCase();
  let riskEmoji = false;
  if (NON_ASCII.test(s)) {
    s = s.replace(INVISIBLE, '');
    if (HOMOGLYPH_TEST.test(s)) s = s.replace(HOMOGLYPH_RE, (ch) => HOMOGLYPHS[ch] ?? ch);

    if (EMOJI_TEST.test(s)) {
      s = s.replace(PICTOGRAPH, (ch) => {
        const word = EMOJI_WORDS[ch];
        if (word === undefined) return ' ';
        if (RISK_EMOJI.has(ch)) riskEmoji = true;
        return ` ${word} `;
      });
    }

    if (DEVANAGARI_TEST.test(s)) {
      s = foldDevanagari(s.replace(DEVANAGARI_DIGIT, (d) => String(d.charCodeAt(0) - 0x0966)));
      if (hasRepeat(s)) s = s.replace(REPEATED_MARK, '$1');
    }
  }
  // From here on, every pass writes ASCII only: text that is ASCII now stays so.
  const ascii = !NON_ASCII.test(s);

  if (APOSTROPHE_TEST.test(s)) s = s.replace(ascii ? APOSTROPHE_IN_WORD_ASCII : APOSTROPHE_IN_WORD, '$1');

  const undo: Undo = { changed: false };
  if (OBFUSCATION_TEST.test(s) || CHAT_TEST.test(s)) {
    if (s.includes(' 2 ')) s = s.replace(TWO_AS_TO, '$1 to ');
    s = s.replace(SPACED, (run) => joinSpaced(run, undo));
    if (MIXED_TOKEN.test(s) || CHAT_TOKEN.test(s)) s = s.replace(OBFUSCATED_TOKEN, (token) => deobfuscateToken(token, undo));
  }

  if (NEPALI_X_TEST.test(s)) {
    s = s.replace(NEPALI_X, (word: string, stem: string, end: string) => (NOT_NEPALI_X.has(word) && word !== 'xa' ? word : `${stem}chh${end}`));
  }

  if (hasTripledLetter(s)) s = s.replace(STRETCHED_VOWEL, '$1').replace(STRETCHED_OTHER, '$1$1');
  if (QUESTION_TEST.test(s)) s = s.replace(QUESTION, ' ? ');
  s = s.replace(SENTENCE_END, ' . ');
  if (HYPHEN_TEST.test(s)) s = s.replace(ascii ? HYPHEN_IN_WORD_ASCII : HYPHEN_IN_WORD, '$1 ');
  s = s.replace(CLAUSE, ' , ').replace(QUOTE, ' " ').replace(/&/g, ' and ');
  if (ascii) s = s.replace(OTHER_SYMBOL_ASCII, ' ');
  else if (OTHER_SYMBOL_TEST.test(s)) s = s.replace(OTHER_SYMBOL, ' ');
  s = s.replace(SPACES, ' ').trim();
  return { text: s, deobfuscated: undo.changed, riskEmoji };
}
