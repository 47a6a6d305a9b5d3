// A citizen searching on a phone: results as they type on the home page, offline after one
// visit (or a plain word that part of the index is missing), the /tim-kiem/ page without
// JavaScript (the A–Z letters and the fields), its filters, and no WCAG 2.2 AA violations.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const { serve, watchErrors, waitUntilKept, until, useSite } = require('./harness');

const site = useSite(test);
const PHONE = { viewport: { width: 360, height: 800 } };

// The results panel under a search box: its status line and its links.
function panel(page) {
  return page.getByRole('region', { name: 'Kết quả tìm kiếm' });
}
function statusOf(page) {
  return panel(page).getByRole('status');
}
// [{name, meta, href}] of the results shown.
function shown(page) {
  return page.$$eval('.search-results:not([hidden]) ol.search-list li a', (links) => links.map((a) => ({
    name: a.querySelector('strong').textContent,
    meta: a.querySelector('.meta').textContent,
    href: a.getAttribute('href'),
  })));
}
// Types `q` key by key into `input` (cleared first) and waits until the status line answers
// for exactly this query (a result count, "nothing found" or "offline").
async function typeQuery(page, input, q) {
  await input.fill('');
  await input.pressSequentially(q, { delay: 40 });
  await until(page, (query) => {
    const s = document.querySelector('.search-results:not([hidden]) [role="status"]');
    return s && s.textContent.includes('“' + query + '”') && s.textContent;
  }, q, { message: 'the results for "' + q + '" are shown' });
}

test('typing on the home page shows results at once, and the first leads to its page', async () => {
  const context = await site.browser.newContext(PHONE);
  const page = await context.newPage();
  const errors = watchErrors(page);
  const home = site.server.base;
  await page.goto(home);
  const input = page.getByRole('searchbox', { name: /Tên thủ tục hoặc từ quen dùng/ });

  // Half the query already answers, before the citizen ends the word or presses "Tìm".
  await input.pressSequentially('khai', { delay: 40 });
  await panel(page).locator('ol.search-list li').first().waitFor();
  await input.pressSequentially(' sinh', { delay: 40 });
  await until(page, () => {
    const s = document.querySelector('.search-results [role="status"]');
    return s && s.textContent.includes('“khai sinh”');
  }, null, { message: 'the results for "khai sinh" are shown' });
  assert.strictEqual(page.url(), home, 'nothing was submitted');
  const results = await shown(page);
  assert.ok(results.length >= 3, JSON.stringify(results));
  assert.ok(results.slice(0, 3).some((r) => r.name === 'Đăng ký khai sinh'), JSON.stringify(results));
  assert.strictEqual(results[0].name, 'Đăng ký khai sinh');
  assert.match(results[0].meta, /Cấp xã/);
  assert.match(results[0].meta, /Mã 1\.001193/);

  // Without diacritics, the way many phones type.
  await typeQuery(page, input, 'dang ky khai sinh');
  assert.strictEqual((await shown(page))[0].name, 'Đăng ký khai sinh');

  await panel(page).locator('ol.search-list li a').first().click();
  await page.waitForURL(home + 'thu-tuc/1.001193/');
  assert.strictEqual(await page.locator('h1').innerText(), 'Đăng ký khai sinh');
  assert.deepStrictEqual(errors, []);
  await context.close();
});

test('after one visit, search works offline, and says plainly when part of the index is missing', async () => {
  // A server of its own: this test cuts its signal (and closes it even when a check fails,
  // or the test file would never end).
  const server = await serve(site.root());
  try {
    await offlineSearch(server);
  } finally {
    await server.close();
  }
});

