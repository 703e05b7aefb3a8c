import { describe, expect, it } from "vitest";
import {
  CONTRACT_VERSION,
  ERROR_CATALOG,
  ERROR_CODES,
  ERROR_REFERENCE_URL,
  ERROR_TYPES,
  errorTypeForHttpStatus,
  isRetryableErrorCode,
  RETRYABLE_ERROR_CODES,
} from "../src/index.js";
import pkg from "../package.json" with { type: "json" };
import { designStatuses, referenceCodes } from "./reference.js";

describe("the catalog equals the gateway's error reference", () => {
  const reference = referenceCodes();
  const design = designStatuses();

  it("has the reference's 26 codes, in the reference's order", () => {
    expect(reference).toHaveLength(26);
    expect([...ERROR_CODES]).toEqual(reference.map((r) => r.code));
    expect(Object.keys(ERROR_CATALOG)).toEqual(reference.map((r) => r.code));
  });

  it.each(reference)("$code: meaning and advice are the reference's, verbatim", ({ code, meaning, action }) => {
    const entry = ERROR_CATALOG[code as keyof typeof ERROR_CATALOG];
    expect(entry.meaning).toBe(meaning);
    expect(entry.action).toBe(action);
  });

  it.each(reference)("$code: status and retryable are the design's", ({ code }) => {
    const entry = ERROR_CATALOG[code as keyof typeof ERROR_CATALOG];
    expect({ status: entry.status, retryable: entry.retryable }).toEqual(design.get(code));
  });

  it("the design's table names every code once and nothing else", () => {
    expect([...design.keys()].sort()).toEqual([...ERROR_CODES].sort());
  });

  it.each(reference)(
    '$code: retryable follows the advice rule (advice starting with "Retry" means yes)',
    ({ code, action }) => {
      expect(ERROR_CATALOG[code as keyof typeof ERROR_CATALOG].retryable).toBe(action.startsWith("Retry"));
    },
  );

  it.each(reference)("$code: its type is a known category and fits its status", ({ code }) => {
    const entry = ERROR_CATALOG[code as keyof typeof ERROR_CATALOG];
    expect(ERROR_TYPES).toContain(entry.type);
    expect(entry.type).toBe(errorTypeForHttpStatus(entry.status));
  });

  it("client mistakes are 4xx and never retryable; retryable codes are 5xx", () => {
    for (const code of ERROR_CODES) {
      const { status, retryable } = ERROR_CATALOG[code];
      if (status < 500) expect(retryable, code).toBe(false);
      if (retryable) expect(status, code).toBeGreaterThanOrEqual(500);
    }
  });

  it("RETRYABLE_ERROR_CODES and isRetryableErrorCode say what the catalog says", () => {
    expect([...RETRYABLE_ERROR_CODES]).toEqual(ERROR_CODES.filter((code) => ERROR_CATALOG[code].retryable));
    for (const code of ERROR_CODES) expect(isRetryableErrorCode(code), code).toBe(ERROR_CATALOG[code].retryable);
    expect(isRetryableErrorCode("query_data_error_x")).toBe(false);
    expect(isRetryableErrorCode(503)).toBe(false);
  });

  it.each(reference)(
    "$code: may be sent with its canonical status first; its doc URL is the reference URL + # + the code verbatim",
    ({ code }) => {
      const entry = ERROR_CATALOG[code as keyof typeof ERROR_CATALOG];
      expect(entry.statuses[0]).toBe(entry.status);
      expect(new Set(entry.statuses).size).toBe(entry.statuses.length);
      expect(entry.docUrl).toBe(`${ERROR_REFERENCE_URL}#${code}`);
      for (const status of entry.statuses)
        expect(errorTypeForHttpStatus(status), `${code} at ${status}`).toBe(entry.type);
    },
  );

  it("read_request_body_failed is also sent as 413 (too large) and 415 (wrong content type); no other code has more than one status", () => {
    expect(ERROR_CATALOG.read_request_body_failed.statuses).toEqual([400, 413, 415]);
    expect(ERROR_CODES.filter((code) => ERROR_CATALOG[code].statuses.length > 1)).toEqual(["read_request_body_failed"]);
  });

  it("CONTRACT_VERSION equals the package version", () => {
    expect(CONTRACT_VERSION).toBe(pkg.version);
  });

  it("the catalog is frozen in type only: its values are plain data a test can read", () => {
    expect(ERROR_CATALOG["channel:invalid_key"]).toEqual({
      status: 502,
      type: "upstream_error",
      meaning: "Invalid channel key",
      action: "Contact support",
      retryable: false,
      statuses: [502],
      docUrl: `${ERROR_REFERENCE_URL}#channel:invalid_key`,
    });
  });
});
