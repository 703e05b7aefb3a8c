import { CODE_META, type Fact, type FactCheck, type JsonType } from "../vocabulary.js";

const OUTPUTS = ["catalog", "records", "docs", "openapi", "errors-json", "html-page", "contract-diff"] as const;

/** One per-code fact: `member` of each code's metadata (`""`: the metadata object itself). */
const fact = <J extends JsonType>(
  member: string,
  json: J,
  rule: string,
  doc: string,
  more: { required?: false; check?: FactCheck; record?: Fact["record"] } = {},
) =>
  ({
    file: "code",
    pointer: member ? `${CODE_META}/${member}` : CODE_META,
    json,
    required: more.required ?? true,
    outputs: OUTPUTS,
    rule,
    doc,
    ...(more.check ? { check: more.check } : {}),
    ...(more.record ? { record: more.record } : {}),
  }) as const;

/** A member of the generated `ErrorCatalogEntry`. */
const entry = (member: string, ts: string, doc: string) => ({ record: { member, ts, doc } });

/** The per-code facts (error-code.schema.json): each code's metadata members, in record order. */
export const CODE_FACTS = {
  codeMeta: fact("", "object", "unknown-change", "A code's metadata (x-error)."),
  codeStatus: fact(
    "status",
    "integer",
    "code-status-changed",
    "The canonical status.",
    entry("status", "HttpErrorStatus", "Canonical HTTP status of responses carrying this code."),
  ),
  codeOtherStatuses: fact(
    "otherStatuses",
    "array",
    "code-status-allowed-added",
    "Other statuses the code may be sent with, each { status, when }.",
    {
      required: false,
      ...entry("statuses", "readonly HttpErrorStatus[]", "Every status the code may be sent with, canonical first."),
    },
  ),
  codeType: fact(
    "type",
    "string",
    "code-type-changed",
    "The code's `error.type` category.",
    entry("type", "ErrorType", "The `error.type` category that goes with this code."),
  ),
  codeMeaning: fact("meaning", "string", "text-changed", "The reference's Meaning column.", {
    check: "non-empty",
    ...entry("meaning", "string", 'The reference\'s "Meaning" column, verbatim.'),
  }),
  codeAction: fact("action", "string", "text-changed", "The reference's What to do column.", {
    check: "non-empty",
    ...entry("action", "string", 'The reference\'s "What to do" column, verbatim.'),
  }),
  codeRetryable: fact(
    "retryable",
    "boolean",
    "code-retryable-enabled",
    "Whether a client may retry the code automatically.",
    entry("retryable", "boolean", "Whether a client may retry automatically, without a person acting first."),
  ),
  codeName: {
    file: "code",
    pointer: "/anyOf/*/const",
    json: "string",
    required: true,
    outputs: OUTPUTS,
    rule: "code-added",
    doc: "The code itself; with the reference URL it makes the code's doc_url.",
    ...entry("docUrl", "string", 'The code\'s entry in the hosted reference: `ERROR_REFERENCE_URL + "#" + code`.'),
  },
} as const satisfies Record<string, Fact>;
