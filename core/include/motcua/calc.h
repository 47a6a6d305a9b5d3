#pragma once
// `motcua calc <engine>`: one JSON request in, one JSON result out. The command line
// goes through the same data files the site publishes for the browser, so the wasm
// client and the command line give the same answers.
#include <string>

#include "motcua/catalog.h"

namespace motcua {

struct CalcReply {
  bool ok = false;   // false: `json` is {"error": {"field": "/pointer", "message": "…"}, ...}
  std::string json;
};

// Engines: "deadline", "fee", "checklist", "form".
CalcReply run_calc(const std::string& engine, const Catalog& catalog, const std::string& request_json);

// The same calculation from the data file the site publishes for that engine
// (deadline: api/lich-lam-viec.json). This is what the WebAssembly module runs in the
// browser, and run_calc() goes through it too, so both always agree. A data file from
// another schema version is refused with an error naming "/schema_version".
CalcReply calc_with_data(const std::string& engine, const std::string& data_json, const std::string& request_json);

// calc_with_data() for one kind of page's engines: a procedure page's (deadline, fee, checklist)
// and a form page's (form). Any other engine gets calc_with_data()'s "unknown calculation"
// reply. Each WebAssembly module links one of them, so a page downloads only its engines.
CalcReply calc_procedure_page(const std::string& engine, const std::string& data_json, const std::string& request_json);
CalcReply calc_form_page(const std::string& engine, const std::string& data_json, const std::string& request_json);

}  // namespace motcua
