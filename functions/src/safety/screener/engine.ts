/**
 * The deterministic screener: normalise, scan the compiled lexicon, apply scope rules, combine.
 * Scope rules, in order: idioms and study of the topic mask the phrases they cover; negation windows;
 * whose words (me, someone else, "you", people in general); fiction, songs and games; past and recovery
 * framing (unless the sentence says it is back; past abuse, ragging and threats still count); laughter (dark humour, unless the message insists it is
 * serious); everyday context for ropes, pills and rooftops. Then, per person: intent with a plan, method,
 * means, method search or time, the means with a plan, or an act under way, is imminent (desire + plan + means + time, the way
 * crisis services define imminent risk), and so is a method stated with a time, the means or a future verb;
 * third-party reports are flagged and at least moderate (high with the other person's own words of a death wish,
 * their self-harm or method seeking). The broad layer (lexicon/bag.ts, `combineCues`) reads
 * single-word cues the same way and can only raise the verdict. A literal prefilter (prefilter.ts) decides
 * which phrases a message is matched against. See README.md for the figures.
 * Pure: no I/O, no network, no clock; the same text always gives the same result.
 */
import { maxRisk, riskAtLeast, riskRank, type RiskLevel } from '../../model/schemas';
import { CONCEPTS, REASON_ORDER, type Concept, type Role } from './concepts';
import { BAG_PARTS } from './lexicon/bag';
import { EN, EN_BROAD } from './lexicon/en';
import { HI, HI_BROAD } from './lexicon/hi';
import { HI_LATN, HI_LATN_BROAD } from './lexicon/hi-latn';
import { NE, NE_BROAD } from './lexicon/ne';
import { NE_LATN, NE_LATN_BROAD } from './lexicon/ne-latn';
import { foldDevanagari, normalize } from './normalize';
import { candidatesIn, type Candidates } from './prefilter';
import { learnedVerdict, type LearnedVerdict } from './learned';
import { compileLexicon, matchedIndex, wayRegExp, type Compiled, type Frame, type FrameKind, type Rule, type RuleGroup } from './rules';
import {
  DEVANAGARI_BIT,
  EDGE_AFTER,
  EDGE_BEFORE,
  ENGLISH_BIT,
  HINDI_DEVA,
  HINGLISH_BIT,
  LANGUAGE_ORDER,
  LATIN_BIT,
  NEG_AFTER,
  NEG_AFTER_CUE,
  NEG_BEFORE,
  NEG_INSIDE,
  NEPALI_DEVA,
  NEPALI_LATN_BIT,
  scriptMarkers,
  PERSON,
  SPEAKERS,
  type ScreenLanguage,
  type Speaker,
} from './scope';

export type { ScreenLanguage } from './scope';

export interface ScreenResult {
  readonly level: RiskLevel;
  /** Stable reason codes (see concepts.ts); never text from the message. */
  readonly reasons: string[];
  /** The concern is about someone else (a friend, a roommate…). */
  readonly thirdParty: boolean;
  /** Someone else is the one in danger and the writer's own words are not a crisis: Bestie speaks to a helper. */
  readonly aboutSomeoneElse: boolean;
  /** Languages the message appears to be written in. */
  readonly languages: ScreenLanguage[];
}

/** Every language's own phrases first, then the broad generalisation rules (a specific phrase at a position wins). */
const LEXICON = compileLexicon([EN, HI_LATN, HI, NE, NE_LATN, EN_BROAD, HI_LATN_BROAD, HI_BROAD, NE_BROAD, NE_LATN_BROAD]);
/** The broad layer's cues (lexicon/bag.ts), compiled apart so that they never hide a phrase; every cue at a position counts. */
const BAG = compileLexicon(BAG_PARTS);
const GROUPS: readonly RuleGroup[] = ['risk', 'mood', 'time'];
/** The compiled phrases of each script, tried when the message has a letter of it (`scriptMarkers`: LATIN, DEVANAGARI). */
const SCRIPTS = [
  { script: LATIN_BIT, groups: LEXICON.latin, bag: BAG.latin, frames: LEXICON.latinFrames },
  { script: DEVANAGARI_BIT, groups: LEXICON.devanagari, bag: BAG.devanagari, frames: LEXICON.devanagariFrames },
] as const;
const MAX_REASONS = 20;

interface Span<T> {
  readonly start: number;
  readonly end: number;
  readonly item: T;
}

type RuleSpan = Span<Rule> & { readonly group: RuleGroup };

const frameSpan = (start: number, end: number, item: Frame): Span<Frame> => ({ start, end, item });
const RULE_SPAN: Readonly<Record<RuleGroup, (start: number, end: number, item: Rule) => RuleSpan>> = {
  risk: (start, end, item) => ({ start, end, item, group: 'risk' }),
  mood: (start, end, item) => ({ start, end, item, group: 'mood' }),
  time: (start, end, item) => ({ start, end, item, group: 'time' }),
};

interface Hit {
  readonly start: number;
  readonly end: number;
  readonly rule: Rule | null;
  concepts: readonly Concept[];
  readonly person: 'self' | 'other';
  readonly group: RuleGroup;
  readonly clauseStart: number;
  readonly clauseEnd: number;
  readonly sentenceStart: number;
}

// Scratch arrays reused by every message (no allocation per phrase tried): `eachCandidate` writes its
// matches here.
const matchPhrase: number[] = [];
const matchStart: number[] = [];
const matchEnd: number[] = [];
/** Match numbers (indices into the arrays above) in position order, then lexicon order (`sortMatches`). */
const matchOrder: number[] = [];

/** Match `a` comes before match `b`: by start, then by phrase (lexicon order). */
function matchBefore(a: number, b: number): boolean {
  const sa = matchStart[a] ?? 0;
  const sb = matchStart[b] ?? 0;
  return sa < sb || (sa === sb && (matchPhrase[a] ?? 0) < (matchPhrase[b] ?? 0));
}

