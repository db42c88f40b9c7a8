/**
 * A literal prefilter for the lexicon's regular expressions, so that a message is matched only against the
 * phrases that could match it. For every way a phrase is written (its top-level alternatives, `waysOf`),
 * `requiredLiterals` works out from the pattern source up to three sets of literal strings such that any text
 * the way matches contains a literal of each set (`requiredLiteralsByWay`; `null` when some way has none, and
 * the phrase is always tried). Phrases are matched between word edges (rules.ts), so the strings a way's
 * matches start and end with are literals too with an edge beside them (" at ", "die "), far more selective
 * than the same letters anywhere. `LiteralIndex` finds, in one pass over a message (Aho–Corasick), every literal
 * that occurs (and where it last starts), and `candidatesIn` turns that into the phrases with a way worth
 * trying in every registered set, and how far on a match of each can start.
 * Built once at load; a message leaves no state behind but scratch arrays.
 */

/** The shortest literal worth indexing: shorter ones ("i", "to") occur in almost every message. */
const MIN_LITERAL = 3;
/** For a way of a pattern that has none that long (`requiredLiteralsByWay`): "rn", "od", "आज" beat trying it always. */
const MIN_SHORT_LITERAL = 2;

/** Conjunction of disjunctions: every set must have one of its literals in the text. Null: no requirement. */
type Req = ReadonlyArray<ReadonlySet<string>> | null;

/** Every string a part of a pattern can match, when they are few enough to list (null: too many, or unknown). */
type Words = ReadonlySet<string> | null;

interface Node {
  /** Literal sets, one literal of each of which occurs in any match (null: no requirement known). */
  readonly req: Req;
  /** The node matches exactly this literal and nothing else (used to join neighbouring literals). */
  readonly exact: string | null;
  /** Every string the node matches (zero-width assertions match ""). */
  readonly words: Words;
  /** Every match starts with one of these strings, of at most `EDGE_SPAN` characters (null: unknown). */
  readonly prefix: Words;
  /** Every match ends with one of these strings, of at most `EDGE_SPAN` characters (null: unknown). */
  readonly suffix: Words;
}

const ANY: Node = { req: null, exact: null, words: null, prefix: null, suffix: null };
const NOTHING: ReadonlySet<string> = new Set(['']);
/** Lookarounds, \b, ^ and $: they match no characters. */
const ZERO_WIDTH: Node = { req: null, exact: '', words: NOTHING, prefix: NOTHING, suffix: NOTHING };

const LITERALS = new Map<string, Node>();

function literal(ch: string): Node {
  let node = LITERALS.get(ch);
  if (node === undefined) {
    const words = new Set([ch]);
    node = { req: null, exact: ch, words, prefix: words, suffix: words };
    LITERALS.set(ch, node);
  }
  return node;
}

/** Lists of strings are kept up to this size; a longer one is given up (null). */
const MAX_WORDS = 64;

/**
 * Characters of a way's start or end kept (`edgeLiterals`): the strings matches start or end with are cut to
 * this length as they are worked out, which selects as well as longer ones and keeps the lists short.
 */
const EDGE_SPAN = 5;
/** A way's starts (ends) are made longer only while they stay this few, or no more than they were. */
const MAX_AFFIXES = 16;

/**
 * The first `EDGE_SPAN` characters of every `a` followed by every `b` (an `a` that long needs no `b`); null
 * when they would be many more than either (see `MAX_AFFIXES`).
 */
function startsOf(a: ReadonlySet<string>, b: Words): Words {
  if (b === null) return null;
  if (a === NOTHING && short(b)) return b;
  const most = Math.max(MAX_AFFIXES, a.size, b.size);
  const out = new Set<string>();
  for (const x of a) {
    if (x.length >= EDGE_SPAN) out.add(x.slice(0, EDGE_SPAN));
    else for (const y of b) out.add((x + y).slice(0, EDGE_SPAN));
    if (out.size > most) return null;
  }
  return out;
}

/** The last `EDGE_SPAN` characters of every `a` followed by every `b` (see `startsOf`). */
function endsOf(a: Words, b: ReadonlySet<string>): Words {
  if (a === null) return null;
  if (b === NOTHING && short(a)) return a;
  const most = Math.max(MAX_AFFIXES, a.size, b.size);
  const out = new Set<string>();
  for (const y of b) {
    if (y.length >= EDGE_SPAN) out.add(y.slice(-EDGE_SPAN));
    else for (const x of a) out.add((x + y).slice(-EDGE_SPAN));
    if (out.size > most) return null;
  }
  return out;
}

/**
 * The characters a text can end with after a part whose matches end with one of `ends` (a part that can
 * match nothing, `skippable`, or ends with "", leaves those of the text before it, `before`); null when unknown.
 */
function lastCharacters(before: ReadonlySet<string> | null, ends: Words, skippable: boolean): Set<string> | null {
  if (ends === null) return null;
  const out = new Set<string>();
  let empty = skippable;
  for (const end of ends) {
    if (end.length > 0) out.add(end.charAt(end.length - 1));
    else empty = true;
  }
  if (empty) {
    if (before === null) return null;
    for (const c of before) out.add(c);
  }
  return out;
}

