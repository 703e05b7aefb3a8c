import { readFileSync, writeFileSync } from "node:fs";
import { findRepoRoot } from "@org/contract-model";
import { afterAll, describe, expect, it } from "vitest";
import { RULES_DOC, ruleCatalogue } from "../src/catalogue-doc.js";
import { removeTemplates, runCli, tempRepo } from "./temp-repo.js";

const ROOT = `${findRepoRoot(import.meta.url)}/`;
const DOCS = ["tools/contract/README.md", "docs/releasing.md"];
/** `<!-- contract-output: check --format github -->` then a fenced block holding `$ pnpm -s contract:<args>` and its output. */
const BLOCK = /<!-- contract-output: (.+?) -->\n```(\w+)\n([\s\S]*?)```/g;

afterAll(() => removeTemplates());

/** Commit ids differ from run to run (the temporary repository is new each time). */
const normalise = (text: string) =>
  text
    .replace(/\b[0-9a-f]{10}\b/g, "<commit>")
    .replace(/\b[0-9a-f]{40}\b/g, "<commit>")
    .trimEnd();

/**
 * The scenario every pasted run uses: the test fixture's contract at version 1.0.0, then
 * model_price_error moved from 500 to 409 and Retry-After allowed on 502, with a pending
 * changeset that asks for a minor release.
 */
async function runScenario(args: string): Promise<string> {
  const repo = tempRepo();
  try {
    repo.editSchema("error-code.schema.json", (s) => (s.anyOf[4]["x-error"].status = 409));
    repo.editSchema(
      "error-envelope.schema.json",
      (s) => (s["x-http-statuses"].find((r: { status: number }) => r.status === 502).retryAfter = true),
    );
    repo.write(".changeset/brave-cats.md", '---\n"@org/error-types": minor\n---\n\nmodel_price_error is a conflict.\n');
    const r = await runCli(args.split(" "), repo.root);
    return [`$ pnpm -s contract:${args}`, r.stdout || r.stderr, `(exit ${r.code})`].join("\n");
  } finally {
    repo.remove();
  }
}

describe("documentation", () => {
  it(`${RULES_DOC} is the generated rule catalogue (pnpm --filter @org/contract-tools run rules)`, () => {
    expect(readFileSync(`${ROOT}${RULES_DOC}`, "utf8")).toBe(ruleCatalogue());
  });

  it.each(DOCS)("the runs pasted in %s are what the tool prints", async (doc) => {
    const path = `${ROOT}${doc}`;
    const text = readFileSync(path, "utf8");
    const blocks = [...text.matchAll(BLOCK)];
    expect(blocks.length).toBeGreaterThan(0);
    let updated = text;
    for (const [whole, args, lang, pasted] of blocks) {
      const real = await runScenario(args as string);
      // UPDATE_DOCS=1 rewrites the blocks from a real run (then review the diff).
      if (process.env["UPDATE_DOCS"] === "1")
        updated = updated.replace(whole, `<!-- contract-output: ${args} -->\n\`\`\`${lang}\n${real}\n\`\`\``);
      else expect(normalise(pasted as string), `${doc}: contract:${args}`).toBe(normalise(real));
    }
    if (updated !== text) writeFileSync(path, updated);
  });
});
