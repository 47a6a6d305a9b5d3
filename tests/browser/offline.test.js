// A citizen on a weak network: after one visit, a procedure page, its tools and the
// drafts page work in airplane mode, and pages raise no console errors.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const { serve, watchErrors, waitUntilKept, useSite, until } = require('./harness');

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
  const url = site.server.base + 'thu-tuc/1.001193/';
  await page.goto(url);
  await waitUntilKept(page);
  // The footer tells the citizen the page is on the device once it and its data are kept.
  const kept = page.locator('[data-offline-status]');
  await kept.waitFor({ state: 'visible' });
  assert.strictEqual(await kept.innerText(), 'Trang này đã được lưu trên thiết bị, mở được cả khi không có mạng.');
  const online = await deadline(page, '2026-02-13T16:00');
  assert.match(online, /Hạn trả kết quả: 17:00 Thứ Hai, 23\/02\/2026/);
  assert.match(online, /Tết Nguyên đán/);
  assert.deepStrictEqual(errors, []);

  // The drafts page is part of the app shell: never visited, still there offline.
  await site.server.close();
  await context.setOffline(true);
  await page.reload();
  assert.match(await page.locator('h1').innerText(), /Khai sinh|khai sinh/i);
  await kept.waitFor({ state: 'visible' });
  const offline = await deadline(page, '2026-02-13T16:00');
  assert.strictEqual(offline, online);
  // The browser asks for the web app manifest whenever it likes, offline too.
  const manifest = await page.evaluate(() =>
    fetch(document.querySelector('link[rel="manifest"]').href).then((r) => r.ok && r.json()));
  assert.strictEqual(manifest.lang, 'vi');

  await page.goto(site.server.base + 'ho-so-nhap/');
  assert.strictEqual(await page.locator('h1').innerText(), 'Hồ sơ nháp của tôi');
  await page.locator('[data-tool="drafts"]:not([hidden])').waitFor();

  // A page never visited says so plainly instead of the browser's error.
  await page.goto(site.server.base + 'son-la/');
  assert.strictEqual(await page.locator('h1').innerText(), 'Bạn đang ngoại tuyến');
  assert.deepStrictEqual(errors, []);
  await context.close();
});

// Issue 13: a first visit downloads the WebAssembly core only when a tool is used or the
// page is loaded and the browser idle. The page here shows its icon as an image the server
// answers after 3 s, so its load event comes late: neither the service worker's install
// (which precaches the core), nor the checklist, nor the due date of the page's summary may
// fetch the core before the image is answered.
test('opening a procedure page does not fetch the WebAssembly core before the load event', async () => {
  const log = [];
  let beforeLoad = -1;  // requests that came before the image was answered
  const server2 = await serve(site.root(), {
    seen: (url) => log.push(url),
    hold: (url) => {
      if (!url.endsWith('?cham=1')) return 0;
      setTimeout(() => { beforeLoad = log.length; }, 3000);  // runs just before the answer
      return 3000;
    },
  });
  const context = await site.browser.newContext();
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.addInitScript(() => {
    if (sessionStorage.getItem('cham')) return;  // the first load only
    sessionStorage.setItem('cham', '1');
    document.addEventListener('DOMContentLoaded', () => {
      const img = document.createElement('img');
      img.src = document.querySelector('link[rel~="icon"]').href + '?cham=1';
      img.alt = '';
      document.body.appendChild(img);
    });
  });
  await page.goto(server2.base + 'thu-tuc/1.001193/', { waitUntil: 'load' });
  assert.ok(beforeLoad > 0, 'the slow image was answered');
  const isCore = (u) => /\/assets\/motcua\.[0-9a-f]+\.wasm/.test(u);
  const early = log.slice(0, beforeLoad);
  assert.ok(early.some((u) => u.includes('/thu-tuc/1.001193/')), 'the page came before the image');
  assert.deepStrictEqual(early.filter(isCore), [], 'no core requested before the load event: ' + early.join(' '));
  // Then, idle, the core comes (the summary's due date, the service worker's precache)
  // and the page works offline.
  await waitUntilKept(page);
  await until(page, async () => {
    const core = document.body.getAttribute('data-wasm');
    return Boolean(core && await caches.match(new URL(core, location.href).href));
  }, null, { message: 'the core is kept' });
  assert.ok(log.some(isCore));
  await server2.close();
  await context.setOffline(true);
  await page.reload();
  const tool = page.locator('[data-tool="deadline"]');
  await tool.locator('input[name="received_at"]').fill('2026-02-13T16:00');
  await tool.locator('button[type="submit"]').click();
  await tool.locator('.tool-result .answer').waitFor();
  assert.match(await tool.locator('.tool-result').innerText(), /Hạn trả kết quả: 17:00 Thứ Hai, 23\/02\/2026/);
  assert.deepStrictEqual(errors, []);
  await context.close();
});

test('pages work without JavaScript: the tools stay hidden and nothing is missing', async () => {
  const server2 = await serve(site.root());
  const context = await site.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(server2.base + 'thu-tuc/1.001193/');
  assert.strictEqual(await page.locator('[data-tool="deadline"]').isVisible(), false);
  // Without JavaScript nothing is kept on the device, so the footer promises nothing.
  assert.strictEqual(await page.locator('[data-offline-status]').isVisible(), false);
  assert.match(await page.locator('#thoi-han').innerText(), /Mất bao lâu/);
  await page.goto(server2.base + 'ho-so-nhap/');
  assert.match(await page.locator('main').innerText(), /cần bật JavaScript/);
  await context.close();
  await server2.close();
});
