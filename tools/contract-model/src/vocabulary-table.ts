import { CONTRACT_WIDE_FACTS } from "./facts/contract-wide.js";
import { DIALECT_FACTS } from "./facts/dialects.js";
import { NAME_FACTS } from "./facts/names.js";
import { CODE_FACTS } from "./facts/per-code.js";
import { STATUS_FACTS } from "./facts/per-status.js";
import { defineVocabulary } from "./vocabulary.js";

/**
 * The contract's vocabulary: every fact the schemas state beyond plain JSON Schema, one row
 * each (where it sits, its JSON type, the outputs that use it, the diff rule that watches
 * it). The readers (strict for codegen, lenient for the contract diff), the record types of
 * @org/error-types and its generated constants are all driven by this table, so adding a
 * fact is one schema edit plus one row in one of these groups. Row order is record order.
 */
export const VOCABULARY = defineVocabulary({
  ...CODE_FACTS,
  ...STATUS_FACTS,
  ...CONTRACT_WIDE_FACTS,
  ...NAME_FACTS,
  ...DIALECT_FACTS,
});

/** The name of one fact of the vocabulary. */
export type FactId = keyof typeof VOCABULARY;
