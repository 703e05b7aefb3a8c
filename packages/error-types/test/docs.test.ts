import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  ERROR_CATALOG,
  ERROR_CODES,
  HTTP_ERROR_STATUSES,
  HTTP_STATUSES,
  MAX_MESSAGE_LENGTH,
  MAX_MESSAGE_SCHEMA_LENGTH,
} from "../src/index.js";
import { tableAfter } from "./reference.js";

const docs = readFileSync(fileURLToPath(new URL("../../../docs/errors.md", import.meta.url)), "utf8");
const lines = docs.split("\n");

describe("docs/errors.md reproduces the reference", () => {
  it("carries the do-not-edit banner naming the command", () => {
    expect(lines[0]).toContain("do not edit");
    expect(lines[0]).toContain("pnpm generate");
  });

  const statusRows = tableAfter("error-reference.md", "## HTTP status codes");
  const rowOf = (status: number | string): string | undefined => lines.find((l) => l.startsWith(`| ${status} |`));

  it.each(statusRows.filter(([status]) => ["400", "401", "403", "404"].includes(status as string)))(
    "status row %s keeps the reference's columns first, verbatim",
    (...cells) => {
      expect(rowOf(cells[0] as string)?.startsWith(`| ${cells.join(" | ")} |`)).toBe(true);
    },
  );

  it.each(HTTP_ERROR_STATUSES)(
    "status %i has a row: meaning, cause, reason, type, every code it may carry, Retry-After",
    (status) => {
      const entry = HTTP_STATUSES[status];
      const codes = ERROR_CODES.filter((code) =>
        (ERROR_CATALOG[code].statuses as readonly number[]).includes(status),
      ).map((c) => `\`${c}\``);
      if (entry.codeless) codes.push("`null`");
      const cells = [
        status,
        entry.meaning,
        entry.cause,
        entry.reason,
        entry.type,
        codes.join(", ") || "-",
        entry.retryAfter ? "yes" : "no",
      ];
      expect(rowOf(status)).toBe(`| ${cells.join(" | ")} |`);
    },
  );

  it("the 429 row says what a client gets instead of a dead link; no row tells anyone to retry unconditionally", () => {
    expect(rowOf(429)).toContain("`Retry-After`");
    expect(rowOf(429)).toContain("`x-should-retry: true`");
    expect(docs).not.toContain("See Rate Limits");
    expect(docs).not.toContain("Retry or contact support |  |");
    for (const status of HTTP_ERROR_STATUSES) expect(HTTP_STATUSES[status].cause, String(status)).not.toMatch(/^Retry/);
    // A 5xx row carrying a code that must never be retried does not advise retrying.
    for (const status of HTTP_ERROR_STATUSES.filter((s) => s >= 500)) {
      const neverRetried = ERROR_CODES.some(
        (code) =>
          !ERROR_CATALOG[code].retryable && (ERROR_CATALOG[code].statuses as readonly number[]).includes(status),
      );
      if (neverRetried) expect(HTTP_STATUSES[status].cause, String(status)).not.toMatch(/(^|; )retry(?! only)/i);
    }
  });

  it("names 413 and 415 for read_request_body_failed with when to use them", () => {
    expect(docs).toContain(
      "- `read_request_body_failed`: 400 by default; 413 when the request body is larger than the server accepts; 415 when the request body is not declared as JSON (wrong Content-Type).",
    );
  });

  it("states the message cap services apply and the schema's maxLength", () => {
    expect(docs).toContain(
      `at most ${MAX_MESSAGE_LENGTH.toLocaleString("en-US")} Unicode code points (a surrogate pair is never split).`,
    );
    expect(docs).toContain(`string (at most ${MAX_MESSAGE_SCHEMA_LENGTH.toLocaleString("en-US")} code points)`);
  });

  it.each(tableAfter("error-reference.md", "## Business error codes"))(
    "code row %s is there, its columns first",
    (...cells) => {
      const prefix = `| ${cells.join(" | ")} |`;
      const row = lines.find((l) => l.startsWith(prefix));
      expect(row, prefix).toBeDefined();
      const entry = ERROR_CATALOG[cells[0] as keyof typeof ERROR_CATALOG];
      expect(row).toBe(`${prefix} ${entry.statuses.join(", ")} | ${entry.type} | ${entry.retryable ? "yes" : "no"} |`);
    },
  );

  it("has the envelope example and the code count note", () => {
    expect(docs).toContain('{ "error": { "message": "...", "type": "...", "code": "invalid_request" } }');
    expect(docs).toContain(
      `(${ERROR_CODES.length} codes. Note the \`channel:\` prefix on 4 of them: the colon is part of the code string.)`,
    );
  });
});
