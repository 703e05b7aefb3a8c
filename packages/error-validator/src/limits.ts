/**
 * Longest `error.message` the contract accepts, in UTF-16 code units (`string.length`). Longer
 * messages are rejected with a `maxLength` issue after one length compare, never scanned.
 */
export const MAX_MESSAGE_LENGTH = 65_536;

/**
 * Default cap on the JSON text `parseErrorEnvelope` accepts, in UTF-16 code units. Room for a
 * maximal message even with every character escaped, and far below what would hurt.
 * @default 1_048_576 (1 MiB)
 */
export const DEFAULT_MAX_JSON_LENGTH = 1_048_576;
