// Untrusted text stays text in a real browser: a search whose words close the <title> and add
// markup shows them literally in the tab title and the page, and runs nothing; the page's
// Content-Security-Policy lets the shop's own scripts hydrate it without a single violation.
import { expect, test } from '@playwright/test';
import { collectErrors, jsEnabled } from './helpers';

const PAYLOAD = '</title><img src=x onerror="window.__xss=1"><script>window.__xss=2</script><b>x';

test.describe('untrusted text', { tag: '@nojs' }, () => {
  test('search words that close the title show as text and run nothing', async ({ page }, testInfo) => {
    const errors = collectErrors(page);
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    const response = await page.goto(`/search?q=${encodeURIComponent(PAYLOAD)}`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toMatch(/script-src 'self' 'nonce-[^']+'/);
    // The tab title holds the words as typed (the server keeps 200 characters).
    expect(await page.title()).toContain('</title><img src=x');
    // Nothing was injected into the head or the page, and no script ran.
    expect(await page.locator('head img, head b, body > b').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('<script>window.__xss=2</script>');
    if (jsEnabled(testInfo)) {
      await page.waitForLoadState('networkidle');
      // The page hydrated under the policy: the search box suggests.
      const box = page.locator('header.site-header').getByRole('combobox', { name: 'Search the shop' });
      await box.fill('');
      await box.pressSequentially('jack', { delay: 60 });
      await expect(page.getByRole('listbox', { name: 'Suggestions' })).toBeVisible();
    }
    expect(violations, 'CSP violations').toEqual([]);
    expect(errors.filter((e) => !/HTTP 404 for GET .*\/x$/.test(e))).toEqual([]);
  });
});
