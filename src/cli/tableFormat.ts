// Rows as a terminal table or as CSV (RFC 4180 quoting; codes stay strings).
export function toTable(rows: Array<Record<string, unknown>>, maxWidth = 60): string {
  if (rows.length === 0) return "(no rows)\n";
  const cols = Object.keys(rows[0]);
  const cell = (v: unknown) => { const s = v === null || v === undefined ? "" : String(v).replace(/\s+/g, " "); return s.length > maxWidth ? s.slice(0, maxWidth - 1) + "…" : s; };
  const widths = cols.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)));
  const line = (vals: string[]) => vals.map((v, i) => v.padEnd(widths[i])).join("  ").trimEnd();
  return [line(cols), line(widths.map((w) => "-".repeat(w))), ...rows.map((r) => line(cols.map((c) => cell(r[c]))))].join("\n") + "\n";
}

export function toCsv(rows: Array<Record<string, unknown>>, cols = rows.length ? Object.keys(rows[0]) : []): string {
  const q = (v: unknown) => { const s = v === null || v === undefined ? "" : String(v); return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s; };
  return [cols.join(","), ...rows.map((r) => cols.map((c) => q(r[c])).join(","))].join("\n") + "\n";
}
