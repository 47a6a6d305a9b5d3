// Bounded inputs (issue 9): every hostile or mistaken input is refused fast, with a
// positioned error, before it can cost seconds, gigabytes or the stack. The limits are in
// core/include/motcua/limits.h and docs/security.md.
#include <catch2/catch.hpp>

#include <functional>
#include <nlohmann/json.hpp>

#include "fixtures.h"
#include "motcua/calc.h"
#include "motcua/format.h"
#include "motcua/limits.h"
#include "motcua/procedure_data.h"

using namespace motcua;
using json = nlohmann::json;

namespace {

const test::FileMap& basic() {
  static const test::FileMap files = test::to_map(test::read_folder("tests/sites/basic/content"));
  return files;
}

const Catalog& shipped() {
  static const Catalog catalog = [] {
    Diagnostics diags;
    Catalog c = load_catalog(test::read_folder("content"), "content/", diags);
    if (diags.has_errors()) throw std::runtime_error(test::formatted(diags).front());
    return c;
  }();
  return catalog;
}

// The content of tests/sites/basic with one file's JSON changed by `edit`.
std::vector<std::string> errors_after(const std::string& path, const std::function<void(json&)>& edit) {
  test::FileMap content = basic();
  json j = json::parse(content.at(path));
  edit(j);
  content[path] = j.dump(2);
  Diagnostics diags;
  load_catalog(test::to_files(content), "content/", diags);
  std::vector<std::string> out;
  for (const Diagnostic& d : diags.items()) {
    if (d.severity == Severity::error) out.push_back(format_diagnostic(d));
  }
  return out;
}

bool any_contains(const std::vector<std::string>& lines, const std::string& part) {
  for (const std::string& l : lines) {
    if (l.find(part) != std::string::npos) return true;
  }
  return false;
}

json reply_of(const CalcReply& r) { return json::parse(r.json); }

std::string nested(const std::string& open, const std::string& close, std::size_t depth, const std::string& core) {
  std::string s;
  s.reserve(depth * (open.size() + close.size()) + core.size());
  for (std::size_t i = 0; i < depth; ++i) s += open;
  s += core;
  for (std::size_t i = 0; i < depth; ++i) s += close;
  return s;
}

}  // namespace

TEST_CASE("a 5 MB procedure name is refused with its position, not published", "[limits]") {
  const auto errors = errors_after("procedures/1.000001/procedure.json",
                                   [](json& p) { p["name"] = std::string(5u << 20, 'a'); });
  REQUIRE(!errors.empty());
  CHECK(any_contains(errors, "content/procedures/1.000001/procedure.json:"));
  CHECK(any_contains(errors, "/name: \"name\" is 5,242,880 bytes long; the limit is 4,000 bytes for a name or label"));
}

TEST_CASE("a long free text is refused above its own limit, and a name just under the limit is fine", "[limits]") {
  CHECK(errors_after("procedures/1.000001/procedure.json", [](json& p) {
          p["name"] = std::string(limits::kMaxNameBytes - 10, 'a');
        }).empty());
  const auto errors = errors_after("procedures/1.000001/procedure.json", [](json& p) {
    p["summary"] = std::string(limits::kMaxTextBytes + 1, 'a');
  });
  CHECK(any_contains(errors, "/summary: \"summary\" is 131,073 bytes long; the limit is 131,072 bytes"));
}

TEST_CASE("arrays longer than the limit are refused", "[limits]") {
  const auto errors = errors_after("procedures/1.000001/procedure.json", [](json& p) {
    p["dossier"] = json::array();
    for (std::size_t i = 0; i <= limits::kMaxArrayItems; ++i) p["dossier"].push_back({{"name", "Giấy"}});
  });
  CHECK(any_contains(errors, "content/procedures/1.000001/procedure.json:"));
  CHECK(any_contains(errors, ": error: more than 20000 items in one array: split the list"));
}

