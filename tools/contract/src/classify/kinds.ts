import { isObject, type Json } from "../schema-set.js";

/**
 * One kind of value a schema accepts: `any`, `type:<json type>`, `const:<json>` or
 * `ref:<$ref>`. A field's type is narrowed when a kind it accepted is no longer covered,
 * widened when a kind it accepts was not covered before.
 */
export type Kind = string;

/** The kinds of value a (sub)schema accepts, read from type, const, enum, $ref, anyOf and oneOf. */
export function acceptedKinds(schema: Json | undefined): Set<Kind> {
  if (schema === false) return new Set();
  if (!isObject(schema)) return new Set(["any"]);
  if (Object.hasOwn(schema, "const")) return new Set([`const:${JSON.stringify(schema["const"])}`]);
  const kinds = new Set<Kind>();
  const en = schema["enum"];
  if (Array.isArray(en)) {
    for (const v of en) kinds.add(`const:${JSON.stringify(v)}`);
    return kinds;
  }
  const type = schema["type"];
  for (const t of typeof type === "string" ? [type] : Array.isArray(type) ? type : []) kinds.add(`type:${String(t)}`);
  if (typeof schema["$ref"] === "string") kinds.add(`ref:${schema["$ref"]}`);
  for (const key of ["anyOf", "oneOf"]) {
    const branches = schema[key];
    if (Array.isArray(branches)) for (const b of branches) for (const k of acceptedKinds(b)) kinds.add(k);
  }
  return kinds.size === 0 ? new Set(["any"]) : kinds;
}

const jsonTypeOf = (v: unknown): string =>
  v === null ? "null" : Array.isArray(v) ? "array" : Number.isInteger(v) ? "integer" : typeof v;

/** True when a schema accepting `kinds` accepts every value of `kind`. */
export function covers(kinds: ReadonlySet<Kind>, kind: Kind): boolean {
  if (kinds.has("any") || kinds.has(kind)) return true;
  if (kind === "type:integer") return kinds.has("type:number");
  if (kind.startsWith("const:")) {
    const type = jsonTypeOf(JSON.parse(kind.slice("const:".length)));
    return kinds.has(`type:${type}`) || (type === "integer" && kinds.has("type:number"));
  }
  return false;
}

/** A kind in words, for messages: `string`, `"x"`, `error-code.schema.json`, `any value`. */
export function describeKind(kind: Kind): string {
  if (kind === "any") return "any value";
  const [prefix, ...rest] = kind.split(":");
  const value = rest.join(":");
  return prefix === "ref" ? `$ref ${value}` : value;
}
