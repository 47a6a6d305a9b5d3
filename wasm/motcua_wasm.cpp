// The WebAssembly boundary: strings in, JSON strings out, nothing else. Every
// returned string is malloc'd here and released by the caller with motcua_free.
#include <cstdlib>
#include <cstring>
#include <string>

#include <nlohmann/json.hpp>

#include "motcua/catalog_loader.h"
#include "motcua/json_document.h"
#include "motcua/model.h"

namespace {

char* to_c_string(const std::string& s) {
  char* out = static_cast<char*>(std::malloc(s.size() + 1));
  if (out != nullptr) std::memcpy(out, s.c_str(), s.size() + 1);
  return out;
}

}  // namespace

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

void motcua_free(char* p) { std::free(p); }

}  // extern "C"