async function offlineSearch(server) {
  const context = await site.browser.newContext(PHONE);
  const page = await context.newPage();
  const errors = watchErrors(page);
  const fetched = new Set();
  page.on('requestfinished', (r) => { if (/\/search\/[^/]+\.txt$/.test(r.url())) fetched.add(r.url()); });
  await page.goto(server.base);
  await waitUntilKept(page);

  const input = page.getByRole('searchbox', { name: /Tên thủ tục hoặc từ quen dùng/ });
  await typeQuery(page, input, 'khai sinh');
  const online = await shown(page);
  assert.strictEqual(online[0].name, 'Đăng ký khai sinh');
  assert.ok(fetched.size > 0, 'the first query downloads index parts');
  // The head under its fixed name, the parts under the hash of their bytes.
  const names = [...fetched].map((u) => u.replace(/^.*\/search\//, ''));
  assert.ok(names.includes('head.txt'), names.join(' '));
  for (const n of names) assert.match(n, /^(head|[tdfv]\d*\.[0-9a-v]{5}|p-[a-z-]+\.[0-9a-v]{5})\.txt$/);
  assert.match(await page.evaluate(() => document.body.dataset.searchHead), /^(\.\.\/)*search\/head\.txt$/);
  // Every part fetched is kept on the phone, the head among them (network first: the copy
  // kept answers offline).
  await until(page, async (urls) => {
    for (const u of urls) if (!(await caches.match(u))) return false;
    return true;
  }, [...fetched], { message: 'the index parts fetched are kept for offline use' });

  await server.close();
  await context.setOffline(true);
  await page.reload();
  assert.strictEqual(await page.evaluate(() => navigator.onLine), false);
  await typeQuery(page, input, 'khai sinh');
  assert.deepStrictEqual(await shown(page), online, 'the same results as online');
  assert.doesNotMatch(await statusOf(page).innerText(), /ngoại tuyến/, 'nothing is missing for this query');
  for (const r of online) assert.match(r.href, /thu-tuc\/\d+\.\d+\/$/);

  // Words whose index parts were never downloaded: results, or a plain word that part of
  // the index is missing, never an empty silence.
  for (const q of ['hộ chiếu', 'giấy phép xây dựng']) {
    await typeQuery(page, input, q);
    const status = await statusOf(page).innerText();
    const results = await shown(page);
    const reply = await page.evaluate((query) => window.motcuaSearch.query(query, { limit: 6 }), q);
    assert.ok(results.length > 0 || (/ngoại tuyến/.test(status) && /chưa có trên máy/.test(status)),
      q + ': ' + status);
    if (reply.incomplete) {
      assert.match(status, /ngoại tuyến/, q + ': ' + status);
      assert.match(status, /chưa có trên máy/, q + ': ' + status);
    }
  }
  // A part that could not be fetched offline is a failed request in the console; nothing else.
  assert.deepStrictEqual(errors.filter((e) => !/^Failed to load resource/.test(e)), []);
  await context.close();
}

test('without JavaScript, the search form leads to the A–Z letters and the fields', async () => {
  const context = await site.browser.newContext({ ...PHONE, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(site.server.base);
  await page.locator('#q').fill('khai sinh');
  await page.getByRole('button', { name: 'Tìm' }).click();
  await page.waitForURL(site.server.base + 'tim-kiem/?q=khai+sinh');
  assert.strictEqual(await page.locator('h1').innerText(), 'Tìm thủ tục');
  assert.match(await page.locator('main').innerText(), /đang tắt JavaScript/);

  const letters = page.getByRole('navigation', { name: 'Chữ cái' }).getByRole('link');
  assert.ok(await letters.count() >= 10, 'the A–Z tiles');
  const d = letters.filter({ hasText: /^Đ\s/ });
  assert.match(await d.innerText(), /^Đ\s+\d+ thủ tục$/);
  const fields = page.locator('#theo-linh-vuc + ul.chips a');
  assert.ok(await fields.count() >= 10, 'the fields');

  await d.click();
  await page.waitForURL(/\/thu-tuc\/chu-dd\/$/);
  assert.strictEqual(await page.locator('h1').innerText(), 'Thủ tục vần Đ');
  const names = await page.locator('main a[href*="thu-tuc/"]').allInnerTexts();
  assert.ok(names.filter((n) => /^Đ/.test(n)).length >= 10, 'the letter lists its procedures: ' + names.slice(0, 5));

  await page.goBack();
  const hoTich = page.locator('#theo-linh-vuc + ul.chips a', { hasText: 'Hộ tịch' }).first();
  await hoTich.click();
  await page.waitForURL(/\/linh-vuc\/ho-tich\/$/);
  assert.match(await page.locator('h1').innerText(), /Hộ tịch/);
  assert.ok(await page.locator('main a', { hasText: 'Đăng ký khai sinh' }).count() > 0);
  await context.close();
});

test('/tim-kiem/?q=… shows the results on load, and the level filter keeps only that level', async () => {
  const context = await site.browser.newContext(PHONE);
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(site.server.base + 'tim-kiem/?q=khai%20sinh');
  await until(page, () => {
    const s = document.querySelector('.search-results:not([hidden]) [role="status"]');
    return s && s.textContent.includes('“khai sinh”');
  }, null, { message: 'the results for the query in the address' });
  assert.strictEqual(await page.locator('#q').inputValue(), 'khai sinh');
  const all = await shown(page);
  assert.strictEqual(all[0].name, 'Đăng ký khai sinh');
  assert.ok(all.some((r) => !/Cấp xã/.test(r.meta)), 'without the filter, other levels come too: ' +
    JSON.stringify(all.map((r) => r.meta)));

  await page.getByText('Lọc kết quả').click();
  await page.locator('#loc-cap').selectOption({ label: 'Cấp xã' });
  await until(page, () => {
    const metas = [...document.querySelectorAll('.search-results:not([hidden]) ol.search-list .meta')];
    return metas.length > 0 && metas.every((m) => m.textContent.includes('Cấp xã'));
  }, null, { message: 'only commune-level results are left' });
  const xa = await shown(page);
  assert.ok(xa.every((r) => /Cấp xã/.test(r.meta)), JSON.stringify(xa));
  assert.strictEqual(xa[0].name, 'Đăng ký khai sinh');
  assert.deepStrictEqual(errors, []);
  await context.close();
});

async function violations(page) {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const result = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
  }));
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

test('no WCAG 2.2 AA violations: /tim-kiem/ with results and its filters open', async () => {
  const context = await site.browser.newContext(PHONE);
  const page = await context.newPage();
  await page.goto(site.server.base + 'tim-kiem/?q=khai%20sinh');
  await panel(page).locator('ol.search-list li').first().waitFor();
  await page.getByText('Lọc kết quả').click();
  assert.deepStrictEqual(await violations(page), []);
  await context.close();
});

test('no WCAG 2.2 AA violations: results under the home page search box', async () => {
  const context = await site.browser.newContext(PHONE);
  const page = await context.newPage();
  await page.goto(site.server.base);
  await typeQuery(page, page.locator('#q'), 'khai sinh');
  assert.deepStrictEqual(await violations(page), []);
  await context.close();
});
