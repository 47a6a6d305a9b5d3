// A citizen keeps a procedure page for offline use, later accepts a site update ("Đã có
// phiên bản mới"), and then opens the kept page with no signal: it must still be styled and
// its calculators must still run, on the assets and data of the version it was saved from.
// Once no kept page needs an old version any more, its files are dropped from the phone.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { buildSite, serve, launch, watchErrors, waitUntilKept, until, repo } = require('./harness');

const KEPT = 'lai-chau/thu-tuc/1.004873/';   // saved before the update, never visited after it
const OTHER = 'thu-tuc/1.001193/';           // a page used after the update was deployed

let browser;
const cleanup = [];
const servers = [];
test.before(async () => { browser = await launch(); });
test.after(async () => {
  if (browser) await browser.close();
  for (const s of servers) await s.close().catch(() => {});
  for (const dir of cleanup) fs.rmSync(dir, { recursive: true, force: true });
});

// The first release, built and served; a second buildSite({ dir }) deploys over it.
async function firstRelease() {
  const dir = buildSite();
  cleanup.push(dir);
  const server = await serve(path.join(dir, 'site'));
  servers.push(server);
  return { dir, server };
}

function tmp(prefix) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  cleanup.push(dir);
  return dir;
}

// The next release: the same content with a changed style sheet, client scripts (core.js and
// each tool's) and WebAssembly modules, so every hashed asset gets a new name. The module only
// gains a custom section (ignored when it runs): we cannot compile a second core here, and the
// name is what matters.
function nextRelease() {
  const templates = path.join(tmp('motcua-templates-'), 'templates');
  fs.cpSync(path.join(repo, 'templates'), templates, { recursive: true });
  fs.appendFileSync(path.join(templates, 'assets', 'style.css'), '\n/* next release */\n');
  for (const f of fs.readdirSync(path.join(templates, 'assets'))) {
    if (f.endsWith('.js') && f !== 'search.js') fs.appendFileSync(path.join(templates, 'assets', f), '\n/* next release */\n');
  }
  const from = process.env.MOTCUA_WASM_DIR;
  if (!from) throw new Error('MOTCUA_WASM_DIR must point at the built WebAssembly module');
  const wasm = tmp('motcua-wasm-');
  fs.copyFileSync(path.join(from, 'motcua.js'), path.join(wasm, 'motcua.js'));
  const name = Buffer.from('motcua-next-release');
  const section = Buffer.concat([Buffer.from([0, name.length + 1, name.length]), name]);
  for (const module of ['motcua.wasm', 'motcua-forms.wasm']) {
    fs.writeFileSync(path.join(wasm, module), Buffer.concat([fs.readFileSync(path.join(from, module)), section]));
  }
  return { templates, wasm };
}

// Stands in for a release whose data files have a new format (schema_version) that the
// kept page's core refuses.
function bumpDataFormat(root) {
  const files = [path.join(root, 'api', 'lich-lam-viec.json')];
  (function walk(dir) {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name === 'du-lieu.json') files.push(p);
    }
  })(root);
  for (const f of files) {
    const data = JSON.parse(fs.readFileSync(f, 'utf8'));
    data.schema_version += 1;
    fs.writeFileSync(f, JSON.stringify(data));
  }
}

async function deadline(page, when) {
  const tool = page.locator('[data-tool="deadline"]');
  await tool.locator('input[name="received_at"]').fill(when);
  await tool.locator('button[type="submit"]').click();
  await tool.locator('.tool-result :is(.answer, .field-error)').first().waitFor();
  return tool.locator('.tool-result').innerText();
}

async function fee(page) {
  const tool = page.locator('[data-tool="fee"]');
  await tool.getByRole('button', { name: 'Tính tiền' }).click();
  await tool.locator('.tool-result :is(.answer, .field-error)').first().waitFor();
  return tool.locator('.tool-result').innerText();
}

const look = (page) => page.evaluate(() => ({
  css: document.querySelector('link[rel="stylesheet"]').href,
  js: document.querySelector('script[src]').src,
  // core.js and the page's tool scripts (search.js is the same file in both releases; the
  // core's loader, added when a tool runs, is not a deferred script)
  scripts: [...document.querySelectorAll('script[src][defer]')].map((s) => s.src)
    .filter((u) => !/\/search\.[0-9a-f]+\.js$/.test(u)),
  wasm: new URL(document.body.dataset.wasm, location.href).href,
  header: getComputedStyle(document.querySelector('.site-header')).backgroundColor,
}));

