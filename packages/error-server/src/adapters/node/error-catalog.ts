import { type CatalogOptions, errorCatalogResponse } from "../../core/error-catalog-handler.js";
import { type NodeRequest, type NodeResponse, nodeHeader, nodeHeaderLines } from "./response.js";

/**
 * Serves the machine-readable catalog (`@org/error-types/errors.json`) at `GET /v1/errors`
 * (and `HEAD`, with an `ETag` and `304`; other methods get a 405 envelope). Returns `true`
 * when it answered, `false` for any other path, so it is one line in any `node:http` or
 * Express app: `if (serveErrorCatalog(req, res)) return;` or
 * `app.use((req, res, next) => serveErrorCatalog(req, res) || next())`.
 */
export function serveErrorCatalog(req: NodeRequest, res: NodeResponse, options?: CatalogOptions): boolean {
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- runtime check for plain-JS callers (no req at all)
  if (typeof req?.method !== "string" || typeof req.url !== "string")
    throw new TypeError("serveErrorCatalog: req must be an incoming request");
  const answer = errorCatalogResponse(
    {
      method: req.method,
      url: req.url,
      ifNoneMatch: nodeHeaderLines(req, "if-none-match"),
      accept: nodeHeader(req, "accept"),
    },
    options,
  );
  if (answer === undefined) return false;
  // Both response kinds (http and the http2 compatibility API) take these two calls alike.
  const out = res as unknown as {
    writeHead(status: number, headers: Record<string, string>): unknown;
    end(body?: string): unknown;
  };
  out.writeHead(answer.status, answer.headers);
  // Only GET carries the text; 304 and HEAD have none (content-length still says what GET would send).
  out.end(answer.body === "" || req.method.toUpperCase() === "HEAD" ? undefined : answer.body);
  return true;
}
