import { isJsonObject, type Json, type JsonObject, type UpstreamMatch, type UpstreamRule } from "../src/index.js";

/**
 * The reference reading of a mapping rule, written down for the corpus data test (the package
 * @org/error-upstream has its own; the two are compared by the corpus table test there). What
 * a provider sent, as the rules see it.
 */
export interface Seen {
  in?: string | undefined;
  failure?: string | undefined;
  status?: number | undefined;
  headers: Record<string, string>;
  type?: string | undefined;
  code?: string | number | undefined;
  errorStatus?: string | undefined;
  message?: string | undefined;
}

const str = (v: Json | undefined): string | undefined => (typeof v === "string" ? v : undefined);

/** The members a rule reads from one error body: `error.*` when `error` is an object, else the root. */
export function membersOf(value: Json | undefined, text: string): Omit<Seen, "headers"> {
  if (!isJsonObject(value)) return { message: text.trim() === "" ? "" : text };
  const err: JsonObject = isJsonObject(value["error"]) ? value["error"] : value;
  const details = err["details"];
  const code = err["code"];
  const status = err["status"];
  return {
    type: str(err["type"]) ?? str(value["error_type"]),
    code:
      typeof code === "string" || typeof code === "number"
        ? code
        : isJsonObject(details)
          ? str(details["error_code"])
          : undefined,
    errorStatus: typeof status === "string" && /^[A-Z][A-Z_]*$/.test(status) ? status : undefined,
    message: str(err["message"]) ?? str(value["error"]) ?? str(value["message"]) ?? str(value["detail"]),
  };
}

const parse = (text: string): Json | undefined => {
  try {
    return JSON.parse(text) as Json;
  } catch {
    return undefined;
  }
};

/** The first `data:` of an event stream that carries an error (an `error` member, or Anthropic's `type: "error"`). */
export function streamError(lines: readonly string[]): Json | undefined {
  for (const line of lines) {
    if (!line.startsWith("data:")) continue;
    const value = parse(line.slice(5).trim());
    if (isJsonObject(value) && (value["error"] !== undefined || value["type"] === "error")) return value;
  }
  return undefined;
}

function inList<T>(list: readonly T[] | undefined, value: T | undefined): boolean {
  return list === undefined || (value !== undefined && list.includes(value));
}

/** Whether every member the rule gives matches what was seen. */
export function matches(m: UpstreamMatch, seen: Seen): boolean {
  if (m.failure !== undefined || seen.failure !== undefined)
    return m.failure !== undefined && seen.failure !== undefined && m.failure.includes(seen.failure);
  if ((m.in ?? "body") !== seen.in) return false;
  const status = seen.status;
  if (
    m.status &&
    !m.status.some((s) => (Array.isArray(s) ? status !== undefined && status >= s[0] && status <= s[1] : s === status))
  )
    return false;
  if (!inList(m.type, seen.type) || !inList(m.code, seen.code) || !inList(m.errorStatus, seen.errorStatus))
    return false;
  if (m.header) {
    const value = seen.headers[m.header.name];
    if (value === undefined || !inList(m.header.values, value.split(":")[0])) return false;
  }
  return m.message === undefined || (seen.message !== undefined && new RegExp(m.message, "u").test(seen.message));
}

/** The first rule that matches: the provider's, then the fallback's. */
export const firstMatch = (rules: readonly UpstreamRule[], seen: Seen): UpstreamRule | undefined =>
  rules.find((r) => matches(r.match, seen));
