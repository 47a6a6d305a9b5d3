// An official previews a catalog change with `motcua serve`: every page says it is a preview,
// the open page reloads itself after each save, content errors appear in the page itself
// with file, line and column while the last good site stays browsable, and the preview is
// served as a static host serves the published site (404.html, compressed copies).
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const http = require('node:http');
const os = require('node:os');
const path = require('node:path');
const zlib = require('node:zlib');
const { spawn } = require('node:child_process');
const { launch, watchErrors, until, repo } = require('./harness');

const BANNER = 'BẢN XEM TRƯỚC — chưa công bố';
const PAGE = 'thu-tuc/1.001193/';
const FILE = path.join('procedures', '1.001193', 'procedure.json');

let browser;
const cleanup = [];
const running = [];
test.before(async () => { browser = await launch(); });
test.after(async () => {
  if (browser) await browser.close();
  for (const p of running) if (p.exitCode === null) p.kill('SIGKILL');
  for (const dir of cleanup) fs.rmSync(dir, { recursive: true, force: true });
});

function tmp(prefix) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  cleanup.push(dir);
  return dir;
}

// Starts `motcua serve ARGS --port 0` and resolves once it printed its address.
function start(args) {
  const cli = process.env.MOTCUA_CLI;
  if (!cli) throw new Error('MOTCUA_CLI must point at the motcua command (run through ctest)');
  const wasm = process.env.MOTCUA_WASM_DIR;
  const all = ['serve', '--port', '0', ...args];
  if (wasm && !args.includes('--wasm')) all.push('--wasm', wasm);
  const child = spawn(cli, all, { stdio: ['ignore', 'pipe', 'pipe'] });
  running.push(child);
  const out = { stdout: '', stderr: '' };
  child.stdout.on('data', (d) => { out.stdout += d; });
  child.stderr.on('data', (d) => { out.stderr += d; });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no address printed: ' + out.stdout + out.stderr)), 20000);
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error('exited ' + code + ': ' + out.stderr)); });
    child.stdout.on('data', () => {
      const m = /at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out.stdout);
      if (m) { clearTimeout(timer); resolve({ child, out, base: m[1] }); }
    });
  });
}