/** Puts matches `0 .. count` in order into `matchOrder`: insertion sort, which allocates nothing, for the usual few. */
function sortMatches(count: number): void {
  matchOrder.length = 0;
  for (let k = 0; k < count; k++) matchOrder.push(k);
  if (count > 32) {
    matchOrder.sort((a, b) => (matchBefore(a, b) ? -1 : matchBefore(b, a) ? 1 : 0));
    return;
  }
  for (let k = 1; k < count; k++) {
    const m = matchOrder[k] ?? 0;
    let j = k - 1;
    for (; j >= 0 && matchBefore(m, matchOrder[j] ?? 0); j--) matchOrder[j + 1] = matchOrder[j] ?? 0;
    matchOrder[j + 1] = m;
  }
}

/**
 * Every phrase found, overlapping ones included: at each position, the first phrase in lexicon order that
 * matches there. Spans come out in position order.
 */
function scan<T, S extends Span<T>>(compiled: Compiled<T>, text: string, out: S[], literals: Candidates, span: (start: number, end: number, item: T) => S): void {
  const count = eachCandidate(compiled, text, literals);
  if (count === 0) return;
  sortMatches(count);
  // In order, the first match at each start is the first phrase in lexicon order there.
  let previous = -1;
  for (const k of matchOrder) {
    const start = matchStart[k] ?? 0;
    if (start === previous) continue;
    previous = start;
    const item = compiled.items[matchPhrase[k] ?? 0];
    if (item !== undefined) out.push(span(start, matchEnd[k] ?? 0, item));
  }
}

/**
 * Every match of every phrase, several at one position included (the broad layer's cues), in position order
 * (then lexicon order).
 */
function scanAll<T, S extends Span<T>>(compiled: Compiled<T>, text: string, out: S[], literals: Candidates, span: (start: number, end: number, item: T) => S): void {
  const count = eachCandidate(compiled, text, literals);
  if (count === 0) return;
  sortMatches(count);
  for (const k of matchOrder) {
    const item = compiled.items[matchPhrase[k] ?? 0];
    if (item !== undefined) out.push(span(matchStart[k] ?? 0, matchEnd[k] ?? 0, item));
  }
}

/**
 * Runs the phrases the literal prefilter leaves (those with a required literal in the message, and those
 * with none known), one RegExp each, resuming one character after each match (unless the prefilter knows that
 * no match of the phrase starts further on). The matches are left in the scratch arrays `matchPhrase`,
 * `matchStart` and `matchEnd`, in the order found; returns their count.
 */
function eachCandidate<T>(compiled: Compiled<T>, text: string, literals: Candidates): number {
  const count = runPhrases(compiled.res, compiled.always, compiled.always.length, null, text, 0);
  const listed = literals.phrases[compiled.set];
  const last = literals.last[compiled.set];
  const ways = literals.way[compiled.set];
  if (listed === undefined || last === undefined || ways === undefined) return count;
  return runPhrases(compiled.res, listed, literals.count[compiled.set] ?? 0, { last, ways }, text, count);
}

/** What the prefilter knows of the phrases it lists (see `Candidates`): how far on each can start, and its one possible way. */
interface Listed {
  readonly last: ArrayLike<number>;
  readonly ways: ArrayLike<number>;
}

/**
 * Runs phrases `tried[0 .. tries)`, adding their matches to the scratch arrays from index `count`; returns the
 * new count. With `listed` (the prefilter's), phrase `tried[k]` can start no further on than `last[k]`, and is
 * tried as its one possible way when `ways[k]` names one.
 */
function runPhrases(res: readonly RegExp[], tried: ArrayLike<number>, tries: number, listed: Listed | null, text: string, count: number): number {
  let n = count;
  for (let k = 0; k < tries; k++) {
    const i = tried[k] ?? -1;
    const way = listed === null ? -1 : (listed.ways[k] ?? -1);
    const re = way >= 0 ? wayRegExp(way) : res[i];
    if (re === undefined) continue;
    const lastStart = listed === null ? text.length : (listed.last[k] ?? text.length);
    re.lastIndex = 0;
    let match: RegExpExecArray | null;
    while ((match = re.exec(text)) !== null) {
      matchPhrase[n] = i;
      matchStart[n] = match.index;
      matchEnd[n] = match.index + match[0].length;
      n++;
      if (match.index >= lastStart) break;
      re.lastIndex = match.index + 1;
    }
  }
  return n;
}

function sentenceStartOf(text: string, pos: number): number {
  return Math.max(text.lastIndexOf('.', pos - 1), text.lastIndexOf('?', pos - 1)) + 1;
}

function sentenceEndOf(text: string, pos: number): number {
  const dot = text.indexOf('.', pos);
  const q = text.indexOf('?', pos);
  if (dot < 0) return q < 0 ? text.length : q;
  return q < 0 ? dot : Math.min(dot, q);
}

function clauseStartOf(text: string, pos: number, sentenceStart: number): number {
  return Math.max(sentenceStart, text.lastIndexOf(',', pos - 1) + 1);
}

function clauseEndOf(text: string, pos: number, sentenceEnd: number): number {
  const comma = text.indexOf(',', pos);
  return comma >= 0 && comma < sentenceEnd ? comma : sentenceEnd;
}

function isNegated(text: string, start: number, end: number, rule: Rule, clauseStart: number, clauseEnd: number): boolean {
  // A negator needs a word: nothing before the phrase in its clause negates nothing.
  if (start > clauseStart && NEG_BEFORE.test(text.slice(clauseStart, start))) return true;
  const after = text.slice(end, Math.min(clauseEnd, end + 48));
  // English phrases are negated before them, and after them only by a Hindi or Nepali negator ("suicidal haina");
  // broad cues, being single words, by any negator inside or up to two words after (code-mixed: "suicide nahi karunga").
  const cue = isCue(rule);
  if (rule.lang === 'en' && !cue) return NEG_AFTER.test(after);
  if (NEG_INSIDE.test(text.slice(start, end))) return true;
  return (cue ? NEG_AFTER_CUE : NEG_AFTER).test(after);
}

/** Person markers read from one sentence start on: where each is, whose it is, and where reading resumes (-1: done). */
interface Reading {
  from: number;
  next: number;
  readonly at: number[];
  readonly speakers: Speaker[];
}

/**
 * The person markers of the message being screened, read from a sentence start on as far as a phrase needs
 * (`PERSON` resumed where it stopped): the phrases of a sentence share one reading instead of each scanning
 * the sentence again. Readings are reused from message to message.
 */
