// The most salient person before a pronoun: a decaying count of mentions, one per actor
// per sentence (a role and its apposed name are one reference), with extra weight for a
// clause's subject. The tables are kept between calls so that scoring one pronoun
// allocates nothing but what the window needs the first time.
import type { PersonMention, PersonMentions } from "./personMentions.js";
import type { ScratchArrays } from "./scratchArrays.js";

/** Outside quotations the nearest person usually wins; inside, the article's topic does. */
export const DECAY_NEAR = 0.5;
export const DECAY_TOPIC = 0.85;
export const WINDOW = 12; // sentences

export interface SalienceQuery {
  sentence: number;
  /** 1 "m", 2 "f". */
  gender: number;
  /** Actor left out (a quotation's speaker), or -1. */
  exclude: number;
  ignoreQuoted: boolean;
  decay: number;
}

/** Math.pow(decay, dist) for both decays over the window, worked out once: every mention in a pronoun's window is weighed. */
const POWERS_NEAR = Array.from({ length: WINDOW + 1 }, (_, d) => Math.pow(DECAY_NEAR, d));
const POWERS_TOPIC = Array.from({ length: WINDOW + 1 }, (_, d) => Math.pow(DECAY_TOPIC, d));

function decayOver(decay: number, dist: number): number {
  if (dist >= 0 && dist <= WINDOW) {
    if (decay === DECAY_NEAR) return POWERS_NEAR[dist];
    if (decay === DECAY_TOPIC) return POWERS_TOPIC[dist];
  }
  return Math.pow(decay, dist);
}

export class Salience {
  // Everything below is kept from call to call (arrays are reused up to a count, never
  // emptied, which would drop their storage), so scoring a pronoun allocates nothing.
  /** The (actor, sentence) pairs of this call, in the order they first appear, with their weight. */
  private readonly pairActor: number[] = [];
  private readonly pairWeight: number[] = [];
  private pairs = 0;
  /**
   * Where each (actor, sentences back) pair is among the pairs, valid while its stamp is
   * this call's; sized for every actor a pronoun can resolve to (those of the named
   * mentions, all known when scoring starts).
   */
  private readonly slotPair: Int32Array;
  private readonly slotStamp: Int32Array;
  private call = 0;
  /** Pairs the slots do not cover (a mention after the pronoun's sentence, which the window does not expect), by actor and sentence. */
  private readonly otherPairs = new Map<number, number>();
  /** Score per actor, and the actors scored in the order they first appear. */
  private readonly score: number[] = [];
  private readonly listed: boolean[] = [];
  private readonly order: number[] = [];

  constructor(private readonly people: PersonMentions, private readonly sentenceCount: number, scratch: ScratchArrays) {
    this.slotPair = scratch.int32(people.keys.length * (WINDOW + 1));
    this.slotStamp = scratch.int32(people.keys.length * (WINDOW + 1));
  }

  /**
   * The key of the best-scoring actor among named[lo, hi) and resolved[from, …), or null.
   * Pairs are summed per actor in the order they first appear, ties go to the smaller key.
   */
  best(lo: number, hi: number, from: number, q: SalienceQuery): string | null {
    const { named, resolved, keys } = this.people;
    this.call++;
    this.pairs = 0;
    if (this.otherPairs.size) this.otherPairs.clear();
    for (let n = lo; n < hi; n++) this.weigh(named[n], q);
    for (let n = from; n < resolved.length; n++) this.weigh(resolved[n], q);
    while (this.score.length < keys.length) { this.score.push(0); this.listed.push(false); }
    const { score, listed, order, pairActor, pairWeight } = this;
    let actors = 0;
    for (let p = 0; p < this.pairs; p++) {
      const a = pairActor[p];
      if (!listed[a]) { listed[a] = true; order[actors++] = a; }
      score[a] += pairWeight[p];
    }
    let best: string | null = null, bestScore = 0;
    for (let n = 0; n < actors; n++) {
      const a = order[n];
      const s = score[a], k = keys[a];
      if (s > bestScore || (s === bestScore && best !== null && k < best)) { best = k; bestScore = s; }
      score[a] = 0;
      listed[a] = false;
    }
    return best;
  }

  private weigh(m: PersonMention, q: SalienceQuery): void {
    const dist = q.sentence - m.sentence;
    if (dist > WINDOW || m.actor === q.exclude || !this.people.genderOk(m.actor, q.gender)) return;
    if (q.ignoreQuoted && m.inQuote) return;
    const w = decayOver(q.decay, dist) * (m.subject ? 2 : 1) * (m.inQuote ? 0.5 : 1) * (dist === 0 && q.decay === DECAY_NEAR ? 3 : 1);
    const p = this.pairIndex(m.actor, dist, m.sentence);
    if (p === this.pairs) {
      this.pairActor[p] = m.actor;
      this.pairWeight[p] = w;
      this.pairs++;
    } else if (w > this.pairWeight[p]) {
      this.pairWeight[p] = w;
    }
  }

  /** The index of the (actor, sentence) pair among this call's pairs; `pairs` (the next index) if it is new. */
  private pairIndex(actor: number, dist: number, sentence: number): number {
    const slot = actor * (WINDOW + 1) + dist;
    if (dist < 0 || slot >= this.slotStamp.length) {
      const key = actor * (this.sentenceCount + 1) + sentence;
      const p = this.otherPairs.get(key);
      if (p !== undefined) return p;
      this.otherPairs.set(key, this.pairs);
      return this.pairs;
    }
    if (this.slotStamp[slot] !== this.call) {
      this.slotStamp[slot] = this.call;
      this.slotPair[slot] = this.pairs;
    }
    return this.slotPair[slot];
  }
}
