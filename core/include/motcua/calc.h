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

// Engines: "deadline".
CalcReply run_calc(const std::string& engine, const Catalog& catalog, const std::string& request_json);

}  // namespace motcua