/** Strings of at most `EDGE_SPAN` characters, which `startsOf` and `endsOf` keep whole. */
function short(words: ReadonlySet<string>): boolean {
  for (const w of words) if (w.length > EDGE_SPAN) return false;
  return true;
}

/** Every `a` followed by every `b`. */
function product(a: ReadonlySet<string>, b: ReadonlySet<string>): Words {
  if (a === NOTHING) return b;
  if (b === NOTHING) return a;
  if (a.size * b.size > MAX_WORDS) return null;
  const out = new Set<string>();
  for (const x of a) for (const y of b) out.add(x + y);
  return out;
}

function union(lists: readonly Words[]): Words {
  const out = new Set<string>();
  for (const list of lists) {
    if (list === null) return null;
    for (const w of list) out.add(w);
    if (out.size > MAX_WORDS) return null;
  }
  return out;
}

/** The strings `words` repeated `min` to `max` times, for small counts. */
function repeat(words: ReadonlySet<string>, min: number, max: number): Words {
  if (max > 4) return null;
  let power: Words = NOTHING;
  const lists: Words[] = [];
  for (let k = 0; k <= max && power !== null; k++) {
    if (k >= min) lists.push(power);
    if (k < max) power = product(power, words);
  }
  return power === null ? null : union(lists);
}

/** How selective a set of literals is: its shortest literal, longer being better. */
function strength(set: ReadonlySet<string>): number {
  let min = Infinity;
  for (const l of set) min = Math.min(min, l.length);
  return set.size === 0 ? 0 : min;
}

/** The most selective single set of a requirement (for unions in alternations). */
function strongest(req: Req): ReadonlySet<string> | null {
  if (req === null) return null;
  let best: ReadonlySet<string> | null = null;
  for (const set of req) {
    if (best === null || strength(set) > strength(best) || (strength(set) === strength(best) && set.size < best.size)) best = set;
  }
  return best;
}

/** At most this many sets per phrase (the most selective ones). */
const MAX_SETS = 3;

function and(sets: Array<ReadonlySet<string>>, minLiteral: number): Req {
  const useful = sets.filter((set) => strength(set) >= minLiteral);
  if (useful.length === 0) return null;
  useful.sort((a, b) => strength(b) - strength(a) || a.size - b.size);
  return useful.slice(0, MAX_SETS);
}

/** A part of a sequence (see `Parser.sequence`). */
interface Part {
  readonly words: Words;
  readonly prefix: Words;
  readonly suffix: Words;
  /**
   * How the matches of the part end, for `lastCharacters`: all of them when `words` is known ("" for a match
   * of nothing), else the strings its atom's matches end with, when none of them is "" (null: unknown).
   */
  readonly ends: Words;
  /** The part can match nothing (a quantifier from zero). */
  readonly skippable: boolean;
}

class Parser {
  private pos = 0;

  constructor(
    private readonly src: string,
    private readonly minLiteral: number,
    /** Also literals from inside a sequence (see `before` in `sequence`): for `literalsByWay`. */
    private readonly infix = false,
  ) {}

  parse(): Node {
    const node = this.alternation();
    if (this.pos < this.src.length) throw new Error(`prefilter: unexpected ${this.src[this.pos] ?? ''} at ${String(this.pos)}`);
    return node;
  }

  private alternation(): Node {
    const alternatives: Node[] = [this.sequence()];
    while (this.src[this.pos] === '|') {
      this.pos++;
      alternatives.push(this.sequence());
    }
    if (alternatives.length === 1) return alternatives[0] ?? ANY;
    const words = union(alternatives.map((a) => a.words));
    const whole = words !== null && short(words);
    const prefix = whole ? words : union(alternatives.map((a) => a.prefix));
    const suffix = whole ? words : union(alternatives.map((a) => a.suffix));
    const required = new Set<string>();
    for (const a of alternatives) {
      const literals = a.exact !== null ? (a.exact.length > 0 ? new Set([a.exact]) : null) : strongest(a.req);
      if (literals === null || strength(literals) < this.minLiteral) return { ...ANY, words, prefix, suffix };
      for (const l of literals) required.add(l);
    }
    return { req: [required], exact: null, words, prefix, suffix };
  }

