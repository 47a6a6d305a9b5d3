// Draft forms: what a citizen types is saved on the device at once, survives a reload
// with no signal, is checked by the core with one plain message per visible field, and
// comes back from an exported file; no console errors on the way.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { watchErrors, waitUntilKept, useSite } = require('./harness');

const FORM = 'bieu-mau/ct01-to-khai-thay-doi-thong-tin-cu-tru/';
const site = useSite(test);

async function fillPart(page) {
  await page.fill('#f-ho-ten', 'Lò Thị Xuân');
  await page.fill('#f-ngay-sinh-day', '5');
  await page.fill('#f-ngay-sinh-month', '3');
  await page.fill('#f-ngay-sinh-year', '1990');
  await page.check('#f-gioi-tinh-2');
  await page.fill('#f-so-dinh-danh', '012190000123');
  await page.waitForFunction(() => /nhap=/.test(location.search));
  await page.locator('.draft-status', { hasText: 'Đã lưu nháp' }).waitFor();
}

async function expectPart(page) {
  assert.strictEqual(await page.inputValue('#f-ho-ten'), 'Lò Thị Xuân');
  assert.strictEqual(await page.inputValue('#f-ngay-sinh-year'), '1990');
  assert.strictEqual(await page.isChecked('#f-gioi-tinh-2'), true);
  assert.strictEqual(await page.inputValue('#f-so-dinh-danh'), '012190000123');
}

test('a half-filled draft survives a reload in airplane mode and the core checks it offline', async () => {
  const context = await site.browser.newContext();
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(site.server.base + FORM);
  await waitUntilKept(page);
  await fillPart(page);
  const draftUrl = page.url();

  await site.server.close();
  await context.setOffline(true);
  await page.goto(draftUrl);
  await page.locator('.draft-status', { hasText: 'Đang tiếp tục bản nháp' }).waitFor();
  await expectPart(page);

  // Check it: an error summary, one message per visible field, links to the fields.
  await page.getByRole('button', { name: 'Kiểm tra tờ khai' }).click();
  const summary = page.locator('#tom-tat-loi');
  await summary.locator('h2', { hasText: 'chỗ cần sửa' }).waitFor();
  const messages = await summary.locator('li').allInnerTexts();
  assert.ok(messages.includes('Hãy nhập nơi gửi tờ khai (Kính gửi)'), messages.join(' | '));
  assert.ok(messages.includes('Hãy chọn bạn có phải chủ hộ không'), messages.join(' | '));
  assert.ok(!messages.some((m) => /chủ hộ$/.test(m) && /Hãy nhập/.test(m)), 'hidden fields are not reported');
  assert.strictEqual(await page.evaluate(() => document.activeElement.id), 'tom-tat-loi');
  assert.match(await page.locator('#f-kinh-gui-error').innerText(), /Hãy nhập nơi gửi tờ khai/);
  // The date reads back in the lunar calendar, the number shows where it was issued.
  assert.match(await page.locator('output[data-derived="ngay-sinh"]').innerText(), /Canh Ngọ/);
  assert.match(await page.locator('output[data-derived="so-dinh-danh"]').innerText(), /Lai Châu, nữ, sinh năm 1990/);

  // Not the head of household: the head's fields appear, and are asked for.
  await page.check('#f-la-chu-ho-2');
  await page.locator('[data-field="chu-ho-ho-ten"]:not([hidden])').waitFor();
  await summary.locator('li', { hasText: 'Hãy nhập họ, chữ đệm và tên chủ hộ' }).waitFor();

  // The drafts page lists it, offline too.
  await page.goto(draftUrl.replace(/bieu-mau\/.*$/, 'ho-so-nhap/'));
  await page.locator('ul.drafts li a', { hasText: 'Lò Thị Xuân' }).waitFor();
  assert.deepStrictEqual(errors, []);
  await context.close();
  await site.reopen();
});

test('a draft exported to a file comes back on another device', async () => {
  const downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-export-'));
  const first = await site.browser.newContext({ acceptDownloads: true });
  const page = await first.newPage();
  const errors = watchErrors(page);
  await page.goto(site.server.base + FORM);
  await fillPart(page);
  await page.goto(site.server.base + 'ho-so-nhap/');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Tải tất cả hồ sơ nháp về máy' }).click(),
  ]);
  const file = path.join(downloads, 'ho-so-nhap.json');
  await download.saveAs(file);
  const exported = JSON.parse(fs.readFileSync(file, 'utf8'));
  assert.strictEqual(exported.format, 'motcua-drafts');
  assert.strictEqual(exported.drafts.length, 1);
  assert.deepStrictEqual(errors, []);
  await first.close();

  // A fresh browser profile: nothing stored until the file is imported.
  const second = await site.browser.newContext();
  const other = await second.newPage();
  const errors2 = watchErrors(other);
  await other.goto(site.server.base + 'ho-so-nhap/');
  await other.locator('ul.drafts li', { hasText: 'Chưa có hồ sơ nháp nào' }).waitFor();
  await other.setInputFiles('input[type="file"]', file);
  await other.locator('p', { hasText: 'Đã nhập 1 hồ sơ nháp.' }).waitFor();
  await other.locator('ul.drafts li a', { hasText: 'Lò Thị Xuân' }).click();
  await other.locator('.draft-status', { hasText: 'Đang tiếp tục bản nháp' }).waitFor();
  await expectPart(other);
  assert.deepStrictEqual(errors2, []);
  await second.close();
  fs.rmSync(downloads, { recursive: true, force: true });
});
