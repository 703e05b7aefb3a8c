import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

/** One code of the shipped catalog, as the page's tests read it. */
export interface CatalogCode {
  code: string;
  statuses: number[];
  other_statuses: Array<{ status: number; when: string }>;
  meaning: string;
  action: string;
  type: string;
  retryable: boolean;
  doc_url: string;
}
/** @org/error-types/errors.json, resolved through its subpath export. */
export const catalog = JSON.parse(
  readFileSync(createRequire(import.meta.url).resolve("@org/error-types/errors.json"), "utf8"),
) as { codes: CatalogCode[] };
/** The entry the issue names: a code with a colon. */
export const TARGET = "channel:no_available_key";

/** The codes the filter should leave visible for `query`: the page's rule, restated from the catalog. */
export const expectedFor = (query: string): string[] =>
  catalog.codes
    .filter((c) =>
      query
        .toLowerCase()
        .split(/\s+/)
        .filter(Boolean)
        .every((w) => {
          const cls = /^([1-5])xx$/.exec(w);
          if (cls) return c.statuses.some((s) => String(s).startsWith(cls[1] as string));
          return `${c.code} ${c.meaning} ${c.statuses.join(" ")}`.toLowerCase().includes(w);
        }),
    )
    .map((c) => c.code);
