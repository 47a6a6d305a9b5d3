// The core compiled to WebAssembly validates a procedure exactly like the native build.
// Emscripten 3.1.6 cannot fetch() a file path under Node 20, so the bytes are passed in.
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');

const jsPath = process.env.MOTCUA_CHECK_WASM_JS;
const repo = path.join(__dirname, '..', '..');

async function load() {
  assert.ok(jsPath, 'MOTCUA_CHECK_WASM_JS must point at the built motcua-check.js (run through ctest)');
  const createMotcua = require(jsPath);
  return createMotcua({ wasmBinary: fs.readFileSync(jsPath.replace(/\.js$/, '.wasm')) });
}

function check(mod, text) {
  const size = mod.lengthBytesUTF8(text) + 1;
  const input = mod._malloc(size);
  mod.stringToUTF8(text, input, size);
  const output = mod._motcua_check_procedure(input);
  mod._free(input);
  const result = JSON.parse(mod.UTF8ToString(output));
  mod._motcua_free(output);
  return result;
}

test('a shipped procedure is valid in the browser build', async () => {
  const mod = await load();
  const text = fs.readFileSync(path.join(repo, 'content/procedures/1.001193/procedure.json'), 'utf8');
  const result = check(mod, text);
  assert.strictEqual(result.schema_version, 1);
  assert.deepStrictEqual(result.diagnostics, []);
  assert.strictEqual(result.ok, true);
});

test('errors carry the same positions and messages as the native build', async () => {
  const mod = await load();
  const syntax = check(mod, '{\n  "code": "1.001193"\n  "name": "x"\n}');
  assert.strictEqual(syntax.ok, false);
  assert.deepStrictEqual(syntax.diagnostics, [{
    severity: 'error', line: 3, column: 3, pointer: '',
    message: "expected ',' or '}' after object member, found '\"'",
  }]);

  const text = fs.readFileSync(path.join(repo, 'tests/sites/basic/content/procedures/2.000002/procedure.json'), 'utf8')
    .replace('"kind": "local"', '"kind": "cheap"');
  const semantic = check(mod, text);
  assert.strictEqual(semantic.ok, false);
  assert.strictEqual(semantic.diagnostics.length, 1);
  assert.strictEqual(semantic.diagnostics[0].pointer, '/channels/0/fee/kind');
  assert.strictEqual(semantic.diagnostics[0].line, 10);
  assert.match(semantic.diagnostics[0].message, /unknown value "cheap"; use one of: free, amount, local, not_regulated, foreign, unknown/);
});

test('Vietnamese text survives the boundary', async () => {
  const mod = await load();
  const result = check(mod, '{"code": "Đăng ký"}');
  const codeError = result.diagnostics.find((d) => d.pointer === '/code');
  assert.ok(codeError, JSON.stringify(result.diagnostics));
  assert.match(codeError.message, /invalid procedure code "Đăng ký"/);
});
