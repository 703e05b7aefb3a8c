import { type Dialect, DIALECT_NAMES, DIALECTS, ERROR_CATALOG, ERROR_CODES, HTTP_STATUSES } from "@org/error-types";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { validateErrorBody } from "../src/index.js";
import { type ErrorFields, render, setAt } from "./dialect-render.js";

/** Fixed seed and a bounded run: `pnpm test` stays seconds long and repeatable. */
const RUN = { seed: 2400101, numRuns: 300 };
type Any = Record<string, any>;

const word = fc.stringMatching(/^[A-Za-z0-9_-]{1,16}$/);
const upstream = fc.record(
  {
    provider: fc.stringMatching(/^[a-z][a-z0-9._-]{0,10}$/),
    status: fc.integer({ min: 100, max: 599 }),
    code: word,
    type: word,
    request_id: word,
  },
  { requiredKeys: ["provider"] },
);
const CODELESS = Object.entries(HTTP_STATUSES).filter(([, row]) => row.codeless);

/** Any contract error the catalog allows: a code at one of its statuses, or a codeless status, with any optional members. */
const fields: fc.Arbitrary<ErrorFields> = fc
  .record({
    pick: fc.oneof(
      fc
        .constantFrom(...ERROR_CODES)
        .chain((code) =>
          fc
            .constantFrom(...ERROR_CATALOG[code].statuses)
            .map((status) => ({ code, status, type: ERROR_CATALOG[code].type })),
        ),
      fc.constantFrom(...CODELESS).map(([status, row]) => ({ code: null, status: Number(status), type: row.type })),
    ),
    message: fc.string({ maxLength: 40 }),
    request_id: fc.option(word, { nil: undefined }),
    param: fc.option(word, { nil: undefined }),
    doc: fc.boolean(),
    upstream: fc.option(upstream, { nil: undefined }),
  })
  .map(({ pick, doc, ...rest }) => {
    const out: Any = { ...pick, message: rest.message };
    for (const key of ["request_id", "param", "upstream"] as const) if (rest[key] !== undefined) out[key] = rest[key];
    if (doc && pick.code !== null) out["doc_url"] = ERROR_CATALOG[pick.code].docUrl;
    return out as ErrorFields;
  });

/** The object nodes of a body, by JSON Pointer. */
function objectsOf(value: unknown, path = ""): string[] {
  if (typeof value !== "object" || value === null) return [];
  const inner = Object.entries(value).flatMap(([k, v]) => objectsOf(v, `${path}/${k}`));
  return Array.isArray(value) ? inner : [path, ...inner];
}
/** The value at `pointer`, or undefined where the path leaves the body. */
const at = (body: unknown, pointer: string): Any | undefined =>
  pointer
    .split("/")
    .slice(1)
    .reduce<Any | undefined>((node, key) => node?.[key] as Any | undefined, body as Any);
const removeAt = (body: unknown, pointer: string) => {
  const keys = pointer.split("/");
  const last = keys.pop() as string;
  delete (at(body, keys.join("/")) as Any)[last];
};

describe("validateErrorBody (property, fixed seed)", () => {
  it("accepts every body the dialects describe, for every code or codeless status and any optional members", () => {
    fc.assert(
      fc.property(fc.constantFrom(...DIALECT_NAMES), fields, (dialect, f) => {
        const got = validateErrorBody(dialect, render(dialect, f));
        expect(got.ok ? "ok" : JSON.stringify(got.issues)).toBe("ok");
      }),
      RUN,
    );
  });

  /** A mutation of a valid body and the path its issue must name. */
  type Mutation = (body: Any, d: Dialect, pick: number) => string | undefined;
  const MUTATIONS: Record<string, Mutation> = {
    "an unknown member in any object": (body, _d, pick) => {
      const nodes = objectsOf(body);
      const node = nodes[pick % nodes.length] as string;
      (at(body, node) as Any)["zz_extra"] = 1;
      return `${node}/zz_extra`;
    },
    "a constant removed": (body, d, pick) => {
      const list = Object.keys(DIALECTS[d].constants);
      if (list.length === 0) return undefined;
      const pointer = list[pick % list.length] as string;
      removeAt(body, pointer);
      return pointer;
    },
    "a constant changed": (body, d, pick) => {
      const list = Object.keys(DIALECTS[d].constants);
      if (list.length === 0) return undefined;
      const pointer = list[pick % list.length] as string;
      setAt(body, pointer, "changed");
      return pointer;
    },
    "a member's value of the wrong type": (body, d, pick) => {
      const list = (["message", "type", "request_id"] as const).filter(
        (m) => at(body, DIALECTS[d].members[m]) !== undefined,
      );
      const pointer = DIALECTS[d].members[list[pick % list.length] as "message"];
      setAt(body, pointer, 7);
      return pointer;
    },
    "the message removed": (body, d) => {
      removeAt(body, DIALECTS[d].members.message);
      return DIALECTS[d].members.message;
    },
  };

  it.each(Object.keys(MUTATIONS))("rejects a body with %s, naming its path", (name) => {
    fc.assert(
      fc.property(fc.constantFrom(...DIALECT_NAMES), fields, fc.nat(), (dialect, f, pick) => {
        const body = render(dialect, f);
        const path = (MUTATIONS[name] as Mutation)(body, dialect, pick);
        fc.pre(path !== undefined);
        const got = validateErrorBody(dialect, body);
        expect(got.ok).toBe(false);
        if (!got.ok) expect(got.issues[0]?.path).toBe(path);
      }),
      RUN,
    );
  });
});
