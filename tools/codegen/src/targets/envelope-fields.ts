import { isJsonObject, type Json, type JsonObject, SCHEMA_FILES } from "@org/contract-model";

/** How a `$ref` to another schema file reads in the docs. */
const REF_TEXT: Record<string, string> = {
  [SCHEMA_FILES.code]: "a business code below",
  [SCHEMA_FILES.type]: "one of the categories below",
};

const count = (n: number): string => n.toLocaleString("en-US");

/** A property schema in words: `string (at most 65,536 code points)`, `a business code below, or \`null\``. */
export function describeType(schema: Json): string {
  if (!isJsonObject(schema)) return "any value";
  const ref = schema["$ref"];
  if (typeof ref === "string") return REF_TEXT[ref] ?? `\`${ref}\``;
  const anyOf = schema["anyOf"];
  if (Array.isArray(anyOf)) return anyOf.map(describeType).join(", or ");
  const type = schema["type"];
  const names = (Array.isArray(type) ? type : [type])
    .filter((t): t is string => typeof t === "string")
    .map((t) => (t === "null" ? "`null`" : t));
  if (names.length === 0) return "any value";
  const max = schema["maxLength"];
  const cap = typeof max === "number" ? ` (at most ${count(max)} code points)` : "";
  return `${names.join(" or ")}${cap}`;
}

/** One row per member of an object schema: `[field, type in words, "yes" | "no", description]`; `refs` resolves `$ref`s by file name. */
export function fieldRows(
  prefix: string,
  objectSchema: JsonObject,
  refs: Readonly<Record<string, JsonObject>> = {},
): Array<[string, string, string, string]> {
  const properties = isJsonObject(objectSchema["properties"]) ? objectSchema["properties"] : {};
  const required = Array.isArray(objectSchema["required"]) ? objectSchema["required"] : [];
  return Object.entries(properties).map(([name, schema]) => {
    // A bare `$ref` member is described by the schema it points at.
    const target = isJsonObject(schema) && typeof schema["$ref"] === "string" ? refs[schema["$ref"]] : undefined;
    const own = isJsonObject(schema) ? schema["description"] : undefined;
    const description =
      typeof own === "string" ? own : typeof target?.["description"] === "string" ? target["description"] : "";
    return [`\`${prefix}${name}\``, describeType(schema), required.includes(name) ? "yes" : "no", description];
  });
}
