// Ingest progress: a bar with rate and ETA on a terminal (by bytes of input read), a
// summary line otherwise.
export class Progress {
  private last = 0;
  private readonly started = Date.now();
  constructor(private readonly out: NodeJS.WritableStream & { isTTY?: boolean }, private readonly totalBytes: number) {}

  update(doneBytes: number, articles: number, problems: number): void {
    if (!this.out.isTTY) return;
    const now = Date.now();
    if (now - this.last < 200) return;
    this.last = now;
    const secs = (now - this.started) / 1000;
    const frac = this.totalBytes > 0 ? Math.min(1, doneBytes / this.totalBytes) : 0;
    const rate = articles / Math.max(secs, 0.001);
    const eta = frac > 0 ? secs / frac - secs : 0;
    const width = 30, filled = Math.round(frac * width);
    this.out.write(`\r[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${(frac * 100).toFixed(0).padStart(3)}%  ${articles} articles  ${rate.toFixed(0)}/s  ETA ${formatSecs(eta)}  ${problems} problems `);
  }

  done(): void { if (this.out.isTTY) this.out.write("\n"); }
}

function formatSecs(s: number): string {
  if (!Number.isFinite(s)) return "?";
  const m = Math.floor(s / 60);
  return m > 0 ? `${m}m${String(Math.round(s % 60)).padStart(2, "0")}s` : `${Math.round(s)}s`;
}
