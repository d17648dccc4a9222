// The shop fits the screen: no sideways scrolling on a phone (and on the desktop too).
import { test } from '@playwright/test';
import { discoverCatalogue, expectNoHorizontalOverflow, settle } from './helpers';

test.describe('layout', { tag: '@phone' }, () => {
  test('home, category and product pages do not scroll sideways', async ({ page }, testInfo) => {
    const { category, product } = await discoverCatalogue(page);
    for (const url of ['/', category, product, '/el', '/el' + product, '/pl' + category, '/staff/signin', '/no-such-page']) {
      await page.goto(url);
      await settle(page, testInfo);
      await expectNoHorizontalOverflow(page, url);
    }
  });
});
