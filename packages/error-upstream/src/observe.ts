import type { ApiError } from "@org/error-client";
import { bodyFacts } from "./body-facts.js";
import type { Observed } from "./types.js";

/** Reads one header of a fetch `Headers` (or anything with `get`); null when absent or unreadable. */
export function headerReader(
  headers: { get(name: string): string | null } | undefined,
): (name: string) => string | null {
  return (name) => {
    try {
      const value = headers?.get(name);
      return typeof value === "string" ? value : null;
    } catch {
      return null;
    }
  };
}

/** What error-client's parser read of an upstream answer (a response, or an event of its stream), as the rules see it. */
export function observe(
  parsed: ApiError,
  header: (name: string) => string | null,
  seen: Observed["in"],
  status: number | undefined,
): Observed {
  const facts = bodyFacts(parsed.body);
  return {
    in: seen,
    status,
    header,
    failure: undefined,
    type: facts.type,
    code: facts.code,
    errorStatus: facts.errorStatus,
    message: facts.message ?? "",
    shouldRetry: parsed.shouldRetry,
    // The parser's `code` is a catalog code the body or `x-error-code` named, else null.
    contractCode: parsed.code ?? undefined,
  };
}

/** What was seen of a transport failure: only its kind (and the status and headers, when they had arrived). */
export function observeFailure(
  failure: string,
  header: (name: string) => string | null,
  status: number | undefined,
): Observed {
  return {
    in: "body",
    status,
    header,
    failure,
    type: undefined,
    code: undefined,
    errorStatus: undefined,
    message: "",
    shouldRetry: null,
    contractCode: undefined,
  };
}
