// Issue 13 (output size): a province publishes its own version of a procedure only where it
// changes something of the national one or names its own centers; a commune shares its
// province's field lists instead of repeating them; api/<province>.json carries only what the
// province changes.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <cstdio>
#include <functional>
#include <string>

#include "fixtures.h"

using namespace motcua;
using Catch::Matchers::Contains;
using nlohmann::json;

namespace {

const char* const kProvince = "provinces/tinh-mau/province.json";

bool built(const test::BuiltSite& site, const std::string& path) { return site.files.count(path) != 0; }

// The basic fixture with `change` applied to Tỉnh Mẫu's province.json.
test::FileMap with_province(const std::function<void(json&)>& change) {
  test::FileMap m = test::to_map(test::read_folder("tests/sites/basic/content"));
  json p = json::parse(m.at(kProvince));
  change(p);
  m[kProvince] = p.dump(2);
  return m;
}

test::BuiltSite build(const test::FileMap& m) {
  test::BuiltSite site = test::build_site(test::to_files(m));
  REQUIRE(test::formatted(site.diagnostics) == std::vector<std::string>{});
  return site;
}

}  // namespace

TEST_CASE("a province's own version exists only where it changes something", "[site][province]") {
  // 2.000003 joins the list unchanged; 2.000002 keeps its overrides and centers; 1.000001 is
  // named by a commune's "does_not_receive".
  const test::BuiltSite site = build(with_province([](json& p) { p["catalog"].push_back({{"procedure", "2.000003"}}); }));

  CHECK_FALSE(built(site, "tinh-mau/thu-tuc/2.000003/index.html"));
  CHECK_FALSE(built(site, "tinh-mau/thu-tuc/2.000003/du-lieu.json"));
  CHECK(built(site, "tinh-mau/thu-tuc/2.000002/index.html"));
  CHECK(built(site, "tinh-mau/thu-tuc/2.000002/du-lieu.json"));
  CHECK(built(site, "tinh-mau/thu-tuc/1.000001/index.html"));

  // The province's lists link to the national page where it has no version of its own.
  const std::string& province = site.files.at("tinh-mau/index.html");
  CHECK_THAT(province, Contains("href=\"../thu-tuc/2.000003/\""));
  CHECK_THAT(province, Contains("href=\"../tinh-mau/thu-tuc/2.000002/\""));
  CHECK(province.find("tinh-mau/thu-tuc/2.000003/") == std::string::npos);
  // No page of the site links to a province version that is not built.
  for (const auto& [path, bytes] : site.files) {
    if (path.size() < 5 || path.compare(path.size() - 5, 5, ".html") != 0) continue;
    INFO(path);
    CHECK(bytes.find("tinh-mau/thu-tuc/2.000003/") == std::string::npos);
  }
  // The national page lists the provinces that publish it: to the province's page where it
  // changes nothing, to its version where it does.
  CHECK_THAT(site.files.at("thu-tuc/2.000003/index.html"), Contains("<li><a href=\"../../tinh-mau/\">"));
  CHECK_THAT(site.files.at("thu-tuc/2.000002/index.html"), Contains("<li><a href=\"../../tinh-mau/thu-tuc/2.000002/\">"));

  // The search's province part leads to the same pages.
  std::string part;
  for (const auto& [path, bytes] : site.files) {
    if (path.rfind("search/p-tinh-mau.", 0) == 0) part = bytes;
  }
  CHECK_THAT(part, Contains("\tthu-tuc/2.000003/\n"));
  CHECK_THAT(part, Contains("\ttinh-mau/thu-tuc/2.000002/\n"));

  // An old link to a copy that is no more reaches the national page through the 404 page.
  CHECK_THAT(site.files.at("404.html"), Contains("data-province-slugs=\"tinh-mau\""));
}

