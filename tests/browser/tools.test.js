// The procedure page tools a citizen uses: the personal checklist (answers and ticks
// survive a reload, online or not) and the fee calculator (the circular's worked example,
// with its source), without console errors.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const { watchErrors, waitUntilKept, useSite } = require('./harness');

const site = useSite(test);

const checklist = (page) => page.locator('[data-tool="checklist"]');
// The page lists the papers once; the checklist puts a tick box on each and sets aside
// (struck through, without a box) those the answers make unnecessary.
const needed = (page) => page.locator('#giay-to ul.dossier > li:not(.ck-skipped)');
const items = (page) => needed(page).locator('.dossier-name');

test('the checklist follows the answers, and answers and ticks survive a reload offline', async () => {
  const context = await site.browser.newContext();
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(site.server.base + 'thu-tuc/1.001193/');
  await waitUntilKept(page);
  const tool = checklist(page);
  await page.locator('#giay-to ul.dossier .ck-box').first().waitFor();

  // Online, ordinary birth, not on someone's behalf: no power of attorney, no abandoned-child record.
  await tool.getByLabel('Nộp trực tuyến').check();
  await tool.getByRole('group', { name: /thuộc trường hợp nào/ }).getByLabel(/Giấy chứng sinh hoặc có người làm chứng/).check();
  await tool.getByRole('group', { name: /nộp hồ sơ thay/ }).getByLabel('Không').check();
  await page.waitForFunction(() => document.querySelectorAll('#giay-to li.ck-maybe').length === 0);
  const names = await items(page).allInnerTexts();
  assert.ok(!names.some((n) => /ủy quyền/i.test(n)), names.join(' | '));
  assert.ok(!names.some((n) => /bỏ rơi/i.test(n)), names.join(' | '));
  assert.ok(names.length >= 2, names.join(' | '));

  // Tick the first paper.
  // Each paper is listed once: no second list under the tool.
  assert.strictEqual(await page.locator('#giay-to ul.checklist').count(), 0);
  assert.strictEqual(await needed(page).locator('.ck-box').count(), names.length);
  const first = needed(page).locator('.ck-box').first();
  await first.check();
  await tool.locator('.checklist-progress', { hasText: `Đã có 1/${names.length} giấy tờ cần chuẩn bị.` }).waitFor();
  // The tick is on the device (IndexedDB) before the page goes.
  await page.locator('[data-tool="checklist"][data-saved]').waitFor();

  // The same answers and tick after a reload, and again with no signal at all.
  for (const offline of [false, true]) {
    if (offline) {
      await site.server.close();
      await context.setOffline(true);
    }
    await page.reload();
    await tool.locator('.checklist-progress', { hasText: `Đã có 1/${names.length} giấy tờ cần chuẩn bị.` }).waitFor();
    assert.strictEqual(await tool.getByLabel('Nộp trực tuyến').isChecked(), true);
    assert.strictEqual(await needed(page).locator('.ck-box').first().isChecked(), true);
    assert.deepStrictEqual(await items(page).allInnerTexts(), names);
  }
  assert.deepStrictEqual(errors, []);
  await context.close();
  await site.reopen();
});

test('the fee calculator gives the circular example with its source', async () => {
  const context = await site.browser.newContext();
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(site.server.base + 'thu-tuc/2.000815/');
  const tool = page.locator('[data-tool="fee"]');
  await tool.locator('form').waitFor();
  await tool.getByLabel(/Số trang/).fill('7');
  await tool.getByLabel(/Số bản sao/).fill('2');
  await tool.getByRole('button', { name: 'Tính tiền' }).click();
  const answer = tool.locator('.tool-result .answer');
  await answer.waitFor();
  assert.match(await answer.innerText(), /Tổng cộng: 18\.000 đồng/);
  assert.match(await tool.locator('.fee-lines').innerText(), /Thông tư 226\/2016\/TT-BTC/);

  // A wrong number is named on its field, in plain words.
  await tool.getByLabel(/Số trang/).fill('0');
  await tool.getByRole('button', { name: 'Tính tiền' }).click();
  await tool.locator('.field-error').waitFor();
  assert.strictEqual(await tool.getByLabel(/Số trang/).getAttribute('aria-invalid'), 'true');
  assert.deepStrictEqual(errors, []);
  await context.close();
});
