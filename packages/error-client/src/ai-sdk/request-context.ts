import type { FetchInput } from "../index.js";

/** What the AI SDK puts on an `APICallError` about the request and the response's headers. */
export interface CallContext {
  url: string;
  requestBodyValues: unknown;
  responseHeaders: Record<string, string>;
}

/** The URL of a fetch input, as the AI SDK reports it (a string). */
function urlOf(input: FetchInput): string {
  return typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
}

/**
 * The request body's values: the AI SDK sends JSON text and reports the object it encoded
 * (`requestBodyValues`); the text is parsed back, anything else is reported as sent.
 */
function bodyValues(body: unknown): unknown {
  if (typeof body !== "string") return body ?? undefined;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return body;
  }
}

/** The response headers as the AI SDK's `extractResponseHeaders` gives them: a record, names lower-cased. */
function headerRecord(headers: Headers): Record<string, string> {
  const record: Record<string, string> = {};
  headers.forEach((value, name) => {
    record[name] = value;
  });
  return record;
}

/** The request and response facts every error thrown for this call carries. */
export function callContext(input: FetchInput, init: RequestInit | undefined, response: Response): CallContext {
  return {
    url: urlOf(input),
    requestBodyValues: bodyValues(init?.body),
    responseHeaders: headerRecord(response.headers),
  };
}
