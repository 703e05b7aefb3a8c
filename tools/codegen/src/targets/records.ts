import { codeBanner } from "../banner.js";
import type { Contract, RecordMember } from "../contract.js";

/** A doc text inside a JSDoc comment: no comment end, one line. */
const doc = (s: string): string => s.replace(/\*\//g, "*\\/").replace(/\s+/g, " ");
const members = (list: readonly RecordMember[]): string =>
  list.map((m) => `  /** ${doc(m.doc)} */\n  readonly ${m.member}: ${m.ts};`).join("\n");

/**
 * The record types @org/error-types exposes, one member per vocabulary row with a `record`:
 * a per-code fact becomes a member of `ErrorCatalogEntry`, a per-status fact one of
 * `HttpStatusEntry`.
 */
export function generateRecords(contract: Contract): string {
  return `${codeBanner()}
import type { HttpErrorStatus } from "./http.js";
import type { ErrorType } from "./types.js";

/** What the contract says about one business code. */
export interface ErrorCatalogEntry {
${members(contract.records.code)}
}

/** What the contract says about one HTTP status it uses. */
export interface HttpStatusEntry {
${members(contract.records.status)}
}
`;
}
