export { scoreDocuments, formatReport } from "./score.js";
export { readJsonDocuments } from "./readDocs.js";
export type { GoldDoc, PredDoc } from "./goldTypes.js";
