import { describe, expect, it } from "vitest";
import { validateErrorEnvelope } from "../src/index.js";

const invalid = { error: { message: "m", type: "server_error", code: "made_up" } };
const expected = [{ path: "/error/code", keyword: "enum", message: expect.stringMatching(/^code "made_up" is not in the catalog/) as string }];

describe("issues of a failed validation read as plain data", () => {
  it("the same array on every read", () => {
    const result = validateErrorEnvelope(invalid, { mode: "strict" });
    if (result.ok) throw new Error("expected issues");
    expect(result.issues).toBe(result.issues);
    expect(result.issues).toEqual(expected);
  });

  it("JSON.stringify, spread, Object.keys and structuredClone see { ok, issues }", () => {
    const result = validateErrorEnvelope(invalid, { mode: "strict" });
    expect(Object.keys(result)).toEqual(["ok", "issues"]);
    expect(JSON.parse(JSON.stringify(validateErrorEnvelope(invalid, { mode: "strict" })))).toEqual({ ok: false, issues: expected });
    expect({ ...validateErrorEnvelope(invalid, { mode: "strict" }) }).toEqual({ ok: false, issues: expected });
    expect(structuredClone(validateErrorEnvelope(invalid, { mode: "strict" }))).toEqual({ ok: false, issues: expected });
  });

  it("issues can be reassigned, before or after the first read", () => {
    const before = validateErrorEnvelope(invalid, { mode: "strict" });
    if (before.ok) throw new Error("expected issues");
    before.issues = [];
    expect(before.issues).toEqual([]);
    const after = validateErrorEnvelope(invalid, { mode: "strict" });
    if (after.ok) throw new Error("expected issues");
    expect(after.issues).toHaveLength(1);
    after.issues = [];
    expect(after.issues).toEqual([]);
    expect(Object.getOwnPropertyDescriptor(after, "issues")).toMatchObject({ writable: true, enumerable: true });
  });

  it("describe the value as it was when validated, not as it is when read", () => {
    const data = { error: { message: "m", type: "server_error", code: "made_up" as unknown } };
    const result = validateErrorEnvelope(data, { mode: "strict" });
    data.error.code = 42;
    delete (data as { error?: unknown }).error;
    if (result.ok) throw new Error("expected issues");
    expect(result.issues).toEqual(expected);
  });

  it("a getter that answers differently on a second read is read once", () => {
    let reads = 0;
    const body = { message: "m", type: "server_error", get code() {
      reads++;
      return reads === 1 ? "made_up" : null;
    } };
    const result = validateErrorEnvelope({ error: body }, { mode: "strict" });
    if (result.ok) throw new Error("expected issues");
    expect(result.issues).toEqual(expected);
    expect(reads).toBe(1);
  });
});
