import { BODY_MEMBERS, CONTRACT_SETTINGS, type Fact } from "../vocabulary.js";

const header = (name: string, constant: string, doc: string) =>
  ({
    file: "envelope",
    pointer: `${CONTRACT_SETTINGS}/headers/${name}`,
    json: "string",
    required: true,
    check: "header-name",
    outputs: ["facts", "openapi", "contract-diff"],
    rule: "unknown-change",
    doc,
    constant,
  }) as const;
const grammar = (of: string, part: "pattern" | "maxLength", doc: string) =>
  ({
    file: "envelope",
    pointer: `${CONTRACT_SETTINGS}/${of}/${part}`,
    json: part === "pattern" ? "string" : "integer",
    required: true,
    check: part === "pattern" ? "regex" : "positive",
    outputs: ["catalog", "docs", "html-page", "validators", "contract-diff"],
    rule: "unknown-change",
    doc,
  }) as const;

/** The grammars of names, the protocol's names (header names, media type) and the envelope members' own limits. */
export const NAME_FACTS = {
  codePattern: grammar("codeGrammar", "pattern", "The grammar every code (and type) matches."),
  codeMaxLength: grammar("codeGrammar", "maxLength", "The longest code (and type), in Unicode code points."),
  memberPattern: grammar("memberGrammar", "pattern", "The grammar every envelope member name matches."),
  memberMaxLength: grammar("memberGrammar", "maxLength", "The longest member name, in Unicode code points."),
  shouldRetryHeader: header(
    "shouldRetry",
    "SHOULD_RETRY_HEADER",
    'The response header that says whether a client should retry ("true" / "false").',
  ),
  errorCodeHeader: header("errorCode", "ERROR_CODE_HEADER", "The response header that carries the business code."),
  requestIdHeader: header("requestId", "REQUEST_ID_HEADER", "The header that carries the request id."),
  problemMediaType: {
    file: "envelope",
    pointer: `${CONTRACT_SETTINGS}/problemMediaType`,
    json: "string",
    required: true,
    check: "media-type",
    outputs: ["facts", "openapi", "contract-diff"],
    rule: "unknown-change",
    doc: "The media type of an RFC 9457 problem details body.",
    constant: "PROBLEM_JSON_MEDIA_TYPE",
  },
  messageSchemaLength: {
    file: "envelope",
    pointer: `${BODY_MEMBERS}/message/maxLength`,
    json: "integer",
    required: true,
    check: "positive",
    outputs: ["http", "validators", "contract-diff"],
    rule: "message-limit-lowered",
    doc: "The schema's maxLength of error.message, in Unicode code points.",
  },
  docUrlPattern: {
    file: "envelope",
    pointer: `${BODY_MEMBERS}/doc_url/pattern`,
    json: "string",
    required: true,
    check: "regex",
    outputs: ["facts", "validators", "contract-diff"],
    rule: "envelope-member-narrowed",
    doc: "What a doc_url is: an absolute http(s) URL of printable ASCII.",
  },
  docUrlMaxLength: {
    file: "envelope",
    pointer: `${BODY_MEMBERS}/doc_url/maxLength`,
    json: "integer",
    required: true,
    check: "positive",
    outputs: ["facts", "validators", "contract-diff"],
    rule: "envelope-member-narrowed",
    doc: "The longest doc_url, in Unicode code points.",
    constant: "DOC_URL_MAX_LENGTH",
  },
} as const satisfies Record<string, Fact>;
