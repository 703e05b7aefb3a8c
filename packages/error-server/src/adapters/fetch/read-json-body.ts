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

/**
 * Reads and parses the JSON body of a Fetch `Request`, reading at most `limit` bytes.
 * Rejects with the ContractError to answer with: a non-JSON `content-type` -> 415 and an
 * oversize body -> 413 (both `read_request_body_failed`), bad JSON or an empty body ->
 * 400 `bad_request_body`, a broken stream -> 400 `read_request_body_failed`.
 */
export async function readJsonBody(request: Request, options?: ReadJsonBodyOptions): Promise<unknown> {
  const limit = bodyLimit(options);
  if (!isJsonContentType(request.headers.get("content-type"))) throw unsupportedMediaType();
  if (declaredTooLarge(request.headers.get("content-length"), limit)) throw bodyTooLarge(limit);
  if (request.body === null) return parseJsonBytes(new Uint8Array(0));
  // Counted chunk by chunk, so a body without content-length cannot grow past the limit.
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    let step: ReadableStreamReadResult<Uint8Array>;
    try {
      step = await reader.read();
    } catch (cause) {
      throw bodyReadFailed(cause);
    }
    if (step.done) break;
    size += step.value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw bodyTooLarge(limit);
    }
    chunks.push(step.value);
  }
  const body = joinChunks(chunks, size);
  return parseJsonBytes(body);
}
