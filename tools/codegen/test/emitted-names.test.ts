import { Ajv } from "ajv";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { emitCheckedCopy } from "../src/targets/checked-copy-emitter.js";
import { emitGuard, emitReporter, GUARD_HELPERS } from "../src/targets/guard-emitter.js";

/** Compiles emitted code in this process (tests only: the package never evaluates code). */
function compile<T>(source: string, name: string): T {
  return new Function(`${GUARD_HELPERS}${source.replace(/^export /gm, "")}\nreturn ${name};`)() as T;
}

type Emitted = {
  g: (d: unknown) => boolean;
  r: (d: unknown) => unknown;
  c: (d: unknown) => { ok: true; value: unknown } | { ok: false };
};

/** Names that break emitted code written carelessly: Object.prototype's members, quotes, separators, half pairs. */
const HOSTILE = [
  "__proto__",
  "constructor",
  "toString",
  "hasOwnProperty",
  "valueOf",
  '"',
  "\\",
  "a\nb",
  "\u2028",
  "\uD800",
  "${x}",
  "*/",
];
const memberName = fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 4, unit: "binary" }));

/** A closed two-level view whose member names are `names`: the first required, all strings capped at 3 characters. */
function viewOf(names: string[]) {
  const props = Object.fromEntries(names.map((n) => [n, { type: ["string", "null"], maxLength: 3 }]));
  return {
    type: "object",
    required: ["body"],
    additionalProperties: false,
    properties: {
      body: { type: "object", required: names.slice(0, 1), additionalProperties: false, properties: props },
    },
  };
}

/**
 * The view's meaning written out plainly over JSON data, as the oracle: ajv cannot be one
 * here (it reads `data.__proto__` through the prototype, and refuses names with a lone
 * surrogate: "URI malformed").
 */
function reference(names: string[], data: { body: Record<string, unknown> }): boolean {
  const members = Object.entries(data.body);
  return (
    Object.hasOwn(data.body, names[0] as string) &&
    members.every(([k, v]) => names.includes(k) && (v === null || (typeof v === "string" && [...v].length <= 3)))
  );
}

/** Builds `{ body }` from entries with own data properties only (so a "__proto__" entry is a member, as JSON.parse makes it). */
const bodyOf = (entries: [string, unknown][]): unknown => ({
  body: Object.fromEntries(entries),
});

describe("emitted validators are safe for any member name", () => {
  it("guard, reporter and checked copy agree with a plain reading of the view, copy exactly the members, pollute nothing (seed 0x5afe)", () => {
    const value = fc.oneof(
      fc.constantFrom<unknown>(null, "", "abc", "abcd", "\u{1F525}\u{1F525}\u{1F525}", 1, {}),
      fc.string({ maxLength: 5 }),
    );
    // Mostly the view's own names (so many values pass and are copied), sometimes one more.
    const namesAndEntries = fc.uniqueArray(memberName, { minLength: 1, maxLength: 5 }).chain((names) =>
      fc.tuple(
        fc.constant(names),
        fc.subarray(names).chain((present) => fc.tuple(...present.map((n) => fc.tuple(fc.constant(n), value)))),
        fc.option(fc.tuple(memberName, value), { freq: 4 }),
      ),
    );
    fc.assert(
      fc.property(namesAndEntries, ([names, present, extra]) => {
        const entries: [string, unknown][] = extra === null ? present : [...present, extra];
        const view = viewOf(names);
        const emitted = compile<Emitted>(
          [emitGuard("g", view), emitReporter("r", view), emitCheckedCopy("c", view, { setsOf: "r" })].join("\n"),
          "{ g, r, c }",
        );
        const data = bodyOf(entries);
        const verdict = reference(names, JSON.parse(JSON.stringify(data)) as { body: Record<string, unknown> });
        expect(emitted.g(data)).toBe(verdict);
        expect(emitted.r(data) === null).toBe(verdict);
        const checked = emitted.c(data);
        expect(checked.ok).toBe(verdict);
        if (checked.ok) {
          expect(JSON.stringify(checked.value)).toBe(
            JSON.stringify(bodyOf(names.flatMap((n) => entries.filter(([k]) => k === n)))),
          );
          const copy = (checked.value as { body: object }).body;
          expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
          expect(Object.keys(copy).sort()).toEqual(Object.keys((data as { body: object }).body).sort());
        }
        expect(Object.prototype).not.toHaveProperty("polluted");
      }),
      { seed: 0x5afe, numRuns: 300 },
    );
  });

  it("an own __proto__ member is copied as data, never as the copy's prototype", () => {
    const view = viewOf(["__proto__", "constructor"]);
    const c = compile<Emitted["c"]>(emitCheckedCopy("c", view), "c");
    const data: unknown = JSON.parse('{"body":{"__proto__":"abc","constructor":null}}');
    const got = c(data);
    expect(got).toMatchObject({ ok: true });
    if (!got.ok) return;
    const copy = (got.value as { body: object }).body;
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(copy, "__proto__")?.value).toBe("abc");
    // More than two optional members take the statement path: the same there.
    const wide = viewOf(["a", "__proto__", "b", "c"]);
    const w = compile<Emitted["c"]>(emitCheckedCopy("w", wide), "w");
    const got2 = w(JSON.parse('{"body":{"a":"x","__proto__":"y"}}'));
    expect(got2.ok && Object.getOwnPropertyDescriptor((got2.value as { body: object }).body, "__proto__")?.value).toBe(
      "y",
    );
  });
});

describe("maxLength counts code points and pattern is an ECMAScript u-mode regex, as ajv's defaults", () => {
  const view = { type: "string", maxLength: 4, pattern: "^[a\u{1F525}]+$" };
  const guard = compile<(d: unknown) => boolean>(emitGuard("s", view), "s");
  const ajv = new Ajv().compile(view);

  it("agrees with ajv on astral characters, lone surrogates and the boundary (seed 0xc0de)", () => {
    const text = fc.string({
      unit: fc.constantFrom("a", "\u{1F525}", "\uD83D", "\uDD25", "b"),
      maxLength: 10,
    });
    fc.assert(
      fc.property(text, (s) => {
        expect(guard(s)).toBe(ajv(s));
      }),
      { seed: 0xc0de, numRuns: 500 },
    );
    expect(guard("\u{1F525}".repeat(4))).toBe(true);
    expect(guard("\u{1F525}".repeat(5))).toBe(false);
  });

  it.each([
    { name: "a quantified group", pattern: "^(a+)+$" },
    { name: "a backreference", pattern: "^(a)\\1$" },
    { name: "a lookahead", pattern: "^(?=a)a$" },
    { name: "an invalid u-mode expression", pattern: "\\-" },
  ])("refuses $name", ({ pattern }) => {
    expect(() => emitGuard("p", { type: "string", maxLength: 10, pattern })).toThrow(/guard emitter/);
  });

  it("refuses a pattern without a bounded maxLength beside it (the pattern only runs on bounded input)", () => {
    expect(() => emitGuard("p", { type: "string", pattern: "^a$" })).toThrow(/maxLength/);
    expect(() => emitGuard("p", { type: "string", maxLength: 100_000, pattern: "^a$" })).toThrow(/maxLength/);
  });
});