  private sequence(): Node {
    const sets: Array<ReadonlySet<string>> = [];
    /**
     * Each part as quantified: the strings it matches, those its matches start and end with, and, for the
     * characters a text matched so far ends with, those its own atom's matches end with and whether it can be
     * skipped. Neighbouring parts of one string each are joined into one.
     */
    const parts: Part[] = [];
    let run = '';
    let exact = true;
    const flush = (): void => {
      if (run.length > 0) sets.push(new Set([run]));
      run = '';
    };
    /** Parts of one string each, joined until a part of more (or of none known) comes. */
    let plain: string | null = null;
    const endPlain = (): void => {
      if (plain === null) return;
      const words = new Set([plain]);
      parts.push({ words, prefix: words, suffix: words, ends: words, skippable: false });
      plain = null;
    };
    while (this.pos < this.src.length && this.src[this.pos] !== '|' && this.src[this.pos] !== ')') {
      const atom = this.atom();
      const { min, max } = this.quantifier();
      const words = atom.words === null ? null : min === 1 && max === 1 ? atom.words : repeat(atom.words, min, max);
      const one = words !== null && words.size === 1 ? words.values().next().value : undefined;
      if (one !== undefined) plain = (plain ?? '') + one;
      else {
        endPlain();
        // The atom's matches end with one of `atom.suffix`; "" among them says nothing of the last character.
        const ends = words ?? (atom.suffix === null || atom.suffix.has('') ? null : atom.suffix);
        parts.push({ words, prefix: words ?? (min >= 1 ? atom.prefix : null), suffix: words ?? (min >= 1 ? atom.suffix : null), ends, skippable: words === null && min === 0 });
      }
      if (atom.exact !== null && min === 1 && max === 1) {
        run += atom.exact;
        continue;
      }
      exact = false;
      if (atom.exact !== null && min >= 1) {
        run += atom.exact;
        flush();
        continue;
      }
      flush();
      if (min >= 1 && atom.req !== null) sets.push(...atom.req);
    }
    endPlain();
    if (this.infix) {
      // The character before each part joined to how the part starts (see `lastCharacters`): literals from
      // inside a way (" gym", " su" after "to (?:my )?" or a filler), not only from its ends.
      let before: ReadonlySet<string> | null = null;
      for (const part of parts) {
        if (before !== null && part.prefix !== null) {
          const inside = startsOf(before, part.prefix);
          if (inside !== null) sets.push(inside);
        }
        before = lastCharacters(before, part.ends, part.skippable);
      }
    }
    // The strings of the parts that can be listed, joined from the start (and from the end) up to the first
    // that cannot: every match starts (ends) with one of them.
    let words: Words = NOTHING;
    for (const part of parts) words = words === null || part.words === null ? null : product(words, part.words);
    let prefix: ReadonlySet<string> = NOTHING;
    for (const part of parts) {
      const joined = startsOf(prefix, part.words ?? part.prefix);
      if (joined === null) break;
      prefix = joined;
      if (part.words === null) break;
    }
    let suffix: ReadonlySet<string> = NOTHING;
    for (let k = parts.length - 1; k >= 0; k--) {
      const part = parts[k];
      const joined = endsOf(part.words ?? part.suffix, suffix);
      if (joined === null) break;
      suffix = joined;
      if (part.words === null) break;
    }
    if (exact) return { req: run.length > 0 ? [new Set([run])] : null, exact: run, words, prefix, suffix };
    flush();
    return { req: and(sets, this.minLiteral), exact: null, words, prefix, suffix };
  }

  private quantifier(): { min: number; max: number } {
    const c = this.src[this.pos];
    let min = 1;
    let max = 1;
    if (c === '?') [min, max] = [0, 1];
    else if (c === '*') [min, max] = [0, Infinity];
    else if (c === '+') [min, max] = [1, Infinity];
    else if (c === '{') {
      const m = /^\{(\d+)(?:(,)(\d*))?\}/.exec(this.src.slice(this.pos));
      if (m === null) return { min, max };
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === '' || m[3] === undefined ? Infinity : Number(m[3]);
      this.pos += m[0].length;
      if (this.src[this.pos] === '?') this.pos++;
      return { min, max };
    } else return { min, max };
    this.pos++;
    if (this.src[this.pos] === '?') this.pos++;
    return { min, max };
  }

  private atom(): Node {
    const c = this.src[this.pos];
    if (c === '(') {
      this.pos++;
      let lookaround = false;
      if (this.src.startsWith('?:', this.pos)) this.pos += 2;
      else if (this.src.startsWith('?=', this.pos) || this.src.startsWith('?!', this.pos)) {
        this.pos += 2;
        lookaround = true;
      } else if (this.src.startsWith('?<=', this.pos) || this.src.startsWith('?<!', this.pos)) {
        this.pos += 3;
        lookaround = true;
      }
      const inner = this.alternation();
      if (this.src[this.pos] !== ')') throw new Error('prefilter: unclosed group');
      this.pos++;
      return lookaround ? ZERO_WIDTH : inner;
    }
    if (c === '[') {
      const end = classEnd(this.src, this.pos);
      const words = classWords(this.src.slice(this.pos + 1, end));
      this.pos = end + 1;
      return words === null ? ANY : { ...ANY, words, prefix: words, suffix: words };
    }
    if (c === '\\') {
      const next = this.src[this.pos + 1] ?? '';
      if (next === 'p' || next === 'P') {
        const close = this.src.indexOf('}', this.pos);
        this.pos = close + 1;
        return ANY;
      }
      this.pos += 2;
      if ('bB'.includes(next)) return ZERO_WIDTH;
      if ('dDsSwWtnrfv'.includes(next) || /[0-9]/.test(next)) return ANY;
      // Other escaped letters stand for something else (\u0915, \x41, \cJ, \k<name>): not listed as strings.
      if (/[a-zA-Z]/.test(next)) return { ...ANY, exact: next };
      return literal(next);
    }
    if (c === '^' || c === '$') {
      this.pos++;
      return ZERO_WIDTH;
    }
    if (c === '.') {
      this.pos++;
      return ANY;
    }
    this.pos++;
    return literal(c ?? '');
  }
}

