import {
  bodyLimit,
  bodyReadFailed,
  bodyTooLarge,
  declaredTooLarge,
  isJsonContentType,
  parseJsonBytes,
  type ReadJsonBodyOptions,
  unsupportedMediaType,
} from "../../core/body.js";
import { joinChunks } from "../../core/join-chunks.js";
import type { NodeRequest } from "./response.js";

const header = (req: NodeRequest, name: string): string | undefined => {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/**
 * Reads and parses a JSON request body. Rejects with the ContractError to answer with:
 * a non-JSON `content-type` -> 415 and an oversize body -> 413 (both
 * `read_request_body_failed`), bad JSON or an empty body -> 400 `bad_request_body`, an
 * aborted upload -> 400 `read_request_body_failed`. At most `limit` bytes are buffered.
 */
export function readJsonBody(req: NodeRequest, options?: ReadJsonBodyOptions): Promise<unknown> {
  const limit = bodyLimit(options);
  return new Promise((resolve, reject) => {
    // A body already consumed (express.json() ran first) would never emit "end": say so instead of hanging.
    if ((req as { readableEnded?: boolean }).readableEnded === true)
      return reject(
        new TypeError("readJsonBody: the request body was already read (by express.json() or another body parser?)"),
      );
    if (!isJsonContentType(header(req, "content-type"))) return reject(unsupportedMediaType());
    // Rejected before reading: Node discards the unread body once the response is sent.
    if (declaredTooLarge(header(req, "content-length"), limit)) return reject(bodyTooLarge(limit));
    const chunks: Uint8Array[] = [];
    let size = 0;
    const stop = (): void => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
      req.off("aborted", onError);
    };
    function onData(chunk: Uint8Array | string): void {
      const bytes = typeof chunk === "string" ? new TextEncoder().encode(chunk) : chunk;
      size += bytes.byteLength;
      if (size > limit) {
        stop();
        // Keep draining (and dropping) the rest, so the 413 reaches a client still uploading.
        req.resume();
        reject(bodyTooLarge(limit));
        return;
      }
      chunks.push(bytes);
    }
    function onEnd(): void {
      stop();
      const body = joinChunks(chunks, size);
      try {
        resolve(parseJsonBytes(body));
      } catch (e) {
        // parseJsonBytes throws only the ContractError to answer with (an Error).
        reject(e as Error);
      }
    }
    function onError(cause?: unknown): void {
      stop();
      reject(bodyReadFailed(cause));
    }
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onError);
    req.on("aborted", onError);
  });
}
