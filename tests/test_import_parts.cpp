// The portal importer's part parsers (dossier, legal basis, results, levels) against
// golden cases: real cells of National Public Service Portal records, copied into
// tests/import/parts/<part>/*.json with the expected value and flags.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "fixtures.h"
#include "motcua/portal_import.h"

namespace {

using motcua::portal::Parsed;
using nlohmann::json;

Parsed run_part(const std::string& part, const std::string& cell) {
  if (part == "dossier") return motcua::portal::parse_dossier(cell);
  if (part == "legal_basis") return motcua::portal::parse_legal_basis(cell);
  if (part == "results") return motcua::portal::parse_results(cell);
  if (part == "levels") return motcua::portal::parse_levels(cell);
  FAIL("unknown part " << part);
  return {};
}

json flags_json(const Parsed& p) {
  json out = json::array();
  for (const auto& f : p.flags) out.push_back({{"pointer", f.pointer}, {"reason", f.reason}, {"text", f.text}});
  return out;
}

}  // namespace

TEST_CASE("portal parts: golden cases from real records", "[import][parts]") {
  for (const std::string part : {"dossier", "legal_basis", "results", "levels"}) {
    const auto files = motcua::test::case_files("tests/import/parts/" + part);
    REQUIRE(files.size() >= 3);
    for (const std::string& file : files) {
      const json c = json::parse(motcua::test::read_text(file));
      INFO(file << " (record " << c.at("record").get<std::string>() << ")");
      const Parsed p = run_part(part, c.at("cell").get<std::string>());
      CHECK(p.value == c.at("expect"));
      CHECK(flags_json(p) == c.at("flags"));
      CHECK(p.empty == c.value("empty", false));
    }
  }
}

TEST_CASE("portal parts: levels follow the two-tier system", "[import][parts]") {
  using motcua::portal::parse_levels;
  const Parsed all = parse_levels("Cấp bộ, Cấp tỉnh, Cấp xã, Cơ quan khác");
  CHECK(all.value == json::array({"bo", "tinh", "xa", "khac"}));
  CHECK(all.flags.empty());

  // "Cấp huyện" was abolished on 1/7/2025: flagged, never mapped to another level.
  const Parsed district = parse_levels("Cấp tỉnh, Cấp huyện, Cấp xã");
  CHECK(district.value == json::array({"tinh", "xa"}));
  REQUIRE(district.flags.size() == 1);
  CHECK(district.flags[0].reason == "level_district");
  CHECK(district.flags[0].text == "Cấp huyện");

  const Parsed unknown = parse_levels("Cấp trung ương");
  CHECK(unknown.value == json::array());
  REQUIRE(unknown.flags.size() == 1);
  CHECK(unknown.flags[0].reason == "level_unknown");
  CHECK(unknown.flags[0].pointer == "/0");

  CHECK(parse_levels("").empty);
  CHECK(parse_levels("Không có thông tin").empty);
}

TEST_CASE("portal parts: legal numbers glued to what follows", "[import][parts]") {
  // QH13 is a legislature number (two digits): the digits after it start the next cell.
  const Parsed p = motcua::portal::parse_legal_basis(
      "Tên văn bản pháp lýMã văn bảnLuật Hộ tịch 60/2014/QH1360/2014/QH13Nghị định quy định chi tiết123/2015/NĐ-CP");
  REQUIRE(p.value.size() == 2);
  CHECK(p.value[0]["number"] == "60/2014/QH13");
  CHECK(p.value[0]["title"] == "Luật Hộ tịch 60/2014/QH13");
  CHECK(p.value[0]["type"] == "Luật");
  CHECK(p.value[1]["number"] == "123/2015/NĐ-CP");
  CHECK(p.value[1]["title"] == "Nghị định quy định chi tiết");
  CHECK(p.value[1]["type"] == "Nghị định");
  CHECK(p.flags.empty());

  // The date is the document's own only when it follows its number.
  const Parsed d = motcua::portal::parse_legal_basis(
      "Tên văn bản pháp lýMã văn bảnsửa đổi Thông tư 19/2021/TT-BTC ngày 18/3/2021 của Bộ Tài chính46/2024/TT-BTC"
      "Nghị quyết số 24/2026/NQ-CP ngày 29/4/2026 của Chính phủ24/2026/NQ-CP");
  REQUIRE(d.value.size() == 2);
  CHECK_FALSE(d.value[0].contains("issued"));
  CHECK(d.value[0]["type"] == "Thông tư");
  CHECK(d.value[1]["issued"] == "2026-04-29");
  CHECK(d.value[1]["type"] == "Nghị quyết");
}

