import { SCHEMA_FILES } from "@org/contract-model";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Contract, JsonObject } from "../src/contract.js";
import { generateDocs } from "../src/targets/docs.js";
import { fieldRows } from "../src/targets/envelope-fields.js";
import { parseMarkdown } from "./markdown-parse.js";
import { loadSmall } from "./small-schemas.js";

/** Pieces that mean something in Markdown, GFM tables or HTML, and ordinary characters around them. */
const PIECES = [
  "|",
  "\\|",
  "<",
  ">",
  "<div>",
  "<b>x</b>",
  "`",
  "``",
  "*",
  "**",
  "_",
  "__",
  "~~",
  "[",
  "]",
  "](x)",
  "![",
  "(",
  ")",
  "&",
  "&amp;",
  "&#60;",
  "#",
  "\\",
  "\\\\",
  ":",
  "-",
  "=",
  "+",
  ".",
  " ",
  "  ",
  "\t",
  "\n",
  "\r",
  "\r\n",
  "\0",
  "a",
  "b",
  "é",
  "1",
  "x_y",
  "http://x.test",
];
const hostile = fc.oneof(
  fc.array(fc.constantFrom(...PIECES), { maxLength: 14 }).map((a) => a.join("")),
  fc.string({ maxLength: 24 }),
  fc.string({ unit: "binary", maxLength: 12 }),
);

/** What a reader sees: line breaks as spaces. */
const oneLine = (s: string): string => s.replace(/\r\n|[\r\n\0]/g, " ");
/** The same for a schema text whose backtick pairs are inline code (as the HTML page reads it). */
const richLine = (s: string): string => oneLine(s).replace(/`([^`]+)`/g, "$1");
/** As a table cell shows them: trimmed. */
const plain = (s: string): string => oneLine(s).trim();
const rich = (s: string): string => richLine(s).trim();

const texts = fc.record({
  codes: fc.tuple(hostile, hostile),
  meanings: fc.tuple(hostile, hostile),
  actions: fc.tuple(hostile, hostile),
  when: hostile,
  statusTexts: fc.array(fc.tuple(hostile, hostile, hostile, hostile), { minLength: 3, maxLength: 3 }),
  typeTexts: fc.tuple(hostile, hostile),
  fieldText: hostile,
});

/** Loaded once: each case edits a copy. */
const BASE = loadSmall();

type Texts = typeof texts extends fc.Arbitrary<infer T> ? T : never;

/** The small contract with every text replaced by a generated one. */
function hostileContract(t: Texts): Contract {
  const c = structuredClone(BASE);
  c.codes.forEach((code, i) => Object.assign(code, { code: t.codes[i], meaning: t.meanings[i], action: t.actions[i] }));
  (c.codes[0]?.otherStatuses[0] ?? { when: "" }).when = t.when;
  c.statuses.forEach((s, i) => {
    const [meaning, cause, reason, type] = t.statusTexts[i] ?? [];
    Object.assign(s, { meaning, cause, reason, type });
  });
  c.types.forEach((type, i) => Object.assign(type, { type: t.typeTexts[i], description: t.typeTexts[1 - i] }));
  const body = (c.schemas.envelope["$defs"] as JsonObject)["ErrorBody"] as JsonObject;
  ((body["properties"] as JsonObject)["message"] as JsonObject)["description"] = t.fieldText;
  return c;
}

const lowerFirst = (s: string): string => `${s.charAt(0).toLowerCase()}${s.slice(1)}`;

describe("docs/errors.md for hostile schema texts, read back by markdown-it", () => {
  it("every table keeps its rows and columns, every cell reads as its text, and there is no HTML, link or emphasis (property, fixed seed)", () => {
    fc.assert(
      fc.property(texts, (t) => {
        const contract = hostileContract(t);
        const docs = generateDocs(contract);
        // The banner is the one HTML comment, on the first line, by design.
        const parsed = parseMarkdown(docs.slice(docs.indexOf("\n") + 1));
        expect([...parsed.types].filter((x) => x.startsWith("html"))).toEqual([]);
        const [fields, statuses, codes, types] = parsed.tables;
        const body = (contract.schemas.envelope["$defs"] as JsonObject)["ErrorBody"] as JsonObject;
        expect(fields?.rows).toEqual(
          fieldRows("error.", body, {
            [SCHEMA_FILES.code]: contract.schemas.code,
            [SCHEMA_FILES.type]: contract.schemas.type,
          }).map((r) => r.map(rich)),
        );
        expect(statuses?.rows).toEqual(
          contract.statuses.map((s) => {
            const carried = contract.codes.filter((c) =>
              [c.status, ...c.otherStatuses.map((o) => o.status)].includes(s.status),
            );
            const list = [...carried.map((c) => oneLine(c.code)), ...(s.codeless ? ["null"] : [])];
            return [
              String(s.status),
              rich(s.meaning),
              rich(s.cause),
              plain(s.reason),
              plain(s.type),
              list.length > 0 ? list.join(", ").trim() : "-",
              s.retryAfter ? "yes" : "no",
            ];
          }),
        );
        expect(codes?.rows).toEqual(
          contract.codes.map((c) => [
            plain(c.code),
            plain(c.meaning),
            plain(c.action),
            [c.status, ...c.otherStatuses.map((o) => o.status)].join(", "),
            plain(c.type),
            c.retryable ? "yes" : "no",
          ]),
        );
        expect(types?.rows).toEqual(contract.types.map((x) => [plain(x.type), rich(x.description)]));
        for (const table of parsed.tables)
          expect([...table.childTypes].filter((x) => x !== "text" && x !== "code_inline")).toEqual([]);
        const [a] = contract.codes;
        const other = a?.otherStatuses[0];
        expect(parsed.items).toEqual([
          `${oneLine(a?.code ?? "")}: 400 by default; 413 when ${richLine(lowerFirst(other?.when ?? ""))}.`.trim(),
        ]);
        expect([...parsed.itemChildTypes].filter((x) => x !== "text" && x !== "code_inline")).toEqual([]);
      }),
      { seed: 2003, numRuns: 300 },
    );
  });

  it.each([
    ["a pipe", "Fix a | b", "Fix a \\| b"],
    ["HTML", "<img src=x onerror=alert(1)>", "\\<img src=x onerror=alert(1)\\>"],
    ["a link", "[click](https://evil.test)", "\\[click\\](https://evil.test)"],
    ["a line break", "one\ntwo", "one two"],
    ["emphasis, and a word joint left alone", "*bold* _it_ snake_case", "\\*bold\\* \\_it\\_ snake_case"],
  ])("%s in an action is escaped: %j", (_what, action, want) => {
    const c = structuredClone(BASE);
    Object.assign(c.codes[0] ?? {}, { action });
    expect(generateDocs(c)).toContain(`| a | A meaning | ${want} | 400, 413 |`);
  });
});
