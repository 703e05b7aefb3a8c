import { Ajv2020, type Options } from "ajv/dist/2020.js";

/**
 * The contract's metadata vocabulary: annotations that ajv must know so strict mode stays on.
 * - `x-error` (each code in error-code.schema.json): status, otherStatuses, type, meaning, action, retryable
 * - `x-http-statuses` (error-envelope.schema.json): every HTTP status the contract uses
 * - `x-contract` (error-envelope.schema.json): contract-wide facts (reference URL, message cap, retry rule)
 */
export const METADATA_KEYWORDS = ["x-error", "x-http-statuses", "x-contract"] as const;

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
