// A citizen on a weak network: after one visit, a procedure page, its tools and the
// drafts page work in airplane mode, and pages raise no console errors.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const { serve, watchErrors, waitUntilKept, useSite } = require('./harness');

const site = useSite(test);

async function deadline(page, when) {
  const tool = page.locator('[data-tool="deadline"]');
  await tool.locator('input[name="received_at"]').fill(when);
  await tool.locator('button[type="submit"]').click();
  await tool.locator('.tool-result .answer').waitFor();
  return tool.locator('.tool-result').innerText();
}

test('a visited procedure page and its deadline calculator work offline', async () => {
  const context = await site.browser.newContext();
  const page = await context.newPage();
  const errors = watchErrors(page);
  const url = site.server.base + 'lai-chau/thu-tuc/1.001193/';
  await page.goto(url);
  await waitUntilKept(page);
  const online = await deadline(page, '2026-02-13T16:00');
  assert.match(online, /Hạn trả kết quả: 17:00 Thứ Hai, 23\/02\/2026/);
  assert.match(online, /Tết Nguyên đán/);
  assert.deepStrictEqual(errors, []);

  // The drafts page is part of the app shell: never visited, still there offline.
  await site.server.close();
  await context.setOffline(true);
  await page.reload();
  assert.match(await page.locator('h1').innerText(), /Khai sinh|khai sinh/i);
  const offline = await deadline(page, '2026-02-13T16:00');
  assert.strictEqual(offline, online);

  await page.goto(site.server.base + 'ho-so-nhap/');
  assert.strictEqual(await page.locator('h1').innerText(), 'Hồ sơ nháp của tôi');
  await page.locator('[data-tool="drafts"]:not([hidden])').waitFor();

  // A page never visited says so plainly instead of the browser's error.
  await page.goto(site.server.base + 'son-la/');
  assert.strictEqual(await page.locator('h1').innerText(), 'Bạn đang ngoại tuyến');
  assert.deepStrictEqual(errors, []);
  await context.close();
});

test('pages work without JavaScript: the tools stay hidden and nothing is missing', async () => {
  const server2 = await serve(site.root());
  const context = await site.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(server2.base + 'thu-tuc/1.001193/');
  assert.strictEqual(await page.locator('[data-tool="deadline"]').isVisible(), false);
  assert.match(await page.locator('#thoi-han').innerText(), /Mất bao lâu/);
  await page.goto(server2.base + 'ho-so-nhap/');
  assert.match(await page.locator('main').innerText(), /cần bật JavaScript/);
  await context.close();
  await server2.close();
});
