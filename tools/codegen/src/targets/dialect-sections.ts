import type { Contract } from "../contract.js";
import { type Cell, dialectTables, type Table } from "./dialect-tables.js";
import { mdCode, mdRich, mdText } from "./markdown.js";

/** Escapes text for HTML element content and double-quoted attribute values. */
const esc = (s: string): string =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
/** Escaped, with the schema texts' `inline code` as <code>. */
const richHtml = (s: string): string => esc(s).replace(/`([^`]+)`/g, "<code>$1</code>");

function mdCell(c: Cell): string {
  if ("all" in c) return c.all.map(mdCell).join(c.sep);
  if ("code" in c) return c.code === "" ? "" : mdCode(c.code, true);
  if ("rich" in c) return mdRich(c.rich, true);
  return mdText(c.text);
}

function htmlCell(c: Cell): string {
  if ("all" in c) return c.all.map(htmlCell).join(esc(c.sep));
  if ("code" in c) return `<code>${esc(c.code)}</code>`;
  if ("rich" in c) return richHtml(c.rich);
  return esc(c.text);
}

const mdTable = (t: Table): string =>
  [
    `${t.caption}:`,
    "",
    `| ${t.head.map(mdText).join(" | ")} |`,
    `|${t.head.map(() => "---|").join("")}`,
    ...t.rows.map((r) => `| ${r.map(mdCell).join(" | ")} |`),
  ].join("\n");

const htmlTable = (t: Table): string =>
  [
    `<table class="cards">`,
    `<caption>${esc(t.caption)}</caption>`,
    `<thead><tr>${t.head.map((h) => `<th scope="col">${esc(h)}</th>`).join("")}</tr></thead>`,
    "<tbody>",
    ...t.rows.map(
      (r) =>
        `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row" data-l="${esc(t.head[0] ?? "")}">${htmlCell(c)}</th>` : `<td data-l="${esc(t.head[i] ?? "")}">${htmlCell(c)}</td>`)).join("")}</tr>`,
    ),
    "</tbody>",
    "</table>",
  ].join("\n");

/** A fenced block whose fence is longer than any backtick run inside. */
const fenced = (lang: string, body: string): string => {
  const fence = "`".repeat(Math.max(3, ...[...body.matchAll(/`+/g)].map((m) => m[0].length + 1)));
  return `${fence}${lang}\n${body.trimEnd()}\n${fence}`;
};

/** docs/errors.md's "Dialects" section: what it means, the tables, and each dialect with its example body and event. */
export function dialectsMarkdown(contract: Contract): string {
  const { tables, dialects } = dialectTables(contract);
  const each = dialects.map((d) =>
    [
      `### ${mdCode(d.dialect, false)} (${mdText(d.title)})`,
      "",
      mdRich(d.description, false),
      "",
      `The body of ${mdCode(d.example.code, false)} (${d.example.status}) on this surface:`,
      "",
      fenced("json", JSON.stringify(d.example.body, null, 2)),
      "",
      "The same error inside a started event stream:",
      "",
      fenced("text", d.example.event),
    ].join("\n"),
  );
  return `## Dialects

${mdRich(contract.dialects.description, false)}

${tables.map(mdTable).join("\n\n")}

${each.join("\n\n")}
`;
}

/** The reference page's "Dialects" section, from the same tables. */
export function dialectsHtml(contract: Contract): string {
  const { tables, dialects } = dialectTables(contract);
  const each = dialects.map(
    (d) =>
      `<h3 id="dialect-${esc(d.dialect)}"><code>${esc(d.dialect)}</code> (${esc(d.title)})</h3>\n<p>${richHtml(d.description)}</p>\n` +
      `<p>The body of <code>${esc(d.example.code)}</code> (${d.example.status}) on this surface:</p>\n<pre><code>${esc(JSON.stringify(d.example.body, null, 2))}</code></pre>\n` +
      `<p>The same error inside a started event stream:</p>\n<pre><code>${esc(d.example.event.trimEnd())}</code></pre>`,
  );
  return `<h2 id="dialects">Dialects</h2>
<p>${richHtml(contract.dialects.description)}</p>
${tables.map(htmlTable).join("\n")}
${each.join("\n")}`;
}
