/**
 * How the lexicon is written and compiled. A rule is a regular-expression phrase over normalised text
 * (see normalize.ts: lower case, single spaces, no capture groups) naming the concepts it signals. Flags:
 * `n` the phrase carries its own negation ("don't want to live"), so negation is not checked;
 * `h` / `H` a laughing or joking message turns it into dark humour at low / moderate;
 * `c` it is benign in an everyday context (a rope for camping, the roof with friends);
 * `s` / `o` / `y` the person is fixed (self, someone else, "you") instead of read from the sentence.
 * Person macros expand a rule into one rule per person: `<refl>` (myself / herself… / yourself),
 * `<my>` (my / her, his, their / your), `<me>` (me / her, him, them / you).
 * Frames are phrases that change how nearby rules are read (idioms, study, fiction, recovery, laughter…).
 * At module load every rule set is compiled into one RegExp per phrase, per script and group, and registered
 * with the literal prefilter (prefilter.ts), which picks the phrases worth trying on each message.
 */
import type { Concept } from './concepts';
import { foldDevanagari } from './normalize';
import { addWay, literalsByWay, registerSet, WORD_CLASS } from './prefilter';

export type Lang = 'en' | 'hi' | 'hi-Latn' | 'ne' | 'ne-Latn';
export type Person = 'self' | 'other' | 'second' | 'auto';
export type RuleGroup = 'risk' | 'mood' | 'time';

export interface RuleSpec {
  readonly concepts: readonly Concept[];
  readonly source: string;
  readonly flags: string;
}

export type FrameKind =
  | 'idiom'
  | 'education'
  | 'fiction'
  | 'fictionMessage'
  | 'farewell'
  | 'recovery'
  | 'relapse'
  | 'benign'
  | 'laugh'
  | 'serious';

export interface FrameSpec {
  readonly kind: FrameKind;
  readonly source: string;
  /** A concept the frame stands for instead (an idiom about exams still says "stressed"). */
  readonly emits?: Concept;
}

export interface Rule {
  readonly concepts: readonly Concept[];
  readonly negatable: boolean;
  readonly hyperbole: 'low' | 'moderate' | null;
  readonly contextual: boolean;
  readonly person: Person;
  readonly lang: Lang;
}

export interface Frame {
  readonly kind: FrameKind;
  readonly emits: Concept | null;
  readonly lang: Lang;
}

/**
 * A set of phrases in lexicon order, one RegExp each. Only the phrases whose required literals occur in a
 * message (see prefilter.ts), and those with none known (`always`), are tried.
 */
export interface Compiled<T> {
  readonly items: readonly T[];
  readonly res: readonly RegExp[];
  readonly always: readonly number[];
  /** The set's id in the prefilter, whose `candidatesIn` gives the phrases worth trying. */
  readonly set: number;
}

/**
 * The top-level alternatives of a pattern written `(?:a|b|c)`: a rule built on a long list of ways is
 * better written as one rule per way, so that the literal prefilter tries only the ways a message mentions
 * (one RegExp per way is also far cheaper than one for all of them; see prefilter.ts).
 */
