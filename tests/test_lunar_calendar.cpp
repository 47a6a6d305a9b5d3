// The lunar calendar against published tables: Tết Nguyên đán 1990–2035 (plus the
// years in which Vietnam and China differ), Giỗ Tổ Hùng Vương and leap months, kept
// as data in tests/data/lunar/. The round trip covers every day of 1900–2199.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "fixtures.h"
#include "motcua/lunar_calendar.h"

using namespace motcua;
using json = nlohmann::json;

namespace {

json read_json(const std::string& rel) { return json::parse(test::read_text(test::source_path(rel))); }

CivilDate date(const std::string& iso) {
  const auto d = parse_iso_date(iso);
  if (!d) throw std::runtime_error("bad date in test data: " + iso);
  return *d;
}

}  // namespace

TEST_CASE("Tết falls on the published dates, 1990-2035", "[lunar]") {
  const json table = read_json("tests/data/lunar/tet.json");
  REQUIRE(table.at("source").get<std::string>().size() > 0);
  int years_1990_2035 = 0;
  for (const json& row : table.at("dates")) {
    const int year = row.at("year").get<int>();
    const CivilDate tet = date(row.at("tet").get<std::string>());
    INFO("Tết " << year);
    const auto computed = from_lunar(LunarDate{year, 1, 1, false});
    REQUIRE(computed);
    CHECK(to_iso(*computed) == to_iso(tet));
    CHECK(to_lunar(tet) == (LunarDate{year, 1, 1, false}));
    // The day before Tết is the last day of month 12 (possibly leap 12) of the year before.
    const LunarDate eve = to_lunar(civil_from_days(days_from_civil(tet) - 1));
    CHECK(eve.year == year - 1);
    CHECK(eve.month == 12);
    CHECK((eve.day == 29 || eve.day == 30));
    if (row.contains("can_chi")) CHECK(can_chi_year(year) == row.at("can_chi").get<std::string>());
    if (year >= 1990 && year <= 2035) ++years_1990_2035;
  }
  CHECK(years_1990_2035 == 46);
}

TEST_CASE("Vietnam's calendar, computed for UTC+7, differs from China's where published", "[lunar]") {
  // Examples named in the issue and in the published tables: Tết 2030 is one day
  // before China's, Tết 1985 a month before it.
  CHECK(to_iso(*from_lunar({2030, 1, 1, false})) == "2030-02-02");
  CHECK(to_iso(*from_lunar({1985, 1, 1, false})) == "1985-01-21");
  CHECK(to_iso(*from_lunar({2025, 1, 1, false})) == "2025-01-29");
  CHECK(to_iso(*from_lunar({2026, 1, 1, false})) == "2026-02-17");
  CHECK(to_iso(*from_lunar({2027, 1, 1, false})) == "2027-02-06");
}

TEST_CASE("Giỗ Tổ Hùng Vương and leap months match the published tables", "[lunar]") {
  const json table = read_json("tests/data/lunar/gio-to.json");
  int gio_to = 0;
  for (const json& row : table.at("gio_to")) {
    const int year = row.at("year").get<int>();
    INFO("Giỗ Tổ " << year);
    const auto computed = from_lunar(LunarDate{year, 3, 10, false});
    REQUIRE(computed);
    CHECK(to_iso(*computed) == row.at("date").get<std::string>());
    ++gio_to;
  }
  CHECK(gio_to >= 10);
  CHECK(to_iso(*from_lunar({2025, 3, 10, false})) == "2025-04-07");
  CHECK(to_iso(*from_lunar({2026, 3, 10, false})) == "2026-04-26");

  int leaps = 0;
  for (const json& row : table.at("leap_months")) {
    const int year = row.at("year").get<int>();
    const int month = row.at("month").get<int>();
    INFO("leap month of " << year);
    CHECK(lunar_leap_month(year) == month);
    // The leap month exists and follows the ordinary month of the same number.
    const auto first = from_lunar({year, month, 1, true});
    const auto ordinary = from_lunar({year, month, 1, false});
    REQUIRE(first);
    REQUIRE(ordinary);
    CHECK(days_from_civil(*first) - days_from_civil(*ordinary) == lunar_month_length(year, month, false));
    ++leaps;
  }
  CHECK(leaps >= 10);
  // A year without a leap month has none to convert.
  CHECK(lunar_leap_month(2026) == 0);
  CHECK_FALSE(from_lunar({2026, 6, 1, true}));
}

TEST_CASE("every day of 1900-2199 converts to lunar and back", "[lunar]") {
  const std::int64_t first = days_from_civil({1900, 1, 1});
  const std::int64_t last = days_from_civil({2199, 12, 31});
  std::int64_t failures = 0;
  LunarDate prev = to_lunar(civil_from_days(first));
  for (std::int64_t day = first + 1; day <= last; ++day) {
    const CivilDate c = civil_from_days(day);
    const LunarDate l = to_lunar(c);
    const auto back = from_lunar(l);
    // Consecutive days: the next lunar day, or day 1 of the next month after day 29/30.
    const bool next_day = l.year == prev.year && l.month == prev.month && l.leap == prev.leap && l.day == prev.day + 1;
    const bool new_month = l.day == 1 && (prev.day == 29 || prev.day == 30);
    if (!back || *back != c || !(next_day || new_month)) {
      if (++failures <= 5) FAIL_CHECK(to_iso(c) << " -> " << l.day << "/" << l.month << (l.leap ? "L" : "") << "/" << l.year);
    }
    prev = l;
  }
  CHECK(failures == 0);
  // Every lunar year in range has 12 or 13 months of 29 or 30 days, and 353-385 days.
  for (int y = kLunarFirstYear; y < kLunarLastYear; ++y) {
    const auto start = from_lunar({y, 1, 1, false});
    const auto next = from_lunar({y + 1, 1, 1, false});
    REQUIRE(start);
    REQUIRE(next);
    const auto length = days_from_civil(*next) - days_from_civil(*start);
    INFO("lunar year " << y);
    if (lunar_leap_month(y) == 0) {
      CHECK((length >= 353 && length <= 355));
    } else {
      CHECK((length >= 383 && length <= 385));
    }
  }
}

TEST_CASE("lunar dates that do not exist are refused", "[lunar]") {
  CHECK_FALSE(from_lunar({2026, 13, 1, false}));
  CHECK_FALSE(from_lunar({2026, 1, 31, false}));
  CHECK_FALSE(from_lunar({2300, 1, 1, false}));
  // Day 30 exists only in 30-day months.
  for (int m = 1; m <= 12; ++m) {
    const int length = lunar_month_length(2026, m);
    REQUIRE((length == 29 || length == 30));
    CHECK(static_cast<bool>(from_lunar({2026, m, 30, false})) == (length == 30));
  }
  CHECK(to_lunar({1899, 12, 31}).month == 0);
  CHECK(can_chi_year(2026) == "Bính Ngọ");
  CHECK(lunar_to_vietnamese(to_lunar({2025, 7, 25})) == "1/6 nhuận Ất Tỵ");
}