/** Most characters a class is listed as (a larger one, or a negated one, is any character). */
const MAX_CLASS = 16;

/**
 * The characters of a class `[…]` given its body (between the brackets), when it lists a few plainly: single
 * characters, escaped punctuation and short ranges. Null for a negated class, escapes such as \d or \s, or more.
 */
function classWords(body: string): Words {
  if (body.startsWith('^') || body.startsWith(']')) return null;
  const chars: string[] = [];
  for (let i = 0; i < body.length; i++) {
    let ch = body[i] ?? '';
    if (ch === '\\') {
      const next = body[i + 1] ?? '';
      if (/[a-zA-Z0-9]/.test(next) || next === '') return null;
      ch = next;
      i++;
    }
    if (body[i + 1] === '-' && i + 2 < body.length) {
      const to = body[i + 2] ?? '';
      if (to === '\\') return null;
      const from = ch.charCodeAt(0);
      const last = to.charCodeAt(0);
      if (last < from || last - from >= MAX_CLASS) return null;
      for (let code = from; code <= last; code++) chars.push(String.fromCharCode(code));
      i += 2;
    } else chars.push(ch);
    if (chars.length > MAX_CLASS) return null;
  }
  return chars.length === 0 ? null : new Set(chars);
}

/**
 * Sets of literals such that every match of `source` contains a literal of each set (at most three sets,
 * the most selective), or null when that cannot be worked out.
 */
export function requiredLiterals(source: string, minLiteral = MIN_LITERAL): ReadonlyArray<ReadonlySet<string>> | null {
  try {
    const node = new Parser(source, minLiteral).parse();
    if (node.exact !== null) return node.exact.length >= minLiteral ? [new Set([node.exact])] : null;
    return node.req;
  } catch {
    return null;
  }
}

/** Index of the `]` closing the class that opens at `open` (the parser's reading: a leading `^` or `]` is part of it). */
function classEnd(source: string, open: number): number {
  let i = open + 1;
  if (source[i] === '^') i++;
  if (source[i] === ']') i++;
  while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1;
  return i;
}

/** Whether `part` is one group `(?:…)` as a whole (its first parenthesis closes at its last character). */
function isWholeGroup(part: string): boolean {
  if (!part.startsWith('(?:')) return false;
  let depth = 0;
  for (let i = 0; i < part.length; i++) {
    const c = part[i];
    if (c === '\\') i++;
    else if (c === '[') i = classEnd(part, i);
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i === part.length - 1;
  }
  return false;
}

/**
 * The ways a pattern is written as: its top-level alternatives, and in turn those of an alternative that is
 * one group as a whole. A text matches the pattern exactly when it matches one of its ways.
 */
export function waysOf(source: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (c === '[') i = classEnd(source, i);
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      parts.push(source.slice(start, i));
      start = i + 1;
    }
  }
  if (depth !== 0) return [source];
  parts.push(source.slice(start));
  return parts.flatMap((part) => (isWholeGroup(part) ? waysOf(part.slice(3, -1)) : [part]));
}

/**
 * Code-unit ranges of the characters that make up words for the word edges phrases are matched between
 * (rules.ts: a phrase starts and ends where the text has none of them beside it).
 */
export const WORD_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x30, 0x39], [0x61, 0x7a], [0xaa, 0xaa], [0xb5, 0xb5], [0xba, 0xba], [0xc0, 0x24f], [0x250, 0x2af], [0x300, 0x36f], [0x370, 0x3ff],
  [0x400, 0x52f], [0x590, 0x8ff], [0x900, 0xdff], [0xe00, 0xfff], [0x1000, 0x1fff], [0x3040, 0x9fff], [0xac00, 0xd7af],
];

/** A character class body (no brackets) for `WORD_RANGES`. */
export const WORD_CLASS = WORD_RANGES.map(([from, to]) => (from === to ? hex(from) : `${hex(from)}-${hex(to)}`)).join('');

function hex(code: number): string {
  return `\\u${code.toString(16).padStart(4, '0')}`;
}

/** A code unit outside `WORD_RANGES` (no Unicode flag: one code unit at a time, as the phrases are matched). */
const NON_WORD = new RegExp(`[^${WORD_CLASS}]`, 'g');

function isWordUnit(code: number): boolean {
  for (const [from, to] of WORD_RANGES) if (code >= from && code <= to) return true;
  return false;
}

/**
 * In the literals `requiredLiteralsByWay` gives, a space stands for any character that is not a word
 * character, or the start or the end of the text: `LiteralIndex` built with `edges` reads them all as one.
 */
