import fc from "fast-check";
import type { Bump } from "../src/bump.js";
import type { DiffOptions } from "../src/config.js";
import { RULES, SEVERITIES, type Severity } from "../src/rules/index.js";
import { codeEntry, type Editable } from "./fixtures.js";

/**
 * Generators for the contract tools' fuzz harness: schema edits of the base fixture whose
 * names and texts are hostile (line breaks, workflow commands, markup, characters XML
 * forbids, bidi controls, 10,000 characters, names of Object.prototype members).
 */

/** Pieces hostile texts are made of, each aimed at one output kind or one lookup. */
export const HOSTILE_PIECES = [
  "toString",
  "constructor",
  "hasOwnProperty",
  "__proto__",
  "valueOf",
  "\n",
  "\r\n",
  "\r",
  "::error file=README.md,line=1::forged",
  "::notice title=contract ok::ok",
  "##[error]forged",
  "ok: contract check passed",
  "`",
  "``",
  "<img src=https://evil.example/beacon.png>",
  "<!--",
  "]]>",
  "[passed](https://evil.example)",
  "![x](https://evil.example/x.png)",
  "https://evil.example",
  "www.evil.example",
  "a@evil.example",
  "|",
  "\\",
  "\\|",
  "&amp;",
  "&#60;",
  "%0A",
  "%",
  "*",
  "_",
  "#",
  "\ufffe",
  "\uffff",
  "\ud800",
  "\udc00",
  "\u202e",
  "\u2066",
  "\u2028",
  "\u2029",
  "\u0085",
  "\u009b",
  "\u001b[32m",
  "\u0000",
  "\u007f",
  "\ufeff",
  " ",
  "x",
  "é",
  "😀",
] as const;

/** A hostile text: one piece, a few pieces in a row, any UTF-16 (lone surrogates too), or 10,000 characters. */
export const hostile: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_PIECES) },
  {
    weight: 4,
    arbitrary: fc.array(fc.constantFrom(...HOSTILE_PIECES), { minLength: 1, maxLength: 6 }).map((p) => p.join("")),
  },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 12 }) },
  { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_PIECES).map((p) => p + "n".repeat(10_000)) },
);

/** A non-empty reason (the ignore file requires one). */
const reason = hostile.map((s) => `reason ${s}`);

/** One edit of the base fixture (5 codes, 4 categories, ErrorBody with message/type/code/param). */
export type Edit =
  | { kind: "addCode"; name: string; meaning: string; status: number; retryable: boolean }
  | { kind: "renameCode"; index: number; name: string }
  | { kind: "removeCode"; index: number }
  | {
      kind: "setCodeFact";
      index: number;
      field: "status" | "retryable" | "type" | "meaning" | "action";
      value: unknown;
    }
  | {
      kind: "putKey";
      target: "x-error" | "envelope" | "code-schema" | "status-row" | "x-contract";
      key: string;
      value: string;
    }
  | { kind: "addMember"; name: string; required: boolean; description: string }
  | { kind: "removeMember"; name: "param" | "type" }
  | { kind: "addType"; name: string }
  | { kind: "addDefinition"; name: string }
  | { kind: "describe"; role: keyof Editable; text: string };

const index = fc.integer({ min: 0, max: 4 });
const status = fc.constantFrom(400, 403, 409, 429, 500, 502, 503);

/** Any one edit. */
export const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({
    kind: fc.constant("addCode" as const),
    name: hostile,
    meaning: hostile,
    status,
    retryable: fc.boolean(),
  }),
  fc.record({ kind: fc.constant("renameCode" as const), index, name: hostile }),
  fc.record({ kind: fc.constant("removeCode" as const), index }),
  fc.record({
    kind: fc.constant("setCodeFact" as const),
    index,
    field: fc.constantFrom(
      "status" as const,
      "retryable" as const,
      "type" as const,
      "meaning" as const,
      "action" as const,
    ),
    value: fc.oneof(status, fc.boolean(), hostile),
  }),
  fc.record({
    kind: fc.constant("putKey" as const),
    target: fc.constantFrom(
      "x-error" as const,
      "envelope" as const,
      "code-schema" as const,
      "status-row" as const,
      "x-contract" as const,
    ),
    key: fc.oneof(
      fc.constantFrom("toString", "constructor", "hasOwnProperty", "__proto__", "valueOf", "description"),
      hostile,
    ),
    value: hostile,
  }),
  fc.record({ kind: fc.constant("addMember" as const), name: hostile, required: fc.boolean(), description: hostile }),
  fc.record({ kind: fc.constant("removeMember" as const), name: fc.constantFrom("param" as const, "type" as const) }),
  fc.record({ kind: fc.constant("addType" as const), name: hostile }),
  fc.record({ kind: fc.constant("addDefinition" as const), name: hostile }),
  fc.record({
    kind: fc.constant("describe" as const),
    role: fc.constantFrom("code" as const, "type" as const, "envelope" as const, "lenient" as const),
    text: hostile,
  }),
);