function get(url, headers = {}) {
  return new Promise((resolve, reject) => {
    http.get(url, { headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

async function state(base) { return JSON.parse((await get(base + '__motcua/state')).body.toString()); }

async function settled(base, check, message) {
  const end = Date.now() + 30000;
  for (;;) {
    const s = await state(base).catch(() => null);
    if (s && !s.building && check(s)) return s;
    if (Date.now() > end) throw new Error('timed out waiting for the preview: ' + message + ' ' + JSON.stringify(s));
    await new Promise((r) => setTimeout(r, 150));
  }
}

// Writes a file so that the change is seen even within the same second as the last one.
function save(file, text) {
  fs.writeFileSync(file, text);
  const t = new Date(Date.now() + 2000 * (save.count = (save.count || 0) + 1));
  fs.utimesSync(file, t, t);
}

function copyContent() {
  const dir = tmp('motcua-serve-');
  fs.cpSync(path.join(repo, 'content'), path.join(dir, 'content'), { recursive: true });
  fs.cpSync(path.join(repo, 'templates'), path.join(dir, 'templates'), { recursive: true });
  return dir;
}

test('a saved edit reloads the open page; errors show in the page over the last good site', async () => {
  const dir = copyContent();
  const content = path.join(dir, 'content');
  const { child, out, base } = await start(['--content', content, '--templates', path.join(dir, 'templates')]);
  const first = await settled(base, (s) => s.errors.length === 0 && s.built_at, 'first build');

  const page = await browser.newPage({ viewport: { width: 360, height: 800 } });
  const errors = watchErrors(page);
  await page.goto(base + PAGE);
  const banner = page.locator('#motcua-preview');
  assert.match(await banner.innerText(), new RegExp(BANNER));
  assert.ok(await banner.isVisible(), 'the preview banner is on screen');
  assert.ok((await page.locator('h1').innerText()).trim().length > 0);

  // An edit, saved: the open page reloads with it, and only that procedure's pages are rendered.
  const file = path.join(content, FILE);
  const good = JSON.parse(fs.readFileSync(file, 'utf8'));
  good.name = 'Đăng ký khai sinh (bản sửa để xem trước)';
  save(file, JSON.stringify(good, null, 2) + '\n');
  // (The heading may be a shorter form of the name; the full name is on the page as written.)
  const shows = (name) => document.querySelector('main') && document.querySelector('main').textContent.includes(name);
  await until(page, shows, 'bản sửa để xem trước', { timeout: 30000, message: 'the page shows the edited name' });
  const second = await state(base);
  assert.ok(second.version > first.version);
  assert.match(out.stdout, /procedure pages? rendered, \d+ unchanged/, out.stdout);

  // A mistake, saved: the page reloads, still showing the last good build, with the error on top.
  const broken = JSON.stringify(good, null, 2).replace('"name": ', '"name" ');
  save(file, broken);
  const failed = await settled(base, (s) => s.errors.length > 0, 'the error');
  const line = broken.split('\n').findIndex((l) => l.includes('"name" ')) + 1;
  assert.ok(failed.errors.some((e) => e.file.endsWith(FILE) && e.line === line && e.column > 0), JSON.stringify(failed));
  await until(page, () => !!document.getElementById('motcua-preview-errors'), null,
    { timeout: 30000, message: 'the errors appear in the open page' });
  const panel = await page.locator('#motcua-preview-errors').innerText();
  assert.match(panel, /Nội dung có 1 lỗi/);
  assert.ok(panel.includes(FILE.split(path.sep).join('/') + ':' + line + ':'), panel);
  assert.ok(await page.evaluate(shows, 'bản sửa để xem trước'), 'the last good site is shown');
  // The rest of the site stays browsable, errors on every page.
  await page.goto(base + 'thu-tuc/');
  assert.ok(await page.locator('#motcua-preview-errors').isVisible());
  assert.ok(await page.locator('main a').count() > 10, 'the A–Z list is there');
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(wide <= 360, 'no horizontal scroll at 360 px with the errors shown: ' + wide);

  // Fixed: the errors go, the page reloads by itself.
  await page.goto(base + PAGE);
  good.name = 'Đăng ký khai sinh (đã sửa lỗi)';
  save(file, JSON.stringify(good, null, 2) + '\n');
  await until(page, (f) => !document.getElementById('motcua-preview-errors') && eval(f)('đã sửa lỗi'), shows.toString(),
    { timeout: 30000, message: 'the fixed page without errors' });

  // A template change rebuilds every page.
  const tpl = path.join(dir, 'templates', 'procedure.mustache');
  const text = fs.readFileSync(tpl, 'utf8');
  assert.ok(text.includes('</article>'));
  save(tpl, text.replace('</article>', '<p id="tpl-mark">Mẫu đã đổi</p></article>'));
  await until(page, () => !!document.getElementById('tpl-mark'), null,
    { timeout: 30000, message: 'the template change reaches the open page' });

  // A preview never keeps pages for offline use: no service worker controls it.
  assert.strictEqual(await page.evaluate(() => navigator.serviceWorker.controller), null);
  assert.deepStrictEqual(errors, []);
  await page.close();

  child.kill('SIGTERM');
  const code = await new Promise((r) => (child.exitCode !== null ? r(child.exitCode) : child.on('exit', r)));
  assert.strictEqual(code, 0, out.stderr);
  assert.match(out.stdout, /Preview stopped/);
});

test('the preview is served like the published site: 404.html, redirects, compressed copies', async () => {
  const { child, base } = await start(['--content', path.join(repo, 'content')]);
  await settled(base, (s) => s.built_at, 'first build');

  const missing = await get(base + 'khong-co-trang-nay/');
  assert.strictEqual(missing.status, 404);
  const notFound = missing.body.toString();
  assert.ok(notFound.includes(BANNER), 'the 404 page carries the banner');
  assert.match(notFound, /<h1[^>]*>[^<]+<\/h1>/, 'it is the site\'s own 404 page');

  const folder = await get(base + PAGE.replace(/\/$/, ''));
  assert.strictEqual(folder.status, 301);
  assert.strictEqual(folder.headers.location, '/' + PAGE);
  const asked = await get(base + PAGE.replace(/\/$/, '') + '?q=khai%20sinh');
  assert.strictEqual(asked.headers.location, '/' + PAGE + '?q=khai%20sinh', 'the query string is kept');

  const plain = await get(base + PAGE);
  assert.strictEqual(plain.status, 200);
  assert.strictEqual(plain.headers['content-encoding'], undefined);
  assert.match(plain.headers['content-type'], /^text\/html; charset=utf-8/);
  const br = await get(base + PAGE, { 'Accept-Encoding': 'gzip, deflate, br' });
  assert.strictEqual(br.headers['content-encoding'], 'br');
  assert.match(br.headers.vary, /Accept-Encoding/);
  assert.strictEqual(zlib.brotliDecompressSync(br.body).toString(), plain.body.toString());
  const gz = await get(base + PAGE, { 'Accept-Encoding': 'gzip' });
  assert.strictEqual(gz.headers['content-encoding'], 'gzip');
  assert.strictEqual(zlib.gunzipSync(gz.body).toString(), plain.body.toString());
  const refused = await get(base + PAGE, { 'Accept-Encoding': 'br;q=0, gzip' });
  assert.strictEqual(refused.headers['content-encoding'], 'gzip');

  // Assets keep their bytes (no banner) and their types; nothing is cached by the browser.
  const html = plain.body.toString();
  const css = /href="([^"]*assets\/style\.[0-9a-f]+\.css)"/.exec(html);
  assert.ok(css, 'the page links its stylesheet');
  const style = await get(new URL(css[1], base + PAGE).href);
  assert.strictEqual(style.status, 200);
  assert.match(style.headers['content-type'], /^text\/css/);
  assert.ok(!style.body.toString().includes(BANNER));
  assert.strictEqual(style.headers['cache-control'], 'no-store');
  const wasm = /data-wasm="([^"]+)"/.exec(html);
  if (wasm) {
    const module = await get(new URL(wasm[1], base + PAGE).href);
    assert.strictEqual(module.headers['content-type'], 'application/wasm');
    assert.ok(module.body.subarray(0, 4).equals(Buffer.from([0, 0x61, 0x73, 0x6d])), 'a wasm module');
  }
  child.kill('SIGINT');
  await new Promise((r) => (child.exitCode !== null ? r() : child.on('exit', r)));
});

test('a content folder that is not there yet: the preview builds once it appears', async () => {
  const dir = tmp('motcua-serve-late-');
  const content = path.join(dir, 'content');
  const { child, base } = await start(['--content', content]);
  const s = await settled(base, (x) => x.errors.length > 0, 'the missing folder reported');
  assert.match(s.errors[0].message, /cannot read the content/);
  fs.cpSync(path.join(repo, 'content'), content, { recursive: true });
  await settled(base, (x) => x.errors.length === 0 && x.built_at, 'the build once the folder is there');
  assert.strictEqual((await get(base + PAGE)).status, 200);
  child.kill('SIGTERM');
  await new Promise((r) => (child.exitCode !== null ? r() : child.on('exit', r)));
});

test('content broken from the start: the errors are the page until fixed; a taken port is refused', async () => {
  const dir = copyContent();
  const content = path.join(dir, 'content');
  const file = path.join(content, FILE);
  const good = fs.readFileSync(file, 'utf8');
  save(file, good.replace(/"code":\s*"1\.001193"/, '"code": 1001193'));
  const { child, base } = await start(['--content', content]);
  const s = await settled(base, (x) => x.errors.length > 0, 'the error');
  assert.ok(s.errors.some((e) => e.file.endsWith(FILE) && e.line > 0 && e.column > 0), JSON.stringify(s));
  const page = await get(base + PAGE);
  assert.strictEqual(page.status, 500);
  const body = page.body.toString();
  assert.ok(body.includes(BANNER) && body.includes('chưa dựng được trang nào'), body);
  assert.ok(body.includes('procedure.json:'), body);

  const port = new URL(base).port;
  const taken = spawn(process.env.MOTCUA_CLI, ['serve', '--content', content, '--port', port], { stdio: 'pipe' });
  let said = '';
  taken.stderr.on('data', (d) => { said += d; });
  const code = await new Promise((r) => taken.on('exit', r));
  assert.strictEqual(code, 2);
  assert.match(said, /cannot listen on 127\.0\.0\.1:\d+.*\n.*--port/);

  save(file, good);
  await settled(base, (x) => x.errors.length === 0 && x.built_at, 'the fixed build');
  assert.strictEqual((await get(base + PAGE)).status, 200);
  child.kill('SIGTERM');
  await new Promise((r) => (child.exitCode !== null ? r() : child.on('exit', r)));
});