TEST_CASE("an override that repeats the national value makes no version", "[site][province]") {
  const test::BuiltSite site = build(with_province([](json& p) {
    p["catalog"].push_back({{"procedure", "2.000003"}, {"overrides", {{"boundary_independent", false}}}});
  }));
  const json national = json::parse(site.files.at("api/thu-tuc/2.000003.json"));
  REQUIRE(national["boundary_independent"] == false);
  CHECK_FALSE(built(site, "tinh-mau/thu-tuc/2.000003/index.html"));

  const test::BuiltSite changed = build(with_province([](json& p) {
    p["catalog"].push_back({{"procedure", "2.000003"},
                            {"source", {{"decision", "1/QĐ-UBND"}, {"date", "2026-01-05"}, {"sample", true}}},
                            {"overrides", {{"boundary_independent", true}}}});
  }));
  CHECK(built(changed, "tinh-mau/thu-tuc/2.000003/index.html"));
  // A note alone is a local fact citizens must see.
  const test::BuiltSite noted = build(with_province([](json& p) {
    p["catalog"].push_back({{"procedure", "2.000003"}, {"overrides", {{"note", "Nhận cả thứ Bảy."}}}});
  }));
  CHECK(built(noted, "tinh-mau/thu-tuc/2.000003/index.html"));
}

TEST_CASE("api/<province>.json names the national data and carries only what the province changes",
          "[site][province][api]") {
  const test::BuiltSite site = build(with_province([](json& p) { p["catalog"].push_back({{"procedure", "2.000003"}}); }));
  const json api = json::parse(site.files.at("api/tinh-mau.json"));
  const json* plain = nullptr;
  const json* local = nullptr;
  for (const json& e : api["catalog"]) {
    if (e["code"] == "2.000003") plain = &e;
    if (e["code"] == "2.000002") local = &e;
  }
  REQUIRE(plain != nullptr);
  REQUIRE(local != nullptr);
  // Unchanged: where it is received, a link to the national page and data, nothing repeated.
  CHECK((*plain)["received_at"] == json::array({"province"}));
  CHECK((*plain)["url"] == "https://tthc.example.gov.vn/mot-cua/thu-tuc/2.000003/");
  CHECK((*plain)["data"] == "thu-tuc/2.000003.json");
  CHECK(built(site, "api/thu-tuc/2.000003.json"));
  CHECK_FALSE(plain->contains("channels"));
  CHECK_FALSE(plain->contains("dossier"));
  CHECK_FALSE(plain->contains("steps_markdown"));
  // Changed: the fields the province changes, with its values; the rest stays national.
  CHECK((*local)["url"] == "https://tthc.example.gov.vn/mot-cua/tinh-mau/thu-tuc/2.000002/");
  CHECK((*local)["channels"][0]["fee"]["amount"] == 50000);
  CHECK((*local)["implementing_agency"] == "Chi nhánh Văn phòng đăng ký đất đai Tỉnh Mẫu");
  CHECK_FALSE(local->contains("dossier"));
  CHECK_FALSE(local->contains("steps_markdown"));
}

namespace {

// Tỉnh Mẫu with 150 more commune-level procedures of field "ho-tich" (copies of 1.000001
// under new codes), every one in its catalog: a commune's list is longer than a page.
test::FileMap with_commune_catalog(const std::function<void(test::FileMap&)>& change = {}) {
  test::FileMap m = test::to_map(test::read_folder("tests/sites/basic/content"));
  json procedure = json::parse(m.at("procedures/1.000001/procedure.json"));
  procedure.erase("received_at");  // received at the commune centers, not by the police
  json province = json::parse(m.at(kProvince));
  for (int i = 0; i < 150; ++i) {
    char code[16];
    std::snprintf(code, sizeof code, "3.%06d", 100 + i);
    json p = procedure;
    p["code"] = code;
    p["name"] = "Thủ tục cấp xã thử nghiệm số " + std::to_string(i);
    p.erase("related");
    m[std::string("procedures/") + code + "/procedure.json"] = p.dump(2);
    const std::string steps = "procedures/1.000001/steps.md";
    if (m.count(steps)) m[std::string("procedures/") + code + "/steps.md"] = m.at(steps);
    province["catalog"].push_back({{"procedure", code}});
  }
  m[kProvince] = province.dump(2);
  if (change) change(m);
  return m;
}

}  // namespace

