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
 * At module load every rule set is compiled into a few RegExps per script and group (each small enough for
 * V8 to optimise), whose numbered groups map back to the rules.
 */
import type { Concept } from './concepts';
import { foldDevanagari } from './normalize';

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

/** Some of a set's phrases in one RegExp: group i + 1 is `items[offset + i]`. */
export interface Chunk {
  readonly re: RegExp;
  readonly offset: number;
  readonly size: number;
}

export interface Compiled<T> {
  /** The phrases in lexicon order, split into RegExps small enough for the engine to optimise. */
  readonly chunks: readonly Chunk[];
  readonly items: readonly T[];
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

function groupCount(source: string): number {
  const match = new RegExp(`${source}|`, 'u').exec('');
  return match === null ? 0 : match.length - 1;
}

function check(source: string, where: string): string {
  if (groupCount(source) !== 0) throw new Error(`screener lexicon: capture group in ${where}: ${source}`);
  return source;
}

/**
 * Longest pattern source per RegExp. V8 leaves larger patterns unoptimised (no quick first-character
 * checks), which made one RegExp per set many times slower than a few smaller ones.
 */
const CHUNK_SOURCE_MAX = 8_000;

function chunkRegExp(sources: readonly string[]): RegExp {
  const body = sources.map((source) => `(${source})`).join('|');
  return new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])(?:${body === '' ? '(?!)' : body})(?![\\p{L}\\p{M}\\p{N}])`, 'gu');
}

/** Joins phrases into RegExps of at most CHUNK_SOURCE_MAX characters, in order. Word edges are letters, marks, digits. */
function build<T>(entries: ReadonlyArray<{ source: string; item: T }>): Compiled<T> {
  const chunks: Chunk[] = [];
  let current: string[] = [];
  let length = 0;
  let offset = 0;
  const flush = () => {
    chunks.push({ re: chunkRegExp(current), offset, size: current.length });
    offset += current.length;
    current = [];
    length = 0;
  };
  for (const e of entries) {
    if (current.length > 0 && length + e.source.length > CHUNK_SOURCE_MAX) flush();
    current.push(e.source);
    length += e.source.length + 3;
  }
  if (current.length > 0 || chunks.length === 0) flush();
  return { chunks, items: entries.map((e) => e.item) };
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
