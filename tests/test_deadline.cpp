// The deadline engine against golden cases kept as data (tests/data/deadline/*.json),
// run over the data file the site publishes for the browser, built from the shipped
// content: what a citizen's phone computes is what is checked here.
#include <catch2/catch.hpp>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "fixtures.h"
#include "motcua/calc.h"
#include "motcua/deadline.h"

using namespace motcua;
using json = nlohmann::json;

namespace {

const test::BuiltSite& shipped() {
  static const test::BuiltSite site = test::build_site(test::read_folder("content"));
  return site;
}

const DeadlineData& published_data() {
  static const DeadlineData data = [] {
    DeadlineData d;
    Diagnostics diags;
    const auto it = shipped().files.find("api/lich-lam-viec.json");
    if (it == shipped().files.end()) throw std::runtime_error("api/lich-lam-viec.json was not built");
    if (!read_deadline_data(it->second, d, diags)) throw std::runtime_error(test::formatted(diags).front());
    return d;
  }();
  return data;
}

json run(const json& request, bool& ok) {
  return json::parse(calc_deadline(published_data(), request.dump(), ok));
}

}  // namespace

TEST_CASE("golden deadline cases", "[deadline]") {
  const std::vector<std::string> files = test::case_files("tests/data/deadline");
  REQUIRE(files.size() >= 5);
  std::size_t cases = 0;
  for (const std::string& file : files) {
    const json doc = json::parse(test::read_text(file));
    for (const json& c : doc.at("cases")) {
      ++cases;
      INFO(file << ": " << c.at("name").get<std::string>());
      bool ok = false;
      const json got = run(c.at("request"), ok);
      INFO(got.dump(2));
      const json& expected = c.at("expected");
      if (expected.contains("error_field")) {
        CHECK_FALSE(ok);
        CHECK(got["error"]["field"] == expected["error_field"]);
        continue;
      }
      REQUIRE(ok);
      for (const auto& [key, value] : expected.items()) {
        if (key == "skipped") {
          // Each expected skipped day: date and reason, in order.
          json actual = json::array();
          for (const json& s : got["skipped"]) actual.push_back({{"date", s["date"]}, {"reason", s["reason"]}});
          CHECK(actual == value);
        } else if (key == "skipped_dates") {
          json actual = json::array();
          for (const json& s : got["skipped"]) actual.push_back(s["date"]);
          CHECK(actual == value);
        } else if (key == "stages_due") {
          json actual = json::array();
          for (const json& s : got["stages"]) actual.push_back(s["due_at"]);
          CHECK(actual == value);
        } else {
          CHECK(got[key] == value);
        }
      }
    }
  }
  CHECK(cases >= 25);
}

TEST_CASE("the command line and the published data give the same answer", "[deadline]") {
  const json request = {{"received_at", "2026-02-13T10:00:00+07:00"},
                        {"duration", {{"value", 5}, {"unit", "working_days"}}}};
  const CalcReply cli = run_calc("deadline", shipped().catalog, request.dump());
  bool ok = false;
  const json browser = run(request, ok);
  REQUIRE(cli.ok);
  REQUIRE(ok);
  CHECK(json::parse(cli.json) == browser);
}

TEST_CASE("bad deadline requests name the field", "[deadline]") {
  struct Bad {
    std::string request;
    std::string field;
  };
  const std::vector<Bad> bad = {
      {"{", "/"},
      {R"({"duration": {"value": 5, "unit": "working_days"}})", "/"},
      {R"({"received_at": "13/02/2026", "duration": {"value": 5, "unit": "working_days"}})", "/received_at"},
      {R"({"received_at": "2026-02-13T10:00:00+07:00", "duration": {"value": 5, "unit": "weeks"}})", "/duration/unit"},
      {R"({"received_at": "2026-02-13T10:00:00+07:00", "duration": {"unit": "working_days"}})", "/duration"},
      {R"({"received_at": "2026-02-13T10:00:00+07:00", "duration": {"value": -2, "unit": "working_days"}})",
       "/duration/value"},
      {R"({"received_at": "2026-02-13T10:00:00+07:00", "duration": {"value": 5, "unit": "working_days"},
          "center": "atlantis"})", "/center"},
      {R"({"received_at": "2026-02-13T10:00:00+07:00", "duration": {"value": 5, "unit": "working_days"},
          "pauses": [{"from": "2026-02-20T10:00:00+07:00", "to": "2026-02-19T10:00:00+07:00"}]})", "/pauses/0/to"},
      {R"({"received_at": "2026-02-13T10:00:00+07:00", "duration": {"value": 5, "unit": "working_days"},
          "pauses": [{"from": "2026-02-01T10:00:00+07:00", "to": "2026-02-19T10:00:00+07:00"}]})", "/pauses/0/from"},
      {R"({"received_at": "2026-02-13T10:00:00+07:00", "stages": []})", "/stages"},
      {R"({"received_at": "2026-02-13T10:00:00+07:00", "duration": {"value": 5, "unit": "working_days"},
          "deadline": 3})", "/deadline"},
      {R"({"received_at": "1999-02-13T10:00:00+07:00", "duration": {"value": 5, "unit": "working_days"}})",
       "/received_at"},
  };
  for (const Bad& b : bad) {
    INFO(b.request);
    bool ok = true;
    const json got = json::parse(calc_deadline(published_data(), b.request, ok));
    CHECK_FALSE(ok);
    CHECK(got["error"]["field"] == b.field);
    CHECK_FALSE(got["error"]["message"].get<std::string>().empty());
  }
}

