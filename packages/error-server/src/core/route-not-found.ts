import type { ContractError } from "./contract-error.js";
import { createError } from "./create-error.js";

/** Longest path quoted in a not-found message. */
const MAX_PATH_IN_MESSAGE = 200;

/**
 * The 404 for a request no route matches: code `null`, type `not_found_error`, a message
 * naming the method and path. The query string is left out: it is where keys and tokens
 * travel, and it says nothing about the route.
 */
export function routeNotFound(method?: string, url?: string): ContractError<null, 404> {
  const path = typeof url === "string" ? (url.split(/[?#]/, 1)[0] ?? "") : "";
  const shown = path.length > MAX_PATH_IN_MESSAGE ? `${path.slice(0, MAX_PATH_IN_MESSAGE)}…` : path;
  const verb = typeof method === "string" && /^[A-Z]{1,20}$/.test(method) ? `${method} ` : "";
  // Through createError, not `new ContractError`: if the schema stopped allowing 404 without a
  // code, this would fail loudly instead of sending a response the contract forbids.
  return createError(404, shown ? `No route for ${verb}${shown}` : "No route for this request");
}
