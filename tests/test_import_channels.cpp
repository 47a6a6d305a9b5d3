// parse_channels against golden cases kept as data (tests/import/channels/*.json): real
// cach_thuc_thuc_hien cells copied from the portal's records, each with the channels and flags
// expected. The cases below the golden runner cover what the records never show.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <string>

#include "fixtures.h"
#include "motcua/portal_import.h"

using namespace motcua;
using json = nlohmann::json;

namespace {

json flags_of(const portal::Parsed& p) {
  json out = json::array();
  for (const portal::Flag& f : p.flags) out.push_back({{"pointer", f.pointer}, {"reason", f.reason}, {"text", f.text}});
  return out;
}

const std::string kHeader = "Hình thức nộpThời gianPhí, lệ phíMô tả";

}  // namespace

TEST_CASE("golden channel tables from the portal's records", "[import][channels]") {
  const std::vector<std::string> files = test::case_files("tests/import/channels");
  REQUIRE(files.size() >= 25);
  for (const std::string& file : files) {
    const json doc = json::parse(test::read_text(file));
    INFO(file << " (" << doc.at("record").get<std::string>() << "): " << doc.at("about").get<std::string>());
    const portal::Parsed got = portal::parse_channels(doc.at("cell").get<std::string>());
    INFO("got " << got.value.dump(2) << "\nflags " << flags_of(got).dump(2));
    CHECK_FALSE(got.empty);
    CHECK(got.value == doc.at("expect"));
    CHECK(flags_of(got) == doc.at("flags"));
  }
}

TEST_CASE("every reason code a golden case uses is in docs/import.md", "[import][channels]") {
  const std::string doc = test::read_text(test::source_path("docs/import.md"));
  for (const std::string& file : test::case_files("tests/import/channels")) {
    const json doc_case = json::parse(test::read_text(file));
    for (const json& flag : doc_case.at("flags")) {
      const std::string row = "| `" + flag.at("reason").get<std::string>() + "` |";
      INFO(file << ": " << row);
      CHECK(doc.find(row) != std::string::npos);
    }
  }
}

TEST_CASE("an empty channel cell is empty, not flagged", "[import][channels]") {
  for (const std::string cell : {std::string(), std::string("Không có thông tin"), std::string("  \n"), kHeader}) {
    const portal::Parsed p = portal::parse_channels(cell);
    INFO(cell);
    CHECK(p.empty);
    CHECK(p.value == json::array());
    CHECK(p.flags.empty());
  }
}

TEST_CASE("a table that does not start with a channel row is kept whole and flagged", "[import][channels]") {
  const std::string cell = kHeader + "Nộp hồ sơ tại Bộ phận Một cửa, 5 ngày làm việc, miễn phí.";
  const portal::Parsed p = portal::parse_channels(cell);
  CHECK_FALSE(p.empty);
  CHECK(p.value == json::array());
  REQUIRE(p.flags.size() == 1);
  CHECK(p.flags[0].pointer == "");
  CHECK(p.flags[0].reason == "channels_unparsed");
  CHECK(p.flags[0].text == cell);
}

TEST_CASE("a bare number takes its unit from the same row's description, and only an unambiguous one",
          "[import][channels]") {
  // bo-nong-nghiep-mt/1.002992 with the deadline cell's unit removed.
  const std::string row_words = "05 (năm) ngày làm việc kể từ ngày nhận hồ sơ đầy đủ, hợp lệ.";
  portal::Parsed p = portal::parse_channels(kHeader + "Trực tuyến5Miễn phí" + row_words);
  REQUIRE(p.value.size() == 1);
  CHECK(p.value[0]["deadline"] == json({{"value", 5}, {"unit", "working_days"}, {"text", "5"}}));
  CHECK(p.flags.empty());

  // The same number given in two units: nothing to choose from.
  p = portal::parse_channels(kHeader + "Trực tiếp2Miễn phíTrong thời hạn 02 ngày làm việc; gia hạn 02 tháng.");
  REQUIRE(p.value.size() == 1);
  CHECK(p.value[0]["deadline"]["unit"] == "unknown");
  REQUIRE(p.flags.size() == 1);
  CHECK(p.flags[0].reason == "deadline_no_unit");

  // Another number in the description does not count ("12" is not "2", "01/02/2025" is a date).
  p = portal::parse_channels(kHeader + "Trực tiếp2Miễn phíTrong 12 ngày làm việc kể từ 01/02/2025");
  REQUIRE(p.value.size() == 1);
  CHECK(p.value[0]["deadline"]["unit"] == "unknown");
}

TEST_CASE("an outlier needs two other channels that agree", "[import][channels]") {
  // Two channels: which of them is wrong cannot be told.
  portal::Parsed p = portal::parse_channels(kHeader + "Trực tuyến4 Ngày làm việcMiễn phíTrực tiếp18 Ngày làm việcMiễn phí");
  CHECK(p.flags.empty());
  // Near values are not outliers.
  p = portal::parse_channels(kHeader +
                             "Trực tuyến15 Ngày làm việcMiễn phíDịch vụ bưu chính18 Ngày làm việcMiễn phí"
                             "Trực tiếp18 Ngày làm việcMiễn phí");
  CHECK(p.flags.empty());
}

TEST_CASE("odd channel cells never throw, loop or produce invalid UTF-8", "[import][channels]") {
  const std::string cells[] = {
      "Trực tuyến",
      kHeader + "Trực tuyến",
      kHeader + "Trực tuyến99999999999999999999999 Ngày làm việcMiễn phí",
      kHeader + "Trực tuyến5 Ngày99999999999999999999999 VNĐ",
      kHeader + "Trực tuyến1,,,,5 VNĐ",
      kHeader + "Trực tuyến5 NgàyMiễn phí((((((((((((",
      kHeader + "Trực tuyến5 NgàyMiễn phí))))Trực tiếp",
      kHeader + "Trực tiếp\xC3Không có thông tin\xFF\xFEMiễn phí\xED\xA0\x80",
      kHeader + std::string("Trực tuyến5\0Miễn phí", 22),
      kHeader + "Dịch vụ bưu chính" + std::string(5000, '(') + "Miễn phí",
      kHeader + "Trực tuyến" + std::string(5000, '1') + " VNĐ",
  };
  for (const std::string& cell : cells) {
    INFO("a cell of " << cell.size() << " bytes: " << cell.substr(0, 120));
    portal::Parsed p;
    REQUIRE_NOTHROW(p = portal::parse_channels(cell));
    CHECK(p.value.is_array());
    CHECK_NOTHROW(p.value.dump());
    for (const portal::Flag& f : p.flags) CHECK_NOTHROW(json(f.text).dump());
  }

  // A table of 20,000 rows parses (a quadratic parser would run into ctest's timeout).
  std::string big = kHeader;
  for (int i = 0; i < 20000; ++i) big += i % 2 ? "Trực tuyến1Miễn phíTrực tiếp tại " : "Dịch vụ bưu chính3 Ngày";
  const portal::Parsed p = portal::parse_channels(big);
  CHECK(p.value.size() <= 3);
}
