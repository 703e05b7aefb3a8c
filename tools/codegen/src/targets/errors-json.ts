import { codeBanner, jsonBanner } from "../banner.js";
import type { Contract, JsonObject } from "../contract.js";
import { docUrlFor } from "./anchor.js";
import { dialectsSchema } from "./dialects-json-schema.js";
import { allStatuses } from "./catalog.js";
import { type CatalogDialect, dialectDocument } from "./dialect-doc.js";

/** File names of the catalog and its schema; the schema's `$id` sits next to the contract's own schemas. */
export const ERRORS_JSON_FILE = "errors.json";
export const ERRORS_SCHEMA_FILE = "errors.schema.json";

/** One code as errors.json lists it (snake_case, like the envelope on the wire). */
export interface CatalogCode {
  code: string;
  status: number;
  statuses: number[];
  /** The statuses besides the canonical one, each with when it is used. */
  other_statuses: Array<{ status: number; when: string }>;
  type: string;
  meaning: string;
  action: string;
  retryable: boolean;
  doc_url: string;
}

/** One row of the HTTP status table. */
export interface CatalogStatus {
  status: number;
  reason: string;
  type: string;
  meaning: string;
  cause: string;
  retry_after: boolean;
  codeless: boolean;
  codes: string[];
}

/** The catalog document: what errors.json holds, and what the HTML page renders. */
export interface CatalogDocument {
  contract_version: string;
  reference_url: string;
  statuses: CatalogStatus[];
  codes: CatalogCode[];
  /** How an error is rendered on each API surface (contract 1.2), without the docs' examples. */
  dialects: Array<Omit<CatalogDialect, "example">>;
}

/** The catalog as plain data, in reference order. Shared by errors.json and the HTML page. */
export function catalogDocument(contract: Contract): CatalogDocument {
  const reference = contract.rules.referenceUrl;
  return {
    contract_version: contract.version,
    reference_url: reference,
    statuses: contract.statuses.map((s) => ({
      status: s.status,
      reason: s.reason,
      type: s.type,
      meaning: s.meaning,
      cause: s.cause,
      retry_after: s.retryAfter,
      codeless: s.codeless,
      codes: contract.codes.filter((c) => allStatuses(c).includes(s.status)).map((c) => c.code),
    })),
    codes: contract.codes.map((c) => ({
      code: c.code,
      status: c.status,
      statuses: allStatuses(c),
      other_statuses: c.otherStatuses.map((o) => ({ status: o.status, when: o.when })),
      type: c.type,
      meaning: c.meaning,
      action: c.action,
      retryable: c.retryable,
      doc_url: docUrlFor(reference, c.code),
    })),
    dialects: dialectDocument(contract).map(({ example: _e, ...d }) => d),
  };
}

/** The `$id` of the catalog's schema, derived from the envelope schema's `$id`. */
const schemaId = (contract: Contract): string =>
  new URL(ERRORS_SCHEMA_FILE, contract.schemas.envelope["$id"] as string).href;

const nonEmpty: JsonObject = { type: "string", minLength: 1 };
const httpStatus: JsonObject = { type: "integer", minimum: 400, maximum: 599 };

/** The JSON Schema that describes errors.json (its structure, not today's codes: a newer catalog still validates). */
export function errorsJsonSchema(contract: Contract): JsonObject {
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: schemaId(contract),
    $comment: jsonBanner(),
    title: "ErrorCatalog",
    description:
      "The machine-readable catalog of the gateway's error contract: every business code and the HTTP status table.",
    type: "object",
    required: ["contract_version", "reference_url", "statuses", "codes", "dialects"],
    additionalProperties: false,
    properties: {
      $schema: { type: "string", description: "The $id of this schema." },
      $comment: { type: "string" },
      contract_version: {
        type: "string",
        pattern: "^\\d+\\.\\d+\\.\\d+(?:-[0-9A-Za-z.-]+)?$",
        description: "The contract's semver version.",
      },
      reference_url: { type: "string", format: "uri", description: "The human-readable reference page." },
      statuses: {
        type: "array",
        description: "The reference's HTTP status table.",
        items: {
          type: "object",
          required: ["status", "reason", "type", "meaning", "cause", "retry_after", "codeless", "codes"],
          additionalProperties: false,
          properties: {
            status: httpStatus,
            reason: { ...nonEmpty, description: "The HTTP reason phrase." },
            type: { ...nonEmpty, description: "The error.type of a response with this status and no business code." },
            meaning: { ...nonEmpty, description: "The reference's meaning." },
            cause: { ...nonEmpty, description: "The reference's common cause." },
            retry_after: { type: "boolean", description: "Whether a response with this status may carry Retry-After." },
            codeless: { type: "boolean", description: "Whether a response with this status may have code: null." },
            codes: {
              type: "array",
              items: nonEmpty,
              uniqueItems: true,
              description: "The business codes a response with this status may carry.",
            },
          },
        },
      },
      codes: {
        type: "array",
        minItems: 1,
        description: "Every business code, in reference order.",
        items: {
          type: "object",
          required: [
            "code",
            "status",
            "statuses",
            "other_statuses",
            "type",
            "meaning",
            "action",
            "retryable",
            "doc_url",
          ],
          additionalProperties: false,
          properties: {
            code: {
              ...nonEmpty,
              description: "The value of error.code, verbatim (the colon of channel: codes included).",
            },
            status: { ...httpStatus, description: "The canonical HTTP status." },
            statuses: {
              type: "array",
              items: httpStatus,
              minItems: 1,
              uniqueItems: true,
              description: "Every status the code may be sent with, canonical first.",
            },
            other_statuses: {
              type: "array",
              description: "The statuses besides the canonical one, each with when it is used.",
              items: {
                type: "object",
                required: ["status", "when"],
                additionalProperties: false,
                properties: { status: httpStatus, when: nonEmpty },
              },
            },
            type: { ...nonEmpty, description: "The value of error.type sent with this code." },
            meaning: { ...nonEmpty, description: "The reference's meaning, verbatim." },
            action: { ...nonEmpty, description: "The reference's advice (what to do), verbatim." },
            retryable: { type: "boolean", description: "Whether a client may retry automatically." },
            doc_url: { type: "string", format: "uri", description: "The code's entry in the reference page." },
          },
        },
      },
      dialects: dialectsSchema,
    },
  };
}

/** The text of errors.json. */
export const errorsJsonText = (contract: Contract): string =>
  `${JSON.stringify({ $schema: schemaId(contract), $comment: jsonBanner(), ...catalogDocument(contract) }, null, 2)}\n`;

/** errors.json and its schema as file contents, keyed by file name. */
export function generateErrorsJson(contract: Contract): Array<[file: string, content: string]> {
  return [
    [ERRORS_JSON_FILE, errorsJsonText(contract)],
    [ERRORS_SCHEMA_FILE, `${JSON.stringify(errorsJsonSchema(contract), null, 2)}\n`],
  ];
}

/**
 * errors.json's exact text as a module (`ERROR_CATALOG_JSON`), so a service can serve the
 * catalog with no file read and no JSON import (Workers, bundlers, CJS and ESM alike).
 */
export function generateErrorsJsonModule(contract: Contract): string {
  return `${codeBanner()}
/** The text of \`@org/error-types/errors.json\` (the machine-readable catalog), byte for byte: what \`GET /v1/errors\` serves. */
export const ERROR_CATALOG_JSON: string = ${JSON.stringify(errorsJsonText(contract))};
`;
}
