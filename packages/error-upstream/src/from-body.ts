import { type ApiError, parseErrorBody } from "@org/error-client";
import { answer } from "./answer.js";
import { matchRule } from "./match.js";
import { headerReader, observe } from "./observe.js";
import { type Resolved, resolveOptions, type UpstreamOptions } from "./options.js";
import type { UpstreamOutcome } from "./types.js";

/** A provider's answer you have already read: its status, headers and body. */
export interface UpstreamBody {
  /** The provider's HTTP status. */
  status: number;
  /** Its headers: a fetch `Headers`, or a record (any case). @default no headers */
  headers?: Headers | Readonly<Record<string, string>> | undefined;
  /** The body as text, bytes, or already parsed JSON. */
  body: unknown;
}

/** A header reader over a `Headers` or a plain record (names matched in any case). */
function readerOf(headers: UpstreamBody["headers"]): (name: string) => string | null {
  if (headers === undefined) return () => null;
  if (typeof (headers as Headers).get === "function") return headerReader(headers as Headers);
  const lower = new Map(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  return (name) => {
    const value = lower.get(name);
    return typeof value === "string" ? value : null;
  };
}

/** The outcome of a parsed answer: an error inside a 2xx is `success`, anything else (a 3xx, an error status) `body`. */
export function parsedOutcome(
  parsed: ApiError,
  header: (name: string) => string | null,
  resolved: Resolved,
): UpstreamOutcome {
  const status = parsed.status ?? undefined;
  const seen = observe(parsed, header, status !== undefined && status < 300 ? "success" : "body", status);
  return answer(matchRule(resolved.mapping, resolved.fallback, seen), seen, resolved, parsed);
}

/**
 * `fromUpstreamResponse` for an answer whose body you already read (a 2xx you relay unless it
 * is an error, see `isUpstreamErrorBody`): synchronous, parsed with error-client's
 * `parseErrorBody`. Wrong options are a TypeError; nothing in `input` makes it throw.
 */
export function fromUpstreamBody(input: UpstreamBody, options: UpstreamOptions): UpstreamOutcome {
  const resolved = resolveOptions(options, "fromUpstreamBody");
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- a runtime check for plain-JS callers
  if (typeof input !== "object" || input === null)
    throw new TypeError("fromUpstreamBody: expected { status, headers, body }");
  let header: (name: string) => string | null = () => null;
  try {
    header = readerOf(input.headers);
  } catch {
    // A hostile headers object: read as no headers.
  }
  // error-client reads the same headers itself (x-should-retry, x-error-code, the request id).
  const parsed = parseErrorBody({ status: input.status, body: input.body, headers: input.headers as Headers });
  return parsedOutcome(parsed, header, resolved);
}
