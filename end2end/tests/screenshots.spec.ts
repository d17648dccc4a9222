// Key pages on desktop, phone and without JavaScript: each must show its main element and
// must not scroll sideways; then a full-page screenshot is kept for a person to look at, in
// end2end/test-results/screenshots/ (not committed): <page>-<project>.png.
import { expect, test } from '@playwright/test';
import {
  discoverCatalogue,
  expectNoHorizontalOverflow,
  loadAllImages,
  screenshotPath,
  settle,
  STAFF,
} from './helpers';

test.describe('screenshots', { tag: ['@phone', '@nojs'] }, () => {
  test('home (English)', async ({ page }, testInfo) => {
    await page.goto('/');
    await settle(page, testInfo);
    await expect(page.getByRole('heading', { name: 'Featured' })).toBeVisible();
    await loadAllImages(page);
    await expectNoHorizontalOverflow(page, 'home');
    await page.screenshot({ path: screenshotPath('home-en', testInfo), fullPage: true });
  });

  test('product (Greek)', async ({ page }, testInfo) => {
    const { product } = await discoverCatalogue(page);
    await page.goto('/el' + product);
    await settle(page, testInfo);
    await expect(page.getByRole('heading', { name: 'Διαθεσιμότητα' })).toBeVisible();
    await loadAllImages(page);
    await expectNoHorizontalOverflow(page, 'Greek product page');
    await page.screenshot({ path: screenshotPath('product-el', testInfo), fullPage: true });
  });

  test('category (English)', async ({ page }, testInfo) => {
    const { category } = await discoverCatalogue(page);
    await page.goto(category);
    await settle(page, testInfo);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.locator('li.product-card').first()).toBeVisible();
    await loadAllImages(page);
    await expectNoHorizontalOverflow(page, 'category page');
    await page.screenshot({ path: screenshotPath('category-en', testInfo), fullPage: true });
  });

  test('staff sign-in (after a wrong password)', async ({ page }, testInfo) => {
    await page.goto('/staff/signin');
    // An address without an account: no demo account collects failed attempts.
    await page.getByLabel('Email address').fill('someone@stoa.test');
    await page.getByLabel('Password').fill('wrong');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert')).toBeVisible();
    await settle(page, testInfo);
    await expectNoHorizontalOverflow(page, 'staff sign-in after a wrong password');
    await page.screenshot({ path: screenshotPath('staff-signin', testInfo), fullPage: true });
  });

  test('staff dashboard and settings (owner)', async ({ page }, testInfo) => {
    await page.goto('/staff/signin');
    await page.getByLabel('Email address').fill(STAFF.owner.email);
    await page.getByLabel('Password').fill(STAFF.owner.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
    await settle(page, testInfo);
    await expectNoHorizontalOverflow(page, 'staff dashboard');
    await page.screenshot({ path: screenshotPath('staff-dashboard', testInfo), fullPage: true });
    await page.goto('/staff/settings');
    await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
    await settle(page, testInfo);
    await expectNoHorizontalOverflow(page, 'staff settings');
    await page.screenshot({ path: screenshotPath('staff-settings', testInfo), fullPage: true });
  });

  test('not found', async ({ page }, testInfo) => {
    const response = await page.goto('/no-such-page');
    expect(response?.status()).toBe(404);
    await settle(page, testInfo);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
    await expectNoHorizontalOverflow(page, 'not-found page');
    await page.screenshot({ path: screenshotPath('not-found', testInfo), fullPage: true });
  });
});
