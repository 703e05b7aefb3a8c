/** What an error without a business code writes in a dialect: the member with null, or nothing. */
export type Codeless = "null" | "omit";

/** The error event of a dialect inside a started event stream. */
export interface DialectSse {
  /** The event's name; null: an unnamed event (`data:` only). */
  event: string | null;
  /** Where the root boolean that stands in for `x-should-retry` goes in the event's data. */
  retryable: string;
}

/** One dialect: how a contract error is rendered on one API surface (x-dialects), as read and checked. */
export interface DialectEntry {
  /** Its name (`openai`, `anthropic`, `gemini`). */
  dialect: string;
  title: string;
  description: string;
  /** The response headers that carry the request id, the contract's header first. */
  requestIdHeaders: string[];
  /** The surface's type name for each contract type. */
  types: Record<string, string>;
  /** Surface type names that replace the type's at an HTTP status (keys: statuses of the table). */
  statusTypes: Record<string, string>;
  /** Members every body has: JSON Pointer -> value. */
  constants: Record<string, string>;
  /** Where each ErrorBody member goes: member -> JSON Pointer. */
  members: Record<string, string>;
  /** Object members written as strings into the object `members` names: member -> name prefix. */
  spread: Record<string, string>;
  /** Where the HTTP status goes as a number, or null. */
  statusMember: string | null;
  codeless: Codeless;
  sse: DialectSse;
}

/** The dialects, with what their data means (the schema's description), in schema order. */
export interface DialectSet {
  description: string;
  dialects: DialectEntry[];
}
