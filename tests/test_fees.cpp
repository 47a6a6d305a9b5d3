// The fee and checklist engines against golden cases kept as data
// (tests/data/fees/*.json, tests/data/checklist/*.json). Each case runs over the data
// file the site publishes beside the procedure page (what the browser computes with),
// and through `motcua calc` (run_calc over the catalog); both must agree and match.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>

#include "fixtures.h"
#include "motcua/calc.h"
#include "motcua/forms.h"
#include "motcua/procedure_data.h"

using namespace motcua;
using json = nlohmann::json;

namespace {

const test::BuiltSite& site_for(const std::string& content) {
  static std::map<std::string, std::unique_ptr<test::BuiltSite>> cache;
  auto& slot = cache[content];
  if (!slot) {
    slot = std::make_unique<test::BuiltSite>(test::build_site(test::read_folder(content)));
    if (slot->diagnostics.has_errors()) throw std::runtime_error(test::formatted(slot->diagnostics).front());
  }
  return *slot;
}

json line_field(const json& got, const char* field) {
  json out = json::array();
  for (const json& line : got["lines"]) out.push_back(line.value(field, json()));
  return out;
}

const json* item(const json& got, const std::string& id) {
  for (const json& i : got["items"]) {
    if (i.value("id", "") == id) return &i;
  }
  return nullptr;
}

// Compares the keys a case expects; other keys of the result are not checked.
void check_expected(const json& got, const json& expected) {
  for (const auto& [key, value] : expected.items()) {
    INFO("expected key " << key);
    if (key == "line_amounts") {
      CHECK(line_field(got, "amount") == value);
    } else if (key == "line_sources") {
      CHECK(line_field(got, "source") == value);
    } else if (key == "line_labels") {
      CHECK(line_field(got, "label") == value);
    } else if (key == "messages") {
      // The message of each field with an error, and no error on the others.
      json actual = json::object();
      for (const json& e : got["errors"]) actual[e["field"].get<std::string>()] = e["message"];
      CHECK(actual == value);
    } else if (key == "hidden") {
      for (const json& id : value) {
        INFO("field " << id);
        CHECK(std::find(got["visible"].begin(), got["visible"].end(), id) == got["visible"].end());
      }
    } else if (key == "derived") {
      for (const auto& [id, want] : value.items()) {
        for (const auto& [k, v] : want.items()) {
          INFO("derived " << id << "." << k);
          CHECK(got["derived"][id][k] == v);
        }
      }
    } else if (key == "statuses" || key == "reasons" || key == "one_of" || key == "waivers") {
      for (const auto& [id, want] : value.items()) {
        INFO("item " << id);
        const json* i = item(got, id);
        REQUIRE(i != nullptr);
        if (key == "statuses") CHECK((*i)["status"] == want);
        if (key == "reasons") CHECK((*i)["reason"] == want);
        if (key == "one_of") CHECK((*i)["one_of"].size() == want.get<std::size_t>());
        if (key == "waivers") CHECK((*i)["waiver"]["source"] == want);
      }
    } else {
      CHECK(got[key] == value);
    }
  }
}

std::size_t run_golden(const std::string& engine, const std::string& folder) {
  const std::vector<std::string> files = test::case_files(folder);
  REQUIRE_FALSE(files.empty());
  std::size_t cases = 0;
  for (const std::string& file : files) {
    const json doc = json::parse(test::read_text(file));
    const test::BuiltSite& site = site_for(doc.value("content", "content"));
    for (const json& c : doc.at("cases")) {
      ++cases;
      const json& request = c.at("request");
      const json& expected = c.at("expected");
      INFO(file << ": " << c.at("name").get<std::string>());
      const CalcReply cli = run_calc(engine, site.catalog, request.dump());
      INFO(cli.json);
      const std::string path =
          engine == "form" ? form_data_path(request.value("form", ""))
                           : procedure_data_path(request.value("procedure", ""), request.value("province", std::string()));
      const auto data = site.files.find(path);
      if (expected.contains("error_field")) {
        CHECK_FALSE(cli.ok);
        CHECK(json::parse(cli.json)["error"]["field"] == expected["error_field"]);
        if (data != site.files.end()) {
          const CalcReply browser = calc_with_data(engine, data->second, request.dump());
          CHECK_FALSE(browser.ok);
          CHECK(browser.json == cli.json);
        }
        continue;
      }
      REQUIRE(cli.ok);
      REQUIRE(data != site.files.end());
      const CalcReply browser = calc_with_data(engine, data->second, request.dump());
      REQUIRE(browser.ok);
      CHECK(browser.json == cli.json);
      check_expected(json::parse(cli.json), expected);
    }
  }
  return cases;
}

}  // namespace

TEST_CASE("golden fee cases", "[fees]") { CHECK(run_golden("fee", "tests/data/fees") >= 30); }

TEST_CASE("golden form cases", "[forms]") { CHECK(run_golden("form", "tests/data/forms") >= 20); }

TEST_CASE("golden checklist cases", "[checklist]") { CHECK(run_golden("checklist", "tests/data/checklist") >= 12); }
