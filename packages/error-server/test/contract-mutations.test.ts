import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type MutatedRepo, mutatedRepo, type SchemaEdit } from "@org/codegen";
import { ERROR_CATALOG } from "@org/error-types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Answer, type BuiltServer, serveBuilt } from "./helpers/built-server.js";

// Issue 10, "Done means": change one fact in schemas/ only, run the build, and the BUILT
// SERVER's responses follow, with no other edit. The schema edits below are applied to a
// temporary copy of the repository; @org/error-types, @org/error-validator and
// @org/error-server are built there, and that build's node adapter answers over real HTTP.
// "Before" is this repository's own build (turbo builds it before `test`).
//
// The edits are independent (each touches its own codes and statuses), so they share one
// copy and one build: a build of the three packages is most of this file's time.

type Schemas = Parameters<SchemaEdit>[0];
type Json = Record<string, any>;
const xError = (s: Schemas, code: string): Json =>
  (s.code["anyOf"] as Json[]).find((e) => e["const"] === code)!["x-error"];
const rows = (s: Schemas): Json[] => s.envelope["x-http-statuses"] as Json[];
const row = (s: Schemas, status: number): Json => rows(s).find((r) => r["status"] === status)!;
/** Adds a row to the status table, keeping it in status order. */
const addRow = (s: Schemas, added: Json): void => {
  const at = rows(s).findIndex((r) => r["status"] > added["status"]);
  rows(s).splice(at < 0 ? rows(s).length : at, 0, added);
};

const NEW_CAP = 1000;

/** Every fact changed, each in one place of schemas/ only. */
const EDIT: SchemaEdit = (s) => {
  // 1. A code's canonical status: model_not_found 404 -> 410, with 410 added to the table (not codeless).
  addRow(s, {
    status: 410,
    reason: "Gone",
    type: "not_found_error",
    retryAfter: false,
    codeless: false,
    meaning: "Gone",
    cause: "The model was removed",
  });
  xError(s, "model_not_found").status = 410;
  // 2. Retryability, both ways: update_data_error no longer retryable, model_price_error now is.
  // (Codes no upstream mapping rule answers with: the mapping's reader rightly refuses a rule
  // whose disposition no longer matches its code's retryability.)
  xError(s, "update_data_error").retryable = false;
  xError(s, "model_price_error").retryable = true;
  // 3. A new status without a code, with a type that is not its class's default (4xx: invalid_request_error).
  addRow(s, {
    status: 451,
    reason: "Unavailable For Legal Reasons",
    type: "permission_error",
    retryAfter: false,
    codeless: true,
    meaning: "Blocked",
    cause: "A legal demand",
  });
  // 4. The message cap services apply.
  (s.envelope["x-contract"] as Json)["maxMessageLength"] = NEW_CAP;
  // 5. Which statuses may carry Retry-After: 502 now may, 429 no longer.
  row(s, 502)["retryAfter"] = true;
  row(s, 429)["retryAfter"] = false;
  // 6. An allowed status added to a code: bad_request_body also 422.
  xError(s, "bad_request_body").otherStatuses = [{ status: 422, when: "The JSON is valid but its values are not" }];
};

const PACKAGE_DIR = join(dirname(fileURLToPath(import.meta.url)), "..");
const BUILD = ["@org/error-types", "@org/error-validator", "@org/error-server"];

/** The answer as a response; fails the test with the refusal's message if createError refused. */
function response(answer: Answer): Exclude<Answer, { rejected: object }> {
  if (answer.rejected) expect.fail(`createError refused: ${answer.rejected.name}: ${answer.rejected.message}`);
  return answer;
}

