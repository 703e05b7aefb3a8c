import type { Contract } from "../contract.js";
import { type CatalogDialect, dialectDocument } from "./dialect-doc.js";

/** A table cell, by what it holds: a code span, plain text, a schema text with `inline code`, or several joined. */
export type Cell = { code: string } | { text: string } | { rich: string } | { all: Cell[]; sep: string };
/** A table: its caption, header cells and rows. */
export interface Table {
  caption: string;
  head: string[];
  rows: Cell[][];
}

const code = (s: string): Cell => ({ code: s });
const text = (s: string): Cell => ({ text: s });
const NONE = text("-");

/** The dialects' overview: request-id headers, the stream's error event, what a body without a code writes. */
function overview(dialects: CatalogDialect[]): Table {
  return {
    caption: "Dialects",
    head: ["Dialect", "Request-id headers", "Error event in a stream", "Without a code"],
    rows: dialects.map((d) => [
      { all: [code(d.dialect), text(`(${d.title})`)], sep: " " },
      { all: d.request_id_headers.map(code), sep: ", " },
      d.sse.event === null ? text("unnamed (data: only)") : { all: [text("event:"), code(d.sse.event)], sep: " " },
      d.codeless === "null" ? { all: [code("code"), text("is null")], sep: " " } : text("the code is left out"),
    ]),
  };
}

/** Where each member of the envelope goes on each surface, then the status and the constants. */
function places(dialects: CatalogDialect[]): Table {
  const members = Object.keys(dialects[0]?.members ?? {});
  const place = (d: CatalogDialect, m: string): Cell => {
    const at = d.members[m];
    if (at === undefined) return NONE;
    const prefix = d.spread[m];
    return prefix === undefined
      ? code(at)
      : { all: [code(at), text("as strings named"), code(`${prefix}*`)], sep: " " };
  };
  return {
    caption: "Where each member goes (JSON Pointers into the body)",
    head: ["Member", ...dialects.map((d) => d.dialect)],
    rows: [
      ...members.map((m) => [code(m), ...dialects.map((d) => place(d, m))]),
      [
        text("HTTP status (a number)"),
        ...dialects.map((d) => (d.status_member === null ? NONE : code(d.status_member))),
      ],
      [
        text("always"),
        ...dialects.map((d): Cell => {
          const list = Object.entries(d.constants).map(([p, v]): Cell => ({
            all: [code(p), code(JSON.stringify(v))],
            sep: ": ",
          }));
          return list.length === 0 ? NONE : { all: list, sep: "; " };
        }),
      ],
    ],
  };
}

const surfaceName = (d: CatalogDialect, status: string): string =>
  Object.hasOwn(d.type_by_status, status) ? (d.type_by_status[status] as string) : "";

/** The surface's names: per contract type, and per status for a response without a code. */
function names(contract: Contract, dialects: CatalogDialect[]): Table[] {
  return [
    {
      caption: "Type names by contract type (a status a surface names comes first: see the next table)",
      head: ["Contract type", ...dialects.map((d) => d.dialect)],
      rows: contract.types.map((t) => [
        code(t.type),
        ...dialects.map((d) => code(Object.hasOwn(d.types, t.type) ? (d.types[t.type] as string) : "")),
      ]),
    },
    {
      caption: "Type names by status, for a response without a code",
      head: ["Status", "Contract type", ...dialects.map((d) => d.dialect)],
      rows: contract.statuses.map((s) => [
        text(String(s.status)),
        code(s.type),
        ...dialects.map((d) => {
          const name = surfaceName(d, String(s.status));
          return Object.hasOwn(d.status_types, String(s.status))
            ? { all: [code(name), text("(by status)")], sep: " " }
            : code(name);
        }),
      ]),
    },
  ];
}

/** Every table of the dialects section, in page order, and the dialects themselves (for their examples). */
export function dialectTables(contract: Contract): { tables: Table[]; dialects: CatalogDialect[] } {
  const dialects = dialectDocument(contract);
  return { tables: [overview(dialects), places(dialects), ...names(contract, dialects)], dialects };
}
