// Unknown addresses get a 404 page in the shop's own frame (server-rendered: works without JS).
import { expect, test } from '@playwright/test';
import { categoryNav } from './helpers';

test.describe('error pages', { tag: '@nojs' }, () => {
  test('an unknown page is a 404 in the shop frame', async ({ page }) => {
    const response = await page.goto('/no-such-page');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
    await expect(page.locator('.error-page')).toContainText('404');
    const header = page.locator('header.site-header');
    await expect(header).toBeVisible();
    await expect(header.getByRole('link', { name: 'Stoa', exact: true })).toBeVisible();
    await expect(categoryNav(page).getByRole('link').first()).toBeVisible();
    await expect(page.locator('footer.site-footer')).toBeVisible();
    await expect(page).toHaveTitle('Page not found');

    await page.getByRole('link', { name: 'Back to the home page' }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole('heading', { name: 'Shop by category' })).toBeVisible();
  });

  test('unknown products and categories are 404s', async ({ page }) => {
    for (const url of ['/p/no-such-product', '/c/no-such-category']) {
      const response = await page.goto(url);
      expect(response?.status(), url).toBe(404);
      await expect(page.getByRole('heading', { level: 1 }), url).toHaveText('Page not found');
      await expect(page.locator('header.site-header'), url).toBeVisible();
    }
  });

  test('the 404 page speaks the language of its address', async ({ page }) => {
    const response = await page.goto('/el/no-such-page');
    expect(response?.status()).toBe(404);
    await expect(page.locator('html')).toHaveAttribute('lang', 'el');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Η σελίδα δεν βρέθηκε');
    await expect(page.locator('header.site-header .logo')).toHaveAttribute('href', '/el');
  });
});
