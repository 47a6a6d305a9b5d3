// Data-quality warnings (core/include/motcua/quality.h): each rule fires where the data looks
// wrong and stays quiet where it does not. tests/sites/quality/ holds the whole-site case with
// the exact lines `motcua check` prints.
#include <catch2/catch.hpp>
#include <sstream>
#include <tuple>

#include "fixtures.h"
#include "motcua/quality.h"

using namespace motcua;

namespace {

test::FileMap base_content() { return test::to_map(test::read_folder("tests/sites/basic/content")); }

const char* kProcedure = "procedures/1.000001/procedure.json";

// Loads `content` (which must be valid) and returns its warnings, located and formatted.
std::vector<std::string> warnings_of(const test::FileMap& content) {
  Diagnostics diags;
  const std::vector<SourceFile> files = test::to_files(content);
  const Catalog catalog = load_catalog(files, "content/", diags);
  INFO(Catch::Detail::stringify(test::formatted(diags)));
  REQUIRE_FALSE(diags.has_errors());
  std::vector<QualityWarning> found = check_quality(catalog);
  locate_quality_warnings(found, files, "content/");
  std::vector<std::string> out;
  for (const QualityWarning& w : found) out.push_back(format_quality_warning(w));
  return out;
}

// The warnings' "pointer [code]" pairs, for tests that do not spell out whole messages.
std::vector<std::string> codes_of(const test::FileMap& content) {
  std::vector<std::string> out;
  for (const std::string& line : warnings_of(content)) {
    const auto pointer = line.find(": warning: ") + 11;
    const auto colon = line.find(": ", pointer);
    out.push_back(line.substr(pointer, colon - pointer) + " " + line.substr(line.rfind('[')));
  }
  return out;
}

// Changes the basic fixture's procedure 1.000001 through `edit`.
template <typename Edit>
test::FileMap with_procedure(Edit edit) {
  test::FileMap content = base_content();
  nlohmann::json p = nlohmann::json::parse(content[kProcedure]);
  edit(p);
  content[kProcedure] = p.dump(2, ' ', false);
  return content;
}

nlohmann::json channel(const char* kind, int value, const char* unit, nlohmann::json fee) {
  return {{"kind", kind}, {"deadline", {{"value", value}, {"unit", unit}}}, {"fee", std::move(fee)}};
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty()) out.push_back(line);
  }
  return out;
}

}  // namespace

TEST_CASE("the basic fixture has no data-quality warnings", "[quality]") {
  CHECK(warnings_of(base_content()).empty());
}

TEST_CASE("every rule fires on the quality fixture, with its file, position and code", "[quality]") {
  test::FileMap content = base_content();
  for (const SourceFile& f : test::read_folder("tests/sites/quality/overlay")) content[f.path] = f.text;
  const std::vector<std::string> expected =
      lines_of(test::read_text(test::source_path("tests/sites/quality/expected.txt")));
  REQUIRE(expected.size() == 12);
  CHECK(warnings_of(content) == expected);
  // Every code is exercised by the fixture.
  for (const QualityWarningCode& c : quality_warning_codes()) {
    const std::string tag = std::string("[") + c.code + "]";
    CHECK(std::any_of(expected.begin(), expected.end(),
                      [&](const std::string& line) { return line.find(tag) != std::string::npos; }));
  }
}

