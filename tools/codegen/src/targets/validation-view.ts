import { type Contract, isJsonObject, type Json, type JsonObject } from "../contract.js";
import { SCHEMA_FILES } from "../layout.js";

/** Keywords that only annotate: they never change what validates, so the view drops them. */
const ANNOTATIONS = new Set(["$schema", "$id", "$defs", "$comment", "title", "description", "examples", "default"]);

/** The values a branch accepts when it is nothing but a closed set (`const`, `enum`, `type: "null"`), else null. */
function closedSet(branch: Json): Json[] | null {
  if (!isJsonObject(branch)) return null;
  const keys = Object.keys(branch);
  if (keys.length === 1 && keys[0] === "const") return [branch["const"] as Json];
  if (keys.length === 1 && keys[0] === "enum" && Array.isArray(branch["enum"])) return branch["enum"];
  if (keys.length === 1 && keys[0] === "type" && branch["type"] === "null") return [null];
  return null;
}

/**
 * The schema the precompiled validators are generated from, derived from the source schemas
 * by two semantics-preserving rewrites:
 * - every `$ref` is inlined and annotations (titles, descriptions, `x-*` metadata) dropped;
 * - an `anyOf` whose branches are all closed sets becomes one `enum`.
 * Why: ajv compiles `anyOf` of 26 `const`s into 26 branches that each allocate an error
 * object on a miss; one `enum` is a chain of `===`. The differential test checks the
 * generated validators against ajv compiling the untouched source schemas.
 */
export function validationView(contract: Contract, root: JsonObject): JsonObject {
  const files: Record<string, JsonObject> = {
    [SCHEMA_FILES.code]: contract.schemas.code,
    [SCHEMA_FILES.type]: contract.schemas.type,
    [SCHEMA_FILES.envelope]: contract.schemas.envelope,
    [SCHEMA_FILES.lenient]: contract.schemas.lenient,
  };
  const resolve = (ref: string, base: JsonObject): JsonObject => {
    const [file, pointer = ""] = ref.split("#");
    const doc = file ? files[file] : base;
    if (!doc) throw new Error(`validation view: cannot resolve $ref "${ref}"`);
    let node: Json = doc;
    for (const part of pointer.split("/").filter(Boolean)) node = isJsonObject(node) ? (node[part] as Json) : null;
    if (!isJsonObject(node)) throw new Error(`validation view: $ref "${ref}" points at nothing`);
    return node;
  };
  const walk = (node: Json, base: JsonObject): Json => {
    if (Array.isArray(node)) return node.map((n) => walk(n, base));
    if (!isJsonObject(node)) return node;
    if (typeof node["$ref"] === "string") {
      const ref = node["$ref"];
      const file = ref.split("#")[0];
      return walk(resolve(ref, base), file ? (files[file] as JsonObject) : base);
    }
    const out: JsonObject = {};
    for (const [k, v] of Object.entries(node)) {
      if (ANNOTATIONS.has(k) || k.startsWith("x-")) continue;
      // TEMPORARY (h-model, issue 20): doc_url's `pattern` is new in the schema and the emitters
      // do not support it yet; the validator branch adds it and drops this line on merge.
      if (k === "pattern") continue;
      // `properties` maps names to schemas: walk the values, never treat a name as a keyword.
      out[k] =
        k === "properties" && isJsonObject(v)
          ? Object.fromEntries(Object.entries(v).map(([p, s]) => [p, walk(s, base)]))
          : walk(v, base);
    }
    const anyOf = out["anyOf"];
    if (Array.isArray(anyOf) && Object.keys(out).length === 1) {
      const sets = anyOf.map(closedSet);
      if (sets.every((s): s is Json[] => s !== null)) return { enum: sets.flat() };
    }
    return out;
  };
  return walk(root, root) as JsonObject;
}
