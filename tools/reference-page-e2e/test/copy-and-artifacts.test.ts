import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { ERROR_CODES } from "@org/error-types";
import { describe, expect, it } from "vitest";
import { visibleCodes } from "../src/browser.js";
import { sharedBrowser } from "./shared-browser.js";

const catalog = JSON.parse(
  readFileSync(createRequire(import.meta.url).resolve("@org/error-types/errors.json"), "utf8"),
) as { codes: Array<{ code: string; doc_url: string }> };
/** Test artefacts (gitignored): screenshots a person can look at after a run. */
const ARTIFACTS = fileURLToPath(new URL("../artifacts/", import.meta.url));

const withPage = sharedBrowser();

describe("copy link", () => {
  it("without the Clipboard API, falls back to select-and-copy, and gives focus back to the button", async () => {
    const code = "channel:invalid_key";
    await withPage("", {}, async ({ page }) => {
      await page.evaluate(() => {
        const w = window as unknown as { copied: string[] };
        w.copied = [];
        Object.defineProperty(navigator, "clipboard", { value: undefined });
        // What execCommand("copy") would put on the clipboard: the selected text.
        document.execCommand = (cmd: string) => (
          cmd === "copy" &&
            w.copied.push(String(getSelection() ?? "") || (document.activeElement as HTMLTextAreaElement).value),
          true
        );
      });
      const button = page.getByRole("button", { name: `Copy link to ${code}` });
      await button.click();
      expect(await page.evaluate(() => (window as unknown as { copied: string[] }).copied)).toEqual([
        catalog.codes.find((c) => c.code === code)?.doc_url,
      ]);
      await expect(button.evaluate((b) => document.activeElement === b && b.textContent)).resolves.toBe("Copied");
      await expect(page.locator("textarea").count()).resolves.toBe(0);
    });
  });

  it("when copying fails, says so and shows the link to copy by hand", async () => {
    await withPage("", {}, async ({ page }) => {
      await page.evaluate(() => {
        Object.defineProperty(navigator, "clipboard", {
          value: { writeText: () => Promise.reject(new Error("denied")) },
        });
        document.execCommand = () => false;
      });
      await page.getByRole("button", { name: `Copy link to ${ERROR_CODES[1]}` }).click();
      await page.waitForFunction(() => document.getElementById("copied")?.textContent !== "");
      await expect(page.textContent("#copied")).resolves.toBe(
        `Copy failed: select and copy ${catalog.codes[1]?.doc_url}`,
      );
    });
  });
});

describe("without JavaScript", () => {
  it("every row is there and the controls that need a script are hidden", async () => {
    await withPage("#model_not_found", { javaScriptEnabled: false }, async ({ page }) => {
      expect(await visibleCodes(page)).toEqual([...ERROR_CODES]);
      await expect(page.locator("#q").isVisible()).resolves.toBe(false);
      await expect(page.locator("button.copy:visible").count()).resolves.toBe(0);
      await expect(page.locator('[id="model_not_found"]').evaluate((r) => r.matches(":target"))).resolves.toBe(true);
    });
  });
});

describe("screenshots (test artefacts, in tools/reference-page-e2e/artifacts/)", () => {
  it.each([
    { name: "desktop-light", options: { viewport: { width: 1100, height: 900 } } },
    { name: "phone-dark", options: { viewport: { width: 375, height: 740 }, colorScheme: "dark", isMobile: true } },
  ] as const)("writes the $name screenshot", async ({ name, options }) => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const path = `${ARTIFACTS}${name}.png`;
    rmSync(path, { force: true });
    await withPage("#channel:no_available_key", options, async ({ page }) => {
      // The viewport at the anchored row, not the full page: since 1.2 the page also holds a
      // table per upstream provider, and a full-page capture of it took over 30 s on a busy
      // 2-core machine (a timeout, not a defect of the page).
      await page.screenshot({ path });
    });
    expect(existsSync(path)).toBe(true);
    expect(readFileSync(path).subarray(1, 4).toString()).toBe("PNG");
  });
});