const EDGE = ' ';

/**
 * Literal sets from the word edges around a way: a match starts after an edge with one of the strings the
 * way's matches start with, and ends with one of those they end with, before an edge (" at ", " s", "die ").
 * Strings next to an edge are far more selective than the same letters anywhere ("at" in "that").
 */
function edgeLiterals(node: Node): Array<ReadonlySet<string>> {
  const edged = (words: Words, edge: (w: string) => string): Array<ReadonlySet<string>> =>
    words === null ? [] : [new Set([...words].map(edge))];
  if (node.words !== null && [...node.words].every((w) => w.length <= EDGE_SPAN)) return edged(node.words, (w) => `${EDGE}${w}${EDGE}`);
  return [...edged(node.prefix, (w) => `${EDGE}${w}`), ...edged(node.suffix, (w) => `${w}${EDGE}`)];
}

/** A way of a pattern (see `waysOf`) and the literal sets any match of it has a literal of each of. */
export interface Way {
  readonly source: string;
  readonly required: ReadonlyArray<ReadonlySet<string>>;
}

/**
 * The ways of a pattern (see `waysOf`) matched between word edges (rules.ts), each with its required literal
 * sets: any match of the way contains a literal of each set, where a space in a literal stands for any
 * character that is not a word character, or the start or end of the text (see `EDGE`). Null when some way
 * has none, even of two characters, and then the pattern is always tried. Finer than `requiredLiterals`,
 * which must join the ways of a list into one set: a rule listing many ways is tried only when one of them
 * has all its literals in the message.
 */
export function literalsByWay(source: string): Way[] | null {
  const ways: Way[] = [];
  for (const way of waysOf(source)) {
    let node: Node;
    try {
      node = new Parser(way, MIN_LITERAL, true).parse();
    } catch {
      return null;
    }
    const long = node.exact !== null ? (node.exact.length >= MIN_LITERAL ? [new Set([node.exact])] : []) : (node.req ?? []);
    const required = and([...long, ...edgeLiterals(node)], MIN_LITERAL) ?? requiredLiterals(way, MIN_SHORT_LITERAL);
    if (required === null) return null;
    ways.push({ source: way, required });
  }
  return ways;
}

/** The required literal sets of each way of a pattern (`literalsByWay`), or null. */
export function requiredLiteralsByWay(source: string): Array<ReadonlyArray<ReadonlySet<string>>> | null {
  return literalsByWay(source)?.map((way) => way.required) ?? null;
}

/** Numbers per state in `LiteralIndex.meta`. */
const META = 4;
/** States up to this depth get a full row of next states (see `LiteralIndex`). */
const DENSE_DEPTH = 2;

/**
 * Aho–Corasick over many literals: which of them occur in a text, in one pass, over UTF-16 code units.
 * `classOf` maps a code unit to its column (0: a character no literal contains). States are numbered
 * breadth first, so the children of a state are consecutive (each entered on column `label[child]`), and the
 * shallow states a text mostly visits come first: those up to `DENSE_DEPTH` deep (`dense` of them) have a full
 * row of next states in `delta`, failure links included, and the deeper ones follow their trie edges or their
 * failure link (see `next`). What a state needs is in one row of `meta` (`META` numbers a state, the next
 * state's row following): its first child and the end of its children, its failure state, and where its
 * literal ids start in `outIds` (they end where the next state's start). A text visits mostly deep states, so
 * one row read instead of one number from each of four arrays saves most of the memory traffic; the arrays are
 * 16-bit when the numbers fit.
 */
export class LiteralIndex {
  readonly classOf = new Uint8Array(0x10000);
  readonly columns: number;
  readonly dense: number;
  readonly delta: Uint16Array | Uint32Array;
  readonly label: Uint8Array;
  /** Per state `s`, at `META * s`: first child, end of its children, failure state, first literal id in `outIds`. */
  readonly meta: Uint16Array | Int32Array;
  readonly outIds: Uint16Array | Int32Array;

  /** Every character that is not a word character (`WORD_RANGES`) is read as this one column (see `edges`). */
  static readonly EDGE_COLUMN = 1;

