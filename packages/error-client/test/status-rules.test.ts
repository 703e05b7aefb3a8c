import { errorTypeForHttpStatus, isRetryableHttpStatus, isRetryableStatus, statusErrorType } from "@org/error-types";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

// The client reads the status rules from the small generated functions (no status table in
// a browser bundle); they must answer exactly as the table-driven ones do.
describe("the small status rules agree with the table's", () => {
  it("for every integer from -1 to 1000", () => {
    for (let status = -1; status <= 1000; status++) {
      expect([status, statusErrorType(status)]).toEqual([status, errorTypeForHttpStatus(status)]);
      expect([status, isRetryableStatus(status)]).toEqual([status, isRetryableHttpStatus(status)]);
    }
  });

  it("for any number (fractions, NaN, infinities)", () => {
    fc.assert(
      fc.property(fc.oneof(fc.double(), fc.integer()), (status) => {
        expect(statusErrorType(status)).toBe(errorTypeForHttpStatus(status));
        expect(isRetryableStatus(status)).toBe(isRetryableHttpStatus(status));
      }),
    );
  });
});
