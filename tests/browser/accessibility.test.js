// WCAG 2.2 AA checks (axe-core) on the pages citizens use, in the states they reach:
// tools opened, a form with its error summary showing, on a phone-sized screen.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const { useSite } = require('./harness');

const site = useSite(test);

async function violations(page) {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const result = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
  }));
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

const pages = [
  { name: 'home', url: '' },
  { name: 'a procedure with its checklist, fee and deadline tools', url: 'thu-tuc/1.001193/',
    ready: (p) => p.locator('#giay-to ul.dossier .ck-box').first().waitFor() },
  { name: 'a procedure with the fee calculator', url: 'thu-tuc/2.000815/',
    ready: (p) => p.locator('[data-tool="fee"] form').waitFor() },
  { name: 'a form with its error summary', url: 'bieu-mau/to-khai-dang-ky-khai-sinh/',
    ready: async (p) => {
      await p.getByRole('button', { name: 'Kiểm tra tờ khai' }).click();
      await p.locator('#tom-tat-loi h2').waitFor();
    } },
  { name: 'the drafts page', url: 'ho-so-nhap/', ready: (p) => p.locator('[data-tool="drafts"]:not([hidden])').waitFor() },
  { name: 'the drafts page reporting bad records of an imported file', url: 'ho-so-nhap/',
    ready: async (p) => {
      await p.locator('[data-tool="drafts"]:not([hidden])').waitFor();
      await p.setInputFiles('[data-tool="drafts"] input[type="file"]', { name: 'ho-so-nhap.json', mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify({ format: 'motcua-drafts', version: 1, drafts: [{ id: 'nhap-a', updated: 1 }, 42] })) });
      await p.locator('.import-status li').first().waitFor();
    } },
  { name: 'a commune center', url: 'lai-chau/' },
  { name: 'a commune\'s embeddable catalog, searched', url: 'nhung/lai-chau/doan-ket/',
    ready: async (p) => {
      await p.fill('#q', 'khai sinh');
      await p.locator('#ket-qua li').first().waitFor();
    } },
  { name: 'a province\'s embeddable catalog, a field opened', url: 'nhung/lai-chau/',
    ready: (p) => p.locator('#danh-muc summary').first().click() },
  { name: 'a page of a long list, with its pager', url: 'thu-tuc/chu-t/trang-2/',
    ready: (p) => p.locator('nav.pager a[rel="prev"]').waitFor() },
];

for (const spec of pages) {
  test(`no WCAG 2.2 AA violations: ${spec.name}`, async () => {
    const context = await site.browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto(site.server.base + spec.url);
    if (spec.ready) await spec.ready(page);
    assert.deepStrictEqual(await violations(page), []);
    await context.close();
  });
}