  /**
   * `edges`: every character that is not a word character, in the text and in the literals, is read as one
   * (the column `EDGE_COLUMN`), so that a literal's space stands for any of them (see `requiredLiteralsByWay`);
   * a text is then scanned between two more of them, for its start and its end (`candidatesIn`).
   */
  constructor(given: readonly string[], edges = false) {
    // Columns: 0 for every character no literal contains, then one per distinct code unit (with `edges`, one
    // for all the characters that are not word characters, then one per distinct word character).
    let columns = 1;
    let literals = given;
    if (edges) {
      this.classOf.fill(LiteralIndex.EDGE_COLUMN);
      for (const [from, to] of WORD_RANGES) this.classOf.fill(0, from, to + 1);
      columns = LiteralIndex.EDGE_COLUMN + 1;
      // Literals that differ only in such characters are the same literal to the index (one path in the trie).
      literals = given.map((l) => l.replace(NON_WORD, EDGE));
    }
    for (const literal of literals) {
      for (let i = 0; i < literal.length; i++) {
        const code = literal.charCodeAt(i);
        if (this.classOf[code] === 0) {
          if (columns === 0x100) throw new Error('prefilter: more than 255 distinct literal characters');
          this.classOf[code] = columns++;
        }
      }
    }
    this.columns = columns;

    // The trie, built from the literals in sorted order (each shares its states with the previous one up to
    // their common prefix): per trie state, its first child, next sibling and the column leading to it, and
    // the literals ending there (`firstOwn`, then `nextOwn` by id).
    let size = 1;
    for (const literal of literals) size += literal.length;
    const firstChild = new Int32Array(size).fill(-1);
    const lastChild = new Int32Array(size).fill(-1);
    const nextSibling = new Int32Array(size).fill(-1);
    const columnOf = new Uint8Array(size);
    const firstOwn = new Int32Array(size).fill(-1);
    const lastOwn = new Int32Array(size).fill(-1);
    const nextOwn = new Int32Array(literals.length).fill(-1);
    const sorted = literals.map((_, id) => id).sort((a, b) => {
      const x = literals[a] ?? '';
      const y = literals[b] ?? '';
      return x < y ? -1 : x > y ? 1 : a - b;
    });
    const path = [0];
    let previous = '';
    let states = 1;
    for (const id of sorted) {
      const literal = literals[id] ?? '';
      let depth = 0;
      while (depth < literal.length && depth < previous.length && literal.charCodeAt(depth) === previous.charCodeAt(depth)) depth++;
      for (; depth < literal.length; depth++) {
        const parent = path[depth] ?? 0;
        const state = states++;
        columnOf[state] = this.classOf[literal.charCodeAt(depth)];
        if (lastChild[parent] === -1) firstChild[parent] = state;
        else nextSibling[lastChild[parent]] = state;
        lastChild[parent] = state;
        path[depth + 1] = state;
      }
      const end = path[literal.length] ?? 0;
      if (lastOwn[end] === -1) firstOwn[end] = id;
      else nextOwn[lastOwn[end]] = id;
      lastOwn[end] = id;
      previous = literal;
    }

    // Breadth-first numbering: `order[n]` is the trie state numbered n; children, labels and depths by number.
    const order = new Int32Array(states);
    const depthOf = new Int32Array(states);
    const meta = new Int32Array(META * (states + 1));
    this.meta = meta;
    this.label = new Uint8Array(states);
    let tail = 1;
    let dense = 1;
    for (let head = 0; head < states; head++) {
      meta[META * head] = tail;
      for (let t = firstChild[order[head]]; t !== -1; t = nextSibling[t]) {
        this.label[tail] = columnOf[t];
        depthOf[tail] = depthOf[head] + 1;
        if (depthOf[tail] <= DENSE_DEPTH) dense = tail + 1;
        order[tail++] = t;
      }
      meta[META * head + 1] = tail;
    }
    this.dense = dense;

    // Failure links, dense rows and outputs, breadth first (a failure state is shallower, so already done):
    // a child's failure state is where its parent's failure state goes on the same column (the root for the
    // root's children); a dense row is its failure state's row but for its own children; a state's outputs
    // are its own literals, then its failure state's.
    this.delta = states <= 0x10000 ? new Uint16Array(dense * columns) : new Uint32Array(dense * columns);
    const outIds: number[] = [];
    for (let s = 0; s < states; s++) {
      const f = meta[META * s + 2];
      if (s > 0 && s < dense) this.delta.set(this.delta.subarray(f * columns, f * columns + columns), s * columns);
      for (let child = meta[META * s], end = meta[META * s + 1]; child < end; child++) {
        const column = this.label[child];
        meta[META * child + 2] = s === 0 ? 0 : this.next(f, column);
        if (s < dense) this.delta[s * columns + column] = child;
      }
      meta[META * s + 3] = outIds.length;
      for (let id = firstOwn[order[s]]; id !== -1; id = nextOwn[id]) outIds.push(id);
      if (s > 0) for (let k = meta[META * f + 3], end = meta[META * f + 3 + META]; k < end; k++) outIds.push(outIds[k] ?? 0);
      // (the failure state's outputs end where the next state's start: f < s, so that row is written)
    }
    meta[META * states + 3] = outIds.length;
    const narrow = states < 0x10000 && outIds.length < 0x10000;
    this.meta = narrow ? Uint16Array.from(meta) : meta;
    this.outIds = literals.length < 0x10000 ? Uint16Array.from(outIds) : Int32Array.from(outIds);
  }

  /** The state after `state` on a character of column `column`. */
  next(state: number, column: number): number {
    if (column === 0) return 0;
    const { meta, label } = this;
    let s = state;
    while (s >= this.dense) {
      const row = META * s;
      for (let child = meta[row], end = meta[row + 1]; child < end; child++) {
        if (label[child] === column) return child;
      }
      s = meta[row + 2];
    }
    return this.delta[s * this.columns + column];
  }