class PersonMarkers {
  private text = '';
  private readonly readings: Reading[] = [];
  private used = 0;

  /** Starts on a new message. */
  reset(text: string): void {
    this.text = text;
    this.used = 0;
  }

  /** Whose words: the last person marker before the phrase in its sentence, else the first inside it. */
  speakerOf(start: number, end: number, sentenceStart: number): Speaker {
    return this.markerOf(start, end, sentenceStart) ?? 'self';
  }

  /** The person marker `speakerOf` goes by; null when the sentence names no one before or in the phrase. */
  markerOf(start: number, end: number, sentenceStart: number): Speaker | null {
    const reading = this.readingFrom(sentenceStart);
    let last: Speaker | null = null;
    for (let k = 0; k < reading.at.length || this.read(reading); k++) {
      const speaker = reading.speakers[k] ?? 'self';
      if ((reading.at[k] ?? 0) >= start) {
        if (last === null && (reading.at[k] ?? 0) < end) last = speaker;
        break;
      }
      last = speaker;
    }
    return last;
  }

  private readingFrom(from: number): Reading {
    for (let r = 0; r < this.used; r++) {
      const reading = this.readings[r];
      if (reading !== undefined && reading.from === from) return reading;
    }
    let reading = this.readings[this.used];
    if (reading === undefined) {
      reading = { from, next: from, at: [], speakers: [] };
      this.readings.push(reading);
    }
    this.used++;
    reading.from = from;
    reading.next = from;
    reading.at.length = 0;
    reading.speakers.length = 0;
    return reading;
  }

  /** Reads the next marker; false when there is none. */
  private read(reading: Reading): boolean {
    if (reading.next < 0) return false;
    PERSON.lastIndex = reading.next;
    const match = PERSON.exec(this.text);
    if (match === null) {
      reading.next = -1;
      return false;
    }
    reading.next = PERSON.lastIndex;
    reading.at.push(match.index);
    reading.speakers.push(SPEAKERS[matchedIndex(match)] ?? 'self');
    return true;
  }
}

const PERSONS = new PersonMarkers();

function insideQuotes(text: string, from: number, to: number): boolean {
  let quotes = 0;
  for (let i = text.indexOf('"', from); i >= 0 && i < to; i = text.indexOf('"', i + 1)) quotes++;
  return quotes % 2 === 1;
}

/** One bit per frame kind, so that the kinds a message has are one number. */
const FRAME_BIT: Readonly<Record<FrameKind, number>> = {
  idiom: 1,
  education: 2,
  fiction: 4,
  fictionMessage: 8,
  recovery: 16,
  relapse: 32,
  benign: 64,
  laugh: 128,
  serious: 256,
  farewell: 512,
};

class Frames {
  /** The kinds present in the message (`FRAME_BIT`). */
  private readonly kinds: number;

  constructor(private readonly spans: ReadonlyArray<Span<Frame>>) {
    let kinds = 0;
    for (const s of spans) kinds |= FRAME_BIT[s.item.kind];
    this.kinds = kinds;
  }

  any(kind: FrameKind): boolean {
    return (this.kinds & FRAME_BIT[kind]) !== 0;
  }

  inSentence(kind: FrameKind, sentenceStart: number, sentenceEnd: number): boolean {
    if (!this.any(kind)) return false;
    for (const s of this.spans) if (s.item.kind === kind && s.start >= sentenceStart && s.start < sentenceEnd) return true;
    return false;
  }

  /** A relapse word anywhere in the message that is not itself negated ("kabhi wapas nahi jaungi", "never again"). */
  relapse(text: string): boolean {
    if (!this.any('relapse')) return false;
    for (const s of this.spans) {
      if (s.item.kind !== 'relapse') continue;
      if (NEG_AFTER_CUE.test(text.slice(s.end, s.end + 48)) || NEG_BEFORE.test(text.slice(Math.max(0, s.start - 48), s.start))) continue;
      return true;
    }
    return false;
  }

  masks(start: number, end: number): boolean {
    if ((this.kinds & (FRAME_BIT.idiom | FRAME_BIT.education)) === 0) return false;
    for (const s of this.spans) if ((s.item.kind === 'idiom' || s.item.kind === 'education') && s.start < end && start < s.end) return true;
    return false;
  }
}

/** Disclosures that stay a concern when they are in the past ("I was raped last year"). */
const DISCLOSURES: ReadonlySet<Concept> = new Set<Concept>(['abuse', 'ragging', 'threat', 'harassment']);

function levelOf(c: Concept): RiskLevel {
  return CONCEPTS[c].level;
}

function roleOf(c: Concept): Role {
  return CONCEPTS[c].role;
}

/** Whether a hit (or rule) has a concept of this role. */
function hasRole(concepts: readonly Concept[], role: Role): boolean {
  for (const c of concepts) if (CONCEPTS[c].role === role) return true;
  return false;
}

/** A broad-layer cue (lexicon/bag.ts) rather than a phrase. */
function isCue(rule: Rule): boolean {
  return hasRole(rule.concepts, 'cue');
}

function isDisclosure(rule: Rule): boolean {
  for (const c of rule.concepts) if (DISCLOSURES.has(c)) return true;
  return false;
}

/** Receives, for debugging and tests, each phrase found and why it was kept or dropped (positions only). */
export type Trace = (event: { start: number; end: number; concepts: readonly Concept[]; outcome: string }) => void;

function report(trace: Trace, span: Span<Rule>, outcome: string): void {
  trace({ start: span.start, end: span.end, concepts: span.item.concepts, outcome });
}

/** What scoping found besides the hits: whether any risk words were ruled out as not the writer's risk. */
interface Scoping {
  /** Negated, idiomatic, studied, fictional, past, addressed to "you" or about people in general. */
  ruledOut: boolean;
}

/** A span scoping drops as not the writer's risk: recorded for the learned layer, and traced. */
/**
 * Signs of a plan or a time, ruled out (negated: "koi plan nahi hai, par ye khayal…"; about people in
 * general), say nothing of the rest of the message: a common clarification beside a disclosure, not a
 * reason to read the message as safe.
 */
const PLAN_ONLY = new Set(['cueFuture', 'cueTime', 'time', 'plan']);

