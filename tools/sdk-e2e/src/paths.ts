import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** This package's directory. */
export const PACKAGE_DIR = join(dirname(fileURLToPath(import.meta.url)), "..");

/** The generated table, committed at the repository's docs/. */
export const COMPATIBILITY_PATH = join(PACKAGE_DIR, "..", "..", "docs", "compatibility.md");
