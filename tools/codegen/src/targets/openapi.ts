import { jsonBanner } from "../banner.js";
import { type Contract, type Json, type JsonObject, schemaBody } from "../contract.js";
import { SCHEMA_FILES } from "../layout.js";

const COMPONENT_REFS: Record<string, string> = {
  [SCHEMA_FILES.code]: "#/components/schemas/ErrorCode",
  [SCHEMA_FILES.type]: "#/components/schemas/ErrorType",
  "#/$defs/ErrorBody": "#/components/schemas/ErrorBody",
};

/** Reason phrases for the response descriptions. */
const REASONS: Record<number, string> = {
  400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found", 429: "Too Many Requests",
  500: "Internal Server Error", 502: "Bad Gateway", 503: "Service Unavailable", 504: "Gateway Timeout",
};

/** Statuses that carry no business code but are part of the contract (see the reference's status table). */
const NO_CODE_STATUSES: Record<number, { type: string; message: string }> = {
  401: { type: "authentication_error", message: "Missing or wrong key" },
  429: { type: "rate_limit_error", message: "Rate limited" },
};

function component(schema: JsonObject): JsonObject {
  return JSON.parse(JSON.stringify(schemaBody(schema)), (k, v: Json) => (k === "$ref" && typeof v === "string" ? (COMPONENT_REFS[v] ?? v) : v)) as JsonObject;
}

const header = (description: string, schema: JsonObject): JsonObject => ({ description, schema });

/**
 * An OpenAPI 3.1 components document: the envelope schemas and one response per status, for
 * services to `$ref` from their own API description.
 */
export function generateOpenApi(contract: Contract): string {
  const { code, type, envelope } = contract.schemas;
  const bodyDefs = envelope["$defs"] as JsonObject;
  const statuses = [...new Set([...contract.codes.map((c) => c.status), ...Object.keys(NO_CODE_STATUSES).map(Number)])].sort((a, b) => a - b);
  const responses: JsonObject = {};
  for (const status of statuses) {
    const examples: JsonObject = {};
    for (const c of contract.codes.filter((c) => c.status === status)) {
      examples[c.code.replace(/:/g, "_")] = { summary: c.meaning, value: { error: { message: c.meaning, type: c.type, code: c.code } } };
    }
    const noCode = NO_CODE_STATUSES[status];
    if (noCode) examples["no_code"] = { summary: noCode.message, value: { error: { message: noCode.message, type: noCode.type, code: null } } };
    const headers: JsonObject = {
      "x-request-id": { $ref: "#/components/headers/RequestId" },
      "x-should-retry": { $ref: "#/components/headers/ShouldRetry" },
    };
    if (status === 429 || status === 503) headers["retry-after"] = { $ref: "#/components/headers/RetryAfter" };
    responses[`Error${status}`] = {
      description: `${status} ${REASONS[status] ?? "Error"}: an error envelope.`,
      headers,
      content: { "application/json": { schema: { $ref: "#/components/schemas/ErrorEnvelope" }, examples } },
    };
  }
  const doc = {
    $comment: jsonBanner(),
    openapi: "3.1.0",
    info: {
      title: "Gateway error contract",
      version: contract.version,
      description: "Error envelope schemas and one response per HTTP status. Reference them with $ref from your own OpenAPI document.",
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
        ShouldRetry: header("Whether a client may retry automatically (the catalog's retryable flag).", { type: "string", enum: ["true", "false"] }),
        RetryAfter: header("Seconds to wait before retrying.", { type: "integer", minimum: 0 }),
      },
      responses,
    },
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
