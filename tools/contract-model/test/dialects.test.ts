import { describe, expect, it } from "vitest";
import {
  DIALECT_ENTRY,
  findRepoRoot,
  type JsonObject,
  readContract,
  readSchemaFiles,
  SchemaError,
  valueAt,
} from "../src/index.js";

const FILES = readSchemaFiles(findRepoRoot(import.meta.url));
type Any = Record<string, any>;
const dialect = (s: typeof FILES, name: string): Any => (s.envelope["x-dialects"] as Any)["dialects"][name];
const FILE = "schemas/error-envelope.schema.json";
const AT = `${FILE}#/x-dialects/dialects`;

describe("x-dialects, strict", () => {
  const { dialects } = readContract(FILES, { strict: true });

  it("reads every dialect in schema order, openai (the default) first, each with where it sits", () => {
    expect(dialects.dialects.map((d) => d.dialect)).toEqual(["openai", "anthropic", "gemini"]);
    for (const d of dialects.dialects)
      expect(valueAt(FILES.envelope, `${DIALECT_ENTRY.slice(0, -2)}/${d.dialect}/title`)).toBe(d.title);
    expect(dialects.description).toMatch(/problem\+json stays a negotiated form/);
  });

  it("places the contract's members where each SDK reads them", () => {
    const by = Object.fromEntries(dialects.dialects.map((d) => [d.dialect, d]));
    // @anthropic-ai/sdk 1.17: err.errorCode <- error.details.error_code, err.requestID <- the request-id header.
    expect(by["anthropic"]!.members["code"]).toBe("/error/details/error_code");
    expect(by["anthropic"]!.requestIdHeaders).toEqual(["x-request-id", "request-id"]);
    expect(by["anthropic"]!.sse.event).toBe("error");
    // @google/genai: the status from error.code (a number), stream errors only in unnamed data events.
    expect(by["gemini"]!.statusMember).toBe("/error/code");
    expect(by["gemini"]!.sse.event).toBeNull();
    expect(by["openai"]!.members["request_id"]).toBe("/error/request_id");
  });

  it("every contract type has a name on every surface; Anthropic's are in its SDK's ErrorType union", () => {
    const union = ["invalid_request_error", "authentication_error", "permission_error", "not_found_error"];
    union.push("rate_limit_error", "timeout_error", "api_error", "overloaded_error");
    const anthropic = dialects.dialects.find((d) => d.dialect === "anthropic")!;
    for (const name of [...Object.values(anthropic.types), ...Object.values(anthropic.statusTypes)])
      expect(union).toContain(name);
  });

  it("Gemini's ErrorInfo domain is the reference's host", () => {
    const gemini = dialects.dialects.find((d) => d.dialect === "gemini")!;
    const host = new URL(readContract(FILES, { strict: true }).rules.referenceUrl).host;
    expect(gemini.constants["/error/details/0/domain"]).toBe(host);
  });
});

