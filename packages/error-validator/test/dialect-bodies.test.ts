import { type Dialect, DIALECT_NAMES, ERROR_CATALOG, ERROR_CODES, HTTP_STATUSES } from "@org/error-types";
import { describe, expect, it } from "vitest";
import { isErrorBody, validateErrorBody, validateErrorEnvelope } from "../src/index.js";
import { type ErrorFields, render } from "./dialect-render.js";

const REF = "https://contract.org.example/error-contract/errors";

/** Every code with its catalog status and type, and the codeless statuses, as fields. */
const ALL: ErrorFields[] = [
  ...ERROR_CODES.map((code) => ({
    message: `failed: ${code}`,
    type: ERROR_CATALOG[code].type,
    code,
    status: ERROR_CATALOG[code].status,
    request_id: "req_123",
    doc_url: ERROR_CATALOG[code].docUrl,
  })),
  ...([401, 429, 500] as const).map((status) => ({
    message: "no code",
    type: HTTP_STATUSES[status].type,
    code: null,
    status,
    request_id: "req_123",
  })),
];

describe("validateErrorBody: every code x dialect the data describes is accepted", () => {
  it.each(DIALECT_NAMES)("%s: all 26 codes and the codeless 401/429/500", (dialect) => {
    expect(ALL).toHaveLength(29);
    for (const fields of ALL) {
      const body = render(dialect, fields);
      expect(validateErrorBody(dialect, body), JSON.stringify(body)).toEqual({ ok: true, value: body });
      expect(isErrorBody(dialect, body)).toBe(true);
    }
  });
});

/** Bodies written by hand from each SDK's source: the shapes, independent of any writer. */
const HAND_WRITTEN: Array<[Dialect, unknown]> = [
  [
    "anthropic",
    {
      type: "error",
      error: {
        type: "overloaded_error",
        message: "No available channel",
        details: { error_code: "get_channel_failed", doc_url: `${REF}#get_channel_failed` },
      },
      request_id: "req_1",
    },
  ],
  ["anthropic", { type: "error", error: { type: "rate_limit_error", message: "Slow down" } }],
  [
    "anthropic",
    {
      type: "error",
      error: { type: "api_error", message: "x", details: { upstream: { provider: "openai", status: 401 } } },
    },
  ],
  [
    "gemini",
    {
      error: {
        code: 429,
        message: "Slow down",
        status: "RESOURCE_EXHAUSTED",
        details: [
          {
            "@type": "type.googleapis.com/google.rpc.ErrorInfo",
            domain: "contract.org.example",
            metadata: { request_id: "req_1", upstream_provider: "openai", upstream_status: "429" },
          },
        ],
      },
    },
  ],
  [
    "gemini",
    {
      error: {
        code: 502,
        message: "Invalid channel key",
        status: "UNAVAILABLE",
        details: [
          {
            "@type": "type.googleapis.com/google.rpc.ErrorInfo",
            reason: "channel:invalid_key",
            domain: "contract.org.example",
          },
        ],
      },
    },
  ],
];

describe("validateErrorBody: bodies written by hand", () => {
  it.each(HAND_WRITTEN)("%s %j is accepted", (dialect, body) => {
    expect(validateErrorBody(dialect, body).ok).toBe(true);
  });
});

const anthropic = () => render("anthropic", ALL[11] as ErrorFields);
const gemini = () => render("gemini", ALL[11] as ErrorFields);
type Any = Record<string, any>;

