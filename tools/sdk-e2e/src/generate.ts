/** `pnpm --filter @org/sdk-e2e run write-table`: runs the matrix and writes docs/compatibility.md. */
import { writeFileSync } from "node:fs";
import { COMPATIBILITY_PATH } from "./paths.js";
import { runMatrix } from "./matrix.js";
import { renderCompatibility } from "./table.js";

writeFileSync(COMPATIBILITY_PATH, renderCompatibility(await runMatrix()));
console.log(`sdk-e2e: wrote ${COMPATIBILITY_PATH}`);
