import { fileURLToPath } from "node:url";
import { launchChromium, usePage } from "./browser.js";

/**
 * Writes docs/reference-page.png, the screenshot the root README shows: the code table on a
 * desktop, filtered to "channel", with the entry of `#channel:no_available_key` marked.
 * Run with `pnpm --filter @org/reference-page-e2e screenshot` after `pnpm build`.
 */
const OUT = fileURLToPath(new URL("../../../docs/reference-page.png", import.meta.url));

const browser = await launchChromium();
try {
  await usePage(
    browser,
    "#channel:no_available_key",
    { viewport: { width: 1100, height: 900 }, colorScheme: "light" },
    async ({ page }) => {
      await page.locator("#q").pressSequentially("channel");
      // Bounding boxes are relative to the viewport; at scroll 0 they are page coordinates, as the clip wants.
      await page.evaluate(() => window.scrollTo(0, 0));
      const top = await page.locator("#codes-h").boundingBox();
      const table = await page.locator("#codes").boundingBox();
      if (!top || !table) throw new Error("the page has no code table");
      await page.screenshot({
        path: OUT,
        fullPage: true,
        clip: { x: 0, y: top.y - 16, width: 1100, height: table.y + table.height - top.y + 32 },
      });
    },
  );
  console.log(`wrote ${OUT}`);
} finally {
  await browser.close();
}