TEST_CASE("portal parts: dossier counts glued to a year split only after a date", "[import][parts]") {
  const Parsed p = motcua::portal::parse_dossier(
      "--Tên giấy tờMẫu đơn, tờ khaiSố lượngĐơn đề nghị theo Thông tư ngày 27/12/20241 bản chính"
      "Bản sao theo Mẫu số 20241 bản chính,1 bản sao");
  REQUIRE(p.value.size() == 2);
  CHECK(p.value[0]["name"] == "Đơn đề nghị theo Thông tư ngày 27/12/2024");
  CHECK(p.value[0]["originals"] == 1);
  CHECK_FALSE(p.value[1].contains("originals"));
  CHECK(p.value[1]["copies"] == 1);
  REQUIRE(p.flags.size() == 1);
  CHECK(p.flags[0].pointer == "/1/originals");
  CHECK(p.flags[0].reason == "dossier_count_unclear");
}

TEST_CASE("portal parts: the applicant category with commas stays one item", "[import][parts]") {
  // doi_tuong_thuc_hien of bo-cong-an/1.011413.
  const auto items = motcua::portal::split_list(
      "Công dân Việt Nam, Người nước ngoài, Cán bộ, công chức, viên chức, Doanh nghiệp, Người Việt Nam định cư ở "
      "nước ngoài, Tổ chức (không bao gồm doanh nghiệp, HTX), Tổ chức nước ngoài");
  const std::vector<std::string> expected = {"Công dân Việt Nam",
                                             "Người nước ngoài",
                                             "Cán bộ, công chức, viên chức",
                                             "Doanh nghiệp",
                                             "Người Việt Nam định cư ở nước ngoài",
                                             "Tổ chức (không bao gồm doanh nghiệp, HTX)",
                                             "Tổ chức nước ngoài"};
  CHECK(items == expected);
  // Only the whole category is kept together: other lists still split at every comma.
  const std::vector<std::string> other = {"Cán bộ", "công chức"};
  CHECK(motcua::portal::split_list("Cán bộ, công chức") == other);
  CHECK(motcua::portal::split_list("Cán bộ, công chức, viên chức") == std::vector<std::string>{"Cán bộ, công chức, viên chức"});
}

TEST_CASE("portal parts: no crash on broken input", "[import][parts]") {
  // Truncated UTF-8, lone continuation bytes, markers at the very end, huge digit runs.
  const std::string inputs[] = {
      "",
      "\xE1\xBA",
      "Mã:",
      "Mã: \xC3",
      "Tên văn bản pháp lýMã văn bản",
      "Tên văn bản pháp lýMã văn bản1/",
      "Tên văn bản pháp lýMã văn bản99999999999999999999/2020/NĐ-",
      "Tên giấy tờMẫu đơn, tờ khaiSố lượng",
      "Tên giấy tờMẫu đơn, tờ khaiSố lượng99999999999999999999 bản chính,99999999999 bản sao",
      "Tên giấy tờMẫu đơn, tờ khaiSố lượng.docx1 bản chính",
      "Tên giấy tờMẫu đơn, tờ khaiSố lượng\x80\x80.doc1 bản chính",
      " bản chính bản chính,",
      "ngày 31/02/2024",
  };
  for (const std::string& s : inputs) {
    INFO(s);
    CHECK_NOTHROW(motcua::portal::parse_dossier(s));
    CHECK_NOTHROW(motcua::portal::parse_legal_basis(s));
    CHECK_NOTHROW(motcua::portal::parse_results(s));
    CHECK_NOTHROW(motcua::portal::parse_levels(s));
  }
}