// Visits the kept page on the first release; returns what it looked like and computed.
async function keepPage(context, base) {
  const page = await context.newPage();
  await page.goto(base + KEPT);
  await waitUntilKept(page);
  const before = { look: await look(page), deadline: await deadline(page, '2026-02-13T16:00'), fee: await fee(page) };
  assert.match(before.deadline, /Hạn trả kết quả/);
  assert.match(before.fee, /Tổng cộng/);
  assert.notStrictEqual(before.look.header, 'rgba(0, 0, 0, 0)', 'the style sheet applies');
  await page.close();
  return before;
}

// Opens a page of the new release, waits for the update offer and accepts it.
async function acceptUpdate(page, url) {
  await page.goto(url);
  const button = page.getByRole('button', { name: 'Tải lại để cập nhật' });
  await button.waitFor({ timeout: 20000 });
  assert.match(await page.locator('#update-banner').innerText(), /Đã có phiên bản mới/);
  const reloaded = page.waitForEvent('load');
  await button.click();
  await reloaded;
  await until(page, async () => {
    const reg = await navigator.serviceWorker.getRegistration();
    return reg && !reg.waiting && !reg.installing && reg.active.state === 'activated' &&
      navigator.serviceWorker.controller !== null;
  }, null, { message: 'the new version controls the page' });
  await page.locator('#update-banner').waitFor({ state: 'hidden' });
}

async function expectKeptPageWorks(context, base, before) {
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(base + KEPT);
  const now = await look(page);
  assert.strictEqual(now.css, before.look.css, 'this is the page saved before the update');
  assert.strictEqual(now.header, before.look.header, 'the old style sheet still applies');
  assert.strictEqual(await deadline(page, '2026-02-13T16:00'), before.deadline);
  assert.strictEqual(await fee(page), before.fee);
  assert.deepStrictEqual(errors, []);
  await page.close();
}

test('a page kept before a site update is styled and its calculators work offline after the update', async () => {
  const { dir, server } = await firstRelease();
  const context = await browser.newContext();
  const before = await keepPage(context, server.base);

  buildSite({ dir, ...nextRelease() });
  const page = await context.newPage();
  await acceptUpdate(page, server.base);   // on the home page: the kept page is not refreshed

  await server.close();
  await context.setOffline(true);
  await expectKeptPageWorks(context, server.base, before);
  await context.close();
});

test('after an update that changes the data format, the kept page still computes with its own data', async () => {
  const { dir, server } = await firstRelease();
  const context = await browser.newContext();
  const before = await keepPage(context, server.base);

  buildSite({ dir, ...nextRelease() });
  bumpDataFormat(path.join(dir, 'site'));
  // The citizen uses another procedure's calculators on the new release: its data (the
  // shared working calendar among it) is fetched in the new format.
  const page = await context.newPage();
  await page.goto(server.base + OTHER);
  await deadline(page, '2026-02-13T16:00');
  await acceptUpdate(page, server.base);

  await server.close();
  await context.setOffline(true);
  await expectKeptPageWorks(context, server.base, before);
  await context.close();
});

test('old asset versions leave the phone once no kept page uses them', async () => {
  const { dir, server } = await firstRelease();
  const context = await browser.newContext();
  const before = await keepPage(context, server.base);
  const oldAssets = [before.look.css, ...before.look.scripts, before.look.wasm];
  assert.ok(before.look.scripts.length >= 4, 'core.js and the deadline, checklist and fee tools: ' + before.look.scripts);
  const oldCore = /motcua\.([0-9a-f]+)\.wasm$/.exec(before.look.wasm)[1];
  // How many data files are kept for the old core (runs in the page).
  const keptData = async (core) => (await (await caches.open('motcua-pages')).keys())
    .filter((r) => new URL(r.url).searchParams.get('core') === core).length;

  buildSite({ dir, ...nextRelease() });
  const page = await context.newPage();
  await acceptUpdate(page, server.base);
  const cached = (urls) => page.evaluate(async (list) => {
    const hits = await Promise.all(list.map((u) => caches.match(u)));
    return hits.map(Boolean);
  }, urls);
  assert.deepStrictEqual(await cached(oldAssets), oldAssets.map(() => true), 'kept while the old page is kept');
  assert.ok(await page.evaluate(keptData, oldCore) > 0, 'the data of the old core is kept with it');

  // Back online on the kept page: it is refreshed to the new release, and nothing kept
  // refers to the old assets any more.
  await page.goto(server.base + KEPT);
  await waitUntilKept(page);
  assert.notStrictEqual((await look(page)).css, before.look.css);
  await until(page, async (list) => {
    const hits = await Promise.all(list.map((u) => caches.match(u)));
    return hits.every((h) => !h);
  }, oldAssets, { message: 'the old assets are dropped' });
  await until(page, async (core) => !(await (await caches.open('motcua-pages')).keys())
    .some((r) => new URL(r.url).searchParams.get('core') === core), oldCore, { message: 'the old core\'s data is dropped' });
  const shells = await page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('motcua-shell-')));
  assert.strictEqual(shells.length, 1, shells.join(', '));
  await context.close();
});

