import { findRepoRoot } from "@org/contract-model";
import { describe, expect, it } from "vitest";
import { classifyChanges, diffContracts } from "../src/diff.js";
import { RULES, type Severity } from "../src/rules/index.js";
import { readWorkingTree } from "../src/schema-set.js";
import { DIALECT_CASES } from "./dialect-cases.js";
import { codeEntry, type Editable, pair } from "./fixtures.js";

/** rule id, severity, subject, a fragment of the message. */
type Want = [string, Severity, string, string];

interface Case {
  given: string;
  edit: (s: Editable) => void;
  want: Want[];
}

const body = (s: Editable) => s.envelope.$defs.ErrorBody;
const lenientBody = (s: Editable) => s.lenient.$defs.LenientErrorBody;
const meta = (s: Editable, i: number) => s.code.anyOf[i]["x-error"];
const row = (s: Editable, status: number) =>
  s.envelope["x-http-statuses"].find((r: { status: number }) => r.status === status);
// Fixture codes: 0 invalid_request (400, also 413), 1 access_denied (403), 2 channel:invalid_key (502),
// 3 do_request_failed (502, retryable), 4 model_price_error (500).

/** Every rule, triggered by a minimal edit of the fixture: the table the rule catalogue promises. */
export const CASES: Case[] = [
  { given: "no change", edit: () => {}, want: [] },
  // codes
  {
    given: "a code removed",
    edit: (s) => s.code.anyOf.splice(1, 1),
    want: [["code-removed", "breaking", "access_denied", 'code "access_denied" removed']],
  },
  {
    given: "a code renamed",
    edit: (s) => (s.code.anyOf[1].const = "permission_denied"),
    want: [["code-renamed", "breaking", "access_denied", 'code "access_denied" renamed to "permission_denied"']],
  },
  {
    given: "a code added",
    edit: (s) => s.code.anyOf.push(codeEntry("conflict", { status: 400 })),
    want: [
      [
        "code-added",
        "warning",
        "conflict",
        'code "conflict" added (status 400, type invalid_request_error, not retryable)',
      ],
    ],
  },
  {
    given: "a non-retryable code added at 409 (a status clients retry)",
    edit: (s) => s.code.anyOf.push(codeEntry("conflict", { status: 409 })),
    want: [
      [
        "code-added",
        "warning",
        "conflict",
        'code "conflict" added (status 409, type invalid_request_error, not retryable)',
      ],
    ],
  },
  {
    given: "a code's status changed (5xx to 5xx)",
    edit: (s) => (meta(s, 2).status = 503),
    want: [
      [
        "code-status-changed",
        "breaking",
        "channel:invalid_key",
        'code "channel:invalid_key": status changed 502 -> 503',
      ],
    ],
  },
  {
    given: "a code's type changed",
    edit: (s) => (meta(s, 2).type = "server_error"),
    want: [["code-type-changed", "breaking", "channel:invalid_key", 'type changed "upstream_error" -> "server_error"']],
  },
  {
    given: "a code made retryable",
    edit: (s) => (meta(s, 1).retryable = true),
    want: [
      ["code-retryable-enabled", "breaking", "access_denied", 'code "access_denied": retryable changed false -> true'],
      [
        "client-retry-changed",
        "warning",
        "access_denied",
        "the Vercel AI SDK still does not retry it although the catalog says it may be retried",
      ],
    ],
  },
  {
    given: "a code made non-retryable",
    edit: (s) => (meta(s, 3).retryable = false),
    want: [
      ["code-retryable-disabled", "breaking", "do_request_failed", "retryable changed true -> false"],
      [
        "client-retry-changed",
        "warning",
        "do_request_failed",
        "the Vercel AI SDK still retries it although the catalog says it must not be retried",
      ],
    ],
  },
  {
    given: "an allowed status added to a code",
    edit: (s) => (meta(s, 1).otherStatuses = [{ status: 404, when: "The key may not know the model" }]),
    want: [
      [
        "code-status-allowed-added",
        "warning",
        "access_denied",
        "may now also be sent with status 404 (The key may not know the model)",
      ],
    ],
  },
  {
    given: "an allowed status removed from a code",
    edit: (s) => delete meta(s, 0).otherStatuses,
    want: [["code-status-allowed-removed", "breaking", "invalid_request", "may no longer be sent with status 413"]],
  },
  {
    given: "when to use an allowed status reworded",
    edit: (s) => (meta(s, 0).otherStatuses[0].when = "Body too large"),
    want: [["text-changed", "info", "invalid_request", "when to use status 413 reworded"]],
  },
  {
    given: "a code's meaning reworded",
    edit: (s) => (meta(s, 1).meaning = "Access is denied"),
    want: [["text-changed", "info", "access_denied", 'meaning reworded "Access denied" -> "Access is denied"']],
  },
  {
    given: "a code's advice reworded",
    edit: (s) => (meta(s, 3).action = "Retry later"),
    want: [["text-changed", "info", "do_request_failed", 'action reworded "Retry" -> "Retry later"']],
  },
  {
    given: "a description on a code",
    edit: (s) => (s.code.anyOf[0].description = "Bad params."),
    want: [["text-changed", "info", "invalid_request", 'code "invalid_request": description added']],
  },
  {
    given: "the codes reordered",
    edit: (s) => s.code.anyOf.reverse(),
    want: [["order-changed", "info", "codes", "the order of the codes changed"]],
  },
  {
    given: "an unknown x-error field added",
    edit: (s) => (meta(s, 0).deprecated_since = "2.0"),
    want: [["unknown-change", "breaking", "invalid_request", '"deprecated_since" added']],
  },
  // types
  {
    given: "a type category added",
    edit: (s) => s.type.anyOf.push({ const: "conflict_error", description: "409." }),
    want: [["type-added", "warning", "conflict_error", 'type category "conflict_error" added']],
  },
  {
    given: "a type category removed",
    edit: (s) => s.type.anyOf.splice(3, 1),
    want: [["type-removed", "breaking", "server_error", 'type category "server_error" removed']],
  },
  {
    given: "a type category's description reworded",
    edit: (s) => (s.type.anyOf[0].description = "Malformed."),
    want: [["text-changed", "info", "invalid_request_error", "description changed"]],
  },
  // envelope
  {
    given: "an optional member added",
    edit: (s) => (body(s).properties.request_id = { type: "string" }),
    want: [
      [
        "envelope-member-added-optional",
        "warning",
        "ErrorBody.request_id",
        'ErrorBody: optional field "request_id" added',
      ],
    ],
  },
  {
    given: "a required member added",
    edit: (s) => {
      body(s).properties.request_id = { type: "string" };
      body(s).required.push("request_id");
    },
    want: [["envelope-member-added-required", "breaking", "ErrorBody.request_id", 'required field "request_id" added']],
  },
  {
    given: "a member made required",
    edit: (s) => body(s).required.push("param"),
    want: [["envelope-member-required", "breaking", "ErrorBody.param", 'field "param" made required']],
  },
  {
    given: "a member made optional",
    edit: (s) => body(s).required.splice(body(s).required.indexOf("type"), 1),
    want: [["envelope-member-optional", "warning", "ErrorBody.type", 'field "type" made optional']],
  },
  {
    given: "a member removed",
    edit: (s) => delete body(s).properties.param,
    want: [["envelope-member-removed", "breaking", "ErrorBody.param", 'ErrorBody: field "param" removed']],
  },
  {
    given: "a member's type narrowed",
    edit: (s) => (body(s).properties.param.type = "string"),
    want: [["envelope-member-narrowed", "breaking", "ErrorBody.param", "type narrowed, no longer accepts null"]],
  },
  {
    given: "a pattern added",
    edit: (s) => (body(s).properties.param.pattern = "^[a-z]+$"),
    want: [["envelope-member-narrowed", "breaking", "ErrorBody.param", "pattern added (narrowed)"]],
  },
  {
    given: "a member's type widened",
    edit: (s) => body(s).properties.param.type.push("number"),
    want: [["envelope-member-widened", "warning", "ErrorBody.param", "type widened, now also accepts number"]],
  },
  {
    given: "unknown members forbidden",
    edit: (s) => (lenientBody(s).additionalProperties = false),
    want: [
      ["envelope-unknown-members-forbidden", "breaking", "LenientErrorBody", "unknown members no longer accepted"],
    ],
  },
  {
    given: "unknown members allowed",
    edit: (s) => delete body(s).additionalProperties,
    want: [["envelope-unknown-members-allowed", "warning", "ErrorBody", "unknown members now accepted"]],
  },
  {
    given: "a definition added",
    edit: (s) => (s.lenient.$defs.Extra = { type: "string" }),
    want: [["definition-added", "warning", "Extra", 'definition "Extra" added']],
  },
  {
    given: "a definition removed",
    edit: (s) => delete s.lenient.$defs.LenientErrorBody,
    want: [["definition-removed", "breaking", "LenientErrorBody", 'definition "LenientErrorBody" removed']],
  },
  {
    given: "the message schema limit lowered",
    edit: (s) => (body(s).properties.message.maxLength = 1000),
    want: [["message-limit-lowered", "breaking", "ErrorBody.message", "maxLength 65536 -> 1000"]],
  },
  {
    given: "the message schema limit raised",
    edit: (s) => (body(s).properties.message.maxLength = 100000),
    want: [["message-limit-raised", "warning", "ErrorBody.message", "maxLength 65536 -> 100000"]],
  },
  {
    given: "the message cap lowered",
    edit: (s) => (s.envelope["x-contract"].maxMessageLength = 4096),
    want: [["message-limit-lowered", "breaking", "message", "message cap 8192 -> 4096"]],
  },
  {
    given: "the message cap raised",
    edit: (s) => (s.envelope["x-contract"].maxMessageLength = 16384),
    want: [["message-limit-raised", "warning", "message", "message cap 8192 -> 16384"]],
  },
  {
    given: "the schema's $id changed",
    edit: (s) => (s.envelope.$id = "https://example.invalid/x.json"),
    want: [["unknown-change", "breaking", "ErrorEnvelope", '"$id" changed']],
  },
  {
    given: "the lenient envelope's description reworded",
    edit: (s) => (s.lenient.description = "Lenient."),
    want: [["text-changed", "info", "LenientErrorEnvelope", "description changed"]],
  },
  // the HTTP status table and the contract settings
  {
    given: "an HTTP status added",
    edit: (s) =>
      s.envelope["x-http-statuses"].push({
        status: 504,
        reason: "Gateway Timeout",
        type: "upstream_error",
        retryAfter: false,
        codeless: false,
        meaning: "Timeout",
        cause: "Slow upstream",
      }),
    want: [["http-status-added", "warning", "504", "HTTP status 504 added to the status table (type upstream_error)"]],
  },
  {
    given: "an HTTP status removed",
    edit: (s) => s.envelope["x-http-statuses"].splice(1, 1),
    want: [["http-status-removed", "breaking", "401", "HTTP status 401 removed"]],
  },
  {
    given: "an HTTP status's type changed",
    edit: (s) => (row(s, 401).type = "authentication_error"),
    want: [
      [
        "http-status-changed",
        "breaking",
        "401",
        'HTTP status 401: type changed "permission_error" -> "authentication_error"',
      ],
    ],
  },
  {
    given: "an HTTP status made codeless",
    edit: (s) => (row(s, 502).codeless = true),
    want: [["http-status-changed", "breaking", "502", "HTTP status 502: codeless changed false -> true"]],
  },
  {
    given: "the type of statuses outside the table changed",
    edit: (s) => (s.envelope["x-contract"].otherStatusType = "upstream_error"),
    want: [["http-status-changed", "breaking", "other statuses", "type of statuses outside the table changed"]],
  },
  {
    given: "Retry-After allowed on 502",
    edit: (s) => (row(s, 502).retryAfter = true),
    want: [["retry-after-statuses-changed", "warning", "502", "HTTP status 502: may now carry Retry-After"]],
  },
  {
    given: "Retry-After no longer on 503",
    edit: (s) => (row(s, 503).retryAfter = false),
    want: [["retry-after-statuses-changed", "warning", "503", "may no longer carry Retry-After"]],
  },
  {
    given: "the status table reordered",
    edit: (s) => s.envelope["x-http-statuses"].reverse(),
    want: [["order-changed", "info", "HTTP statuses", "the order of the HTTP status table changed"]],
  },
  {
    given: "a code's canonical and other status swapped",
    edit: (s) => Object.assign(meta(s, 0), { status: 413, otherStatuses: [{ status: 400, when: "Malformed" }] }),
    want: [["code-status-changed", "breaking", "invalid_request", "status changed 400 -> 413"]],
  },
  {
    given: "a reason phrase reworded",
    edit: (s) => (row(s, 413).reason = "Payload Too Large"),
    want: [
      ["text-changed", "info", "413", 'HTTP status 413: reason reworded "Content Too Large" -> "Payload Too Large"'],
    ],
  },
  {
    given: "the retry rule by status changed",
    edit: (s) => s.envelope["x-contract"].nonRetryableStatuses.push(503),
    want: [
      [
        "retry-status-rule-changed",
        "breaking",
        "retry rule",
        "client retry rule by status changed (no longer retried: 503)",
      ],
    ],
  },
  {
    given: "a status class retries no more",
    edit: (s) => (s.envelope["x-contract"].statusClasses[1].retryable = false),
    want: [
      [
        "retry-status-rule-changed",
        "breaking",
        "retry rule",
        "client retry rule by status changed (no longer retried: 500, 502-504, 506-599)",
      ],
    ],
  },
  {
    given: "a status class's type changed",
    edit: (s) => (s.envelope["x-contract"].statusClasses[0].type = "permission_error"),
    want: [["http-status-changed", "breaking", "status classes", "type of each status class changed"]],
  },
  {
    given: "the reference URL changed",
    edit: (s) => (s.envelope["x-contract"].referenceUrl = "https://docs.example.invalid/errors"),
    want: [["reference-url-changed", "warning", "reference URL", "reference base URL changed"]],
  },
  {
    given: "the message cap no longer stated",
    edit: (s) => delete s.envelope["x-contract"].maxMessageLength,
    want: [["contract-fact-removed", "breaking", "message", "message cap 8192 -> (none)"]],
  },
  {
    given: "a status row's Retry-After no longer stated",
    edit: (s) => delete row(s, 400).retryAfter,
    want: [["contract-fact-removed", "breaking", "400", "may no longer carry Retry-After"]],
  },
  {
    given: "a status row without type added",
    edit: (s) => s.envelope["x-http-statuses"].push({ status: 504, meaning: "Timeout", cause: "Slow upstream" }),
    want: [["http-status-added", "warning", "504", "HTTP status 504 added"]],
  },
  {
    given: "a documentation row (5xx) added",
    edit: (s) => s.envelope["x-http-statuses"].push({ status: "5xx", meaning: "Upstream", cause: "Retry" }),
    want: [["text-changed", "info", "5xx", "HTTP status 5xx added"]],
  },
  {
    given: "an unknown contract setting added",
    edit: (s) => (s.envelope["x-contract"].maxBodyBytes = 1024),
    want: [["unknown-change", "breaking", "x-contract", '"maxBodyBytes" added']],
  },
  // dialects (x-dialects, contract 1.2)
  ...DIALECT_CASES,
];

