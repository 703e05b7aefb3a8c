import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { OUT } from "../src/layout.js";
import { runCli, tempRepo } from "./temp-repo.js";

type Schema = Record<string, any>;
const codeEntry = (s: Schema, i: number): Schema => s["anyOf"][i];

/** Each case breaks one schema file and names what the message must point at. */
const CASES: Array<{ name: string; file: string; edit: (text: string) => string; want: string[] }> = [
  {
    name: "invalid JSON",
    file: "error-code.schema.json",
    edit: (t) => t.slice(0, -10),
    want: ["schemas/error-code.schema.json:", "not valid JSON"],
  },
  {
    name: "no $id",
    file: "error-type.schema.json",
    edit: json((s) => void delete s["$id"]),
    want: ["schemas/error-type.schema.json:", '"$id"'],
  },
  {
    name: "a code without a status",
    file: "error-code.schema.json",
    edit: json((s) => void delete codeEntry(s, 7)["x-error"].status),
    want: ["schemas/error-code.schema.json#/anyOf/7/x-error/status", '"model_not_found" has no "status"'],
  },
  {
    name: "a code without meaning",
    file: "error-code.schema.json",
    edit: json((s) => void delete codeEntry(s, 0)["x-error"].meaning),
    want: ["#/anyOf/0/x-error/meaning", 'has no "meaning"'],
  },
  {
    name: "a code without advice",
    file: "error-code.schema.json",
    edit: json((s) => void delete codeEntry(s, 11)["x-error"].action),
    want: ["#/anyOf/11/x-error/action", '"channel:invalid_key" has no "action"'],
  },
  {
    name: "a code with no metadata at all",
    file: "error-code.schema.json",
    edit: json((s) => void delete codeEntry(s, 3)["x-error"]),
    want: ["#/anyOf/3/x-error", 'needs an "x-error" object'],
  },
  {
    name: "an empty meaning",
    file: "error-code.schema.json",
    edit: json((s) => void (codeEntry(s, 2)["x-error"].meaning = " ")),
    want: ["#/anyOf/2/x-error/meaning", "non-empty"],
  },
  {
    name: "a status that is not an error status",
    file: "error-code.schema.json",
    edit: json((s) => void (codeEntry(s, 2)["x-error"].status = 200)),
    want: ["#/anyOf/2/x-error/status", "one of the statuses of x-http-statuses (400, 401"],
  },
  {
    name: "an unknown type category",
    file: "error-code.schema.json",
    edit: json((s) => void (codeEntry(s, 4)["x-error"].type = "oops_error")),
    want: ["#/anyOf/4/x-error/type", "one of the categories"],
  },
  {
    name: "retryable that is not a boolean",
    file: "error-code.schema.json",
    edit: json((s) => void (codeEntry(s, 5)["x-error"].retryable = "yes")),
    want: ["#/anyOf/5/x-error/retryable", "true or false"],
  },
  {
    name: "a duplicate code",
    file: "error-code.schema.json",
    edit: json((s) => void (codeEntry(s, 1).const = "invalid_request")),
    want: ["#/anyOf/1/const", '"invalid_request" is listed twice'],
  },
  {
    name: "an unknown keyword (ajv strict mode)",
    file: "error-envelope.schema.json",
    edit: json((s) => void (s["$defs"].ErrorBody.properties.message.maxLenght = 5)),
    want: ["schemas/error-envelope.schema.json", "strict mode", "maxLenght"],
  },
  {
    name: "a keyword of the wrong shape (meta-schema)",
    file: "error-envelope.schema.json",
    edit: json((s) => void (s["required"] = "error")),
    want: ["schemas/error-envelope.schema.json#/required", "not a valid JSON Schema"],
  },
  {
    name: "a broken $ref",
    file: "error-envelope.schema.json",
    edit: json((s) => void (s["$defs"].ErrorBody.properties.type.$ref = "nope.schema.json")),
    want: ["schemas/error-envelope.schema.json", "nope.schema.json"],
  },
  {
    name: "another status not in the status table",
    file: "error-code.schema.json",
    edit: json((s) => void (codeEntry(s, 2)["x-error"].otherStatuses[0].status = 418)),
    want: ["#/anyOf/2/x-error/otherStatuses/0/status", "418 is not in x-http-statuses"],
  },
  {
    name: "the canonical status repeated as another",
    file: "error-code.schema.json",
    edit: json((s) => void (codeEntry(s, 2)["x-error"].otherStatuses[0].status = 400)),
    want: ["#/anyOf/2/x-error/otherStatuses/0/status", "400 is listed twice"],
  },
  {
    name: "another status without when",
    file: "error-code.schema.json",
    edit: json((s) => void delete codeEntry(s, 2)["x-error"].otherStatuses[1].when),
    want: ["#/anyOf/2/x-error/otherStatuses/1", '"when": non-empty string'],
  },
  {
    name: "a status row out of order",
    file: "error-envelope.schema.json",
    edit: json((s) => void s["x-http-statuses"].reverse()),
    want: ["#/x-http-statuses/1/status", "ascending order"],
  },
  {
    name: "a status row with retryAfter not a boolean",
    file: "error-envelope.schema.json",
    edit: json((s) => void (s["x-http-statuses"][10].retryAfter = "yes")),
    want: ["#/x-http-statuses/10", "retryAfter: boolean"],
  },
  {
    name: "a status row with an unknown type",
    file: "error-envelope.schema.json",
    edit: json((s) => void (s["x-http-statuses"][0].type = "oops_error")),
    want: ["#/x-http-statuses/0/type", "one of the categories"],
  },
  {
    name: "a status row that is not an error status",
    file: "error-envelope.schema.json",
    edit: json((s) => void (s["x-http-statuses"][0].status = 200)),
    want: ["#/x-http-statuses/0/status", "400-599"],
  },
  {
    name: "a message cap above the schema's maxLength",
    file: "error-envelope.schema.json",
    edit: json((s) => void (s["x-contract"].maxMessageLength = 70000)),
    want: ["#/x-contract/maxMessageLength", "65536"],
  },
  {
    name: "a reference URL with a fragment",
    file: "error-envelope.schema.json",
    edit: json((s) => void (s["x-contract"].referenceUrl = "https://x.example/errors#top")),
    want: ["#/x-contract/referenceUrl", "without a fragment"],
  },
  {
    name: "a status both retryable and not",
    file: "error-envelope.schema.json",
    edit: json((s) => void s["x-contract"].nonRetryableStatuses.push(429)),
    want: ["#/x-contract/nonRetryableStatuses", "429 is listed as retryable and as not retryable"],
  },
  {
    name: "an unknown contract-wide field",
    file: "error-envelope.schema.json",
    edit: json((s) => void (s["x-contract"].maxMesageLength = 1)),
    want: ["#/x-contract/maxMesageLength", 'unknown field "maxMesageLength"'],
  },
  {
    name: "no contract-wide facts",
    file: "error-envelope.schema.json",
    edit: json((s) => void delete s["x-contract"]),
    want: ["#/x-contract", "must be an object with referenceUrl"],
  },
  {
    name: "a code that would set an object's prototype",
    file: "error-code.schema.json",
    edit: (t) => t.replace('"const": "convert_request_failed"', '"const": "__proto__"'),
    want: ["#/anyOf/3/const", '"__proto__" must match ^[a-z][a-z0-9_]*(:[a-z][a-z0-9_]*)?$ and be at most 64'],
  },
  {
    name: "a code that would break a Markdown table",
    file: "error-code.schema.json",
    edit: json((s) => void (codeEntry(s, 4).const = "a|b")),
    want: ["#/anyOf/4/const", '"a|b" must match'],
  },
  {
    name: "a code longer than the grammar's cap",
    file: "error-code.schema.json",
    edit: json((s) => void (codeEntry(s, 4).const = "a".repeat(65))),
    want: ["#/anyOf/4/const", "at most 64 characters (x-contract/codeGrammar)"],
  },
  {
    name: "a type category outside the code grammar",
    file: "error-type.schema.json",
    edit: (t) => t.replace('"const": "server_error"', '"const": "Server Error"'),
    want: ["schemas/error-type.schema.json#/anyOf/6/const", '"Server Error" must match'],
  },
  {
    name: "an envelope member name outside the member grammar",
    file: "error-envelope.schema.json",
    edit: json((s) => void (s["$defs"].ErrorBody.properties["retry after"] = { type: "string" })),
    want: ["#/$defs/ErrorBody/properties/retry after", 'member "retry after" must match ^[a-z][a-z0-9_]*$'],
  },
  {
    name: "an envelope member named __proto__",
    file: "error-envelope.schema.json",
    edit: (t) => t.replace('"request_id": {', '"__proto__": {'),
    want: ["#/$defs/ErrorBody/properties/__proto__", 'member "__proto__" must match'],
  },
  {
    name: "a code grammar that is not anchored",
    file: "error-envelope.schema.json",
    edit: json((s) => void (s["x-contract"].codeGrammar.pattern = "[a-z]+")),
    want: ["#/x-contract/codeGrammar/pattern", "anchored with ^ and $"],
  },
  {
    name: "doc_url without its pattern",
    file: "error-envelope.schema.json",
    edit: json((s) => void delete s["$defs"].ErrorBody.properties.doc_url.pattern),
    want: ["#/$defs/ErrorBody/properties/doc_url/pattern", 'needs "pattern"'],
  },
  {
    name: "a reference URL so long that a code's doc_url breaks the doc_url rule",
    file: "error-envelope.schema.json",
    edit: json((s) => void (s["x-contract"].referenceUrl = `https://x.example/${"e".repeat(2040)}`)),
    want: ["schemas/error-code.schema.json#/anyOf/0/const", "its doc_url", "at most 2048 characters (doc_url)"],
  },
  {
    name: "a header name that is not a header name",
    file: "error-envelope.schema.json",
    edit: json((s) => void (s["x-contract"].headers.shouldRetry = "X Should Retry")),
    want: ["#/x-contract/headers/shouldRetry", "must be a lower-case header name"],
  },
  {
    name: "an unknown header role",
    file: "error-envelope.schema.json",
    edit: json((s) => void (s["x-contract"].headers.retryAfter = "retry-after")),
    want: ["#/x-contract/headers/retryAfter", 'unknown field "retryAfter"'],
  },
  {
    name: "a problem media type that is not a media type",
    file: "error-envelope.schema.json",
    edit: json((s) => void (s["x-contract"].problemMediaType = "application/problem json")),
    want: ["#/x-contract/problemMediaType", "must be a lower-case media type"],
  },
];

function json(mutate: (s: Schema) => void): (text: string) => string {
  return (text) => {
    const s = JSON.parse(text) as Schema;
    mutate(s);
    return JSON.stringify(s, null, 2);
  };
}

describe("the generator rejects a broken schema with a message naming the schema path", () => {
  let repo: ReturnType<typeof tempRepo>;
  let before: string;
  beforeEach(async () => {
    repo = tempRepo();
    expect((await runCli(["generate", "--root", repo.root])).code).toBe(0);
    before = readFileSync(join(repo.root, OUT.catalog), "utf8");
  });
  afterEach(() => repo.remove());

  it.each(CASES)("$name", async ({ file, edit, want }) => {
    const path = join(repo.root, "schemas", file);
    writeFileSync(path, edit(readFileSync(path, "utf8")));
    const run = await runCli(["generate", "--root", repo.root]);
    expect(run.code).toBe(1);
    for (const fragment of want) expect(run.stderr).toContain(fragment);
    expect(run.stderr).toContain("Nothing was written.");
    // Never a half-written package: the earlier output is untouched.
    expect(readFileSync(join(repo.root, OUT.catalog), "utf8")).toBe(before);
  });
});
