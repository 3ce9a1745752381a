// The most salient person before a pronoun: a decaying count of mentions, one per actor
// per sentence (a role and its apposed name are one reference), with extra weight for a
// clause's subject. The tables are kept between calls so that scoring one pronoun
// allocates nothing but what the window needs the first time.
import type { PersonMention, PersonMentions } from "./personMentions.js";

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

export class Salience {
  /** (actor, sentence) pair -> index into the pair arrays, for this call. */
  private readonly pairOf = new Map<number, number>();
  private pairActor: number[] = [];
  private pairWeight: number[] = [];
  private readonly score: number[] = [];
  private readonly listed: boolean[] = [];
  private order: number[] = [];

  constructor(private readonly people: PersonMentions, private readonly sentenceCount: number) {}

  /**
   * The key of the best-scoring actor among named[lo, hi) and resolved[from, …), or null.
   * Pairs are summed per actor in the order they first appear, ties go to the smaller key.
   */
  best(lo: number, hi: number, from: number, q: SalienceQuery): string | null {
    const { named, resolved } = this.people;
    this.pairOf.clear();
    this.pairActor.length = 0;
    this.pairWeight.length = 0;
    for (let n = lo; n < hi; n++) this.weigh(named[n], q);
    for (let n = from; n < resolved.length; n++) this.weigh(resolved[n], q);
    while (this.score.length < this.people.keys.length) { this.score.push(0); this.listed.push(false); }
    const { score, listed, order, pairActor, pairWeight } = this;
    order.length = 0;
    for (let p = 0; p < pairActor.length; p++) {
      const a = pairActor[p];
      if (!listed[a]) { listed[a] = true; order.push(a); }
      score[a] += pairWeight[p];
    }
    let best: string | null = null, bestScore = 0;
    for (const a of order) {
      const s = score[a], k = this.people.keys[a];
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
    const w = Math.pow(q.decay, dist) * (m.subject ? 2 : 1) * (m.inQuote ? 0.5 : 1) * (dist === 0 && q.decay === DECAY_NEAR ? 3 : 1);
    const pair = m.actor * (this.sentenceCount + 1) + m.sentence;
    const p = this.pairOf.get(pair);
    if (p === undefined) {
      this.pairOf.set(pair, this.pairActor.length);
      this.pairActor.push(m.actor);
      this.pairWeight.push(w);
    } else if (w > this.pairWeight[p]) {
      this.pairWeight[p] = w;
    }
  }
}
