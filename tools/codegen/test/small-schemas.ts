import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { SCHEMA_FILES, TYPES_PACKAGE_JSON } from "@org/contract-model";
import type { Contract } from "../src/contract.js";
import { loadContract } from "../src/load.js";

type Schemas = Record<keyof typeof SCHEMA_FILES, Record<string, unknown>>;
const ID = "https://example.test/c/";

/**
 * A tiny contract: two types, two codes (`a` 400 also 413; `b:x` 503 retryable), three
 * statuses. `edit` changes one fact before it is written; tests state the output they want.
 */
export function smallSchemas(edit: (s: Schemas) => void = () => undefined): Schemas {
  const s: Schemas = {
    type: {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $id: `${ID}${SCHEMA_FILES.type}`,
      title: "ErrorType",
      description: "T.",
      anyOf: [
        { const: "bad_error", description: "Bad." },
        { const: "down_error", description: "Down." },
      ],
    },
    code: {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $id: `${ID}${SCHEMA_FILES.code}`,
      title: "ErrorCode",
      description: "C.",
      anyOf: [
        {
          const: "a",
          "x-error": {
            status: 400,
            otherStatuses: [{ status: 413, when: "Too big" }],
            type: "bad_error",
            meaning: "A meaning",
            action: "Fix a",
            retryable: false,
          },
        },
        {
          const: "b:x",
          "x-error": { status: 503, type: "down_error", meaning: "B meaning", action: "Retry", retryable: true },
        },
      ],
    },
    envelope: {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $id: `${ID}${SCHEMA_FILES.envelope}`,
      title: "ErrorEnvelope",
      type: "object",
      required: ["error"],
      additionalProperties: false,
      properties: { error: { $ref: "#/$defs/ErrorBody" } },
      $defs: {
        ErrorBody: {
          title: "ErrorBody",
          type: "object",
          required: ["message", "code"],
          additionalProperties: false,
          properties: {
            message: { description: "Text.", type: "string", maxLength: 100 },
            code: { description: "Code.", anyOf: [{ $ref: SCHEMA_FILES.code }, { type: "null" }] },
            type: { $ref: SCHEMA_FILES.type },
            doc_url: { type: "string", pattern: "^https?://[!-~]+$", maxLength: 200 },
            upstream: {
              type: "object",
              required: ["provider"],
              additionalProperties: false,
              properties: { provider: { type: "string", pattern: "^[a-z0-9][a-z0-9._-]*$", maxLength: 64 } },
            },
          },
        },
      },
      "x-contract": {
        referenceUrl: "https://example.test/ref",
        maxMessageLength: 50,
        statusClasses: [
          { from: 400, to: 499, type: "bad_error", retryable: false },
          { from: 500, to: 599, type: "down_error", retryable: true },
        ],
        otherStatusType: "down_error",
        retryableStatuses: [408],
        nonRetryableStatuses: [501],
        codeGrammar: { pattern: "^[a-z][a-z0-9_]*(:[a-z][a-z0-9_]*)?$", maxLength: 64 },
        memberGrammar: { pattern: "^[a-z][a-z0-9_]*$", maxLength: 64 },
        headers: { shouldRetry: "x-should-retry", errorCode: "x-error-code", requestId: "x-request-id" },
        problemMediaType: "application/problem+json",
      },
      "x-dialects": {
        description: "D.",
        dialects: {
          openai: {
            title: "OpenAI",
            description: "O.",
            requestIdHeaders: ["x-request-id"],
            types: { bad_error: "bad_error", down_error: "down_error" },
            statusTypes: {},
            constants: {},
            members: {
              message: "/error/message",
              code: "/error/code",
              type: "/error/type",
              doc_url: "/error/doc_url",
              upstream: "/error/upstream",
            },
            spread: {},
            codeless: "null",
            sse: { event: null, retryable: "/retryable" },
          },
          anthropic: {
            title: "Anthropic",
            description: "A.",
            requestIdHeaders: ["x-request-id", "request-id"],
            types: { bad_error: "invalid_request_error", down_error: "api_error" },
            statusTypes: { "503": "overloaded_error" },
            constants: { "/type": "error" },
            members: {
              message: "/error/message",
              code: "/error/details/error_code",
              type: "/error/type",
              doc_url: "/error/details/doc_url",
              upstream: "/error/details/upstream",
            },
            spread: {},
            codeless: "omit",
            sse: { event: "error", retryable: "/retryable" },
          },
        },
      },
      "x-http-statuses": [
        {
          status: 400,
          reason: "Bad Request",
          type: "bad_error",
          retryAfter: false,
          codeless: false,
          meaning: "Bad",
          cause: "Wrong input",
        },
        {
          status: 413,
          reason: "Content Too Large",
          type: "bad_error",
          retryAfter: false,
          codeless: true,
          meaning: "Big",
          cause: "Too big",
        },
        {
          status: 503,
          reason: "Service Unavailable",
          type: "down_error",
          retryAfter: true,
          codeless: true,
          meaning: "Down",
          cause: "Nothing free",
        },
      ],
    },
    lenient: {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $id: `${ID}${SCHEMA_FILES.lenient}`,
      title: "LenientErrorEnvelope",
      type: "object",
      properties: { error: { $ref: "#/$defs/LenientErrorBody" } },
      $defs: {
        LenientErrorBody: { title: "LenientErrorBody", type: "object", properties: { message: { type: "string" } } },
      },
    },
  };
  edit(s);
  return s;
}

/** Writes `schemas` (and a types package.json at 9.9.9) into a temp root and loads the contract from it. */
export function loadSmall(schemas: Schemas = smallSchemas()): Contract {
  const root = mkdtempSync(join(tmpdir(), "codegen-small-"));
  try {
    for (const [name, file] of Object.entries(SCHEMA_FILES)) {
      mkdirSync(join(root, "schemas"), { recursive: true });
      writeFileSync(join(root, "schemas", file), JSON.stringify(schemas[name as keyof Schemas]));
    }
    mkdirSync(dirname(join(root, TYPES_PACKAGE_JSON)), { recursive: true });
    writeFileSync(join(root, TYPES_PACKAGE_JSON), JSON.stringify({ version: "9.9.9" }));
    return loadContract(root);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** Mutable view of a small schema's parts, for `edit` callbacks. */
export type { Schemas };
