import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { VOCABULARY } from "@org/contract-model";
import { describe, expect, it } from "vitest";
import { mutatedRepo, type SchemaEdit } from "../src/mutated-repo.js";
import { OUT } from "../src/layout.js";

type Any = Record<string, any>;
/** The x-error of a code of the copy's error-code.schema.json. */
const xError = (s: Parameters<SchemaEdit>[0], code: string): Any =>
  (s.code["anyOf"] as Any[]).find((e) => e["const"] === code)!["x-error"];
const statusRow = (s: Parameters<SchemaEdit>[0], status: number): Any =>
  (s.envelope["x-http-statuses"] as Any[]).find((r) => r["status"] === status)!;
const rules = (s: Parameters<SchemaEdit>[0]): Any => s.envelope["x-contract"] as Any;

type Api = typeof import("@org/error-types");
interface Outputs {
  catalog: string;
  http: string;
  docs: string;
  openapi: Any;
  dts: string;
  api: Api;
}

/**
 * "Done means": one fact changed in schemas/ only, then generate + build, and every output
 * follows with no other edit. Each case edits a copy of the repository's real schemas.
 */
const CASES: Array<{ name: string; edit: SchemaEdit; check: (o: Outputs) => void }> = [
  {
    name: "a code's status (get_channel_failed: 503 -> 502)",
    edit: (s) => void (xError(s, "get_channel_failed").status = 502),
    check: ({ catalog, docs, openapi, api }) => {
      expect(catalog).toContain("  get_channel_failed: {\n    status: 502,\n    statuses: [502],");
      expect(docs).toContain(
        "| get_channel_failed | No available channel | Retry later or contact support | 502 | upstream_error | yes |",
      );
      expect(Object.keys(openapi.components.responses.Error502.content["application/json"].examples)).toContain(
        "get_channel_failed",
      );
      expect(Object.keys(openapi.components.responses.Error503.content["application/json"].examples)).not.toContain(
        "get_channel_failed",
      );
      expect(api.codeToHttpStatus("get_channel_failed")).toBe(502);
      expect(api.isStatusAllowedForCode("get_channel_failed", 503)).toBe(false);
      expect(api.codesForHttpStatus(503)).toEqual(["channel:no_available_key"]);
    },
  },
  {
    name: "a code's retryability (do_request_failed: retryable -> not)",
    edit: (s) => void (xError(s, "do_request_failed").retryable = false),
    check: ({ catalog, docs, api }) => {
      expect(catalog).toContain(
        '  do_request_failed: {\n    status: 502,\n    statuses: [502],\n    type: "upstream_error",\n    meaning: "Upstream request failed",\n    action: "Retry",\n    retryable: false,',
      );
      expect(docs).toContain("| do_request_failed | Upstream request failed | Retry | 502 | upstream_error | no |");
      expect(api.RETRYABLE_ERROR_CODES).not.toContain("do_request_failed");
      expect(api.isRetryableErrorCode("do_request_failed")).toBe(false);
    },
  },
  {
    name: "a new no-code status with its type (410 Gone, not_found_error)",
    edit: (s) => {
      const rows = s.envelope["x-http-statuses"] as Any[];
      rows.splice(
        rows.findIndex((r) => r["status"] === 413),
        0,
        {
          status: 410,
          reason: "Gone",
          type: "not_found_error",
          retryAfter: false,
          codeless: true,
          meaning: "Gone",
          cause: "The resource was removed",
        },
      );
    },
    check: ({ http, docs, openapi, dts, api }) => {
      expect(http).toContain(
        "export const HTTP_ERROR_STATUSES = /* @__PURE__ */ Object.freeze([400, 401, 403, 404, 405, 408, 409, 410, 413,",
      );
      expect(dts).toMatch(/HTTP_ERROR_STATUSES: readonly \[400, 401, 403, 404, 405, 408, 409, 410, 413/);
      expect(docs).toContain("| 410 | Gone | The resource was removed | Gone | not_found_error | `null` | no |");
      expect(openapi.components.responses.Error410.content["application/json"].examples["no-code"].value.error).toEqual(
        {
          message: "Gone",
          type: "not_found_error",
          code: null,
        },
      );
      expect(api.isHttpErrorStatus(410)).toBe(true);
      expect(api.errorTypeForHttpStatus(410)).toBe("not_found_error");
      expect(api.HTTP_STATUSES[410 as keyof Api["HTTP_STATUSES"]]).toMatchObject({ reason: "Gone", codeless: true });
    },
  },
  {
    name: "the message cap services apply (8,192 -> 4,096)",
    edit: (s) => void (rules(s)["maxMessageLength"] = 4096),
    check: ({ http, docs, api }) => {
      expect(http).toContain("export const MAX_MESSAGE_LENGTH = 4096;");
      expect(docs).toContain(
        "Services cut `error.message` to at most 4,096 Unicode code points (a surrogate pair is never split).",
      );
      expect(api.MAX_MESSAGE_LENGTH).toBe(4096);
      expect(api.MAX_MESSAGE_SCHEMA_LENGTH).toBe(65536);
    },
  },
  {
    name: "which statuses may carry Retry-After (503 no longer)",
    edit: (s) => void (statusRow(s, 503)["retryAfter"] = false),
    check: ({ http, docs, openapi, api }) => {
      expect(http).toContain("export const RETRY_AFTER_STATUSES = /* @__PURE__ */ Object.freeze([429] as const");
      expect(docs).toContain("Only 429 may carry `Retry-After`.");
      expect(openapi.components.responses.Error503.headers["retry-after"]).toBeUndefined();
      expect(openapi.components.responses.Error429.headers["retry-after"]).toBeDefined();
      expect(api.mayCarryRetryAfter(503)).toBe(false);
      expect([...api.RETRY_AFTER_STATUSES]).toEqual([429]);
    },
  },
  {
    name: "an allowed status added to a code (bad_request_body: also 422)",
    edit: (s) =>
      void (xError(s, "bad_request_body").otherStatuses = [
        { status: 422, when: "The JSON is valid but its values are not" },
      ]),
    check: ({ catalog, docs, openapi, api }) => {
      expect(catalog).toContain("  bad_request_body: {\n    status: 400,\n    statuses: [400, 422],");
      expect(docs).toContain(
        "- `bad_request_body`: 400 by default; 422 when the JSON is valid but its values are not.",
      );
      expect(openapi.components.responses.Error422.content["application/json"].examples.bad_request_body.summary).toBe(
        "Malformed request body (The JSON is valid but its values are not)",
      );
      expect(api.isStatusAllowedForCode("bad_request_body", 422)).toBe(true);
      expect(api.ERROR_CATALOG.bad_request_body.statuses).toEqual([400, 422]);
    },
  },
  {
    name: "the retry rule by status (501 becomes retryable, 409 not)",
    edit: (s) => void ((rules(s)["retryableStatuses"] = [408, 429]), (rules(s)["nonRetryableStatuses"] = [505])),
    check: ({ docs, api }) => {
      expect(docs).toContain("408, 429 and every 500-599 except 505, and never any other status.");
      expect(api.isRetryableHttpStatus(501)).toBe(true);
      expect(api.isRetryableHttpStatus(409)).toBe(false);
    },
  },
  {
    name: "a dialect's type name (anthropic at 503: overloaded_error -> none, so api_error)",
    edit: (s) => void delete ((s.envelope["x-dialects"] as Any)["dialects"]["anthropic"]["statusTypes"] as Any)["503"],
    check: ({ dts, api }) => {
      expect(api.dialectErrorType("anthropic", "upstream_error", 503)).toBe("api_error");
      expect(api.dialectErrorType("anthropic", "upstream_error", 504)).toBe("timeout_error");
      expect(api.DIALECTS.anthropic.statusTypes).toEqual({ 504: "timeout_error" });
      expect(dts).toContain("DIALECTS");
    },
  },
  {
    name: "where the reference is hosted",
    edit: (s) => void (rules(s)["referenceUrl"] = "https://contract.org.example/v2/errors"),
    check: ({ catalog, docs, api }) => {
      expect(catalog).toContain('docUrl: "https://contract.org.example/v2/errors#channel:no_available_key",');
      expect(docs).toContain("It is hosted at https://contract.org.example/v2/errors;");
      expect(api.ERROR_REFERENCE_URL).toBe("https://contract.org.example/v2/errors");
      expect(api.ERROR_CATALOG["channel:invalid_key"].docUrl).toBe(
        "https://contract.org.example/v2/errors#channel:invalid_key",
      );
    },
  },
];

describe("one fact changed in schemas/ only: every generated output and the built package follow", () => {
  it.each(CASES)("$name", async ({ edit, check }) => {
    const repo = await mutatedRepo(edit);
    const dist = join(repo.root, "packages/error-types/dist");
    try {
      check({
        catalog: repo.read(OUT.catalog),
        http: repo.read(OUT.http),
        docs: repo.read(OUT.docs),
        openapi: JSON.parse(repo.read(OUT.openapi)) as Any,
        dts: repo.read("packages/error-types/dist/index.d.ts"),
        api: (await import(pathToFileURL(join(dist, "index.js")).href)) as Api,
      });
    } finally {
      repo.remove();
    }
  });
});

describe("one new contract fact: one schema edit plus one row in the vocabulary table", () => {
  const addHeader: SchemaEdit = (s) => void ((rules(s)["headers"] as Any)["traceId"] = "x-trace-id");
  const row = {
    ...VOCABULARY.requestIdHeader,
    pointer: "/x-contract/headers/traceId",
    doc: "The header that carries the trace id.",
    constant: "TRACE_ID_HEADER",
  };

  it("a new header name: the schema edit and its row make a new constant of @org/error-types", async () => {
    const repo = await mutatedRepo(addHeader, { build: [], vocabulary: { ...VOCABULARY, traceIdHeader: row } });
    try {
      expect(repo.read(OUT.facts)).toContain('export const TRACE_ID_HEADER = "x-trace-id";');
      const facts = (await import(pathToFileURL(join(repo.root, OUT.facts)).href)) as Record<string, unknown>;
      expect(facts["TRACE_ID_HEADER"]).toBe("x-trace-id");
      expect(facts["REQUEST_ID_HEADER"]).toBe("x-request-id");
    } finally {
      repo.remove();
    }
  });

  it("the schema edit without the row is refused, naming the file and the pointer", async () => {
    await expect(mutatedRepo(addHeader, { build: [] })).rejects.toThrow(
      'schemas/error-envelope.schema.json#/x-contract/headers/traceId: unknown field "traceId"',
    );
  });

  it("the row without the schema edit is refused: a required fact the schema does not state", async () => {
    await expect(
      mutatedRepo(() => undefined, { build: [], vocabulary: { ...VOCABULARY, traceIdHeader: row } }),
    ).rejects.toThrow('schemas/error-envelope.schema.json#/x-contract/headers/traceId: needs "traceId"');
  });
});
