import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * Scripts for contract 1.2's compatibility claim (issue 25 item 6): a consumer still on the
 * last release reads what a 1.2 server sends. The new consumer writes two kinds of responses:
 * envelopes carrying 1.2's `error.upstream` (attribution "full": every member), and the same
 * errors in the non-default dialects (`anthropic`, `gemini`: other body shapes). The old
 * consumer reads each with its own validator and client (compat.ts's READ_BODIES).
 */

/** The file the two consumers exchange. */
export const BODIES_1_2_FILE = "bodies-1-2.json";

/** The upstream every attributed error carries (plain strings: masking leaves them as they are). */
export const E2E_UPSTREAM = {
  provider: "openai",
  status: 429,
  code: "rate_limit_exceeded",
  type: "requests",
  request_id: "req_up_e2e",
} as const;

/** One response of the 1.2 server, with what the 1.2 client makes of the same error as an envelope. */
export interface Written12 {
  /** `upstream` (an envelope with error.upstream) or the dialect the body is in. */
  form: "upstream" | "anthropic" | "gemini";
  status: number;
  headers: Record<string, string>;
  /** The body as sent (JSON). */
  body: Record<string, unknown>;
  requestId: string;
  /** The error's catalog code (null for the code-less 429) and its message. */
  code: string | null;
  message: string;
  /** The 1.2 strict validation of the body (meaningful for `upstream` only: a dialect body is no envelope). */
  strictValid: boolean;
  /** The 1.2 client's retry decision on the envelope of the same error. */
  retryable: boolean;
}

/** Run by the new consumer: `node write-bodies-1-2.mjs <out.json>`. */
export const WRITE_BODIES_1_2 = `import { writeFileSync } from "node:fs";
import { createError, toErrorResponse } from "@org/error-server";
import { validateErrorEnvelope } from "@org/error-validator";
import { isRetryable, parseErrorResponse } from "@org/error-client";
import * as types from "@org/error-types";
const upstream = ${JSON.stringify(E2E_UPSTREAM)};
const make = (options) => [
  ...types.ERROR_CODES.map((code) => createError(code, options)),
  createError(429, "Slow down", options),
];
const responses = [];
const add = async (form, error, i, options) => {
  const requestId = "req-e2e-" + form + "-" + i;
  const r = toErrorResponse(error, { requestId, ...options });
  // What the 1.2 client decides on the default (envelope) form of the same error.
  const plain = toErrorResponse(error, { requestId });
  const parsed = await parseErrorResponse(new Response(JSON.stringify(plain.body), { status: plain.status, headers: plain.headers }));
  responses.push({
    form, status: r.status, headers: r.headers, body: r.body, requestId, code: error.code, message: error.message,
    strictValid: validateErrorEnvelope(r.body, { mode: "strict" }).ok, retryable: isRetryable(parsed),
  });
};
for (const [i, error] of make({ upstream }).entries()) await add("upstream", error, i, { attribution: "full" });
for (const dialect of ["anthropic", "gemini"])
  for (const [i, error] of make(undefined).entries()) await add(dialect, error, i, { dialect });
// DIALECT_NAMES is 1.2's: undefined in a release without the dialects.
writeFileSync(process.argv[2], JSON.stringify({ version: types.CONTRACT_VERSION, dialects: types.DIALECT_NAMES ?? null, responses }, null, 2));
`;

/** Writes the 1.2 writer into the new consumer (the old consumer reads with compat.ts's READ_BODIES). */
export function writeCompat12Sources(dir: string): void {
  mkdirSync(join(dir, "src"), { recursive: true });
  writeFileSync(join(dir, "src/write-bodies-1-2.mjs"), WRITE_BODIES_1_2);
}
