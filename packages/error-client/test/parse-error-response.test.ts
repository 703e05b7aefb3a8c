import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiError, MAX_DETAIL_LENGTH, MAX_TEXT_DETAIL_LENGTH, parseErrorResponse } from "../src/index.js";
import { type Canned, reply, startServer, type TestServer } from "./helpers/server.js";

const JSON_TYPE = { "content-type": "application/json" };
const NGINX_502 = `<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
const NO_TITLE_PAGE = `<!DOCTYPE html><html><head><style>body{color:red}</style><script>var secret = "x";</script></head><body><!-- upstream 10.0.0.7 --><h1>Service&nbsp;Unavailable</h1><p>Try again &amp; again.</p></body></html>`;

interface Case {
  name: string;
  given: Canned;
  want: Partial<
    Pick<ApiError, "status" | "code" | "rawCode" | "type" | "param" | "requestId" | "isContract" | "detail" | "docUrl">
  >;
}

const cases: Case[] = [
  {
    name: "our envelope",
    given: {
      status: 404,
      headers: { ...JSON_TYPE, "x-request-id": "req_1" },
      body: JSON.stringify({
        error: { message: "Model gpt-x not found", type: "not_found_error", code: "model_not_found", param: "model" },
      }),
    },
    want: {
      status: 404,
      code: "model_not_found",
      rawCode: "model_not_found",
      type: "not_found_error",
      param: "model",
      requestId: "req_1",
      isContract: true,
      detail: "Model gpt-x not found",
    },
  },
  {
    name: "our envelope with a channel: code and no type",
    given: {
      status: 503,
      headers: JSON_TYPE,
      body: JSON.stringify({ error: { message: "no key", code: "channel:no_available_key" } }),
    },
    want: { code: "channel:no_available_key", type: "upstream_error", isContract: true },
  },
  {
    name: "OpenAI's shape with an unknown string code",
    given: {
      status: 429,
      headers: { ...JSON_TYPE, "x-request-id": "req_oa" },
      body: JSON.stringify({
        error: { message: "Rate limit reached", type: "requests", param: null, code: "rate_limit_exceeded" },
      }),
    },
    want: {
      code: null,
      rawCode: "rate_limit_exceeded",
      type: "requests",
      param: null,
      requestId: "req_oa",
      isContract: true,
    },
  },
  {
    name: "a numeric code",
    given: {
      status: 500,
      headers: JSON_TYPE,
      body: JSON.stringify({ error: { message: "boom", type: "new_api_error", code: 500 } }),
    },
    want: { code: null, rawCode: 500, type: "new_api_error", isContract: true },
  },
  {
    name: "an empty string code",
    given: {
      status: 400,
      headers: JSON_TYPE,
      body: JSON.stringify({ error: { message: "bad", type: "invalid_request_error", code: "" } }),
    },
    want: { code: null, rawCode: "", isContract: true },
  },
  {
    name: "Anthropic's shape",
    given: {
      status: 529,
      headers: { ...JSON_TYPE, "request-id": "req_011CS" },
      body: JSON.stringify({ type: "error", error: { type: "overloaded_error", message: "Overloaded" } }),
    },
    want: {
      status: 529,
      code: null,
      rawCode: undefined,
      type: "overloaded_error",
      requestId: "req_011CS",
      detail: "Overloaded",
    },
  },
  {
    name: "RFC 9457 problem+json",
    given: {
      status: 403,
      headers: { "content-type": "application/problem+json" },
      body: JSON.stringify({
        type: "https://example.com/probs/out-of-credit",
        title: "You do not have enough credit.",
        detail: "Your balance is 30, but that costs 50.",
        status: 403,
      }),
    },
    // The problem type is a URI: it is the docUrl; the category follows from the status.
    want: {
      status: 403,
      code: null,
      type: "permission_error",
      docUrl: "https://example.com/probs/out-of-credit",
      detail: "Your balance is 30, but that costs 50.",
      isContract: false,
    },
  },
  {
    name: "problem+json with about:blank and only a title",
    given: {
      status: 404,
      headers: { "content-type": "application/problem+json" },
      body: JSON.stringify({ type: "about:blank", title: "Not Found", status: 404 }),
    },
    want: { type: "not_found_error", detail: "Not Found", isContract: false },
  },
  {
    name: "Google's shape",
    given: {
      status: 429,
      headers: JSON_TYPE,
      body: JSON.stringify({
        error: { code: 429, message: "Resource has been exhausted", status: "RESOURCE_EXHAUSTED" },
      }),
    },
    want: { code: null, rawCode: 429, type: "RESOURCE_EXHAUSTED", detail: "Resource has been exhausted" },
  },
  {
    name: "Google's shape in an array",
    given: {
      status: 400,
      headers: JSON_TYPE,
      body: JSON.stringify([{ error: { code: 400, message: "API key not valid", status: "INVALID_ARGUMENT" } }]),
    },
    want: { rawCode: 400, type: "INVALID_ARGUMENT", detail: "API key not valid", isContract: true },
  },
  {
    name: "a catalog code in a 200",
    given: {
      status: 200,
      headers: JSON_TYPE,
      body: JSON.stringify({ error: { message: "no channel", type: "upstream_error", code: "get_channel_failed" } }),
    },
    want: { status: 200, code: "get_channel_failed", isContract: true },
  },
  {
    name: "NestJS-style { statusCode, message, error }",
    given: {
      status: 404,
      headers: JSON_TYPE,
      body: JSON.stringify({ statusCode: 404, message: "Cannot GET /v2", error: "Not Found" }),
    },
    want: { detail: "Cannot GET /v2", type: "not_found_error", isContract: false },
  },
  {
    name: "the request id only in the message",
    given: {
      status: 500,
      headers: JSON_TYPE,
      body: JSON.stringify({
        error: { message: "failed (request id: 20241125abc)", type: "server_error", code: "query_data_error" },
      }),
    },
    want: { requestId: "20241125abc", code: "query_data_error" },
  },
  {
    name: "nginx's HTML 502 page",
    given: { status: 502, headers: { "content-type": "text/html" }, body: NGINX_502 },
    want: { status: 502, code: null, type: "upstream_error", detail: "502 Bad Gateway", isContract: false },
  },
  {
    name: "an HTML page without a title",
    given: { status: 503, headers: { "content-type": "text/html" }, body: NO_TITLE_PAGE },
    want: { detail: "Service Unavailable Try again & again.", isContract: false },
  },
  {
    name: "plain text",
    given: { status: 500, headers: { "content-type": "text/plain" }, body: "Internal Server Error\n" },
    want: { status: 500, detail: "Internal Server Error", type: "server_error" },
  },
  {
    name: "an empty body",
    given: { status: 503 },
    want: { status: 503, code: null, detail: "the response body is empty", isContract: false },
  },
  {
    name: "invalid JSON",
    given: { status: 500, headers: JSON_TYPE, body: "{error: nope}" },
    want: { code: null, detail: "the response body is not valid JSON: {error: nope}", isContract: false },
  },
  {
    name: "truncated JSON",
    given: { status: 502, headers: JSON_TYPE, body: '{"error":{"message":"upstream' },
    want: { code: null, isContract: false },
  },
  {
    name: "a JSON string",
    given: { status: 500, headers: JSON_TYPE, body: '"upstream exploded"' },
    want: { detail: "upstream exploded", isContract: false },
  },
  {
    name: "a JSON number",
    given: { status: 500, headers: JSON_TYPE, body: "42" },
    want: { detail: "the body is JSON 42, not an error object", isContract: false },
  },
  {
    name: "JSON null",
    given: { status: 500, headers: JSON_TYPE, body: "null" },
    want: { detail: "the body is JSON null, not an error object" },
  },
  {
    name: "a JSON array of numbers",
    given: { status: 500, headers: JSON_TYPE, body: "[1,2]" },
    want: { detail: "the error body has no message" },
  },
  {
    name: "a byte-order mark before JSON",
    given: {
      status: 400,
      headers: JSON_TYPE,
      body: `\ufeff${JSON.stringify({ error: { message: "m", code: "invalid_request" } })}`,
    },
    want: { code: "invalid_request" },
  },
];

let server: TestServer;
beforeAll(async () => {
  const routes = Object.fromEntries(cases.map((c, i) => [`/case/${i}`, reply(c.given)]));
  server = await startServer({
    ...routes,
    "/long-message": reply({
      status: 400,
      headers: JSON_TYPE,
      body: JSON.stringify({ error: { message: "x".repeat(5000), code: "invalid_request" } }),
    }),
    "/long-text": reply({
      status: 500,
      headers: { "content-type": "text/html" },
      body: `<p>${"word ".repeat(20_000)}</p>`,
    }),
    "/latin1": (_req, res) => {
      res
        .writeHead(500, { "content-type": "text/plain; charset=iso-8859-1" })
        .end(Buffer.from("Fehler: \u00fcberlastet", "latin1"));
    },
  });
});
afterAll(() => server.close());

describe("parseErrorResponse turns every shape into one ApiError", () => {
  it.each(cases.map((c, i) => ({ ...c, i })))("$name", async ({ i, want, given }) => {
    const error = await parseErrorResponse(await fetch(server.url(`/case/${i}`)));
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject(want);
    expect(error.url).toBe(server.url(`/case/${i}`));
    expect(error.message).toContain(`HTTP ${given.status}`);
    expect(error.message).toContain(error.detail);
    // A message is one line of plain text: no markup, no script, no HTML comment.
    expect(error.message).not.toMatch(/[<>\n]|secret|10\.0\.0\.7/);
  });

  it("keeps the parsed JSON body and a capped snippet of a text body", async () => {
    const json = await parseErrorResponse(await fetch(server.url("/case/0")));
    expect(json.body).toEqual(JSON.parse(cases[0]!.given.body!));
    const html = await parseErrorResponse(await fetch(server.url("/long-text")));
    expect(typeof html.body).toBe("string");
    expect((html.body as string).length).toBeLessThanOrEqual(2048);
  });

  it.each([
    { path: "/long-message", cap: MAX_DETAIL_LENGTH },
    { path: "/long-text", cap: MAX_TEXT_DETAIL_LENGTH },
  ])("caps the detail of $path at $cap characters", async ({ path, cap }) => {
    const error = await parseErrorResponse(await fetch(server.url(path)));
    expect(error.detail.length).toBeLessThanOrEqual(cap);
    expect(error.detail.endsWith("…")).toBe(true);
  });

  it("decodes the charset the response declares", async () => {
    const error = await parseErrorResponse(await fetch(server.url("/latin1")));
    expect(error.detail).toBe("Fehler: \u00fcberlastet");
  });

  it("drops the query string (which may hold a key) from the URL in the message", async () => {
    const error = await parseErrorResponse(await fetch(`${server.url("/case/0")}?key=sk-secret`));
    expect(error.url).toBe(server.url("/case/0"));
    expect(error.message).not.toContain("sk-secret");
  });

  it("never rejects for a Response: a used body", async () => {
    const used = await fetch(server.url("/case/0"));
    await used.text();
    const a = await parseErrorResponse(used);
    expect(a).toMatchObject({
      status: 404,
      code: null,
      requestId: "req_1",
      detail: "the response body was already read, so its error could not be parsed",
    });
  });
});
