import type { JsonObject } from "../contract.js";

const nonEmpty: JsonObject = { type: "string", minLength: 1 };
const pointer: JsonObject = { type: "string", pattern: "^(/[^/]+)+$", description: "A JSON Pointer into the body." };
const names = (description: string): JsonObject => ({ type: "object", additionalProperties: nonEmpty, description });

/** The part of errors.schema.json that describes `dialects` (contract 1.2): one object per dialect, in order. */
export const dialectsSchema: JsonObject = {
  type: "array",
  minItems: 1,
  description:
    "How a contract error is rendered on each API surface (the envelope schema's dialect data); the first is the default.",
  items: {
    type: "object",
    required: [
      "dialect",
      "title",
      "description",
      "request_id_headers",
      "types",
      "status_types",
      "type_by_status",
      "constants",
      "members",
      "spread",
      "status_member",
      "codeless",
      "sse",
    ],
    additionalProperties: false,
    properties: {
      dialect: { ...nonEmpty, description: "The dialect's name (openai, anthropic, gemini)." },
      title: nonEmpty,
      description: nonEmpty,
      request_id_headers: {
        type: "array",
        items: nonEmpty,
        minItems: 1,
        uniqueItems: true,
        description: "The response headers that carry the request id, the contract's first.",
      },
      types: names("The surface's type name for each contract type."),
      status_types: names("Surface type names that replace the type's at an HTTP status."),
      type_by_status: names("The surface's type name at every status of the table, for a response without a code."),
      constants: {
        type: "object",
        additionalProperties: nonEmpty,
        description: "Members every body has: pointer -> value.",
      },
      members: { type: "object", additionalProperties: pointer, description: "Where each envelope member goes." },
      spread: names("Object members written as prefixed strings into the object `members` names: member -> prefix."),
      status_member: { anyOf: [pointer, { type: "null" }], description: "Where the HTTP status goes as a number." },
      codeless: { enum: ["null", "omit"], description: "What an error without a business code writes." },
      sse: {
        type: "object",
        required: ["event", "retryable"],
        additionalProperties: false,
        properties: { event: { type: ["string", "null"] }, retryable: pointer },
        description:
          "The error event inside a started stream: its name (null: unnamed) and the retryable flag's place.",
      },
    },
  },
};
