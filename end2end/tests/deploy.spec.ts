// The binary as a user deploys it (serve.sh copies STOA_BIN alone into an empty folder and starts
// it there; scripts/test passes the release build): it serves its own browser bundle, and pages
// hydrate from it. Without the bundle every page would still render, so only these checks tell a
// shop that lost its JavaScript from a working one.
import { expect, test } from '@playwright/test';
import { collectErrors, jsEnabled } from './helpers';

test.describe('the deployed binary', () => {
  test('serves the browser bundle it embeds', async ({ request }) => {
    const wasm = await request.get('/pkg/stoa.wasm');
    expect(wasm.status(), '/pkg/stoa.wasm').toBe(200);
    expect(wasm.headers()['content-type']).toBe('application/wasm');
    const bytes = await wasm.body();
    // "\0asm": a WebAssembly module, not an error page.
    expect([...bytes.subarray(0, 4)]).toEqual([0x00, 0x61, 0x73, 0x6d]);

    const js = await request.get('/pkg/stoa.js');
    expect(js.status(), '/pkg/stoa.js').toBe(200);
    expect(js.headers()['content-type']).toMatch(/javascript/);
    expect(await js.text()).toContain('stoa');

    const css = await request.get('/pkg/stoa.css');
    expect(css.status(), '/pkg/stoa.css').toBe(200);
    expect(css.headers()['content-type']).toMatch(/^text\/css/);

    // The page asks for exactly these files.
    const home = await (await request.get('/')).text();
    expect(home).toContain('/pkg/stoa.js');
    expect(home).toContain('/pkg/stoa.wasm');
  });

  test('pages hydrate: typing in the header box suggests products', async ({ page }, testInfo) => {
    test.skip(!jsEnabled(testInfo), 'hydration needs JavaScript');
    const errors = collectErrors(page);
    const wasm = page.waitForResponse((r) => r.url().endsWith('/pkg/stoa.wasm'));
    await page.goto('/');
    expect((await wasm).status()).toBe(200);
    await page.waitForLoadState('networkidle');
    const box = page.locator('header.site-header').getByRole('combobox', { name: 'Search the shop' });
    await box.pressSequentially('jack', { delay: 60 });
    const listbox = page.getByRole('listbox', { name: 'Suggestions' });
    await expect(listbox).toBeVisible();
    await expect(listbox.getByRole('option').first()).toBeVisible();
    expect(errors, 'errors while hydrating and suggesting').toEqual([]);
  });
});
