// A commune puts its catalog on its own portal: the one-line iframe and the script variant,
// in a page of another origin, at a phone's width; the list is what the commune receives,
// the search finds in it with or without diacritics, and it works without JavaScript.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');
const { useSite, watchErrors } = require('./harness');

const site = useSite(test);

// The portal: a page of its own origin (localhost, not 127.0.0.1) holding `body`.
function portal(body) {
  const server = http.createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" ' +
      'content="width=device-width, initial-scale=1"><title>Cổng thông tin điện tử phường</title></head>' +
      '<body style="margin:0"><h1>Phường Đoàn Kết</h1>' + body + '<p id="sau">Chân trang của cổng</p></body></html>');
  });
  server.unref();
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({
    url: 'http://localhost:' + server.address().port + '/',
    close: () => new Promise((done) => server.close(() => done())),
  })));
}

// What api/<province>.json says a center receives: the open data and the embed page agree.
// `center` null: the province's whole catalog, as its own portal publishes it.
function receivedAt(province, center) {
  const data = JSON.parse(fs.readFileSync(path.join(site.root(), 'api', province + '.json'), 'utf8'));
  return data.catalog.filter((e) => center === null || e.received_at.includes(center)).map((e) => e.code).sort();
}

function fold(s) {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();
}

test('the one-line iframe shows the commune\'s catalog at 320 px without horizontal scroll, and searches it', async () => {
  const where = 'lai-chau/doan-ket';
  const host = await portal('<div style="width:320px"><iframe src="' + site.server.base + 'nhung/' + where +
    '/" title="Thủ tục hành chính" style="width:100%;height:640px;border:0"></iframe></div>');
  const page = await site.browser.newPage({ viewport: { width: 360, height: 800 } });
  const errors = watchErrors(page);
  await page.goto(host.url);
  const frame = page.frameLocator('iframe');
  await frame.locator('h1').waitFor();
  const inner = page.frames().find((f) => f.url().includes('/nhung/' + where + '/'));
  assert.match(await inner.locator('h1').innerText(), /Trung tâm Phục vụ hành chính công/);
  const codes = (await inner.locator('#danh-muc li[data-code]').evaluateAll((l) => l.map((x) => x.dataset.code))).sort();
  assert.deepStrictEqual(codes, receivedAt('lai-chau', 'doan-ket'), 'the list is what the commune receives');
  assert.ok(codes.length > 5);
  const widths = () => inner.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  let [scroll, client] = await widths();
  assert.strictEqual(client, 320, 'the page is as wide as its container');
  assert.ok(scroll <= client, 'no horizontal scroll at 320 px: ' + scroll);
  // Every field opened: still no horizontal scroll.
  await inner.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
  [scroll, client] = await widths();
  assert.ok(scroll <= client, 'no horizontal scroll with every field open: ' + scroll);

  // Typed without diacritics: everything of the list whose name has "khai sinh" is found,
  // and nothing the commune does not receive.
  const names = await inner.locator('#danh-muc li[data-code] a').evaluateAll((l) => l.map((a) => a.textContent));
  await inner.fill('#q', 'khai sinh');
  await inner.locator('#ket-qua li').first().waitFor();
  await inner.waitForFunction(() => /Tìm thấy \d+ thủ tục/.test(document.getElementById('ket-qua-tim').textContent));
  const found = await inner.locator('#ket-qua li').evaluateAll((l) => l.map((x) => [x.dataset.code, x.querySelector('a').textContent]));
  const withWords = names.filter((n) => fold(n).includes('khai sinh'));
  assert.ok(withWords.length > 0);
  for (const n of withWords) assert.ok(found.some(([, name]) => name === n), 'found: ' + n);
  for (const [code] of found) assert.ok(codes.includes(code), code + ' is received at the commune');
  assert.ok(await inner.locator('#danh-muc').isHidden(), 'the results replace the list');
  [scroll, client] = await widths();
  assert.ok(scroll <= client, 'no horizontal scroll with results: ' + scroll);
  // A link opens the procedure on the site, in a new tab (the portal stays).
  const link = inner.locator('#ket-qua li a').first();
  assert.strictEqual(await link.getAttribute('target'), '_blank');
  const href = await link.evaluate((a) => a.href);
  assert.ok(href.startsWith(site.server.base) && /\/thu-tuc\/\d\.\d{6}\/$/.test(href), href);
  assert.ok(fs.existsSync(path.join(site.root(), href.slice(site.server.base.length), 'index.html')), href);
  // Cleared: the whole list again.
  await inner.fill('#q', '');
  await inner.locator('#danh-muc').waitFor();
  assert.ok(await inner.locator('#ket-qua').isHidden());
  // Something the commune does not receive is not offered, even when the site has it.
  await inner.fill('#q', 'ho chieu');
  await inner.waitForFunction(() => document.getElementById('ket-qua-tim').textContent !== '');
  const other = await inner.locator('#ket-qua li').evaluateAll((l) => l.map((x) => x.dataset.code));
  for (const code of other) assert.ok(codes.includes(code), code + ' is received at the commune');
  assert.deepStrictEqual(errors, []);
  await page.close();
  await host.close();
});

