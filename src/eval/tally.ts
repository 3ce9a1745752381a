// Running counts over all scored documents; report.ts turns them into figures.

export interface Tally {
  docs: number; missing: number;
  quotes: { tp: number; lenient: number; exact: number; pred: number; gold: number; attributed: number; attributedOk: number; byType: Map<string, { gold: number; found: number }> };
  required: { quotes: number; quotesFound: number; events: number; eventsFound: number };
  notQuotes: { gold: number; wronglyAttributed: number };
  seedEvents: { tp: number; pred: number; gold: number };
  cameo: { root: number; country: number; full: number; pred: number; gold: number };
  plover: { type: number; dyad: number; pred: number; gold: number };
  penta: { tp: number; pred: number; gold: number; sourceGold: number; sourceOk: number };
  resolve: { countryGold: number; countryOk: number; sectorGold: number; sectorOk: number };
  positions: { gold: number; found: number; contradicted: number };
  dates: { gold: number; ok: number };
  actors: { gold: number; ok: number };
}

export function newTally(): Tally {
  return {
    docs: 0, missing: 0,
    quotes: { tp: 0, lenient: 0, exact: 0, pred: 0, gold: 0, attributed: 0, attributedOk: 0, byType: new Map() },
    required: { quotes: 0, quotesFound: 0, events: 0, eventsFound: 0 },
    notQuotes: { gold: 0, wronglyAttributed: 0 },
    seedEvents: { tp: 0, pred: 0, gold: 0 },
    cameo: { root: 0, country: 0, full: 0, pred: 0, gold: 0 },
    plover: { type: 0, dyad: 0, pred: 0, gold: 0 },
    penta: { tp: 0, pred: 0, gold: 0, sourceGold: 0, sourceOk: 0 },
    resolve: { countryGold: 0, countryOk: 0, sectorGold: 0, sectorOk: 0 },
    positions: { gold: 0, found: 0, contradicted: 0 },
    dates: { gold: 0, ok: 0 },
    actors: { gold: 0, ok: 0 },
  };
}
