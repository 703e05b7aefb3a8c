import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  codeToHttpStatus,
  ERROR_CATALOG_JSON,
  errorTypeForHttpStatus,
  isErrorCode,
  isRetryableErrorCode,
  isRetryableHttpStatus,
  isRetryableStatus,
  isStatusAllowedForCode,
  statusErrorType,
} from "../src/index.js";
import { INHERITED_NAMES } from "./lookup-answers.js";

/** The oracle: errors.json's codes, parsed into a Map (a Map has no inherited keys to confuse). */
const catalog = new Map(
  (
    JSON.parse(ERROR_CATALOG_JSON) as {
      codes: Array<{ code: string; status: number; statuses: number[]; retryable: boolean }>;
    }
  ).codes.map((c) => [c.code, c]),
);

/** Any string, weighted towards the names a prototype lookup would find and the catalog's own codes. */
const anyName = fc.oneof(
  fc.constantFrom(...INHERITED_NAMES, "length", "toString", "constructor", "valueOf", "__proto__"),
  fc.constantFrom(...catalog.keys()),
  fc.string({ maxLength: 30 }),
);

const FC = { seed: 20_2012, numRuns: 400 };

describe("code lookups read the catalog's own entries only", () => {
  it.each(["__proto__", "constructor", "length", "toString", "hasOwnProperty", "valueOf", "prototype"])(
    "%s: no status, not a code, not retryable, allowed with no status (never a throw)",
    (name) => {
      expect(codeToHttpStatus(name)).toBeUndefined();
      expect(isErrorCode(name)).toBe(false);
      expect(isRetryableErrorCode(name)).toBe(false);
      for (const status of [400, 404, 500]) expect(isStatusAllowedForCode(name, status)).toBe(false);
    },
  );

  it("every lookup answers as errors.json does, for any string (property, fixed seed)", () => {
    fc.assert(
      fc.property(anyName, fc.integer({ min: 399, max: 600 }), (name, status) => {
        const entry = catalog.get(name);
        expect(codeToHttpStatus(name)).toBe(entry?.status);
        expect(isErrorCode(name)).toBe(entry !== undefined);
        expect(isRetryableErrorCode(name)).toBe(entry?.retryable ?? false);
        expect(isStatusAllowedForCode(name, status)).toBe(entry?.statuses.includes(status) ?? false);
      }),
      FC,
    );
  });

  it.each([404, null, undefined, {}, Symbol("x"), ["model_not_found"]])(
    "a non-string from plain JS (%s) is no code, without a throw",
    (value) => {
      const loose = value as unknown as string;
      expect(codeToHttpStatus(loose)).toBeUndefined();
      expect(isErrorCode(loose)).toBe(false);
      expect(isRetryableErrorCode(loose)).toBe(false);
      expect(isStatusAllowedForCode(loose, 404)).toBe(false);
    },
  );
});

describe("one name per fact: the status rules' old names are aliases", () => {
  it("statusErrorType is errorTypeForHttpStatus, isRetryableStatus is isRetryableHttpStatus (same function objects)", () => {
    expect(statusErrorType).toBe(errorTypeForHttpStatus);
    expect(isRetryableStatus).toBe(isRetryableHttpStatus);
  });
});
