// Parity, not copies: every golden case of the calculation engines runs through the
// WebAssembly module with the data file the site publishes, and must give exactly the
// answer of the native `motcua calc` and the expected values of the case.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync, spawnSync } = require('node:child_process');

const jsPath = process.env.MOTCUA_WASM_JS;
const cli = process.env.MOTCUA_CLI;
const repo = path.join(__dirname, '..', '..');

// Engine -> where its golden cases live and which published file holds its data.
const engines = {
  deadline: { cases: 'tests/data/deadline', data: () => 'api/lich-lam-viec.json' },
};

let site;
function builtSite() {
  if (site) return site;
  assert.ok(cli, 'MOTCUA_CLI must point at the motcua command (run through ctest)');
  site = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-parity-'));
  execFileSync(cli, ['build', '--content', path.join(repo, 'content'), '--out', path.join(site, 'site')]);
  return site;
}

async function load() {
  assert.ok(jsPath, 'MOTCUA_WASM_JS must point at the built motcua.js (run through ctest)');
  const createMotcua = require(jsPath);
  return createMotcua({ wasmBinary: fs.readFileSync(jsPath.replace(/\.js$/, '.wasm')) });
}

function call(mod, name, ...args) {
  const ptrs = args.map((s) => {
    const size = mod.lengthBytesUTF8(s) + 1;
    const p = mod._malloc(size);
    mod.stringToUTF8(s, p, size);
    return p;
  });
  const out = mod[name](...ptrs);
  ptrs.forEach((p) => mod._free(p));
  const text = mod.UTF8ToString(out);
  mod._motcua_free(out);
  return JSON.parse(text);
}

function caseFiles(dir) {
  const full = path.join(repo, dir);
  return fs.readdirSync(full).filter((f) => f.endsWith('.json')).sort().map((f) => path.join(full, f));
}

// The same comparison rules as tests/test_deadline.cpp.
function checkExpected(got, expected, label) {
  for (const [key, value] of Object.entries(expected)) {
    if (key === 'skipped') {
      assert.deepStrictEqual(got.skipped.map((s) => ({ date: s.date, reason: s.reason })), value, label);
    } else if (key === 'skipped_dates') {
      assert.deepStrictEqual(got.skipped.map((s) => s.date), value, label);
    } else if (key === 'stages_due') {
      assert.deepStrictEqual(got.stages.map((s) => s.due_at), value, label);
    } else if (key !== 'error_field') {
      assert.deepStrictEqual(got[key], value, `${label}: ${key}`);
    }
  }
}

for (const [engine, spec] of Object.entries(engines)) {
  test(`${engine}: the browser module and motcua calc agree on every golden case`, async () => {
    const mod = await load();
    const root = path.join(builtSite(), 'site');
    let count = 0;
    for (const file of caseFiles(spec.cases)) {
      const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
      for (const c of doc.cases) {
        const label = `${path.basename(file)}: ${c.name}`;
        const data = fs.readFileSync(path.join(root, spec.data(c.request)), 'utf8');
        const request = JSON.stringify(c.request);
        const browser = call(mod, '_motcua_calc', engine, data, request);
        const native = spawnSync(cli, ['calc', engine, '--content', path.join(repo, 'content')], { input: request });
        assert.deepStrictEqual(browser.result, JSON.parse(native.stdout.toString()), label);
        assert.strictEqual(browser.ok, native.status === 0, label);
        if (c.expected.error_field) {
          assert.strictEqual(browser.ok, false, label);
          assert.strictEqual(browser.result.error.field, c.expected.error_field, label);
        } else {
          assert.strictEqual(browser.ok, true, `${label}: ${JSON.stringify(browser.result.error)}`);
          checkExpected(browser.result, c.expected, label);
        }
        count += 1;
      }
    }
    assert.ok(count >= 25, `only ${count} cases`);
  });
}

test('data from another schema version is refused, naming the field', async () => {
  const mod = await load();
  const root = path.join(builtSite(), 'site');
  const data = JSON.parse(fs.readFileSync(path.join(root, 'api/lich-lam-viec.json'), 'utf8'));
  const version = call(mod, '_motcua_version');
  assert.strictEqual(version.schema_version, data.schema_version);
  data.schema_version += 1;
  const got = call(mod, '_motcua_calc', 'deadline', JSON.stringify(data),
    JSON.stringify({ received_at: '2026-03-02T09:00:00+07:00', duration: { value: 1, unit: 'working_days' } }));
  assert.strictEqual(got.ok, false);
  assert.strictEqual(got.result.error.field, '/schema_version');
});

test.after(() => { if (site) fs.rmSync(site, { recursive: true, force: true }); });