TEST_CASE("a file of more than a million values is refused while it is read", "[limits]") {
  // 60 arrays of 20,000 zeros: each array within its limit, the file past the total.
  std::string row = "[0";
  for (int i = 1; i < 20'000; ++i) row += ",0";
  row += "]";
  std::string many = "[" + row;
  for (int i = 1; i < 60; ++i) many += "," + row;
  many += "]";
  test::FileMap content = basic();
  content["fields.json"] = many;
  Diagnostics diags;
  load_catalog(test::to_files(content), "content/", diags);
  CHECK(any_contains(test::formatted(diags), "content/fields.json:1:"));
  CHECK(any_contains(test::formatted(diags), ": error: more than 1000000 values in one file: split it"));
}

TEST_CASE("Markdown longer than the limit is refused, inline or in its own file", "[limits]") {
  test::FileMap content = basic();
  content["procedures/1.000001/steps.md"] = std::string(limits::kMaxMarkdownBytes + 1, 'x');
  Diagnostics diags;
  load_catalog(test::to_files(content), "content/", diags);
  CHECK(any_contains(test::formatted(diags),
                     "content/procedures/1.000001/steps.md: error: this Markdown file is longer than 256 KiB"));
}

TEST_CASE("content nested deeper than the JSON limit is refused at its position", "[limits]") {
  test::FileMap content = basic();
  content["fields.json"] = nested("[", "]", 100'000, "1");
  Diagnostics diags;
  load_catalog(test::to_files(content), "content/", diags);
  CHECK(any_contains(test::formatted(diags), "content/fields.json:1:66: error: JSON nested too deeply (more than 64 levels)"));
}

TEST_CASE("fee rules that could overflow are refused by check", "[limits][fees]") {
  // An input without "max" may be as large as 10^12: 10,000,000 đồng per copy could then
  // reach 10^19 đồng, past what a 64-bit total holds.
  const auto errors = errors_after("procedures/2.000003/procedure.json", [](json& p) {
    p["fees"] = {{"inputs", {{{"name", "copies"}, {"label", "Số bản"}, {"unit", "bản"}}}},
                 {"rules",
                  {{{"id", "le-phi"}, {"label", "Lệ phí"}, {"kind", "per_unit"}, {"input", "copies"}, {"unit", "bản"},
                    {"amount", 10'000'000}, {"source", {{"document", "Thông tư mẫu"}}}}}}};
  });
  CHECK(any_contains(errors, "/fees/rules/0: rule \"le-phi\" could charge more than 10.000.000.000.000 đồng (with "
                             "\"copies\" = 1000000000000): give each input it uses a realistic \"max\" in \"inputs\""));
  // The same rule with a realistic maximum is accepted.
  CHECK(errors_after("procedures/2.000003/procedure.json", [](json& p) {
          p["fees"] = {{"inputs", {{{"name", "copies"}, {"label", "Số bản"}, {"unit", "bản"}, {"max", 1000}}}},
                       {"rules",
                        {{{"id", "le-phi"}, {"label", "Lệ phí"}, {"kind", "per_unit"}, {"input", "copies"},
                          {"unit", "bản"}, {"amount", 10'000'000}, {"source", {{"document", "Thông tư mẫu"}}}}}}};
        }).empty());
}

TEST_CASE("rules that are each within the limit but add up past it are refused", "[limits][fees]") {
  const auto errors = errors_after("procedures/2.000003/procedure.json", [](json& p) {
    json rules = json::array();
    for (int i = 0; i < 11; ++i) {
      rules.push_back({{"id", "r" + std::to_string(i)}, {"label", "Lệ phí"}, {"kind", "flat"},
                       {"amount", 1'000'000'000'000LL}, {"source", {{"document", "Thông tư mẫu"}}}});
    }
    p["fees"] = {{"rules", rules}};
  });
  CHECK(any_contains(errors, "/fees/rules: together these rules could charge more than 10.000.000.000.000 đồng"));
}

TEST_CASE("the fee engine never returns a negative or wrapped total, even on altered page data", "[limits][fees]") {
  // A page's du-lieu.json edited by hand: an input with no maximum and a huge amount.
  const json data = {
      {"schema_version", kSchemaVersion},
      {"procedure", "9.999999"},
      {"channels", {"direct"}},
      {"fees",
       {{"inputs", {{{"name", "copies"}, {"label", "Số bản"}, {"min", 0}, {"max", 4'000'000'000'000'000'000LL}}}},
        {"rules",
         {{{"id", "a"}, {"label", "A"}, {"kind", "per_unit"}, {"input", "copies"}, {"amount", 10'000'000}}}}}}};
  const CalcReply r = calc_with_data("fee", data.dump(),
                                     R"({"date": "2026-03-02", "inputs": {"copies": 1000000000000}})");
  CHECK_FALSE(r.ok);
  const json got = reply_of(r);
  CHECK(got["error"]["field"] == "/inputs");
  CHECK(got["error"]["message"].get<std::string>().find("more than 10.000.000.000.000 đồng") != std::string::npos);
}

TEST_CASE("deeply nested calc requests are refused by every engine, natively as in wasm", "[limits][calc]") {
  // 300,000 levels used to overflow the stack in `calc form` (a recursive copy of "values").
  const std::string deep_values = "{\"form\": \"to-khai-dang-ky-khai-sinh\", \"today\": \"2026-03-02\", \"values\": " +
                                  nested("[", "]", 300'000, "1") + "}";
  for (const char* engine : {"deadline", "fee", "checklist", "form"}) {
    DYNAMIC_SECTION(engine) {
      const CalcReply r = run_calc(engine, shipped(), deep_values);
      CHECK_FALSE(r.ok);
      CHECK(reply_of(r)["error"]["message"] == "the request is nested more than 16 levels deep; no calculation needs that");
      const CalcReply arrays = calc_with_data(engine, "{}", nested("[", "]", 10'000, ""));
      CHECK_FALSE(arrays.ok);
      CHECK(reply_of(arrays)["error"]["field"] == "/");
    }
  }
  // Brackets inside strings are text, not nesting.
  const CalcReply text = run_calc("deadline", shipped(),
                                  R"({"received_at": "2026-02-13T10:00:00+07:00", "duration": {"value": 1, "unit": "working_days"}, "center": "[[[[[[[[[[[[[[[[[[[[[[[[[[[[["})");
  CHECK(reply_of(text)["error"]["field"] == "/center");
}

TEST_CASE("requests larger than 1 MiB are refused", "[limits][calc]") {
  const std::string big = R"({"form": "to-khai-dang-ky-khai-sinh", "values": {"ho-ten": ")" +
                          std::string(limits::kMaxRequestBytes, 'a') + "\"}}";
  const CalcReply r = run_calc("form", shipped(), big);
  CHECK_FALSE(r.ok);
  CHECK(reply_of(r)["error"]["message"].get<std::string>().find("the limit is 1048576 bytes") != std::string::npos);
}

TEST_CASE("deadline requests: pauses and stages are bounded in number and span", "[limits][deadline]") {
  const std::string received = R"("received_at": "2026-02-13T10:00:00+07:00")";
  SECTION("a pause to 9999-12-31 is refused at once") {
    const CalcReply r = run_calc("deadline", shipped(), "{" + received + R"(, "duration": {"value": 5, "unit": "working_days"},
      "pauses": [{"from": "2026-02-16T08:00:00+07:00", "to": "9999-12-31T17:00:00+07:00"}]})");
    CHECK_FALSE(r.ok);
    const json got = reply_of(r);
    CHECK(got["error"]["field"] == "/pauses/0/to");
    CHECK(got["error"]["message"] == "a pause ends within 20 years of the day the dossier was received (\"received_at\")");
  }
  SECTION("a pause of a few years still counts") {
    const CalcReply r = run_calc("deadline", shipped(), "{" + received + R"(, "duration": {"value": 5, "unit": "working_days"},
      "pauses": [{"from": "2026-02-16T08:00:00+07:00", "to": "2029-02-16T08:00:00+07:00"}]})");
    CHECK(r.ok);
  }
  SECTION("more than 100 pauses are refused") {
    std::string pauses;
    for (int i = 0; i < 101; ++i) {
      pauses += std::string(i ? "," : "") + R"({"from": "2026-03-01T08:00:00+07:00", "to": "2026-03-01T09:00:00+07:00"})";
    }
    const CalcReply r = run_calc("deadline", shipped(), "{" + received + R"(, "duration": {"value": 5, "unit": "working_days"}, "pauses": [)" + pauses + "]}");
    CHECK_FALSE(r.ok);
    CHECK(reply_of(r)["error"]["message"] == "at most 100 pauses, found 101");
  }
  SECTION("stages adding up past 20 years are refused") {
    std::string stages;
    for (int i = 0; i < 5; ++i) {
      stages += std::string(i ? "," : "") + R"({"name": "Bước", "duration": {"value": 3650, "unit": "calendar_days"}})";
    }
    const CalcReply r = run_calc("deadline", shipped(), "{" + received + R"(, "stages": [)" + stages + "]}");
    CHECK_FALSE(r.ok);
    CHECK(reply_of(r)["error"]["message"] == "the durations add up to more than 20 years; no procedure takes that long");
  }
}

TEST_CASE("error pointers escape '/' and '~' in keys (RFC 6901)", "[limits][calc]") {
  const CalcReply fee = run_calc("fee", shipped(), R"({"procedure": "2.000815", "date": "2026-03-02", "inputs": {"a/b": 1, "c~d": 2}})");
  const json got = reply_of(fee);
  REQUIRE(got["errors"].size() == 2);
  CHECK(got["errors"][0]["field"] == "/inputs/a~1b");
  CHECK(got["errors"][1]["field"] == "/inputs/c~0d");
  const CalcReply list = run_calc("checklist", shipped(), R"({"procedure": "1.001193", "x/y": 1, "answers": {"a/b": true}})");
  const json l = reply_of(list);
  CHECK(l["errors"][0]["field"] == "/x~1y");
  CHECK(l["errors"][1]["field"] == "/answers/a~1b");
}

TEST_CASE("phone numbers: one Vietnamese number per field", "[limits][contacts]") {
  std::size_t at = 0;
  for (const char* ok : {"0213 3876 543", "(0213) 3876.543", "0912 345 678", "0912-345-678", "+84 912 345 678",
                         "+84 213 3876 543", "1800 1096", "1900 571 255", "1800 599 920", "113", "115", "1022"}) {
    CAPTURE(ok);
    CHECK(check_phone_number(ok, at).empty());
  }
  CHECK(check_phone_number("1800 1096 hoặc 024 3822 1234", at) ==
        "one number per field: put a second number in its own hotline, and words in \"label\" or \"hours\"");
  CHECK(at == 10);  // the "h" of "hoặc"
  CHECK_FALSE(check_phone_number("0912 345 678, 0987 654 321", at).empty());
  CHECK(at == 12);
  CHECK_FALSE(check_phone_number("0213 000 001", at).empty());  // 10 digits starting 02: one short
  CHECK_FALSE(check_phone_number("+1 202 555 0100", at).empty());
  CHECK_FALSE(check_phone_number("02133876543021338765", at).empty());  // two numbers glued
  CHECK_FALSE(check_phone_number("12345", at).empty());
  CHECK_FALSE(check_phone_number("", at).empty());
}

TEST_CASE("links are allow-listed by scheme", "[limits][contacts]") {
  CHECK(check_link_url("https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1", false).empty());
  CHECK(check_link_url("http://laichau.gov.vn/", true).empty());
  CHECK_FALSE(check_link_url("http://laichau.gov.vn/", false).empty());
  for (const char* bad : {"javascript:alert(1)", "data:text/html,<b>", "https://", "https://a b.vn/", "https://x.vn/\n",
                          "https://x.vn/\"onmouseover=", "//x.vn/", "vbscript:x", "https://user@evil.vn/"}) {
    CAPTURE(bad);
    CHECK_FALSE(check_link_url(bad, true).empty());
  }
}

TEST_CASE("a base URL with control characters or without a host is refused", "[limits]") {
  for (const char* bad : {"https://tthc.gov.vn/\nDisallow: /", "https://tthc.gov.vn/\r", "https://tthc.gov.vn/\t",
                          "https:///path", "https://@/"}) {
    std::string url = bad, error;
    CAPTURE(bad);
    CHECK_FALSE(normalize_base_url(url, error));
    CHECK_FALSE(error.empty());
  }
  std::string fine = "https://tthc.laichau.gov.vn/thu-tuc", error;
  CHECK(normalize_base_url(fine, error));
  CHECK(fine == "https://tthc.laichau.gov.vn/thu-tuc/");
}
