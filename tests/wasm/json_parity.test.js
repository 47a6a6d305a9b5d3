// The shipped calculators' module reads and writes JSON with wasm/minijson, a small stand-in
// for nlohmann/json. The reference module (motcua-check.wasm) runs the same engines with
// nlohmann/json itself: on requests at the edges of JSON (duplicate keys, invalid UTF-8,
// numbers beyond 64 bits, nesting, escapes, malformed text) both must answer byte for byte
// alike, for every engine.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const shippedJs = process.env.MOTCUA_WASM_JS;
const referenceJs = process.env.MOTCUA_CHECK_WASM_JS;
const cli = process.env.MOTCUA_CLI;
const repo = path.join(__dirname, '..', '..');

// The site's two calculators' modules share one loader: motcua.wasm (deadline, fee,
// checklist) beside it, and motcua-forms.wasm (the form engine).
const shippedFormsWasm = () => process.env.MOTCUA_FORMS_WASM || path.join(path.dirname(shippedJs), 'motcua-forms.wasm');
async function load(jsPath, wasm) {
  assert.ok(jsPath, 'MOTCUA_WASM_JS and MOTCUA_CHECK_WASM_JS must name the built modules (run through ctest)');
  const create = require(jsPath);
  return create({ wasmBinary: fs.readFileSync(wasm || jsPath.replace(/\.js$/, '.wasm')) });
}

// Raw bytes in (so invalid UTF-8 reaches the module as it is), raw bytes out.
function calc(mod, engine, data, request) {
  const ptrs = [Buffer.from(engine), Buffer.from(data), request].map((bytes) => {
    const p = mod._malloc(bytes.length + 1);
    mod.HEAPU8.set(bytes, p);
    mod.HEAPU8[p + bytes.length] = 0;
    return p;
  });
  const out = mod._motcua_calc(...ptrs);
  ptrs.forEach((p) => mod._free(p));
  let end = out;
  while (mod.HEAPU8[end] !== 0) end += 1;
  const bytes = Buffer.from(mod.HEAPU8.subarray(out, end));
  mod._motcua_free(out);
  return bytes;
}

const b = (s) => Buffer.from(s, 'utf8');
const cat = (...parts) => Buffer.concat(parts.map((p) => (Buffer.isBuffer(p) ? p : b(p))));
const nest = (n, inner) => '['.repeat(n) + inner + ']'.repeat(n);

