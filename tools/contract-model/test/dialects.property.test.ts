import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  findRepoRoot,
  type Json,
  readContract,
  readSchemaFiles,
  SchemaError,
  valueAt,
  VOCABULARY,
} from "../src/index.js";
import { readDialects } from "../src/strict/read-dialects.js";

const FILES = readSchemaFiles(findRepoRoot(import.meta.url));
const RUN = { seed: 20261208, numRuns: 300 };
/** What the other tables give the dialect reader, read once (strict reading compiles the schemas: slow). */
const CHECKED = readContract(FILES, { strict: true });
const CONTEXT = {
  types: new Set(CHECKED.types.map((t) => t.type)),
  statuses: new Set(CHECKED.statuses.map((s) => s.status)),
  names: CHECKED.names,
};
type Any = Record<string, any>;

/** Pointers an author could write: short paths over a few keys and indices, so places often overlap. */
const POINTER = fc
  .array(fc.constantFrom("error", "details", "0", "1", "code", "meta", "type"), { minLength: 1, maxLength: 4 })
  .map((keys) => `/${keys.join("/")}`);
const MEMBERS = ["message", "type", "code", "param", "request_id", "doc_url", "upstream"];
const UPSTREAM = ["provider", "status", "code", "type", "request_id"];

/** An independent writer: sets `value` at `pointer`, creating objects on the way; false when a leaf is in the way. */
function put(body: Any, pointer: string, value: Json): boolean {
  const keys = pointer.slice(1).split("/");
  let node: Any = body;
  for (const key of keys.slice(0, -1)) {
    if (!Object.hasOwn(node, key)) node[key] = {};
    if (typeof node[key] !== "object" || node[key] === null) return false;
    node = node[key] as Any;
  }
  const last = keys.at(-1) as string;
  if (Object.hasOwn(node, last)) return false;
  node[last] = value;
  return true;
}

/** How many runs were accepted and refused: the generator must reach both. */
let accepts = 0;
let refusals = 0;

describe("x-dialects places (property, fixed seed)", () => {
  it("an accepted dialect writes every place without clobbering another; a refused one names a pointer of the schema", () => {
    fc.assert(
      fc.property(
        // Mostly a place of its own under a shared parent, sometimes any short path: both outcomes are common.
        fc.tuple(...MEMBERS.map((m) => fc.oneof({ weight: 4, arbitrary: POINTER.map((p) => `${p}/${m}`) }, POINTER))),
        fc.dictionary(POINTER, fc.constant("k"), { maxKeys: 2 }),
        fc.option(POINTER, { nil: undefined }),
        fc.boolean(),
        (places, constants, statusMember, spread) => {
          const files = structuredClone(FILES);
          const d = (files.envelope["x-dialects"] as Any)["dialects"]["gemini"] as Any;
          d["members"] = Object.fromEntries(MEMBERS.map((m, i) => [m, places[i]]));
          d["constants"] = constants;
          d["spread"] = spread ? { upstream: "up_" } : {};
          if (statusMember === undefined) delete d["statusMember"];
          else d["statusMember"] = statusMember;
          let accepted = true;
          try {
            readDialects({ schemas: files, vocabulary: VOCABULARY }, CONTEXT);
          } catch (e) {
            accepted = false;
            expect(e).toBeInstanceOf(SchemaError);
            const [, pointer = ""] = /#(\S*):/.exec((e as Error).message) ?? [];
            expect(pointer.startsWith("/x-dialects/dialects/gemini")).toBe(true);
            expect(valueAt(files.envelope, pointer.split("/").slice(0, 5).join("/"))).toBeDefined();
          }
          // Accepted or not, the independent writer agrees: every place written once, nothing clobbered.
          const body: Any = {};
          const writes: Array<[string, Json]> = [
            ...Object.entries(constants),
            ...(statusMember === undefined ? [] : [[statusMember, 429] as [string, Json]]),
            ["/retryable", true],
            ...MEMBERS.flatMap((m, i): Array<[string, Json]> =>
              spread && m === "upstream"
                ? UPSTREAM.map((k) => [`${places[i]}/up_${k}`, k])
                : [[places[i] as string, m]],
            ),
          ];
          const clean = writes.every(([p, v]) => put(body, p, v)) && writes.every(([p, v]) => valueAt(body, p) === v);
          expect(accepted).toBe(clean);
          if (accepted) accepts++;
          else refusals++;
        },
      ),
      RUN,
    );
    expect(Math.min(accepts, refusals)).toBeGreaterThan(RUN.numRuns / 10);
  });
});
