// A province's published list (CSV) into its catalog: province_csv::parse_csv and
// province_csv::import_list against the fixture site tests/sites/basic (province tinh-mau),
// with the lists and the expected results as files in tests/import/csv/. On an intended
// change: MOTCUA_UPDATE_GOLDEN=1 build/tests/motcua_tests "[csv]", then review the diff.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "fixtures.h"
#include "motcua/province_csv.h"

using namespace motcua;

namespace {

const std::string kDir = "tests/import/csv/";
const std::string kProvince = "provinces/tinh-mau/province.json";

struct Content {
  test::FileMap files = test::to_map(test::read_folder("tests/sites/basic/content"));
  Diagnostics diags;
  Catalog catalog = load_catalog(test::to_files(files), "content/", diags);
  const ProvinceCatalog& province() const { return *catalog.find_province_catalog("tinh-mau"); }
  SourceFile province_file() const { return {"content/" + kProvince, files.at(kProvince)}; }
};

SourceFile list(const std::string& name) { return {kDir + name, test::read_text(test::source_path(kDir + name))}; }

struct Imported {
  bool ok = false;
  std::string text;
  province_csv::Report report;
  Diagnostics diags;
};

Imported import(const Content& c, const SourceFile& csv, const SourceFile& province, bool sample = false) {
  Imported out;
  province_csv::Options options;
  options.sample = sample;
  out.ok = province_csv::import_list(csv, province, c.catalog, c.province(), options, out.text, out.report, out.diags);
  return out;
}

// Compares with a golden file, or rewrites it under MOTCUA_UPDATE_GOLDEN.
void check_golden(const std::string& name, const std::string& got) {
  const std::string path = test::source_path(kDir + name);
  if (std::getenv("MOTCUA_UPDATE_GOLDEN") != nullptr) {
    std::ofstream(path, std::ios::binary) << got;
    return;
  }
  INFO(name << ":\n" << got);
  CHECK(got == test::read_text(path));
}

std::string messages(const Diagnostics& d) {
  std::string out;
  for (const std::string& line : test::formatted(d)) out += line + "\n";
  return out;
}

}  // namespace

TEST_CASE("the fixture content loads", "[import][csv]") {
  const Content c;
  REQUIRE_FALSE(c.diags.has_errors());
  REQUIRE(c.catalog.find_province_catalog("tinh-mau") != nullptr);
}

TEST_CASE("CSV cells: quotes, doubled quotes, newlines in quotes, separators, BOM, positions", "[import][csv]") {
  Diagnostics d;
  province_csv::Table t;
  REQUIRE(province_csv::parse_csv({"a.csv", "\xEF\xBB\xBFMã;\"Tên; có \"\"x\"\"\r\ndòng 2\";c\r\n1;;\"\"\n"}, t, d));
  CHECK(messages(d).empty());
  CHECK(t.separator == ';');
  REQUIRE(t.rows.size() == 2);
  REQUIRE(t.rows[0].cells.size() == 3);
  CHECK(t.rows[0].cells[0].text == "Mã");
  CHECK(t.rows[0].cells[1].text == "Tên; có \"x\"\ndòng 2");
  CHECK(t.rows[0].cells[1].column == 4);  // after the BOM, counting "Mã;" as three characters
  CHECK(t.rows[0].cells[2].line == 2);
  CHECK(t.rows[0].cells[2].column == 9);
  CHECK(t.rows[1].line == 3);
  REQUIRE(t.rows[1].cells.size() == 3);
  CHECK(t.rows[1].cells[2].text.empty());

  // The header decides: more commas than semicolons outside quotes.
  REQUIRE(province_csv::parse_csv({"b.csv", "\"a;b\",c,d\nx;y,z,w\n"}, t, d));
  CHECK(t.separator == ',');
  CHECK(t.rows[1].cells[0].text == "x;y");

  // Decomposed letters pasted from Word are composed (NFC).
  REQUIRE(province_csv::parse_csv({"c.csv", "Ma\xCC\x83\n"}, t, d));
  CHECK(t.rows[0].cells[0].text == "M\xC3\xA3");
}

