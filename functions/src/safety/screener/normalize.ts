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
 * chat spelling. Other tokens come back as they are, so without one the pass is skipped. `CHAT_TOKEN` looks
 * only for the chat spellings `MIXED_TOKEN` does not find (abt, coz: those with a digit, 2nite, b4, no1, have a
 * letter next to it).
 */
const MIXED_TOKEN = /[a-z][0-9@$!*#|+%€]|[0-9@$!*#|+%€][a-z]/;
const CHAT_TOKEN = new RegExp(
  `(?<![a-z0-9@$!*#|+%€])(?:${Object.keys(CHAT_WORDS)
    .filter((word) => !MIXED_TOKEN.test(word))
    .join('|')})(?![a-z0-9@$!*#|+%€])`,
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

// Each Unicode pass below is run only when a cheap test finds a character it needs (`…_TEST`, `charactersIn`),
// and on text that is all ASCII (most messages) by an equivalent ASCII RegExp: \p{L} there is [A-Za-z], \p{N}
// [0-9], \p{M} nothing.
const NON_ASCII = /[\u0080-\uffff]/;
const APOSTROPHE_IN_WORD = /(\p{L})['’‘`´ʼ](?=\p{L})/gu;
const APOSTROPHE_IN_WORD_ASCII = /([A-Za-z])['`](?=[A-Za-z])/g;
const QUESTION = /\s*[?？؟]+[\s?.!]*/g;
const SENTENCE_END = /[.!;।॥…。！\n\r]+/g;
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

/** Signs and letters `foldDevanagari` writes as another: ँ → ं, ी → ि, ू → ु, ई → इ, ऊ → उ, ॉ → ो, ऑ → ओ, ॅ → े. */
const FOLDED: ReadonlyMap<number, string> = new Map([
  [0x0901, '\u0902'],
  [0x0940, '\u093F'],
  [0x0942, '\u0941'],
  [0x0908, '\u0907'],
  [0x090a, '\u0909'],
  [0x0949, '\u094B'],
  [0x0911, '\u0913'],
  [0x0945, '\u0947'],
]);
const NUKTA = '\u093C';
const VIRAMA = 0x094d;
const ZWNJ = 0x200c;
const ZWJ = 0x200d;
/** Nasal consonants written as a conjunct before a consonant (ङ्क, ञ्च, ण्ड, न्त, म्ब): the same as an anusvara. */
const NASALS: ReadonlySet<number> = new Set([0x0919, 0x091e, 0x0923, 0x0928, 0x092e]);

/**
 * Fold Devanagari spelling variants so that one pattern matches the common ways of writing a word: the nukta
 * is dropped; candrabindu, long ī and ū, long vowels ई ऊ, candra o and e read as anusvara, short i and u, इ उ, ओ
 * and e; a nasal consonant with a virama before a consonant reads as an anusvara; zero-width joiners are
 * dropped. In this order: the nukta goes first (ऩ्क is न्क), the joiners last (न्‍क keeps its conjunct). One
 * pass, copying the text between the characters it changes.
 */
export function foldDevanagari(raw: string): string {
  const s = raw.includes(NUKTA) ? raw.split(NUKTA).join('') : raw;
  let out = '';
  let from = 0;
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x0901 || (c > 0x0949 && c !== ZWNJ && c !== ZWJ)) continue;
    let replacement: string | undefined;
    let skip = 0;
    if (c === ZWNJ || c === ZWJ) replacement = '';
    else if (NASALS.has(c) && s.charCodeAt(i + 1) === VIRAMA) {
      const next = s.charCodeAt(i + 2);
      if (next >= 0x0915 && next <= 0x0939) {
        replacement = '\u0902';
        skip = 1;
      }
    } else replacement = FOLDED.get(c);
    if (replacement === undefined) continue;
    out += s.slice(from, i) + replacement;
    i += skip;
    from = i + 1;
  }
  return from === 0 ? s : out + s.slice(from);
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

const APOSTROPHE_CHAR = 1;
const CODE_CHAR = 2;
const X_CHAR = 4;
const QUESTION_CHAR = 8;
const HYPHEN_CHAR = 16;

/**
 * One pass for characters passes of `normalize` need, as bits: an apostrophe (APOSTROPHE_IN_WORD: '’‘`´ʼ), a
 * code character (the first alternative of OBFUSCATION_TEST: 0-9 @ $ ! * # | + % €), an x (NEPALI_X_TEST), a
 * question mark (QUESTION: ?？؟), a hyphen (HYPHEN_IN_WORD: -‐‑).
 */
function charactersIn(s: string): number {
  let has = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x61 && c <= 0x7a) {
      if (c === 0x78) has |= X_CHAR;
    } else if (c < 0x80) {
      if ((c >= 0x30 && c <= 0x39) || c === 0x40 || c === 0x24 || c === 0x21 || c === 0x2a || c === 0x23 || c === 0x7c || c === 0x2b || c === 0x25) has |= CODE_CHAR;
      else if (c === 0x27 || c === 0x60) has |= APOSTROPHE_CHAR;
      else if (c === 0x3f) has |= QUESTION_CHAR;
      else if (c === 0x2d) has |= HYPHEN_CHAR;
    } else if (c === 0x20ac) has |= CODE_CHAR;
    else if (c === 0x2019 || c === 0x2018 || c === 0xb4 || c === 0x2bc) has |= APOSTROPHE_CHAR;
    else if (c === 0xff1f || c === 0x61f) has |= QUESTION_CHAR;
    else if (c === 0x2010 || c === 0x2011) has |= HYPHEN_CHAR;
  }
  return has;
}

export function normalize(raw: string): Normalized {
  let s = raw;
  // NFKC, invisible characters, look-alikes, emoji and Devanagari concern only text with a non-ASCII character
  // (lower-casing ASCII gives ASCII).
  const nonAscii = NON_ASCII.test(s);
  if (nonAscii) s = s.normalize('NFKC');
  s = s.toLowerCase();
  let riskEmoji = false;
  if (nonAscii && NON_ASCII.test(s)) {
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
  const ascii = !nonAscii || !NON_ASCII.test(s);
  // Which of the characters the passes below look for the text has: none of the passes writes any of them, so
  // a pass for characters absent now is skipped (one present now may be gone by then: its pass changes nothing).
  const has = charactersIn(s);

  if ((has & APOSTROPHE_CHAR) !== 0) s = s.replace(ascii ? APOSTROPHE_IN_WORD_ASCII : APOSTROPHE_IN_WORD, '$1');

  const undo: Undo = { changed: false };
  // A code character is the first alternative of OBFUSCATION_TEST.
  if ((has & CODE_CHAR) !== 0 || OBFUSCATION_TEST.test(s) || CHAT_TEST.test(s)) {
    if (s.includes(' 2 ')) s = s.replace(TWO_AS_TO, '$1 to ');
    s = s.replace(SPACED, (run) => joinSpaced(run, undo));
    if (MIXED_TOKEN.test(s) || CHAT_TOKEN.test(s)) s = s.replace(OBFUSCATED_TOKEN, (token) => deobfuscateToken(token, undo));
  }

  if ((has & X_CHAR) !== 0 && NEPALI_X_TEST.test(s)) {
    s = s.replace(NEPALI_X, (word: string, stem: string, end: string) => (NOT_NEPALI_X.has(word) && word !== 'xa' ? word : `${stem}chh${end}`));
  }

  if (hasTripledLetter(s)) s = s.replace(STRETCHED_VOWEL, '$1').replace(STRETCHED_OTHER, '$1$1');
  if ((has & QUESTION_CHAR) !== 0) s = s.replace(QUESTION, ' ? ');
  if ((has & HYPHEN_CHAR) !== 0) s = s.replace(ascii ? HYPHEN_IN_WORD_ASCII : HYPHEN_IN_WORD, '$1 ');
  const finished = finishPlain(s);
  if (finished !== null) return { text: finished, deobfuscated: undo.changed, riskEmoji };
  s = s.replace(SENTENCE_END, ' . ');
  s = s.replace(CLAUSE, ' , ').replace(QUOTE, ' " ').replace(/&/g, ' and ');
  if (ascii) s = s.replace(OTHER_SYMBOL_ASCII, ' ');
  else if (OTHER_SYMBOL_TEST.test(s)) s = s.replace(OTHER_SYMBOL, ' ');
  s = s.replace(SPACES, ' ').trim();
  return { text: s, deobfuscated: undo.changed, riskEmoji };
}

// The last passes of `normalize` in one, on text of ASCII and Devanagari (most messages): each run of sentence
// ends (SENTENCE_END) becomes " . ", of clause marks (CLAUSE) " , ", of quotation marks (QUOTE) ' " ', each &
// " and ", each run of other symbols (OTHER_SYMBOL) and of white space one space, with no space at either end
// (SPACES, trim). Each pass replaces runs of characters of its own class with text that none of the later
// passes changes but for white space, so one pass over the runs of each class gives the same text.
const KEPT = 0;
const SPACE_RUN = 1;
const SENTENCE_RUN = 2;
const CLAUSE_RUN = 3;
const QUOTE_RUN = 4;
const AMPERSAND = 5;
const SYMBOL_RUN = 6;
/** Characters `finishPlain` leaves to the passes themselves. */
const OTHER = 7;
const PLAIN_END = 0x0980;
/** The class of each character below `PLAIN_END` in the last passes (Devanagari read from the block at load). */
const PLAIN_CLASS = (() => {
  const table = new Uint8Array(PLAIN_END).fill(OTHER);
  table.fill(SYMBOL_RUN, 0, 0x80);
  const set = (chars: string, kind: number): void => {
    for (const ch of chars) table[ch.charCodeAt(0)] = kind;
  };
  set('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789?', KEPT);
  set(' \t\v\f', SPACE_RUN);
  set('.!;\n\r', SENTENCE_RUN);
  set(',:()[]{}<>~-', CLAUSE_RUN);
  set('"\'`', QUOTE_RUN);
  set('&', AMPERSAND);
  for (let code = 0x0900; code < PLAIN_END; code++) {
    table[code] = /[\p{L}\p{M}\p{N}]/u.test(String.fromCharCode(code)) ? KEPT : SYMBOL_RUN;
  }
  set('।॥', SENTENCE_RUN);
  return table;
})();
const RUN_TEXT = ['', '', '.', ',', '"', 'and', ''];

/** `normalize`'s last passes (see above); null if the text has a character other than ASCII and Devanagari. */
function finishPlain(s: string): string | null {
  let out = '';
  /** White space is due before whatever comes next (none at the start or the end). */
  let space = false;
  const n = s.length;
  let i = 0;
  while (i < n) {
    const code = s.charCodeAt(i);
    const kind = code < PLAIN_END ? PLAIN_CLASS[code] : OTHER;
    if (kind === OTHER) return null;
    let j = i + 1;
    if (kind !== AMPERSAND) {
      while (j < n) {
        const next = s.charCodeAt(j);
        if (next >= PLAIN_END || PLAIN_CLASS[next] !== kind) break;
        j++;
      }
    }
    if (kind === KEPT) {
      if (space && out.length > 0) out += ' ';
      out += s.slice(i, j);
      space = false;
    } else if (kind === SPACE_RUN || kind === SYMBOL_RUN) {
      space = true;
    } else {
      if (out.length > 0) out += ' ';
      out += RUN_TEXT[kind];
      space = true;
    }
    i = j;
  }
  return out;
}
