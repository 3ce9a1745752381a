// A token-sequence index over every name the knowledge base knows: entity names and
// aliases, country demonyms and capitals. Keyed on the first token (lower case), so the
// mention finder does one Map lookup per token and compares a few short arrays.
import { tokenize } from "../segment/tokenize.js";
import { Cc, charClass } from "../segment/charClass.js";
import type { KnowledgeBase } from "./types.js";

export type NameKind = "name" | "demonym" | "place";

export interface NameEntry {
  /** Lower-cased tokens of the name. */
  tokens: string[];
  /** Tokens as written, for names that must match case exactly (US, WHO, AP). */
  exactTokens: string[] | null;
  entity: string;
  kind: NameKind;
  priority: number;
}

export type NameIndex = Map<string, NameEntry[]>;

export function nameTokens(name: string): string[] {
  const plain = plainWords(name);
  if (plain) return plain;
  const t = tokenize(name);
  const out: string[] = [];
  for (let i = 0; i < t.count; i++) out.push(name.slice(t.starts[i], t.ends[i]));
  return out;
}

/**
 * The words of a name made only of letters with single spaces between ("Jay Tarriela"),
 * which the tokenizer would split at the spaces: split here without its typed arrays (the
 * actors stage asks for the surname of each person the knowledge base lacks, per
 * document). Null for any other name.
 */
function plainWords(name: string): string[] | null {
  if (name === "") return null;
  let afterSpace = true;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c === 32) {
      if (afterSpace) return null;
      afterSpace = true;
      continue;
    }
    const cc = charClass(c);
    if (cc !== Cc.Letter && cc !== Cc.Upper) return null;
    afterSpace = false;
  }
  return afterSpace ? null : name.split(" ");
}

/** All-capital short names collide with ordinary words in other cases ("US"/"us", "WHO"/"who"). */
const needsExactCase = (name: string) => /^[A-Z][A-Z.]{1,5}$/.test(name);

export function buildNameIndex(kb: KnowledgeBase): NameIndex {
  const index: NameIndex = new Map();
  const seen = new Map<string, NameEntry>();
  const put = (name: string, entity: string, kind: NameKind, priority: number) => {
    const written = nameTokens(name);
    if (written.length === 0) return;
    const tokens = written.map((t) => t.toLowerCase());
    const key = `${tokens.join(" ")}\u0000${entity}\u0000${kind}`;
    const exactTokens = needsExactCase(name) ? written : null;
    const old = seen.get(key);
    // "NATO" and "Nato": once any spelling is case-free, the entry is.
    if (old) { if (!exactTokens) old.exactTokens = null; return; }
    const entry: NameEntry = { tokens, exactTokens, entity, kind, priority };
    seen.set(key, entry);
    const list = index.get(tokens[0]) ?? [];
    list.push(entry);
    index.set(tokens[0], list);
  };
  for (const e of kb.entities.values()) {
    for (const n of e.names) put(n, e.id, "name", e.priority ?? 0);
    for (const d of e.demonyms ?? []) put(d, e.id, "demonym", e.priority ?? 0);
    for (const c of e.capitals ?? []) put(c, e.id, "place", e.priority ?? 0);
  }
  // Longest names first so "New Zealand" wins over "New", "UN Security Council" over "UN";
  // among equals, the entity that owns the name ("American": the United States).
  for (const list of index.values()) {
    list.sort((a, b) => b.tokens.length - a.tokens.length || b.priority - a.priority || (a.entity < b.entity ? -1 : a.entity > b.entity ? 1 : 0));
  }
  return index;
}
