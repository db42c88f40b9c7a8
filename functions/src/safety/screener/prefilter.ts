/**
 * A literal prefilter for the lexicon's regular expressions, so that a message is matched only against the
 * phrases that could match it. For every phrase, `requiredLiterals` works out from the pattern source up to
 * three sets of literal strings such that any text the pattern matches contains a literal of each set (or
 * `null` when it cannot tell, and the phrase is always tried). `LiteralIndex` finds, in one pass over a
 * message (Aho–Corasick), every literal that occurs, and `candidatesIn` turns that into the phrases worth
 * trying in every registered set. Built once at load; a message leaves no state behind.
 */

/** The shortest literal worth indexing: shorter ones ("i", "to") occur in almost every message. */
const MIN_LITERAL = 3;

/** Conjunction of disjunctions: every set must have one of its literals in the text. Null: no requirement. */
type Req = ReadonlyArray<ReadonlySet<string>> | null;

interface Node {
  /** Literal sets, one literal of each of which occurs in any match (null: no requirement known). */
  readonly req: Req;
  /** The node matches exactly this literal and nothing else (used to join neighbouring literals). */
  readonly exact: string | null;
}

const ANY: Node = { req: null, exact: null };

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

function and(sets: Array<ReadonlySet<string>>): Req {
  const useful = sets.filter((set) => strength(set) >= MIN_LITERAL);
  if (useful.length === 0) return null;
  useful.sort((a, b) => strength(b) - strength(a) || a.size - b.size);
  return useful.slice(0, MAX_SETS);
}

class Parser {
  private pos = 0;

  constructor(private readonly src: string) {}

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
    const union = new Set<string>();
    for (const a of alternatives) {
      const literals = a.exact !== null ? (a.exact.length > 0 ? new Set([a.exact]) : null) : strongest(a.req);
      if (literals === null || strength(literals) < MIN_LITERAL) return ANY;
      for (const l of literals) union.add(l);
    }
    return { req: [union], exact: null };
  }

  private sequence(): Node {
    const sets: Array<ReadonlySet<string>> = [];
    let run = '';
    let exact = true;
    const flush = (): void => {
      if (run.length > 0) sets.push(new Set([run]));
      run = '';
    };
    while (this.pos < this.src.length && this.src[this.pos] !== '|' && this.src[this.pos] !== ')') {
      const atom = this.atom();
      const { min, max } = this.quantifier();
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
    if (exact) return { req: run.length > 0 ? [new Set([run])] : null, exact: run };
    flush();
    return { req: and(sets), exact: null };
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
      return lookaround ? { req: null, exact: '' } : inner;
    }
    if (c === '[') {
      this.pos++;
      if (this.src[this.pos] === '^') this.pos++;
      if (this.src[this.pos] === ']') this.pos++;
      while (this.pos < this.src.length && this.src[this.pos] !== ']') this.pos += this.src[this.pos] === '\\' ? 2 : 1;
      this.pos++;
      return ANY;
    }
    if (c === '\\') {
      const next = this.src[this.pos + 1] ?? '';
      if (next === 'p' || next === 'P') {
        const close = this.src.indexOf('}', this.pos);
        this.pos = close + 1;
        return ANY;
      }
      this.pos += 2;
      if ('bB'.includes(next)) return { req: null, exact: '' };
      if ('dDsSwWtnrfv'.includes(next) || /[0-9]/.test(next)) return ANY;
      return { req: null, exact: next };
    }
    if (c === '^' || c === '$') {
      this.pos++;
      return { req: null, exact: '' };
    }
    if (c === '.') {
      this.pos++;
      return ANY;
    }
    this.pos++;
    return { req: null, exact: c ?? '' };
  }
}

/**
 * Sets of literals such that every match of `source` contains a literal of each set (at most three sets,
 * the most selective), or null when that cannot be worked out.
 */
export function requiredLiterals(source: string): ReadonlyArray<ReadonlySet<string>> | null {
  try {
    const node = new Parser(source).parse();
    if (node.exact !== null) return node.exact.length >= MIN_LITERAL ? [new Set([node.exact])] : null;
    return node.req;
  } catch {
    return null;
  }
}

/** Aho–Corasick over many literals: which of them occur in a text, in one pass. */
export class LiteralIndex {
  private readonly goto: Array<Map<string, number>> = [new Map()];
  private readonly fail: number[] = [0];
  private readonly out: number[][] = [[]];