TEST_CASE("free_with_amount: an amount in đồng beside \"Miễn phí\"", "[quality]") {
  auto fee_text = [](const std::string& text) {
    return codes_of(with_procedure([&](nlohmann::json& p) { p["channels"][0]["fee"]["text"] = text; }));
  };
  const std::vector<std::string> flagged = {"/channels/0/fee [free_with_amount]"};
  CHECK(fee_text("Lệ phí 10.000 đồng/bản") == flagged);
  CHECK(fee_text("10,000 Việt Nam Đồng(/trang)") == flagged);
  CHECK(fee_text("8.000đ") == flagged);
  CHECK(fee_text("50 VNĐ") == flagged);
  CHECK(fee_text("1,5 triệu đồng") == flagged);
  const std::vector<std::string> million =
      warnings_of(with_procedure([](nlohmann::json& p) { p["channels"][0]["fee"]["text"] = "Lệ phí 1,5 triệu đồng"; }));
  REQUIRE(million.size() == 1);
  CHECK(million[0].find("but its text states 1,5 triệu đồng: check which is right") != std::string::npos);
  CHECK(fee_text("8000đ/bản") == flagged);
  CHECK(fee_text("Miễn phí (0 đồng)").empty());
  // The shipped 1.013467: an article with a letter is not an amount.
  CHECK(fee_text("quy định tại Điều 105d Nghị định số 34/2025/NĐ-CP").empty());
  CHECK(fee_text("Luật Hộ tịch 2014, Điều 11, khoản 1").empty());
  CHECK(fee_text("Miễn phí cho 20 trang đầu; hợp đồng số 12").empty());
  // The portal's description counts too; a fee of another kind is not "free".
  CHECK(codes_of(with_procedure([](nlohmann::json& p) { p["channels"][1]["description"] = "Phí 20.000 đồng"; })) ==
        std::vector<std::string>{"/channels/1/fee [free_with_amount]"});
  CHECK(codes_of(with_procedure([](nlohmann::json& p) {
          p["channels"][1]["fee"] = {{"kind", "not_regulated"}, {"text", "Phí 20.000 đồng"}};
        })).empty());
}

TEST_CASE("deadline_outlier: one channel far from every other with the same unit", "[quality]") {
  auto deadlines = [](std::vector<std::tuple<const char*, int, const char*>> channels) {
    return codes_of(with_procedure([&](nlohmann::json& p) {
      p["channels"] = nlohmann::json::array();
      for (const auto& [kind, value, unit] : channels) p["channels"].push_back(channel(kind, value, unit, {{"kind", "free"}}));
      p["full_online"] = false;
    }));
  };
  CHECK(deadlines({{"direct", 18, "working_days"}, {"online", 4, "working_days"}, {"postal", 18, "working_days"}}) ==
        std::vector<std::string>{"/channels/1/deadline/value [deadline_outlier]"});
  // Two channels far apart: one warning, at the channel that is not the counter.
  CHECK(deadlines({{"online", 4, "working_days"}, {"direct", 18, "working_days"}}) ==
        std::vector<std::string>{"/channels/0/deadline/value [deadline_outlier]"});
  CHECK(deadlines({{"direct", 18, "working_days"}, {"postal", 4, "working_days"}}) ==
        std::vector<std::string>{"/channels/1/deadline/value [deadline_outlier]"});
  // Below the ratio (3×) or the gap (3 units), or in different units: nothing.
  CHECK(deadlines({{"direct", 7, "working_days"}, {"online", 5, "working_days"}}).empty());
  CHECK(deadlines({{"direct", 1, "working_days"}, {"online", 3, "working_days"}}).empty());
  CHECK(deadlines({{"direct", 20, "calendar_days"}, {"online", 4, "working_days"}}).empty());
  // The shipped 1.012783: 5 at the counter against 15 online and 20 by post.
  CHECK(deadlines({{"direct", 5, "working_days"}, {"online", 15, "working_days"}, {"postal", 20, "working_days"}}) ==
        std::vector<std::string>{"/channels/0/deadline/value [deadline_outlier]"});
}

