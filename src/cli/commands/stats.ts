// `parley stats`: how much the store holds.
import type { Command, CliIO } from "../command.js";
import { EXIT_OK } from "../command.js";
import { parseOptions } from "../parseOptions.js";
import { openStore } from "../../store/store.js";

const HELP = `parley stats [--db FILE|URL]

Counts of stored articles, actors, mentions, quotes, events, distinct real-world events
(event_clusters) and events reported by more than one article.`;

export const statsCommand: Command = {
  name: "stats",
  summary: "counts of what the store holds",
  help: HELP,
  async run(argv: string[], io: CliIO): Promise<number> {
    const { values } = parseOptions(argv, { db: "string", schema: "string" }, "stats");
    if (values.help) { io.stdout.write(HELP + "\n"); return EXIT_OK; }
    const store = await openStore(values.db ?? "parley.db", { schema: values.schema });
    try {
      for (const [k, v] of Object.entries(await store.stats())) io.stdout.write(`${k.padEnd(22)} ${v}\n`);
      return EXIT_OK;
    } finally {
      await store.close();
    }
  },
};