  /** Calls `found` with the id of every literal occurring in `text` (possibly more than once). */
  scan(text: string, found: (id: number) => void): void {
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      state = this.next(state, this.classOf[text.charCodeAt(i)]);
      for (let k = this.meta[META * state + 3], end = this.meta[META * state + 3 + META]; k < end; k++) found(this.outIds[k]);
    }
  }
}

/**
 * Every literal of every compiled phrase set, with one id each, and for each literal the ways of phrases that
 * need it (way, bit of the way's literal sets), so that one pass over a message finds the phrases worth trying
 * in every set at once (`candidatesIn`). Registered at load; the index is built on first use.
 */
const registry = new Map<string, number>();
/** By literal id: entries `way << 3 | bit` (the way's global index; the bit of its literal set, at most three sets). */
const postings: number[][] = [];
/** By global way index: its phrase (global index) and the mask of all its literal sets. */
const wayPhrase: number[] = [];
const wayFull: number[] = [];
/** By global phrase index: its set and its index in the set. */
const phraseSet: number[] = [];
const phraseIndex: number[] = [];
const setOffsets: number[] = [];
/** Phrases per set (by set id), to size the result of `candidatesIn`. */
const setSizes: number[] = [];
let built: LiteralIndex | null = null;

// Built with the index, for `candidatesIn`. What one message touches is packed together (memory it reads
// at random, once per literal, way or phrase found, is most of its cost): `postings` flattened (literal id's
// entries one after another, from where `literalData` says); per way, eight numbers
// `[stamp, met, full, phrase, last0, last1, last2, -]` (`lastN`: the last start in the text of a literal of its
// set N); per phrase, four `[stamp, set, index, slot]`. A literal, way or phrase is "seen" in the current call
// when its stamp equals the call's generation (no clearing, no allocation per message).
let postingEntries = new Int32Array(0);
/**
 * By literal id, at `LITERAL * id`: its stamp; where it last starts in the current text (valid when its stamp
 * is current); its length, less one when it starts with an edge (a space; see `EDGE`: the position after
 * which it ends, less this, is the first a match containing it, or for a leading edge starting after it,
 * can start at); and where its entries start in `postingEntries` (they end where the next literal's start).
 */
let literalData = new Int32Array(0);
const LITERAL = 4;
let wayData = new Int32Array(0);
let phraseData = new Int32Array(0);
/** The literals found in the current text (their rows in `literalData`), each once, in the order first found. */
let foundLiterals = new Int32Array(0);
let touched = new Int32Array(0);
let generation = 0;
const WAY_STRIDE = 8;
const WAY_LAST = 4;
const PHRASE_STRIDE = 4;

/**
 * The phrases worth trying in each registered set (by set id): `phrases[set][0 .. count[set])`, and for each,
 * `last[set][k]`, the last position a match of it can start at: every match contains a literal of each literal
 * set of one of its ways, so none starts after the last start of those literals (a phrase matched there need
 * not be tried again further on). One object, overwritten by every call of `candidatesIn`.
 */
export interface Candidates {
  readonly phrases: readonly Int32Array[];
  readonly last: readonly Int32Array[];
  /**
   * `way[set][k]`: the one way of phrase k whose literals all occur (the number `addWay` gave), or -1 when
   * more than one does: a phrase's other ways cannot match, so that way alone can be tried in its place.
   */
  readonly way: readonly Int32Array[];
  readonly count: Int32Array;
}
let candidates: Candidates = { phrases: [], last: [], way: [], count: new Int32Array(0) };

/** Registers a phrase set of `size` phrases; returns its id. */
export function registerSet(size: number): number {
  const set = setOffsets.length;
  setOffsets.push(phraseSet.length);
  setSizes.push(size);
  for (let i = 0; i < size; i++) {
    phraseSet.push(set);
    phraseIndex.push(i);
  }
  return set;
}

/**
 * Phrase `phrase` of set `set` is worth trying when a literal of each of `required` occurs (one of its ways).
 * Returns the way's number (`Candidates.way`), counted over every set.
 */
export function addWay(set: number, phrase: number, required: ReadonlyArray<ReadonlySet<string>>): number {
  if (required.length > MAX_SETS) throw new Error('prefilter: too many literal sets');
  const way = wayPhrase.length;
  wayPhrase.push((setOffsets[set] ?? 0) + phrase);
  wayFull.push((1 << required.length) - 1);
  required.forEach((literals, bit) => {
    for (const literal of literals) {
      let id = registry.get(literal);
      if (id === undefined) {
        built = null; // a set compiled after the first screening (tests): the index is rebuilt on next use
        id = registry.size;
        registry.set(literal, id);
        postings.push([]);
      }
      postings[id]?.push((way << 3) | (1 << bit));
    }
  });
  return way;
}