TEST_CASE("hours_over_24 and amount_under_1000, also in a province's overrides", "[quality]") {
  CHECK(codes_of(with_procedure([](nlohmann::json& p) {
          p["channels"][0] = channel("direct", 24, "working_hours", {{"kind", "amount"}, {"amount", 1000}});
          p["channels"][1] = channel("online", 25, "working_hours", {{"kind", "amount"}, {"amount", 999}});
        })) == std::vector<std::string>{"/channels/1/deadline/value [hours_over_24]",
                                         "/channels/1/fee/amount [amount_under_1000]"});
  // The shipped 3.000351 as imported: the amount column lost its "000", the text kept it.
  const std::vector<std::string> lost = warnings_of(with_procedure([](nlohmann::json& p) {
    p["channels"][0]["fee"] = {{"kind", "amount"}, {"amount", 135}, {"text", "Lệ phí cấp giấy phép lái xe: 135.000 đồng/lần."}};
  }));
  REQUIRE(lost.size() == 1);
  CHECK(lost[0].find("/channels/0/fee/amount: a fee of 135 đồng is unusually small (under 1.000 đồng) while its text "
                     "states 135.000 đồng: check the source") != std::string::npos);
  // A fee rule's flat amount, a tier above 0 and a percent minimum; a 0 đồng tier is a documented pattern.
  CHECK(codes_of(with_procedure([](nlohmann::json& p) {
          const nlohmann::json source = {{"document", "Dữ liệu kiểm thử"}, {"article", "Điều 1"}};
          p["fees"] = {
              {"inputs", {{{"name", "pages"}, {"label", "Số trang"}, {"max", 100}}, {{"name", "value"}, {"label", "Giá trị"}, {"max", 1000000}}}},
              {"rules",
               {{{"id", "a"}, {"label", "A"}, {"kind", "flat"}, {"amount", 90}, {"source", source}},
                {{"id", "b"}, {"label", "B"}, {"kind", "tiered"}, {"input", "pages"},
                 {"tiers", {{{"from", 1}, {"to", 2}, {"amount", 0}}, {{"from", 3}, {"amount", 1000}}}}, {"source", source}},
                {{"id", "c"}, {"label", "C"}, {"kind", "percent"}, {"input", "value"}, {"percent", 1}, {"min", 500},
                 {"source", source}}}}};
        })) == std::vector<std::string>{"/fees/rules/0/amount [amount_under_1000]", "/fees/rules/2/min [amount_under_1000]"});
  // A province's channel override and fee rule override name the province file.
  test::FileMap content = base_content();
  const std::string province = "provinces/tinh-mau/province.json";
  REQUIRE(content.count(province));
  nlohmann::json pc = nlohmann::json::parse(content[province]);
  pc["catalog"][0]["overrides"] = {
      {"channels", {{{"kind", "direct"}, {"deadline", {{"value", 36}, {"unit", "working_hours"}}},
                     {"fee", {{"kind", "amount"}, {"amount", 40}}}}}}};
  content[province] = pc.dump(2, ' ', false);
  const std::vector<std::string> lines = warnings_of(content);
  REQUIRE(lines.size() == 2);
  CHECK(lines[0].rfind("content/provinces/tinh-mau/province.json:", 0) == 0);
  CHECK(lines[0].find("warning: /catalog/0/overrides/channels/0/deadline/value: a deadline of 36 working hours") !=
        std::string::npos);
  CHECK(lines[1].find("warning: /catalog/0/overrides/channels/0/fee/amount: a fee of 40 đồng") != std::string::npos);
}

TEST_CASE("foreign_currency_fee only on a procedure that looks domestic", "[quality]") {
  auto foreign = [](const std::string& applicant, const std::string& name) {
    return codes_of(with_procedure([&](nlohmann::json& p) {
      p["channels"][1]["fee"] = {{"kind", "foreign"}, {"currency", "USD"}, {"amount", 10}};
      p["applicants"] = {applicant};
      p["name"] = name;
    }));
  };
  CHECK(foreign("Công dân Việt Nam", "Đăng ký khai sinh") == std::vector<std::string>{"/channels/1/fee [foreign_currency_fee]"});
  CHECK(foreign("Người nước ngoài", "Đăng ký khai sinh").empty());
  CHECK(foreign("Người Việt Nam định cư ở nước ngoài", "Đăng ký khai sinh").empty());
  CHECK(foreign("Công dân Việt Nam", "Cấp thị thực tại cơ quan đại diện").empty());
  CHECK(foreign("Công dân Việt Nam", "Thủ tục hải quan đối với tàu bay xuất cảnh, nhập cảnh").empty());
}

TEST_CASE("copy_count_over_10 and missing_legal_basis", "[quality]") {
  CHECK(codes_of(with_procedure([](nlohmann::json& p) {
          p["dossier"][0]["copies"] = 10;
          p["dossier"][1]["originals"] = 11;
          // Alternatives without their own counts take the item's: one warning, at the item.
          p["dossier"][1]["one_of"] = {{{"name", "Giấy chứng sinh"}}, {{"name", "Văn bản thay giấy chứng sinh"}, {"copies", 20}}};
          p["legal_basis"] = nlohmann::json::array();
        })) == std::vector<std::string>{"/dossier/1/one_of/1/copies [copy_count_over_10]",  // "one_of" is written first
                                         "/dossier/1/originals [copy_count_over_10]",
                                         "/legal_basis [missing_legal_basis]"});
}

