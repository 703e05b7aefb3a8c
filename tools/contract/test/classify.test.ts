import { findRepoRoot } from "@org/contract-model";
import { describe, expect, it } from "vitest";
import type { Bump } from "../src/bump.js";
import { diffContracts } from "../src/diff.js";
import { readWorkingTree } from "../src/schema-set.js";
import { codeEntry, type Editable, pair } from "./fixtures.js";

type Want = [Exclude<Bump, "none">, string, string]; // bump, file, message fragment

interface Case {
  given: string;
  edit: (s: Editable) => void;
  want: Want[];
  bump: Bump;
}

const CODE = "error-code.schema.json";
const TYPE = "error-type.schema.json";
const ENV = "error-envelope.schema.json";
const LENIENT = "error-envelope.lenient.schema.json";
const body = (s: Editable) => s.envelope.$defs.ErrorBody;
const lenientBody = (s: Editable) => s.lenient.$defs.LenientErrorBody;

// Every rule of the classification, one fixture pair (base + edit) each.
const CASES: Case[] = [
  { given: "no change", edit: () => {}, want: [], bump: "none" },

  // codes: major
  { given: "a code removed", edit: (s) => s.code.anyOf.splice(1, 1), want: [["major", CODE, 'code "access_denied" removed']], bump: "major" },
  {
    given: "a code renamed (same status, type, retryable and meaning)",
    edit: (s) => (s.code.anyOf[1].const = "permission_denied"),
    want: [["major", CODE, 'code "access_denied" renamed to "permission_denied"']],
    bump: "major",
  },
  { given: "a code's status changed", edit: (s) => (s.code.anyOf[1]["x-error"].status = 401), want: [["major", CODE, 'code "access_denied": status changed 403 -> 401']], bump: "major" },
  {
    given: "a code's type changed",
    edit: (s) => (s.code.anyOf[2]["x-error"].type = "server_error"),
    want: [["major", CODE, 'code "channel:invalid_key": type changed "upstream_error" -> "server_error"']],
    bump: "major",
  },
  {
    given: "a code's retryable changed",
    edit: (s) => (s.code.anyOf[3]["x-error"].retryable = false),
    want: [["major", CODE, 'code "do_request_failed": retryable changed true -> false']],
    bump: "major",
  },
  {
    given: "a code removed and an unrelated one added",
    edit: (s) => s.code.anyOf.splice(0, 1, codeEntry("conflict")),
    want: [["major", CODE, 'code "invalid_request" removed'], ["minor", CODE, 'code "conflict" added']],
    bump: "major",
  },
  {
    given: "an unknown x-error field added (not understood: major to be safe)",
    edit: (s) => (s.code.anyOf[0]["x-error"].deprecated_since = "2.0"),
    want: [["major", CODE, 'code "invalid_request" x-error: "deprecated_since" added']],
    bump: "major",
  },
  // codes: minor
  {
    given: "a code added",
    edit: (s) => s.code.anyOf.push(codeEntry("conflict", { status: 409 })),
    want: [["minor", CODE, 'code "conflict" added (status 409, type invalid_request_error, not retryable)']],
    bump: "minor",
  },
  // codes: patch
  {
    given: "a code's meaning reworded",
    edit: (s) => (s.code.anyOf[1]["x-error"].meaning = "Access is denied"),
    want: [["patch", CODE, 'code "access_denied": meaning reworded "Access denied" -> "Access is denied"']],
    bump: "patch",
  },
  {
    given: "a code's advice reworded",
    edit: (s) => (s.code.anyOf[3]["x-error"].action = "Retry later"),
    want: [["patch", CODE, 'code "do_request_failed": action reworded "Retry" -> "Retry later"']],
    bump: "patch",
  },
  { given: "a description on a code", edit: (s) => (s.code.anyOf[0].description = "Bad params."), want: [["patch", CODE, 'code "invalid_request": description added']], bump: "patch" },
  { given: "the codes reordered", edit: (s) => s.code.anyOf.reverse(), want: [["patch", CODE, "the order of the codes changed"]], bump: "patch" },
  { given: "the code schema's description reworded", edit: (s) => (s.code.description = "Codes."), want: [["patch", CODE, "ErrorCode schema: description changed"]], bump: "patch" },

  // type categories
  { given: "a type category added", edit: (s) => s.type.anyOf.push({ const: "conflict_error", description: "409." }), want: [["minor", TYPE, 'type category "conflict_error" added']], bump: "minor" },
  { given: "a type category removed", edit: (s) => s.type.anyOf.splice(3, 1), want: [["major", TYPE, 'type category "server_error" removed']], bump: "major" },
  {
    given: "a type category's description reworded",
    edit: (s) => (s.type.anyOf[0].description = "Malformed."),
    want: [["patch", TYPE, 'type category "invalid_request_error": description changed']],
    bump: "patch",
  },

  // envelope fields: major
  { given: "a field removed", edit: (s) => delete body(s).properties.param, want: [["major", ENV, 'ErrorBody: field "param" removed']], bump: "major" },
  { given: "a field made required", edit: (s) => body(s).required.push("param"), want: [["major", ENV, 'ErrorBody: field "param" made required']], bump: "major" },
  {
    given: "a required field added (the required set grew)",
    edit: (s) => {
      body(s).properties.request_id = { type: "string" };
      body(s).required.push("request_id");
    },
    want: [["major", ENV, 'ErrorBody: required field "request_id" added']],
    bump: "major",
  },
  {
    given: "the envelope's top-level required set grown",
    edit: (s) => s.envelope.required.push("meta"),
    want: [["major", ENV, 'ErrorEnvelope: "meta" added to the required set']],
    bump: "major",
  },
  { given: "a field's type narrowed (null dropped)", edit: (s) => (body(s).properties.param.type = "string"), want: [["major", ENV, "ErrorBody.param: type narrowed, no longer accepts null"]], bump: "major" },
  {
    given: "a field's anyOf narrowed (code no longer nullable)",
    edit: (s) => body(s).properties.code.anyOf.pop(),
    want: [["major", ENV, "ErrorBody.code: type narrowed, no longer accepts null"]],
    bump: "major",
  },
  { given: "a maximum length lowered", edit: (s) => (body(s).properties.message.maxLength = 1000), want: [["major", ENV, "ErrorBody.message: maxLength 65536 -> 1000 (narrowed)"]], bump: "major" },
  { given: "a minimum length added", edit: (s) => (body(s).properties.message.minLength = 1), want: [["major", ENV, "ErrorBody.message: minLength (none) -> 1 (narrowed)"]], bump: "major" },
  { given: "a pattern added", edit: (s) => (body(s).properties.param.pattern = "^[a-z]+$"), want: [["major", ENV, "ErrorBody.param: pattern added (narrowed)"]], bump: "major" },
  { given: "unknown members forbidden in the lenient envelope", edit: (s) => (lenientBody(s).additionalProperties = false), want: [["major", LENIENT, "LenientErrorBody: unknown members no longer accepted"]], bump: "major" },
  { given: "a definition removed", edit: (s) => delete s.lenient.$defs.LenientErrorBody, want: [["major", LENIENT, 'definition "LenientErrorBody" removed']], bump: "major" },
  { given: "the schema's $id changed (unknown: major to be safe)", edit: (s) => (s.envelope.$id = "https://example.invalid/x.json"), want: [["major", ENV, 'ErrorEnvelope: "$id" changed']], bump: "major" },
  { given: "the lenient code's type narrowed (numbers dropped)", edit: (s) => (lenientBody(s).properties.code.type = ["string", "null"]), want: [["major", LENIENT, "LenientErrorBody.code: type narrowed, no longer accepts number"]], bump: "major" },

  // envelope fields: minor
  { given: "an optional field added", edit: (s) => (body(s).properties.request_id = { type: "string" }), want: [["minor", ENV, 'ErrorBody: optional field "request_id" added']], bump: "minor" },
  { given: "an optional field added to the lenient body", edit: (s) => (lenientBody(s).properties.request_id = { type: "string" }), want: [["minor", LENIENT, 'LenientErrorBody: optional field "request_id" added']], bump: "minor" },
  { given: "a field's type widened", edit: (s) => body(s).properties.param.type.push("number"), want: [["minor", ENV, "ErrorBody.param: type widened, now also accepts number"]], bump: "minor" },
  { given: "a field made optional", edit: (s) => body(s).required.splice(body(s).required.indexOf("type"), 1), want: [["minor", ENV, 'ErrorBody: field "type" made optional']], bump: "minor" },
  { given: "a maximum length raised", edit: (s) => (body(s).properties.message.maxLength = 100000), want: [["minor", ENV, "ErrorBody.message: maxLength 65536 -> 100000 (widened)"]], bump: "minor" },
  { given: "unknown members allowed in the strict body", edit: (s) => delete body(s).additionalProperties, want: [["minor", ENV, "ErrorBody: unknown members now accepted"]], bump: "minor" },

  // envelope: patch
  { given: "a field's description reworded", edit: (s) => (body(s).properties.param.description = "The parameter."), want: [["patch", ENV, "ErrorBody.param: description changed"]], bump: "patch" },
  { given: "the lenient envelope's description reworded", edit: (s) => (s.lenient.description = "Lenient."), want: [["patch", LENIENT, "LenientErrorEnvelope: description changed"]], bump: "patch" },
  { given: "the HTTP status table changed", edit: (s) => s.envelope["x-http-statuses"].pop(), want: [["patch", ENV, "the HTTP status table (x-http-statuses) changed"]], bump: "patch" },

  // several changes: the strongest wins
  {
    given: "wording plus an added code",
    edit: (s) => {
      s.code.anyOf[0]["x-error"].action = "Check the parameters";
      s.code.anyOf.push(codeEntry("conflict"));
    },
    want: [["minor", CODE, 'code "conflict" added'], ["patch", CODE, 'code "invalid_request": action reworded']],
    bump: "minor",
  },
];

