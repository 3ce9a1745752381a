export * from "./contract.js";
export * from "./document.js";
export * from "./tokens.js";
export * from "./errors.js";
