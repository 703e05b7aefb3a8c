import fc from "fast-check";
import { ERROR_CATALOG, ERROR_CODES, type ErrorCode } from "@org/error-types";
import { createError, type Dialect, DIALECT_NAMES, toErrorResponse } from "@org/error-server";
import { describe, expect, it } from "vitest";
import { parseErrorBody } from "../src/index.js";

// Generated errors rendered by @org/error-server in each dialect and read back from the body
// alone (no headers: a proxy may drop them), against an independent reader of each dialect's
// shape: the code, request id, param, doc URL and message survive, whatever the dialect.
const SEED = 24_003;

/** Where each dialect puts the contract's members, read by hand (not by the client's table). */
const READERS: Record<Dialect, (body: Record<string, unknown>) => Record<string, unknown>> = {
  openai: (b) => {
    const e = b["error"] as Record<string, unknown>;
    return {
      code: e["code"],
      requestId: e["request_id"],
      param: e["param"],
      docUrl: e["doc_url"],
      message: e["message"],
    };
  },
  anthropic: (b) => {
    const e = b["error"] as Record<string, Record<string, unknown> | undefined>;
    const d = e["details"] ?? {};
    return {
      code: d["error_code"],
      requestId: b["request_id"],
      param: d["param"],
      docUrl: d["doc_url"],
      message: e["message"],
    };
  },
  gemini: (b) => {
    const e = b["error"] as Record<string, unknown>;
    const info = ((e["details"] as Record<string, unknown>[] | undefined) ?? [])[0] ?? {};
    const meta = (info["metadata"] as Record<string, unknown> | undefined) ?? {};
    return {
      code: info["reason"],
      requestId: meta["request_id"],
      param: meta["param"],
      docUrl: meta["doc_url"],
      message: e["message"],
    };
  },
};

const visible = fc.string({
  unit: fc.integer({ min: 0x21, max: 0x7e }).map((n) => String.fromCharCode(n)),
  minLength: 1,
  maxLength: 40,
});
const words = fc.string({
  unit: fc.constantFrom("a", "Z", "é", "中", "😀", " ", "-", "'", "0"),
  minLength: 1,
  maxLength: 30,
});
const errorCase = fc.oneof(
  fc.record({ code: fc.constantFrom(...ERROR_CODES), status: fc.constant(0) }),
  fc.record({ code: fc.constant(null), status: fc.constantFrom(400, 401, 404, 429, 500, 502, 503) }),
);

describe("dialect bodies, read back from the body alone (fast-check, fixed seed)", () => {
  it("code, request id, param, doc URL and message are what the server was given, in every dialect, body form and body version", () => {
    fc.assert(
      fc.property(
        errorCase,
        fc.constantFrom(...DIALECT_NAMES),
        visible,
        // A param or none: a body may then carry nothing beside the code (Google: no metadata).
        fc.option(
          words.filter((w) => w.trim() !== ""),
          { nil: undefined },
        ),
        words.filter((w) => w.trim() !== ""),
        fc.constantFrom("text", "object", "bytes"),
        fc.boolean(),
        ({ code, status }, dialect, requestId, param, message, form, bodyMetadata) => {
          const error =
            code === null
              ? createError(status as 400, message, param === undefined ? {} : { param })
              : createError(code as ErrorCode, message, param === undefined ? {} : { param });
          // bodyMetadata: false sends 1.0 bodies: no request_id, no doc_url (the code stays).
          const response = toErrorResponse(error, { dialect, requestId, bodyMetadata });
          const text = JSON.stringify(response.body);
          const body = form === "text" ? text : form === "bytes" ? new TextEncoder().encode(text) : JSON.parse(text);
          const parsed = parseErrorBody({ status: response.status, body });
          const sent = READERS[dialect](JSON.parse(text) as Record<string, unknown>);
          // The independent reader finds what the server was given...
          expect([sent["code"] ?? null, sent["requestId"]]).toEqual([code, bodyMetadata ? requestId : undefined]);
          // ...and the client reads the same. (Google's `error.code` is the HTTP status: the
          // raw code of a codeless body, as for any Google error.)
          expect(parsed.code).toBe(code);
          expect(parsed.rawCode).toBe(code ?? (dialect === "gemini" ? response.status : undefined));
          expect(parsed.requestId).toBe(bodyMetadata ? requestId : null);
          // Texts as one line, runs of white space as one space (what ApiError promises).
          const line = (v: unknown): string => String(v).replace(/\s+/g, " ").trim();
          expect(parsed.param).toBe(sent["param"] === undefined ? null : line(sent["param"]));
          expect(parsed.docUrl).toBe(code === null || !bodyMetadata ? null : ERROR_CATALOG[code].docUrl);
          expect(parsed.detail).toBe(line(sent["message"]));
          expect(parsed.status).toBe(response.status);
        },
      ),
      { seed: SEED, numRuns: 300 },
    );
  });
});