/** One edit of a valid body, and the issue it must give: path and keyword. */
const REJECTED: Array<[name: string, dialect: Dialect, body: () => unknown, path: string, keyword: string]> = [
  ["not an object", "anthropic", () => [], "", "type"],
  ["a root type missing", "anthropic", () => ({ ...anthropic(), type: undefined }), "/type", "required"],
  ["a root type that is not error", "anthropic", () => ({ ...anthropic(), type: "err" }), "/type", "const"],
  [
    "the contract's type name (not Anthropic's)",
    "anthropic",
    () => ((b: Any) => ((b["error"].type = "upstream_error"), b))(anthropic()),
    "/error/type",
    "enum",
  ],
  [
    "the code where the OpenAI form has it",
    "anthropic",
    () => ((b: Any) => ((b["error"].code = "get_channel_failed"), b))(anthropic()),
    "/error/code",
    "additionalProperties",
  ],
  [
    "a code not in the catalog",
    "anthropic",
    () => ((b: Any) => ((b["error"].details.error_code = "nope"), b))(anthropic()),
    "/error/details/error_code",
    "enum",
  ],
  [
    "a null code (a codeless body leaves it out)",
    "anthropic",
    () => ((b: Any) => ((b["error"].details.error_code = null), b))(anthropic()),
    "/error/details/error_code",
    "type",
  ],
  [
    "no message",
    "anthropic",
    () => ((b: Any) => (delete b["error"].message, b))(anthropic()),
    "/error/message",
    "required",
  ],
  [
    "a doc_url that is no URL",
    "anthropic",
    () => ((b: Any) => ((b["error"].details.doc_url = "javascript:alert(1)"), b))(anthropic()),
    "/error/details/doc_url",
    "pattern",
  ],
  [
    "a status name that does not fit the status",
    "gemini",
    () => ((b: Any) => ((b["error"].status = "UNAUTHENTICATED"), b))(gemini()),
    "/error/status",
    "enum",
  ],
  [
    "a status that is no HTTP error status",
    "gemini",
    () => ((b: Any) => ((b["error"].code = 200), b))(gemini()),
    "/error/code",
    "type",
  ],
  [
    "a status the code is never sent with",
    "gemini",
    () => ((b: Any) => ((b["error"].code = 429), b))(gemini()),
    "/error/code",
    "enum",
  ],
  [
    "a type name that does not fit the code (rate_limit_error for an upstream code)",
    "anthropic",
    () => ((b: Any) => ((b["error"].type = "rate_limit_error"), b))(anthropic()),
    "/error/type",
    "enum",
  ],
  [
    "a second detail",
    "gemini",
    () => ((b: Any) => (b["error"].details.push({}), b))(gemini()),
    "/error/details/1",
    "maxItems",
  ],
  [
    "another domain",
    "gemini",
    () => ((b: Any) => ((b["error"].details[0].domain = "example.com"), b))(gemini()),
    "/error/details/0/domain",
    "const",
  ],
  [
    "an upstream status that is no number",
    "gemini",
    () =>
      ((b: Any) => ((b["error"].details[0].metadata = { upstream_provider: "x", upstream_status: "abc" }), b))(
        gemini(),
      ),
    "/error/details/0/metadata/upstream_status",
    "type",
  ],
  [
    "an upstream part without the provider",
    "gemini",
    () => ((b: Any) => ((b["error"].details[0].metadata = { upstream_status: "429" }), b))(gemini()),
    "/error/details/0/metadata/upstream_provider",
    "required",
  ],
  [
    "an upstream part the contract does not have",
    "gemini",
    () =>
      ((b: Any) => ((b["error"].details[0].metadata = { upstream_provider: "x", upstream_colour: "red" }), b))(
        gemini(),
      ),
    "/error/details/0/metadata/upstream_colour",
    "additionalProperties",
  ],
  [
    "a metadata member the dialect does not have",
    "gemini",
    () => ((b: Any) => ((b["error"].details[0].metadata = { trace: "t" }), b))(gemini()),
    "/error/details/0/metadata/trace",
    "additionalProperties",
  ],
];

describe("validateErrorBody: a body outside its dialect is rejected with the body's path", () => {
  it.each(REJECTED)("%s (%s)", (_name, dialect, body, path, keyword) => {
    const got = validateErrorBody(dialect, JSON.parse(JSON.stringify(body())));
    expect(got.ok).toBe(false);
    if (!got.ok) expect(got.issues[0]).toMatchObject({ path, keyword });
  });

  it("the openai dialect is the envelope: the same answer as strict validateErrorEnvelope", () => {
    for (const body of [render("openai", ALL[3] as ErrorFields), { error: { message: "x" } }, null, "text"])
      expect(validateErrorBody("openai", body)).toEqual(validateErrorEnvelope(body, { mode: "strict" }));
  });

  it("values that are no JSON data, and getters that throw: issues, never a throw", () => {
    const cyclic: Any = { type: "error" };
    cyclic["error"] = cyclic;
    expect(validateErrorBody("anthropic", cyclic)).toMatchObject({ ok: false, issues: [{ keyword: "json" }] });
    const hostile = Object.defineProperty({}, "error", {
      enumerable: true,
      get() {
        throw new Error("boom");
      },
    });
    expect(validateErrorBody("gemini", hostile)).toMatchObject({ ok: false, issues: [{ keyword: "exception" }] });
  });

  it("an unknown dialect: a TypeError naming the accepted ones", () => {
    expect(() => validateErrorBody("mistral" as Dialect, {})).toThrow(
      new TypeError('@org/error-validator: dialect must be one of openai, anthropic, gemini, got "mistral"'),
    );
  });
});
