// Sums vitest's JSON reports (test-results.json in every workspace package) into one line,
// "N passed, N failed", the last line CI prints. Exits 1 when no report was found, since a
// green run that executed no test would be a lie.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

let passed = 0;
let failed = 0;
let reports = 0;
for (const group of ["packages", "tools", "examples"]) {
  if (!existsSync(group)) continue;
  for (const name of readdirSync(group)) {
    const file = join(group, name, "test-results.json");
    if (!existsSync(file)) continue;
    const report = JSON.parse(readFileSync(file, "utf8"));
    reports++;
    passed += report.numPassedTests ?? 0;
    failed += report.numFailedTests ?? 0;
    // A suite that failed to load has no failed test, only success: false; its tests never ran.
    if (report.success === false && !report.numFailedTests) failed += Math.max(1, report.numFailedTestSuites ?? 0);
    console.log(`${file}: ${report.numPassedTests} passed, ${report.numFailedTests} failed`);
  }
}
if (reports === 0) {
  console.log("no test report found");
  console.log("0 passed, 1 failed");
  process.exit(1);
}
console.log(`${passed} passed, ${failed} failed`);