// The next release edits one procedure's name, in a copy of the shipped content.
function editedContent() {
  const content = path.join(tmp('motcua-content-'), 'content');
  fs.cpSync(path.join(repo, 'content'), content, { recursive: true });
  const file = path.join(content, 'procedures', '1.001193', 'procedure.json');
  const text = fs.readFileSync(file, 'utf8');
  assert.ok(text.includes('"name": "Đăng ký khai sinh"'));
  fs.writeFileSync(file, text.replace('"name": "Đăng ký khai sinh"', '"name": "Đăng ký khai sinh cho trẻ em"'));
  return content;
}

test('after one procedure is edited, search sees the new index at once, and only its parts are fetched and kept', async () => {
  const { dir, server } = await firstRelease();
  const site = path.join(dir, 'site');
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.base);
  await waitUntilKept(page);
  const search = (q) => page.evaluate((query) => window.motcuaSearch.query(query, { limit: 6 }), q);
  const kept = () => page.evaluate(async () => (await (await caches.open('motcua-search')).keys()).map((r) => r.url));
  // The index files that reached the server.
  const asked = () => server.requests.filter((u) => /\/search\/[^/]+\.txt$/.test(u));
  assert.strictEqual((await search('khai sinh')).results[0].name, 'Đăng ký khai sinh');
  await until(page, async (urls) => {
    const keys = (await (await caches.open('motcua-search')).keys()).map((r) => r.url);
    return urls.every((u) => keys.includes(u));
  }, asked(), { message: 'the parts fetched are kept' });
  const before = await kept();
  const other = path.join(site, 'thu-tuc', '1.000005', 'index.html');
  const otherPage = fs.readFileSync(other);

  buildSite({ dir, content: editedContent() });
  // No page changes because the index did: another procedure's page is the same file.
  assert.ok(fs.readFileSync(other).equals(otherPage), 'an unrelated page is unchanged');
  const inSite = (url) => fs.existsSync(path.join(site, 'search', url.replace(/^.*\/search\//, '')));
  const gone = before.filter((u) => !inSite(u));
  assert.ok(gone.length > 0 && gone.length < before.length - 1,
    'the edit renames some of the parts this query used, not all: ' + gone.map((u) => u.replace(/^.*\//, '')));

  // Before the update is even accepted, a search reads the new head (it has one name, asked
  // of the server each time) and fetches only the parts it does not hold yet.
  await page.reload();
  const from = asked().length;
  const named = (reply) => reply.results.filter((r) => r.code === '1.001193').map((r) => r.name)[0];
  assert.strictEqual(named(await search('khai sinh')), 'Đăng ký khai sinh cho trẻ em');
  const now = asked().slice(from);
  const parts = now.filter((u) => !/\/head\.txt$/.test(u));
  assert.ok(now.some((u) => /\/search\/head\.txt$/.test(u)), 'the head is asked of the server again');
  assert.ok(parts.every((u) => !before.includes(u)), 'a part kept is not fetched again: ' + parts);
  assert.ok(parts.length > 0, 'the renamed parts the query needs are fetched');

  // Once the new version takes over, the parts no kept head names leave the phone; the rest stay.
  await acceptUpdate(page, server.base);
  await until(page, async (list) => {
    const urls = (await (await caches.open('motcua-search')).keys()).map((r) => r.url);
    return list.every((u) => !urls.includes(u));
  }, gone, { message: 'the renamed parts are dropped' });
  const after = await kept();
  for (const u of before.filter(inSite)) assert.ok(after.includes(u), 'kept: ' + u);

  // Offline, the kept head and parts answer in full with the new name.
  await server.close();
  await context.setOffline(true);
  await page.reload();
  const offline = await search('khai sinh');
  assert.strictEqual(offline.incomplete, false);
  assert.strictEqual(named(offline), 'Đăng ký khai sinh cho trẻ em');
  await context.close();
});
