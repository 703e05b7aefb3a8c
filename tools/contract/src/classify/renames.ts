import type { CodeModel } from "../model.js";
import { canonical } from "./json.js";

/** Counts the work of {@link pairRenames}: one step per key computed and per queue operation. */
export interface WorkCounter {
  steps: number;
}

/** What makes a removed code and an added code one code under a new name. */
const renameKey = (c: CodeModel) => [c.status, c.type, c.retryable, c.meaning].map(canonical).join(",");

/**
 * A removed code and an added code with the same status, type, retryability and meaning are
 * one code under a new name: reported as a rename instead of a removal plus an addition.
 *
 * Each removed code, in order, takes the first added code with the same four facts that is
 * still free (the pairs the first version of this rule chose by comparing every pair). The
 * added codes wait in one queue per key, so the whole pairing is linear in the number of
 * codes (plus the size of their texts) instead of cubic.
 */
export function pairRenames(
  removed: readonly CodeModel[],
  added: readonly CodeModel[],
  work: WorkCounter = { steps: 0 },
): Array<[CodeModel, CodeModel]> {
  const waiting = new Map<string, { codes: CodeModel[]; next: number }>();
  for (const n of added) {
    work.steps += 2;
    const key = renameKey(n);
    const queue = waiting.get(key);
    if (queue) queue.codes.push(n);
    else waiting.set(key, { codes: [n], next: 0 });
  }
  const pairs: Array<[CodeModel, CodeModel]> = [];
  for (const old of removed) {
    work.steps += 2;
    const queue = waiting.get(renameKey(old));
    const match = queue?.codes[queue.next];
    if (queue && match) {
      queue.next++;
      pairs.push([old, match]);
    }
  }
  return pairs;
}
