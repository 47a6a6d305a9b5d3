// The procedure page tools a citizen uses: the personal checklist (answers and ticks
// survive a reload, online or not) and the fee calculator (the circular's worked example,
// with its source), without console errors.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const { watchErrors, waitUntilKept, useSite } = require('./harness');

const site = useSite(test);

const checklist = (page) => page.locator('[data-tool="checklist"]');
const items = (page) => checklist(page).locator('ul.checklist .dossier-name');

test('the checklist follows the answers, and answers and ticks survive a reload offline', async () => {
  const context = await site.browser.newContext();
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(site.server.base + 'lai-chau/thu-tuc/1.001193/');
  await waitUntilKept(page);
  const tool = checklist(page);
  await tool.locator('ul.checklist').first().waitFor();

  // Online, ordinary birth, not on someone's behalf: no power of attorney, no abandoned-child record.
  await tool.getByLabel('Nộp trực tuyến').check();
  await tool.getByRole('group', { name: /thuộc trường hợp nào/ }).getByLabel(/Giấy chứng sinh hoặc có người làm chứng/).check();
  await tool.getByRole('group', { name: /nộp hồ sơ thay/ }).getByLabel('Không').check();
  await page.waitForFunction(() => !document.querySelector('[data-tool="checklist"]').innerText.includes('Có thể cần'));
  const names = await items(page).allInnerTexts();
  assert.ok(!names.some((n) => /ủy quyền/i.test(n)), names.join(' | '));
  assert.ok(!names.some((n) => /bỏ rơi/i.test(n)), names.join(' | '));
  assert.ok(names.length >= 2, names.join(' | '));

  // Tick the first paper.
  const first = tool.locator('ul.checklist input[type="checkbox"]').first();
  await first.check();
  await tool.locator('.checklist-progress', { hasText: `Đã có 1/${names.length} giấy tờ.` }).waitFor();

  // The same answers and tick after a reload, and again with no signal at all.
  for (const offline of [false, true]) {
    if (offline) {
      await site.server.close();
      await context.setOffline(true);
    }
    await page.reload();
    await tool.locator('.checklist-progress', { hasText: `Đã có 1/${names.length} giấy tờ.` }).waitFor();
    assert.strictEqual(await tool.getByLabel('Nộp trực tuyến').isChecked(), true);
    assert.strictEqual(await tool.locator('ul.checklist input[type="checkbox"]').first().isChecked(), true);
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
