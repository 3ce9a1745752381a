// The people mentioned so far, as pronoun resolution reads them: the named and role
// mentions found by the earlier finders, then each pronoun as it is resolved. Indexed by
// token and by sentence, so looking one up does not scan the whole document each time.
import type { FinderContext } from "./context.js";

export interface PersonMention {
  start: number;
  token: number;
  key: string;
  /** The actor's index in PersonMentions.keys (small integers for the salience tables). */
  actor: number;
  sentence: number;
  inQuote: boolean;
  subject: boolean;
}

export class PersonMentions {
  /** Mentions by the finders before, in order of start. */
  readonly named: PersonMention[] = [];
  /** Pronouns resolved so far, in text order. */
  readonly resolved: PersonMention[] = [];
  /** Actor keys by index, and each actor's gender: 0 unknown, 1 "m", 2 "f", 3 other. */
  readonly keys: string[] = [];
  readonly genders: number[] = [];
  private readonly actorOf = new Map<string, number>();
  /** 1 + index of the first named mention / resolved pronoun at a token, or 0. */
  private readonly namedAt: Int32Array;
  private readonly resolvedAt: Int32Array;
  private readonly namedIn = new Map<number, number[]>();
  private readonly resolvedIn = new Map<number, number[]>();

  constructor(private readonly c: FinderContext) {
    this.namedAt = c.scratch.int32(c.v.count);
    this.resolvedAt = c.scratch.int32(c.v.count);
  }

  actor(key: string): number {
    let a = this.actorOf.get(key);
    if (a === undefined) {
      a = this.keys.length;
      this.actorOf.set(key, a);
      this.keys.push(key);
      const g = this.c.reg.drafts.get(key)?.gender;
      // A gender other than m or f (none is known) agrees with neither.
      this.genders.push(g === undefined ? 0 : g === "m" ? 1 : g === "f" ? 2 : 3);
    }
    return a;
  }

  addNamed(m: PersonMention): void { this.add(m, this.named, this.namedAt, this.namedIn); }
  addResolved(m: PersonMention): void { this.add(m, this.resolved, this.resolvedAt, this.resolvedIn); }

  private add(m: PersonMention, list: PersonMention[], at: Int32Array, bySentence: Map<number, number[]>): void {
    list.push(m);
    if (m.token >= 0 && m.token < at.length && at[m.token] === 0) at[m.token] = list.length;
    const inSentence = bySentence.get(m.sentence);
    if (inSentence) inSentence.push(list.length - 1); else bySentence.set(m.sentence, [list.length - 1]);
  }

  /** The first named mention at a token, or undefined. */
  namedAtToken(token: number): PersonMention | undefined {
    const n = token >= 0 && token < this.namedAt.length ? this.namedAt[token] : 0;
    return n ? this.named[n - 1] : undefined;
  }

  /** The first mention at a token, named ones before resolved pronouns, or undefined. */
  anyAtToken(token: number): PersonMention | undefined {
    if (token < 0 || token >= this.namedAt.length) return undefined;
    const n = this.namedAt[token];
    if (n) return this.named[n - 1];
    const r = this.resolvedAt[token];
    return r ? this.resolved[r - 1] : undefined;
  }

  /**
   * The earliest mention in a sentence, of an actor other than `other` (-1: any), starting
   * before `before`, of an actor whose gender agrees (0: any) — named ones before resolved
   * pronouns when two start together, as a stable sort of named-then-resolved would give.
   * (Parameters rather than a test callback: a closure made per pronoun would allocate a
   * scope on every pass of the caller's token loop.)
   */
  firstInSentence(sentence: number, other = -1, before = Infinity, gender = 0): PersonMention | undefined {
    let best: PersonMention | undefined;
    for (const i of this.namedIn.get(sentence) ?? []) {
      const m = this.named[i];
      if ((best === undefined || m.start < best.start) && this.fits(m, other, before, gender)) best = m;
    }
    for (const i of this.resolvedIn.get(sentence) ?? []) {
      const m = this.resolved[i];
      if ((best === undefined || m.start < best.start) && this.fits(m, other, before, gender)) best = m;
    }
    return best;
  }

  private fits(m: PersonMention, other: number, before: number, gender: number): boolean {
    return m.actor !== other && m.start < before && (gender === 0 || this.genderOk(m.actor, gender));
  }

  genderOk(actor: number, gender: number): boolean {
    const g = this.genders[actor];
    return g === 0 || g === gender;
  }
}