describe("diffContracts: every classification rule on a fixture pair", () => {
  it.each(CASES)("$given -> $bump", ({ edit, want, bump }) => {
    const { before, after } = pair(edit);
    const diff = diffContracts(before, after);
    expect(diff.bump).toBe(bump);
    const got = diff.changes.map((c) => [c.bump, c.file, c.message]);
    expect(got).toHaveLength(want.length);
    for (const [wantBump, file, fragment] of want) {
      expect(got, `want ${wantBump} ${file} "${fragment}"`).toContainEqual([wantBump, file, expect.stringContaining(fragment)]);
    }
  });

  it("points at the changed spot with a JSON Pointer", () => {
    const { before, after } = pair((s) => (s.code.anyOf[2]["x-error"].status = 503));
    expect(diffContracts(before, after).changes).toEqual([
      { bump: "major", file: CODE, pointer: "/anyOf/2/x-error/status", message: 'code "channel:invalid_key": status changed 502 -> 503' },
    ]);
  });

  it("reading a change the other way round gives the opposite class (added <-> removed)", () => {
    const { before, after } = pair((s) => s.code.anyOf.push(codeEntry("conflict")));
    expect(diffContracts(before, after).bump).toBe("minor");
    expect(diffContracts(after, before).bump).toBe("major");
  });

  it("does not trip over member names that exist on Object.prototype", () => {
    const { before, after } = pair((s) => {
      body(s).properties.constructor = { type: "string" };
      body(s).properties.toString = { type: "string" };
    });
    expect(diffContracts(before, after).changes.map((c) => c.message)).toEqual([
      'ErrorBody: optional field "constructor" added',
      'ErrorBody: optional field "toString" added',
    ]);
  });
});

describe("diffContracts on this repository's schemas", () => {
  const root = findRepoRoot(import.meta.url);

  it("finds nothing when nothing changed", () => {
    const schemas = readWorkingTree(root);
    expect(diffContracts(schemas, structuredClone(schemas))).toEqual({ changes: [], bump: "none" });
  });

  it("classifies a new code as minor and a dropped one as major", () => {
    const before = readWorkingTree(root);
    const added = structuredClone(before) as Editable;
    added.code.anyOf.push(codeEntry("e2e_conflict"));
    expect(diffContracts(before, added).bump).toBe("minor");
    const dropped = structuredClone(before) as Editable;
    dropped.code.anyOf.shift();
    expect(diffContracts(before, dropped).bump).toBe("major");
  });
});
