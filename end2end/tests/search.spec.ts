// A shopper searches (DESIGN §3.1): suggestions while typing in the header box, the results page
// with facets, sort and pages kept in the URL, Greek without accents, and bad input that never
// breaks the page. The results page is plain links and forms, so most of it runs with and
// without JavaScript and on a phone.
import { expect, test, type Page } from '@playwright/test';
import { collectErrors, definition, expectNoHorizontalOverflow, jsEnabled, settle } from './helpers';

/** A word that many demo products have in their English name ("… jacket …"). */
const WORD = 'jacket';

/** "€1,234.50" → 1234.5 */
function amount(text: string): number {
  return Number(text.replace(/[^\d.,]/g, '').replace(/,(\d{2})$/, '.$1').replace(/,/g, ''));
}

/** The number at the start of the search heading ("44 results for “jacket”"). */
async function resultCount(page: Page): Promise<number> {
  const text = await page.getByRole('heading', { level: 1 }).innerText();
  const m = text.match(/^([\d,.\s]+)/);
  expect(m, `the heading starts with the number of results: ${text}`).not.toBeNull();
  return Number(m![1].replace(/[^\d]/g, ''));
}

/** The header search box (an ARIA combobox, also without JavaScript). */
function headerBox(page: Page, name = 'Search the shop') {
  return page.locator('header.site-header').getByRole('combobox', { name });
}

/** On a phone the facets are folded into a <details>: unfold them. */
async function openFilters(page: Page): Promise<void> {
  const details = page.locator('details.facets');
  const summary = details.locator('summary');
  if ((await summary.isVisible()) && !(await details.evaluate((d) => (d as HTMLDetailsElement).open))) {
    await summary.click();
  }
}

/** A facet value (a link with the checkbox role) and its count. */
async function facet(page: Page, group: string, index = 0) {
  const link = page.getByRole('region', { name: group, exact: true }).getByRole('checkbox').nth(index);
  await expect(link).toBeVisible();
  const label = (await link.locator('.facet-label').innerText()).trim();
  const count = Number((await link.locator('.facet-count').innerText()).replace(/[^\d]/g, ''));
  return { link, label, count };
}

