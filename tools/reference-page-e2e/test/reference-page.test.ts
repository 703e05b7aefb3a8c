import { readFileSync } from "node:fs";
import { ERROR_CATALOG, ERROR_CODES } from "@org/error-types";
import { describe, expect, it } from "vitest";
import { catalog, expectedFor, TARGET } from "../src/catalog.js";
import { PAGE_FILE, PAGE_URL, visibleCodes } from "../src/browser.js";
import { sharedBrowser } from "./shared-browser.js";

const withPage = sharedBrowser();

describe("the error reference page in chromium", () => {
  it("loads from file:// with no console error, page error or CSP violation, and fetches nothing else", async () => {
    await withPage("", {}, async ({ page, problems, requests }) => {
      await expect(page.title()).resolves.toContain("Gateway error reference");
      await page.waitForSelector("#q", { state: "visible" });
      expect(problems).toEqual([]);
      expect(requests.map((u) => u.split("#")[0])).toEqual([PAGE_URL]);
      expect(readFileSync(PAGE_FILE).byteLength).toBeLessThan(200 * 1024); // contract 1.2: the dialects and a table per provider
    });
  });

  it("has one row per code, its id the code verbatim, with the catalog's facts and a self-link", async () => {
    await withPage("", {}, async ({ page }) => {
      const rows = await page.$$eval("#codes tbody tr", (trs) =>
        trs.map((tr) => ({
          id: tr.id,
          cells: [...(tr as HTMLTableRowElement).cells].map((c) => c.textContent.trim()),
          href: tr.querySelector("a")?.getAttribute("href"),
        })),
      );
      expect(rows.map((r) => r.id)).toEqual([...ERROR_CODES]);
      for (const [i, c] of catalog.codes.entries()) {
        const row = rows[i];
        expect(row?.href, c.code).toBe(`#${c.code}`);
        expect(row?.cells.slice(0, 3), c.code).toEqual([c.code, c.meaning, c.action]);
        expect(row?.cells.slice(4, 6), c.code).toEqual([c.type, c.retryable ? "yes" : "no"]);
        // Canonical status first, then each other status with when it is used.
        expect(row?.cells[3], c.code).toBe(
          [c.statuses.join(", "), ...c.other_statuses.map((o) => `${o.status}: ${o.when}`)].join(""),
        );
        expect(ERROR_CATALOG[c.code as keyof typeof ERROR_CATALOG]).toMatchObject({
          meaning: c.meaning,
          action: c.action,
          type: c.type,
        });
      }
      // getElementById, not a CSS selector: the colon in channel: codes must need no escaping.
      for (const code of ERROR_CODES)
        expect(await page.evaluate((id) => document.getElementById(id)?.tagName, code), code).toBe("TR");
    });
  });

  it.each([
    "channel",
    "Quota",
    "503",
    "413",
    "5xx",
    "4xx",
    "upstream timeout",
    "400",
    "  channel   key ",
    "(",
    "[a-z]+",
    "no such code",
  ])("typing %j in the filter narrows the rows to the matching codes", async (query) => {
    await withPage("", {}, async ({ page }) => {
      await page.locator("#q").pressSequentially(query);
      const want = expectedFor(query);
      expect(await visibleCodes(page)).toEqual(want);
      expect(want.length).toBeLessThan(ERROR_CODES.length);
      await expect(page.textContent("#count")).resolves.toContain(`${want.length} of ${ERROR_CODES.length}`);
      await page.fill("#q", "");
      expect(await visibleCodes(page)).toEqual([...ERROR_CODES]);
    });
  });

  it("the filter also narrows the stacked rows on a phone", async () => {
    await withPage("", { viewport: { width: 375, height: 740 }, isMobile: true }, async ({ page }) => {
      await page.locator("#q").pressSequentially("channel");
      expect(await visibleCodes(page)).toEqual(expectedFor("channel"));
      const hidden = await page.$$eval("#codes tbody tr[hidden]", (rs) => rs.map((r) => getComputedStyle(r).display));
      expect(hidden.length).toBe(ERROR_CODES.length - expectedFor("channel").length);
      expect(new Set(hidden)).toEqual(new Set(["none"]));
    });
  });

  it.each([375, 320])("a %ipx-wide phone has no horizontal scroll and shows the rows stacked", async (width) => {
    await withPage(
      `#${TARGET}`,
      { viewport: { width, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
      async ({ page }) => {
        const { scrollWidth, clientWidth, bodyScroll } = await page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          clientWidth: document.documentElement.clientWidth,
          bodyScroll: document.body.scrollWidth,
        }));
        expect(clientWidth).toBe(width);
        expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
        expect(bodyScroll).toBeLessThanOrEqual(clientWidth);
        await expect(page.locator(`[id="${TARGET}"]`).evaluate((r) => getComputedStyle(r).display)).resolves.toBe(
          "block",
        );
      },
    );
  });

  it("dark mode renders light text on a dark background", async () => {
    const luminance = (rgb: string): number => {
      const [r, g, b] = (rgb.match(/\d+/g) ?? []).map(Number) as [number, number, number];
      return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
    };
    for (const colorScheme of ["dark", "light"] as const) {
      await withPage("", { colorScheme }, async ({ page }) => {
        const { bg, fg } = await page.evaluate(() => ({
          bg: getComputedStyle(document.body).backgroundColor,
          fg: getComputedStyle(document.body).color,
        }));
        if (colorScheme === "dark") expect([luminance(bg) < 0.2, luminance(fg) > 0.7]).toEqual([true, true]);
        else expect([luminance(bg) > 0.9, luminance(fg) < 0.3]).toEqual([true, true]);
      });
    }
  });

  it("keyboard: Tab reaches the filter and the copy buttons, with a visible focus ring, and Enter copies the code's doc URL", async () => {
    await withPage("", {}, async ({ page }) => {
      await page.evaluate(() => {
        const w = window as unknown as { copied: string[] };
        w.copied = [];
        Object.defineProperty(navigator, "clipboard", {
          value: { writeText: (t: string) => (w.copied.push(t), Promise.resolve()) },
        });
      });
      const active = () =>
        page.evaluate(() =>
          document.activeElement?.id === "q" ? "filter" : (document.activeElement?.tagName.toLowerCase() ?? ""),
        );
      // The skip link comes first and takes keyboard users past the tables to the filter.
      await page.keyboard.press("Tab");
      await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe("Skip to the error codes");
      await page.keyboard.press("Enter");
      await page.keyboard.press("Tab");
      await expect(active()).resolves.toBe("filter");
      // Tabbing on from the filter: the first code's self-link, then its copy button.
      const reached: string[] = [];
      for (let i = 0; i < 4 && !reached.includes("button"); i++) {
        await page.keyboard.press("Tab");
        reached.push(await active());
      }
      expect(reached).toEqual(["a", "button"]);
      const focused = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        return {
          row: el.closest("tr")?.id,
          outline: getComputedStyle(el).outlineStyle,
          label: el.getAttribute("aria-label"),
        };
      });
      expect(focused).toEqual({ row: ERROR_CODES[0], outline: "solid", label: `Copy link to ${ERROR_CODES[0]}` });
      await page.keyboard.press("Enter");
      await page.waitForFunction(() => (window as unknown as { copied: string[] }).copied.length === 1);
      expect(await page.evaluate(() => (window as unknown as { copied: string[] }).copied)).toEqual([
        catalog.codes[0]?.doc_url,
      ]);
      await expect(page.textContent("#copied")).resolves.toContain(catalog.codes[0]?.doc_url);
    });
  });
});
