// Staff inventory (DESIGN §3.2 "Inventory"): stock by location, receiving, transfers, counts,
// the movement ledger, permissions and bad input. Every form is a plain POST to a server
// function, so the @nojs tests run the same steps with JavaScript off.
//
// Tests run in parallel against one demo server, and a test tagged @nojs or @phone runs once per
// project, so each test (and each project) works on its own variants, found by searching for a
// product name no other test uses.
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { collectErrors, expectNoHorizontalOverflow, jsEnabled, settle, STAFF } from './helpers';

const MANAGER_ATHENS = STAFF.managerAthens;

type Account = { email: string; password: string };

/** Signs in through the form and lands on `next`. */
async function signIn(page: Page, testInfo: TestInfo, who: Account, next = '/staff/inventory') {
  await page.goto(`/staff/signin?next=${encodeURIComponent(next)}`);
  await settle(page, testInfo);
  await page.getByLabel('Email address').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL((u) => u.pathname === next);
  await settle(page, testInfo);
}

type Variant = { sku: string; id: string; product: string };

/** The first variant the stock search finds for `words` (a product name only this test uses). */
async function findVariant(page: Page, testInfo: TestInfo, words: string): Promise<Variant> {
  await page.goto(`/staff/inventory?q=${encodeURIComponent(words)}`);
  await settle(page, testInfo);
  const row = page.locator('table.stock-table tbody tr').first();
  await expect(row, `the stock search finds “${words}”`).toBeVisible();
  const sku = (await row.getAttribute('data-sku'))!;
  const link = row.getByRole('rowheader').getByRole('link');
  const href = (await link.getAttribute('href'))!;
  expect(href).toMatch(/^\/staff\/inventory\/variant\/\d+$/);
  return { sku, id: href.split('/').pop()!, product: (await link.innerText()).trim() };
}

type Cell = { on_hand: number; reserved: number; available: number; incoming: number; low: boolean };

/** A variant's stock at every location, read from the stock table (searched by its SKU). */
async function stockOf(page: Page, testInfo: TestInfo, sku: string): Promise<Record<string, Cell>> {
  await page.goto(`/staff/inventory?q=${encodeURIComponent(sku)}`);
  await settle(page, testInfo);
  const row = page.locator(`table.stock-table tbody tr[data-sku="${sku}"]`);
  await expect(row).toHaveCount(1);
  const out: Record<string, Cell> = {};
  for (const loc of ['WEB', 'ATH', 'KRK']) {
    const value = async (col: string) =>
      parseInt((await row.locator(`td[data-location="${loc}"][data-col="${col}"]`).innerText()).replace(/[^\d-]/g, ''), 10);
    out[loc] = {
      on_hand: await value('on_hand'),
      reserved: await value('reserved'),
      available: await value('available'),
      incoming: await value('incoming'),
      low: await row.locator(`td[data-location="${loc}"][data-col="available"] .low-flag`).count() > 0,
    };
  }
  return out;
}

/** The CSRF token of the current page (what every form carries). */
async function csrfToken(page: Page): Promise<string> {
  return (await page.locator('meta[name="csrf-token"]').getAttribute('content'))!;
}