/** The answer as a refusal; fails the test if the server answered instead. */
function refusal(answer: Answer): { name: string; message: string } {
  if (!answer.rejected) expect.fail(`createError was accepted: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.rejected;
}

describe("one fact changed in schemas/ only: the built server's responses follow", () => {
  let before: BuiltServer;
  let after: BuiltServer;
  const cleanups: Array<() => unknown> = [];

  beforeAll(async () => {
    before = await serveBuilt(join(PACKAGE_DIR, "dist"));
    cleanups.push(() => before.close());
    const repo: MutatedRepo = await mutatedRepo(EDIT, { build: BUILD });
    cleanups.push(() => repo.remove());
    after = await serveBuilt(join(repo.root, "packages/error-server/dist"));
    cleanups.push(() => after.close());
  }, 600_000);

  afterAll(async () => {
    // Servers first, then the copy they run from; every step runs even if one fails.
    for (const cleanup of cleanups.reverse())
      await Promise.resolve()
        .then(cleanup)
        .catch(() => undefined);
  }, 60_000);

  it("a code's canonical status (model_not_found 404 -> 410): the response and x-should-retry follow", async () => {
    const was = response(await before.create("model_not_found"));
    expect(was.status).toBe(404);
    const now = response(await after.create("model_not_found"));
    expect(now.status).toBe(410);
    expect(now.headers.get("x-should-retry")).toBe("false");
    // Only the status moved: the body is the one sent before.
    expect(now.body).toEqual(was.body);
    expect(now.body.error).toMatchObject({ type: "not_found_error", code: "model_not_found" });
    // 404 is no longer one of its statuses; 410 is not codeless, so it needs the code.
    expect(refusal(await after.create("model_not_found", "x", { status: 404 })).message).toBe(
      "createError: model_not_found may be sent with status 410; got 404",
    );
    expect(refusal(await after.create(410)).message).toBe(
      "createError: status 410 needs a code; use createError(code) with one of model_not_found",
    );
    // A framework's bare 410 now gets the code that goes with it, and the code's meaning.
    expect(response(await before.throwStatus(410)).body.error).toMatchObject({
      type: "invalid_request_error",
      code: null,
    });
    const bare = response(await after.throwStatus(410));
    expect([bare.status, bare.headers.get("x-should-retry")]).toEqual([410, "false"]);
    expect(bare.body).toEqual(was.body);
  });

  it("a code's retryability, both ways: x-should-retry follows", async () => {
    for (const [code, was, now] of [
      ["update_data_error", "true", "false"],
      ["model_price_error", "false", "true"],
    ] as const) {
      expect(response(await before.create(code)).headers.get("x-should-retry")).toBe(was);
      const answer = response(await after.create(code));
      expect(answer.status).toBe(500);
      expect(answer.headers.get("x-should-retry")).toBe(now);
    }
  });

  it("a new status without a code (451, permission_error): createError(451) answers it; before, a TypeError naming the allowed statuses", async () => {
    const was = refusal(await before.create(451));
    expect(was.name).toBe("TypeError");
    expect(was.message).toMatch(
      /^createError: status 451 is not one the contract uses \(400, 401, .*\); without a code use 400, 401, 404, .*429, .*503$/,
    );
    const now = response(await after.create(451));
    expect(now.status).toBe(451);
    expect(now.headers.has("x-should-retry")).toBe(false);
    // The type and default message are the new row's, not the 4xx class default.
    expect(now.body).toEqual({
      error: { message: "Unavailable For Legal Reasons", type: "permission_error", code: null },
    });
    // A framework's bare 451 is typed by the new row too (before: the 4xx class default).
    expect(response(await before.throwStatus(451)).body.error).toMatchObject({
      type: "invalid_request_error",
      code: null,
    });
    expect(response(await after.throwStatus(451)).body).toEqual(now.body);
    expect(refusal(await after.create(499)).message).toMatch(/without a code use 400, 401, 404, .*451, .*503$/);
  });

  it(`the message cap (8,192 -> ${NEW_CAP}): a longer message is cut at the new cap`, async () => {
    const long = "abcdefghij".repeat(500);
    expect(response(await before.create("invalid_request", long)).body.error["message"]).toBe(long);
    const cut = response(await after.create("invalid_request", long)).body.error["message"];
    expect(cut).toBe(`${long.slice(0, NEW_CAP - 1)}…`);
    const exact = long.slice(0, NEW_CAP);
    expect(response(await after.create("invalid_request", exact)).body.error["message"]).toBe(exact);
    // The same cap where 5xx redaction runs first (its window is also sized from the cap).
    expect(response(await before.create("model_price_error", long)).body.error["message"]).toBe(long);
    expect(response(await after.create("model_price_error", long)).body.error["message"]).toBe(cut);
  });

  it("which statuses may carry Retry-After (502 now, 429 no longer): retry-after follows, a retryAfter the status may not carry is refused", async () => {
    expect(refusal(await before.create("bad_response", undefined, { retryAfter: 5 })).message).toBe(
      "ContractError: retryAfter is sent only with status 429 or 503, not 502",
    );
    const upstream = response(await after.create("bad_response", undefined, { retryAfter: 5 }));
    expect(upstream.status).toBe(502);
    expect(upstream.headers.get("retry-after")).toBe("5");

    expect(response(await before.create(429, undefined, { retryAfter: 5 })).headers.get("retry-after")).toBe("5");
    const limited = refusal(await after.create(429, undefined, { retryAfter: 5 }));
    expect(limited).toEqual({
      name: "TypeError",
      message: "ContractError: retryAfter is sent only with status 502 or 503, not 429",
    });
    // 429 itself is still answered, without the header.
    const bare = response(await after.create(429));
    expect(bare.status).toBe(429);
    expect(bare.headers.has("retry-after")).toBe(false);
    // An unchanged row keeps its rule.
    expect(
      response(await after.create("get_channel_failed", undefined, { retryAfter: 7 })).headers.get("retry-after"),
    ).toBe("7");
  });

  it("an allowed status added to a code (bad_request_body: also 422): accepted after, refused before", async () => {
    const was = refusal(await before.create("bad_request_body", "Values out of range", { status: 422 }));
    expect(was).toEqual({
      name: "TypeError",
      message: "createError: bad_request_body may be sent with status 400; got 422",
    });
    const now = response(await after.create("bad_request_body", "Values out of range", { status: 422 }));
    expect(now.status).toBe(422);
    expect(now.headers.get("x-should-retry")).toBe("false");
    expect(now.body).toEqual({
      error: {
        message: "Values out of range",
        type: "invalid_request_error",
        code: "bad_request_body",
        doc_url: ERROR_CATALOG.bad_request_body.docUrl,
      },
    });
    expect(response(await after.create("bad_request_body")).status).toBe(400);
    expect(refusal(await after.create("bad_request_body", "x", { status: 413 })).message).toBe(
      "createError: bad_request_body may be sent with status 400, 422; got 413",
    );
  });
});
