// Date arithmetic on ISO calendar dates (UTC, no time of day) and ISO weeks.

export function parseIso(d: string): Date {
  return new Date(`${d}T00:00:00Z`);
}

export function iso(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function addDays(d: Date, n: number): Date {
  return new Date(d.getTime() + n * 86400000);
}

/** ISO weekday: Monday 1 … Sunday 7. */
export function weekday(d: Date): number {
  return ((d.getUTCDay() + 6) % 7) + 1;
}

/** ISO week value "YYYY-Www" of a date. */
export function isoWeek(d: Date): string {
  const thursday = addDays(d, 4 - weekday(d));
  const year = thursday.getUTCFullYear();
  const jan1 = new Date(Date.UTC(year, 0, 1));
  const week = Math.floor((thursday.getTime() - jan1.getTime()) / 86400000 / 7) + 1;
  return `${year}-W${String(week).padStart(2, "0")}`;
}

export function isoMonth(year: number, month: number): string {
  const d = new Date(Date.UTC(year, month - 1, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
}

export function validDay(year: number, month: number, day: number): string | null {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCMonth() === month - 1 && d.getUTCDate() === day ? iso(d) : null;
}
