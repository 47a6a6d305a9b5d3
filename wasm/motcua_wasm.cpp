// The WebAssembly boundary: strings in, JSON strings out, nothing else. Every
// returned string is malloc'd here and released by the caller with motcua_free.
#include <cstdlib>
#include <cstring>
#include <string>

#include <emscripten.h>
#include <nlohmann/json.hpp>

#include "motcua/calc.h"
#include "motcua/catalog_loader.h"
#include "motcua/json_document.h"
#include "motcua/model.h"

// The engines this module carries (wasm/CMakeLists.txt): all of them by default, or only a
// procedure page's (motcua::calc_procedure_page) or a form page's (motcua::calc_form_page).
#ifndef MOTCUA_WASM_CALC
#define MOTCUA_WASM_CALC motcua::calc_with_data
#endif

namespace {

char* to_c_string(const std::string& s) {
  char* out = static_cast<char*>(std::malloc(s.size() + 1));
  if (out != nullptr) std::memcpy(out, s.c_str(), s.size() + 1);
  return out;
}

}  // namespace

// A JSON number with a fraction or an exponent (already checked against the grammar) as the
// nearest double: JavaScript engines round decimal text correctly (V8, SpiderMonkey and
// JavaScriptCore all do, as glibc's and musl's strtod do), and this spares the module musl's
// strtod with its 128-bit long double arithmetic. 1e400 gives Infinity, as strtod does.
// Defined here for Emscripten's loader (motcua-check.js); the standalone motcua.wasm imports it
// from env, and wasm/motcua_loader.js supplies the same function.
EM_JS(double, motcua_parse_json_number, (const char* literal), { return Number(UTF8ToString(literal)); });

extern "C" {

// Validates one procedure.json (as an official's editor would, without the rest
// of the catalog) and returns
// {"schema_version":1,"ok":bool,"diagnostics":[{"line","column","pointer","message","severity"}]}.
char* motcua_check_procedure(const char* json_text) {
  motcua::Diagnostics diags;
  motcua::JsonDocument doc;
  if (motcua::parse_json({"procedure.json", json_text != nullptr ? json_text : ""}, doc, diags)) {
    motcua::Procedure procedure;
    motcua::read_procedure(doc, procedure, diags);
  }
  nlohmann::json out = {{"schema_version", motcua::kSchemaVersion},
                        {"ok", !diags.has_errors()},
                        {"diagnostics", nlohmann::json::array()}};
  for (const motcua::Diagnostic& d : diags.items()) {
    out["diagnostics"].push_back({{"severity", d.severity == motcua::Severity::error ? "error" : "warning"},
                                  {"line", d.line},
                                  {"column", d.column},
                                  {"pointer", d.pointer},
                                  {"message", d.message}});
  }
  return to_c_string(out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

// Runs one engine ("deadline", …) on the data file the site published beside the page
// and a request, exactly as `motcua calc <engine>` does. Returns
// {"ok": bool, "result": {...}} where result is the engine's answer or its error
// ({"error": {"field", "message"}}).
char* motcua_calc(const char* engine, const char* data_json, const char* request_json) {
  const motcua::CalcReply reply = MOTCUA_WASM_CALC(engine != nullptr ? engine : "",
                                                         data_json != nullptr ? data_json : "",
                                                         request_json != nullptr ? request_json : "");
  std::string out = std::string("{\"ok\":") + (reply.ok ? "true" : "false") + ",\"result\":" + reply.json + "}";
  return to_c_string(out);
}

// What this module understands, so a page can refuse data from another build:
// {"schema_version": N, "version": "…"}.
char* motcua_version() {
  nlohmann::json out = {{"schema_version", motcua::kSchemaVersion}, {"version", MOTCUA_VERSION}};
  return to_c_string(out.dump());
}

void motcua_free(char* p) { std::free(p); }

}  // extern "C"
