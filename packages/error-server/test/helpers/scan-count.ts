/**
 * The work of redaction, counted rather than timed: the length of every text the secret
 * patterns are run over while a function runs (the one RegExp whose source holds them all).
 */
import { SECRET_RULES } from "../../src/core/redact-rules.js";

const SECRET_SOURCE_LENGTH = SECRET_RULES.reduce((sum, [, pattern]) => sum + pattern.length, 0);

/** The lengths of the texts the secret patterns were run over while `run` ran. */
export function scannedLengths(run: () => void): number[] {
  const lengths: number[] = [];
  const original = RegExp.prototype[Symbol.replace];
  RegExp.prototype[Symbol.replace] = function (this: RegExp, text: string, replacement: unknown) {
    if (this.source.length >= SECRET_SOURCE_LENGTH) lengths.push(String(text).length);
    return Reflect.apply(original, this, [text, replacement]) as string;
  } as typeof original;
  try {
    run();
  } finally {
    RegExp.prototype[Symbol.replace] = original;
  }
  return lengths;
}
