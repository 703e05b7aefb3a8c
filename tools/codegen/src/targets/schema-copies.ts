import { jsonBanner } from "../banner.js";
import type { Contract, JsonObject } from "../contract.js";
import { SCHEMA_FILES } from "../layout.js";

/**
 * The schema with a `$comment` banner right after `$id`, key order otherwise kept. Built from
 * entries: a member named `__proto__` stays a member (an assignment would set the prototype).
 */
function withBanner(schema: JsonObject): JsonObject {
  return Object.fromEntries(
    Object.entries(schema).flatMap(([k, v]) =>
      k === "$id"
        ? [
            [k, v],
            ["$comment", jsonBanner()],
          ]
        : [[k, v]],
    ),
  ) as JsonObject;
}

/**
 * Copies of the source schemas for `@org/error-types/schemas/...`: a package can only export
 * files inside its own folder.
 */
export function generateSchemaCopies(contract: Contract): Array<[file: string, content: string]> {
  const { code, type, envelope, lenient } = contract.schemas;
  return [
    [SCHEMA_FILES.code, code],
    [SCHEMA_FILES.type, type],
    [SCHEMA_FILES.envelope, envelope],
    [SCHEMA_FILES.lenient, lenient],
  ].map(([file, schema]) => [file as string, `${JSON.stringify(withBanner(schema as JsonObject), null, 2)}\n`]);
}
