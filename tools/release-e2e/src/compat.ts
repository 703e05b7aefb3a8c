import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * Scripts for the compatibility claim of a minor release: a consumer still on the previous
 * version reads the new version's error bodies. The new consumer writes every response its
 * server makes (every catalog code and one code-less error) to a file; the old consumer
 * reads that file with its own (old) validator and client.
 */

/** The file the two consumers exchange. */
export const BODIES_FILE = "bodies.json";

/** A response the new server made, as written to {@link BODIES_FILE}. */
export interface WrittenResponse {
  status: number;
  headers: Record<string, string>;
  body: { error: { code: string | null; type: string; message: string; request_id?: string; doc_url?: string } };
  /** The new version's strict validation of the body. */
  strictValid: boolean;
  /** `ERROR_CATALOG[code].docUrl` of the new version, null for no code. */
  catalogDocUrl: string | null;
}

/** Run by the new consumer: `node write-bodies.mjs <out.json>`. Request ids are `req-e2e-<n>`. */
export const WRITE_BODIES = `import { writeFileSync } from "node:fs";
import { createError, toErrorResponse } from "@org/error-server";
import { validateErrorEnvelope } from "@org/error-validator";
import { CONTRACT_VERSION, ERROR_CATALOG, ERROR_CODES } from "@org/error-types";
const errors = [...ERROR_CODES.map((code) => createError(code)), createError(429, "Slow down")];
const responses = errors.map((error, i) => {
  const r = toErrorResponse(error, { requestId: "req-e2e-" + i });
  const code = r.body.error.code;
  return { status: r.status, headers: r.headers, body: r.body, strictValid: validateErrorEnvelope(r.body, { mode: "strict" }).ok, catalogDocUrl: code === null ? null : ERROR_CATALOG[code].docUrl };
});
writeFileSync(process.argv[2], JSON.stringify({ version: CONTRACT_VERSION, responses }, null, 2));
`;

/** What the old consumer saw in one body. */
export interface OldReading {
  code: string | null;
  lenient: boolean;
  strict: boolean;
  strictIssues: string[];
  apiError:
    | {
        name: string;
        code: string | null;
        rawCode: unknown;
        type: string | null;
        status: number | null;
        requestId: string | null;
        isContract: boolean;
        detail: string;
        /** The old client's `isRetryable`. */
        retryable: boolean;
      }
    | { threw: string };
}

/**
 * Run by the old consumer: `node read-bodies.mjs <bodies.json>` (any file with `responses`:
 * status, headers, body). Each body goes through the wire as JSON text, then the old lenient
 * and strict validators and the old client's `parseErrorResponse` (a real fetch `Response`
 * with the server's status and headers) and `isRetryable`.
 */
export const READ_BODIES = `import { readFileSync } from "node:fs";
import { isRetryable, parseErrorResponse } from "@org/error-client";
import { validateErrorEnvelope } from "@org/error-validator";
import { CONTRACT_VERSION } from "@org/error-types";
const { responses } = JSON.parse(readFileSync(process.argv[2], "utf8"));
const readings = [];
for (const r of responses) {
  const wire = JSON.stringify(r.body);
  const lenient = validateErrorEnvelope(JSON.parse(wire), { mode: "lenient" });
  const strict = validateErrorEnvelope(JSON.parse(wire), { mode: "strict" });
  let apiError;
  try {
    const e = await parseErrorResponse(new Response(wire, { status: r.status, headers: r.headers }));
    apiError = { name: e.name, code: e.code, rawCode: e.rawCode, type: e.type, status: e.status, requestId: e.requestId,
      isContract: e.isContract, detail: e.detail, retryable: isRetryable(e) };
  } catch (e) {
    apiError = { threw: String(e) };
  }
  readings.push({ code: r.body.error?.code ?? null, lenient: lenient.ok, strict: strict.ok, strictIssues: strict.ok ? [] : strict.issues.map((i) => i.path + " " + i.message), apiError });
}
console.log(JSON.stringify({ version: CONTRACT_VERSION, readings }));
`;

/** Typed use of the 1.1 members: compiles only against types that have them. */
export const TYPED_1_1 = `import { createError, toErrorResponse } from "@org/error-server";
import { type ApiError, parseErrorBody } from "@org/error-client";
import type { ErrorEnvelope } from "@org/error-types";
const envelope: ErrorEnvelope = toErrorResponse(createError("model_not_found"), { requestId: "r1" }).body;
const requestId: string | undefined = envelope.error.request_id;
const docUrl: string | undefined = envelope.error.doc_url;
const apiError: ApiError = parseErrorBody({ status: 404, body: envelope });
export const seen = { requestId, docUrl, clientRequestId: apiError.requestId };
`;

/** Writes the compatibility scripts (and the 1.1 typed file with its tsconfig) into a consumer. */
export function writeCompatSources(dir: string): void {
  mkdirSync(join(dir, "src"), { recursive: true });
  writeFileSync(join(dir, "src/write-bodies.mjs"), WRITE_BODIES);
  writeFileSync(join(dir, "src/read-bodies.mjs"), READ_BODIES);
  writeFileSync(join(dir, "src/typed-1-1.ts"), TYPED_1_1);
}