test.describe('inventory', () => {
  test('owner: receive → transfer ATH→KRK with a shortfall → count at KRK → ledger and stock table',
    async ({ page }, testInfo) => {
      test.setTimeout(240_000);
      await signIn(page, testInfo, STAFF.owner);
      const errors = collectErrors(page);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Stock by location');
      const v = await findVariant(page, testInfo, 'organic mountain tea');
      const before = await stockOf(page, testInfo, v.sku);

      // Receive 7 units at Athens: the receipt lists them.
      await page.getByRole('navigation', { name: 'Inventory sections' }).getByRole('link', { name: 'Receive stock' }).click();
      await expect(page).toHaveURL(/\/staff\/inventory\/receive$/);
      await settle(page, testInfo);
      await page.getByLabel('Location').selectOption({ label: 'ATH · Stoa Athens' });
      await page.getByLabel('Supplier').fill('Mountain Herbs Co.');
      await page.getByLabel(/^Products/).fill(`${v.sku} 7`);
      await page.getByRole('button', { name: 'Receive', exact: true }).click();
      await expect(page).toHaveURL(/\/staff\/inventory\/receipts\/\d+/);
      await expect(page.getByRole('status')).toHaveText('Stock received.');
      const receiptTitle = await page.getByRole('heading', { level: 1 }).innerText();
      const receipt = receiptTitle.match(/RCV-\d+/)![0];
      await expect(page.locator(`tr[data-sku="${v.sku}"] td.num`)).toHaveText('7');
      await settle(page, testInfo);

      // Transfer 4 of them to Kraków: a draft, then sent.
      await page.getByRole('navigation', { name: 'Inventory sections' }).getByRole('link', { name: 'Transfers' }).click();
      await expect(page).toHaveURL(/\/staff\/inventory\/transfers$/);
      await settle(page, testInfo);
      await page.getByLabel('From').selectOption({ label: 'ATH · Stoa Athens' });
      await page.getByLabel('To', { exact: true }).selectOption({ label: 'KRK · Stoa Kraków' });
      await page.getByLabel(/^Products/).fill(`${v.sku} 4`);
      await page.getByRole('button', { name: 'Create transfer' }).click();
      await expect(page).toHaveURL(/\/staff\/inventory\/transfers\/\d+$/);
      const transferUrl = page.url();
      await expect(page.locator('dd.status')).toHaveText('Draft');
      const transfer = (await page.getByRole('heading', { level: 1 }).innerText()).match(/TRF-\d+/)![0];
      await settle(page, testInfo);
      await page.getByRole('button', { name: 'Send', exact: true }).click();
      await expect(page.locator('dd.status')).toHaveText('Sent');

      // Athens has 3 more than before; Kraków shows 4 incoming.
      let now = await stockOf(page, testInfo, v.sku);
      expect(now.ATH.on_hand).toBe(before.ATH.on_hand + 3);
      expect(now.KRK.on_hand).toBe(before.KRK.on_hand);
      expect(now.KRK.incoming).toBe(before.KRK.incoming + 4);

      // Kraków receives only 3: one unit is lost in transit.
      await page.goto(transferUrl);
      await settle(page, testInfo);
      await expect(page.getByLabel(`Received ${v.sku}`)).toHaveValue('4');
      await page.getByLabel(`Received ${v.sku}`).fill('3');
      await page.getByRole('button', { name: 'Receive', exact: true }).click();
      await expect(page.locator('dd.status')).toHaveText('Received');
      await expect(page.locator(`tr[data-sku="${v.sku}"] td[data-col="received"]`)).toHaveText('3');
      now = await stockOf(page, testInfo, v.sku);
      expect(now.KRK.on_hand).toBe(before.KRK.on_hand + 3);
      expect(now.KRK.incoming).toBe(before.KRK.incoming);

      // Count Kraków's kitchen shelf: scan the tea once, then correct the number by hand to two
      // fewer than the books say.
      await page.getByRole('navigation', { name: 'Inventory sections' }).getByRole('link', { name: 'Stock counts' }).click();
      await expect(page).toHaveURL(/\/staff\/inventory\/counts$/);
      await settle(page, testInfo);
      await page.getByLabel('Location').selectOption({ label: 'KRK · Stoa Kraków' });
      await page.getByLabel('What to count').selectOption({ label: 'Home & kitchen › Kitchen & pantry' });
      await page.getByRole('button', { name: 'Start count' }).click();
      await expect(page).toHaveURL(/\/staff\/inventory\/counts\/\d+$/);
      await expect(page.locator('dd.status')).toHaveText('Open');
      const count = (await page.getByRole('heading', { level: 1 }).innerText()).match(/CNT-\d+/)![0];
      await settle(page, testInfo);
      const counted = page.getByLabel(`Counted ${v.sku}`);
      await expect(counted).toHaveValue('');
      const line = page.locator(`table.count-lines tr[data-sku="${v.sku}"]`);
      await expect(line.locator('td[data-col="expected"]')).toHaveText(String(before.KRK.on_hand + 3));
      await page.getByLabel('Scan or type a code').fill(v.sku);
      await page.getByLabel('Scan or type a code').press('Enter');
      await expect(counted).toHaveValue('1');
      await expect(page.locator('p.scanned')).toHaveText(`${v.sku}: 1 counted`);
      await expect(page.getByLabel('Scan or type a code')).toHaveValue('');
      await expect(page.getByLabel('Scan or type a code')).toBeFocused();
      const target = before.KRK.on_hand + 1;
      await counted.fill(String(target));
      await page.getByRole('button', { name: 'Save counted quantities' }).click();
      const review = page.getByRole('region', { name: 'Differences to post' });
      const reviewRow = review.locator(`tr[data-sku="${v.sku}"]`);
      await expect(reviewRow.locator('td[data-col="counted"]')).toHaveText(String(target));
      await expect(reviewRow.locator('td[data-col="on_hand"]')).toHaveText(String(before.KRK.on_hand + 3));
      await expect(reviewRow.locator('td[data-col="change"]')).toHaveText('−2');
      // The "differences" filter shows the line too.
      await page.getByRole('link', { name: 'Differences', exact: true }).click();
      await expect(page).toHaveURL(/show=differences/);
      await expect(page.locator(`table.count-lines tr[data-sku="${v.sku}"]`)).toBeVisible();
      await settle(page, testInfo);
      await page.getByRole('button', { name: 'Post count' }).click();
      await expect(page.locator('dd.status')).toHaveText('Posted');
      await expect(page.getByText('This count is closed and can no longer change.')).toBeVisible();
      await expect(page.getByRole('button', { name: 'Post count' })).toHaveCount(0);

      // The ledger, newest first, with the running balance at each location.
      await page.goto(`/staff/inventory/variant/${v.id}`);
      await settle(page, testInfo);
      await expect(page.getByRole('heading', { level: 1 })).toContainText(v.product);
      const rows = page.locator('table.ledger tbody tr');
      const expected = [
        { reason: 'count', loc: 'KRK', qty: '−2', text: 'Count', doc: count, balance: before.KRK.on_hand + 1 },
        { reason: 'transit_loss', loc: 'KRK', qty: '−1', text: 'Lost in transit', doc: transfer, balance: before.KRK.on_hand + 3 },
        { reason: 'transfer_in', loc: 'KRK', qty: '+4', text: 'Transfer in', doc: transfer, balance: before.KRK.on_hand + 4 },
        { reason: 'transfer_out', loc: 'ATH', qty: '−4', text: 'Transfer out', doc: transfer, balance: before.ATH.on_hand + 3 },
        { reason: 'receipt', loc: 'ATH', qty: '+7', text: 'Receipt', doc: receipt, balance: before.ATH.on_hand + 7 },
      ];
      for (const [i, e] of expected.entries()) {
        const row = rows.nth(i);
        await expect(row, `movement ${i + 1}`).toHaveAttribute('data-reason', e.reason);
        await expect(row.locator('td').nth(1)).toHaveText(e.loc);
        await expect(row.locator('td[data-col="quantity"]')).toHaveText(e.qty);
        await expect(row.locator('td').nth(3)).toHaveText(e.text);
        await expect(row.getByRole('link', { name: e.doc })).toBeVisible();
        await expect(row.locator('td').nth(5)).toHaveText(STAFF.owner.name);
        await expect(row.locator('td[data-col="balance"]')).toHaveText(String(e.balance));
      }
      // The document links lead to the documents.
      await rows.nth(4).getByRole('link', { name: receipt }).click();
      await expect(page).toHaveURL(/\/staff\/inventory\/receipts\/\d+$/);
      await expect(page.getByRole('heading', { level: 1 })).toContainText(receipt);

      // The stock table shows the final numbers.
      now = await stockOf(page, testInfo, v.sku);
      expect(now.ATH.on_hand).toBe(before.ATH.on_hand + 3);
      expect(now.KRK.on_hand).toBe(before.KRK.on_hand + 1);
      expect(now.KRK.incoming).toBe(before.KRK.incoming);
      expect(now.WEB.on_hand).toBe(before.WEB.on_hand);
      expect(errors, 'no script errors, failed requests or hydration problems').toEqual([]);
    });

  test('cashier: no inventory link, 403 page, and the server functions refuse', async ({ page }, testInfo) => {
    await signIn(page, testInfo, STAFF.cashier, '/staff');
    await expect(page.getByRole('link', { name: 'Inventory' })).toHaveCount(0);

    for (const path of ['/staff/inventory', '/staff/inventory/adjust', '/staff/inventory/counts', '/staff/inventory/low-stock']) {
      const res = await page.goto(path);
      expect(res?.status(), path).toBe(403);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Not allowed');
      await expect(page.locator('table')).toHaveCount(0);
    }
    await settle(page, testInfo);

    // Calling the server functions directly, with a valid session and CSRF token, is refused too.
    const csrf = await csrfToken(page);
    const adjust = await page.request.post('/api/staff/inventory/adjust', {
      form: { csrf, location: '2', code: 'HM-0355', change: '5', reason: 'found', note: 'not allowed' },
    });
    expect(adjust.status()).toBe(403);
    expect(await adjust.text()).toContain('Forbidden');
    const receive = await page.request.post('/api/staff/inventory/receive', {
      form: { csrf, location: '2', lines: 'HM-0355 5' },
    });
    expect(receive.status()).toBe(403);
    const read = await page.request.get('/api/staff/inventory/stock?locale=en&query=');
    expect(read.status()).toBe(403);
    // Without the CSRF token the request does not even reach the function.
    const forged = await page.request.post('/api/staff/inventory/adjust', {
      form: { location: '2', code: 'HM-0355', change: '5', reason: 'found' },
    });
    expect(forged.status()).toBe(403);
    expect(await forged.text()).toContain('CSRF');
  });

  test('manager: the dashboard links to inventory; only their store can be changed', async ({ page }, testInfo) => {
    await signIn(page, testInfo, MANAGER_ATHENS, '/staff');
    await page.getByRole('link', { name: 'Inventory' }).click();
    await expect(page).toHaveURL(/\/staff\/inventory$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Stock by location');
    await settle(page, testInfo);
    // The receive form offers Athens only.
    await page.goto('/staff/inventory/receive');
    await settle(page, testInfo);
    const options = page.getByLabel('Location').locator('option');
    await expect(options).toHaveText(['Choose…', 'ATH · Stoa Athens']);
    // Kraków's stock is refused on the server, with a clear message for the form.
    const csrf = await csrfToken(page);
    const krk = await page.request.post('/api/staff/inventory/receive', {
      form: { csrf, location: '3', lines: 'HM-0357 2' },
    });
    expect(krk.status()).toBe(403);
    const adjust = await page.request.post('/api/staff/inventory/adjust', {
      form: { csrf, location: '3', code: 'HM-0357', change: '1', reason: 'found' },
    });
    expect(adjust.status()).toBe(403);
  });
});

test.describe('inventory forms', { tag: '@nojs' }, () => {
  // Each project (with and without JavaScript) works on its own product.
  const products: Record<string, string> = {
    'desktop-js': 'large basket zakopane',
    'no-js': 'beige basket sopot',
  };
  const adjustProducts: Record<string, string> = {
    'desktop-js': 'straw basket syros',
    'no-js': 'small beige basket beskidy',
  };

  test('bad input is shown next to its field, the input is kept and nothing changes', async ({ page }, testInfo) => {
    test.setTimeout(180_000);
    await signIn(page, testInfo, STAFF.owner);
    const v = await findVariant(page, testInfo, products[testInfo.project.name] ?? products['desktop-js']);
    const before = await stockOf(page, testInfo, v.sku);

    // Receiving zero units.
    await page.goto('/staff/inventory/receive');
    await settle(page, testInfo);
    await page.getByLabel('Location').selectOption({ label: 'ATH · Stoa Athens' });
    await page.getByLabel('Supplier').fill('Baskets & Co.');
    await page.getByLabel(/^Products/).fill(`${v.sku} 0`);
    await page.getByRole('button', { name: 'Receive', exact: true }).click();
    const lines = page.getByLabel(/^Products/);
    await expect(page.locator('#receive-lines-error')).toContainText('Line 1: Enter a number from 1 to 1,000,000.');
    await expect(lines).toHaveAttribute('aria-invalid', 'true');
    await expect(lines).toHaveAccessibleDescription(/Line 1: Enter a number from 1 to 1,000,000\./);
    await expect(lines).toHaveValue(`${v.sku} 0`);
    // With JavaScript the hydrated form shows the error in place; without, the server sent the
    // browser back to the form, keeping the error and the input in the session: the address
    // only names them (nothing typed in it).
    if (jsEnabled(testInfo)) {
      await expect(page).toHaveURL(/\/staff\/inventory\/receive$/);
    } else {
      await expect(page).toHaveURL(/\/staff\/inventory\/receive\?flash=[A-Za-z0-9_-]+$/);
      // Shown once: reloading the address shows the empty form.
      const kept = page.url();
      await page.reload();
      await expect(page.locator('#receive-lines-error')).toHaveCount(0);
      await expect(page.getByLabel(/^Products/)).toHaveValue('');
      await page.goto(kept.replace(/\?.*$/, ''));
      await page.getByLabel('Location').selectOption({ label: 'ATH · Stoa Athens' });
      await page.getByLabel('Supplier').fill('Baskets & Co.');
      await page.getByLabel(/^Products/).fill(`${v.sku} 0`);
      await page.getByRole('button', { name: 'Receive', exact: true }).click();
      await expect(page.locator('#receive-lines-error')).toContainText('Line 1: Enter a number from 1 to 1,000,000.');
    }
    await expect(page.getByLabel('Supplier')).toHaveValue('Baskets & Co.');
    await expect(page.getByLabel('Location')).toHaveValue(/\d+/);
    await expect(page.getByLabel('Location').locator('option:checked')).toHaveText('ATH · Stoa Athens');
    await settle(page, testInfo);

    // An unknown code, on the second line.
    await lines.fill(`${v.sku}\nNO-SUCH-CODE-42`);
    await page.getByRole('button', { name: 'Receive', exact: true }).click();
    await expect(page.locator('#receive-lines-error')).toHaveText('Line 2: No product has the SKU or barcode “NO-SUCH-CODE-42”.');
    await expect(lines).toHaveValue(`${v.sku}\nNO-SUCH-CODE-42`);
    await settle(page, testInfo);

    // No location chosen.
    await page.getByLabel('Location').selectOption({ label: 'Choose…' });
    await lines.fill(v.sku);
    await page.getByRole('button', { name: 'Receive', exact: true }).click();
    await expect(page.locator('#receive-location-error')).toHaveText('Choose a location.');
    await expect(page.getByLabel('Location')).toHaveAttribute('aria-invalid', 'true');
    await settle(page, testInfo);

    // A transfer to the location it comes from.
    await page.goto('/staff/inventory/transfers');
    await settle(page, testInfo);
    await page.getByLabel('From').selectOption({ label: 'ATH · Stoa Athens' });
    await page.getByLabel('To', { exact: true }).selectOption({ label: 'ATH · Stoa Athens' });
    await page.getByLabel(/^Products/).fill(`${v.sku} 1`);
    await page.getByRole('button', { name: 'Create transfer' }).click();
    await expect(page.locator('#transfer-to-error')).toHaveText('Choose a different location to send to.');
    await expect(page.getByLabel('To', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByLabel(/^Products/)).toHaveValue(`${v.sku} 1`);
    await expect(page).toHaveURL(/\/staff\/inventory\/transfers(\?|$)/);
    await settle(page, testInfo);

    // An adjustment of zero units.
    await page.goto(`/staff/inventory/adjust?variant=${v.id}`);
    await settle(page, testInfo);
    await expect(page.getByLabel('SKU or barcode')).toHaveValue(v.sku);
    await page.getByLabel('Location').selectOption({ label: 'ATH · Stoa Athens' });
    await page.getByLabel(/^Change/).fill('0');
    await page.getByLabel('Reason').selectOption({ label: 'Correction' });
    await page.getByRole('button', { name: 'Post adjustment' }).click();
    await expect(page.locator('#adjust-change-error')).toHaveText('Enter how many units to add (+) or remove (−).');
    await expect(page.getByLabel(/^Change/)).toHaveValue('0');
    await expect(page.getByLabel('SKU or barcode')).toHaveValue(v.sku);
    await settle(page, testInfo);

    // Removing more than there is.
    await page.getByLabel(/^Change/).fill(String(-(before.ATH.available + 5)));
    await page.getByLabel('Reason').selectOption({ label: 'Damaged' });
    await page.getByRole('button', { name: 'Post adjustment' }).click();
    await expect(page.locator('#adjust-change-error')).toContainText(`Not enough stock of ${v.sku} at ATH:`);
    // Nothing typed is lost: the manager corrects the number, not the whole form.
    await expect(page.getByLabel(/^Change/)).toHaveValue(String(-(before.ATH.available + 5)));
    await expect(page.getByLabel('SKU or barcode')).toHaveValue(v.sku);
    await expect(page.getByLabel('Reason')).toHaveValue('damaged');
    await settle(page, testInfo);

    // Nothing was booked, and no transfer was drafted.
    expect(await stockOf(page, testInfo, v.sku)).toEqual(before);
    await page.goto('/staff/inventory/transfers');
    await expect(page.locator('table.documents tbody tr', { hasText: 'ATH → ATH' })).toHaveCount(0);
    await page.goto(`/staff/inventory/variant/${v.id}`);
    await expect(page.locator('table.ledger tbody tr').first()).not.toHaveAttribute('data-reason', /receipt|adjustment/);
  });

  test('manager adjusts stock from the ledger', async ({ page }, testInfo) => {
    await signIn(page, testInfo, MANAGER_ATHENS);
    const v = await findVariant(page, testInfo, adjustProducts[testInfo.project.name] ?? adjustProducts['desktop-js']);
    const before = await stockOf(page, testInfo, v.sku);

    await page.goto(`/staff/inventory/variant/${v.id}`);
    await settle(page, testInfo);
    await page.getByRole('link', { name: 'Adjust stock' }).last().click();
    await expect(page).toHaveURL(new RegExp(`/staff/inventory/adjust\\?variant=${v.id}$`));
    await expect(page.getByLabel('SKU or barcode')).toHaveValue(v.sku);
    // A manager of Athens has one location to choose: it is chosen.
    await expect(page.getByLabel('Location').locator('option:checked')).toHaveText('ATH · Stoa Athens');
    await settle(page, testInfo);
    // Found stock must be added: a negative change is refused, with the reason.
    await page.getByLabel(/^Change/).fill('-2');
    await page.getByLabel('Reason').selectOption({ label: 'Found' });
    await page.getByRole('button', { name: 'Post adjustment' }).click();
    await expect(page.locator('#adjust-reason-error')).toHaveText('Found stock is added: enter a positive change.');
    await settle(page, testInfo);
    await page.getByLabel(/^Change/).fill('2');
    await page.getByLabel('Note').fill('Found behind the counter');
    await page.getByRole('button', { name: 'Post adjustment' }).click();

    await expect(page).toHaveURL(new RegExp(`/staff/inventory/variant/${v.id}\\?done=adjust$`));
    await expect(page.getByRole('status')).toHaveText('Stock adjusted.');
    const first = page.locator('table.ledger tbody tr').first();
    await expect(first).toHaveAttribute('data-reason', 'adjustment');
    await expect(first.locator('td').nth(1)).toHaveText('ATH');
    await expect(first.locator('td[data-col="quantity"]')).toHaveText('+2');
    await expect(first.locator('td').nth(3)).toHaveText('Adjustment (Found)');
    await expect(first.locator('td').nth(5)).toHaveText(MANAGER_ATHENS.name);
    await expect(first.locator('td.note')).toHaveText('Found behind the counter');
    await expect(first.locator('td[data-col="balance"]')).toHaveText(String(before.ATH.on_hand + 2));
    const athRow = page.locator('table.variant-stock tr[data-location="ATH"]');
    await expect(athRow.locator('td[data-col="on_hand"]')).toHaveText(String(before.ATH.on_hand + 2));
  });
});

test.describe('inventory documents', { tag: '@nojs' }, () => {
  const products: Record<string, string> = {
    'desktop-js': 'olive tumblers tinos',
    'no-js': 'green tumblers wawel',
  };

  test('transfer KRK→ATH and a count at ATH, scanning codes', async ({ page }, testInfo) => {
    test.setTimeout(180_000);
    await signIn(page, testInfo, STAFF.owner);
    const v = await findVariant(page, testInfo, products[testInfo.project.name] ?? products['desktop-js']);
    const before = await stockOf(page, testInfo, v.sku);
    expect(before.KRK.available, 'the demo has Kraków stock of this variant').toBeGreaterThanOrEqual(2);

    // Transfer 2 from Kraków to Athens: draft, sent, received in full.
    await page.goto('/staff/inventory/transfers');
    await settle(page, testInfo);
    await page.getByLabel('From').selectOption({ label: 'KRK · Stoa Kraków' });
    await page.getByLabel('To', { exact: true }).selectOption({ label: 'ATH · Stoa Athens' });
    await page.getByLabel(/^Products/).fill(`${v.sku}\n${v.sku}`);
    await page.getByLabel('Note').fill('Two for the window display');
    await page.getByRole('button', { name: 'Create transfer' }).click();
    await expect(page).toHaveURL(/\/staff\/inventory\/transfers\/\d+$/);
    await expect(page.locator('dd.status')).toHaveText('Draft');
    await expect(page.locator(`tr[data-sku="${v.sku}"] td[data-col="sent"]`)).toHaveText('2');
    await settle(page, testInfo);
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(page.locator('dd.status')).toHaveText('Sent');
    await settle(page, testInfo);
    // More than was sent is refused, next to the quantities.
    await page.getByLabel(`Received ${v.sku}`).fill('5');
    await page.getByRole('button', { name: 'Receive', exact: true }).click();
    await expect(page.locator('#received-error')).toHaveText('Enter a number from 0 to 2.');
    await expect(page.locator('dd.status')).toHaveText('Sent');
    await settle(page, testInfo);
    await page.getByLabel(`Received ${v.sku}`).fill('2');
    await page.getByRole('button', { name: 'Receive', exact: true }).click();
    await expect(page.locator('dd.status')).toHaveText('Received');
    await expect(page.getByRole('button')).toHaveText(['Sign out']);
    let now = await stockOf(page, testInfo, v.sku);
    expect(now.KRK.on_hand).toBe(before.KRK.on_hand - 2);
    expect(now.ATH.on_hand).toBe(before.ATH.on_hand + 2);

    // Count Athens' kitchen shelf: scan the code twice and once with a quantity, then post.
    await page.goto('/staff/inventory/counts');
    await settle(page, testInfo);
    await page.getByLabel('Location').selectOption({ label: 'ATH · Stoa Athens' });
    await page.getByLabel('What to count').selectOption({ label: 'Home & kitchen › Kitchen & pantry' });
    await page.getByRole('button', { name: 'Start count' }).click();
    await expect(page).toHaveURL(/\/staff\/inventory\/counts\/\d+$/);
    await settle(page, testInfo);
    const scan = page.getByLabel('Scan or type a code');
    const counted = page.getByLabel(`Counted ${v.sku}`);
    for (const code of [v.sku, v.sku, `${v.sku} 3`]) {
      await scan.fill(code);
      await scan.press('Enter');
      await expect(scan).toHaveValue('');
      await settle(page, testInfo);
    }
    await expect(counted).toHaveValue('5');
    await expect(page.locator('p.scanned')).toHaveText(`${v.sku}: 5 counted`);
    // An unknown code is refused next to the scan box and counts nothing.
    await scan.fill('NOT-A-CODE-9');
    await scan.press('Enter');
    await expect(page.locator('#scan-error')).toContainText('No product has the SKU or barcode “NOT-A-CODE-9”.');
    await expect(scan).toHaveValue('NOT-A-CODE-9');
    await expect(counted).toHaveValue('5');
    await settle(page, testInfo);
    // Counted only: the one line.
    await page.getByRole('link', { name: 'Counted only' }).click();
    await expect(page.locator('table.count-lines tbody tr')).toHaveCount(1);
    await settle(page, testInfo);
    const target = before.ATH.on_hand + 2 + 1;
    await counted.fill(String(target));
    await page.getByRole('button', { name: 'Save counted quantities' }).click();
    await expect(page.getByRole('status')).toHaveText('Saved.');
    await expect(counted).toHaveValue(String(target));
    const review = page.getByRole('region', { name: 'Differences to post' });
    await expect(review.locator(`tr[data-sku="${v.sku}"] td[data-col="change"]`)).toHaveText('+1');
    await settle(page, testInfo);
    await page.getByRole('button', { name: 'Post count' }).click();
    await expect(page.locator('dd.status')).toHaveText('Posted');
    await expect(page.locator(`tr[data-sku="${v.sku}"] td[data-col="counted"]`)).toHaveText(String(target));

    now = await stockOf(page, testInfo, v.sku);
    expect(now.ATH.on_hand).toBe(target);
    await page.goto(`/staff/inventory/variant/${v.id}?location=2`);
    const rows = page.locator('table.ledger tbody tr');
    await expect(rows.first()).toHaveAttribute('data-reason', 'count');
    await expect(rows.first().locator('td[data-col="balance"]')).toHaveText(String(target));
    await expect(rows.nth(1)).toHaveAttribute('data-reason', 'transfer_in');
    await expect(rows.nth(1).locator('td[data-col="quantity"]')).toHaveText('+2');
    // The location filter shows Athens only.
    await expect(page.locator('table.ledger tbody tr[data-location="KRK"]')).toHaveCount(0);
  });
});

test.describe('low-stock thresholds', { tag: '@nojs' }, () => {
  const products: Record<string, string> = {
    'desktop-js': 'soft grey throw tinos',
    'no-js': 'warm burgundy throw bieszczady',
  };

  test("a variant's own threshold, and a location's default", async ({ page }, testInfo) => {
    await signIn(page, testInfo, STAFF.owner);
    const v = await findVariant(page, testInfo, products[testInfo.project.name] ?? products['desktop-js']);
    await page.goto(`/staff/inventory/variant/${v.id}`);
    await settle(page, testInfo);
    const web = page.locator('table.variant-stock tr[data-location="WEB"]');
    await expect(web.locator('td[data-col="threshold"]')).toHaveText('5');
    const onHand = parseInt(await web.locator('td[data-col="on_hand"]').innerText(), 10);
    expect(onHand, 'the demo has warehouse stock of this variant').toBeGreaterThan(5);
    await expect(web.locator('.low-flag')).toHaveCount(0);

    // Its own threshold above what the warehouse has: low everywhere, and on the low-stock list.
    const field = page.getByLabel(/^Own low-stock threshold/);
    await field.fill(String(onHand + 10));
    await page.getByRole('button', { name: 'Save threshold' }).click();
    await expect(page.getByRole('status')).toHaveText('Saved.');
    await expect(page).toHaveURL(jsEnabled(testInfo) ? /\/variant\/\d+$/ : /\/variant\/\d+\?done=threshold$/);
    await expect(web.locator('td[data-col="threshold"]')).toHaveText(String(onHand + 10));
    await expect(web.locator('td[data-col="available"]')).toContainText('Low');
    await page.goto(`/staff/inventory?q=${v.sku}&low=1&location=1`);
    await expect(page.locator(`table.stock-table tr[data-sku="${v.sku}"]`)).toBeVisible();

    // A negative threshold is refused next to the field; empty goes back to the defaults.
    await page.goto(`/staff/inventory/variant/${v.id}`);
    await settle(page, testInfo);
    await field.fill('-1');
    await page.getByRole('button', { name: 'Save threshold' }).click();
    await expect(page.locator('#variant-threshold-error')).toHaveText('Enter a number from 0 to 100,000.');
    await expect(field).toHaveValue('-1');
    await settle(page, testInfo);
    await field.fill('');
    await page.getByRole('button', { name: 'Save threshold' }).click();
    await expect(page.getByRole('status')).toHaveText('Saved.');
    await expect(web.locator('td[data-col="threshold"]')).toHaveText('5');
    await expect(field).toHaveValue('');
    await settle(page, testInfo);

    // The warehouse default, saved as it is (other tests rely on it).
    await page.getByRole('navigation', { name: 'Inventory sections' }).getByRole('link', { name: 'Low stock' }).click();
    await expect(page).toHaveURL(/\/staff\/inventory\/low-stock$/);
    await expect(page.getByRole('link', { name: 'Low stock' })).toHaveAttribute('aria-current', 'page');
    await settle(page, testInfo);
    const form = page.locator('form.stock-form');
    await form.getByLabel('Location').selectOption({ label: 'WEB · Online warehouse' });
    await form.getByLabel('Default low-stock threshold').fill('5');
    await form.getByRole('button', { name: 'Save threshold' }).click();
    await expect(page.getByRole('status')).toHaveText('Saved.');
    await expect(page.locator('table.defaults tr', { hasText: 'WEB · Online warehouse' }).locator('td')).toHaveText('5');
  });
});

test.describe('inventory on a phone', { tag: '@phone' }, () => {
  test('stock table, low stock and a ledger fit the screen; wide tables scroll inside', async ({ page }, testInfo) => {
    await signIn(page, testInfo, STAFF.owner);
    const errors = collectErrors(page);
    await expectNoHorizontalOverflow(page, 'stock page');
    const wrap = page.locator('.table-wrap').first();
    await expect(wrap).toBeVisible();
    // The table is wider than a phone and scrolls inside its wrapper.
    if ((page.viewportSize()?.width ?? 1280) < 600) {
      const { scrollWidth, clientWidth } = await wrap.evaluate((e) => ({ scrollWidth: e.scrollWidth, clientWidth: e.clientWidth }));
      expect(scrollWidth).toBeGreaterThan(clientWidth);
    }

    // Filter: low stock only, at Kraków. Low cells say so in words, not only in colour.
    await page.getByLabel('Location').selectOption({ label: 'KRK · Stoa Kraków' });
    await page.getByLabel('Low stock only').check();
    await page.getByRole('button', { name: 'Show' }).click();
    await expect(page).toHaveURL(/low=1/);
    await expect(page.getByLabel('Low stock only')).toBeChecked();
    const firstAvailable = page.locator('table.stock-table tbody tr').first().locator('td[data-col="available"]');
    await expect(firstAvailable).toContainText('Low');
    await expectNoHorizontalOverflow(page, 'stock page, filtered');
    // 50 rows a page, with a pager.
    await expect(page.locator('table.stock-table tbody tr')).toHaveCount(50);
    await expect(page.getByRole('navigation', { name: 'Page' }).getByRole('link', { name: 'Next' })).toBeVisible();
    await settle(page, testInfo);

    await page.getByRole('navigation', { name: 'Inventory sections' }).getByRole('link', { name: 'Low stock' }).click();
    await expect(page).toHaveURL(/\/staff\/inventory\/low-stock$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Low stock');
    await expect(page.locator('table.low-stock tbody tr').first()).toBeVisible();
    await expectNoHorizontalOverflow(page, 'low-stock page');
    await settle(page, testInfo);

    await page.locator('table.low-stock tbody tr').first().getByRole('link').click();
    await expect(page).toHaveURL(/\/staff\/inventory\/variant\/\d+$/);
    await expect(page.getByRole('region', { name: 'Movements' })).toBeVisible();
    await expectNoHorizontalOverflow(page, 'ledger page');

    for (const path of ['/staff/inventory/receive', '/staff/inventory/transfers', '/staff/inventory/counts', '/staff/inventory/adjust']) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expectNoHorizontalOverflow(page, path);
    }
    expect(errors, 'no script errors, failed requests or hydration problems').toEqual([]);
  });
});
