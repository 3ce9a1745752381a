// The HTTP API described as OpenAPI 3.1, served at /openapi.json: the one place a client
// learns the endpoints, their parameters and their answers.
const filterParams = [
  { name: "actor", in: "query", description: "part of a name, or a code such as GBRGOV", schema: { type: "string" } },
  { name: "type", in: "query", description: "events: PLOVER type or CAMEO code; quotes: direct|mixed|indirect; actors: kind; positions: stance", schema: { type: "string" } },
  { name: "since", in: "query", description: "YYYY-MM-DD, inclusive", schema: { type: "string", format: "date" } },
  { name: "until", in: "query", description: "YYYY-MM-DD, inclusive", schema: { type: "string", format: "date" } },
  { name: "search", in: "query", description: "full-text search over the sentences the items stand in", schema: { type: "string" } },
  { name: "limit", in: "query", description: "rows to return (1 to 1000, default 100)", schema: { type: "integer", minimum: 1, maximum: 1000 } },
];

const error = { description: "bad request: the message names the parameter or field", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } };
const rows = (what: string) => ({
  get: {
    summary: `stored ${what}, filtered`,
    parameters: filterParams,
    responses: { 200: { description: `${what} as rows`, content: { "application/json": { schema: { type: "array", items: { type: "object" } } } } }, 400: error },
  },
});

export function openApiDocument(): Record<string, unknown> {
  return {
    openapi: "3.1.0",
    info: { title: "Parley", version: "0.1.0", description: "Who said what, who did what to whom, and who stands where, from news text. Every item carries offsets into its article's text." },
    paths: {
      "/api/health": { get: { summary: "the server is up", responses: { 200: { description: "ok" } } } },
      "/api/stats": { get: { summary: "counts of what the store holds", responses: { 200: { description: "counts by table" } } } },
      "/api/events": rows("events (PLOVER type, CAMEO code, source, target, date, place, evidence)"),
      "/api/quotes": rows("quotations (speaker, type, cue, text)"),
      "/api/actors": rows("actors with the number of articles naming them"),
      "/api/positions": rows("positions (actor, stance, issue, condition)"),
      "/api/articles": rows("articles (id, date, title, URL, counts of quotes and events)"),
      "/api/articles/{id}": {
        get: {
          summary: "one stored article as analysed: the output contract document",
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
          responses: { 200: { description: "the contract document (see DESIGN.md)" }, 404: error },
        },
      },
      "/api/extract": {
        post: {
          summary: "analyse one article without storing it",
          requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/Article" } } } },
          responses: { 200: { description: "the contract document" }, 400: error, 413: error },
        },
      },
    },
    components: {
      schemas: {
        Error: { type: "object", required: ["error"], properties: { error: { type: "string" } } },
        Article: {
          type: "object",
          required: ["text"],
          properties: {
            text: { type: "string", description: "the article's text" },
            published: { type: "string", format: "date", description: "publication date, the anchor of relative dates" },
            url: { type: "string" },
            title: { type: "string" },
            id: { type: "string", description: "default: derived from the text and URL" },
          },
        },
      },
    },
  };
}