  constructor(literals: readonly string[]) {
    literals.forEach((literal, id) => {
      let state = 0;
      for (const ch of literal) {
        let next = this.goto[state]?.get(ch);
        if (next === undefined) {
          next = this.goto.length;
          this.goto.push(new Map());
          this.fail.push(0);
          this.out.push([]);
          this.goto[state]?.set(ch, next);
        }
        state = next;
      }
      this.out[state]?.push(id);
    });
    const queue: number[] = [];
    for (const s of this.goto[0]?.values() ?? []) queue.push(s);
    for (let i = 0; i < queue.length; i++) {
      const r = queue[i] ?? 0;
      for (const [ch, s] of this.goto[r] ?? []) {
        queue.push(s);
        let f = this.fail[r] ?? 0;
        while (f !== 0 && !(this.goto[f]?.has(ch) ?? false)) f = this.fail[f] ?? 0;
        const target = this.goto[f]?.get(ch);
        this.fail[s] = target !== undefined && target !== s ? target : 0;
        this.out[s]?.push(...(this.out[this.fail[s] ?? 0] ?? []));
      }
    }
  }

  /** Calls `found` with the id of every literal occurring in `text` (possibly more than once). */
  scan(text: string, found: (id: number) => void): void {
    let state = 0;
    for (const ch of text) {
      while (state !== 0 && !(this.goto[state]?.has(ch) ?? false)) state = this.fail[state] ?? 0;
      state = this.goto[state]?.get(ch) ?? 0;
      const out = this.out[state];
      if (out !== undefined) for (const id of out) found(id);
    }
  }
}

/**
 * Every literal of every compiled phrase set, with one id each, and for each literal the phrases that need
 * it (set, phrase, bit of the phrase's literal sets), so that one pass over a message finds the phrases
 * worth trying in every set at once (`candidatesIn`). Built at load; the index on first use.
 */
const registry = new Map<string, number>();
/** By literal id: pairs [global phrase index, bit]. */
const postings: number[][] = [];
/** By global phrase index: its set, its index in the set, and the mask of all its literal sets. */
const phraseSet: number[] = [];
const phraseIndex: number[] = [];
const phraseFull: number[] = [];
const setOffsets: number[] = [];
let built: LiteralIndex | null = null;
// Scratch state reused by every call (no allocation per message): a literal or phrase is "seen" in the
// current call when its stamp equals the call's generation.
let generation = 0;
let literalStamp = new Int32Array(0);
let phraseStamp = new Int32Array(0);
let phraseMet = new Int32Array(0);

/** Registers a phrase set; `full[i]` is the bit mask of phrase i's literal sets (0: no literal needed). */
export function registerSet(full: readonly number[]): number {
  const set = setOffsets.length;
  setOffsets.push(phraseFull.length);
  full.forEach((mask, i) => {
    phraseSet.push(set);
    phraseIndex.push(i);
    phraseFull.push(mask);
  });
  return set;
}

/** Phrase `rule` of set `set` needs `literal` (or another literal of the same set, bit `bit`). */
export function addPosting(literal: string, set: number, rule: number, bit: number): void {
  let id = registry.get(literal);
  if (id === undefined) {
    built = null; // a set compiled after the first screening (tests): the index is rebuilt on next use
    id = registry.size;
    registry.set(literal, id);
    postings.push([]);
  }
  postings[id]?.push((setOffsets[set] ?? 0) + rule, bit);
}

/** For each registered set that has any, the phrases whose every literal set occurs in `text`. */
export function candidatesIn(text: string): Map<number, number[]> {
  if (built === null) {
    built = new LiteralIndex([...registry.keys()]);
    literalStamp = new Int32Array(registry.size);
    phraseStamp = new Int32Array(phraseFull.length);
    phraseMet = new Int32Array(phraseFull.length);
    generation = 0;
  }
  const gen = ++generation;
  const touched: number[] = [];
  built.scan(text, (id) => {
    if (literalStamp[id] === gen) return;
    literalStamp[id] = gen;
    const p = postings[id];
    if (p === undefined) return;
    for (let k = 0; k + 1 < p.length; k += 2) {
      const phrase = p[k] ?? 0;
      if (phraseStamp[phrase] !== gen) {
        phraseStamp[phrase] = gen;
        phraseMet[phrase] = 0;
        touched.push(phrase);
      }
      phraseMet[phrase] = (phraseMet[phrase] ?? 0) | (p[k + 1] ?? 0);
    }
  });
  const out = new Map<number, number[]>();
  for (const phrase of touched) {
    if (phraseMet[phrase] !== phraseFull[phrase]) continue;
    const set = phraseSet[phrase] ?? 0;
    const rule = phraseIndex[phrase] ?? 0;
    const list = out.get(set);
    if (list === undefined) out.set(set, [rule]);
    else list.push(rule);
  }
  return out;
}
