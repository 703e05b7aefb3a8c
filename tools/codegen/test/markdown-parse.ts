import MarkdownIt from "markdown-it";
import type Token from "markdown-it/lib/token.mjs";

/** One table of a parsed document: its cells' text (text and code spans joined), and the inline token types seen. */
export interface ParsedTable {
  header: string[];
  rows: string[][];
  childTypes: Set<string>;
}

/** What an independent parser (markdown-it, raw HTML enabled so that any would show) finds in a document. */
export interface ParsedMarkdown {
  tables: ParsedTable[];
  /** Every list item's inline content, as text. */
  items: string[];
  /** Token types anywhere in the document, inline children included. */
  types: Set<string>;
  /** Inline token types inside list items. */
  itemChildTypes: Set<string>;
}

const text = (inline: Token): string =>
  (inline.children ?? [])
    .map((t) => (t.type === "text" || t.type === "code_inline" ? t.content : ""))
    .join("")
    .trim();

/** Parses `markdown` (GFM tables) with markdown-it. */
export function parseMarkdown(markdown: string): ParsedMarkdown {
  const tokens = new MarkdownIt({ html: true }).parse(markdown, {});
  const out: ParsedMarkdown = { tables: [], items: [], types: new Set(), itemChildTypes: new Set() };
  let table: ParsedTable | undefined;
  let row: string[] | undefined;
  let inItem = 0;
  for (const t of tokens) {
    out.types.add(t.type);
    for (const c of t.children ?? []) out.types.add(c.type);
    if (t.type === "table_open") out.tables.push((table = { header: [], rows: [], childTypes: new Set() }));
    else if (t.type === "table_close") table = undefined;
    else if (t.type === "tr_open") row = [];
    else if (t.type === "tr_close" && table && row) {
      if (table.header.length === 0) table.header = row;
      else table.rows.push(row);
    } else if (t.type === "list_item_open") inItem++;
    else if (t.type === "list_item_close") inItem--;
    else if (t.type === "inline" && table && row) {
      row.push(text(t));
      for (const c of t.children ?? []) table.childTypes.add(c.type);
    } else if (t.type === "inline" && inItem > 0) {
      out.items.push(text(t));
      for (const c of t.children ?? []) out.itemChildTypes.add(c.type);
    }
  }
  return out;
}