TEST_CASE("communes share their province's field lists", "[site][province][commune]") {
  // Every commune receives every one of the 151 commune-level procedures of "ho-tich".
  const test::BuiltSite site = build(with_commune_catalog([](test::FileMap& m) {
    const std::string path = "provinces/tinh-mau/communes/doan-ket.json";
    json c = json::parse(m.at(path));
    c.erase("does_not_receive");
    m[path] = c.dump(2);
  }));
  // One shared list of the field, paged, and none of the communes' own.
  CHECK(built(site, "tinh-mau/cap-xa/linh-vuc/ho-tich/index.html"));
  CHECK(built(site, "tinh-mau/cap-xa/linh-vuc/ho-tich/trang-2/index.html"));
  CHECK_FALSE(built(site, "tinh-mau/ban-mot/linh-vuc/ho-tich/index.html"));
  CHECK_FALSE(built(site, "tinh-mau/doan-ket/linh-vuc/ho-tich/index.html"));
  for (const char* commune : {"tinh-mau/ban-mot/index.html", "tinh-mau/doan-ket/index.html"}) {
    INFO(commune);
    CHECK_THAT(site.files.at(commune), Contains("href=\"../../tinh-mau/cap-xa/linh-vuc/ho-tich/\""));
  }
  const std::string shared = site.files.at("tinh-mau/cap-xa/linh-vuc/ho-tich/index.html") +
                             site.files.at("tinh-mau/cap-xa/linh-vuc/ho-tich/trang-2/index.html");
  CHECK_THAT(shared, Contains("Thủ tục cấp xã thử nghiệm số 149"));
  CHECK_THAT(shared, Contains("thu-tuc/1.000001/"));

  // The fixture as it is: Đoàn Kết does not receive 1.000001. What every commune receives is
  // the 150; Đoàn Kết's list is that and stays shared, Bản Một's has one more: its own list.
  const test::BuiltSite apart = build(with_commune_catalog());
  CHECK(built(apart, "tinh-mau/ban-mot/linh-vuc/ho-tich/index.html"));
  CHECK_FALSE(built(apart, "tinh-mau/doan-ket/linh-vuc/ho-tich/index.html"));
  CHECK_THAT(apart.files.at("tinh-mau/ban-mot/index.html"), Contains("href=\"../../tinh-mau/ban-mot/linh-vuc/ho-tich/\""));
  CHECK_THAT(apart.files.at("tinh-mau/doan-ket/index.html"), Contains("href=\"../../tinh-mau/cap-xa/linh-vuc/ho-tich/\""));
  std::string own, common;
  for (const char* p : {"tinh-mau/ban-mot/linh-vuc/ho-tich/index.html", "tinh-mau/ban-mot/linh-vuc/ho-tich/trang-2/index.html"}) {
    if (apart.files.count(p)) own += apart.files.at(p);
  }
  for (const char* p : {"tinh-mau/cap-xa/linh-vuc/ho-tich/index.html", "tinh-mau/cap-xa/linh-vuc/ho-tich/trang-2/index.html"}) {
    if (apart.files.count(p)) common += apart.files.at(p);
  }
  CHECK_THAT(own, Contains("thu-tuc/1.000001/"));
  CHECK_THAT(own, Contains("Thủ tục cấp xã thử nghiệm số 149"));
  CHECK(common.find("thu-tuc/1.000001/") == std::string::npos);
  CHECK_THAT(common, Contains("Thủ tục cấp xã thử nghiệm số 149"));
}
