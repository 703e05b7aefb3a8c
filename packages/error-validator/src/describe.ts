import { quote } from "./log-text.js";

/** What a number JSON cannot write reads as, said plainly: JSON text has no Infinity, only numbers too large for a double. */
function describeNumber(n: number): string {
  if (Number.isFinite(n) || Number.isNaN(n)) return `number ${String(n)}`;
  return `number ${String(n)} (a JSON number too large for a double, such as 1e400, overflows to ${String(n)})`;
}

/**
 * A short rendering of a received value for a message, safe for a log line (log-text.ts):
 * strings quoted and cut at 80 characters, Symbols by their quoted description; nothing
 * that can be long (a function's source, a bigint's digits) is printed.
 */
export function describe(value: unknown): string {
  switch (typeof value) {
    case "string":
      return quote(value);
    case "number":
      return describeNumber(value);
    case "boolean":
      return `boolean ${String(value)}`;
    case "undefined":
      return "undefined";
    case "bigint":
      return "a bigint";
    case "symbol":
      return `a symbol ${quote(value.description ?? "")}`;
    case "function":
      return "a function";
    default:
      return value === null ? "null" : Array.isArray(value) ? "an array" : "an object";
  }
}
