// The shop fits the screen: no sideways scrolling on a phone (and on the desktop too).
import { test } from '@playwright/test';
import { discoverCatalogue, expectNoHorizontalOverflow, settle } from './helpers';

test.describe('layout', { tag: '@phone' }, () => {
  test('home, category and product pages do not scroll sideways', async ({ page }, testInfo) => {
    const { category, product } = await discoverCatalogue(page);
    // Polish names hold long words («przeciwdeszczowa»): the grid keeps its columns and wraps them.
    const searches = ['/pl/search?q=kurtka&sort=price_asc', '/pl/c/kurtki', '/el/search?q=παπουτσια'];
    for (const url of ['/', category, product, '/el', '/el' + product, '/pl' + category, ...searches, '/staff/signin', '/no-such-page']) {
      await page.goto(url);
      await settle(page, testInfo);
      await expectNoHorizontalOverflow(page, url);
    }
  });
});
