import { agreementCorpus } from "./samples.js";

/** A peer whose answers differ from the labels: it does not implement the same shape. */
export interface Disagreement {
  label: string;
  expected: boolean;
  got: boolean | string;
}

/**
 * Runs `check` over the labelled corpus and returns every case where it disagrees with the
 * contract's rules (an exception counts as a disagreement). Empty means faithful.
 */
export function disagreements(check: (data: unknown) => boolean): Disagreement[] {
  const out: Disagreement[] = [];
  for (const { value, valid, label } of agreementCorpus()) {
    let got: boolean | string;
    try {
      got = check(value);
    } catch (e) {
      got = `threw ${(e as Error).message}`;
    }
    if (got !== valid) out.push({ label, expected: valid, got });
  }
  return out;
}
