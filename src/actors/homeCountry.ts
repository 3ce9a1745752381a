// The article's home country at a point: the country its actors so far belong to most
// often ("the prime minister" in a story about British ministers is Britain's).
import type { FinderContext } from "./context.js";

export function homeCountry(c: FinderContext, before: number): string | null {
  const counts = new Map<string, number>();
  let best: string | null = null, bestN = 0;
  for (const m of c.reg.mentions) {
    if (m.start >= before) continue;
    const country = c.reg.drafts.get(m.key)?.country;
    if (!country) continue;
    const n = (counts.get(country) ?? 0) + 1;
    counts.set(country, n);
    if (n > bestN) { best = country; bestN = n; }
  }
  return best;
}
