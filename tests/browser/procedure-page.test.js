// A citizen opening a procedure on a 360 × 800 phone (issue 12): the first screen answers
// how long, how much and where to submit, with and without JavaScript, on real procedures
// of every kind (reviewed, a province's version, imported with several channels); the
// hotline sits in the same place on every page (WCAG 3.2.6); the papers are listed once,
// the checklist enhancing that list in place; the due date if submitted now; and the
// "Nộp trực tuyến" button leads to the procedure on the national portal.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const { watchErrors, useSite } = require('./harness');

const site = useSite(test);
const PHONE = { width: 360, height: 800 };
const PAGES = [
  { url: 'thu-tuc/1.001193/', title: 'Đăng ký khai sinh' },
  { url: 'thu-tuc/1.004222/', title: 'Đăng ký thường trú' },
  { url: 'thu-tuc/2.000815/', title: 'Chứng thực bản sao từ bản chính' },
  { url: 'lai-chau/thu-tuc/1.004873/', title: 'Cấp Giấy xác nhận tình trạng hôn nhân' },
  // Imported, with a 240-word legal name and a different deadline per channel.
  { url: 'thu-tuc/1.013980/', title: /^Đăng ký biến động/ },
];

// The rows of the summary box, each with whether it lies wholly inside the first screen.
async function glanceRows(page) {
  return page.$$eval('.glance .glance-row', (rows, height) => rows.map((r) => {
    const box = r.getBoundingClientRect();
    return { term: r.querySelector('dt').innerText.trim(), text: r.querySelector('dd').innerText.trim(),
      top: box.top, bottom: box.bottom, inFirstScreen: box.top >= 0 && box.bottom <= height };
  }), PHONE.height);
}

for (const javaScriptEnabled of [false, true]) {
  test(`how long, how much and where are in the first screen (${javaScriptEnabled ? 'with' : 'without'} JavaScript)`, async () => {
    const context = await site.browser.newContext({ viewport: PHONE, javaScriptEnabled });
    const page = await context.newPage();
    const errors = watchErrors(page);
    for (const p of PAGES) {
      await page.goto(site.server.base + p.url);
      const h1 = await page.locator('h1').innerText();
      if (p.title instanceof RegExp) assert.match(h1, p.title, p.url);
      else assert.strictEqual(h1, p.title, p.url);
      // The title is said once on the screen: not again in the breadcrumbs on a phone.
      const crumb = page.locator('.breadcrumbs [aria-current="page"]');
      if (await crumb.count()) assert.strictEqual(await crumb.isVisible(), false, p.url);
      // With JavaScript, the due dates if submitted now come when the browser is idle, and
      // make the summary taller: the first screen must hold it with them.
      if (javaScriptEnabled) {
        await page.waitForFunction(() => [...document.querySelectorAll('.glance-due[data-due]')].every((s) => !s.hidden),
          null, { timeout: 15000 });
      }
      const rows = await glanceRows(page);
      const byTerm = Object.fromEntries(rows.map((r) => [r.term, r]));
      for (const term of ['Mất bao lâu', 'Bao nhiêu tiền', 'Nộp ở đâu']) {
        assert.ok(byTerm[term], `${p.url}: no "${term}" row in ${JSON.stringify(rows)}`);
        assert.ok(byTerm[term].inFirstScreen, `${p.url}: "${term}" ends at ${byTerm[term].bottom} px`);
        assert.ok(byTerm[term].text.length > 3, `${p.url}: "${term}" says "${byTerm[term].text}"`);
      }
      assert.ok(byTerm['Cần mang gì'], p.url);
      // Nothing wider than the phone.
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), p.url);
    }
    assert.deepStrictEqual(errors, []);
    await context.close();
  });
}

