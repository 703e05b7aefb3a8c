import { Ajv2020, type Options } from "ajv/dist/2020.js";
import { keysOf } from "./pointer.js";
import { VOCABULARY } from "./vocabulary-table.js";

/**
 * The contract's metadata keywords, as the vocabulary places them (the per-code metadata, the
 * HTTP status table, the contract-wide settings): annotations that ajv must know so strict
 * mode stays on.
 */
export const METADATA_KEYWORDS: readonly string[] = Object.freeze([
  ...new Set(Object.values(VOCABULARY).flatMap((f) => keysOf(f.pointer).filter((k) => k.startsWith("x-")))),
]);

/**
 * Ajv warnings become errors, except the one deprecation we opt into on purpose: `unicode:
 * false` (still honoured by ajv 8) makes `maxLength` a plain `.length` compare.
 */
export const AJV_LOGGER = {
  log: () => undefined,
  warn: (...args: unknown[]) => {
    const message = args.join(" ");
    if (!message.includes("option unicode")) throw new Error(`ajv: ${message}`);
  },
  error: (...args: unknown[]) => {
    throw new Error(`ajv: ${args.join(" ")}`);
  },
};

/**
 * A strict-mode ajv that knows the contract's metadata keywords (annotations, no validation).
 * `allowUnionTypes` lets `"type": ["string", "null"]` through; strict mode stays on.
 */
export function createStrictAjv(options: Options = {}): Ajv2020 {
  const ajv = new Ajv2020({
    strict: true,
    allowUnionTypes: true,
    allErrors: true,
    unicode: false,
    logger: AJV_LOGGER,
    ...options,
  });
  ajv.addVocabulary([...METADATA_KEYWORDS]);
  return ajv;
}