test('the script variant puts the iframe in place and sizes it to the catalog', async () => {
  const host = await portal('<div id="cho"><script src="' + site.server.base + 'nhung.js" data-noi="lai-chau/doan-ket" ' +
    'data-tieu-de="Thủ tục hành chính – Phường Đoàn Kết" async></script></div>');
  const page = await site.browser.newPage({ viewport: { width: 360, height: 800 } });
  const errors = watchErrors(page);
  await page.goto(host.url);
  const iframe = page.locator('#cho iframe');
  await iframe.waitFor();
  assert.strictEqual(await iframe.getAttribute('title'), 'Thủ tục hành chính – Phường Đoàn Kết');
  assert.strictEqual(await iframe.evaluate((f) => f.getBoundingClientRect().width), 360, 'as wide as its container');
  const inner = () => page.frames().find((f) => f.url().includes('/nhung/lai-chau/doan-ket/'));
  await page.waitForFunction(() => {
    const f = document.querySelector('#cho iframe');
    return f && f.getBoundingClientRect().height !== 480;
  });
  const fits = async () => {
    const frameHeight = await iframe.evaluate((f) => f.getBoundingClientRect().height);
    const content = await inner().evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
    return Math.abs(frameHeight - content) <= 1 ? frameHeight : 0;
  };
  const closed = await fits();
  assert.ok(closed > 0, 'the iframe is as tall as the catalog');
  // A field opened: the iframe grows with it, nothing scrolls inside it.
  await inner().locator('#danh-muc summary').first().click();
  let opened = 0;
  for (let i = 0; i < 50 && !(opened = await fits()); i += 1) await page.waitForTimeout(100);
  assert.ok(opened > closed, 'grows with an opened field: ' + closed + ' → ' + opened);
  assert.ok(await inner().evaluate(() => document.documentElement.scrollHeight <= window.innerHeight + 1), 'no scroll inside');
  // The portal's own content follows the catalog.
  assert.ok(await page.locator('#sau').isVisible());
  assert.deepStrictEqual(errors, []);
  await page.close();
  await host.close();
});

test('the embed page works without JavaScript: every field and procedure, links to the site', async () => {
  const context = await site.browser.newContext({ javaScriptEnabled: false, viewport: { width: 320, height: 640 } });
  const page = await context.newPage();
  await page.goto(site.server.base + 'nhung/lai-chau/');
  const codes = (await page.locator('#danh-muc li[data-code]').evaluateAll((l) => l.map((x) => x.dataset.code))).sort();
  assert.deepStrictEqual(codes, receivedAt('lai-chau', null), 'the province\'s whole catalog');
  await page.locator('#danh-muc summary').first().click();
  assert.ok(await page.locator('#danh-muc details li a').first().isVisible());
  for (const href of await page.locator('#danh-muc li a').evaluateAll((l) => l.map((a) => a.href))) {
    assert.ok(fs.existsSync(path.join(site.root(), href.slice(site.server.base.length), 'index.html')), href);
  }
  // Searching without JavaScript goes to the site's search page, in the province.
  assert.strictEqual(await page.locator('form').getAttribute('target'), '_blank');
  assert.match(await page.locator('form').evaluate((f) => f.action), /\/tim-kiem\/$/);
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 320));
  // Not indexed as a page of its own: search engines send people to the center's page.
  assert.strictEqual(await page.locator('meta[name="robots"]').getAttribute('content'), 'noindex');
  await context.close();
});

test('the center page gives the lines to paste, naming its embed page and the script', async () => {
  const html = fs.readFileSync(path.join(site.root(), 'lai-chau', 'doan-ket', 'index.html'), 'utf8');
  assert.match(html, /&lt;iframe src="http:\/\/127\.0\.0\.1\/tinh\/thu-tuc-hanh-chinh\/nhung\/lai-chau\/doan-ket\/"/);
  assert.match(html, /&lt;script src="http:\/\/127\.0\.0\.1\/tinh\/thu-tuc-hanh-chinh\/nhung\.js" data-noi="lai-chau\/doan-ket"/);
  assert.ok(fs.existsSync(path.join(site.root(), 'nhung.js')));
  const sitemap = fs.readFileSync(path.join(site.root(), 'sitemap.xml'), 'utf8');
  assert.ok(!sitemap.includes('/nhung/'), 'embed pages are not in the sitemap');
});
