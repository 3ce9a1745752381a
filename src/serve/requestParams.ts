// Query-string filters of the list endpoints, checked the way `parley query` checks its
// options: a bad value is a 400 naming the parameter, never a silently ignored filter.
import { isIsoDate } from "../intake/index.js";
import type { QueryFilter, QueryKind } from "../store/store.js";

export class BadRequest extends Error {
  constructor(message: string, readonly status = 400) {
    super(message);
    this.name = "BadRequest";
  }
}

/** The filters each list honours (store/queries.ts): any other is refused, never ignored. */
const FILTERS: Record<QueryKind, readonly string[]> = {
  events: ["actor", "type", "since", "until", "search", "limit"],
  quotes: ["actor", "type", "since", "until", "search", "limit"],
  positions: ["actor", "type", "since", "until", "search", "limit"],
  actors: ["actor", "type", "limit"],
  articles: ["actor", "since", "until", "search", "limit"],
};
export const MAX_LIMIT = 1000;

export function filterFromQuery(kind: QueryKind, params: URLSearchParams): QueryFilter {
  const known = FILTERS[kind];
  for (const k of params.keys()) if (!known.includes(k)) throw new BadRequest(`unknown parameter "${k}" for ${kind} (known: ${known.join(", ")})`);
  const one = (k: string): string | undefined => {
    const all = params.getAll(k);
    if (all.length > 1) throw new BadRequest(`parameter "${k}" is given ${all.length} times`);
    const v = all[0]?.trim();
    return v === undefined || v === "" ? undefined : v;
  };
  const f: QueryFilter = { actor: one("actor"), type: one("type"), since: one("since"), until: one("until"), search: one("search") };
  for (const k of ["since", "until"] as const) if (f[k] !== undefined && !isIsoDate(f[k]!)) throw new BadRequest(`"${k}" must be a date YYYY-MM-DD (got "${f[k]}")`);
  const limit = one("limit");
  f.limit = 100;
  if (limit !== undefined) {
    const n = Number(limit);
    if (!Number.isInteger(n) || n < 1 || n > MAX_LIMIT) throw new BadRequest(`"limit" must be a whole number from 1 to ${MAX_LIMIT} (got "${limit}")`);
    f.limit = n;
  }
  return f;
}
