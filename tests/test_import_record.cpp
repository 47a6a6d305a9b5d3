// Whole National Public Service Portal records into content (docs/import.md): real records
// in tests/import/records, the content they must give in tests/import/expected. A change
// in the importer that changes what a citizen reads shows here, file by file.
// MOTCUA_UPDATE_GOLDEN=1 rewrites the expected files (then read the diff before committing).
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>

#include "fixtures.h"
#include "motcua/catalog.h"
#include "motcua/format.h"
#include "motcua/portal_import.h"

namespace {

using namespace motcua;
namespace fs = std::filesystem;

struct GoldenRecord {
  std::string rel;  // "bo-tu-phap/1.000656.json"
  std::string path;
};

std::vector<GoldenRecord> golden_records() {
  std::vector<GoldenRecord> out;
  const fs::path root = test::source_path("tests/import/records");
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    if (e.is_regular_file() && e.path().extension() == ".json") {
      out.push_back({fs::relative(e.path(), root).generic_string(), e.path().string()});
    }
  }
  std::sort(out.begin(), out.end(), [](const GoldenRecord& a, const GoldenRecord& b) { return a.rel < b.rel; });
  return out;
}

portal::ConvertedRecord convert(const GoldenRecord& g) {
  const nlohmann::json record = nlohmann::json::parse(test::read_text(g.path));
  portal::ConvertOptions options;
  options.record_path = g.rel;
  options.date = "2026-12-01";
  options.field_slug = portal::make_slug;
  options.known_code = [](const std::string&) { return false; };
  return portal::convert_record(record, options);
}

std::string procedure_text(const portal::ConvertedRecord& c) { return c.procedure.dump(2) + "\n"; }

void compare_or_update(const std::string& path, const std::string& actual) {
  if (std::getenv("MOTCUA_UPDATE_GOLDEN") != nullptr) {
    fs::create_directories(fs::path(path).parent_path());
    if (actual.empty()) {
      fs::remove(path);
    } else {
      std::ofstream(path, std::ios::binary) << actual;
    }
    return;
  }
  const std::string expected = fs::exists(path) ? test::read_text(path) : "";
  INFO(path);
  CHECK(actual == expected);
}

// Codes in the "Reason codes" table of docs/import.md.
std::set<std::string> documented_reasons() {
  const std::string doc = test::read_text(test::source_path("docs/import.md"));
  const std::size_t start = doc.find("## Reason codes");
  REQUIRE(start != std::string::npos);
  const std::size_t end = doc.find("\n## ", start + 5);
  const std::string table = doc.substr(start, end == std::string::npos ? std::string::npos : end - start);
  std::set<std::string> out;
  const std::regex row(R"(\n\| `([a-z0-9_]+)` \|)");
  for (auto it = std::sregex_iterator(table.begin(), table.end(), row); it != std::sregex_iterator(); ++it) {
    out.insert((*it)[1]);
  }
  return out;
}

std::set<std::string> reasons_with_words() {
  const std::string inc = test::read_text(test::source_path("core/src/text/unreviewed_reasons.inc"));
  std::set<std::string> out;
  const std::regex entry(R"re(\n\{"([a-z0-9_]+)", ")re");
  for (auto it = std::sregex_iterator(inc.begin(), inc.end(), entry); it != std::sregex_iterator(); ++it) {
    out.insert((*it)[1]);
  }
  return out;
}

}  // namespace

TEST_CASE("import: real records give the golden content, file by file", "[import][record]") {
  const auto records = golden_records();
  REQUIRE(records.size() >= 40);
  for (const GoldenRecord& g : records) {
    const portal::ConvertedRecord c = convert(g);
    INFO(g.rel);
    REQUIRE(c.error.empty());
    const std::string dir = test::source_path("tests/import/expected/" + c.code + "/");
    compare_or_update(dir + "procedure.json", procedure_text(c));
    compare_or_update(dir + "steps.md", c.steps);
    compare_or_update(dir + "conditions.md", c.conditions);
  }
}

TEST_CASE("import: the same record always gives the same bytes", "[import][record]") {
  for (const GoldenRecord& g : golden_records()) {
    INFO(g.rel);
    CHECK(procedure_text(convert(g)) == procedure_text(convert(g)));
  }
}

TEST_CASE("import: every converted record loads as content, flagged parts pointing into the file",
          "[import][record]") {
  for (const GoldenRecord& g : golden_records()) {
    const portal::ConvertedRecord c = convert(g);
    INFO(g.rel);
    const std::string text = procedure_text(c);
    Diagnostics diags;
    JsonDocument doc;
    REQUIRE(parse_json(SourceFile{"procedure.json", text}, doc, diags));
    Procedure p;
    CHECK(read_procedure(doc, p, diags, nullptr));
    for (const Diagnostic& d : diags.items()) INFO(format_diagnostic(d));
    CHECK_FALSE(diags.has_errors());
    CHECK(p.status == ReviewStatus::imported);
    const nlohmann::json value = nlohmann::json::parse(text);
    for (const UnreviewedPart& u : p.unreviewed) {
      INFO(u.pointer << " " << u.reason);
      // A flag names a part the file has, or a part it lacks because the source gave nothing
      // or could not be structured into it (a whole section, an agency, a count left out).
      const bool present = value.contains(nlohmann::json::json_pointer(u.pointer));
      const std::string parent = u.pointer.substr(0, u.pointer.rfind('/'));
      const bool parent_present = parent.empty() || value.contains(nlohmann::json::json_pointer(parent));
      CHECK((present || parent_present || u.reason.find("_missing") != std::string::npos));
      // The source's own words are kept for every flag that is not an empty part.
      if (u.reason.find("_missing") == std::string::npos) CHECK_FALSE(u.text.empty());
    }
  }
}

