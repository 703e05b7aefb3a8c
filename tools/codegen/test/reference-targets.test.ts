import { appendFileSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { generateAll } from "../src/generate.js";
import { OUT } from "../src/layout.js";
import { runCli, tempRepo } from "./temp-repo.js";

const HTML = OUT.reference("errors.html");
const JSON_FILE = OUT.reference("errors.json");

/** Edits one schema file of the temporary repository as JSON. */
function editSchema(root: string, file: string, edit: (schema: Record<string, any>) => void): void {
  const path = join(root, "schemas", file);
  const schema = JSON.parse(readFileSync(path, "utf8")) as Record<string, any>;
  edit(schema);
  writeFileSync(path, JSON.stringify(schema, null, 2));
}

const codeEntry = (schema: Record<string, any>, code: string): Record<string, any> =>
  (schema["anyOf"] as Array<Record<string, any>>).find((e) => e["const"] === code)?.["x-error"] as Record<string, any>;

describe("the reference page and errors.json follow schemas/", () => {
  let repo: ReturnType<typeof tempRepo>;
  beforeEach(() => {
    repo = tempRepo();
  });
  afterEach(() => repo.remove());

  it("a new reference URL and a code's meaning change both files, with no other edit", async () => {
    editSchema(
      repo.root,
      "error-envelope.schema.json",
      (s) => (s["x-contract"].referenceUrl = "https://docs.example.test/errors/v1"),
    );
    editSchema(repo.root, "error-code.schema.json", (s) => {
      codeEntry(s, "model_not_found").meaning = 'Model <b>not</b> found & "gone"';
    });
    const files = await generateAll(repo.root);
    const html = files.get(HTML) ?? "";
    const catalog = JSON.parse(files.get(JSON_FILE) ?? "{}") as {
      reference_url: string;
      codes: Array<{ code: string; meaning: string; doc_url: string }>;
    };
    expect(catalog.reference_url).toBe("https://docs.example.test/errors/v1");
    const entry = catalog.codes.find((c) => c.code === "model_not_found");
    expect(entry).toMatchObject({
      meaning: 'Model <b>not</b> found & "gone"',
      doc_url: "https://docs.example.test/errors/v1#model_not_found",
    });
    // The page: the text escaped (never markup), the copy-link base the new URL.
    expect(html).toContain("Model &lt;b&gt;not&lt;/b&gt; found &amp; &quot;gone&quot;");
    expect(html).not.toContain("<b>not</b>");
    expect(html).toContain('data-base="https://docs.example.test/errors/v1"');
  });

  it.each(["count", "q", "codes", "statuses"])(
    "a code equal to an id of the page itself (%s) is a schema error, nothing generated",
    async (id) => {
      editSchema(repo.root, "error-code.schema.json", (s) => {
        (s["anyOf"] as Array<Record<string, any>>)[0]!["const"] = id;
      });
      // The upstream mapping names the code too: renamed there as well, so the page's own check speaks.
      const dir = join(repo.root, "schemas/upstream");
      for (const file of readdirSync(dir))
        writeFileSync(
          join(dir, file),
          readFileSync(join(dir, file), "utf8").replaceAll('"invalid_request"', `"${id}"`),
        );
      await expect(generateAll(repo.root)).rejects.toThrow(
        new RegExp(`error-code\\.schema\\.json: code "${id}" cannot be an anchor`),
      );
    },
  );

  it("an attribute-breaking reference URL is escaped in the page", async () => {
    editSchema(
      repo.root,
      "error-envelope.schema.json",
      (s) => (s["x-contract"].referenceUrl = 'https://docs.example.test/e?a=1&b="x"'),
    );
    const html = (await generateAll(repo.root)).get(HTML) ?? "";
    expect(html).toContain('data-base="https://docs.example.test/e?a=1&amp;b=&quot;x&quot;"');
  });

  it("every code gets its row, status cell and filterable statuses, canonical first", async () => {
    const files = await generateAll(repo.root);
    const html = files.get(HTML) ?? "";
    const catalog = JSON.parse(files.get(JSON_FILE) ?? "{}") as { codes: Array<{ code: string; statuses: number[] }> };
    for (const c of catalog.codes) {
      expect(html, c.code).toContain(`<tr id="${c.code}" data-statuses="${c.statuses.join(" ")}"`);
    }
    expect(catalog.codes.find((c) => c.code === "read_request_body_failed")?.statuses).toEqual([400, 413, 415]);
  });

  it.each([HTML, JSON_FILE, OUT.reference("errors.schema.json")])(
    "check fails, naming the file, when %s is edited by hand",
    async (path) => {
      expect((await runCli(["generate", "--root", repo.root])).code).toBe(0);
      appendFileSync(join(repo.root, path), "\n");
      const check = await runCli(["check", "--root", repo.root]);
      expect(check.code).toBe(1);
      expect(check.stderr).toContain(`differs ${path}`);
    },
  );

  it("the page is the same bytes on every run (no dates, no randomness)", async () => {
    const [a, b] = [await generateAll(repo.root), await generateAll(repo.root)];
    expect(a.get(HTML)).toBe(b.get(HTML));
    expect(a.get(HTML)).toMatch(/^<!doctype html>\n<!-- Generated .* `pnpm generate` .* -->\n/);
  });
});