/** Sets an own property, also for `__proto__` (an assignment would set the prototype). */
export const put = (obj: object, key: string, value: unknown): void =>
  void Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });

/** Applies one edit to a schema set (JSON-shaped: it can be written to a file and read back). */
export function applyEdit(s: Editable, e: Edit): void {
  const codes = s.code.anyOf as Array<Record<string, Record<string, unknown>>>;
  const at = (i: number) => codes[i % codes.length];
  const body = s.envelope.$defs.ErrorBody;
  switch (e.kind) {
    case "addCode":
      codes.push(codeEntry(e.name, { meaning: e.meaning, status: e.status, retryable: e.retryable }) as never);
      return;
    case "renameCode":
      if (at(e.index)) put(at(e.index) as object, "const", e.name);
      return;
    case "removeCode":
      if (codes.length > 0) codes.splice(e.index % codes.length, 1);
      return;
    case "setCodeFact": {
      const meta = at(e.index)?.["x-error"];
      if (meta) put(meta, e.field, e.value);
      return;
    }
    case "putKey": {
      const targets = {
        "x-error": at(0)?.["x-error"],
        envelope: s.envelope,
        "code-schema": s.code,
        "status-row": s.envelope["x-http-statuses"][0],
        "x-contract": s.envelope["x-contract"],
      };
      const target = targets[e.target];
      if (target) put(target, e.key, e.value);
      return;
    }
    case "addMember":
      put(body.properties, e.name, { type: "string", description: e.description });
      if (e.required) body.required.push(e.name);
      return;
    case "removeMember":
      delete body.properties[e.name];
      body.required = body.required.filter((n: string) => n !== e.name);
      return;
    case "addType":
      s.type.anyOf.push({ const: e.name });
      return;
    case "addDefinition":
      put(s.envelope.$defs, e.name, { type: "object" });
      return;
    case "describe":
      s[e.role].description = e.text;
      return;
  }
}

/** What the repository configures and asks for besides the edits. */
export interface Setup {
  severity: Array<[string, Severity]>;
  /** Ignore the first change found, for this reason. */
  ignoreFirst: string | null;
  /** Entries that (almost surely) match nothing: reported as stale. */
  stale: DiffOptions["ignore"];
  /** The bump the pending changeset asks for ("none": no changeset). */
  requested: Bump;
  /** The working tree's contract version (the base is 1.0.0). */
  version: "1.0.0" | "1.0.1" | "1.1.0" | "2.0.0";
  ref: string;
}

/** A setup: severity overrides, ignore entries, the changeset and version step, the base ref as printed. */
export const setup: fc.Arbitrary<Setup> = fc.record({
  severity: fc.array(fc.tuple(fc.constantFrom(...RULES.map((r) => r.id)), fc.constantFrom(...SEVERITIES)), {
    maxLength: 4,
  }),
  ignoreFirst: fc.option(reason),
  stale: fc.array(fc.record({ rule: fc.constantFrom(...RULES.map((r) => r.id)), subject: hostile, reason }), {
    maxLength: 2,
  }),
  requested: fc.constantFrom<Bump>("none", "patch", "minor", "major"),
  version: fc.constantFrom("1.0.0" as const, "1.0.1" as const, "1.1.0" as const, "2.0.0" as const),
  ref: fc.oneof(fc.constant("v1"), hostile),
});
