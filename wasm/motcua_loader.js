// The calculators' loader, shipped as build/wasm/motcua.js beside motcua.wasm, a standalone
// module (-sSTANDALONE_WASM, as motcua-search.wasm): it replaces Emscripten's 15 KB loader
// (4.8 KB gzip) with what the pages and tests use of it.
//   createMotcua({locateFile: () => url} or {wasmBinary: bytes}) -> Promise of the module:
//   _motcua_calc, _motcua_version, _motcua_free, _malloc, _free, HEAPU8, lengthBytesUTF8,
//   stringToUTF8, UTF8ToString.
// Strings cross as UTF-8 (TextEncoder/TextDecoder); requests come from JSON.stringify, which
// never leaves a lone surrogate.
var createMotcua = (function () {
  'use strict';
  return function (options) {
    options = options || {};
    var mod = {};
    var memory = null;
    var view = null;
    var encoder = new TextEncoder();
    var decoder = new TextDecoder();
    function heap() {
      if (!view || view.buffer !== memory.buffer) view = new Uint8Array(memory.buffer);
      return view;
    }
    Object.defineProperty(mod, 'HEAPU8', { get: heap });
    mod.UTF8ToString = function (p) {
      var h = heap();
      var end = p;
      while (h[end]) end += 1;
      return decoder.decode(h.subarray(p, end));
    };
    mod.lengthBytesUTF8 = function (s) { return encoder.encode(s).length; };
    mod.stringToUTF8 = function (s, p, max) {
      var bytes = encoder.encode(s);
      if (bytes.length > max - 1) bytes = bytes.subarray(0, max - 1);
      var h = heap();
      h.set(bytes, p);
      h[p + bytes.length] = 0;
    };
    function fail(what) {
      return function () { throw new Error('motcua.wasm: ' + what); };
    }
    var imports = {
      env: {
        // A JSON number with a fraction or exponent: the browser rounds decimal text correctly.
        motcua_parse_json_number: function (p) { return Number(mod.UTF8ToString(p)); },
        emscripten_notify_memory_growth: function () {}
      },
      wasi_snapshot_preview1: {
        proc_exit: fail('exit'),
        fd_write: fail('write'),
        fd_close: fail('close'),
        fd_seek: fail('seek')
      }
    };
    var bytes = options.wasmBinary
      ? Promise.resolve(options.wasmBinary)
      : fetch(options.locateFile ? options.locateFile('motcua.wasm', '') : 'motcua.wasm').then(function (r) {
        if (!r.ok) throw new Error('motcua.wasm: HTTP ' + r.status);
        return r.arrayBuffer();
      });
    return bytes.then(function (b) { return WebAssembly.instantiate(b, imports); }).then(function (r) {
      var x = r.instance.exports;
      memory = x.memory;
      x._initialize();
      ['motcua_calc', 'motcua_version', 'motcua_free', 'malloc', 'free'].forEach(function (name) {
        mod['_' + name] = x[name];
      });
      return mod;
    });
  };
})();
if (typeof module === 'object' && module.exports) module.exports = createMotcua;
