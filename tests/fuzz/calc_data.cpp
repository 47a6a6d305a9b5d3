// Fuzz target: the calculators reading a page's data file, as the WebAssembly module does
// in the browser with a du-lieu.json (or api/lich-lam-viec.json) fetched, cached or saved
// on the device: motcua::calc_with_data with the data file from the fuzzer.
//
// The input is one byte choosing the engine (deadline, fee, checklist, form), then the
// data file, then optionally a NUL byte and the request; without one, a request that the
// engine answers for any valid data file is used. The seeds are the data files a build of
// the fixture and of the shipped content publishes, with the golden requests for them.
//
// Invariants: those of every calc reply (calc_checks.h).
#include <cstddef>
#include <cstdint>
#include <string>

#include "calc_checks.h"
#include "motcua/calc.h"

namespace {

// The order is part of the corpus format (the first byte): append, never reorder.
const char* const kEngines[] = {"deadline", "fee", "checklist", "form"};

std::string default_request(const std::string& engine, const std::string& data) {
  if (engine == "deadline") {
    return R"({"received_at": "2026-02-13T10:00:00+07:00", "duration": {"value": 5, "unit": "working_days"}})";
  }
  if (engine == "fee") return R"({"date": "2026-03-02", "inputs": {"pages": 7, "copies": 2}})";
  if (engine == "checklist") return R"({"channel": "online"})";
  // A form request names the form of the data file.
  const nlohmann::json d = nlohmann::json::parse(data, nullptr, false);
  std::string id;
  if (d.is_object() && d.contains("form") && d["form"].is_object() && d["form"].contains("id") &&
      d["form"]["id"].is_string()) {
    id = d["form"]["id"].get<std::string>();
  }
  return nlohmann::json({{"form", id}, {"today", "2026-03-02"}, {"values", nlohmann::json::object()}})
      .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string engine = kEngines[data[0] % (sizeof(kEngines) / sizeof(kEngines[0]))];
  const std::string rest(reinterpret_cast<const char*>(data + 1), size - 1);
  const std::size_t nul = rest.find('\0');
  const std::string data_json = rest.substr(0, nul);
  const std::string request = nul == std::string::npos ? default_request(engine, data_json) : rest.substr(nul + 1);
  motcua::fuzz::check_reply(engine, motcua::calc_with_data(engine, data_json, request),
                            request + "\ndata: " + motcua::fuzz::excerpt(data_json));
  return 0;
}