/** Edits read the other way round (base = edited, working tree = fixture): facts appearing. */
const REVERSED: Case[] = [
  {
    given: "the message cap stated for the first time",
    edit: (s) => delete s.envelope["x-contract"].maxMessageLength,
    want: [["contract-fact-stated", "warning", "message", "message cap (none) -> 8192"]],
  },
  {
    given: "a status row's type stated for the first time",
    edit: (s) => delete row(s, 401).type,
    want: [["contract-fact-stated", "warning", "401", 'HTTP status 401: type changed (absent) -> "permission_error"']],
  },
  {
    given: "Retry-After stated for the first time",
    edit: (s) => delete row(s, 503).retryAfter,
    want: [["contract-fact-stated", "warning", "503", "HTTP status 503: may carry Retry-After (now stated: true)"]],
  },
  {
    given: "the old 5xx documentation row replaced",
    edit: (s) => s.envelope["x-http-statuses"].push({ status: "5xx", meaning: "Upstream", cause: "Retry" }),
    want: [["text-changed", "info", "5xx", "HTTP status 5xx removed"]],
  },
];

describe("classifyChanges: each rule id triggered by a minimal schema edit", () => {
  it.each(REVERSED)("reversed: $given", ({ edit, want }) => {
    const { before, after } = pair(edit);
    const got = classifyChanges(after, before).map((c) => [c.rule, c.severity, c.subject, c.message]);
    expect(got).toEqual(
      want.map(([rule, severity, subject, fragment]) => [rule, severity, subject, expect.stringContaining(fragment)]),
    );
  });

  it.each(CASES)("$given", ({ edit, want }) => {
    const { before, after } = pair(edit);
    const got = classifyChanges(before, after).map((c) => [c.rule, c.severity, c.subject, c.message]);
    expect(got).toHaveLength(want.length);
    for (const [rule, severity, subject, fragment] of want) {
      expect(got, `want ${rule} ${severity} ${subject} "${fragment}"`).toContainEqual([
        rule,
        severity,
        subject,
        expect.stringContaining(fragment),
      ]);
    }
  });

  it("covers every rule of the catalogue", () => {
    const covered = new Set([...CASES, ...REVERSED].flatMap((c) => c.want.map(([rule]) => rule)));
    expect(RULES.map((r) => r.id).filter((id) => !covered.has(id))).toEqual([]);
  });

  it("points at the changed spot with a JSON Pointer and maps severity to a bump", () => {
    const { before, after } = pair((s) => (meta(s, 2).type = "server_error"));
    expect(classifyChanges(before, after)).toEqual([
      {
        rule: "code-type-changed",
        severity: "breaking",
        bump: "major",
        file: "error-code.schema.json",
        pointer: "/anyOf/2/x-error/type",
        subject: "channel:invalid_key",
        message: 'code "channel:invalid_key": type changed "upstream_error" -> "server_error"',
      },
    ]);
  });

  it("reading a change the other way round gives the opposite rule", () => {
    const { before, after } = pair((s) => s.code.anyOf.push(codeEntry("conflict", { status: 400 })));
    expect(diffContracts(before, after).bump).toBe("minor");
    expect(classifyChanges(after, before).map((c) => c.rule)).toEqual(["code-removed"]);
  });

  it("does not trip over member names that exist on Object.prototype", () => {
    const { before, after } = pair((s) => {
      body(s).properties.constructor = { type: "string" };
      body(s).properties.toString = { type: "string" };
    });
    expect(classifyChanges(before, after).map((c) => c.subject)).toEqual([
      "ErrorBody.constructor",
      "ErrorBody.toString",
    ]);
  });
});

describe("classifyChanges on this repository's schemas", () => {
  const root = findRepoRoot(import.meta.url);

  it("finds nothing when nothing changed", () => {
    const schemas = readWorkingTree(root);
    expect(diffContracts(schemas, structuredClone(schemas))).toEqual({
      changes: [],
      bump: "none",
      ignored: [],
      stale: [],
    });
  });

  it("classifies a new code as minor and a dropped one as major", () => {
    const before = readWorkingTree(root);
    const added = structuredClone(before) as Editable;
    added.code.anyOf.push(codeEntry("e2e_conflict", { status: 400 }));
    expect(diffContracts(before, added).bump).toBe("minor");
    const dropped = structuredClone(before) as Editable;
    dropped.code.anyOf.shift();
    expect(diffContracts(before, dropped).bump).toBe("major");
  });
});