test('the facts in the summary are the facts of the page', async () => {
  const context = await site.browser.newContext({ viewport: PHONE, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(site.server.base + 'thu-tuc/1.004222/');
  const rows = Object.fromEntries((await glanceRows(page)).map((r) => [r.term, r.text]));
  // Permanent residence: 7 working days; 20.000 đ in person, 10.000 đ online (Thông tư
  // 75/2022/TT-BTC), as the sections below say with their sources.
  assert.match(rows['Mất bao lâu'], /7 ngày làm việc/);
  assert.match(rows['Bao nhiêu tiền'], /Trực tiếp.*20\.000 đồng/s);
  assert.match(rows['Bao nhiêu tiền'], /Trực tuyến.*10\.000 đồng/s);
  assert.match(await page.locator('#le-phi').innerText(), /20\.000 đồng/);
  // Each line leads to the section that says it in full.
  for (const id of ['le-phi', 'noi-nop', 'giay-to']) {
    assert.ok(await page.locator(`.glance a[href="#${id}"]`).count() > 0, id);
  }
  const start = page.getByRole('link', { name: 'Nộp trực tuyến' });
  assert.match(await start.getAttribute('href'), /^https:\/\/dichvucong\.gov\.vn\//);
  await context.close();
});

test('the hotline is in the same place on every page', async () => {
  const context = await site.browser.newContext({ viewport: PHONE });
  const page = await context.newPage();
  const places = [];
  for (const url of ['', 'thu-tuc/1.001193/', 'lai-chau/', 'lai-chau/thu-tuc/1.004873/', 'linh-vuc/', 'tim-kiem/']) {
    await page.goto(site.server.base + url);
    const call = page.locator('.site-header .help a').first();
    const box = await call.boundingBox();
    places.push({ url, x: Math.round(box.x + box.width), y: Math.round(box.y), h: box.height });
    assert.ok(box.height >= 44, `${url}: the hotline is ${box.height} px tall`);
  }
  // Its right edge and its top do not move from page to page.
  for (const p of places) {
    assert.strictEqual(p.x, places[0].x, JSON.stringify(places));
    assert.strictEqual(p.y, places[0].y, JSON.stringify(places));
  }
  // A compact header: the title of a procedure starts in the first sixth of the screen.
  await page.goto(site.server.base + 'thu-tuc/1.001193/');
  assert.ok((await page.locator('h1').boundingBox()).y < PHONE.height / 4);
  await context.close();
});

test('the papers are listed once; the checklist ticks that list, and the due date if submitted now appears', async () => {
  const context = await site.browser.newContext({ viewport: PHONE });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(site.server.base + 'thu-tuc/1.001193/');
  await page.locator('#giay-to ul.dossier .ck-box').first().waitFor();
  // Every paper's name appears once in the section, with one tick box.
  const names = await page.locator('#giay-to ul.dossier > li > .dossier-name').allInnerTexts();
  assert.ok(names.length >= 5, names.join(' | '));
  const text = await page.locator('#giay-to').innerText();
  for (const n of names) {
    assert.strictEqual(text.split(n).length - 1, 1, `"${n}" is listed ${text.split(n).length - 1} times`);
  }
  assert.strictEqual(await page.locator('#giay-to ul.dossier > li > .ck-box').count(), names.length);
  // Each box is named by its paper.
  const first = page.locator('#giay-to ul.dossier > li > .ck-box').first();
  assert.strictEqual(await page.getByRole('checkbox', { name: names[0] }).count(), 1);
  await first.check();
  await page.locator('.checklist-progress', { hasText: /Đã có 1\// }).waitFor();

  // Same-day procedure: "Nộp ngay: hạn trả HH:MM, <weekday>, DD/MM/YYYY".
  const due = page.locator('.glance-due').first();
  await due.waitFor({ state: 'visible', timeout: 15000 });
  assert.match(await due.innerText(), /^Nộp ngay: hạn trả \d\d:\d\d, (Thứ (Hai|Ba|Tư|Năm|Sáu|Bảy)|Chủ nhật), \d\d\/\d\d\/\d{4}/);
  assert.deepStrictEqual(errors, []);
  await context.close();
});
