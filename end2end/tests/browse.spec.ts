// A shopper browses: home → category → product, picks a variant, changes language.
// Runs with JavaScript (desktop and phone) and without it: every step is a plain link or form.
import { expect, test } from '@playwright/test';
import { categoryNav, definition, discoverCatalogue, languageNav, settle } from './helpers';

const GREEK = /[\u0370-\u03ff\u1f00-\u1fff]/;

test.describe('browsing the shop', { tag: ['@nojs', '@phone'] }, () => {
  test('home → category → product, choose a variant, read it in Greek', async ({ page }, testInfo) => {
    // --- home ---------------------------------------------------------------------------
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    const header = page.locator('header.site-header');
    await expect(header.getByRole('link', { name: 'Stoa', exact: true })).toHaveAttribute('href', '/');
    const languages = languageNav(page);
    await expect(languages.getByRole('link', { name: 'English' })).toHaveAttribute('aria-current', 'true');
    // Switcher links go through /locale, which remembers the choice and redirects.
    await expect(languages.getByRole('link', { name: 'Ελληνικά' })).toHaveAttribute('href', '/locale?to=el&back=%2F');
    await expect(languages.getByRole('link', { name: 'Polski' })).toHaveAttribute('href', '/locale?to=pl&back=%2F');
    await expect(page.getByRole('heading', { name: 'Shop by category' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Featured' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'New arrivals' })).toBeVisible();
    await expect(
      page.getByRole('region', { name: 'Shop by category' }).getByRole('link').first(),
    ).toHaveAttribute('href', /^\/c\//);
    await settle(page, testInfo);

    // --- a category from the header navigation --------------------------------------------
    const nav = categoryNav(page);
    const categoryLink = nav.getByRole('link').first();
    const categoryName = (await categoryLink.innerText()).trim();
    expect(categoryName).not.toBe('');
    await categoryLink.click();
    await expect(page).toHaveURL(/\/c\/[a-z0-9-]+$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(categoryName);
    await expect(
      page.getByRole('navigation', { name: 'breadcrumbs' }).getByRole('link', { name: 'Home' }),
    ).toBeVisible();
    await expect(page.getByLabel('Sort by')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Apply' })).toBeVisible();
    const cards = page.locator('li.product-card');
    await expect(cards.first()).toBeVisible();
    await settle(page, testInfo);

    // --- a product ------------------------------------------------------------------------
    const card = cards.first().getByRole('link').first();
    const productName = (await card.innerText()).trim();
    expect(productName).not.toBe('');
    await card.click();
    await expect(page).toHaveURL(/\/p\/[a-z0-9-]+(\?.*)?$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(productName);
    const priceLine = page.locator('.buy-box .price-line');
    await expect(priceLine.locator('.price-now')).toHaveText(/€\s?\d|\d\s?€/);
    await expect(priceLine).toContainText('incl. VAT');
    await expect(page.getByRole('heading', { name: 'Availability' })).toBeVisible();
    const badges = page.locator('ul.availability-list li');
    await expect(badges.first()).toHaveText(/^(Ships from online stock|Out of stock online)$/);
    await expect(badges.filter({ hasText: 'Stoa Athens' })).toHaveCount(1);
    await expect(badges.filter({ hasText: 'Stoa Kraków' })).toHaveCount(1);
    const sku = definition(page, 'dl.variant-facts', 'SKU');
    await expect(sku).toHaveText(/^[A-Z]{2}-\d{4}/);
    await expect(definition(page, 'dl.variant-facts', 'Barcode')).toHaveText(/^\d{8,14}$/);
    await settle(page, testInfo);

    // --- choose another size or colour -----------------------------------------------------
    const pickers = page.locator('fieldset.option-picker');
    const pickerCount = await pickers.count();
    expect(pickerCount, `"${productName}" has option pickers (size/colour)`).toBeGreaterThan(0);
    let legend = '';
    let value = '';
    let href = '';
    for (let i = 0; i < pickerCount && !href; i++) {
      const picker = pickers.nth(i);
      const candidate = picker.locator('a.option-value:not([aria-current="true"]):not(.unavailable)').first();
      if ((await candidate.count()) === 0) continue;
      legend = (await picker.locator('legend').innerText()).trim();
      value = (await candidate.innerText()).trim();
      href = (await candidate.getAttribute('href')) ?? '';
    }
    expect(href, `"${productName}" offers another available size or colour`).not.toBe('');
    expect(legend).toMatch(/^(Size|Colour)$/);
    const group = page.getByRole('group', { name: legend });
    await expect(group.locator('a.option-value[aria-current="true"]')).toHaveCount(1);
    const before = page.url();
    const skuBefore = (await sku.innerText()).trim();

    await group.getByRole('link', { name: value, exact: true }).click();
    const expected = new URL(href, before);
    await expect(page).toHaveURL(expected.href);
    expect(expected.search).not.toBe(new URL(before).search);
    await expect(group.getByRole('link', { name: value, exact: true })).toHaveAttribute('aria-current', 'true');
    await expect(group.locator('a.option-value[aria-current="true"]')).toHaveCount(1);
    await expect(sku).not.toHaveText(skuBefore);
    const chosenSku = (await sku.innerText()).trim();
    await settle(page, testInfo);

    // --- the same product in Greek ---------------------------------------------------------
    await languageNav(page).getByRole('link', { name: 'Ελληνικά' }).click();
    await expect(page).toHaveURL(/^http:\/\/[^/]+\/el\/p\/[a-z0-9-]+\?/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'el');
    const greekName = page.getByRole('heading', { level: 1 });
    await expect(greekName).toHaveText(GREEK);
    await expect(greekName).not.toHaveText(productName);
    await expect(page.locator('.buy-box .price-line')).toContainText('με ΦΠΑ');
    await expect(page.getByRole('heading', { name: 'Διαθεσιμότητα' })).toBeVisible();
    // The choice made in English is kept: same variant, same SKU.
    await expect(definition(page, 'dl.variant-facts', 'Κωδικός προϊόντος')).toHaveText(chosenSku);
    await expect(
      languageNav(page, 'Γλώσσα').getByRole('link', { name: 'Ελληνικά' }),
    ).toHaveAttribute('aria-current', 'true');
    // Links on the Greek page stay in Greek.
    await expect(page.locator('header .logo')).toHaveAttribute('href', '/el');
    await expect(categoryNav(page, 'Κατηγορίες').getByRole('link').first()).toHaveAttribute('href', /^\/el\/c\//);
  });

  test('Greek home shows Greek categories', async ({ page }, testInfo) => {
    await page.goto('/el');
    await expect(page.locator('html')).toHaveAttribute('lang', 'el');
    await expect(page.getByRole('heading', { name: 'Ψωνίστε ανά κατηγορία' })).toBeVisible();
    const shoes = categoryNav(page, 'Κατηγορίες').getByRole('link', { name: 'Παπούτσια', exact: true });
    await expect(shoes).toHaveAttribute('href', /^\/el\/c\/[a-z0-9-]+$/);
    await settle(page, testInfo);
    await shoes.click();
    await expect(page).toHaveURL(/\/el\/c\/[a-z0-9-]+$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Παπούτσια');
    await expect(page.getByLabel('Ταξινόμηση')).toBeVisible();
    await expect(page.locator('li.product-card a').first()).toHaveAttribute('href', /^\/el\/p\//);
  });

  test('Polish home is in Polish', async ({ page }, testInfo) => {
    await page.goto('/');
    await settle(page, testInfo);
    await languageNav(page).getByRole('link', { name: 'Polski' }).click();
    await expect(page).toHaveURL(/\/pl$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'pl');
    await expect(page.getByRole('heading', { name: 'Przeglądaj kategorie' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Polecane' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Nowości' })).toBeVisible();
    await expect(categoryNav(page, 'Kategorie').getByRole('link', { name: 'Buty', exact: true })).toBeVisible();
    await expect(languageNav(page, 'Język').getByRole('link', { name: 'Polski' })).toHaveAttribute('aria-current', 'true');
    // Staff pages (no language in the address) follow the choice, before the browser's English.
    await page.goto('/staff/signin');
    await expect(page.locator('html')).toHaveAttribute('lang', 'pl');
  });

  test('a category sorts by price and pages through its products', async ({ page }, testInfo) => {
    const { category } = await discoverCatalogue(page);
    await page.goto(category);
    await settle(page, testInfo);
    await page.getByLabel('Sort by').selectOption({ label: 'Price: low to high' });
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(page).toHaveURL(/[?&]sort=price_asc(&|$)/);
    await expect(page.getByLabel('Sort by')).toHaveValue('price_asc');
    const prices = await page.locator('li.product-card .price-now').allInnerTexts();
    expect(prices.length).toBeGreaterThan(1);
    const amounts = prices.map((p) => Number(p.replace(/[^\d.,]/g, '').replace(/,(\d{2})$/, '.$1').replace(/,/g, '')));
    expect(amounts.every((a) => Number.isFinite(a) && a > 0), `prices parse: ${prices.join(' | ')}`).toBe(true);
    expect(amounts, 'prices go up').toEqual([...amounts].sort((a, b) => a - b));

    const next = page.locator('nav.pager a[rel="next"]');
    if ((await next.count()) > 0) {
      await settle(page, testInfo);
      await next.click();
      await expect(page).toHaveURL(/[?&]page=2(&|$)/);
      await expect(page.locator('nav.pager')).toContainText(/Page 2 of \d+/);
      await expect(page.locator('nav.pager a[rel="prev"]')).toBeVisible();
      // Sorting is kept across pages: page 2 starts where page 1 ended.
      const first = await page.locator('li.product-card .price-now').first().innerText();
      const a = Number(first.replace(/[^\d.,]/g, '').replace(/,(\d{2})$/, '.$1').replace(/,/g, ''));
      expect(a).toBeGreaterThanOrEqual(amounts[amounts.length - 1]);
    }
  });
});