function ruleOut(scoping: Scoping, span: Span<Rule>, outcome: string, trace?: Trace): void {
  if (!span.item.concepts.every((c) => PLAN_ONLY.has(c))) scoping.ruledOut = true;
  if (trace) report(trace, span, outcome);
}

function scopedHits(text: string, spans: readonly RuleSpan[], frames: Frames, scoping: Scoping, trace?: Trace): Hit[] {
  const hits: Hit[] = [];
  for (const span of spans) {
    const rule = span.item;
    const sentenceStart = sentenceStartOf(text, span.start);
    const sentenceEnd = sentenceEndOf(text, span.start);
    const clauseStart = clauseStartOf(text, span.start, sentenceStart);
    const clauseEnd = clauseEndOf(text, span.end, sentenceEnd);
    if (frames.masks(span.start, span.end)) {
      ruleOut(scoping, span, 'idiom-or-study', trace);
      continue;
    }
    if (rule.negatable && isNegated(text, span.start, span.end, rule, clauseStart, clauseEnd)) {
      ruleOut(scoping, span, 'negated', trace);
      continue;
    }
    // An ordinary farewell (holidays, a party, "see you soon"): its goodbye words are not a goodbye.
    if (frames.any('farewell') && (rule.concepts.includes('goodbye') || rule.concepts.includes('cueGoodbye'))) {
      ruleOut(scoping, span, 'farewell', trace);
      continue;
    }
    const quoted = insideQuotes(text, sentenceStart, span.start);
    const quotedFrom = quoted ? text.lastIndexOf('"', span.start) : -1;
    // Words quoted from someone else ("my friend said 'no one would miss me'") are theirs, whoever they name.
    const reported = quotedFrom >= 0 && PERSONS.speakerOf(quotedFrom, quotedFrom, sentenceStart) === 'other';
    const spoken = reported ? 'other' : rule.person === 'auto' ? PERSONS.speakerOf(span.start, span.end, sentenceStart) : rule.person;
    // A broad cue near "you" is still the writer's ("thank u for everything"); a phrase addressed to "you" is not.
    // Asking how a person dies ("how many would it take for someone my size to not wake up", "कति चक्की खाँदा
    // मान्छे उठ्दैन") is the writer's own method seeking, whoever the question names.
    const speaker = (spoken === 'second' && isCue(rule)) || (spoken !== 'self' && isSeek(rule) && INDEFINITE.test(text.slice(span.start, span.end))) ? 'self' : spoken;
    if (speaker === 'generic' || speaker === 'second') {
      ruleOut(scoping, span, speaker, trace);
      continue;
    }
    const fiction = frames.inSentence('fiction', sentenceStart, sentenceEnd) || frames.inSentence('education', sentenceStart, sentenceEnd);
    // The topic word alone ("suicide", "आत्महत्या") in a sentence about the news, a film or a class is the topic.
    const topicOnly = fiction && text.indexOf(' ', span.start) >= span.end - 1 && rule.concepts.every((c) => c === 'thoughts' || c === 'cueDeath');
    // So is a broad cue in a sentence about a film, a game or the news that names no one ("the scene where
    // he jumps from the balcony").
    const unnamed = isCue(rule) && frames.inSentence('fiction', sentenceStart, sentenceEnd) && PERSONS.markerOf(span.start, span.end, sentenceStart) === null;
    if ((fiction && (speaker === 'other' || quoted || topicOnly || unnamed)) || (speaker === 'other' && frames.any('fictionMessage'))) {
      ruleOut(scoping, span, 'fiction', trace);
      continue;
    }
    if (
      frames.inSentence('recovery', sentenceStart, sentenceEnd) &&
      // A relapse anywhere in the message ("I tried twice last year. The thoughts are back") keeps it.
      !frames.relapse(text) &&
      span.group !== 'time' &&
      !isDisclosure(rule)
    ) {
      ruleOut(scoping, span, 'past', trace);
      continue;
    }
    if (trace) report(trace, span, `kept:${speaker}`);
    hits.push({
      start: span.start,
      end: span.end,
      rule,
      concepts: rule.concepts,
      person: speaker,
      group: span.group,
      clauseStart,
      clauseEnd,
      sentenceStart,
    });
  }
  return hits;
}

/** Method seeking, as a phrase or a broad cue. */
function isSeek(rule: Rule): boolean {
  return rule.concepts.includes('seek') || rule.concepts.includes('cueSeek');
}

/** Indefinite persons a method question is asked about. */
const INDEFINITE = new RegExp(
  `${EDGE_BEFORE}(?:someone|somebody|anyone|anybody|a person|a human|one|people|manchhe|manche|manxe|koi|insaan|insan|banda|aadmi|${foldDevanagari('मान्छे|मानिस|कोई|इंसान|आदमी|व्यक्ति')})${EDGE_AFTER}`,
  'u',
);

function isSerious(hit: Hit): boolean {
  for (const c of hit.concepts) {
    const role = roleOf(c);
    if (riskAtLeast(levelOf(c), 'moderate') || role === 'act' || role === 'plan' || role === 'means' || role === 'method' || role === 'seek') return true;
  }
  return false;
}

/** Laughing messages turn hyperbole-prone phrases into dark humour, unless something else is serious. */
function applyHumour(hits: Hit[], frames: Frames): void {
  if (!frames.any('laugh') || frames.any('serious')) return;
  if (hits.some((h) => h.group === 'time' && h.concepts.includes('time'))) return;
  for (const hit of hits) {
    const hyperbole = hit.rule?.hyperbole;
    if (hyperbole === null || hyperbole === undefined) continue;
    const otherSerious = hits.some((h) => h !== hit && h.person === hit.person && h.rule?.hyperbole === null && isSerious(h));
    if (!otherSerious) hit.concepts = [hyperbole === 'low' ? 'darkHumour' : 'darkHumourHigh'];
  }
}

/** Ropes for camping, pills for a fever, the roof with friends: dropped unless something else is risky. */
function applyEverydayContext(hits: Hit[], frames: Frames): Hit[] {
  if (!frames.any('benign') || !hits.some((hit) => hit.rule?.contextual)) return hits;
  return hits.filter((hit) => {
    if (!hit.rule?.contextual) return true;
    return hits.some(
      (h) => h !== hit && h.person === hit.person && h.group === 'risk' && !h.rule?.contextual && h.concepts.some((c) => levelOf(c) !== 'none'),
    );
  });
}

