import { CONTRACT_VERSION, ERROR_CATALOG_JSON } from "@org/error-types";
import { createError } from "./create-error.js";
import { toErrorResponse } from "./error-response.js";
import { negotiateOwnResponse } from "./problem-details.js";

/** Where services serve the machine-readable catalog (`@org/error-types/errors.json`). */
export const ERROR_CATALOG_PATH = "/v1/errors";

/** A plain response any framework can send: status, lower-case headers, body text. */
export interface CatalogResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** What the handler needs of a request; `url` may be a path (`/v1/errors?x=1`) or an absolute URL. */
export interface CatalogRequest {
  method: string;
  url: string;
  /** The `If-None-Match` request header, if any: every line of it, joined with ", ". */
  ifNoneMatch?: string | null | undefined;
  /** The `Accept` request header, if any: a 405 is answered in the form it prefers. */
  accept?: string | null | undefined;
}

/** Options of the catalog handlers. */
export interface CatalogOptions {
  /** The path to answer on; default `/v1/errors`. */
  path?: string;
}

// FNV-1a over the text, once: a strong validator that changes whenever the catalog does.
// No node:crypto, so the core stays framework- and runtime-free (Workers, Deno, Bun, browsers).
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash.toString(16).padStart(8, "0");
}
const ETAG = `"${CONTRACT_VERSION}-${fnv1a(ERROR_CATALOG_JSON)}"`;
const LENGTH = String(new TextEncoder().encode(ERROR_CATALOG_JSON).byteLength);
const ALLOW = "GET, HEAD, OPTIONS";
// The answer to a CORS preflight (and to any OPTIONS): the methods and request headers a page may use.
const PREFLIGHT: Readonly<Record<string, string>> = {
  allow: ALLOW,
  "access-control-allow-origin": "*",
  "access-control-allow-methods": "GET, HEAD",
  "access-control-allow-headers": "accept, if-none-match",
  "access-control-max-age": "86400",
};

function pathOf(url: string): string {
  // An absolute URL's path, or the path itself; the query string and fragment never decide.
  const path = /^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, "") : url;
  return path.split(/[?#]/, 1)[0] || "/";
}

/** True when an `If-None-Match` value names the current catalog (or is `*`). */
function matches(ifNoneMatch: string | null | undefined): boolean {
  if (typeof ifNoneMatch !== "string") return false;
  return ifNoneMatch.split(",").some((tag) => {
    const t = tag.trim();
    return t === "*" || t === ETAG || t === `W/${ETAG}`;
  });
}

/**
 * Answers `GET /v1/errors` (and `HEAD`) with the catalog, byte for byte `errors.json`;
 * `304` when `If-None-Match` names it; `204` with the CORS preflight headers for `OPTIONS`;
 * `405` with the contract's envelope (or problem details, as `accept` asks) and `Allow` for
 * any other method. Returns `undefined` for any other path, so it composes with a router.
 */
export function errorCatalogResponse(request: CatalogRequest, options?: CatalogOptions): CatalogResponse | undefined {
  // A runtime check for plain-JS callers: the types say `request` is always this shape.
  const given = request as Partial<CatalogRequest> | null;
  if (
    given === null ||
    typeof given !== "object" ||
    typeof given.method !== "string" ||
    typeof given.url !== "string"
  ) {
    throw new TypeError("errorCatalogResponse: request must be { method: string, url: string }");
  }
  const path = options?.path ?? ERROR_CATALOG_PATH;
  if (pathOf(request.url) !== path) return undefined;
  const method = request.method.toUpperCase();
  // Public, read-only data: any page may fetch it, with a conditional request too (If-None-Match
  // is not a CORS-safelisted header, so the browser asks first with a preflight).
  if (method === "OPTIONS") return { status: 204, headers: { ...PREFLIGHT }, body: "" };
  if (method !== "GET" && method !== "HEAD") {
    const error = negotiateOwnResponse(
      toErrorResponse(createError(405, `${path} accepts GET and HEAD only`)),
      request.accept,
    );
    return {
      status: error.status,
      headers: { ...error.headers, allow: ALLOW, "access-control-allow-origin": "*" },
      body: JSON.stringify(error.body),
    };
  }
  const headers: Record<string, string> = {
    etag: ETAG,
    "cache-control": "public, max-age=300",
    "access-control-allow-origin": "*",
    // Lets a page read the validator it will send back in If-None-Match.
    "access-control-expose-headers": "etag",
    "x-content-type-options": "nosniff",
  };
  if (matches(request.ifNoneMatch)) return { status: 304, headers, body: "" };
  headers["content-type"] = "application/json; charset=utf-8";
  headers["content-length"] = LENGTH;
  return { status: 200, headers, body: method === "HEAD" ? "" : ERROR_CATALOG_JSON };
}

/**
 * The same for Fetch API runtimes (Workers, Deno, Bun, Hono, Next route handlers):
 * `return errorCatalogFetchHandler(request) ?? next()`.
 */
export function errorCatalogFetchHandler(request: Request, options?: CatalogOptions): Response | undefined {
  const answer = errorCatalogResponse(
    {
      method: request.method,
      url: request.url,
      ifNoneMatch: request.headers.get("if-none-match"),
      accept: request.headers.get("accept"),
    },
    options,
  );
  if (!answer) return undefined;
  // 204, 304 and HEAD have no body; a Response with one would be refused.
  const body = answer.body === "" || request.method.toUpperCase() === "HEAD" ? null : answer.body;
  return new Response(body, { status: answer.status, headers: answer.headers });
}
