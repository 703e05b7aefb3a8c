import { ERROR_CODES } from "@org/error-types";
import { describe, expect, it } from "vitest";
import { expectedFor, TARGET } from "../src/catalog.js";
import { visibleCodes } from "../src/browser.js";
import { sharedBrowser } from "./shared-browser.js";

const withPage = sharedBrowser();

describe("anchors: the target of doc_url", () => {
  it(`opening ...#${TARGET} shows, marks, focuses and scrolls to that entry`, async () => {
    await withPage(`#${TARGET}`, { viewport: { width: 1024, height: 600 } }, async ({ page, problems }) => {
      const row = page.locator(`[id="${TARGET}"]`);
      await expect(row.isVisible()).resolves.toBe(true);
      await expect(
        row.evaluate((r) => r.matches(":target") && r.classList.contains("hit") && document.activeElement === r),
      ).resolves.toBe(true);
      await expect(row.evaluate((r) => getComputedStyle(r).outlineStyle)).resolves.not.toBe("none");
      const box = await row.boundingBox();
      expect(box && box.y >= 0 && box.y + box.height <= 600).toBe(true);
      expect(await page.$$eval("#codes tr.hit", (rs) => rs.map((r) => r.id))).toEqual([TARGET]);
      expect(problems).toEqual([]);
    });
  });

  it.each([`#${encodeURIComponent(TARGET)}`, "#channel%3ano_available_key"])(
    "a percent-encoded hash (%s) marks the same entry",
    async (hash) => {
      await withPage(hash, {}, async ({ page, problems }) => {
        expect(await page.$$eval("#codes tr.hit", (rs) => rs.map((r) => r.id))).toEqual([TARGET]);
        expect(problems).toEqual([]);
      });
    },
  );

  it.each(["#no_such_code", "#%E0%A4%A", "#", "#codes-h", "#%3Cimg%20src%3Dx%3E"])(
    "an unknown or malformed hash (%s) marks nothing and breaks nothing",
    async (hash) => {
      await withPage(hash, {}, async ({ page, problems }) => {
        expect(await page.$$eval("#codes tr.hit", (rs) => rs.length)).toBe(0);
        expect(await visibleCodes(page)).toEqual([...ERROR_CODES]);
        await page.locator("#q").pressSequentially("quota");
        expect(await visibleCodes(page)).toEqual(expectedFor("quota"));
        expect(problems).toEqual([]);
      });
    },
  );

  it("a code linked from the status table becomes the marked entry", async () => {
    await withPage("", {}, async ({ page }) => {
      await page.locator('#statuses + p + table a[href="#read_request_body_failed"]').first().click();
      await page.waitForFunction(() => document.getElementById("read_request_body_failed")?.classList.contains("hit"));
      await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("read_request_body_failed");
    });
  });

  it("the entry named by the hash stays shown and marked even when the filter hides it, and a new hash moves the mark", async () => {
    await withPage("", {}, async ({ page }) => {
      await page.fill("#q", "quota");
      expect(await visibleCodes(page)).toEqual(expectedFor("quota"));
      await page.evaluate((h) => (location.hash = h), TARGET);
      await page.waitForFunction((id) => document.getElementById(id)?.classList.contains("hit"), TARGET);
      expect(await visibleCodes(page)).toEqual(expect.arrayContaining([TARGET, ...expectedFor("quota")]));
      await page.evaluate(() => (location.hash = "model_not_found"));
      await page.waitForFunction(() => document.getElementById("model_not_found")?.classList.contains("hit"));
      expect(await page.$$eval("#codes tr.hit", (rs) => rs.map((r) => r.id))).toEqual(["model_not_found"]);
      expect(await visibleCodes(page)).not.toContain(TARGET);
    });
  });
});
