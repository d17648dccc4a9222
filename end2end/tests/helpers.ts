// Shared helpers for the specs (not a spec itself: Playwright only runs *.spec.ts).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { expect, type Page, type TestInfo } from '@playwright/test';

/**
 * Where the demo staff accounts of the server under test are listed: `serve.sh` copies the
 * data folder's `demo-accounts.txt` (the demo draws random passwords at each load) here. Set
 * STOA_E2E_ACCOUNTS to a data folder's file when testing a server you started yourself.
 */
export const ACCOUNTS_FILE =
  process.env.STOA_E2E_ACCOUNTS || path.join(__dirname, '..', '.demo-accounts.txt');

/** The password the demo drew for a staff account. */
export function demoPassword(email: string): string {
  const text = fs.readFileSync(ACCOUNTS_FILE, 'utf8');
  for (const line of text.split('\n')) {
    const [e, password] = line.split('\t');
    if (e === email && password) return password;
  }
  throw new Error(`no demo account ${email} in ${ACCOUNTS_FILE}`);
}

/** A demo staff account (commerce/src/demo/content.rs); its password comes from the server. */
function account(email: string, name: string) {
  return {
    email,
    name,
    get password(): string {
      return demoPassword(email);
    },
  };
}

/** Demo staff accounts. */
export const STAFF = {
  owner: account('owner@stoa.test', 'Eleni Markou'),
  cashier: account('cashier.athens@stoa.test', 'Kostas Dimitriou'),
  managerAthens: account('manager.athens@stoa.test', 'Nikos Papadakis'),
} as const;

/** Whether the current project runs page scripts (desktop-js, phone-js) or not (no-js). */
export function jsEnabled(testInfo: TestInfo): boolean {
  return testInfo.project.use.javaScriptEnabled !== false;
}

/**
 * Waits until the page has finished loading its scripts and wasm and has hydrated (the network
 * has gone quiet). Without JavaScript it only waits for the load event.
 */
export async function settle(page: Page, testInfo: TestInfo): Promise<void> {
  await page.waitForLoadState('load');
  if (jsEnabled(testInfo)) {
    await page.waitForLoadState('networkidle');
  }
}

/** The shop's category navigation in the header (its name is translated). */
export function categoryNav(page: Page, name = 'Categories') {
  return page.locator('header.site-header').getByRole('navigation', { name, exact: true });
}

/** The language switcher in the header. */
export function languageNav(page: Page, name = 'Language') {
  return page.locator('header.site-header').getByRole('navigation', { name, exact: true });
}

/** Addresses of a category and of a product in it, found by following the shop's own links. */
export async function discoverCatalogue(page: Page): Promise<{ category: string; product: string }> {
  await page.goto('/');
  const category = await categoryNav(page).getByRole('link').first().getAttribute('href');
  expect(category, 'the category navigation has a link').toMatch(/^\/c\/[^/?#]+$/);
  await page.goto(category!);
  const product = await page.locator('li.product-card a').first().getAttribute('href');
  expect(product, 'the category page has a product card').toMatch(/^\/p\/[^/?#]+$/);
  return { category: category!, product: product! };
}

/** Makes lazily loaded images load now and waits for them (for complete screenshots). */
export async function loadAllImages(page: Page): Promise<void> {
  await page.evaluate(() => {
    document.querySelectorAll('img[loading="lazy"]').forEach((img) => {
      (img as HTMLImageElement).loading = 'eager';
    });
  });
  await expect
    .poll(
      () =>
        page.evaluate(() =>
          Array.from(document.images).every((img) => img.complete),
        ),
      { timeout: 30_000, message: 'every image on the page finished loading' },
    )
    .toBe(true);
}

/** Where screenshots for people to look at go (end2end/test-results/screenshots, not committed). */
export function screenshotPath(name: string, testInfo: TestInfo): string {
  const dir = path.join(__dirname, '..', 'test-results', 'screenshots');
  fs.mkdirSync(dir, { recursive: true });
  return path.join(dir, `${name}-${testInfo.project.name}.png`);
}

/**
 * Collects uncaught page errors and console errors from the moment it is called. Failed
 * requests for a favicon are ignored.
 */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}\n${e.stack ?? ''}`));
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const where = msg.location()?.url ?? '';
    if (/favicon/i.test(where) || /favicon/i.test(msg.text())) return;
    errors.push(`console.error: ${msg.text()}${where ? ` (at ${where})` : ''}`);
  });
  page.on('response', (r) => {
    // A failed request shows in the console only as "Failed to load resource": name it here.
    if (r.status() >= 400 && !/favicon/i.test(r.url())) {
      errors.push(`HTTP ${r.status()} for ${r.request().method()} ${r.url()}`);
    }
  });
  return errors;
}

/** Text of the `<dd>` that follows the `<dt>` with this exact label in a `<dl>`. */
export function definition(page: Page, dl: string, term: string) {
  return page.locator(`${dl} dt`).filter({ hasText: new RegExp(`^\\s*${escapeRe(term)}\\s*$`) })
    .locator('xpath=following-sibling::dd[1]');
}

export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Asserts that the page does not scroll sideways (nothing is wider than the viewport). */
export async function expectNoHorizontalOverflow(page: Page, what: string): Promise<void> {
  // The configured viewport, not window.innerWidth: with mobile emulation the layout viewport
  // grows to fit content that is too wide (as a phone zooms out), which would hide the overflow.
  const configured = page.viewportSize()?.width;
  const m = await page.evaluate((configured) => {
    const el = document.scrollingElement ?? document.documentElement;
    const vw = configured ?? window.innerWidth;
    // Name the widest offenders, to make a failure actionable.
    const offenders: string[] = [];
    const clipped = (node: Element): boolean => {
      for (let a = node.parentElement; a && a !== document.body; a = a.parentElement) {
        if (getComputedStyle(a).overflowX !== 'visible') return true;
      }
      return false;
    };
    document.querySelectorAll('body *').forEach((node) => {
      const r = (node as HTMLElement).getBoundingClientRect();
      if (r.right > vw + 1 && offenders.length < 5 && !clipped(node)) {
        const e = node as HTMLElement;
        const cls = e.className && typeof e.className === 'string' ? `.${e.className.trim().split(/\s+/).join('.')}` : '';
        offenders.push(`${e.tagName.toLowerCase()}${cls} (right edge ${Math.round(r.right)}px)`);
      }
    });
    return { scrollWidth: el.scrollWidth, innerWidth: vw, offenders };
  }, configured);
  expect(
    m.scrollWidth,
    `${what}: page is ${m.scrollWidth}px wide in a ${m.innerWidth}px viewport; wider elements: ${m.offenders.join(', ') || 'none found'}`,
  ).toBeLessThanOrEqual(m.innerWidth + 1);
}
