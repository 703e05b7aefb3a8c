import { describe, expect, it } from "vitest";
import { validateErrorEnvelope, type ValidationIssue } from "../src/index.js";

const body = { message: "m", type: "server_error", code: null } as const;

/** The one issue strict validation gives for `data`. */
function issueOf(data: unknown): ValidationIssue {
  const result = validateErrorEnvelope(data, { mode: "strict" });
  if (result.ok || result.issues.length !== 1) throw new Error("expected one issue");
  return result.issues[0] as ValidationIssue;
}

// Messages of repeated values are built once per site and reused: what must not change is
// what each call says, and that each call gets its own issue objects.
describe("messages for values seen before", () => {
  it("say what this value is, whatever came before (same text, other type, other site)", () => {
    // given: values that look alike as text but differ as values, at the same and at other sites
    const cases: [unknown, string][] = [
      [{ error: { ...body, code: "1" } }, 'code "1" is not in the catalog'],
      [{ error: { ...body, code: 1 } }, "code number 1 is not in the catalog"],
      [{ error: { ...body, code: "1" } }, 'code "1" is not in the catalog'],
      [{ error: { ...body, type: "1" } }, 'type "1" is not a known category'],
      [{ error: { ...body, param: 1 } }, "/error/param must be string or null, got number 1"],
      [{ error: { ...body, message: 1 } }, "/error/message must be string, got number 1"],
      [{ error: { ...body, code: -0 } }, "code number 0 is not in the catalog"],
      [{ error: { ...body, code: Number.NaN } }, "code number NaN is not in the catalog"],
    ];
    // want: each message names its own value and place, in every order and on repeat
    for (const round of [cases, [...cases].reverse(), cases]) {
      for (const [data, start] of round) expect(issueOf(data).message.startsWith(start)).toBe(true);
    }
  });

  it("unknown members: the path and message of each name, also names needing escapes", () => {
    for (let round = 0; round < 3; round++) {
      expect(issueOf({ error: { ...body, "a/b": 1 } })).toEqual({
        path: "/error/a~1b",
        keyword: "additionalProperties",
        message: expect.stringMatching(/^unknown member "a\/b" at \/error:/) as string,
      });
      expect(issueOf({ error: { ...body, "a~b": 1 } })).toMatchObject({ path: "/error/a~0b" });
      expect(issueOf({ error: { ...body }, 'q"': 1 })).toMatchObject({
        path: '/q"',
        message: expect.stringMatching(/^unknown member "q\\"" at the root:/) as string,
      });
    }
  });

  it("every call gets fresh issue objects: changing one result leaves the next alone", () => {
    const data = { error: { ...body, code: "made_up" } };
    const first = issueOf(data);
    first.message = "changed";
    first.path = "changed";
    expect(issueOf(data)).toEqual({
      path: "/error/code",
      keyword: "enum",
      message: expect.stringMatching(/^code "made_up" is not in the catalog/) as string,
    });
  });

  it("stay right past the bound of recent values (many distinct values, then earlier ones again)", () => {
    const codes = Array.from({ length: 300 }, (_, i) => `made_up_${i}`);
    for (const round of [0, 1]) {
      for (const code of round === 0 ? codes : [...codes].reverse()) {
        expect(issueOf({ error: { ...body, code } }).message.startsWith(`code "${code}" is not`)).toBe(true);
      }
    }
  });

  it("long values are quoted cut, each time (and are not what later short values are compared with)", () => {
    const long = `${"x".repeat(100)}`;
    for (let round = 0; round < 2; round++) {
      expect(issueOf({ error: { ...body, code: long } }).message.startsWith(`code "${"x".repeat(80)}…" is not`)).toBe(
        true,
      );
      expect(
        issueOf({ error: { ...body, code: "x".repeat(80) } }).message.startsWith(`code "${"x".repeat(80)}" is not`),
      ).toBe(true);
    }
  });
});