interface PersonVerdict {
  readonly level: RiskLevel;
  readonly reasons: ReadonlySet<string>;
}

/** The verdict for a person with nothing found (shared: verdicts are never changed once made). */
const NOTHING: PersonVerdict = { level: 'none', reasons: new Set() };

/** A time phrase counts when it sits in the intent's clause, or stands alone ("Tonight.", ", tonight"). */
function timeLinked(intent: Hit, times: readonly Hit[]): boolean {
  return times.some((t) => {
    if (t.clauseStart === intent.clauseStart) return true;
    return t.clauseEnd - t.clauseStart - (t.end - t.start) <= 14;
  });
}

/**
 * A future or progressive verb right after a method ("latakne ja raha hu", "kood jaungi", "लटकने जा रहा हूं",
 * "झुण्डिन जाँदैछु"): the method is stated as what the person is about to do, which is intent.
 */
const FUTURE_AFTER = new RegExp(
  `^ (?:${[
    'ja raha|ja rahi|jaa raha|jaa rahi|ja rha|ja rhi|raha hu|rahi hu|raha hoon|rahi hoon|rha hu|rhi hu|wala|wali|waala|waali|jaunga|jaungi|lunga|lungi|dunga|dungi|hi hai',
    'jadai|jaadai|jadaichu|jaadaichu|lagechu|lageko chu|lageki chu',
    foldDevanagari('जा रहा|जा रही|रहा हूं|रही हूं|वाला|वाली|जाऊंगा|जाऊंगी|लूंगा|लूंगी|दूंगा|दूंगी|जाँदैछु|जाँदै छु|जाँदैछ|लागेको छु|लागेकी छु'),
  ].join('|')})${EDGE_AFTER}`,
  'u',
);

/** One bit per role, so that the roles of a person's hits are one number (`rolesOf`). */
const ROLE_BIT: Readonly<Record<Role, number>> = {
  act: 1,
  actIf: 2,
  intent: 4,
  ideation: 8,
  selfHarm: 16,
  plan: 32,
  means: 64,
  method: 128,
  seek: 256,
  time: 512,
  recent: 1024,
  plain: 2048,
  cue: 4096,
};

function rolesOf(hits: readonly Hit[]): number {
  let roles = 0;
  for (const hit of hits) for (const c of hit.concepts) roles |= ROLE_BIT[roleOf(c)];
  return roles;
}

function hasRoleIn(roles: number, role: Role): boolean {
  return (roles & ROLE_BIT[role]) !== 0;
}

function combine(hits: readonly Hit[], times: readonly Hit[], recents: readonly Hit[], text: string): PersonVerdict {
  if (hits.length === 0) return NOTHING;
  const reasons = new Set<string>();
  const roles = rolesOf(hits);
  let level: RiskLevel = 'none';
  for (const hit of hits) for (const c of hit.concepts) if (levelOf(c) !== 'none') {
    level = maxRisk(level, levelOf(c));
    reasons.add(CONCEPTS[c].reason);
  }
  const intents = hasRoleIn(roles, 'intent') ? hits.filter((h) => hasRole(h.concepts, 'intent')) : [];
  const ideation = hasRoleIn(roles, 'ideation');
  const plan = hasRoleIn(roles, 'plan');
  const means = hasRoleIn(roles, 'means');
  const method = hasRoleIn(roles, 'method');
  const seek = hasRoleIn(roles, 'seek');
  const selfHarm = hasRoleIn(roles, 'selfHarm');
  const modifiers: string[] = [];
  if (hasRoleIn(roles, 'actIf') && (intents.length > 0 || ideation || selfHarm || method || seek)) modifiers.push('act-in-progress');
  if (intents.length > 0) {
    if (plan) modifiers.push('plan');
    if (means) modifiers.push('plan:means');
    if (method) modifiers.push('plan:method');
    if (seek) modifiers.push('method-seeking');
    if (intents.some((i) => timeLinked(i, times))) modifiers.push('timeframe');
    const attempts = intents.filter((h) => h.concepts.includes('attempt'));
    if (attempts.some((a) => recents.some((r) => r.sentenceStart === a.sentenceStart))) modifiers.push('timeframe');
  }
  // A method stated without a wish (not a thought, not a passive wish) with a time, the means, or a future verb.
  for (const hit of hits) {
    if (!hit.concepts.includes('method') || hasRole(hit.concepts, 'ideation')) continue;
    if (timeLinked(hit, times)) modifiers.push('plan:method', 'timeframe');
    if (means) modifiers.push('plan:method', 'plan:means');
    if (FUTURE_AFTER.test(text.slice(hit.end, hit.end + 24))) modifiers.push('plan:method');
    if (recents.some((r) => r.sentenceStart === hit.sentenceStart)) modifiers.push('act-in-progress');
  }
  if (means && plan) modifiers.push('plan', 'plan:means');
  if (ideation) {
    if (plan) modifiers.push('plan');
    if (means) modifiers.push('plan:means');
    if (seek) modifiers.push('method-seeking');
  }
  if (modifiers.length > 0) {
    level = 'imminent';
    for (const m of modifiers) reasons.add(m);
  }
  return { level, reasons };
}

function isConcept(name: string): name is Concept {
  return name in CONCEPTS;
}

/** One bit per concept of the broad layer's cues (role `cue`), so that the cues of a person's hits are one number. */
const CUE_BIT: ReadonlyMap<Concept, number> = new Map(
  Object.entries(CONCEPTS)
    .map(([name, info]) => (info.role === 'cue' && isConcept(name) ? name : null))
    .filter((name) => name !== null)
    .map((name, i) => [name, 1 << i]),
);

function cuesIn(hits: readonly Hit[]): number {
  let cues = 0;
  for (const hit of hits) for (const c of hit.concepts) cues |= CUE_BIT.get(c) ?? 0;
  return cues;
}

function hasCueIn(cues: number, c: Concept): boolean {
  return (cues & (CUE_BIT.get(c) ?? 0)) !== 0;
}

