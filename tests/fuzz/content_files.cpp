// Fuzz target: every kind of content file, through load_catalog.
//
// The input is one byte choosing the kind of file, then the file's text. The target takes
// the valid fixture tests/sites/basic/content, puts the text in place of (or beside) the
// file of that kind and loads the whole tree, as `motcua check` and `motcua build` do.
// When the content loads without errors, what is built from it must work too: the data
// files of the calculators read back, every engine answers valid JSON, and the whole site
// renders (set MOTCUA_FUZZ_RENDER=0 to skip rendering, for speed).
//
// Invariants: every diagnostic names a content file and says something; a file that
// parse_json rejects is reported with a line and column; a catalog that loads renders without
// crashing and its data files and calculator replies are valid JSON.
//
// The order of kKinds is part of the corpus format (the first byte): append, never reorder.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "fuzz_support.h"
#include "motcua/calc.h"
#include "motcua/catalog_loader.h"
#include "motcua/deadline.h"
#include "motcua/forms.h"
#include "motcua/procedure_data.h"
#include "motcua/site_renderer.h"

using motcua::fuzz::excerpt;

namespace {

// The kinds of content file (docs/content.md), as paths in tests/sites/basic/content.
// Kinds the fixture lacks (applicant categories, a calendar year, conditions.md) are added.
const char* const kKinds[] = {
    "site.json",
    "fields.json",
    "life-events.json",
    "provinces.json",
    "applicant-categories.json",
    "hotlines.json",
    "procedures/2.000002/procedure.json",  // questions, conditional dossier, fees
    "procedures/1.000001/procedure.json",  // steps in steps.md
    "procedures/1.000001/steps.md",
    "procedures/1.000001/conditions.md",
    "provinces/tinh-mau/province.json",
    "provinces/tinh-mau/communes/doan-ket.json",
    "calendar/rules.json",
    "calendar/2026.json",
    "citizen-id.json",
    "forms/to-khai-mau.json",
};
constexpr std::size_t kKindCount = sizeof(kKinds) / sizeof(kKinds[0]);

struct Fixture {
  std::map<std::string, std::string> content = motcua::fuzz::read_content("tests/sites/basic/content");
  std::vector<motcua::SourceFile> templates = motcua::fuzz::to_files(motcua::fuzz::read_content("templates"));
  bool render = std::getenv("MOTCUA_FUZZ_RENDER") == nullptr || std::string(std::getenv("MOTCUA_FUZZ_RENDER")) != "0";
};

bool ends_with(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

void check_reply(const char* engine, const motcua::CalcReply& reply, const std::string& request) {
  const nlohmann::json j = nlohmann::json::parse(reply.json, nullptr, false);
  FUZZ_CHECK(j.is_object(), std::string(engine) + " reply is a JSON object for " + request + ": " + excerpt(reply.json));
  FUZZ_CHECK(reply.ok != j.contains("error"), std::string(engine) + " reply has \"error\" exactly when it fails: " +
                                                  excerpt(reply.json));
}

// What the site and the calculators build from a catalog that loaded.
void use_catalog(const Fixture& fx, const motcua::Catalog& catalog) {
  const std::string deadline_data = motcua::deadline_data_json(catalog);
  motcua::DeadlineData read_back;
  motcua::Diagnostics dd;
  FUZZ_CHECK(motcua::read_deadline_data(deadline_data, read_back, dd),
             "the published calendar data reads back: " + (dd.items().empty() ? "" : dd.items().front().message));
  const std::string deadline_request =
      R"({"received_at": "2026-02-13T10:00:00+07:00", "duration": {"value": 5, "unit": "working_days"}})";
  check_reply("deadline", motcua::calc_with_data("deadline", deadline_data, deadline_request), deadline_request);

  for (const motcua::Procedure& p : catalog.procedures) {
    const std::string data = motcua::procedure_data_json(catalog, p, nullptr);
    const std::string fee = R"({"date": "2026-03-02"})";
    check_reply("fee", motcua::calc_with_data("fee", data, fee), fee);
    check_reply("checklist", motcua::calc_with_data("checklist", data, "{}"), "{}");
  }
  for (const motcua::ProvinceCatalog& pc : catalog.province_catalogs) {
    for (const motcua::CatalogEntry& e : pc.catalog) {
      const motcua::Procedure* p = catalog.find_procedure(e.procedure);
      if (p == nullptr) continue;
      const std::string data = motcua::procedure_data_json(catalog, motcua::Catalog::localize(*p, e), &pc);
      const std::string fee = R"({"date": "2026-03-02", "channel": "online"})";
      check_reply("fee", motcua::calc_with_data("fee", data, fee), fee);
    }
  }
  for (const motcua::Form& f : catalog.forms) {
    const std::string request = R"({"form": ")" + f.id + R"(", "today": "2026-03-02", "values": {}})";
    check_reply("form", motcua::calc_with_data("form", motcua::form_data_json(f, catalog.citizen_id), request), request);
  }

  motcua::SiteOptions options;
  options.base_url = "https://tthc.example.gov.vn/mot-cua/";
  for (const motcua::OutputFile& f : motcua::render_catalog_api(catalog, options)) {
    FUZZ_CHECK(nlohmann::json::accept(f.bytes), "the open data file " + f.path + " is JSON");
  }
  if (fx.render) {
    motcua::Diagnostics rd;
    for (const motcua::OutputFile& f : motcua::render_site(catalog, fx.templates, options, rd)) {
      if (ends_with(f.path, ".json")) FUZZ_CHECK(nlohmann::json::accept(f.bytes), "the site file " + f.path + " is JSON");
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const Fixture fx;
  if (size == 0) return 0;
  const std::string kind = kKinds[data[0] % kKindCount];
  const std::string text(reinterpret_cast<const char*>(data + 1), size - 1);

  std::map<std::string, std::string> content = fx.content;
  content[kind] = text;
  motcua::Diagnostics diags;
  const motcua::Catalog catalog = motcua::load_catalog(motcua::fuzz::to_files(content), "content/", diags);

  bool named_the_file = false;
  for (const motcua::Diagnostic& d : diags.items()) {
    FUZZ_CHECK(d.file.rfind("content/", 0) == 0, "a diagnostic names a content file: " + motcua::format_diagnostic(d));
    FUZZ_CHECK(!d.message.empty(), "a diagnostic says something: " + motcua::format_diagnostic(d));
    FUZZ_CHECK(d.line >= 0 && d.column >= 0 && (d.line > 0 || d.column == 0),
               "a diagnostic's position is a line and column from 1: " + motcua::format_diagnostic(d));
    if (d.file == "content/" + kind && d.severity == motcua::Severity::error && d.line > 0 && d.column > 0) {
      named_the_file = true;
    }
  }
  if (ends_with(kind, ".json")) {
    motcua::JsonDocument doc;
    motcua::Diagnostics syntax;
    if (!motcua::parse_json({kind, text}, doc, syntax)) {
      FUZZ_CHECK(named_the_file, "a " + kind + " that is not JSON gives a positioned error on it: " + excerpt(text));
    }
  }
  if (!diags.has_errors()) use_catalog(fx, catalog);
  return 0;
}
