import type { JsonObject } from "@org/contract-model";

export { isJsonObject, type Json, type JsonObject, schemaBody } from "@org/contract-model";

/** A status a code may be sent with besides its canonical one, and when. */
export interface OtherStatus {
  status: number;
  when: string;
}

/** One business code with the metadata that lives next to it in schemas/error-code.schema.json. */
export interface CodeEntry {
  code: string;
  /** The canonical status. */
  status: number;
  /** Other statuses the code may be sent with, each with when to use it. */
  otherStatuses: OtherStatus[];
  type: string;
  meaning: string;
  action: string;
  retryable: boolean;
}

/** One `type` category from schemas/error-type.schema.json. */
export interface TypeEntry {
  type: string;
  description: string;
}

/** One HTTP status the contract uses (`x-http-statuses` of the envelope schema). */
export interface StatusRow {
  status: number;
  /** The HTTP reason phrase. */
  reason: string;
  /** The `error.type` of a response with this status and no business code. */
  type: string;
  /** Whether a response with this status may carry `Retry-After`. */
  retryAfter: boolean;
  /** Whether a response with this status may have `code: null`. */
  codeless: boolean;
  /** The reference's "Meaning" column. */
  meaning: string;
  /** The reference's "Common cause" column. */
  cause: string;
}

/** A range of statuses (both ends included) with the type and retry rule of the ones not listed. */
export interface StatusClass {
  from: number;
  to: number;
  type: string;
  retryable: boolean;
}

/** Contract-wide facts (`x-contract` of the envelope schema). */
export interface ContractRules {
  /** Where the reference is hosted; a code's entry is this + "#" + code. */
  referenceUrl: string;
  /** The message cap services apply, in UTF-16 code units. */
  maxMessageLength: number;
  /** The schema's `maxLength` of `error.message`. */
  maxMessageSchemaLength: number;
  statusClasses: StatusClass[];
  /** The type of a status outside the table and every class. */
  otherStatusType: string;
  /** Statuses a client retries whatever their class says. */
  retryableStatuses: number[];
  /** Statuses a client never retries whatever their class says. */
  nonRetryableStatuses: number[];
}

/** Everything the targets need, read and checked once. */
export interface Contract {
  /** The contract's version: the version of @org/error-types. */
  version: string;
  /** The source schemas, parsed, by file name. */
  schemas: {
    code: JsonObject;
    type: JsonObject;
    envelope: JsonObject;
    lenient: JsonObject;
  };
  codes: CodeEntry[];
  types: TypeEntry[];
  statuses: StatusRow[];
  rules: ContractRules;
}
