import type { Browser, BrowserContextOptions } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { launchChromium, type OpenedPage, usePage } from "../src/browser.js";

/** Opens the page at `hash` in a fresh context of the file's browser and runs `body` on it. */
export type WithPage = <T>(
  hash: string,
  options: BrowserContextOptions,
  body: (p: OpenedPage) => Promise<T>,
) => Promise<T>;

/**
 * One chromium for the calling test file: launched before its tests, and closed after them
 * always, also after a failed test or a failed launch, so no browser is left behind.
 */
export function sharedBrowser(): WithPage {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return (hash, options, body) => usePage(browser, hash, options, body);
}