/** Goodbye cues that are only thanks (a sign of a goodbye only beside another sign). */
const THANKS = new RegExp(foldDevanagari('thank|thnx|thanku|shukriya|dhanyavad|dhanyabad|धन्यवाद|शुक्रिया|थैंक्यू|थ्याङ्क्यु'));
/** Means that are not everyday medicine taken as prescribed: poisons, ligatures, weapons, whole strips and bottles. */
const LETHAL = new RegExp(
  foldDevanagari(
    'poison|pesticide|insecticide|kira|kiraa|usiya|upiyan|khatmal|machhar|किरा|कीरा|उपियाँ|उडुस|खटमल|मच्छर|कीड़|bleach|acid|kerosene|phenyl|harpic|celphos|sulphas|gun|pistol|noose|rope|dupatta|chunni|scarf|belt|blade|razor|knife|strip|bottle|zeher|zehar|jeher|jahar|vish|bish|bisadi|keetnashak|kitnashak|chuh|tezaab|fanda|phanda|fansi|phansi|rassi|chaku|chaaku|bandook|shishi|patta|patti|musa|paso|dori|pachhyaura|sisi|जहर|ज़हर|विष|बिष|फिनाइल|फिनायल|फेनाइल|ब्लीच|हार्पिक|किरासन|मट्टितेल|मट्टीतेल|कीटनाशक|चूह|तेजाब|तेज़ाब|फंदा|फांसी|रस्सी|दुपट्टा|चुन्नी|ब्लेड|चाकू|बंदूक|शीशी|बोतल|पत्ती|पत्ता|स्ट्रिप|मिट्टी का तेल|केरोसीन|विषादी|मुसा|एसिड|पासो|डोरी|पछ्यौरा|चक्कु|बन्दुक|सिसी|सिलिन्डर|ग्यास|'+
      'escitalopram|sertraline|fluoxetine|alprazolam|clonazepam|lorazepam|diazepam|zolpidem|amitriptyline|lithium|insulin|xanax|citalopram|quetiapine|olanzapine|sleeping|neend|nindra|नींद|निद्रा|chakku|keede|पत्ते|पत्तियां',
  ),
);

/** Medicine taken not as prescribed: all at once, in secret, a farm or rat poison by another name, or its effects. */
const NOT_AS_PRESCRIBED = new RegExp(
  foldDevanagari(
    '\\b(?:[1-9]\\d|\\d{3}|aas paas|all|whole|entire|every|sabai|saari|sari|saare|poori|puri|ekaichoti|ek saath|dher|sulphas|celphos|foam|froth|jhaag|chakkar|behosh|dhamilo|drowsy|dizzy|when everyone|after everyone|sab so|sutepachhi|sute pachi|keede|keeda|lock|locked|bolaudaina|boldaina|unresponsive|not responding)\\b' +
      '|सबै|सारी|सारे|पूरी|पूरा|एकैचोटि|एक साथ|ढेर|सल्फास|झाग|फिँज|चक्कर|बेहोश|धमिलो|रिंगटा|सब सो|सबै सुते|चूहे|मुसा|गेहूं में डालने|कीड़े मारने|कीड़े|खाली पत्ते|खेत|बोल्दैन|बोलता नहीं|बोल नहीं',
  ),
);
/** Cues that are a crisis on their own (a goodbye, with another sign): each gives its reason. */
const DISTRESS_CUES = ['cueDeath', 'cueSelfHarm', 'cueBurden', 'cueGoodbye', 'cueSeek'] as const;

/** Means that are not medicine taken as prescribed: a lethal one named, or taken not as prescribed. */
function lethalMeans(hits: readonly Hit[], text: string): boolean {
  return hits.some((h) => h.concepts.includes('cueMeans') && LETHAL.test(text.slice(h.start, h.end))) || NOT_AS_PRESCRIBED.test(text);
}

/**
 * The broad layer, per person: a death wish, self-harm, a burden statement, two signs of a goodbye (or one
 * with a time, the means, a place or a plan), the means with an act, a plan or a method, or a place with a
 * method are a crisis (high); a crisis with a time, the means, a place, an act, or a method with a plan is
 * imminent; a concern word is at least moderate. Means and places in an everyday context (a fever, a kite
 * on the roof) do not count. Catches the phrasings no phrase list foresaw; it only ever raises a verdict.
 */
function combineCues(hits: readonly Hit[], everyday: boolean, text: string): PersonVerdict {
  if (hits.length === 0) return NOTHING;
  const reasons = new Set<string>();
  const cues = cuesIn(hits);
  const death = hasCueIn(cues, 'cueDeath');
  const selfHarm = hasCueIn(cues, 'cueSelfHarm');
  const burden = hasCueIn(cues, 'cueBurden');
  // Signs of a goodbye are counted once per stretch of text (two cues on the same words are one sign);
  // thanks alone ("thanks everyone, see you tomorrow") is a sign only beside another one.
  const goodbyeHits = hasCueIn(cues, 'cueGoodbye') ? hits.filter((h) => h.concepts.includes('cueGoodbye')) : [];
  const strongGoodbye = goodbyeHits.some((h) => !THANKS.test(text.slice(h.start, h.end)));
  const goodbyes = goodbyeHits
    .sort((a, b) => a.start - b.start)
    .reduce<{ n: number; end: number }>((acc, h) => (h.start >= acc.end ? { n: acc.n + 1, end: h.end } : { n: acc.n, end: Math.max(acc.end, h.end) }), { n: 0, end: -1 }).n;
  const took = hasCueIn(cues, 'cueTook');
  // An everyday context (pills for a fever, a kite on the roof) takes the means and places out.
  const means = hasCueIn(cues, 'cueMeans') && !everyday;
  // Taking or planning to take a medicine is everyday; poison, a noose, a whole strip or bottle is not.
  const lethal = means && lethalMeans(hits, text);
  const place = hasCueIn(cues, 'cuePlace') && !everyday;
  const method = hasCueIn(cues, 'cueMethod');
  // "Going to" with a method verb is everyday English (jump into the pool); in Hindi and Nepali the verbs are specific.
  const nonEnglishMethod = hits.some((h) => h.concepts.includes('cueMethod') && h.rule !== null && h.rule.lang !== 'en');
  const future = hasCueIn(cues, 'cueFuture');
  const time = hasCueIn(cues, 'cueTime');
  const seek = hasCueIn(cues, 'cueSeek');
  const crisis =
    death || selfHarm || burden || seek || (place && took) || (method && took) || (method && future && nonEnglishMethod) || (strongGoodbye && (goodbyes >= 2 || time || means || place || future)) || (lethal && (took || future || method)) || (means && method) || (place && method);
  if (crisis) {
    for (const c of DISTRESS_CUES) if (hasCueIn(cues, c)) reasons.add(CONCEPTS[c].reason);
    if (!death && !selfHarm && !burden && !seek && goodbyes === 0) reasons.add(means ? 'plan:means' : 'plan:method');
    // Asking how, with nothing else (no plan, no time, no act), stays high: seeking a method is high (DESIGN.md §4.1).
    const onlyAsking = seek && !future && !time && !took && goodbyes === 0;
    // Continuing self-harm, with nothing suicidal beside it, is high (DESIGN.md §4.1) unless an act is under way.
    const selfHarmOnly =
      selfHarm && !death && !burden && goodbyes === 0 && !seek && !(means && (future || method || took)) && !(place && (method || took)) && !(method && took);
    const imminent = took || (!onlyAsking && !selfHarmOnly && (time || means || place || (method && future)));
    if (imminent) {
      if (time) reasons.add('timeframe');
      if (means) reasons.add('plan:means');
      if (place || method) reasons.add('plan:method');
      if (took) reasons.add('act-in-progress');
    }
    reasons.add('broad-match');
    return { level: imminent ? 'imminent' : 'high', reasons };
  }
  if (hasCueIn(cues, 'cueConcern')) {
    reasons.add('distress');
    reasons.add('broad-match');
    return { level: 'moderate', reasons };
  }
  return NOTHING;
}

