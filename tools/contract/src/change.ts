import type { Bump } from "./bump.js";

/** One classified difference between the schemas at the base and in the working tree. */
export interface Change {
  /** What this change alone requires. */
  bump: Exclude<Bump, "none">;
  /** Schema file the change is in, e.g. `error-code.schema.json`. */
  file: string;
  /** JSON Pointer into the file (in the newer version when the spot still exists). */
  pointer: string;
  /** What changed, in words, e.g. `code "access_denied": status 403 -> 401`. */
  message: string;
}

/** The result of comparing two versions of the contract. */
export interface ContractDiff {
  changes: Change[];
  /** The bump the whole change requires: the strongest of `changes`, `"none"` if empty. */
  bump: Bump;
}
