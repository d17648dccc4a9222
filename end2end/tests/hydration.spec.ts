// With JavaScript: the pages hydrate without errors, and after hydration links are followed
// inside the page (client-side routing) without errors either. desktop-js only (untagged).
import { expect, test } from '@playwright/test';
import { collectErrors, discoverCatalogue } from './helpers';

test.describe('hydration', () => {
  test.beforeEach(({}, testInfo) => {
    test.skip(testInfo.project.use.javaScriptEnabled === false, 'needs JavaScript');
  });

  test('home, category and product pages hydrate without errors', async ({ page }) => {
    const { category, product } = await discoverCatalogue(page);
    for (const url of ['/', category, product, '/el' + product]) {
      const errors = collectErrors(page);
      const wasm = page.waitForResponse((r) => /\/pkg\/.*\.wasm$/.test(r.url()));
      const response = await page.goto(url);
      expect(response?.status(), url).toBe(200);
      expect((await wasm).status(), `${url}: the wasm bundle loads`).toBe(200);
      await page.waitForLoadState('networkidle');
      // Give hydration a moment to finish (and to panic, if it is going to).
      await page.waitForTimeout(500);
      expect(errors, `${url}: errors while loading and hydrating`).toEqual([]);
      page.removeAllListeners('pageerror');
      page.removeAllListeners('console');
      page.removeAllListeners('response');
    }
  });

  test('after hydration, links navigate inside the page without errors', async ({ page }) => {
    await page.goto('/');
    await page.waitForLoadState('networkidle');
    const errors = collectErrors(page);
    const documentLoads: string[] = [];
    page.on('request', (r) => {
      if (r.isNavigationRequest() && r.frame() === page.mainFrame()) documentLoads.push(r.url());
    });

    // Home → category (header navigation).
    const link = page.locator('header.site-header nav[aria-label="Categories"] a').first();
    const name = (await link.innerText()).trim();
    await link.click();
    await expect(page).toHaveURL(/\/c\/[a-z0-9-]+$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);

    // Category → product (card).
    const card = page.locator('li.product-card a').first();
    const product = (await card.innerText()).trim();
    await card.click();
    await expect(page).toHaveURL(/\/p\/[a-z0-9-]+$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(product);

    // Product → another variant (query string changes, the page updates in place).
    const other = page.locator('a.option-value:not([aria-current="true"]):not(.unavailable)').first();
    const href = await other.getAttribute('href');
    await other.click();
    await expect(page).toHaveURL(new URL(href!, page.url()).href);
    await expect(page.locator(`a.option-value[href="${href}"]`)).toHaveAttribute('aria-current', 'true');

    await page.waitForLoadState('networkidle');
    expect(errors, 'errors during client-side navigation').toEqual([]);
    expect(documentLoads, 'links were followed by the client-side router, not by full page loads').toEqual([]);
  });
});
