import type { JsonObject } from "../contract.js";

const nonEmpty: JsonObject = { type: "string", minLength: 1 };
const strings: JsonObject = { type: "array", items: nonEmpty };

/** The part of errors.schema.json that describes `upstream` (contract 1.2): the dispositions and every provider's rules. */
export const upstreamSchema: JsonObject = {
  type: "object",
  required: ["dispositions", "providers"],
  additionalProperties: false,
  description:
    "How a provider's failure is answered (the upstream mapping): rules tried in order, the first match wins.",
  properties: {
    dispositions: {
      type: "array",
      items: {
        type: "object",
        required: ["disposition", "description", "retryable"],
        additionalProperties: false,
        properties: {
          disposition: nonEmpty,
          description: nonEmpty,
          retryable: { type: ["boolean", "null"], description: "Whether the answer must be retryable (null: either)." },
        },
      },
    },
    providers: {
      type: "array",
      description: "Every provider, `generic` (the fallback) last.",
      items: {
        type: "object",
        required: ["provider", "title", "request_id_headers", "retry_after_headers", "rules"],
        additionalProperties: false,
        properties: {
          provider: nonEmpty,
          title: nonEmpty,
          request_id_headers: strings,
          retry_after_headers: strings,
          rules: {
            type: "array",
            items: {
              type: "object",
              required: ["id", "match", "code", "status", "disposition", "keep_upstream", "source"],
              additionalProperties: false,
              properties: {
                id: nonEmpty,
                match: {
                  type: "object",
                  description: "What the provider sends (see the mapping's own schema).",
                },
                code: {
                  type: ["string", "null"],
                  description: "The contract code answered (null: a codeless status).",
                },
                status: { type: "integer", minimum: 400, maximum: 599 },
                disposition: nonEmpty,
                keep_upstream: {
                  type: "boolean",
                  description: "A chained gateway's own code and retryability are kept.",
                },
                source: {
                  type: "string",
                  pattern: "^https://",
                  description: "Documentation or a public issue showing the payload.",
                },
              },
            },
          },
        },
      },
    },
  },
};
