import { describe, expect, it } from "vitest";
import { validateErrorEnvelope } from "../src/index.js";

const invalid = { error: { message: "m", type: "server_error", code: "made_up" } };
const expected = [
  {
    path: "/error/code",
    keyword: "enum",
    message: expect.stringMatching(/^code "made_up" is not in the catalog/) as string,
  },
];

describe("a failed validation is plain data, a snapshot of what was validated", () => {
  it("the same array on every read", () => {
    const result = validateErrorEnvelope(invalid, { mode: "strict" });
    if (result.ok) throw new Error("expected issues");
    expect(result.issues).toBe(result.issues);
    expect(result.issues).toEqual(expected);
  });

  it("JSON.stringify, spread, Object.keys and structuredClone see { ok, issues }", () => {
    const result = validateErrorEnvelope(invalid, { mode: "strict" });
    expect(Object.keys(result)).toEqual(["ok", "issues"]);
    expect(JSON.parse(JSON.stringify(validateErrorEnvelope(invalid, { mode: "strict" })))).toEqual({
      ok: false,
      issues: expected,
    });
    expect({ ...validateErrorEnvelope(invalid, { mode: "strict" }) }).toEqual({ ok: false, issues: expected });
    expect(structuredClone(validateErrorEnvelope(invalid, { mode: "strict" }))).toEqual({
      ok: false,
      issues: expected,
    });
  });

  it("issues is an ordinary writable data member", () => {
    const result = validateErrorEnvelope(invalid, { mode: "strict" });
    if (result.ok) throw new Error("expected issues");
    expect(Object.getOwnPropertyDescriptor(result, "issues")).toMatchObject({ writable: true, enumerable: true });
    result.issues = [];
    expect(result.issues).toEqual([]);
  });

  it("issues describe the value as it was validated, whatever happens to the input afterwards", () => {
    const data = { error: { message: "m", type: "server_error", code: "made_up" as unknown } };
    const result = validateErrorEnvelope(data, { mode: "strict" });
    data.error.code = 42;
    delete (data as { error?: unknown }).error;
    if (result.ok) throw new Error("expected issues");
    expect(result.issues).toEqual(expected);
  });

  it("a getter that answers differently on a second read is read once", () => {
    let reads = 0;
    const body = {
      message: "m",
      type: "server_error",
      get code() {
        reads++;
        return reads === 1 ? "made_up" : null;
      },
    };
    const result = validateErrorEnvelope({ error: body }, { mode: "strict" });
    if (result.ok) throw new Error("expected issues");
    expect(result.issues).toEqual(expected);
    expect(reads).toBe(1);
  });
});
