/** One item of Fastify's `error.validation` (an ajv error). */
export interface ValidationItem {
  instancePath?: unknown;
  keyword?: unknown;
  params?: unknown;
}

/** Decodes a JSON Pointer into its segments ("/a~1b/0" -> ["a/b", "0"]). */
function segments(pointer: string): string[] {
  if (pointer === "") return [];
  return pointer
    .split("/")
    .slice(1)
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/**
 * The field a validation error is about, in the usual `param` notation:
 * `/messages/0/role` -> `messages[0].role`; for a missing or unknown member, that member
 * (`required` -> `model`). `null` when the error is about the whole body.
 */
export function paramOfValidation(item: ValidationItem | undefined): string | null {
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- the item comes from ajv at run time (or a plain-JS caller): null is checked
  if (typeof item !== "object" || item === null) return null;
  const parts = segments(typeof item.instancePath === "string" ? item.instancePath : "");
  const params = (typeof item.params === "object" && item.params !== null ? item.params : {}) as Record<
    string,
    unknown
  >;
  const member =
    item.keyword === "required"
      ? params["missingProperty"]
      : item.keyword === "additionalProperties"
        ? params["additionalProperty"]
        : undefined;
  if (typeof member === "string") parts.push(member);
  if (parts.length === 0) return null;
  return parts.reduce(
    (out, part, i) => (/^\d+$/.test(part) ? `${out}[${part}]` : i === 0 ? part : `${out}.${part}`),
    "",
  );
}
