// Rough edges a citizen met (issue 12), each kept fixed: the fee tool asks for an empty
// number and says what is wrong in Vietnamese, naming the field; the deadline tool drops an
// old answer under a new error; the checklist's wording follows the chosen channel; every
// number to call is a 44 × 44 px tap target on a phone; a page two folders deep never
// visited shows the offline page styled, with links that work.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const { watchErrors, waitUntilKept, useSite } = require('./harness');

const site = useSite(test);
const ENGLISH = /whole number|is a|the request|unknown|field|inputs|pages|copies/i;

test('the fee tool asks for an empty number and names the field in Vietnamese', async () => {
  const context = await site.browser.newContext();
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(site.server.base + 'thu-tuc/2.000815/');
  const tool = page.locator('[data-tool="fee"]');
  await tool.locator('form').waitFor();
  const pages = tool.getByLabel(/Số trang/);
  const label = (await tool.locator('label', { hasText: 'Số trang' }).innerText()).replace(/ \(.*\)$/, '');
  const error = tool.locator('.field-error');

  // Empty: asked for, not counted as 1 page.
  await pages.fill('');
  await tool.getByRole('button', { name: 'Tính tiền' }).click();
  await error.waitFor();
  assert.strictEqual(await error.innerText(), `Nhập “${label}”.`);
  assert.strictEqual(await tool.locator('.tool-result .answer').count(), 0);
  assert.strictEqual(await pages.getAttribute('aria-invalid'), 'true');
  assert.strictEqual(await pages.getAttribute('aria-describedby'), await error.getAttribute('id'));

  // Out of range and not whole: the bounds, in Vietnamese, under the field's own name.
  for (const wrong of ['0', '2.5', '100000']) {
    await pages.fill(wrong);
    await tool.getByRole('button', { name: 'Tính tiền' }).click();
    await tool.locator('.field-error', { hasText: 'là một số nguyên' }).waitFor();
    const text = await error.innerText();
    assert.match(text, new RegExp(`^“${label}” là một số nguyên từ 1 đến [0-9.]+ \\(trang\\)\\.$`), text);
    assert.doesNotMatch(text, ENGLISH, text);
  }

  // Fixed: the answer, and the field no longer marked.
  await pages.fill('7');
  await tool.getByRole('button', { name: 'Tính tiền' }).click();
  await tool.locator('.tool-result .answer').waitFor();
  assert.strictEqual(await pages.getAttribute('aria-invalid'), null);
  assert.strictEqual(await error.count(), 0);

  // An empty date is asked for too, not taken as today.
  await tool.getByLabel('Ngày nộp').fill('');
  await tool.getByRole('button', { name: 'Tính tiền' }).click();
  await tool.locator('.field-error', { hasText: 'Chọn ngày nộp hồ sơ.' }).waitFor();
  assert.strictEqual(await tool.locator('.tool-result .answer').count(), 0);
  assert.deepStrictEqual(errors, []);
  await context.close();
});

test('the deadline tool clears the old answer under a new error', async () => {
  const context = await site.browser.newContext();
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(site.server.base + 'thu-tuc/1.001193/');
  const tool = page.locator('[data-tool="deadline"]');
  const at = tool.locator('input[name="received_at"]');
  await at.fill('2026-02-13T16:00');
  await tool.locator('button[type="submit"]').click();
  await tool.locator('.tool-result .answer').waitFor();

  await at.fill('');
  await tool.locator('button[type="submit"]').click();
  await tool.locator('.field-error', { hasText: 'Nhập ngày giờ nộp hồ sơ.' }).waitFor();
  assert.strictEqual(await tool.locator('.tool-result').innerText(), '');
  assert.strictEqual(await at.getAttribute('aria-invalid'), 'true');

  // A year the calendar does not hold: said in Vietnamese, with the years it holds.
  await at.fill('2010-03-02T09:00');
  await tool.locator('button[type="submit"]').click();
  const result = tool.locator('.tool-result .field-error');
  await result.waitFor();
  assert.match(await result.innerText(), /^Chưa tính được cho ngày này: chỉ tính được cho ngày nộp từ năm \d{4} đến năm \d{4}\. Chọn lại ngày giờ nộp hồ sơ\.$/);
  assert.strictEqual(await at.getAttribute('aria-invalid'), null);
  assert.deepStrictEqual(errors, []);
  await context.close();
});