export function alternativesOf(source: string): string[] {
  const body = source.startsWith('(?:') && source.endsWith(')') ? source.slice(3, -1) : source;
  const parts: string[] = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      parts.push(body.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(body.slice(start));
  if (depth !== 0) return [source];
  return parts;
}

/** Shorthand used by the lexicon files. */
export function rule(concepts: Concept | readonly Concept[], source: string, flags = ''): RuleSpec {
  return { concepts: typeof concepts === 'string' ? [concepts] : concepts, source, flags };
}

export function frame(kind: FrameKind, source: string, emits?: Concept): FrameSpec {
  return emits === undefined ? { kind, source } : { kind, source, emits };
}

const PERSON_MACROS: Readonly<Record<'self' | 'other' | 'second', Readonly<Record<string, string>>>> = {
  self: {
    '<refl>': '(?:my ?self|myslef|mysef|myselff|meself|mself|maself)',
    '<my>': '(?:my|mah|ma)',
    '<me>': '(?:me)',
  },
  other: {
    '<refl>': '(?:him ?self|her ?self|them ?sel(?:f|ves)|hisself|theirselves)',
    '<my>': '(?:his|her|their)',
    '<me>': '(?:him|her|them)',
  },
  second: {
    '<refl>': '(?:your ?sel(?:f|ves)|ur ?self|urself|yoself)',
    '<my>': '(?:your|ur)',
    '<me>': '(?:you|u)',
  },
};
const MACRO = /<refl>|<my>|<me>/g;
const HAS_MACRO = /<refl>|<my>|<me>/;

interface Expanded {
  readonly source: string;
  readonly person: Person;
}

function expand(source: string, flags: string): Expanded[] {
  const fixed: Person | null = flags.includes('s') ? 'self' : flags.includes('o') ? 'other' : flags.includes('y') ? 'second' : null;
  if (!HAS_MACRO.test(source)) return [{ source, person: fixed ?? 'auto' }];
  return (['self', 'other', 'second'] as const).map((person) => ({
    source: source.replace(MACRO, (m) => PERSON_MACROS[person][m] ?? m),
    person,
  }));
}

const DEVANAGARI = /[\u0900-\u097F]/;

/**
 * Capturing groups in a pattern: `(` not escaped, not in a class and not followed by `?` (named groups,
 * `(?<name>`, count too). Read from the source text: compiling every phrase at load just to count would
 * cost the screener's cold start (the RegExps themselves compile lazily, on first use).
 */
function groupCount(source: string): number {
  let count = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(' && (source[i + 1] !== '?' || (source[i + 2] === '<' && source[i + 3] !== '=' && source[i + 3] !== '!'))) count++;
  }
  return count;
}

function check(source: string, where: string): string {
  if (groupCount(source) !== 0) throw new Error(`screener lexicon: capture group in ${where}: ${source}`);
  return source;
}

/**
 * Word edges. Normalised text is lower case with Latin, Devanagari and digits (see normalize.ts); a class of
 * those ranges (and the other letters of the Basic Multilingual Plane a message may keep; `WORD_RANGES` in
 * prefilter.ts, whose literals know where words start and end) lets the RegExps run without the Unicode flag,
 * several times faster than property escapes at every position.
 */
function phraseRegExp(source: string): RegExp {
  return new RegExp(`(?<![${WORD_CLASS}])(?:${source})(?![${WORD_CLASS}])`, 'g');
}

/** By way number (`addWay`): the way's source, and its RegExp once made (`wayRegExp`). */
const waySources: string[] = [];
const wayRegExps: Array<RegExp | undefined> = [];

/**
 * The RegExp of one way of a phrase (whole words only), made at first use: tried instead of the phrase when
 * the prefilter finds that no other way of it can match (`Candidates.way`), it finds the same matches and
 * runs far less code than a phrase of many ways.
 */
export function wayRegExp(way: number): RegExp {
  let re = wayRegExps[way];
  if (re === undefined) {
    re = phraseRegExp(waySources[way] ?? '(?!)');
    wayRegExps[way] = re;
  }
  return re;
}

/** One RegExp per phrase (whole words only), registered with the literal prefilter way by way. */
function build<T>(entries: ReadonlyArray<{ source: string; item: T }>): Compiled<T> {
  const set = registerSet(entries.length);
  const always: number[] = [];
  const res = entries.map((e) => phraseRegExp(e.source));
  entries.forEach((e, i) => {
    const ways = literalsByWay(e.source);
    if (ways === null) always.push(i);
    else {
      for (const way of ways) {
        const id = addWay(set, i, way.required);
        waySources[id] = way.source;
        // A phrase of one way is its own way.
        if (ways.length === 1) wayRegExps[id] = res[i];
      }
    }
  });
  return { items: entries.map((e) => e.item), res, always, set };
}

export interface CompiledLexicon {
  readonly latin: Readonly<Record<RuleGroup, Compiled<Rule>>>;
  readonly devanagari: Readonly<Record<RuleGroup, Compiled<Rule>>>;
  readonly latinFrames: Compiled<Frame>;
  readonly devanagariFrames: Compiled<Frame>;
}

export interface LexiconPart {
  readonly lang: Lang;
  readonly rules: Readonly<Record<RuleGroup, readonly RuleSpec[]>>;
  readonly frames: readonly FrameSpec[];
}

/** Compiles every lexicon part; throws at load time on a malformed phrase. */
export function compileLexicon(parts: readonly LexiconPart[]): CompiledLexicon {
  const groups: RuleGroup[] = ['risk', 'mood', 'time'];
  type Bucket = Record<RuleGroup, Array<{ source: string; item: Rule }>>;
  const buckets: { latin: Bucket; devanagari: Bucket } = {
    latin: { risk: [], mood: [], time: [] },
    devanagari: { risk: [], mood: [], time: [] },
  };
  const frameBuckets: { latin: Array<{ source: string; item: Frame }>; devanagari: Array<{ source: string; item: Frame }> } = {
    latin: [],
    devanagari: [],
  };
  for (const part of parts) {
    for (const group of groups) {
      for (const spec of part.rules[group]) {
        for (const variant of expand(spec.source, spec.flags)) {
          const deva = DEVANAGARI.test(variant.source);
          const source = check(deva ? foldDevanagari(variant.source) : variant.source, `${part.lang} ${group}`);
          const hyperbole = spec.flags.includes('H') ? 'moderate' : spec.flags.includes('h') ? 'low' : null;
          buckets[deva ? 'devanagari' : 'latin'][group].push({
            source,
            item: {
              concepts: spec.concepts,
              negatable: !spec.flags.includes('n'),
              hyperbole,
              contextual: spec.flags.includes('c'),
              person: variant.person,
              lang: part.lang,
            },
          });
        }
      }
    }
    for (const spec of part.frames) {
      const deva = DEVANAGARI.test(spec.source);
      const source = check(deva ? foldDevanagari(spec.source) : spec.source, `${part.lang} frame`);
      frameBuckets[deva ? 'devanagari' : 'latin'].push({ source, item: { kind: spec.kind, emits: spec.emits ?? null, lang: part.lang } });
    }
  }
  return {
    latin: { risk: build(buckets.latin.risk), mood: build(buckets.latin.mood), time: build(buckets.latin.time) },
    devanagari: { risk: build(buckets.devanagari.risk), mood: build(buckets.devanagari.mood), time: build(buckets.devanagari.time) },
    latinFrames: build(frameBuckets.latin),
    devanagariFrames: build(frameBuckets.devanagari),
  };
}

/** Index of the rule whose capture group matched (groups are 1-based, items 0-based). */
export function matchedIndex(match: RegExpExecArray): number {
  for (let i = 1; i < match.length; i++) if (match[i] !== undefined) return i - 1;
  return -1;
}
