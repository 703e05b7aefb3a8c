import type { Contract } from "../contract.js";
import { dialectTables } from "./dialect-tables.js";
import { mdCode, mdRich, mdText } from "./markdown.js";
import { esc, htmlTable, mdTable, richHtml } from "./table-render.js";

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
