import { MAX_MESSAGE_SCHEMA_LENGTH } from "@org/error-types";

/**
 * Longest `error.message` the contract accepts, in UTF-16 code units (`string.length`): the
 * schema's `maxLength` (65,536), read from the generated catalog. Longer messages are rejected
 * with a `maxLength` issue after one length compare, never scanned. (Services cut theirs far
 * shorter: `MAX_MESSAGE_LENGTH` of `@org/error-types`.)
 */
export const MAX_MESSAGE_LENGTH = MAX_MESSAGE_SCHEMA_LENGTH;

/**
 * Default cap on the JSON text `parseErrorEnvelope` accepts, in UTF-16 code units. Room for a
 * maximal message even with every character escaped, and far below what would hurt.
 * @default 1_048_576 (1 MiB)
 */
export const DEFAULT_MAX_JSON_LENGTH = 1_048_576;
