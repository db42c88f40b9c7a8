/**
 * The screener's learned layer: three logistic-regression scorers over hashed n-grams of the normalised text,
 * trained offline on the labelled corpus (`npm run train-screener`, functions/scripts/train-screener.ts) and
 * shipped as fixed weights (learned-model.generated.ts). Deterministic, no network, a few microseconds a
 * message. It catches crisis and concern phrasings no phrase list foresaw; `engine.ts` lets it only raise a
 * verdict: where the phrase layer ruled the risk words out (negated, idiomatic, fictional, past, about people in
 * general, an ordinary farewell) only to high and only when it is all but certain, never for medicine taken as
 * prescribed, and never in a message of fewer than five words.
 *
 * Features, each hashed into 2^bits buckets and counted once: every token, every pair of adjacent tokens,
 * and the character 3- to 5-grams of every token framed by `<` `>` (so stems and endings generalise across
 * spellings: "marna", "marne", "marunga"; "मर्न", "मर्ने").
 */
import { z } from 'zod';
import { LEARNED_MODEL } from './learned-model.generated';

/** Version of the feature definition; the trainer records it and a model of another version is refused. */
export const FEATURE_VERSION = 1;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const SPACE = 0x20;
const OPEN = 0x3c; // '<'
const CLOSE = 0x3e; // '>'
const MIN_GRAM = 3;
const MAX_GRAM = 5;

const fnv = (h: number, code: number): number => Math.imul(h ^ code, FNV_PRIME);

/** Seeds for each kind of feature, so that a token and a 3-gram with the same letters differ. */
const SEED_WORD = fnv(fnv(FNV_OFFSET, 0x77), 0x3a); // "w:"
const SEED_PAIR = fnv(fnv(FNV_OFFSET, 0x62), 0x3a); // "b:"
const SEED_GRAM = fnv(fnv(FNV_OFFSET, 0x63), 0x3a); // "c:"
const SEED_BIAS = fnv(fnv(FNV_OFFSET, 0x5f), 0x5f); // "__"

/**
 * The distinct hashed features of a normalised text, written to `out` (grown as needed) in the order first
 * found, with their count. A small open-addressing set de-duplicates (a bucket counts once per call): its
 * slots hold a call's generation and a bucket, so nothing is cleared between calls, and it is sized to the
 * text (a few KiB for a chat message) rather than to the 2^bits buckets, so that it stays in the fastest cache.
 */
export class FeatureHasher {
  readonly size: number;
  private readonly mask: number;
  /** Pairs `[generation, bucket]`; a slot is taken in the current call when its generation is `generation`. */
  private slots: Int32Array = new Int32Array(2 * 1024);
  /** 32 − log2(slot count): a bucket's first slot is the top bits of a multiplicative hash. */
  private shift = 32 - 10;
  private generation = 0;
  out: Int32Array = new Int32Array(512);
  count = 0;
  /** The token being hashed, framed by `<` and `>` (grown as needed). */
  private frame: Int32Array = new Int32Array(64);

  constructor(bits: number) {
    this.size = 1 << bits;
    this.mask = this.size - 1;
  }

  /** Hashes `text` (the output of `normalize`: lower case, single spaces). Returns the feature count. */
  hash(text: string): number {
    // A token of length L gives at most a word, a pair and 3 × (L + 2) grams, and there are at most
    // (length + 1) / 2 tokens: 8 × length + 16 bounds the count, so room is made once and writes go unchecked.
    const most = 8 * text.length + 16;
    if (this.out.length < most) this.out = new Int32Array(most * 2);
    // At most half the slots are ever taken, so a probe soon finds a free one.
    if (this.slots.length < 4 * most || this.generation === 0x7fffffff) {
      let slotCount = this.slots.length >> 1;
      while (slotCount < 2 * most) slotCount *= 2;
      this.slots = new Int32Array(2 * slotCount);
      this.shift = 32 - Math.log2(slotCount);
      this.generation = 0;
    }
    const gen = ++this.generation;
    const { slots, shift, mask, out } = this;
    const slotMask = (slots.length >> 1) - 1;
    let count = 0;
    const add = (h: number): void => {
      const i = (h >>> 0) & mask;
      let s = Math.imul(i, 0x9e3779b1) >>> shift;
      for (;;) {
        const at = 2 * s;
        if (slots[at] !== gen) {
          slots[at] = gen;
          slots[at + 1] = i;
          out[count++] = i;
          return;
        }
        if (slots[at + 1] === i) return;
        s = (s + 1) & slotMask;
      }
    };
    add(SEED_BIAS);
    // The pair of the previous token and this one hashes the previous token, a space, then this one: the hash
    // up to the space is carried over from the previous token.
    let pairSeed = 0;
    let first = true;
    const n = text.length;
    if (this.frame.length < n + 2) this.frame = new Int32Array(2 * n + 2);
    const { frame } = this;
    let i = 0;
    while (i < n) {
      while (i < n && text.charCodeAt(i) === SPACE) i++;
      if (i >= n) break;
      // The token framed: "<", its characters, ">".
      frame[0] = OPEN;
      let length = 0;
      let w = SEED_WORD;
      let b = pairSeed;
      let next = SEED_PAIR;
      for (; i < n; i++) {
        const c = text.charCodeAt(i);
        if (c === SPACE) break;
        frame[++length] = c;
        w = fnv(w, c);
        b = fnv(b, c);
        next = fnv(next, c);
      }
      frame[length + 1] = CLOSE;
      add(w);
      if (!first) add(b);
      // Character n-grams of the framed token.
      for (let from = 0; from <= length + 1; from++) {
        let g = SEED_GRAM;
        for (let at = from; at < from + MAX_GRAM && at <= length + 1; at++) {
          g = fnv(g, frame[at]);
          if (at - from + 1 >= MIN_GRAM) add(g);
        }
      }
      pairSeed = fnv(next, SPACE);
      first = false;
    }
    this.count = count;
    return count;
  }
}