TEST_CASE("a list becomes the province's catalog, the same with ',' or ';', CRLF or LF, with or without BOM",
          "[import][csv]") {
  const Content c;
  const Imported comma = import(c, list("list-comma.csv"), c.province_file());
  INFO(messages(comma.diags));
  REQUIRE(comma.ok);
  check_golden("list.province.json", comma.text);
  const Imported semicolon = import(c, list("list-semicolon-bom.csv"), c.province_file());
  REQUIRE(semicolon.ok);
  CHECK(semicolon.text == comma.text);

  CHECK(comma.report.added == std::vector<std::string>{"2.000003"});
  CHECK(comma.report.changed == std::vector<std::string>{"1.000001", "2.000002"});
  CHECK(comma.report.removed.empty());
  // 2.000002's national rules are not the province's to set: kept, with a warning at the fee cell.
  CHECK(messages(comma.diags) ==
        "tests/import/csv/list-comma.csv:5:143: warning: column \"Phí, lệ phí\": procedure 2.000002 has national fee "
        "rules the province does not set (\"phi-tham-dinh\"); its fee table and calculator keep them. Check "
        "\"fee_rules\" of its entry by hand\n");

  // Everything outside the catalog array is kept byte for byte.
  const std::string old_text = c.files.at(kProvince);
  CHECK(comma.text.substr(0, old_text.find("\"catalog\"")) == old_text.substr(0, old_text.find("\"catalog\"")));

  // The result loads, and the province's pages use the list's facts and name the decision.
  test::FileMap files = c.files;
  files[kProvince] = comma.text;
  const test::BuiltSite site = test::build_site(test::to_files(files));
  INFO(messages(site.diagnostics));
  REQUIRE_FALSE(site.diagnostics.has_errors());
  const ProvinceCatalog* pc = site.catalog.find_province_catalog("tinh-mau");
  const CatalogEntry* e = site.catalog.find_entry(*pc, "2.000003");
  REQUIRE(e != nullptr);
  REQUIRE(e->source);
  CHECK(e->source->decision == "12/QĐ-UBND");
  CHECK(e->source->date == "2026-03-05");
  const Procedure local = Catalog::localize(*site.catalog.find_procedure("2.000003"), *e);
  CHECK(local.boundary_independent);
  CHECK_FALSE(site.catalog.find_procedure("2.000003")->boundary_independent);
  CHECK(local.channels[0].deadline.unit == DeadlineUnit::working_days);
  CHECK(local.channels[0].deadline.value == 5);
  const std::string& page = site.files.at("tinh-mau/thu-tuc/2.000003/index.html");
  CHECK(page.find("Danh mục do tỉnh công bố: Quyết định 12/QĐ-UBND ngày 05/03/2026") != std::string::npos);
  CHECK(page.find("không phụ thuộc địa giới hành chính") != std::string::npos);
  CHECK(site.files.at("thu-tuc/2.000003/index.html").find("không phụ thuộc địa giới hành chính") ==
        std::string::npos);
  // The province's page lists it as boundary-independent (the national procedure is not).
  const std::string& center = site.files.at("tinh-mau/index.html");
  bool badge = false;
  for (std::size_t item = center.find("thu-tuc/2.000003/"); item != std::string::npos;
       item = center.find("thu-tuc/2.000003/", item + 1)) {
    badge = badge || center.substr(item, center.find("</li>", item) - item).find("Nộp ở bất kỳ đâu trong tỉnh") !=
                         std::string::npos;
  }
  CHECK(badge);
}

TEST_CASE("importing the same list again gives the same bytes", "[import][csv]") {
  const Content c;
  const Imported first = import(c, list("list-comma.csv"), c.province_file());
  REQUIRE(first.ok);
  const Imported again = import(c, list("list-comma.csv"), {"content/" + kProvince, first.text});
  REQUIRE(again.ok);
  CHECK(again.text == first.text);
  CHECK(again.report.added.empty());
  CHECK(again.report.changed.empty());
  CHECK(again.report.removed.empty());
  CHECK(again.report.unchanged == 3);
}

TEST_CASE("the list is the whole catalog; what it does not set is kept; --sample marks every fact", "[import][csv]") {
  const Content c;
  const Imported one = import(c, list("list-one-row.csv"), c.province_file(), true);
  INFO(messages(one.diags));
  REQUIRE(one.ok);
  CHECK(one.report.removed == std::vector<std::string>{"2.000002"});
  CHECK(one.report.changed == std::vector<std::string>{"1.000001"});
  check_golden("list-one-row.province.json", one.text);
  const nlohmann::json doc = nlohmann::json::parse(one.text);
  REQUIRE(doc["catalog"].size() == 1);
  CHECK(doc["catalog"][0]["source"]["sample"] == true);

  // A hand-written override survives a list that leaves its columns out.
  const Imported full = import(c, list("list-comma.csv"), c.province_file());
  REQUIRE(full.ok);
  const nlohmann::json after = nlohmann::json::parse(full.text);
  CHECK(after["catalog"][2]["procedure"] == "2.000002");
  CHECK(after["catalog"][2]["overrides"]["implementing_agency"] == "Chi nhánh Văn phòng đăng ký đất đai Tỉnh Mẫu");
  CHECK(after["catalog"][2]["local_code"] == "2.000002.000.00.00.H98");
}

TEST_CASE("every problem in a list is reported with its line and column, and nothing is produced", "[import][csv]") {
  const Content c;
  for (const char* name : {"errors", "missing-columns", "unclosed-quote", "text-after-quote", "not-utf8", "empty"}) {
    const Imported got = import(c, list(std::string(name) + ".csv"), c.province_file());
    INFO(name);
    CHECK_FALSE(got.ok);
    CHECK(got.text.empty());
    CHECK(got.diags.has_errors());
    check_golden(std::string(name) + ".expected.txt", messages(got.diags));
  }
}

TEST_CASE("the shipped example list reads against the shipped content", "[import][csv]") {
  Diagnostics diags;
  const std::vector<SourceFile> files = test::read_folder("content");
  const Catalog catalog = load_catalog(files, "content/", diags);
  REQUIRE_FALSE(diags.has_errors());
  std::string province_text;
  for (const SourceFile& f : files) {
    if (f.path == "provinces/lai-chau/province.json") province_text = f.text;
  }
  const SourceFile csv{"docs/examples/danh-muc-lai-chau-mau.csv",
                       test::read_text(test::source_path("docs/examples/danh-muc-lai-chau-mau.csv"))};
  province_csv::Options options;
  options.sample = true;
  std::string text;
  province_csv::Report report;
  Diagnostics got;
  const bool ok = province_csv::import_list(csv, {"content/provinces/lai-chau/province.json", province_text}, catalog,
                                            *catalog.find_province_catalog("lai-chau"), options, text, report, got);
  INFO(messages(got));
  REQUIRE(ok);
  CHECK_FALSE(got.has_errors());
  CHECK(report.added.size() + report.changed.size() + report.unchanged == 5);
  const nlohmann::json doc = nlohmann::json::parse(text);
  for (const nlohmann::json& e : doc["catalog"]) {
    CHECK(e["source"]["decision"] == "Mẫu/QĐ-UBND");
    CHECK(e["source"]["sample"] == true);
  }
}
