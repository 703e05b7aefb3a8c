import { readFileSync } from "node:fs";
import { createStrictAjv } from "@org/contract-model";
import MarkdownIt from "markdown-it";
import { SaxesParser } from "saxes";
import { expect } from "vitest";
import { FORMATS, type Format, render, type Report } from "../src/format/index.js";

/**
 * Every output format of a report, checked by a parser that is not the tool's: JSON.parse and
 * the shipped report schema (ajv), a strict XML 1.0 parser (saxes) for junit, a CommonMark/GFM
 * parser (markdown-it) for markdown, and the GitHub runner's reading of a log line for every
 * format (CI prints them all). Each check throws on the first broken invariant.
 */

const validateReport = createStrictAjv().compile(
  JSON.parse(readFileSync(new URL("../report.schema.json", import.meta.url), "utf8")),
);

/** Throws when `ok` is false (cheaper than `expect` in loops over every line of every case). */
function must(ok: boolean, message: string): void {
  if (!ok) throw new Error(message);
}

/** Characters no printed line may hold: controls, line/paragraph separators, bidi and zero-width controls, BOM, XML non-characters. */
const UNSAFE_CHAR =
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufffe\uffff]/;
/** The only workflow commands the tool prints (github format): its own annotations and verdict. */
const OWN_COMMAND = /^::(error|warning|notice) (file=[^,:\s]+,(line=\d+,)?)?title=[^:,\r\n]*::[^\r\n]*$/;

/**
 * What GitHub's runner reads in a log line: a `::command` once the line is trimmed, or the
 * legacy `##[command]` anywhere. Only github-format lines may be commands, and only the tool's own.
 */
export function checkLogLines(out: string, format: Format): void {
  for (const line of out.split("\n")) {
    const where = `${format}: ${JSON.stringify(line.slice(0, 300))}`;
    must(!/\p{Cs}/u.test(line), `lone surrogate in ${where}`);
    must(!UNSAFE_CHAR.test(line), `unsafe character in ${where}`);
    must(!line.includes("##["), `legacy workflow command in ${where}`);
    if (format === "github") must(OWN_COMMAND.test(line), `not one of the tool's commands: ${where}`);
    else must(!line.trim().startsWith("::"), `a line the runner executes: ${where}`);
  }
}

/** A text short and harmless enough to be printed unchanged by every format. */
const plain = (s: string) => s.length > 0 && s.length <= 120 && /^[\w ,.()"'-]*$/.test(s);

function checkText(r: Report, out: string): void {
  const impacts = r.changes.reduce((n, c) => n + (c.impact?.length ?? 0), 0);
  const expected = 1 + Math.max(1, r.changes.length + impacts) + r.ignored.length + r.stale.length + (r.check ? 2 : 1);
  const lines = out.split("\n");
  expect(lines, "text: one line per item").toHaveLength(expected);
  let i = 1;
  for (const c of r.changes) {
    const line = lines[i] as string;
    expect(line.startsWith(`  ${c.severity.padEnd(8)}  ${c.rule}`), line).toBe(true);
    if (plain(c.message)) expect(line.endsWith(`  ${c.message}`), line).toBe(true);
    i += 1 + (c.impact?.length ?? 0);
  }
  const verdict = lines.at(-1) as string;
  expect(verdict.startsWith(r.check ? (r.check.ok ? "ok: " : "FAILED: ") : "required bump: ")).toBe(true);
}

function checkGithub(r: Report, out: string): void {
  const lines = out.split("\n");
  expect(lines).toHaveLength(r.changes.length + r.stale.length + 1);
  r.changes.forEach((c, i) => {
    const message = (lines[i] as string).slice((lines[i] as string).indexOf("::", 2) + 2);
    const decoded = message.split("%0A").map((part) => part.replace(/%25/g, "%"));
    expect(decoded).toHaveLength(1 + (c.impact?.length ?? 0));
    if (plain(c.message)) expect(decoded[0]).toBe(c.message);
  });
}

/** Parses XML 1.0 strictly; returns each element with its attributes and text. */
function parseXml(out: string): Array<{ name: string; attributes: Record<string, string>; text: string }> {
  const parser = new SaxesParser();
  const errors: string[] = [];
  const elements: Array<{ name: string; attributes: Record<string, string>; text: string }> = [];
  const open: typeof elements = [];
  parser.on("error", (e) => errors.push(e.message));
  parser.on("opentag", (t) => {
    const element = { name: t.name, attributes: t.attributes as Record<string, string>, text: "" };
    elements.push(element);
    open.push(element);
  });
  parser.on("text", (t) => {
    const current = open.at(-1);
    if (current) current.text += t;
  });
  parser.on("closetag", () => void open.pop());
  parser.write(out).close();
  expect(errors, "junit: not well-formed XML 1.0").toEqual([]);
  return elements;
}

function checkJunit(r: Report, out: string): void {
  const elements = parseXml(out);
  const cases = elements.filter((e) => e.name === "testcase");
  expect(cases).toHaveLength(r.changes.length + (r.check ? 1 : 0));
  r.changes.forEach((c, i) => {
    const name = cases[i]?.attributes["name"] as string;
    if (plain(c.subject)) expect(name).toBe(`${c.rule} ${c.subject}`);
  });
  const failures = elements.filter((e) => e.name === "failure").length;
  expect(elements.find((e) => e.name === "testsuite")?.attributes["failures"]).toBe(String(failures));
}

const markdown = new MarkdownIt({ html: true, linkify: true });
type Token = ReturnType<typeof markdown.parse>[number];

/** The text a reader sees in an inline token. */
const seen = (t: Token) => (t.children ?? []).map((c: Token) => (c.type === "softbreak" ? "\n" : c.content)).join("");

function checkMarkdown(r: Report, out: string): void {
  const tokens = markdown.parse(out, {});
  const all = tokens.flatMap((t) => [t, ...(t.children ?? [])]);
  for (const t of all) {
    expect(t.type, `markdown: ${t.type} from ${JSON.stringify(t.content)}`).not.toMatch(/^html_|^image$/);
    if (t.type === "link_open") expect(t.attrGet("href")).toMatch(/^schemas\/[\w.-]+\.json#L\d+$/);
  }
  const rows = tokens.filter((t) => t.type === "tr_open").length;
  expect(rows, "markdown: one table row per change (plus the header)").toBe(
    r.changes.length > 0 ? r.changes.length + 1 : 0,
  );
  const cells = tokens.filter((t) => t.type === "td_open" || t.type === "th_open").length;
  expect(cells, "markdown: five cells in every row").toBe(rows * 5);
  const inlineCells = tokens.filter((t, i) => t.type === "inline" && tokens[i - 1]?.type === "td_open");
  r.changes.forEach((c, i) => {
    const subject = inlineCells[i * 5 + 2];
    if (subject && plain(c.subject)) expect(seen(subject)).toBe(c.subject);
    const rule = inlineCells[i * 5 + 1];
    if (rule) expect(seen(rule)).toBe(c.rule);
  });
}

/** Renders `report` in every format and checks each output with its parser. */
export function checkEveryFormat(report: Report): void {
  const json = JSON.parse(render(report, "json")) as unknown;
  expect(validateReport(json), JSON.stringify(validateReport.errors)).toBe(true);
  must(JSON.stringify(json) === JSON.stringify(report), "json: not the report itself");
  for (const format of FORMATS) {
    const out = render(report, format);
    checkLogLines(out, format);
    if (format === "text") checkText(report, out);
    if (format === "github") checkGithub(report, out);
    if (format === "junit") checkJunit(report, out);
    if (format === "markdown") checkMarkdown(report, out);
  }
}
