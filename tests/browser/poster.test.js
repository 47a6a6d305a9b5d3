// A commune prints its posted catalog: every QR code on the page, read back by a QR decoder
// (jsQR, not a comparison of bytes), leads to the page of the procedure in its row on the
// published site, and the header's code to the center's own page.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { launch, repo } = require('./harness');

const BASE = 'https://tthc.example.gov.vn/thu-tuc-hanh-chinh/';

let browser;
let dir;
test.before(async () => {
  browser = await launch();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-poster-'));
});
test.after(async () => {
  if (browser) await browser.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

// Every QR code of the page, drawn at 8 pixels a module and decoded in the page.
async function decodeAll(page) {
  await page.addScriptTag({ path: require.resolve('jsqr/dist/jsQR.js') });
  return page.evaluate(async () => {
    const out = [];
    for (const svg of document.querySelectorAll('svg')) {
      const side = svg.viewBox.baseVal.width * 8;
      const img = new Image();
      img.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(new XMLSerializer().serializeToString(svg));
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = canvas.height = side;
      const ctx = canvas.getContext('2d');
      ctx.drawImage(img, 0, 0, side, side);
      const found = jsQR(ctx.getImageData(0, 0, side, side).data, side, side);  // eslint-disable-line no-undef
      out.push({ label: svg.getAttribute('aria-label'), url: found ? found.data : null });
    }
    return out;
  });
}

test('every QR code of a commune\'s posted catalog leads to its procedure\'s page on the site', async () => {
  const cli = process.env.MOTCUA_CLI;
  execFileSync(cli, ['poster', '--content', path.join(repo, 'content'), '--base-url', BASE,
    '--out', path.join(dir, 'niem-yet'), '--province', 'lai-chau'], { stdio: 'pipe' });
  execFileSync(cli, ['build', '--content', path.join(repo, 'content'), '--base-url', BASE, '--wasm', '',
    '--no-precompress', '--out', path.join(dir, 'site')], { stdio: 'pipe' });
  const communes = fs.readdirSync(path.join(dir, 'niem-yet', 'lai-chau'))
    .filter((d) => fs.statSync(path.join(dir, 'niem-yet', 'lai-chau', d)).isDirectory());
  assert.ok(communes.length >= 3, 'a page for each commune of Lai Châu: ' + communes);

  const page = await browser.newPage({ viewport: { width: 794, height: 1123 } });
  for (const where of ['lai-chau/', 'lai-chau/' + communes[0] + '/']) {
    await page.goto('file://' + path.join(dir, 'niem-yet', where, 'index.html'));
    assert.match(await page.locator('h1').innerText(), /DANH MỤC THỦ TỤC HÀNH CHÍNH/i);
    const rows = await page.locator('tbody tr').count();
    assert.ok(rows > 5, where + ' lists procedures: ' + rows);
    const codes = await decodeAll(page);
    assert.strictEqual(codes.length, rows + 1, 'one QR code per row, and the header\'s');
    // The header's code: the center's own page.
    assert.strictEqual(codes[0].url, BASE + where);
    assert.ok(fs.existsSync(path.join(dir, 'site', where, 'index.html')), 'the center page exists: ' + where);
    for (const { label, url } of codes.slice(1)) {
      const code = /thủ tục (\S+)$/.exec(label)[1];
      assert.ok(url, 'the QR code of ' + code + ' decodes');
      assert.ok(url.startsWith(BASE) && url.endsWith('/thu-tuc/' + code + '/'), code + ' -> ' + url);
      const file = path.join(dir, 'site', url.slice(BASE.length), 'index.html');
      assert.ok(fs.existsSync(file), 'the page the QR code of ' + code + ' leads to exists: ' + url);
    }
  }
  // Printed on A4 without losing a column: the table fits the page's width.
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(wide <= 794, 'fits an A4 page: ' + wide);
  await page.close();
});

test('the posted catalog is written with the rules of build --out', () => {
  const cli = process.env.MOTCUA_CLI;
  const mine = path.join(dir, 'mine');
  fs.mkdirSync(mine);
  fs.writeFileSync(path.join(mine, 'notes.txt'), 'mine');
  let failed;
  try {
    execFileSync(cli, ['poster', '--content', path.join(repo, 'content'), '--base-url', BASE, '--out', mine],
      { stdio: 'pipe' });
  } catch (e) { failed = e; }
  assert.ok(failed && failed.status === 2, 'a folder holding someone else\'s files is refused');
  assert.strictEqual(fs.readFileSync(path.join(mine, 'notes.txt'), 'utf8'), 'mine');

  // A built site and the posted catalogs are both motcua's, but one never replaces the other.
  const site = path.join(dir, 'site');  // built by the first test
  const before = fs.readdirSync(site).sort();
  const run = (args) => {
    try { execFileSync(cli, args, { stdio: 'pipe' }); return { status: 0 }; } catch (e) { return e; }
  };
  const over = run(['poster', '--content', path.join(repo, 'content'), '--base-url', BASE, '--out', site]);
  assert.strictEqual(over.status, 2);
  assert.match(String(over.stderr), /holds a site `motcua build` wrote, not the posted catalogs/);
  assert.deepStrictEqual(fs.readdirSync(site).sort(), before, 'the site is as it was');
  const posters = path.join(dir, 'niem-yet');
  const back = run(['build', '--content', path.join(repo, 'content'), '--wasm', '', '--out', posters]);
  assert.strictEqual(back.status, 2);
  assert.match(String(back.stderr), /holds the posted catalogs `motcua poster` wrote, not a site/);
  assert.ok(fs.existsSync(path.join(posters, 'lai-chau', 'index.html')), 'the posted catalogs are as they were');
});