/** A person's cues (times are everyone's). */
function cuesOf(cueHits: readonly Hit[], person: 'self' | 'other', cueTimes: readonly Hit[]): Hit[] {
  return [...cueHits.filter((h) => h.person === person && h.group !== 'time'), ...cueTimes];
}

/** The phrase verdict, unless the broad layer found more (then its verdict, marked `broad-match`). */
function higher(phrase: PersonVerdict, broad: PersonVerdict): PersonVerdict {
  return riskRank(broad.level) > riskRank(phrase.level) ? broad : phrase;
}

/** The languages of a text, given its `scriptMarkers`. */
function languagesOf(text: string, markers: number): ScreenLanguage[] {
  const found: Record<ScreenLanguage, boolean> = { en: false, hi: false, 'hi-Latn': false, ne: false, 'ne-Latn': false };
  if ((markers & DEVANAGARI_BIT) !== 0) {
    const ne = NEPALI_DEVA.test(text);
    const hi = HINDI_DEVA.test(text);
    found.ne = ne;
    found.hi = hi || !ne;
  }
  if ((markers & LATIN_BIT) !== 0) {
    const hi = (markers & HINGLISH_BIT) !== 0;
    const ne = (markers & NEPALI_LATN_BIT) !== 0;
    found['hi-Latn'] = hi;
    found['ne-Latn'] = ne;
    found.en = (markers & ENGLISH_BIT) !== 0 || (!hi && !ne);
  }
  return LANGUAGE_ORDER.filter((l) => found[l]);
}

const REASON_RANK: ReadonlyMap<string, number> = new Map(REASON_ORDER.map((r, i) => [r, i]));

function reasonRank(reason: string): number {
  return REASON_RANK.get(reason) ?? REASON_ORDER.length;
}

function byReasonOrder(a: string, b: string): number {
  return reasonRank(a) - reasonRank(b) || (a < b ? -1 : a > b ? 1 : 0);
}

function orderReasons(reasons: Iterable<string>): string[] {
  return [...reasons].sort(byReasonOrder).slice(0, MAX_REASONS);
}

/**
 * Medicine taken as one takes medicine ("mummy ne dawai di, goli kha li"): the broad layer reads it as
 * everyday, so the learned layer, which only sees "took" and "pills", may not raise it.
 */
function everydayMedicine(cueHits: readonly Hit[], text: string): boolean {
  const cues = cuesIn(cueHits);
  return hasCueIn(cues, 'cueMeans') && hasCueIn(cues, 'cueTook') && !DISTRESS_CUES.some((c) => hasCueIn(cues, c)) && !lethalMeans(cueHits, text);
}

/** Frames that make a message about something else: the learned layer may not raise it. */
const OFF_TOPIC_FRAMES: readonly FrameKind[] = ['idiom', 'education', 'fiction', 'fictionMessage', 'recovery', 'farewell'];

function offTopic(frames: Frames): boolean {
  if (frames.any('laugh') && !frames.any('serious')) return true;
  for (const kind of OFF_TOPIC_FRAMES) if (frames.any(kind)) return true;
  return false;
}

/**
 * Messages shorter than this are left to the phrases: in cross-validation the learned layer raised 5 crises
 * of about 3,500 that had four words or fewer, and short everyday messages ("thanks", "kya haal hai") were
 * among its false alarms.
 */
export const LEARNED_MIN_WORDS = 5;

/** Words of a normalised text: space-separated tokens that are not punctuation. */
function wordCount(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20) {
      inWord = false;
    } else if (!inWord) {
      inWord = true;
      if (!PUNCTUATION.has(c)) words++;
    }
  }
  return words;
}

const PUNCTUATION = new Set(Array.from('.,?!:;"\'()-…|', (ch) => ch.charCodeAt(0)));

/**
 * The learned layer (learned.ts) on top of the phrase verdict: it may raise a message to moderate (a
 * concern), to high or to imminent, never lower it. Where scoping ruled risk words out or a frame makes the
 * message about something else, its n-grams cannot tell "I would never" or a film plot from the real thing,
 * so there it may only raise to high, and only when it is all but certain (reason learned-certain): a
 * crisis told with "lol", as an insta story, in a goodbye or under "not joking" reads as one of those frames,
 * and the cost of the frame being wrong is a missed crisis.
 */
