import { describe, expect, it } from "vitest";
import { ErrorEnvelopeValidationError, parseErrorEnvelope, validateErrorEnvelope } from "../src/index.js";
import { assertionOf } from "./entry-points.js";

const body = { message: "m", type: "server_error", code: null } as const;
const HUGE = "k".repeat(1_000_000);

describe("messages quote at most 80 characters of any received name", () => {
  // given: where a 1 MB member name sits; want: a short message that still names its start
  const cases: { name: string; data: unknown; path: string }[] = [
    { name: "an unknown root member", data: { error: { ...body }, [HUGE]: 1 }, path: `/${HUGE}` },
    { name: "an unknown body member", data: { error: { ...body, [HUGE]: 1 } }, path: `/error/${HUGE}` },
    {
      name: "a name needing pointer escapes",
      data: { error: { ...body, [`/~${HUGE}`]: 1 } },
      path: `/error/~1~0${HUGE}`,
    },
  ];

  it.each(cases)("validateErrorEnvelope, strict: $name", ({ data, path }) => {
    const result = validateErrorEnvelope(data, { mode: "strict" });
    if (result.ok) throw new Error("expected issues");
    const [issue] = result.issues;
    expect(issue?.keyword).toBe("additionalProperties");
    expect(issue?.message.length).toBeLessThan(200);
    expect(issue?.message).toContain(`"${path.split("/").pop()?.replace("~1", "/").replace("~0", "~").slice(0, 80)}…"`);
    // The path stays a whole, usable JSON Pointer.
    expect(issue?.path).toBe(path);
  });

  it.each(cases)("assertErrorEnvelope's message: $name", ({ data }) => {
    const e = assertionOf(data);
    expect(e.message.length).toBeLessThan(300);
    expect(e.message).toMatch(/^invalid error envelope: unknown member "k{0,80}|\/~k{0,78}…" at /);
    expect(e.message).toMatch(/\(at \/[^)]{0,90}…\)$/);
  });

  it("parseErrorEnvelope on JSON text with a 1 MB member name", () => {
    const result = parseErrorEnvelope(JSON.stringify({ error: { ...body, [HUGE]: 1 } }), { mode: "strict" });
    if (result.ok) throw new Error("expected issues");
    expect(result.issues[0]?.message.length).toBeLessThan(200);
  });

  it("a long path at a wrong-typed member is cut in the message too", () => {
    const result = validateErrorEnvelope({ error: "x".repeat(1_000_000) });
    if (result.ok) throw new Error("expected issues");
    expect(result.issues[0]?.message.length).toBeLessThan(200);
  });

  it("a cut never splits a surrogate pair", () => {
    const name = `${"k".repeat(79)}\u{1F525}${"k".repeat(100)}`;
    const result = validateErrorEnvelope({ error: { ...body }, [name]: 1 }, { mode: "strict" });
    if (result.ok) throw new Error("expected issues");
    expect(result.issues[0]?.message).toContain(`"${"k".repeat(79)}…"`);
    // No lone surrogate anywhere in the message.
    expect(result.issues[0]?.message).not.toMatch(
      /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/,
    );
  });

  it("hand-built issues with huge texts still give a bounded assertion message", () => {
    const e = new ErrorEnvelopeValidationError([{ path: `/${HUGE}`, keyword: "custom", message: HUGE }]);
    expect(e.message.length).toBeLessThan(1_200);
    expect(e.issues[0]?.message).toBe(HUGE);
  });
});
