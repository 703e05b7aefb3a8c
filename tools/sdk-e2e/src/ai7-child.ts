/**
 * The ai 7 rows, run by the Node 22 binary (`node --import tsx src/ai7-child.ts <out.json>`):
 * starts its own service, runs every case in both modes, writes the results as JSON to the
 * file named by its argument (stdout stays free for the SDKs' own warnings).
 */
import { writeFileSync } from "node:fs";
import { runRows } from "./run.js";
import { ai7Runners } from "./sdks/ai7.js";

const out = process.argv[2];
if (out === undefined) throw new TypeError("ai7-child: expected the output file as the first argument");
writeFileSync(out, JSON.stringify(await runRows(ai7Runners)));