TEST_CASE("replaced_document matches numbers however they are spaced or cased", "[quality]") {
  test::FileMap content = with_procedure([](nlohmann::json& p) {
    p["legal_basis"] = {{{"title", "Luật Đất đai"}, {"number", "45/2013/qh13"}},
                        {{"title", "Nghị định"}, {"number", "158/2005/ND-CP"}},
                        {{"title", "Luật Đất đai"}, {"number", "31/2024/QH15"}}};
  });
  content["replaced-documents.json"] = R"json({ "documents": [
    { "number": "45/2013/QH13", "title": "Luật Đất đai 2013",
      "replaced_by": { "number": "31/2024/QH15", "title": "Luật Đất đai 2024" }, "from": "2024-08-01",
      "source": { "document": "Luật Đất đai 2024 (31/2024/QH15)", "article": "Điều 252, khoản 4" } },
    { "number": "158/2005/NĐ-CP", "title": "Nghị định 158/2005/NĐ-CP",
      "replaced_by": { "number": "123/2015/NĐ-CP", "title": "Nghị định 123/2015/NĐ-CP" },
      "source": { "document": "Nghị định 123/2015/NĐ-CP" }, "sample": true } ] })json";
  const std::vector<std::string> lines = warnings_of(content);
  REQUIRE(lines.size() == 2);
  CHECK(lines[0].find("/legal_basis/0/number: cites 45/2013/qh13, replaced by 31/2024/QH15 from 01/08/2024 (Luật Đất đai "
                      "2024 (31/2024/QH15), Điều 252, khoản 4); the procedure also cites 31/2024/QH15") != std::string::npos);
  CHECK(lines[1].find("/legal_basis/1/number: cites 158/2005/ND-CP, replaced by 123/2015/NĐ-CP (Nghị định 123/2015/NĐ-CP; "
                      "an entry of replaced-documents.json not yet checked against the text): check whether the procedure "
                      "still applies it, and cite the replacement [replaced_document]") != std::string::npos);
  CHECK(document_number_key(" 118/2025/nđ-cp ") == "118/2025/ND-CP");
}

TEST_CASE("replaced-documents.json is checked like the rest of the content", "[quality]") {
  test::FileMap content = base_content();
  content["replaced-documents.json"] = R"json({ "documents": [
    { "number": "81/2006/QH11", "title": "Luật Cư trú 2006",
      "replaced_by": { "number": "68/2020/QH14", "title": "Luật Cư trú 2020" }, "from": "1/7/2021",
      "source": { "document": "Luật Cư trú 2020" } },
    { "number": "81/2006/qh11", "title": "Luật Cư trú 2006",
      "replaced_by": { "number": "81/2006/QH11", "title": "Luật Cư trú 2006" },
      "source": { "document": "Luật Cư trú 2020", "article": "Điều 38" }, "sample": true, "year": 2006 } ] })json";
  Diagnostics diags;
  load_catalog(test::to_files(content), "content/", diags);
  const std::vector<std::string> expected = {
      "content/replaced-documents.json:3:89: error: /documents/0/from: invalid date \"1/7/2021\": write it as YYYY-MM-DD, e.g. 2021-07-01",
      "content/replaced-documents.json:4:17: error: /documents/0/source: name the article of Luật Cư trú 2020 that repeals or "
      "replaces the document in \"article\", or mark the entry \"sample\": true until it is checked",
      "content/replaced-documents.json:5:17: error: /documents/1/number: document \"81/2006/qh11\" is listed twice",
      "content/replaced-documents.json:6:34: error: /documents/1/replaced_by/number: a document cannot replace itself",
  };
  std::vector<std::string> got = test::formatted(diags);
  // The unknown key is reported too, in the loader's own words.
  REQUIRE(got.size() == expected.size() + 1);
  CHECK(got.back().find("/documents/1/year") != std::string::npos);
  got.pop_back();
  CHECK(got == expected);
}