TEST_CASE("date and time parsing accepts offsets and Vietnam time", "[deadline]") {
  LocalTime a = 0, b = 0, c = 0;
  REQUIRE(parse_datetime("2026-02-13T10:00:00+07:00", a));
  REQUIRE(parse_datetime("2026-02-13T03:00:00Z", b));
  REQUIRE(parse_datetime("2026-02-13T10:00", c));
  CHECK(a == b);
  CHECK(a == c);
  CHECK(format_datetime(a) == "2026-02-13T10:00:00+07:00");
  LocalTime d = 0;
  REQUIRE(parse_datetime("2026-02-12T22:30:00-05:00", d));
  CHECK(format_datetime(d) == "2026-02-13T10:30:00+07:00");
  for (const char* bad : {"2026-02-30T10:00:00+07:00", "2026-02-13 25:00", "2026-02-13T10:00:00+7", "2026-02-13",
                          "2026-02-13T10:00:00+07:00x"}) {
    INFO(bad);
    CHECK_FALSE(parse_datetime(bad, d));
  }
}

TEST_CASE("years without an official schedule follow the rules and are estimated", "[deadline]") {
  const WorkCalendar calendar(published_data().calendar);
  // 2026 has its official schedule; 2028 has none.
  CHECK_FALSE(calendar.estimated_year(2026));
  CHECK(calendar.estimated_year(2028));
  // Tết 2028 falls on Wednesday 26/1: by the default rule 25/1–29/1 are off, and Saturday
  // 29/1 being a holiday gives a compensatory day on Monday 31/1 (Labor Code Art. 111(3)).
  for (int day = 25; day <= 29; ++day) {
    INFO(day);
    const DayStatus s = calendar.day({2028, 1, day});
    CHECK_FALSE(s.working);
    CHECK(s.reason == "Tết Nguyên đán");
    CHECK(s.estimated);
  }
  CHECK(calendar.day({2028, 1, 31}).reason == "Nghỉ bù Tết Nguyên đán");
  CHECK(calendar.day({2028, 2, 1}).working);
  // Giỗ Tổ 2028 is Tuesday 4/4; Quốc khánh 2028: Friday 1/9 and Saturday 2/9, so Monday 4/9 is off.
  CHECK(calendar.day({2028, 4, 4}).reason == "Giỗ Tổ Hùng Vương");
  CHECK(calendar.day({2028, 9, 1}).reason == "Quốc khánh");
  CHECK(calendar.day({2028, 9, 4}).reason == "Nghỉ bù Quốc khánh");
  CHECK(calendar.day({2028, 9, 5}).working);
}

TEST_CASE("a center's own working time counts; opening on Saturday does not make Saturday a working day",
          "[deadline]") {
  // Fixture: phường Đoàn Kết receives the public Monday to Saturday morning, and works
  // Monday to Friday 07:00–11:30, 13:00–16:30.
  const test::BuiltSite fixture = test::build_site(test::read_folder("tests/sites/basic/content"));
  DeadlineData data;
  Diagnostics diags;
  REQUIRE(read_deadline_data(fixture.files.at("api/lich-lam-viec.json"), data, diags));
  auto run_fixture = [&](const json& request) {
    bool ok = false;
    const json got = json::parse(calc_deadline(data, request.dump(), ok));
    INFO(got.dump(2));
    REQUIRE(ok);
    return got;
  };
  // Two working hours from 11:00: half an hour before lunch, 1½ hours after 13:00.
  json got = run_fixture({{"received_at", "2026-03-10T11:00:00+07:00"},
                          {"duration", {{"value", 2}, {"unit", "working_hours"}}},
                          {"center", "tinh-mau/doan-ket"}});
  CHECK(got["due_at"] == "2026-03-10T14:30:00+07:00");
  // The national default (07:30–11:30, 13:30–17:00) gives another answer for the same request.
  got = run_fixture({{"received_at", "2026-03-10T11:00:00+07:00"}, {"duration", {{"value", 2}, {"unit", "working_hours"}}}});
  CHECK(got["due_at"] == "2026-03-10T15:00:00+07:00");
  // A period in days ends at the close of the center's last session.
  got = run_fixture({{"received_at", "2026-03-10T09:00:00+07:00"},
                     {"duration", {{"value", 1}, {"unit", "working_days"}}},
                     {"center", "tinh-mau/doan-ket"}});
  CHECK(got["due_at"] == "2026-03-11T16:30:00+07:00");
  // Handed in at the counter on Saturday morning: received on Monday at 07:00.
  got = run_fixture({{"received_at", "2026-03-14T09:00:00+07:00"},
                     {"duration", {{"value", 1}, {"unit", "working_days"}}},
                     {"center", "tinh-mau/doan-ket"}});
  CHECK(got["counted_from"] == "2026-03-16T07:00:00+07:00");
  CHECK(got["due_at"] == "2026-03-17T16:30:00+07:00");
}