test.describe('search suggestions in the header', () => {
  test.beforeEach(({}, testInfo) => {
    test.skip(!jsEnabled(testInfo), 'suggestions need JavaScript');
  });

  test('typing suggests products; the keyboard opens one', async ({ page }) => {
    await page.goto('/');
    await page.waitForLoadState('networkidle');
    const errors = collectErrors(page);
    const box = headerBox(page);
    await expect(box).toHaveAttribute('aria-expanded', 'false');
    const listbox = page.getByRole('listbox', { name: 'Suggestions' });
    await expect(listbox).toBeHidden();

    // A partial word: suggestions appear after the keystrokes.
    await box.pressSequentially('jack', { delay: 60 });
    await expect(listbox).toBeVisible();
    await expect(box).toHaveAttribute('aria-expanded', 'true');
    const products = listbox.locator('li.suggestion.is-product');
    await expect(products.first()).toBeVisible();
    await expect(products.first().locator('img')).toHaveAttribute('src', /\S/);
    await expect(products.first().locator('.price-now')).toHaveText(/€\s?\d|\d\s?€/);
    const names = await products.locator('.name').allInnerTexts();
    expect(names.some((n) => /jack/i.test(n)), `a suggestion matches "jack": ${names.join(' | ')}`).toBe(true);

    // ↓ moves through the options (categories first, then products); Enter opens the highlighted one.
    const options = listbox.getByRole('option');
    const classes = await options.evaluateAll((els) => els.map((e) => e.className));
    const firstProduct = classes.findIndex((c) => c.includes('is-product'));
    expect(firstProduct).toBeGreaterThanOrEqual(0);
    for (let i = 0; i <= firstProduct; i++) await box.press('ArrowDown');
    const option = options.nth(firstProduct);
    await expect(option).toHaveAttribute('aria-selected', 'true');
    await expect(box).toHaveAttribute('aria-activedescendant', (await option.getAttribute('id'))!);
    await expect(listbox.locator('[aria-selected="true"]')).toHaveCount(1);
    const name = (await option.locator('.name').innerText()).trim();
    await box.press('Enter');
    await expect(page).toHaveURL(/\/p\/[a-z0-9-]+$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
    await expect(listbox).toBeHidden();
    await page.waitForLoadState('networkidle');
    expect(errors, 'errors while suggesting and navigating').toEqual([]);
  });

  test('a click picks a suggestion; Escape closes; Enter alone searches', async ({ page }) => {
    await page.goto('/');
    await page.waitForLoadState('networkidle');
    const box = headerBox(page);
    const listbox = page.getByRole('listbox', { name: 'Suggestions' });

    // Escape closes the list and keeps the text.
    await box.pressSequentially('sneak', { delay: 60 });
    await expect(listbox).toBeVisible();
    await box.press('Escape');
    await expect(listbox).toBeHidden();
    await expect(box).toHaveAttribute('aria-expanded', 'false');
    await expect(box).toHaveValue('sneak');

    // ↓ opens it again; a click on a product opens that product.
    await box.press('ArrowDown');
    await expect(listbox).toBeVisible();
    const product = listbox.locator('li.suggestion.is-product').first();
    const name = (await product.locator('.name').innerText()).trim();
    await product.click();
    await expect(page).toHaveURL(/\/p\/[a-z0-9-]+$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);

    // A click elsewhere closes the list.
    await page.waitForLoadState('networkidle');
    await headerBox(page).fill('');
    await headerBox(page).pressSequentially(WORD, { delay: 40 });
    await expect(listbox).toBeVisible();
    await page.getByRole('heading', { level: 1 }).click();
    await expect(listbox).toBeHidden();

    // Enter with nothing highlighted submits the form: the results page.
    await headerBox(page).press('Enter');
    await expect(page).toHaveURL(new RegExp(`/search\\?q=${WORD}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(new RegExp(`results? for “${WORD}”$`));
    await expect(headerBox(page)).toHaveValue(WORD);
  });

  test('an exact SKU is suggested first and opens that variant', async ({ page }) => {
    await page.goto('/search?q=' + WORD);
    const first = page.locator('li.product-card a').first();
    await first.click();
    await expect(page).toHaveURL(/\/p\/[a-z0-9-]+/);
    const sku = (await definition(page, 'dl.variant-facts', 'SKU').innerText()).trim();
    expect(sku).toMatch(/^[A-Z]{2}-\d{4}/);
    await page.goto('/');
    await page.waitForLoadState('networkidle');
    const box = headerBox(page);
    await box.pressSequentially(sku, { delay: 30 });
    const listbox = page.getByRole('listbox', { name: 'Suggestions' });
    const code = listbox.getByRole('option').first();
    await expect(code).toHaveClass(/\bis-code\b/);
    await expect(code).toContainText('Exact match');
    await expect(code).toContainText(sku);
    await box.press('ArrowDown');
    await box.press('Enter');
    await expect(page).toHaveURL(/\/p\/[a-z0-9-]+\?/);
    await expect(definition(page, 'dl.variant-facts', 'SKU')).toHaveText(sku);
  });

  test('the results page hydrates, and its links navigate in place without errors', async ({ page }) => {
    const errors = collectErrors(page);
    const response = await page.goto(`/search?q=${WORD}`);
    expect(response?.status()).toBe(200);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(500);
    const documentLoads: string[] = [];
    page.on('request', (r) => {
      if (r.isNavigationRequest() && r.frame() === page.mainFrame()) documentLoads.push(r.url());
    });
    const colour = await facet(page, 'Colour');
    await colour.link.click();
    await expect(page).toHaveURL(/[?&]colour=/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(new RegExp(`^${colour.count} results? for`));
    await page.getByRole('navigation', { name: 'Sort by' }).getByRole('link', { name: 'Newest' }).click();
    await expect(page).toHaveURL(/[?&]sort=newest/);
    await page.waitForLoadState('networkidle');
    // Space ticks a facet like a checkbox (one handler on the panel serves every facet link).
    const size = await facet(page, 'Size');
    await size.link.focus();
    await page.keyboard.press(' ');
    await expect(page).toHaveURL(/[?&]size=/);
    await expect(
      page.getByRole('region', { name: 'Size', exact: true }).getByRole('checkbox', { name: size.label }),
    ).toHaveAttribute('aria-checked', 'true');
    await page.waitForLoadState('networkidle');
    expect(errors, 'errors while hydrating and navigating').toEqual([]);
    expect(documentLoads, 'facet and sort links are followed by the client-side router').toEqual([]);
  });
});

test.describe('search results', { tag: ['@nojs', '@phone'] }, () => {
  test('facets and sort combine, stay in the URL and agree with the counts', async ({ page }, testInfo) => {
    await page.goto(`/search?q=${WORD}`);
    await expect(page).toHaveTitle(new RegExp(`“${WORD}”`));
    const heading = page.getByRole('heading', { level: 1 });
    await expect(heading).toHaveText(new RegExp(`^\\d+ results for “${WORD}”$`));
    const total = await resultCount(page);
    expect(total).toBeGreaterThan(1);
    await expect(page.locator('li.product-card').first()).toBeVisible();
    await expect(page.getByRole('searchbox', { name: 'Search the shop' })).toHaveValue(WORD);
    await expect(headerBox(page)).toHaveValue(WORD);
    await settle(page, testInfo);

    // A colour: the count on the facet is the new number of results.
    await openFilters(page);
    const colour = await facet(page, 'Colour');
    await expect(colour.link).toHaveAttribute('aria-checked', 'false');
    expect(colour.count).toBeGreaterThan(0);
    expect(colour.count).toBeLessThanOrEqual(total);
    await colour.link.click();
    await expect(page).toHaveURL(/[?&]colour=[a-z0-9_-]+(&|$)/);
    await expect(heading).toHaveText(new RegExp(`^${colour.count} results? for`));
    await settle(page, testInfo);
    await openFilters(page);
    await expect(
      page.getByRole('region', { name: 'Colour', exact: true }).getByRole('checkbox', { name: colour.label }),
    ).toHaveAttribute('aria-checked', 'true');
    await expect(page.locator('details.facets summary .filter-count')).toHaveText('1');

    // Ships online (availability): combined with the colour.
    const online = page
      .getByRole('region', { name: 'Availability', exact: true })
      .getByRole('checkbox', { name: /^Ships online/ });
    const onlineCount = Number((await online.locator('.facet-count').innerText()).replace(/[^\d]/g, ''));
    expect(onlineCount).toBeLessThanOrEqual(colour.count);
    await online.click();
    await expect(page).toHaveURL(/[?&]online=1(&|$)/);
    await expect(page).toHaveURL(/[?&]colour=/);
    // With JavaScript the old results stay on screen until the new ones arrive: wait for them.
    await openFilters(page);
    await expect(online).toHaveAttribute('aria-checked', 'true');
    await expect(heading).toHaveText(new RegExp(`^${onlineCount} results? for`));
    await settle(page, testInfo);

    // A price band: combined with both.
    await openFilters(page);
    const band = await facet(page, 'Price');
    await band.link.click();
    await expect(page).toHaveURL(/[?&]price=\d/);
    await expect(page).toHaveURL(/[?&]online=1(&|$)/);
    await expect(page).toHaveURL(/[?&]colour=/);
    await openFilters(page);
    await expect(
      page.getByRole('region', { name: 'Price', exact: true }).getByRole('checkbox', { name: band.label }),
    ).toHaveAttribute('aria-checked', 'true');
    await expect(page.locator('details.facets summary .filter-count')).toHaveText('3');
    const filtered = await resultCount(page);
    expect(filtered).toBe(band.count);
    expect(filtered).toBeGreaterThan(0);
    await settle(page, testInfo);

    // Sort by price: the filters stay, the prices go up.
    await page.getByRole('navigation', { name: 'Sort by' }).getByRole('link', { name: 'Price: low to high' }).click();
    await expect(page).toHaveURL(/[?&]sort=price_asc(&|$)/);
    for (const part of [/[?&]colour=/, /[?&]online=1/, /[?&]price=\d/, new RegExp(`[?&]q=${WORD}`)]) {
      await expect(page).toHaveURL(part);
    }
    await expect(
      page.getByRole('navigation', { name: 'Sort by' }).getByRole('link', { name: 'Price: low to high' }),
    ).toHaveAttribute('aria-current', 'true');
    expect(await resultCount(page)).toBe(filtered);
    const prices = (await page.locator('li.product-card .price-now').allInnerTexts()).map(amount);
    expect(prices.length).toBe(Math.min(filtered, 24));
    expect(prices.every((p) => Number.isFinite(p) && p > 0)).toBe(true);
    expect(prices, 'prices go up').toEqual([...prices].sort((a, b) => a - b));

    // The address is the whole search: opening it again shows the same page.
    const address = page.url();
    await page.goto(address);
    expect(await resultCount(page)).toBe(filtered);
    await settle(page, testInfo);

    // Clear filters: back to every result, same words and order.
    await openFilters(page);
    await page.locator('.facets').getByRole('link', { name: 'Clear filters' }).click();
    await expect(page).toHaveURL(new RegExp(`/search\\?q=${WORD}&sort=price_asc$`));
    await expect(heading).toHaveText(new RegExp(`^${total} results for`));
    await expect(page.locator('details.facets summary .filter-count')).toHaveCount(0);
  });

  test('pages: next keeps the search; a page past the end offers a way back', async ({ page }, testInfo) => {
    await page.goto(`/search?q=${WORD}&sort=price_desc`);
    const total = await resultCount(page);
    expect(total, `more than one page of “${WORD}”`).toBeGreaterThan(24);
    const pager = page.getByRole('navigation', { name: 'Page', exact: true });
    await expect(pager).toContainText(/Page 1 of \d+/);
    await settle(page, testInfo);
    await pager.getByRole('link', { name: 'Next' }).click();
    await expect(page).toHaveURL(new RegExp(`q=${WORD}&sort=price_desc&page=2$`));
    await expect(pager).toContainText(/Page 2 of \d+/);
    await expect(page.locator('li.product-card').first()).toBeVisible();

    const response = await page.goto(`/search?q=${WORD}&sort=price_desc&page=99`);
    expect(response?.status()).toBe(200);
    await expect(page.getByText('There are no results on this page.')).toBeVisible();
    await expect(page.locator('li.product-card')).toHaveCount(0);
    await settle(page, testInfo);
    await page.getByRole('link', { name: 'Go to the last page' }).click();
    await expect(page).toHaveURL(/[?&]page=\d+$/);
    const last = page.url().match(/page=(\d+)$/)![1];
    await expect(pager).toContainText(new RegExp(`Page ${last} of ${last}$`));
    await expect(page.locator('li.product-card').first()).toBeVisible();
    await expect(page).toHaveURL(/sort=price_desc/);
  });

  test('Greek words without accents find Greek products', async ({ page }) => {
    const response = await page.goto('/el/search?q=' + encodeURIComponent('παπουτσια'));
    expect(response?.status()).toBe(200);
    await expect(page.locator('html')).toHaveAttribute('lang', 'el');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^\d+ αποτελέσματα? για «παπουτσια»$/);
    expect(await resultCount(page)).toBeGreaterThan(0);
    const names = await page.locator('li.product-card .name').allInnerTexts();
    expect(names.length).toBeGreaterThan(0);
    expect(
      names.some((n) => n.toLocaleLowerCase('el').includes('παπούτσια')),
      `a result is named with the accented word: ${names.join(' | ')}`,
    ).toBe(true);
    await expect(page.locator('li.product-card a').first()).toHaveAttribute('href', /^\/el\/p\//);
    await expect(page.getByRole('navigation', { name: 'Ταξινόμηση' }).getByRole('link').first()).toHaveAttribute(
      'href',
      /^\/el\/search\?/,
    );
  });

  test('the header box is a plain form: Enter goes to the results page', async ({ page }, testInfo) => {
    await page.goto('/');
    await settle(page, testInfo);
    const box = headerBox(page);
    await box.fill(WORD);
    await box.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/search\\?q=${WORD}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(new RegExp(`results? for “${WORD}”$`));
    await expect(page.locator('li.product-card').first()).toBeVisible();
    await expect(headerBox(page)).toHaveValue(WORD);

    // The same with the button, in Polish.
    await page.goto('/pl');
    await settle(page, testInfo);
    await headerBox(page, 'Szukaj w sklepie').fill('kurtka');
    await page.locator('header.site-header').getByRole('button', { name: 'Szukaj', exact: true }).click();
    await expect(page).toHaveURL(/\/pl\/search\?q=kurtka$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^\d+ (wynik|wyniki|wyników) dla „kurtka”$/);
    await expect(page.locator('li.product-card').first()).toBeVisible();
  });

  test('bad input never breaks the page', async ({ page }) => {
    const queries = [
      '" * : (',
      'AND OR NOT ~ ^2 [a TO z] { } \\ / !!',
      '<script>alert(1)</script>',
      'x'.repeat(10_000),
      '',
      '   ',
    ];
    for (const q of queries) {
      const response = await page.goto('/search?q=' + encodeURIComponent(q));
      expect(response?.status(), `status for ${q.slice(0, 40)}`).toBe(200);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.locator('header.site-header')).toBeVisible();
    }
    // Junk in the other parameters is ignored too.
    const response = await page.goto('/search?q=&cat=x&price=99,-1&store=abc&page=-3&sort=evil&colour=%3Cb%3E');
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('All products');
    await expect(page.locator('li.product-card').first()).toBeVisible();
    // The empty result explains itself.
    await page.goto('/search?q=' + encodeURIComponent('" * : ('));
    await expect(page.getByText(/No products match your search|No products match these filters/)).toBeVisible();
  });

  test('the results page fits a phone screen', async ({ page }, testInfo) => {
    for (const url of [`/search?q=${WORD}`, '/el/search?q=' + encodeURIComponent('παπουτσια'), '/search?q=' + 'x'.repeat(300)]) {
      await page.goto(url);
      await settle(page, testInfo);
      await expectNoHorizontalOverflow(page, url);
    }
  });
});