/** One broken copy per rule of the reader, and the error it must give: file, pointer, what is wrong. */
const BROKEN: Array<[name: string, edit: (s: typeof FILES) => void, message: string]> = [
  ["x-dialects missing", (s) => void delete s.envelope["x-dialects"], `${FILE}#/x-dialects/description: needs`],
  [
    "the default dialect missing",
    (s) => void delete (s.envelope["x-dialects"] as Any)["dialects"]["openai"],
    `${FILE}#/x-dialects/dialects: must be an object of dialects by name, with "openai"`,
  ],
  [
    "an unknown field",
    (s) => void (dialect(s, "gemini").colour = "blue"),
    `${AT}/gemini/colour: unknown field "colour"`,
  ],
  [
    "a field missing",
    (s) => void delete dialect(s, "anthropic").sse,
    `${AT}/anthropic: dialect "anthropic" needs "sse"`,
  ],
  ["a field of the wrong type", (s) => void (dialect(s, "gemini").types = []), `${AT}/gemini/types: must be a object`],
  [
    "a contract type without a name",
    (s) => void delete dialect(s, "anthropic").types.server_error,
    `${AT}/anthropic/types: needs "server_error"`,
  ],
  [
    "a type that is not the contract's",
    (s) => void (dialect(s, "anthropic").types.billing_error = "billing_error"),
    `${AT}/anthropic/types/billing_error: "billing_error" is not one of the contract's types`,
  ],
  [
    "a status outside the table",
    (s) => void (dialect(s, "anthropic").statusTypes["529"] = "overloaded_error"),
    `${AT}/anthropic/statusTypes/529: "529" is not one of the statuses of x-http-statuses`,
  ],
  [
    "a type name that is no word",
    (s) => void (dialect(s, "gemini").statusTypes["409"] = "ABORTED now"),
    `${AT}/gemini/statusTypes/409: must be a type name`,
  ],
  [
    "the contract's request-id header not first",
    (s) => void (dialect(s, "anthropic").requestIdHeaders = ["request-id", "x-request-id"]),
    `${AT}/anthropic/requestIdHeaders: must list the contract's request-id header "x-request-id" first`,
  ],
  [
    "a header listed twice",
    (s) => void dialect(s, "anthropic").requestIdHeaders.push("request-id"),
    `${AT}/anthropic/requestIdHeaders/2: "request-id" is listed twice`,
  ],
  [
    "an upper-case header",
    (s) => void (dialect(s, "anthropic").requestIdHeaders[1] = "Request-Id"),
    `${AT}/anthropic/requestIdHeaders/1: must be a lower-case header name`,
  ],
  [
    "a member ErrorBody does not have",
    (s) => void (dialect(s, "anthropic").members.retry = "/error/retry"),
    `${AT}/anthropic/members/retry: "retry" is not a member of ErrorBody`,
  ],
  [
    "an ErrorBody member without a place",
    (s) => void delete dialect(s, "gemini").members.doc_url,
    `${AT}/gemini/members: needs a place for ErrorBody's "doc_url"`,
  ],
  [
    "a place that is no JSON Pointer",
    (s) => void (dialect(s, "anthropic").members.code = "error.details.error_code"),
    `${AT}/anthropic/members/code: must be a JSON Pointer`,
  ],
  [
    "two members in one place",
    (s) => void (dialect(s, "anthropic").members.param = "/error/details/error_code"),
    `${AT}/anthropic/members/param: /error/details/error_code overlaps /error/details/error_code, the place of code`,
  ],
  [
    "a member inside another",
    (s) => void (dialect(s, "anthropic").members.doc_url = "/error/message/doc_url"),
    `${AT}/anthropic/members/doc_url: /error/message/doc_url overlaps /error/message, the place of message`,
  ],
  [
    "a constant where a member goes",
    (s) => void (dialect(s, "anthropic").constants["/error/type"] = "error"),
    `${AT}/anthropic/members/type: /error/type overlaps /error/type, the place of /error/type`,
  ],
  [
    "a spread of a member that is no object",
    (s) => void (dialect(s, "gemini").spread.message = "message_"),
    `${AT}/gemini/members/message: "message" is not an object member of ErrorBody`,
  ],
  [
    "the default dialect moved a member",
    (s) => void (dialect(s, "openai").members.code = "/error/error_code"),
    `${AT}/openai: the default dialect is the envelope itself`,
  ],
  [
    "the default dialect renamed a type",
    (s) => void (dialect(s, "openai").types.upstream_error = "api_error"),
    `${AT}/openai: the default dialect is the envelope itself`,
  ],
  [
    "codeless misspelt",
    (s) => void (dialect(s, "gemini").codeless = "none"),
    `${AT}/gemini/codeless: must be "null" or "omit"`,
  ],
  [
    "an event name with a space",
    (s) => void (dialect(s, "anthropic").sse.event = "error event"),
    `${AT}/anthropic/sse/event: must be null (an unnamed event) or a lower-case event name`,
  ],
  [
    "a dialect name outside the member grammar",
    (s) => void ((s.envelope["x-dialects"] as Any)["dialects"]["Mistral"] = dialect(s, "openai")),
    `${AT}/Mistral: dialect name "Mistral" must match`,
  ],
];

describe("x-dialects, strict: a broken dialect is a SchemaError naming the file and the pointer", () => {
  it.each(BROKEN)("%s", (_name, edit, message) => {
    const broken = structuredClone(FILES);
    edit(broken);
    let error: unknown;
    try {
      readContract(broken, { strict: true });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SchemaError);
    expect((error as Error).message).toContain(message);
    // Lenient reading never throws: the diff reads odd shapes and records the problem.
    expect(readContract(broken as Record<keyof typeof FILES, JsonObject>, { strict: false }).problem?.message).toBe(
      (error as Error).message,
    );
  });
});