function build(): LiteralIndex {
  const literals = [...registry.keys()];
  const index = new LiteralIndex(literals, true);
  const postingStart = new Int32Array(postings.length + 1);
  let total = 0;
  postings.forEach((p, id) => {
    postingStart[id] = total;
    total += p.length;
  });
  postingStart[postings.length] = total;
  postingEntries = new Int32Array(total);
  postings.forEach((p, id) => postingEntries.set(p, postingStart[id]));
  literalData = new Int32Array(LITERAL * (literals.length + 1));
  literals.forEach((l, id) => {
    literalData[LITERAL * id + 2] = l.length - (l.length > 0 && !isWordUnit(l.charCodeAt(0)) ? 1 : 0);
    literalData[LITERAL * id + 3] = postingStart[id];
  });
  literalData[LITERAL * literals.length + 3] = total;
  wayData = new Int32Array(WAY_STRIDE * wayPhrase.length);
  wayPhrase.forEach((phrase, way) => {
    wayData[WAY_STRIDE * way + 2] = wayFull[way] ?? 0;
    wayData[WAY_STRIDE * way + 3] = phrase;
  });
  phraseData = new Int32Array(PHRASE_STRIDE * phraseSet.length);
  phraseSet.forEach((set, phrase) => {
    phraseData[PHRASE_STRIDE * phrase + 1] = set;
    phraseData[PHRASE_STRIDE * phrase + 2] = phraseIndex[phrase] ?? 0;
  });
  foundLiterals = new Int32Array(registry.size);
  touched = new Int32Array(wayPhrase.length);
  candidates = {
    phrases: setSizes.map((size) => new Int32Array(size)),
    last: setSizes.map((size) => new Int32Array(size)),
    way: setSizes.map((size) => new Int32Array(size)),
    count: new Int32Array(setSizes.length),
  };
  generation = 0;
  return index;
}

/**
 * For each registered set, the phrases with every literal set of one of their ways in `text` (see
 * `Candidates`; valid until the next call).
 */
export function candidatesIn(text: string): Candidates {
  if (built === null || generation === 0x7fffffff) built = build(); // (a fresh build also restarts the stamps)
  const index = built;
  const { classOf, meta, outIds } = index;
  const gen = ++generation;
  // One pass over the text, between an edge for its start and one for its end (positions -1 and n): the
  // literals that occur, and where each last starts.
  let found = 0;
  let state = 0;
  const n = text.length;
  for (let i = -1; i <= n; i++) {
    state = index.next(state, i >= 0 && i < n ? classOf[text.charCodeAt(i)] : LiteralIndex.EDGE_COLUMN);
    for (let k = meta[META * state + 3], end = meta[META * state + 3 + META]; k < end; k++) {
      const at = LITERAL * outIds[k];
      literalData[at + 1] = i + 1 - literalData[at + 2];
      if (literalData[at] === gen) continue;
      literalData[at] = gen;
      foundLiterals[found++] = at;
    }
  }
  // The ways those literals are in: which of their literal sets are met, and where each set's literals last start.
  let count = 0;
  for (let f = 0; f < found; f++) {
    const row = foundLiterals[f];
    const at = literalData[row + 1];
    for (let p = literalData[row + 3], pEnd = literalData[row + 3 + LITERAL]; p < pEnd; p++) {
      const entry = postingEntries[p];
      const w = WAY_STRIDE * (entry >>> 3);
      if (wayData[w] !== gen) {
        wayData[w] = gen;
        wayData[w + 1] = 0;
        wayData[w + WAY_LAST] = -1;
        wayData[w + WAY_LAST + 1] = -1;
        wayData[w + WAY_LAST + 2] = -1;
        touched[count++] = w;
      }
      const bit = entry & 7;
      wayData[w + 1] |= bit;
      const last = w + WAY_LAST + (bit >>> 1);
      if (at > wayData[last]) wayData[last] = at;
    }
  }
  const { phrases, last: lasts, way: ways, count: listed } = candidates;
  listed.fill(0);
  for (let t = 0; t < count; t++) {
    const w = touched[t];
    const full = wayData[w + 2];
    if (wayData[w + 1] !== full) continue;
    // The way's last possible start: the earliest of its sets' last literal starts.
    let last = wayData[w + WAY_LAST];
    if (full & 2 && wayData[w + WAY_LAST + 1] < last) last = wayData[w + WAY_LAST + 1];
    if (full & 4 && wayData[w + WAY_LAST + 2] < last) last = wayData[w + WAY_LAST + 2];
    const ph = PHRASE_STRIDE * wayData[w + 3];
    const set = phraseData[ph + 1];
    if (phraseData[ph] === gen) {
      // Another of the phrase's ways: the phrase can start as late as the latest of them, and is tried whole.
      const slot = phraseData[ph + 3];
      if (last > lasts[set][slot]) lasts[set][slot] = last;
      ways[set][slot] = -1;
      continue;
    }
    phraseData[ph] = gen;
    const slot = listed[set]++;
    phraseData[ph + 3] = slot;
    phrases[set][slot] = phraseData[ph + 2];
    lasts[set][slot] = last;
    ways[set][slot] = w / WAY_STRIDE;
  }
  return candidates;
}
