import { describe, expect, it } from "vitest";
import { generateCatalog } from "../src/targets/catalog.js";
import { generateDocs } from "../src/targets/docs.js";
import { generateHttp } from "../src/targets/http.js";
import { generateOpenApi } from "../src/targets/openapi.js";
import { loadSmall, type Schemas, smallSchemas } from "./small-schemas.js";
import { buildTypesPackage } from "./types-package.js";

type Edit = (s: Schemas) => void;
const envelope = (s: Schemas) => s.envelope as Record<string, any>;
const code = (s: Schemas, i: number) => (s.code as Record<string, any>)["anyOf"][i]["x-error"];

/** Each case: a small contract (optionally edited), the target, and lines the output must contain. */
const CASES: Array<{ name: string; edit?: Edit; target: "catalog" | "http" | "docs"; want: string[]; not?: string[] }> =
  [
    {
      name: "catalog: canonical status first, other statuses, doc URL with the code verbatim",
      target: "catalog",
      want: [
        'export const CONTRACT_VERSION = "9.9.9";',
        'export const ERROR_REFERENCE_URL = "https://example.test/ref";',
        '  a: {\n    status: 400,\n    statuses: [400, 413],\n    type: "bad_error",\n    meaning: "A meaning",\n    action: "Fix a",\n    retryable: false,\n    docUrl: "https://example.test/ref#a",\n  },',
        '  "b:x": {\n    status: 503,\n    statuses: [503],',
        '    docUrl: "https://example.test/ref#b:x",',
        'export const RETRYABLE_ERROR_CODES = /* @__PURE__ */ Object.freeze([\n  "b:x",\n] as const',
      ],
    },
    {
      name: "catalog: a code's status change",
      edit: (s) => void ((code(s, 0).status = 413), delete code(s, 0).otherStatuses),
      target: "catalog",
      want: ["  a: {\n    status: 413,\n    statuses: [413],"],
    },
    {
      name: "http: the status table, Retry-After statuses, caps and rules",
      target: "http",
      want: [
        "export const HTTP_ERROR_STATUSES = /* @__PURE__ */ Object.freeze([400, 413, 503] as const);",
        "export const RETRY_AFTER_STATUSES = /* @__PURE__ */ Object.freeze([503] as const",
        "export const MAX_MESSAGE_LENGTH = 50;",
        "export const MAX_MESSAGE_SCHEMA_LENGTH = 100;",
        '  413: {\n    reason: "Content Too Large",\n    type: "bad_error",\n    retryAfter: false,\n    codeless: true,\n    meaning: "Big",\n    cause: "Too big",\n  },',
        '  503: "down_error",',
        '  { from: 500, to: 599, type: "down_error", retryable: true },',
        'export const OTHER_STATUS_TYPE = "down_error" satisfies ErrorType;',
        "export const RETRYABLE_STATUSES: readonly number[] = /* @__PURE__ */ Object.freeze([408]);",
        "export const NON_RETRYABLE_STATUSES: readonly number[] = /* @__PURE__ */ Object.freeze([501]);",
      ],
    },
    {
      name: "http: which statuses may carry Retry-After follows the table",
      edit: (s) => void (envelope(s)["x-http-statuses"][0].retryAfter = true),
      target: "http",
      want: ["export const RETRY_AFTER_STATUSES = /* @__PURE__ */ Object.freeze([400, 503] as const"],
    },
    {
      name: "docs: field table from the schema, status rows with codes, per-code statuses and whens, retry rule",
      target: "docs",
      want: [
        "| `error.message` | string (at most 100 code points) | yes | Text. |",
        "| `error.code` | a business code below, or `null` | yes | Code. |",
        "| `error.type` | one of the categories below | no | T. |",
        "Services cut `error.message` to at most 50 Unicode code points (a surrogate pair is never split).",
        "| 400 | Bad | Wrong input | Bad Request | bad_error | `a` | no |",
        "| 413 | Big | Too big | Content Too Large | bad_error | `a`, `null` | no |",
        "| 503 | Down | Nothing free | Service Unavailable | down_error | `b:x`, `null` | yes |",
        "| a | A meaning | Fix a | 400, 413 | bad_error | no |",
        "| b:x | B meaning | Retry | 503 | down_error | yes |",
        "- `a`: 400 by default; 413 when too big.",
        "408 and every 500-599 except 501, and never any other status. Only 503 may carry `Retry-After`.",
        "(2 codes. Note the `b:` prefix on 1 of them: the colon is part of the code string.)",
      ],
    },
    {
      name: "docs: a cell with a pipe is escaped",
      edit: (s) => void (code(s, 0).action = "Fix a | b"),
      target: "docs",
      want: ["| a | A meaning | Fix a \\| b | 400, 413 |"],
    },
  ];

const TARGETS = { catalog: generateCatalog, http: generateHttp, docs: generateDocs };

describe("targets on small schemas: given a contract, want these lines", () => {
  it.each(CASES)("$name", ({ edit, target, want, not }) => {
    const out = TARGETS[target](loadSmall(smallSchemas(edit)));
    for (const line of want) expect(out).toContain(line);
    for (const line of not ?? []) expect(out).not.toContain(line);
  });
});

describe("openapi target on small schemas", () => {
  const doc = JSON.parse(generateOpenApi(loadSmall())) as { components: { responses: Record<string, any> } };
  const { responses } = doc.components;

  it("one response per status of the table, named by reason phrase and cause", () => {
    expect(Object.keys(responses)).toEqual(["Error400", "Error413", "Error503"]);
    expect(responses["Error413"].description).toBe("413 Content Too Large: an error envelope. Too big.");
  });

  it("examples for every code at every status it may be sent with, and a no-code example where the table allows one", () => {
    const examples = (status: number) => responses[`Error${status}`].content["application/json"].examples;
    expect(examples(400)).toEqual({
      a: { summary: "A meaning", value: { error: { message: "A meaning", type: "bad_error", code: "a" } } },
    });
    expect(examples(413)).toEqual({
      a: { summary: "A meaning (Too big)", value: { error: { message: "A meaning", type: "bad_error", code: "a" } } },
      "no-code": {
        summary: "Big: no business code",
        value: { error: { message: "Big", type: "bad_error", code: null } },
      },
    });
    expect(Object.keys(examples(503))).toEqual(["b:x", "no-code"]);
  });

  it("Retry-After only where the table says", () => {
    expect(Object.keys(responses["Error503"].headers)).toEqual(["x-request-id", "x-should-retry", "retry-after"]);
    expect(Object.keys(responses["Error400"].headers)).toEqual(["x-request-id", "x-should-retry"]);
    const edited = JSON.parse(
      generateOpenApi(loadSmall(smallSchemas((s) => void (envelope(s)["x-http-statuses"][2].retryAfter = false)))),
    );
    expect(edited.components.responses["Error503"].headers["retry-after"]).toBeUndefined();
  });
});

describe("status rules with no listed statuses", () => {
  it("compile, and answer by class alone (no bare return in the switch)", async () => {
    const base = loadSmall();
    const contract = { ...base, rules: { ...base.rules, retryableStatuses: [], nonRetryableStatuses: [] } };
    expect(generateHttp(contract)).toContain(
      "export function isRetryableHttpStatus(status: number): boolean {\n  return Number.isInteger(status)",
    );
    const { api, diagnostics } = await buildTypesPackage(contract, { typecheck: true });
    expect(diagnostics).toEqual([]);
    expect([408, 429, 501, 503, 599].map(api.isRetryableHttpStatus)).toEqual([false, false, true, true, true]);
  }, 60_000);
});
