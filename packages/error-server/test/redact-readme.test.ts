import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { renderRedactionTables, TABLE_BEGIN, TABLE_END } from "./helpers/redaction-table.js";

const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");

describe("the README's redaction rule tables match the data", () => {
  it("are the tables rendered from redact-rules.data.ts and SECRET_RULES (re-render on a change)", () => {
    const begin = readme.indexOf(TABLE_BEGIN);
    const end = readme.indexOf(TABLE_END);
    expect(begin).toBeGreaterThan(0);
    expect(readme.slice(begin, end + TABLE_END.length)).toBe(renderRedactionTables());
  });
});
