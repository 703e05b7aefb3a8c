/**
 * Options fail closed: every option is checked where it is given (when an adapter is made,
 * or when `toErrorResponse` and friends are called), and a misspelt name or value is a
 * TypeError naming what is accepted. Why: `redact: "ALL"` silently meaning "no masking", or
 * `onError: "x"` silently meaning "no reporting", is worse than a crash at startup.
 */
import { dialectAccepted, isDialectOption } from "./dialect-option.js";
import { isValidHeaderName } from "./headers.js";

// What `redact` accepts besides a function.
const REDACT_MODES: ReadonlySet<unknown> = new Set(["5xx", "all", "none"]);

/** The option names of `ServerOptions` (toErrorResponse, sendError, errorResponse, ...). */
export const SERVER_OPTION_NAMES: readonly string[] = [
  "requestId",
  "requestIdHeader",
  "redact",
  "onError",
  "validate",
  "bodyMetadata",
  "dialect",
];

/** The option names of `AdapterOptions` (the handlers, middleware, plugin and filter). */
export const ADAPTER_OPTION_NAMES: readonly string[] = [
  "requestIdHeader",
  "redact",
  "onError",
  "validate",
  "bodyMetadata",
  "getRequestId",
  "generateRequestId",
  "dialect",
];

const list = (names: readonly string[]): string => names.map((name) => `"${name}"`).join(", ");

/** How a wrong value looks in a message: strings quoted, other values by kind. */
function shown(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (value === null || typeof value === "number" || typeof value === "boolean") return String(value);
  return `a value of type ${typeof value}`;
}

/** Checks one option's value; `adapter` says which form `requestIdHeader` may take. */
function checkValue(where: string, name: string, value: unknown, adapter: boolean): void {
  if (value === undefined) return;
  const fail = (accepted: string): never => {
    throw new TypeError(`${where}: option ${name} must be ${accepted}, got ${shown(value)}`);
  };
  switch (name) {
    case "redact":
      if (typeof value !== "function" && !REDACT_MODES.has(value))
        fail(`"5xx", "all", "none" or a function (message, status) => string`);
      return;
    case "onError":
    case "getRequestId":
      if (typeof value !== "function") fail("a function");
      return;
    case "generateRequestId":
      if (typeof value !== "function" && typeof value !== "boolean") fail("true, false or a function () => string");
      return;
    case "validate":
    case "bodyMetadata":
    case "notFound":
      if (typeof value !== "boolean") fail("true or false");
      return;
    case "requestId":
      if (typeof value !== "string") fail("a string");
      return;
    case "format":
      if (value !== "openai" && value !== "anthropic") fail(`"openai" or "anthropic"`);
      return;
    case "dialect":
      if (!isDialectOption(value, adapter)) fail(dialectAccepted(adapter));
      return;
    case "requestIdHeader": {
      const names: unknown[] = adapter && Array.isArray(value) ? value : [value];
      const valid = names.length > 0 && names.every((n) => typeof n === "string" && isValidHeaderName(n));
      if (!valid) fail(adapter ? "a header name or a non-empty array of header names" : "a header name");
      return;
    }
  }
}

/**
 * Checks an options object: a non-object, an unknown name or a wrong value is a TypeError
 * naming the accepted names or values. `names` lists the names accepted here; `adapter`
 * says whether `requestIdHeader` may be a list. Cheap: one pass over the given keys.
 */
export function checkOptions(options: unknown, where: string, names: readonly string[], adapter: boolean): void {
  if (options === undefined) return;
  if (typeof options !== "object" || options === null || Array.isArray(options))
    throw new TypeError(`${where}: options must be an object, got ${shown(options)}`);
  // for-in and not Object.keys: no array per call (toErrorResponse checks its options on every call).
  for (const name in options) {
    if (!Object.prototype.hasOwnProperty.call(options, name)) continue;
    if (!names.includes(name))
      throw new TypeError(`${where}: unknown option ${JSON.stringify(name)}; the options are ${list(names)}`);
    checkValue(where, name, (options as Record<string, unknown>)[name], adapter);
  }
}
