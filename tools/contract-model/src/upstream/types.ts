/**
 * A value of one of the mapping schema's enums (where an error was seen, a transport failure, a
 * disposition). Plain strings here: the values are facts of the schema, which the reader reads
 * ({@link UpstreamMappings}) and codegen turns into literal types.
 */
export type UpstreamEnumValue = string;

/** What a rule matches: every member given must match; a list matches when any item does. */
export interface UpstreamMatch {
  /** HTTP statuses, or inclusive ranges `[from, to]`. */
  status?: Array<number | [number, number]>;
  /** The error body's `type`. */
  type?: string[];
  /** The error body's `code` (string or number, as the provider sends it). */
  code?: Array<string | number>;
  /** The error body's google.rpc `status` string. */
  errorStatus?: string[];
  /** A response header: present, or its value (before a first `:`) one of `values`. */
  header?: { name: string; values?: string[] };
  /** Where the error was seen (default `body`). */
  in?: UpstreamEnumValue;
  /** Transport failures (match alone). */
  failure?: UpstreamEnumValue[];
  /** The last resort: a regular expression anchored with `^`, against the provider's message. */
  message?: string;
}

/** One rule of a provider's mapping. */
export interface UpstreamRule {
  /** `<provider>.<slug>`, unique across every provider. */
  id: string;
  match: UpstreamMatch;
  /** The contract code to answer with (`null`: a codeless status). */
  code: string | null;
  /** The status to answer with; the reader fills in the code's canonical status when the file gives none. */
  status?: number;
  disposition: UpstreamEnumValue;
  /** The upstream speaks this contract: keep its code and retryability. */
  keepUpstream?: true;
  /** For reviewers: what the provider means and why this answer. */
  description: string;
  /** The https URL of the documentation page or public issue that shows the payload. */
  source: string;
}

/** One provider's mapping (schemas/upstream/<provider>.json). */
export interface UpstreamProviderMapping {
  provider: string;
  title: string;
  /** Response headers carrying the provider's own request id, in order of preference. */
  requestIdHeaders: string[];
  /** Response headers carrying the provider's retry hint, in order of preference. */
  retryAfterHeaders: string[];
  rules: UpstreamRule[];
}

/** A rule as the reader returns it: its status resolved, with the JSON Pointer where it sits in its file. */
export type LocatedUpstreamRule = UpstreamRule & { status: number; pointer: string };

/** A provider's mapping as the reader returns it: with its file (relative to the repository root). */
export interface LocatedUpstreamMapping extends UpstreamProviderMapping {
  file: string;
  rules: LocatedUpstreamRule[];
}

/** One value of a mapping schema enum with its description. */
export interface UpstreamEnumEntry {
  value: string;
  description: string;
}

/** A disposition with whether the answer a rule gives must be retryable (null: either). */
export interface UpstreamDispositionEntry extends UpstreamEnumEntry {
  retryable: boolean | null;
}

/** Every provider's mapping, checked, with the schema's enums (in schema order). */
export interface UpstreamMappings {
  /** Providers in file-name order, `generic` (the fallback) last. */
  providers: LocatedUpstreamMapping[];
  dispositions: UpstreamDispositionEntry[];
  /** Transport failure kinds. */
  failures: UpstreamEnumEntry[];
  /** Where an error was seen (`body` first: the default). */
  seenIn: UpstreamEnumEntry[];
}
