/**
 * The one escaping rule per output kind. Every text the formats print that comes from data
 * (code names, member names, messages that quote them, ignore entries, the base ref) goes
 * through one of these; the tool's own words and separators are the only raw text.
 *
 * The threat: a schema change (a pull request) names a code `x\n::error file=a::forged`, or
 * `` `<img src=…>` ``. CI prints every format to its log, where a line starting with `::` (or
 * holding `##[`) is a GitHub workflow command; reviewers read the Markdown in a PR comment and
 * the JUnit XML in a test report. So data never starts a line, never holds markup, and stays
 * short.
 */

/** Longest name (code, member, rule, subject) printed, in code points. */
export const NAME_CAP = 200;
/** Longest text (a message, an impact line, a reason) printed, in code points. */
export const TEXT_CAP = 1000;

/**
 * Characters shown as escapes in every format: C0 and C1 controls and DEL (line breaks, ANSI
 * escapes, CSI U+009B), Unicode line and paragraph separators, bidi and zero-width controls
 * (Trojan Source), the BOM, lone surrogates, and U+FFFE/U+FFFF (not characters in XML 1.0).
 */
const UNSAFE =
  /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufffe\uffff\ud800-\udfff\u{e0000}-\u{e007f}]/gu;

const SHORT: Readonly<Record<string, string>> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

/** `\uXXXX` per UTF-16 unit: what JSON and JavaScript read back as the same character. */
const hex = (c: string) =>
  Array.from({ length: c.length }, (_, i) => `\\u${c.charCodeAt(i).toString(16).padStart(4, "0")}`).join("");

/** Cuts `s` to `max` code points (never inside a surrogate pair) and says how much was cut. */
export function cap(s: string, max: number): string {
  if (s.length <= max) return s;
  const points = Array.from(s);
  return points.length <= max ? s : `${points.slice(0, max).join("")}… (${points.length - max} more characters)`;
}

/** `s` capped, on one line, with every unsafe character written as a JSON-like escape (`\n`, `\u202e`). */
export function visible(s: string, max: number = TEXT_CAP): string {
  return cap(s, max).replace(UNSAFE, (c) => SHORT[c] ?? hex(c));
}

/**
 * Terminal text (the default format), one line: {@link visible}, and GitHub's legacy
 * `##[command]` marker broken up (the runner finds it anywhere in a line). A line never
 * starts with data, so no `::` command can start one.
 */
export function terminal(s: string, max: number = TEXT_CAP): string {
  return visible(s, max).replace(/##\[/g, "#\\u0023[");
}

/**
 * GitHub workflow command message: {@link terminal} (one line: no CR or LF left), then `%`
 * percent-encoded as the runner expects. Join several lines with {@link GITHUB_NEWLINE}.
 */
export function githubData(s: string, max: number = TEXT_CAP): string {
  return terminal(s, max).replace(/%/g, "%25");
}

/** A line break inside a workflow command message (the runner decodes it). */
export const GITHUB_NEWLINE = "%0A";

/** GitHub workflow command property value (`title=`): also `:` and `,`. */
export function githubProperty(s: string): string {
  return githubData(s, NAME_CAP).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

/**
 * XML 1.0 character data and attribute values: {@link visible} first (what remains is only
 * characters XML allows), then the five markup characters, and `#` so that `##[` cannot reach
 * a CI log through a report printed to stdout.
 */
export function xml(s: string, max: number = TEXT_CAP): string {
  return visible(s, max)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;")
    .replace(/#/g, "&#35;");
}

/** Every ASCII punctuation character backslash-escaped: CommonMark renders each as itself. */
const escapePunctuation = (s: string) => s.replace(/[!-/:-@[-`{-~]/g, (c) => `\\${c}`);

/**
 * Markdown text (a table cell, a list item): every ASCII punctuation character backslash-escaped
 * (CommonMark renders it as itself), so data makes no HTML, link, image, autolink, entity,
 * emphasis or table delimiter.
 */
export function markdownText(s: string, max: number = TEXT_CAP): string {
  return escapePunctuation(visible(s, max));
}

/**
 * A name as inline code in Markdown: a backtick fence longer than any run inside, padded when
 * the name starts or ends with a backtick or a space. A name holding `|` or `\` is escaped
 * text instead: GFM splits table cells on `|` even inside code, and renderers disagree on
 * `\|` there; so is one holding `##[` (code is printed as is, and CI logs read that marker).
 */
export function markdownCode(s: string, max: number = NAME_CAP): string {
  const text = visible(s, max);
  if (/[|\\]|##\[/.test(text) || text === "") return escapePunctuation(text);
  const fence = "`".repeat(Math.max(0, ...Array.from(text.matchAll(/`+/g), (m) => m[0].length)) + 1);
  // CommonMark strips one space from each end unless the content is only spaces.
  const pad = /^[` ]|[` ]$/.test(text) && !/^ +$/.test(text) ? " " : "";
  return `${fence}${pad}${text}${pad}${fence}`;
}

/**
 * The JSON report: `JSON.stringify`, then every unsafe character and `#` written as a `\u`
 * escape. Only string contents can hold them, where the escape means the same character, so
 * `JSON.parse` gives back the same report while the printed text stays safe for a CI log.
 */
export function jsonText(value: unknown): string {
  // The line feeds between members are the layout's own; inside strings JSON.stringify escaped them already.
  return JSON.stringify(value, null, 2)
    .replace(UNSAFE, (c) => (c === "\n" ? c : hex(c)))
    .replace(/#/g, "\\u0023");
}
