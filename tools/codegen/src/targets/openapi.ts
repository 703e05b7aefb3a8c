import { jsonBanner } from "../banner.js";
import { type Contract, type Json, type JsonObject, schemaBody } from "../contract.js";
import { SCHEMA_DIR, SCHEMA_FILES } from "../layout.js";
import { SchemaError } from "../schema-error.js";

// A Map, not an object: a `$ref` of "constructor" or "__proto__" must find nothing.
const COMPONENT_REFS = new Map<string, string>([
  [SCHEMA_FILES.code, "#/components/schemas/ErrorCode"],
  [SCHEMA_FILES.type, "#/components/schemas/ErrorType"],
  ["#/$defs/ErrorBody", "#/components/schemas/ErrorBody"],
]);

/**
 * The key of the example without a business code. A code names its own example verbatim, so
 * this key has a character no code grammar allows; a schema whose code equals it anyway is
 * refused rather than losing an example.
 */
export const NO_CODE_EXAMPLE = "no-code";

function component(schema: JsonObject): JsonObject {
  return JSON.parse(JSON.stringify(schemaBody(schema)), (k, v: Json) =>
    k === "$ref" && typeof v === "string" ? (COMPONENT_REFS.get(v) ?? v) : v,
  ) as JsonObject;
}

const header = (description: string, schema: JsonObject): JsonObject => ({ description, schema });

/**
 * An OpenAPI 3.1 components document: the envelope schemas and one response per status, for
 * services to `$ref` from their own API description.
 */
export function generateOpenApi(contract: Contract): string {
  const { code, type, envelope } = contract.schemas;
  const bodyDefs = envelope["$defs"] as JsonObject;
  const responses: JsonObject = {};
  for (const row of contract.statuses) {
    const { status } = row;
    // Entries, then Object.fromEntries: every code becomes an own key (never the prototype,
    // even for "__proto__"), named by the code itself so that no two codes share one.
    const examples: Array<[string, JsonObject]> = [];
    for (const c of contract.codes) {
      const other = c.otherStatuses.find((o) => o.status === status);
      if (c.status !== status && !other) continue;
      if (c.code === NO_CODE_EXAMPLE) {
        throw new SchemaError(
          `${SCHEMA_DIR}/${SCHEMA_FILES.code}`,
          "",
          `code "${c.code}" is the key of OpenAPI's no-code example`,
        );
      }
      const summary = other ? `${c.meaning} (${other.when})` : c.meaning;
      examples.push([c.code, { summary, value: { error: { message: c.meaning, type: c.type, code: c.code } } }]);
    }
    if (row.codeless)
      examples.push([
        NO_CODE_EXAMPLE,
        {
          summary: `${row.meaning}: no business code`,
          value: { error: { message: row.meaning, type: row.type, code: null } },
        },
      ]);
    const headers: JsonObject = {
      "x-request-id": { $ref: "#/components/headers/RequestId" },
      "x-should-retry": { $ref: "#/components/headers/ShouldRetry" },
    };
    if (row.retryAfter) headers["retry-after"] = { $ref: "#/components/headers/RetryAfter" };
    responses[`Error${status}`] = {
      description: `${status} ${row.reason}: an error envelope. ${row.cause}.`,
      headers,
      content: {
        "application/json": {
          schema: { $ref: "#/components/schemas/ErrorEnvelope" },
          examples: Object.fromEntries(examples),
        },
      },
    };
  }
  const doc = {
    $comment: jsonBanner(),
    openapi: "3.1.0",
    info: {
      title: "Gateway error contract",
      version: contract.version,
      description:
        "Error envelope schemas and one response per HTTP status. Reference them with $ref from your own OpenAPI document.",
    },
    paths: {},
    components: {
      schemas: {
        ErrorEnvelope: component(envelope),
        ErrorBody: component(bodyDefs["ErrorBody"] as JsonObject),
        ErrorCode: component(code),
        ErrorType: component(type),
      },
      headers: {
        RequestId: header("The request id, echoed from the request or assigned by the server.", { type: "string" }),
        ShouldRetry: header("Whether a client may retry automatically (the catalog's retryable flag).", {
          type: "string",
          enum: ["true", "false"],
        }),
        RetryAfter: header("Seconds to wait before retrying.", { type: "integer", minimum: 0 }),
      },
      responses,
    },
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