// Edge requests around a valid core `base` (a JSON object's members, without braces).
function edgeRequests(base) {
  const numbers = ['0', '-0', '7', '-7', '1.0', '0.1', '1e2', '1E+2', '2.5e-3', '1e400', '-1e400', '123456789012345678',
    '9223372036854775807', '9223372036854775808', '-9223372036854775808', '-9223372036854775809',
    '18446744073709551615', '18446744073709551616', '100000000000000000000000', '4e18', '1.7976931348623157e308',
    '5e-324', '0.30000000000000004', '01', '1.', '.5', '-', '+1', '1e', 'NaN', 'Infinity'];
  const strings = ['"a\\u0000b"', '"\\ud83d\\ude00"', '"\\ud800"', '"\\udc00"', '"\\ud800\\u0041"', '"tab\\there"',
    '"\\/\\b\\f\\n\\r\\"\\\\"', '"\\x41"', '"\\u00e9\\u1EA1"', '"Việt Nam"', '"\u0001"', '"line\nbreak"'];
  const bad = [Buffer.from([0xff]), Buffer.from([0xc0, 0xaf]), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from([0xe1, 0xba]),
    Buffer.from([0xf4, 0x90, 0x80, 0x80]), Buffer.from([0x80]), Buffer.from([0xc3])];
  const out = [
    cat('{', base, '}'),
    cat('\ufeff{', base, '}'),
    cat(' \t\r\n{', base, '} \n'),
    cat('{', base, ',}'),
    cat('{', base, '} x'),
    cat('{', base, '}{}'),
    cat('/* c */{', base, '}'),
    cat('{', base, ',"date":"2026-03-02","date":"2026-03-03"}'),
    cat('{', base, ',"extra":{"k":1,"k":[1,2],"k":{"z":null}}}'),
    cat('{', base, ',"pages":1,"pages":2}'),
    cat("{'a':1}"),
    b(''), b('null'), b('[]'), b('"x"'), b('42'), b('true'), b('{'), b('{"a"}'), b('{"a":}'), b('[1,]'),
    cat('{', base, ',"deep":', nest(14, '1'), '}'),
    cat('{', base, ',"deep":', nest(15, '{}'), '}'),
    cat('{', base, ',"deep":', nest(16, ''), '}'),
    cat('{', base, ',"deep":"', '['.repeat(40), '"}'),
  ];
  for (const n of numbers) out.push(cat('{', base, ',"n":', n, '}'), cat('{', base.replace(/: ?\d+/, `:${n}`), '}'));
  for (const s of strings) out.push(cat('{', base, ',"s":', s, '}'), cat('{', base.replace(/"[^"]*"(?=[,}]|$)/, s), '}'));
  for (const x of bad) {
    out.push(cat('{', base, ',"s":"a', x, 'b"}'), cat('{', base, ',"s":"', x, '"}'), cat('{', base, ',"', x, '":1}'));
  }
  return out;
}

test('minijson and nlohmann/json give the same bytes on edge requests, for every engine', async () => {
  assert.ok(cli, 'MOTCUA_CLI must point at the motcua command (run through ctest)');
  const shipped = { procedure: await load(shippedJs), forms: await load(shippedJs, shippedFormsWasm()) };
  const reference = await load(referenceJs);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-json-parity-'));
  try {
    const site = path.join(tmp, 'site');
    execFileSync(cli, ['build', '--content', path.join(repo, 'content'), '--out', site]);
    const read = (p) => fs.readFileSync(path.join(site, p), 'utf8');
    const engines = [
      ['deadline', read('api/lich-lam-viec.json'),
        '"received_at":"2026-03-02T09:00:00+07:00","duration":{"value":5,"unit":"working_days"}'],
      ['fee', read('thu-tuc/2.000815/du-lieu.json'), '"date":"2026-03-02","inputs":{"pages":7,"copies":2}'],
      ['checklist', read('thu-tuc/2.000815/du-lieu.json'), '"answers":{}'],
      ['form', read('bieu-mau/to-khai-dang-ky-khai-sinh/du-lieu.json'), '"values":{"ho_ten":"Nguyễn Văn A"}'],
    ];
    let compared = 0;
    let answered = 0;
    for (const [engine, data, base] of engines) {
      const requests = edgeRequests(base);
      // The data files too: their own bytes, with a duplicate member, and as numbers and text.
      const datas = [data, data.replace('{', '{"schema_version":0,'), data.replace('{', '{"zz":1e400,"zy":"\\ud83d\\ude00",')];
      for (const d of datas) {
        for (const request of requests) {
          const got = calc(engine === 'form' ? shipped.forms : shipped.procedure, engine, d, request);
          const want = calc(reference, engine, d, request);
          assert.strictEqual(got.toString('latin1'), want.toString('latin1'), `${engine}: ${request.toString('latin1')}`);
          compared += 1;
          if (got.toString().startsWith('{"ok":true')) answered += 1;
        }
      }
    }
    assert.ok(compared > 500, `only ${compared} comparisons`);
    assert.ok(answered > 100, `only ${answered} requests got an answer: the edge cases miss the engines`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});

test('every engine answers a request with a duplicate key from its last value, as nlohmann/json does', async () => {
  const mod = await load(shippedJs);
  const reference = await load(referenceJs);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-json-parity-'));
  try {
    const site = path.join(tmp, 'site');
    execFileSync(cli, ['build', '--content', path.join(repo, 'content'), '--out', site]);
    const data = fs.readFileSync(path.join(site, 'thu-tuc/2.000815/du-lieu.json'), 'utf8');
    const once = JSON.parse(calc(mod, 'fee', data, b('{"date":"2026-03-02","inputs":{"pages":7,"copies":2}}')));
    const twice = JSON.parse(calc(mod, 'fee', data, b('{"date":"2026-03-02","inputs":{"pages":1,"copies":2,"pages":7}}')));
    assert.strictEqual(once.ok, true);
    assert.deepStrictEqual(twice, once);
    assert.deepStrictEqual(twice, JSON.parse(calc(reference, 'fee', data, b('{"date":"2026-03-02","inputs":{"pages":1,"copies":2,"pages":7}}'))));
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});
