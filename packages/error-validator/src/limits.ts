import { MAX_MESSAGE_SCHEMA_LENGTH as SCHEMA_LENGTH } from "@org/error-types";

/**
 * Longest `error.message` the contract accepts, in characters (Unicode code points, JSON
 * Schema's unit: an emoji counts once): the schema's `maxLength` (65,536), read from the
 * generated catalog. The same constant as `MAX_MESSAGE_SCHEMA_LENGTH` of `@org/error-types`.
 * A message longer than twice the cap in UTF-16 code units is rejected without being scanned.
 * (Services cut theirs far shorter: `MAX_MESSAGE_LENGTH` of `@org/error-types`, 8,192.)
 */
export const MAX_MESSAGE_SCHEMA_LENGTH = SCHEMA_LENGTH;

/**
 * The schema's message cap, under the name `@org/error-types` gives the (much lower) cap
 * services apply.
 * @deprecated Use `MAX_MESSAGE_SCHEMA_LENGTH` (same value, 65,536); `MAX_MESSAGE_LENGTH` of
 * `@org/error-types` is the 8,192 cap services apply. This alias goes in the next minor release.
 */
export const MAX_MESSAGE_LENGTH = SCHEMA_LENGTH;

/**
 * Default cap on the JSON text `parseErrorEnvelope` accepts, in UTF-16 code units. Room for a
 * maximal message even with every character escaped, and far below what would hurt.
 * @default 1_048_576 (1 MiB)
 */
export const DEFAULT_MAX_JSON_LENGTH = 1_048_576;
