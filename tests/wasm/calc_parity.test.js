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
// Fee and checklist data sit beside each procedure page (src/engines/procedure_data.cpp).
const procedureData = (r) => `${r.province ? `${r.province}/` : ''}thu-tuc/${r.procedure}/du-lieu.json`;
const engines = {
  deadline: { cases: 'tests/data/deadline', data: () => 'api/lich-lam-viec.json', min: 25 },
  fee: { cases: 'tests/data/fees', data: procedureData, min: 30 },
  checklist: { cases: 'tests/data/checklist', data: procedureData, min: 12 },
  form: { cases: 'tests/data/forms', data: (r) => `bieu-mau/${r.form}/du-lieu.json`, min: 20 },
};

// One built site per content folder (a case file may name the test fixture's).
const sites = new Map();
let tmp;
function builtSite(content = 'content') {
  if (sites.has(content)) return sites.get(content);
  assert.ok(cli, 'MOTCUA_CLI must point at the motcua command (run through ctest)');
  tmp = tmp || fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-parity-'));
  const out = path.join(tmp, `site-${sites.size}`);
  execFileSync(cli, ['build', '--content', path.join(repo, content), '--out', out]);
  sites.set(content, out);
  return out;
}

// The site ships two modules behind one loader (motcua.js): motcua.wasm with a procedure
// page's engines (deadline, fee, checklist) and motcua-forms.wasm with the form engine.
const PROCEDURE_ENGINES = ['deadline', 'fee', 'checklist'];
const formsWasm = () => process.env.MOTCUA_FORMS_WASM || path.join(path.dirname(jsPath), 'motcua-forms.wasm');
async function load(engine = 'deadline') {
  assert.ok(jsPath, 'MOTCUA_WASM_JS must point at the built motcua.js (run through ctest)');
  const createMotcua = require(jsPath);
  const wasm = PROCEDURE_ENGINES.includes(engine) ? jsPath.replace(/\.js$/, '.wasm') : formsWasm();
  return createMotcua({ wasmBinary: fs.readFileSync(wasm) });
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

// The same comparison rules as tests/test_deadline.cpp and tests/test_fees.cpp.
function checkExpected(got, expected, label) {
  const item = (id) => {
    const found = (got.items || []).find((i) => i.id === id);
    assert.ok(found, `${label}: no item ${id}`);
    return found;
  };
  const lines = (field) => (got.lines || []).map((l) => (field in l ? l[field] : null));
  for (const [key, value] of Object.entries(expected)) {
    if (key === 'line_amounts') {
      assert.deepStrictEqual(lines('amount'), value, `${label}: ${key}`);
    } else if (key === 'line_sources') {
      assert.deepStrictEqual(lines('source'), value, `${label}: ${key}`);
    } else if (key === 'line_labels') {
      assert.deepStrictEqual(lines('label'), value, `${label}: ${key}`);
    } else if (key === 'messages') {
      const actual = {};
      got.errors.forEach((e) => { actual[e.field] = e.message; });
      assert.deepStrictEqual(actual, value, `${label}: ${key}`);
    } else if (key === 'hidden') {
      value.forEach((id) => assert.ok(!got.visible.includes(id), `${label}: ${id} should be hidden`));
    } else if (key === 'derived') {
      for (const [id, want] of Object.entries(value)) {
        for (const [k, v] of Object.entries(want)) {
          assert.deepStrictEqual((got.derived[id] || {})[k], v, `${label}: derived ${id}.${k}`);
        }
      }
    } else if (key === 'statuses' || key === 'reasons' || key === 'one_of' || key === 'waivers') {
      for (const [id, want] of Object.entries(value)) {
        const i = item(id);
        const actual = key === 'statuses' ? i.status : key === 'reasons' ? i.reason
          : key === 'one_of' ? (i.one_of || []).length : (i.waiver || {}).source;
        assert.deepStrictEqual(actual, want, `${label}: ${key} ${id}`);
      }
    } else if (key === 'skipped') {
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
    const mod = await load(engine);
    let count = 0;
    for (const file of caseFiles(spec.cases)) {
      const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
      const content = doc.content || 'content';
      const root = builtSite(content);
      for (const c of doc.cases) {
        const label = `${path.basename(file)}: ${c.name}`;
        const request = JSON.stringify(c.request);
        const native = spawnSync(cli, ['calc', engine, '--content', path.join(repo, content)], { input: request });
        const dataPath = path.join(root, spec.data(c.request));
        if (!fs.existsSync(dataPath)) {
          // No page, no data: only requests for a procedure or province that is not published.
          assert.ok(c.expected.error_field, `${label}: ${dataPath} was not built`);
          assert.notStrictEqual(native.status, 0, label);
          assert.strictEqual(JSON.parse(native.stdout.toString()).error.field, c.expected.error_field, label);
          count += 1;
          continue;
        }
        const data = fs.readFileSync(dataPath, 'utf8');
        const browser = call(mod, '_motcua_calc', engine, data, request);
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
    assert.ok(count >= spec.min, `only ${count} cases`);
  });
}

test('data from another schema version is refused, naming the field', async () => {
  const mod = await load();
  const root = builtSite();
  const data = JSON.parse(fs.readFileSync(path.join(root, 'api/lich-lam-viec.json'), 'utf8'));
  const version = call(mod, '_motcua_version');
  assert.strictEqual(version.schema_version, data.schema_version);
  data.schema_version += 1;
  const got = call(mod, '_motcua_calc', 'deadline', JSON.stringify(data),
    JSON.stringify({ received_at: '2026-03-02T09:00:00+07:00', duration: { value: 1, unit: 'working_days' } }));
  assert.strictEqual(got.ok, false);
  assert.strictEqual(got.result.error.field, '/schema_version');
});

// Hostile requests from a page anyone can edit: refused fast with an error naming the
// field, and the module keeps working afterwards (no stack overflow, no trap).
test('the browser module refuses unbounded requests and keeps working', async () => {
  const mod = await load();
  const root = builtSite();
  const deadlineData = fs.readFileSync(path.join(root, 'api/lich-lam-viec.json'), 'utf8');
  const formData = fs.readFileSync(path.join(root, 'bieu-mau/to-khai-dang-ky-khai-sinh/du-lieu.json'), 'utf8');
  const feeData = fs.readFileSync(path.join(root, 'thu-tuc/2.000815/du-lieu.json'), 'utf8');
  const forms = await load('form');
  const deep = '['.repeat(300000) + ']'.repeat(300000);
  for (const [engine, data] of [['deadline', deadlineData], ['form', formData], ['fee', feeData], ['checklist', feeData]]) {
    const got = call(engine === 'form' ? forms : mod, '_motcua_calc', engine, data, `{"values": ${deep}}`);
    assert.strictEqual(got.ok, false, engine);
    assert.match(got.result.error.message, /nested more than 16 levels/, engine);
  }
  const pause = call(mod, '_motcua_calc', 'deadline', deadlineData, JSON.stringify({
    received_at: '2026-02-13T10:00:00+07:00', duration: { value: 5, unit: 'working_days' },
    pauses: [{ from: '2026-02-16T08:00:00+07:00', to: '9999-12-31T17:00:00+07:00' }],
  }));
  assert.strictEqual(pause.ok, false);
  assert.strictEqual(pause.result.error.field, '/pauses/0/to');
  // An altered data file cannot make the fee wrap around to a negative total.
  const altered = JSON.parse(feeData);
  altered.fees.inputs.forEach((i) => { i.max = 4e18; });
  const fee = call(mod, '_motcua_calc', 'fee', JSON.stringify(altered),
    JSON.stringify({ date: '2026-03-02', inputs: { pages: 1000000000000, copies: 1000000000000 } }));
  assert.strictEqual(fee.ok, false);
  assert.strictEqual(fee.result.error.field, '/inputs');
  // Still alive: a plain request gets its answer.
  const ok = call(mod, '_motcua_calc', 'fee', feeData, JSON.stringify({ date: '2026-03-02', inputs: { pages: 7, copies: 2 } }));
  assert.strictEqual(ok.ok, true);
  assert.strictEqual(ok.result.total, 18000);
});

// Each module carries only its pages' engines and answers any other exactly as the whole
// set (calc_with_data, here through the reference module motcua-check.wasm) answers an engine it
// does not know: a page can never get another page's answers by mistake.
test('each module refuses the other module\'s engines as an unknown calculation', async () => {
  const root = builtSite();
  const procedure = await load('deadline');
  const forms = await load('form');
  const reference = await require(process.env.MOTCUA_CHECK_WASM_JS)({
    wasmBinary: fs.readFileSync(process.env.MOTCUA_CHECK_WASM_JS.replace(/\.js$/, '.wasm')),
  });
  const data = fs.readFileSync(path.join(root, 'thu-tuc/2.000815/du-lieu.json'), 'utf8');
  const request = JSON.stringify({ date: '2026-03-02', inputs: { pages: 7, copies: 2 } });
  const unknown = (engine) => {
    const e = { field: '/', message: `unknown calculation "${engine}"` };
    return { ok: false, result: { error: e, errors: [e] } };
  };
  for (const [mod, engines] of [[procedure, ['form']], [forms, PROCEDURE_ENGINES]]) {
    for (const engine of engines) assert.deepStrictEqual(call(mod, '_motcua_calc', engine, data, request), unknown(engine));
  }
  for (const engine of ['drafts', '', 'Fee']) {
    assert.deepStrictEqual(call(reference, '_motcua_calc', engine, data, request), unknown(engine));
    assert.deepStrictEqual(call(procedure, '_motcua_calc', engine, data, request), unknown(engine));
    assert.deepStrictEqual(call(forms, '_motcua_calc', engine, data, request), unknown(engine));
  }
  // The fee is answered by its module, and both report the same version.
  assert.strictEqual(call(procedure, '_motcua_calc', 'fee', data, request).ok, true);
  assert.deepStrictEqual(call(forms, '_motcua_version'), call(procedure, '_motcua_version'));
});

test.after(() => { if (tmp) fs.rmSync(tmp, { recursive: true, force: true }); });