test('the checklist tells someone filing online to upload, not to bring, the papers to show', async () => {
  const context = await site.browser.newContext();
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(site.server.base + 'thu-tuc/1.001193/');
  // Read from the whole page, wherever the checklist puts its notes.
  const shows = (text) => page.waitForFunction((t) => document.querySelector('main').innerText.includes(t), text);
  const BRING = 'Mang theo bản chính để đối chiếu.';
  const UPLOAD = 'Chuẩn bị bản điện tử (bản chụp hoặc bản quét rõ nét) để tải lên khi nộp.';

  await page.getByRole('radio', { name: 'Nộp trực tuyến', exact: true }).check();
  await shows(UPLOAD);
  assert.ok(!(await page.locator('main').innerText()).includes(BRING));

  await page.getByRole('radio', { name: 'Nộp trực tiếp', exact: true }).check();
  await shows(BRING);
  assert.ok(!(await page.locator('main').innerText()).includes(UPLOAD));
  assert.deepStrictEqual(errors, []);
  await context.close();
});

test('every number to call is at least 44 × 44 px on a phone', async () => {
  const context = await site.browser.newContext({ viewport: { width: 360, height: 800 } });
  const page = await context.newPage();
  let numbers = 0;
  for (const path of ['', 'hai-phong/', 'duong-day-nong/', 'lai-chau/thu-tuc/1.004873/']) {
    await page.goto(site.server.base + path);
    const small = await page.evaluate(() => Array.from(document.querySelectorAll('a[href^="tel:"]'))
      .filter((a) => a.getClientRects().length > 0)
      .map((a) => { const r = a.getBoundingClientRect(); return { text: a.innerText, w: r.width, h: r.height }; })
      .filter((r) => r.w < 44 || r.h < 44));
    assert.deepStrictEqual(small, [], path);
    numbers += await page.locator('a[href^="tel:"]').count();
  }
  // Checked numbers are links to call; unchecked ones are listed, marked, and not links.
  assert.ok(numbers > 0, String(numbers));
  await page.goto(site.server.base + 'duong-day-nong/');
  assert.ok(await page.locator('.call-unchecked').count() > 10);
  await context.close();
});

test('a page two folders deep never visited shows the offline page styled, with links that work', async () => {
  const context = await site.browser.newContext();
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(site.server.base);
  await waitUntilKept(page);
  await site.server.close();
  await context.setOffline(true);

  await page.goto(site.server.base + 'son-la/thu-tuc/1.001612/');
  assert.strictEqual(await page.locator('h1').innerText(), 'Bạn đang ngoại tuyến');
  // Styled: the site's style sheet applies (it hides the skip link until focused).
  assert.strictEqual(await page.evaluate(() => Array.from(document.styleSheets).some((s) => s.cssRules.length > 20)), true);
  const hrefs = await page.evaluate(() => Array.from(document.querySelectorAll('main a')).map((a) => a.href));
  assert.ok(hrefs.length >= 3, hrefs.join(' '));
  for (const href of hrefs) assert.ok(href.startsWith(site.server.base), href);
  // The drafts page is kept with the app shell: its link opens it offline.
  await page.locator('main a', { hasText: 'Hồ sơ nháp của tôi' }).click();
  await page.waitForURL(site.server.base + 'ho-so-nhap/');
  assert.strictEqual(await page.locator('h1').innerText(), 'Hồ sơ nháp của tôi');
  assert.deepStrictEqual(errors, []);
  await context.close();
  await site.reopen();
});
