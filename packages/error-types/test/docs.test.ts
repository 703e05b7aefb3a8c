import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ERROR_CATALOG, ERROR_CODES } from "../src/index.js";
import { tableAfter } from "./reference.js";

const docs = readFileSync(fileURLToPath(new URL("../../../docs/errors.md", import.meta.url)), "utf8");
const lines = docs.split("\n");

describe("docs/errors.md reproduces the reference", () => {
  it("carries the do-not-edit banner naming the command", () => {
    expect(lines[0]).toContain("do not edit");
    expect(lines[0]).toContain("pnpm generate");
  });

  it.each(tableAfter("error-reference.md", "## HTTP status codes"))("status row %s is there verbatim", (...cells) => {
    expect(lines).toContain(`| ${cells.join(" | ")} |`);
  });

  it.each(tableAfter("error-reference.md", "## Business error codes"))("code row %s is there, its columns first", (...cells) => {
    const prefix = `| ${cells.join(" | ")} |`;
    const row = lines.find((l) => l.startsWith(prefix));
    expect(row, prefix).toBeDefined();
    const entry = ERROR_CATALOG[cells[0] as keyof typeof ERROR_CATALOG];
    expect(row).toBe(`${prefix} ${entry.status} | ${entry.type} | ${entry.retryable ? "yes" : "no"} |`);
  });

  it("has the envelope example and the code count note", () => {
    expect(docs).toContain('{ "error": { "message": "...", "type": "...", "code": "invalid_request" } }');
    expect(docs).toContain(`(${ERROR_CODES.length} codes. Note the \`channel:\` prefix on 4 of them: the colon is part of the code string.)`);
  });
});
