import { type Fact, type FactCheck, type JsonType, STATUS_ROW } from "../vocabulary.js";

const OUTPUTS = ["http", "records", "docs", "openapi", "errors-json", "html-page", "contract-diff"] as const;

/** One per-status fact: `member` of each row of the status table, and its `HttpStatusEntry` member (same name). */
const fact = <J extends JsonType>(
  member: string,
  json: J,
  rule: string,
  doc: string,
  record?: { ts: string; doc: string; check?: FactCheck },
) =>
  ({
    file: "envelope",
    pointer: `${STATUS_ROW}/${member}`,
    json,
    required: true,
    outputs: OUTPUTS,
    rule,
    doc,
    ...(record?.check ? { check: record.check } : {}),
    ...(record ? { record: { member, ts: record.ts, doc: record.doc } } : {}),
  }) as const;

/** The per-status facts (error-envelope.schema.json): the status table and each row's members, in record order. */
export const STATUS_FACTS = {
  statusTable: {
    file: "envelope",
    pointer: STATUS_ROW.slice(0, -2),
    json: "array",
    required: true,
    outputs: OUTPUTS,
    rule: "http-status-changed",
    doc: "Every HTTP status the contract uses, ascending (x-http-statuses).",
  },
  rowStatus: { ...fact("status", "integer", "http-status-added", "The status."), check: "status" },
  rowReason: fact("reason", "string", "text-changed", "The HTTP reason phrase.", {
    ts: "string",
    doc: 'The HTTP reason phrase ("Not Found").',
    check: "non-empty",
  }),
  rowType: fact("type", "string", "http-status-changed", "The type of a response with this status and no code.", {
    ts: "ErrorType",
    doc: "The `error.type` of a response with this status and no business code.",
  }),
  rowRetryAfter: fact("retryAfter", "boolean", "retry-after-statuses-changed", "Whether it may carry Retry-After.", {
    ts: "boolean",
    doc: "Whether a response with this status may carry `Retry-After`.",
  }),
  rowCodeless: fact("codeless", "boolean", "http-status-changed", "Whether it may have code: null.", {
    ts: "boolean",
    doc: "Whether a response with this status may have `code: null`.",
  }),
  rowMeaning: fact("meaning", "string", "text-changed", "The reference's Meaning column.", {
    ts: "string",
    doc: 'The reference\'s "Meaning" column.',
    check: "non-empty",
  }),
  rowCause: fact("cause", "string", "text-changed", "The reference's Common cause column.", {
    ts: "string",
    doc: 'The reference\'s "Common cause" column.',
    check: "non-empty",
  }),
} as const satisfies Record<string, Fact>;
