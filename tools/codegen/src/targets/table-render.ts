import type { Cell, Table } from "./dialect-tables.js";
import { mdCode, mdRich, mdText } from "./markdown.js";

/** Escapes text for HTML element content and double-quoted attribute values. */
export const esc = (s: string): string =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
/** Escaped, with the schema texts' `inline code` as <code>. */
export const richHtml = (s: string): string => esc(s).replace(/`([^`]+)`/g, "<code>$1</code>");

/** An https link as a Markdown link whose text is the host and path (the reader checked the URL; `<>` and spaces are escaped). */
const mdLink = (url: string): string => {
  const shown = url.replace(/^https:\/\//, "");
  return `[${mdText(shown.length > 60 ? `${shown.slice(0, 57)}...` : shown)}](<${url.replace(/[<> |]/g, encodeURIComponent)}>)`;
};

function mdCell(c: Cell): string {
  if ("all" in c) return c.all.map(mdCell).join(c.sep);
  if ("link" in c) return /^https:\/\//.test(c.link) ? mdLink(c.link) : mdText(c.link);
  if ("code" in c) return c.code === "" ? "" : mdCode(c.code, true);
  if ("rich" in c) return mdRich(c.rich, true);
  return mdText(c.text);
}

function htmlCell(c: Cell): string {
  if ("all" in c) return c.all.map(htmlCell).join(esc(c.sep));
  if ("link" in c)
    return /^https:\/\//.test(c.link)
      ? `<a href="${esc(c.link)}">${esc(c.link.replace(/^https:\/\//, ""))}</a>`
      : esc(c.link);
  if ("code" in c) return `<code>${esc(c.code)}</code>`;
  if ("rich" in c) return richHtml(c.rich);
  return esc(c.text);
}

export const mdTable = (t: Table): string =>
  [
    `${t.caption}:`,
    "",
    `| ${t.head.map(mdText).join(" | ")} |`,
    `|${t.head.map(() => "---|").join("")}`,
    ...t.rows.map((r) => `| ${r.map(mdCell).join(" | ")} |`),
  ].join("\n");

export const htmlTable = (t: Table): string =>
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