function withLearned(
  result: ScreenResult,
  text: string,
  learned: ((text: string) => LearnedVerdict) | null,
  ruledOut: boolean,
  everyday = false,
): ScreenResult {
  // Medicine taken as one takes medicine is the n-grams' own blind spot ("goli kha li, ab so rahi hu"): never.
  if (learned === null || everyday || result.level === 'imminent') return result;
  // A few words carry too few n-grams to weigh ("thanks", "kya haal hai"); the phrases cover short messages.
  if (wordCount(text) < LEARNED_MIN_WORDS) return result;
  const verdict = learned(text);
  if (ruledOut) {
    if (!verdict.certain || riskAtLeast(result.level, 'high')) return result;
    return { ...result, level: 'high', reasons: orderReasons([...result.reasons, 'learned-certain']) };
  }
  if (!verdict.crisis) {
    if (!verdict.concern || riskAtLeast(result.level, 'moderate')) return result;
    return { ...result, level: 'moderate', reasons: orderReasons([...result.reasons, 'learned-concern']) };
  }
  const level = verdict.imminent ? 'imminent' : maxRisk(result.level, 'high');
  if (level === result.level) return result;
  return { ...result, level, reasons: orderReasons([...result.reasons, 'learned-match']) };
}

/** Screens one message. Deterministic; well under a millisecond for chat-length text. */
export function screen(raw: string, trace?: Trace): ScreenResult {
  return screenWith(raw, learnedVerdict, trace);
}

/** `screen` with another learned layer (cross-validation trains its own), or none (`null`: phrases only). */
export function screenWith(raw: string, learned: ((text: string) => LearnedVerdict) | null, trace?: Trace): ScreenResult {
  const normalized = normalize(raw);
  const text = normalized.text;
  const markers = scriptMarkers(text);
  const languages = text === '' ? [] : languagesOf(text, markers);
  if (text === '') return { level: 'none', reasons: [], thirdParty: false, aboutSomeoneElse: false, languages };

  const literals = candidatesIn(text);
  const frameSpans: Array<Span<Frame>> = [];
  const ruleSpans: RuleSpan[] = [];
  const cueSpans: RuleSpan[] = [];
  for (const script of SCRIPTS) {
    if ((markers & script.script) === 0) continue;
    scan(script.frames, text, frameSpans, literals, frameSpan);
    for (const group of GROUPS) {
      scan(script.groups[group], text, ruleSpans, literals, RULE_SPAN[group]);
      scanAll(script.bag[group], text, cueSpans, literals, RULE_SPAN[group]);
    }
  }
  if (ruleSpans.length === 0 && cueSpans.length === 0 && !frameSpans.some((f) => f.item.emits !== null)) {
    const none: ScreenResult = { level: 'none', reasons: [], thirdParty: false, aboutSomeoneElse: false, languages };
    return learned === null ? none : withLearned(none, text, learned, frameSpans.length > 0 && offTopic(new Frames(frameSpans)));
  }

  const frames = new Frames(frameSpans);
  const scoping: Scoping = { ruledOut: false };
  PERSONS.reset(text);
  if (trace) for (const f of frameSpans) trace({ start: f.start, end: f.end, concepts: [], outcome: `frame:${f.item.kind}` });
  let hits = scopedHits(text, ruleSpans, frames, scoping, trace);
  for (const f of frameSpans) {
    if (f.item.emits === null) continue;
    const sentenceStart = sentenceStartOf(text, f.start);
    const sentenceEnd = sentenceEndOf(text, f.start);
    hits.push({
      start: f.start,
      end: f.end,
      rule: null,
      concepts: [f.item.emits],
      person: 'self',
      group: 'mood',
      clauseStart: clauseStartOf(text, f.start, sentenceStart),
      clauseEnd: clauseEndOf(text, f.end, sentenceEnd),
      sentenceStart,
    });
  }
  applyHumour(hits, frames);
  hits = applyEverydayContext(hits, frames);

  const cueHits = scopedHits(text, cueSpans, frames, scoping, trace);
  const medicine = everydayMedicine(cueHits, text);
  applyHumour(cueHits, frames);
  const everyday = frames.any('benign');
  const cueTimes = cueHits.filter((h) => h.concepts.includes('cueTime'));

  const times = hits.filter((h) => h.concepts.includes('time'));
  const recents = hits.filter((h) => h.concepts.includes('recent'));
  let ownCues = combineCues(cuesOf(cueHits, 'self', cueTimes), everyday, text);
  let otherCues = combineCues(cuesOf(cueHits, 'other', cueTimes), everyday, text);
  // Signs split between persons ("my cousin sent me a pic of a noose … he's not picking up"): read together,
  // and given to the other person when any of the risk cues is theirs.
  const together = combineCues([...cueHits.filter((h) => h.group !== 'time'), ...cueTimes], everyday, text);
  if (riskRank(together.level) > Math.max(riskRank(ownCues.level), riskRank(otherCues.level))) {
    if (cueHits.some((h) => h.person === 'other' && h.group === 'risk')) otherCues = together;
    else ownCues = together;
  }
  const own = higher(combine(hits.filter((h) => h.person === 'self' && h.group !== 'time'), times, recents, text), ownCues);
  const others = higher(combine(hits.filter((h) => h.person === 'other' && h.group !== 'time'), times, recents, text), otherCues);
  const thirdParty = riskAtLeast(others.level, 'moderate');
  // Someone else's own words of a death wish, their self-harm or method seeking are high: a counselor reaches out
  // (through the writer) as to the writer's own; worry without them ("she talks about dying", "I'm scared he'll do
  // something") stays moderate, and an act under way or a plan with a time is imminent.
  const otherLevel: RiskLevel =
    riskAtLeast(others.level, 'high') ? others.level : thirdParty ? 'moderate' : 'none';
  const level = maxRisk(own.level, otherLevel);

  const reasons = new Set<string>(own.reasons);
  if (thirdParty) {
    for (const r of others.reasons) reasons.add(r);
    reasons.add('third-party');
  }
  if (riskAtLeast(level, 'moderate')) {
    if (normalized.deobfuscated) reasons.add('obfuscated');
    if (normalized.riskEmoji) reasons.add('emoji');
  }
  const aboutSomeoneElse = thirdParty && !riskAtLeast(own.level, 'high');
  const phrases: ScreenResult = { level, reasons: level === 'none' ? [] : orderReasons(reasons), thirdParty, aboutSomeoneElse, languages };
  return withLearned(phrases, text, learned, scoping.ruledOut || offTopic(frames), medicine);
}
