// `parley serve`: the HTTP API and the web dashboard over a store.
import type { Command, CliIO } from "../command.js";
import { EXIT_OK, UsageError } from "../command.js";
import { parseOptions } from "../parseOptions.js";
import { openStore } from "../../store/store.js";
import { createApiServer } from "../../serve/httpApi.js";
import { DEFAULT_MAX_BYTES } from "../../intake/index.js";
import { KB_OPTION_HELP, knowledgeDirs } from "../knowledgeDirsOption.js";

const HELP = `parley serve [--db FILE|URL] [--port 8080] [--host 127.0.0.1] [--kb DIR…]

Serves the store over HTTP until stopped (Ctrl-C):
  /                      the dashboard: articles with their quotes, actors and events marked,
                         quote and event search, an events timeline, positions, actors
  /api/events|quotes|actors|positions|articles
                         rows, with ?actor= &type= &since= &until= &search= &limit= as in
                         parley query
  /api/articles/ID       one stored article as analysed (the contract document)
  /api/extract           POST {"text", "published", "url", "title"}: analyse without storing
  /api/stats, /api/health
  /openapi.json          the API described as OpenAPI 3.1

  --host H   address to listen on (default 127.0.0.1: this machine only)
  --port N   port (default 8080; 0 picks a free one)
${KB_OPTION_HELP}`;

export const serveCommand: Command = {
  name: "serve",
  summary: "HTTP API (JSON, OpenAPI) and web dashboard over the store",
  help: HELP,
  async run(argv: string[], io: CliIO): Promise<number> {
    const { values } = parseOptions(argv, { db: "string", schema: "string", port: "string", host: "string", kb: "multiple" }, "serve");
    if (values.help) { io.stdout.write(HELP + "\n"); return EXIT_OK; }
    const port = values.port === undefined ? 8080 : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`parley serve: --port must be a whole number from 0 to 65535 (got "${values.port}")`);
    const store = await openStore(values.db ?? "parley.db", { schema: values.schema });
    const server = createApiServer({ store, maxBytes: DEFAULT_MAX_BYTES, pipeline: { knowledgeDirs: knowledgeDirs(values.kb, "serve") } });
    await new Promise<void>((resolve, reject) => { server.once("error", reject); server.listen(port, values.host ?? "127.0.0.1", resolve); });
    const address = server.address();
    const where = typeof address === "object" && address ? `http://${address.family === "IPv6" ? `[${address.address}]` : address.address}:${address.port}/` : String(address);
    io.stdout.write(`parley serve: listening on ${where} (dashboard at /, API at /api, description at /openapi.json)\n`);
    await new Promise<void>((resolve) => {
      const stop = () => { server.close(() => resolve()); server.closeAllConnections(); };
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    });
    await store.close();
    return EXIT_OK;
  },
};
