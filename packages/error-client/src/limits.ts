/**
 * Default cap on the bytes of an error body that are read. The rest of the stream is
 * cancelled, so a 100 MB error page from a proxy is never buffered.
 * @default 65_536 (64 KiB)
 */
export const DEFAULT_MAX_BODY_BYTES = 65_536;

/**
 * Longest `detail` (and so `ApiError.message` text) taken from a body, in Unicode code points
 * (as JSON Schema's `maxLength` counts: a character outside the BMP is one, never split).
 * Longer messages are cut with an ellipsis; the whole parsed body stays in `ApiError.body`.
 * @default 1_000
 */
export const MAX_DETAIL_LENGTH = 1_000;

/**
 * Longest plain-text detail made from a body that is not JSON (HTML, plain text, broken JSON).
 * Short on purpose: it is a hint for logs, not a document.
 * @default 300
 */
export const MAX_TEXT_DETAIL_LENGTH = 300;

/**
 * Longest raw text kept in `ApiError.body` when the body is not JSON.
 * @default 2_048
 */
export const MAX_BODY_SNIPPET_LENGTH = 2_048;

/**
 * Default cap on one server-sent event (its pending lines plus data), in UTF-16 code units.
 * A stream that never ends a line cannot grow memory without bound.
 * @default 1_048_576 (1 MiB)
 */
export const DEFAULT_MAX_SSE_EVENT_LENGTH = 1_048_576;

/**
 * Default time limit for reading an error body (from the first byte of the response to its
 * end). Past it the read is cancelled (and with it the connection) and the `ApiError` says
 * the body timed out. Bodies that trickle or never end cannot hold a caller.
 * @default 10_000 (10 s)
 */
export const DEFAULT_ERROR_BODY_TIMEOUT_MS = 10_000;

/** Longest delay a timer holds (2^31 - 1 ms, about 24.8 days); every wait is clamped to it. */
export const MAX_TIMER_DELAY_MS = 2_147_483_647;

export { cut } from "./text.js";
