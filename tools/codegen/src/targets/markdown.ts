/**
 * Markdown for texts from the schema, so that whatever a text holds (`|`, `<`, `>`, backticks,
 * `[`, `*`, newlines...) it renders as that text: one table cell, no HTML, no link, no
 * emphasis. Ordinary texts come out unchanged (the reference's rows stay verbatim): only the
 * characters that could mean something are backslash-escaped.
 */

/** CommonMark's line endings, and NUL (which a parser replaces): a table row is one line. */
const LINE_BREAK = /\r\n|[\r\n\0]/g;
const oneLine = (s: string): string => s.replace(LINE_BREAK, " ");

/** Characters that start markup wherever they are (`\` first, so the escapes added are not escaped again). */
const ALWAYS = /[\\`*~[\]<>&|]/g;
/** A letter or digit: `_` between two of them never opens or closes emphasis. */
const WORD = /[\p{L}\p{N}]/u;

/** `s` as plain text: every character shows as itself. */
export function mdText(s: string): string {
  const line = oneLine(s);
  let out = "";
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] as string;
    if (ch === "_") {
      const inWord = WORD.test(line[i - 1] ?? "") && WORD.test(line[i + 1] ?? "");
      out += inWord ? ch : "\\_";
    } else out += ch.replace(ALWAYS, "\\$&");
  }
  return out;
}

/**
 * `s` as a code span, inside a table cell when `inTable`. The fence is one backtick longer
 * than the longest run inside; a space pads content that starts or ends with a backtick or
 * with spaces on both ends (the parser strips one from each side). In a table a `|` is
 * written `\|`: the table splits cells before it reads code spans.
 */
export function mdCode(s: string, inTable: boolean): string {
  const line = oneLine(s);
  // No empty code span exists: two backticks would open a longer fence.
  if (line === "") return "";
  const longest = Math.max(0, ...[...line.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  const pad = /^`|`$/.test(line) || /^ .*[^ ].* $/s.test(line) ? " " : "";
  const body = inTable ? line.replace(/\|/g, "\\|") : line;
  return `${fence}${pad}${body}${pad}${fence}`;
}

/**
 * A schema text whose `inline code` (a backtick pair, as the HTML page reads it) becomes a
 * code span and whose other characters are plain text. Adjacent spans are joined: two spans
 * written side by side would read as one longer fence.
 */
export function mdRich(s: string, inTable: boolean): string {
  const line = oneLine(s);
  const parts: Array<{ code: boolean; text: string }> = [];
  let last = 0;
  for (const m of line.matchAll(/`([^`]+)`/g)) {
    if (m.index > last) parts.push({ code: false, text: line.slice(last, m.index) });
    const prev = parts.at(-1);
    if (prev?.code) prev.text += m[1];
    else parts.push({ code: true, text: m[1] as string });
    last = m.index + m[0].length;
  }
  parts.push({ code: false, text: line.slice(last) });
  return parts.map((p) => (p.code ? mdCode(p.text, inTable) : mdText(p.text))).join("");
}
