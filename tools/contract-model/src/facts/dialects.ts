import type { Fact, FactCheck, JsonType } from "../vocabulary.js";

/** Where the dialect data sits in the envelope schema (its meaning is the `description` there). */
export const DIALECTS_POINTER = "/x-dialects";
/** Where each dialect's facts sit: one object per dialect name. */
export const DIALECT_ENTRY = `${DIALECTS_POINTER}/dialects/*`;

const OUTPUTS = ["facts", "docs", "errors-json", "html-page", "validators", "contract-diff"] as const;

/** One member of every dialect's entry. */
const member = <J extends JsonType>(name: string, json: J, rule: string, doc: string, check?: FactCheck) =>
  ({
    file: "envelope",
    pointer: `${DIALECT_ENTRY}/${name}`,
    json,
    required: true,
    outputs: OUTPUTS,
    rule,
    doc,
    ...(check ? { check } : {}),
  }) as const;

/**
 * The dialects (contract 1.2): how a contract error is rendered on each API surface (OpenAI,
 * Anthropic, Gemini), read by strict/read-dialects.ts and generated into `DIALECTS`.
 */
export const DIALECT_FACTS = {
  dialects: {
    file: "envelope",
    pointer: DIALECTS_POINTER,
    json: "object",
    required: true,
    outputs: OUTPUTS,
    rule: "dialect-added",
    doc: "The dialects: how a contract error is rendered on each API surface (x-dialects).",
  },
  dialectsDescription: {
    file: "envelope",
    pointer: `${DIALECTS_POINTER}/description`,
    json: "string",
    required: true,
    check: "non-empty",
    outputs: ["docs", "html-page", "contract-diff"],
    rule: "text-changed",
    doc: "What the dialect data means, member by member.",
  },
  dialectEntry: {
    file: "envelope",
    pointer: DIALECT_ENTRY,
    json: "object",
    required: true,
    outputs: OUTPUTS,
    rule: "dialect-removed",
    doc: "One dialect, by name.",
  },
  dialectTitle: member("title", "string", "text-changed", "The surface's name for people.", "non-empty"),
  dialectDescription: member(
    "description",
    "string",
    "text-changed",
    "The surface and how its SDK reads errors.",
    "non-empty",
  ),
  dialectRequestIdHeaders: member(
    "requestIdHeaders",
    "array",
    "dialect-request-id-header-removed",
    "The response headers that carry the request id, the contract's header first.",
  ),
  dialectTypes: member(
    "types",
    "object",
    "dialect-type-map-changed",
    "The surface's type name for each contract type.",
  ),
  dialectStatusTypes: member(
    "statusTypes",
    "object",
    "dialect-type-map-changed",
    "Surface type names that replace the type's at an HTTP status.",
  ),
  dialectConstants: member("constants", "object", "dialect-member-moved", "Members every body has, by JSON Pointer."),
  dialectMembers: member(
    "members",
    "object",
    "dialect-member-moved",
    "Where each ErrorBody member goes, by JSON Pointer.",
  ),
  dialectSpread: member(
    "spread",
    "object",
    "dialect-member-moved",
    "Object members written as prefixed strings into the object `members` names.",
  ),
  dialectStatusMember: {
    ...member("statusMember", "string", "dialect-member-moved", "Where the HTTP status goes as a number, if anywhere."),
    required: false,
  },
  dialectCodeless: member(
    "codeless",
    "string",
    "dialect-member-moved",
    'What an error without a code writes: "null" or "omit".',
  ),
  dialectSse: member(
    "sse",
    "object",
    "dialect-sse-changed",
    "The error event in a started stream: event name and retryable member.",
  ),
} as const satisfies Record<string, Fact>;
