// Fuzz target: one `motcua calc` engine (MOTCUA_FUZZ_ENGINE: deadline, fee, checklist or
// form), with the request from the fuzzer, against the shipped catalog (content/) and the
// test fixture (tests/sites/basic/content), each loaded once. Fee, checklist and form go
// through run_calc, which finds the procedure or form the request names and calls
// calc_with_data on its page's data file, as the browser does. Deadline calls
// calc_deadline on the published calendar file read once: calc_with_data reads it again
// for every request, which makes the run 30 times slower (3,600 against 110 inputs a
// second); calc_data fuzzes that reading, and the request bounds calc_with_data adds
// (size, nesting) are below what calc_deadline's own parser accepts.
//
// Invariants: those of every calc reply (calc_checks.h).
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "calc_checks.h"
#include "fuzz_support.h"
#include "motcua/calc.h"
#include "motcua/catalog_loader.h"
#include "motcua/deadline.h"
#include "motcua/fees.h"

#ifndef MOTCUA_FUZZ_ENGINE
#error "define MOTCUA_FUZZ_ENGINE as \"deadline\", \"fee\", \"checklist\" or \"form\""
#endif

namespace {

struct Site {
  motcua::Catalog catalog;
  motcua::DeadlineData deadline_data;  // api/lich-lam-viec.json, read back
};

Site load(const std::string& rel) {
  Site s;
  motcua::Diagnostics diags;
  s.catalog = motcua::load_catalog(motcua::fuzz::to_files(motcua::fuzz::read_content(rel)), rel + "/", diags);
  if (diags.has_errors()) {
    std::string all;
    for (const motcua::Diagnostic& d : diags.items()) all += motcua::format_diagnostic(d) + "\n";
    motcua::fuzz::fail("the fuzzer's content loads", all);
  }
  if (!motcua::read_deadline_data(motcua::deadline_data_json(s.catalog), s.deadline_data, diags)) {
    motcua::fuzz::fail("the published calendar data reads back", diags.items().front().message);
  }
  return s;
}

// Both catalogs, loaded on first use. The whole shipped catalog (2,642 procedures) takes
// seconds under the sanitizers on a busy machine: LLVMFuzzerInitialize loads it before the
// first input, so that libFuzzer's per-input -timeout never counts the loading.
const std::vector<Site>& sites() {
  static const std::vector<Site> all = [] {
    std::vector<Site> v;
    v.push_back(load("content"));
    v.push_back(load("tests/sites/basic/content"));
    return v;
  }();
  return all;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  sites();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::string engine = MOTCUA_FUZZ_ENGINE;
  const std::string request(reinterpret_cast<const char*>(data), size);
  for (const Site& site : sites()) {
    motcua::CalcReply reply;
    if (engine == "deadline") {
      reply.json = motcua::calc_deadline(site.deadline_data, request, reply.ok);
    } else {
      reply = motcua::run_calc(engine, site.catalog, request);
    }
    motcua::fuzz::check_reply(engine, reply, request);
  }
  return 0;
}
