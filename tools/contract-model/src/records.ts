import type { DialectSet } from "./dialect-records.js";
import type { JsonObject } from "./json.js";
import type { SchemaName } from "./schema-files.js";

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

/** One HTTP status the contract uses (the envelope schema's status table). */
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

/** Contract-wide facts (the envelope schema's settings). */
export interface ContractRules {
  /** Where the reference is hosted; a code's entry is this + "#" + code. */
  referenceUrl: string;
  /** The message cap services apply, in Unicode code points. */
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

/** A name grammar: an anchored pattern and a length cap in code points. */
export interface NameGrammar {
  pattern: string;
  maxLength: number;
}

/** The protocol's names and the grammars of names, stated in the schemas. */
export interface ContractNames {
  code: NameGrammar;
  member: NameGrammar;
  /** Header names by role (`shouldRetry`, `errorCode`, `requestId`). */
  headers: Record<string, string>;
  problemMediaType: string;
  /** What a `doc_url` is: the strict envelope schema's pattern and maxLength. */
  docUrl: NameGrammar;
  /** What an upstream provider's name is (`error.upstream.provider`, contract 1.2): pattern and maxLength; absent before 1.2. */
  upstreamProvider?: NameGrammar | undefined;
}

/** A record with where it sits. */
export type WithPointer<T> = T & { pointer: string };

/** The contract as the strict reader returns it: typed, checked, each record with its pointer. */
export interface CheckedContract {
  schemas: Record<SchemaName, JsonObject>;
  codes: Array<WithPointer<CodeEntry>>;
  types: Array<WithPointer<TypeEntry>>;
  statuses: Array<WithPointer<StatusRow>>;
  rules: ContractRules;
  names: ContractNames;
  /** Every contract-wide fact of the vocabulary that has a constant, by constant name, in table order. */
  constants: Record<string, ContractConstant>;
  /** The members of the record types @org/error-types exposes, in table order. */
  records: { code: RecordMember[]; status: RecordMember[] };
  /** How a contract error is rendered on each API surface (x-dialects, contract 1.2). */
  dialects: DialectSet;
}

/** A contract-wide fact exported as a constant, with its doc and where it sits. */
export interface ContractConstant {
  value: string | number;
  doc: string;
  pointer: string;
}

/** One member of a generated record type. */
export interface RecordMember {
  member: string;
  /** Its TypeScript type, naming `HttpErrorStatus` / `ErrorType` where needed. */
  ts: string;
  doc: string;
}
