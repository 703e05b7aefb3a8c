import type { SchemaName } from "./schema-files.js";

/** The JSON type a fact must have in the schema. */
export type JsonType = "string" | "integer" | "boolean" | "array" | "object";

/** What a generated output or a tool is called in the vocabulary's `outputs` column. */
export type Output =
  | "types"
  | "catalog"
  | "http"
  | "facts"
  | "records"
  | "docs"
  | "openapi"
  | "errors-json"
  | "html-page"
  | "validators"
  | "contract-diff";

/** A check a fact's value must pass in strict mode, besides its JSON type (see strict/checks.ts). */
export type FactCheck = "non-empty" | "status" | "https-url" | "header-name" | "media-type" | "regex" | "positive";

/** One fact of the contract: where it sits, what it is, who reads it, which diff rule watches it. */
export interface Fact {
  /** The schema file it sits in. */
  readonly file: SchemaName;
  /** JSON Pointer to it; `*` stands for every entry of a list (`/anyOf/*` is every code). */
  readonly pointer: string;
  readonly json: JsonType;
  /** Strict mode: a schema without it is rejected. */
  readonly required: boolean;
  readonly check?: FactCheck;
  /** The generated outputs (and tools) that use it. */
  readonly outputs: readonly Output[];
  /** The contract diff rule that reports an edit of it. */
  readonly rule: string;
  /** What it means, for people and for the generated JSDoc. */
  readonly doc: string;
  /** Its member in the record type @org/error-types exposes (per-code and per-status facts). */
  readonly record?: { readonly member: string; readonly ts: string; readonly doc: string };
  /** The constant @org/error-types exports with its value (contract-wide scalar facts). */
  readonly constant?: string;
}

/** A fact read from the schemas, with where it sits. */
export interface Located<T> {
  value: T;
  file: SchemaName;
  pointer: string;
}

/** Freezes a value and everything in it: the table is read by every tool, none may change it. */
function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const member of Object.values(value)) deepFreeze(member);
  }
  return value;
}

/** Builds the vocabulary with its keys kept literal (`FactId`), every row checked against {@link Fact}, deeply frozen. */
export const defineVocabulary = <T extends Record<string, Fact>>(rows: T): Readonly<T> => deepFreeze(rows);

/** Where the per-code facts sit: the `x-error` object of each `{ "const": code }` entry. */
export const CODE_META = "/anyOf/*/x-error";
/** Where the per-status facts sit: each row of the HTTP status table. */
export const STATUS_ROW = "/x-http-statuses/*";
/** Where the contract-wide facts sit. */
export const CONTRACT_SETTINGS = "/x-contract";
/** The strict envelope's body members. */
export const BODY_MEMBERS = "/$defs/ErrorBody/properties";