TEST_CASE("import: the golden records cover the traps the issue counts", "[import][record]") {
  std::set<std::string> reasons;
  std::set<std::string> units, fee_kinds;
  bool several_results = false, no_competent_agency = false;
  for (const GoldenRecord& g : golden_records()) {
    const portal::ConvertedRecord c = convert(g);
    for (const auto& u : c.procedure.value("unreviewed", nlohmann::ordered_json::array())) reasons.insert(u["reason"]);
    for (const auto& ch : c.procedure["channels"]) {
      units.insert(ch["deadline"]["unit"].get<std::string>());
      fee_kinds.insert(ch["fee"]["kind"].get<std::string>());
    }
    several_results = several_results || (c.procedure.contains("results") && c.procedure["results"].size() > 1);
    no_competent_agency = no_competent_agency || !c.procedure.contains("competent_agency");
  }
  for (const char* r : {"deadline_no_unit", "deadline_text", "deadline_fractional", "deadline_fee_glued",
                        "fee_free_with_amount", "fee_amount_suspicious", "channel_repeated", "dossier_item_no_name",
                        "dossier_prose", "dossier_missing", "legal_basis_missing", "results_missing"}) {
    INFO(r);
    CHECK(reasons.count(r) == 1);
  }
  for (const char* u : {"working_days", "calendar_days", "working_hours", "months", "unknown"}) {
    INFO(u);
    CHECK(units.count(u) == 1);
  }
  for (const char* k : {"free", "amount", "local", "foreign", "unknown"}) {
    INFO(k);
    CHECK(fee_kinds.count(k) == 1);
  }
  CHECK(several_results);
  CHECK(no_competent_agency);
}

TEST_CASE("import: every reason code is documented and has words for citizens", "[import][record]") {
  const auto documented = documented_reasons();
  const auto worded = reasons_with_words();
  CHECK(documented.size() >= 30);
  CHECK(documented == worded);
  for (const std::string& r : documented) {
    INFO(r);
    CHECK(describe_unreviewed_reason(r) != "chưa tách được thành dữ liệu có cấu trúc");
  }
  // And every code the shipped content uses is one of them.
  Diagnostics diags;
  const Catalog catalog = load_catalog(test::read_folder("content"), "content/", diags);
  REQUIRE_FALSE(diags.has_errors());
  for (const auto& [reason, n] : portal::reason_counts(catalog)) {
    INFO(reason);
    CHECK(documented.count(reason) == 1);
  }
}

TEST_CASE("import: docs/import-rates.md is the table of the shipped content", "[import][record]") {
  Diagnostics diags;
  const Catalog catalog = load_catalog(test::read_folder("content"), "content/", diags);
  REQUIRE_FALSE(diags.has_errors());
  const std::string expected = portal::rates_markdown(catalog, "dichvucong.gov.vn");
  if (std::getenv("MOTCUA_UPDATE_GOLDEN") != nullptr) {
    std::ofstream(test::source_path("docs/import-rates.md"), std::ios::binary) << expected;
  }
  CHECK(test::read_text(test::source_path("docs/import-rates.md")) == expected);
  // The shipped catalog is the whole portal catalog we hold, plus the reviewed procedures.
  int imported = 0, reviewed = 0;
  for (const Procedure& p : catalog.procedures) {
    imported += p.status == ReviewStatus::imported;
    reviewed += p.status == ReviewStatus::reviewed;
  }
  CHECK(reviewed == 50);
  CHECK(imported + reviewed == 2642);
}

TEST_CASE("import: the source's text stays words, never markup", "[import][record]") {
  CHECK(portal::text_to_markdown("Bước 1: nộp hồ sơ\nBước 2: nhận kết quả") ==
        "Bước 1: nộp hồ sơ\n\nBước 2: nhận kết quả\n");
  CHECK(portal::text_to_markdown("- a\n- b\nc") == "- a\n- b\n\nc\n");
  CHECK(portal::text_to_markdown("1. Nộp\n2) Nhận") == "1\\. Nộp\n\n2\\) Nhận\n");
  CHECK(portal::text_to_markdown("<script>x</script> *đậm* [link](javascript:x) # h") ==
        "\\<script\\>x\\</script\\> \\*đậm\\* \\[link\\](javascript:x) \\# h\n");
  CHECK(portal::text_to_markdown("# Tiêu đề") == "\\# Tiêu đề\n");
  CHECK(portal::text_to_markdown("  \n\n") == "");
  CHECK(portal::make_slug("Hàng hải và đường thủy nội địa") == "hang-hai-va-duong-thuy-noi-dia");
  CHECK(portal::make_slug("Đất đai") == "dat-dai");
}