const ScorerSchema = z.object({
  /** int8 weights, base64; weight = byte × scale. */
  weights: z.string(),
  scale: z.number().positive(),
  /** Logit at or above which the scorer says yes. */
  threshold: z.number(),
});

const ModelSchema = z.object({
  featureVersion: z.literal(FEATURE_VERSION),
  bits: z.number().int().min(10).max(22),
  corpusHash: z.string(),
  /** high or imminent versus everything else. */
  crisis: ScorerSchema,
  /** imminent versus high, among crisis messages. */
  imminent: ScorerSchema,
  /** moderate or above versus low and none: a concern a counselor should see. */
  concern: ScorerSchema,
  /** Logit of the crisis scorer at or above which it is all but certain (see LearnedVerdict.certain). */
  crisisCertain: z.number(),
});

export interface LearnedVerdict {
  /** The concern scorer or the crisis scorer is at or above its threshold: at least moderate. */
  readonly concern: boolean;
  /** The crisis scorer is at or above its threshold. */
  readonly crisis: boolean;
  /** Both scorers are: a crisis that reads as imminent. */
  readonly imminent: boolean;
  /**
   * The crisis scorer is all but certain (cross-validated: far more crises than benign messages score this
   * high): enough to raise a message that scope frames read as a joke, a story or a farewell.
   */
  readonly certain: boolean;
}

interface Scorer {
  /** The int8 weights as stored; the score is their sum times `scale` (one multiply per message). */
  readonly weights: Int8Array;
  readonly scale: number;
  readonly threshold: number;
}

function scorer(spec: z.infer<typeof ScorerSchema>, size: number): Scorer {
  const bytes = Buffer.from(spec.weights, 'base64');
  if (bytes.length !== size) throw new Error(`learned screener model: ${String(bytes.length)} weights, expected ${String(size)}`);
  return { weights: new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length), scale: spec.scale, threshold: spec.threshold };
}

/** Where each scorer's weight of a bucket is in the interleaved table (`WEIGHTS_PER_BUCKET` bytes a bucket). */
const CRISIS = 0;
const IMMINENT = 1;
const CONCERN = 2;
const WEIGHTS_PER_BUCKET = 4;

/**
 * The three scorers' weights of each bucket side by side (the fourth byte is padding), so that a feature costs
 * one memory access for all three: the table is read at random, once per feature.
 */
function interleave(crisis: Scorer, imminent: Scorer, concern: Scorer, size: number): Int8Array {
  const table = new Int8Array(WEIGHTS_PER_BUCKET * size);
  for (let i = 0; i < size; i++) {
    table[WEIGHTS_PER_BUCKET * i + CRISIS] = crisis.weights[i];
    table[WEIGHTS_PER_BUCKET * i + IMMINENT] = imminent.weights[i];
    table[WEIGHTS_PER_BUCKET * i + CONCERN] = concern.weights[i];
  }
  return table;
}

/** Validates and decodes a model; throws on a malformed one (wrong feature version, weight count…). */
export function loadModel(raw: unknown): (text: string) => LearnedVerdict {
  const spec = ModelSchema.parse(raw);
  const hasher = new FeatureHasher(spec.bits);
  const crisis = scorer(spec.crisis, hasher.size);
  const imminent = scorer(spec.imminent, hasher.size);
  const concern = scorer(spec.concern, hasher.size);
  const weights = interleave(crisis, imminent, concern, hasher.size);
  return (text) => {
    const count = hasher.hash(text);
    const features = hasher.out;
    // Integer sums, so the order of the features does not matter; one multiply per scorer.
    let zCrisis = 0;
    let zImminent = 0;
    let zConcern = 0;
    for (let k = 0; k < count; k++) {
      const at = WEIGHTS_PER_BUCKET * features[k];
      zCrisis += weights[at + CRISIS];
      zImminent += weights[at + IMMINENT];
      zConcern += weights[at + CONCERN];
    }
    const crisisLogit = zCrisis * crisis.scale;
    const isCrisis = crisisLogit >= crisis.threshold;
    return {
      concern: isCrisis || zConcern * concern.scale >= concern.threshold,
      crisis: isCrisis,
      imminent: isCrisis && zImminent * imminent.scale >= imminent.threshold,
      certain: isCrisis && crisisLogit >= spec.crisisCertain,
    };
  };
}

let shipped: ((text: string) => LearnedVerdict) | null = null;

/** Scores a normalised text with the shipped model, decoded at first use (about a millisecond). */
export function learnedVerdict(text: string): LearnedVerdict {
  shipped ??= loadModel(LEARNED_MODEL);
  return shipped(text);
}
