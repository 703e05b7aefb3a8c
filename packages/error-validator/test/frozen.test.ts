import { describe, expect, it } from "vitest";
import { errorEnvelopeSchema, lenientErrorEnvelopeSchema } from "../src/index.js";

const invalid = { error: { message: "m", type: "server_error", code: "made_up" } };

/** Every object reachable from `root` (functions included), each once. */
function reachable(root: object): object[] {
  const seen = new Set<object>([root]);
  for (const o of seen)
    for (const key of Reflect.ownKeys(o)) {
      const v: unknown = Reflect.get(o, key);
      if ((typeof v === "object" && v !== null) || typeof v === "function") seen.add(v);
    }
  return [...seen];
}

describe("the exported schema objects are frozen all the way down", () => {
  it.each([
    { name: "errorEnvelopeSchema", schema: errorEnvelopeSchema },
    { name: "lenientErrorEnvelopeSchema", schema: lenientErrorEnvelopeSchema },
  ])("$name: every object in it is frozen", ({ schema }) => {
    for (const o of reachable(schema).filter((x) => typeof x === "object")) expect(Object.isFrozen(o)).toBe(true);
  });

  it("replacing validate from plain JS throws, and the strict schema still rejects what it rejected", () => {
    const standard = errorEnvelopeSchema["~standard"] as unknown as Record<string, unknown>;
    expect(() => {
      standard["validate"] = () => ({ value: invalid });
    }).toThrow(TypeError);
    expect(() => {
      (standard["jsonSchema"] as Record<string, unknown>)["output"] = () => ({});
    }).toThrow(TypeError);
    expect(() => {
      (errorEnvelopeSchema as unknown as Record<string, unknown>)["~standard"] = {};
    }).toThrow(TypeError);
    expect(errorEnvelopeSchema["~standard"].validate(invalid).issues).toHaveLength(1);
  });

  it("the JSON Schema handed out is a fresh copy: changing it changes nothing for the next caller", () => {
    const first = errorEnvelopeSchema["~standard"].jsonSchema.output({ target: "draft-2020-12" });
    (first["properties"] as Record<string, unknown>)["error"] = {};
    const second = errorEnvelopeSchema["~standard"].jsonSchema.output({ target: "draft-2020-12" });
    expect(second["properties"]).toMatchObject({ error: { required: ["message", "type", "code"] } });
  });
});
