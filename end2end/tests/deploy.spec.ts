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

    // Pages link the bundle under content-hashed names (one hash over the three files).
    const home = await (await request.get('/')).text();
    const found = home.match(/\/pkg\/(stoa\.[0-9a-f]{16})\.js/);
    expect(found, 'a hashed script name on the home page').not.toBeNull();
    const name = found![1];
    expect(home).toContain(`/pkg/${name}.wasm`);
    expect(home).toContain(`/pkg/${name}.css`);
    expect(home).not.toContain('/pkg/stoa.js"');
  });

  test('serves the bundle immutable, precompressed and revalidated', async ({ request }) => {
    const home = await (await request.get('/')).text();
    const name = home.match(/\/pkg\/(stoa\.[0-9a-f]{16})\.js/)![1];
    for (const ext of ['css', 'js', 'wasm']) {
      const url = `/pkg/${name}.${ext}`;
      const plain = await request.get(url, { headers: { 'accept-encoding': 'identity' } });
      expect(plain.status(), url).toBe(200);
      expect(plain.headers()['cache-control'], url).toContain('immutable');
      expect(plain.headers()['content-encoding'], url).toBeUndefined();
      const size = (await plain.body()).length;
      for (const coding of ['br', 'gzip']) {
        const r = await request.get(url, { headers: { 'accept-encoding': coding } });
        expect(r.status(), `${url} ${coding}`).toBe(200);
        expect(r.headers()['content-encoding'], `${url} ${coding}`).toBe(coding);
        expect(r.headers()['vary'] ?? '', `${url} ${coding}`).toMatch(/accept-encoding/i);
        // Compressed once at build time: the same bytes, far fewer of them on the wire.
        expect(Number(r.headers()['content-length']), `${url} ${coding}`).toBeLessThan(size / 2);
        const etag = r.headers()['etag'];
        expect(etag, `${url} ${coding} etag`).toBeTruthy();
        const again = await request.get(url, {
          headers: { 'accept-encoding': coding, 'if-none-match': etag },
        });
        expect(again.status(), `${url} ${coding} revalidated`).toBe(304);
      }
    }
    // Another build's hash is not this bundle.
    expect((await request.get('/pkg/stoa.0123456789abcdef.css')).status()).toBe(404);
    // The plain names still work, revalidated rather than kept.
    const old = await request.get('/pkg/stoa.css');
    expect(old.status()).toBe(200);
    expect(old.headers()['cache-control']).toContain('must-revalidate');
  });

  test('pages hydrate: typing in the header box suggests products', async ({ page }, testInfo) => {
    test.skip(!jsEnabled(testInfo), 'hydration needs JavaScript');
    const errors = collectErrors(page);
    const wasm = page.waitForResponse((r) => /\/pkg\/stoa\.[0-9a-f]{16}\.wasm$/.test(r.url()));
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
