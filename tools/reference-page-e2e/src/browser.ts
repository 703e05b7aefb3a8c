import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { type Browser, type BrowserContextOptions, chromium, type Page } from "playwright-core";

/**
 * Debian's chromium (scripts/install-system-deps.sh installs it, and `.ci/run` runs that script).
 * Playwright's own browser download does not work here, so playwright-core drives this one.
 */
export const CHROMIUM_PATH = process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium";

/**
 * The page under test, found the way a user finds it: through the package's subpath export
 * `@org/error-types/errors.html`, so a broken export fails these tests too.
 */
export const PAGE_FILE = createRequire(import.meta.url).resolve("@org/error-types/errors.html");
export const PAGE_URL = pathToFileURL(PAGE_FILE).href;

/** Starts headless chromium; fails with a message saying how to install it when it is missing. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `chromium not found at ${CHROMIUM_PATH}: install it (sudo bash scripts/install-system-deps.sh, or apt-get install -y chromium) or set CHROMIUM_PATH`,
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH });
}

/** A page in a fresh context, with every console error, page error and CSP violation recorded. */
export interface OpenedPage {
  page: Page;
  problems: string[];
  requests: string[];
  close: () => Promise<void>;
}

/** Opens the reference page (at `hash`, if given) in a fresh context with `options`. */
export async function openPage(browser: Browser, hash = "", options: BrowserContextOptions = {}): Promise<OpenedPage> {
  const context = await browser.newContext(options);
  try {
    const page = await context.newPage();
    const problems: string[] = [];
    const requests: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error" || m.type() === "warning") problems.push(`console.${m.type()}: ${m.text()}`);
    });
    page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
    page.on("request", (r) => requests.push(r.url()));
    await page.goto(PAGE_URL + hash);
    return { page, problems, requests, close: () => context.close() };
  } catch (e) {
    await context.close();
    throw e;
  }
}

/** Opens the page, runs `body`, and closes the context whatever happens. */
export async function usePage<T>(
  browser: Browser | undefined,
  hash: string,
  options: BrowserContextOptions,
  body: (p: OpenedPage) => Promise<T>,
): Promise<T> {
  if (!browser) throw new Error("chromium did not start");
  const opened = await openPage(browser, hash, options);
  try {
    return await body(opened);
  } finally {
    await opened.close();
  }
}

/** The codes whose rows are shown (not hidden by the filter), in page order. */
export const visibleCodes = (page: Page): Promise<string[]> =>
  page.$$eval("#codes tbody tr", (rows) =>
    rows.filter((r) => !(r as HTMLElement).hidden && (r as HTMLElement).offsetParent !== null).map((r) => r.id),
  );
