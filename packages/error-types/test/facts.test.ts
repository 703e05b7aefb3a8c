import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DOC_URL_MAX_LENGTH,
  ERROR_CATALOG,
  ERROR_CODE_HEADER,
  isDocUrl,
  isUpstreamProvider,
  PROBLEM_JSON_MEDIA_TYPE,
  REQUEST_ID_HEADER,
  SHOULD_RETRY_HEADER,
  UPSTREAM_PROVIDER_MAX_LENGTH,
  UPSTREAM_PROVIDER_PATTERN,
} from "../src/index.js";

/** The strict envelope schema as shipped, and its doc_url member: the rule isDocUrl must be. */
const envelope = JSON.parse(readFileSync(new URL("../schemas/error-envelope.schema.json", import.meta.url), "utf8"));
const docUrlSchema = envelope.$defs.ErrorBody.properties.doc_url;
const ajvSays = new Ajv2020({ strict: false }).compile(docUrlSchema);

/** An independent reading of the rule: http:// or https://, then printable ASCII only, at most 2,048 code points. */
function handSays(v: unknown): boolean {
  if (typeof v !== "string" || [...v].length > 2048) return false;
  const rest = v.startsWith("https://") ? v.slice(8) : v.startsWith("http://") ? v.slice(7) : undefined;
  return (
    rest !== undefined && rest.length > 0 && [...rest].every((c) => c.charCodeAt(0) >= 0x21 && c.charCodeAt(0) <= 0x7e)
  );
}

const HOSTILE = fc.constantFrom(
  "javascript:alert(1)",
  "https://",
  "https:// x",
  "HTTPS://x",
  "ftp://x",
  "https://x\n",
  "//x",
  "",
);
const URLISH = fc
  .tuple(
    fc.constantFrom("https://", "http://", "javascript:", "https:/", "", "data:"),
    fc.string({
      unit: fc.constantFrom("a", "/", "#", "%", " ", "\t", "é", "\u{1F600}", "~", "\u007f", ":"),
      maxLength: 40,
    }),
    fc.constantFrom(0, 1, 2, 2030, 2039, 2040, 2041, 3000, 4200),
  )
  .map(([scheme, body, pad]) => `${scheme}x${body}${"a".repeat(pad)}`);

describe("contract constants", () => {
  it("are the contract's header names and media type, and the strict schema's doc_url cap", () => {
    expect([SHOULD_RETRY_HEADER, ERROR_CODE_HEADER, REQUEST_ID_HEADER]).toEqual([
      "x-should-retry",
      "x-error-code",
      "x-request-id",
    ]);
    expect(PROBLEM_JSON_MEDIA_TYPE).toBe("application/problem+json");
    expect(DOC_URL_MAX_LENGTH).toBe(docUrlSchema.maxLength);
    expect(docUrlSchema).toMatchObject({ pattern: "^https?://[!-~]+$", maxLength: 2048 });
  });
});

describe("isDocUrl is exactly the strict schema's doc_url rule", () => {
  it("agrees with ajv on the shipped schema and with an independent reading, on URLs, hostile strings and lengths around the cap", () => {
    fc.assert(
      fc.property(fc.oneof(URLISH, HOSTILE, fc.string(), fc.anything()), (v) => {
        const want = typeof v === "string" && ajvSays(v);
        expect(isDocUrl(v)).toBe(want);
        expect(handSays(v)).toBe(want);
      }),
      { seed: 20261207, numRuns: 400 },
    );
  });

  it("accepts every code's docUrl of the catalog", () => {
    for (const entry of Object.values(ERROR_CATALOG)) expect(isDocUrl(entry.docUrl)).toBe(true);
  });

  it.each([
    { name: "a relative string", given: "a" as unknown, want: false },
    { name: "3,000 non-ASCII characters", given: `https://x/${"é".repeat(3000)}`, want: false },
    { name: "2,048 characters", given: `https://x/${"a".repeat(2038)}`, want: true },
    { name: "2,049 characters", given: `https://x/${"a".repeat(2039)}`, want: false },
    { name: "null", given: null, want: false },
    { name: "a number", given: 42, want: false },
  ])("$name -> $want (never throws)", ({ given, want }) => {
    expect(isDocUrl(given)).toBe(want);
  });
});

/** The strict envelope schema's `error.upstream.provider`: the rule isUpstreamProvider must be. */
const providerSchema = envelope.$defs.ErrorBody.properties.upstream.properties.provider;
const ajvSaysProvider = new Ajv2020({ strict: false }).compile(providerSchema);

/** An independent reading: 1 to 64 characters of a-z, 0-9, ".", "_", "-", the first a letter or digit. */
function handSaysProvider(v: unknown): boolean {
  if (typeof v !== "string" || v.length === 0 || [...v].length > 64) return false;
  const ok = (c: string, first: boolean) => /[a-z0-9]/.test(c) || (!first && ".-_".includes(c));
  return [...v].every((c, i) => c.length === 1 && ok(c, i === 0));
}

const PROVIDERISH = fc
  .tuple(
    fc.string({
      unit: fc.constantFrom("a", "z", "0", "9", ".", "_", "-", "A", " ", "é", "\u{1F600}", "/"),
      maxLength: 8,
    }),
    fc.constantFrom(0, 1, 55, 56, 57, 63, 64, 65, 130),
  )
  .map(([head, pad]) => `${head}${"a".repeat(pad)}`);

describe("isUpstreamProvider is exactly the strict schema's error.upstream.provider rule (contract 1.2)", () => {
  it("its constants are the schema's pattern and maxLength", () => {
    expect(UPSTREAM_PROVIDER_PATTERN).toBe(providerSchema.pattern);
    expect(UPSTREAM_PROVIDER_MAX_LENGTH).toBe(providerSchema.maxLength);
  });

  it("agrees with ajv on the shipped schema and with an independent reading, around the cap and on hostile strings", () => {
    fc.assert(
      fc.property(fc.oneof(PROVIDERISH, fc.string(), fc.anything()), (v) => {
        const want = typeof v === "string" && ajvSaysProvider(v);
        expect(isUpstreamProvider(v)).toBe(want);
        expect(handSaysProvider(v)).toBe(want);
      }),
      { seed: 20261207, numRuns: 400 },
    );
  });

  it.each([
    { name: "openai", given: "openai" as unknown, want: true },
    { name: "azure-openai.eu_1", given: "azure-openai.eu_1", want: true },
    { name: "a leading dot", given: ".openai", want: false },
    { name: "upper case", given: "OpenAI", want: false },
    { name: "64 characters", given: "a".repeat(64), want: true },
    { name: "65 characters", given: "a".repeat(65), want: false },
    { name: "empty", given: "", want: false },
    { name: "null", given: null, want: false },
  ])("$name -> $want (never throws)", ({ given, want }) => {
    expect(isUpstreamProvider(given)).toBe(want);
  });
});
