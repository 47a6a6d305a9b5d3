// Issue 12, point 4: where a procedure is really received (content "received_at": the
// residence procedures go to the commune police, not to the one-stop centers), and the
// source of every badge ("boundary_independent_source", "full_online_source").
#include <catch2/catch.hpp>
#include <functional>
#include <nlohmann/json.hpp>

#include "fixtures.h"

using namespace motcua;
using Catch::Matchers::Contains;

namespace {

const char* const kProcedure = "procedures/1.000001/procedure.json";
const char* const kPoliceText = "Công an xã, phường, đặc khu nơi bạn cư trú";
const char* const kPoliceSource = "Bản ghi thử nghiệm 1.000001: Cơ quan thực hiện “Công an cấp xã”";

// The basic fixture with `change` applied to procedure 1.000001.
test::FileMap content_with(const std::function<void(nlohmann::json&)>& change) {
  test::FileMap m = test::to_map(test::read_folder("tests/sites/basic/content"));
  nlohmann::json p = nlohmann::json::parse(m.at(kProcedure));
  change(p);
  m[kProcedure] = p.dump(2);
  return m;
}

std::string errors_of(const test::FileMap& m) {
  Diagnostics diags;
  load_catalog(test::to_files(m), "content/", diags);
  std::string out;
  for (const std::string& line : test::formatted(diags)) out += line + "\n";
  return out;
}

nlohmann::json police() {
  return {{"place", "commune_police"}, {"text", kPoliceText}, {"source", kPoliceSource}};
}

// The part of a page between an element with `id` and the end of its section.
std::string section(const std::string& page, const std::string& id) {
  const std::size_t start = page.find("id=\"" + id + "\"");
  if (start == std::string::npos) return "";
  return page.substr(start, page.find("</section>", start) - start);
}

}  // namespace

TEST_CASE("received_at: the loader reads the place and refuses what it cannot show", "[reception]") {
  SECTION("commune police, with its text and source") {
    Diagnostics diags;
    const Catalog c = load_catalog(test::to_files(content_with([](nlohmann::json& p) { p["received_at"] = police(); })),
                                   "content/", diags);
    REQUIRE_FALSE(diags.has_errors());
    const Procedure* p = c.find_procedure("1.000001");
    REQUIRE(p->received_at.has_value());
    CHECK(p->received_at->place == "commune_police");
    CHECK(p->received_at->text == kPoliceText);
    CHECK(p->received_at->source == kPoliceSource);
    CHECK(Catalog::received_outside_centers(*p));
  }
  SECTION("absent: the center, as before") {
    Diagnostics diags;
    const Catalog c = load_catalog(test::to_files(content_with([](nlohmann::json&) {})), "content/", diags);
    REQUIRE_FALSE(diags.has_errors());
    CHECK_FALSE(c.find_procedure("1.000001")->received_at.has_value());
    CHECK_FALSE(Catalog::received_outside_centers(*c.find_procedure("1.000001")));
  }
  SECTION("an unknown place") {
    const std::string e = errors_of(content_with([](nlohmann::json& p) {
      p["received_at"] = police();
      p["received_at"]["place"] = "police";
    }));
    CHECK_THAT(e, Contains("/received_at/place"));
    CHECK_THAT(e, Contains("commune_police"));
  }
  SECTION("no source") {
    const std::string e = errors_of(content_with([](nlohmann::json& p) {
      p["received_at"] = police();
      p["received_at"].erase("source");
    }));
    CHECK_THAT(e, Contains("/received_at"));
    CHECK_THAT(e, Contains("source"));
  }
  SECTION("another agency needs its name") {
    const std::string e = errors_of(content_with([](nlohmann::json& p) {
      p["received_at"] = {{"place", "agency"}, {"source", kPoliceSource}};
    }));
    CHECK_THAT(e, Contains("/received_at"));
    CHECK_THAT(e, Contains("text"));
  }
  SECTION("online only needs an online channel") {
    const std::string e = errors_of(content_with([](nlohmann::json& p) {
      p["received_at"] = {{"place", "online_only"}, {"source", kPoliceSource}};
      nlohmann::json direct = nlohmann::json::array();
      for (const auto& ch : p["channels"]) {
        if (ch["kind"] != "online") direct.push_back(ch);
      }
      p["channels"] = direct;
      p["full_online"] = false;
    }));
    CHECK_THAT(e, Contains("/received_at/place"));
    CHECK_THAT(e, Contains("online"));
  }
  SECTION("an unknown key") {
    const std::string e = errors_of(content_with([](nlohmann::json& p) {
      p["received_at"] = police();
      p["received_at"]["address"] = "Trụ sở Công an xã";
    }));
    CHECK_THAT(e, Contains("/received_at/address"));
  }
}

TEST_CASE("a procedure received at the commune police is not listed as received at the centers", "[reception]") {
  const test::FileMap m = content_with([](nlohmann::json& p) { p["received_at"] = police(); });
  const test::BuiltSite site = test::build_site(test::to_files(m));
  REQUIRE(test::formatted(site.diagnostics) == std::vector<std::string>{});
  const Catalog& c = site.catalog;
  const ProvinceCatalog* pc = c.find_province_catalog("tinh-mau");
  REQUIRE(pc != nullptr);
  const CatalogEntry* entry = c.find_entry(*pc, "1.000001");
  REQUIRE(entry != nullptr);
  for (const Commune& commune : pc->communes) {
    INFO(commune.slug);
    CHECK_FALSE(c.receives(*pc, *entry, &commune));
    const auto elsewhere = c.received_elsewhere(*pc, &commune);
    REQUIRE(elsewhere.size() == 1);
    CHECK(elsewhere[0]->procedure == "1.000001");
  }
  CHECK_FALSE(c.receives(*pc, *entry, nullptr));

  // The commune center's page: not among what it receives, but in "Nộp tại Công an xã, phường".
  const std::string& commune_page = site.files.at("tinh-mau/ban-mot/index.html");
  CHECK(section(commune_page, "h-danh-muc").find("thu-tuc/1.000001/") == std::string::npos);
  const std::string police_list = section(commune_page, "h-cong-an");
  CHECK_THAT(police_list, Contains("Nộp tại Công an xã, phường"));
  CHECK_THAT(police_list, Contains("tinh-mau/thu-tuc/1.000001/"));
  // The province's page too lists it apart.
  CHECK_THAT(section(site.files.at("tinh-mau/index.html"), "h-cong-an"), Contains("thu-tuc/1.000001/"));

  // The province's procedure page names no center, and says where with its source.
  const std::string& local = site.files.at("tinh-mau/thu-tuc/1.000001/index.html");
  const std::string where = section(local, "noi-nop");
  CHECK(where.find("Nơi tiếp nhận tại") == std::string::npos);
  CHECK_THAT(where, Contains(std::string("Nơi nộp hồ sơ: ") + kPoliceText));
  CHECK_THAT(where, Contains("không nộp tại Trung tâm Phục vụ hành chính công"));
  CHECK_THAT(where, Contains("Bản ghi thử nghiệm 1.000001: Cơ quan thực hiện “Công an cấp xã”"));
  // The national page states the place as well.
  CHECK_THAT(section(site.files.at("thu-tuc/1.000001/index.html"), "noi-nop"),
             Contains(std::string("Nơi nộp hồ sơ: ") + kPoliceText));
}

TEST_CASE("a commune listing a commune-police procedure in also_receives takes it", "[reception]") {
  test::FileMap m = content_with([](nlohmann::json& p) { p["received_at"] = police(); });
  const std::string path = "provinces/tinh-mau/communes/ban-mot.json";
  nlohmann::json commune = nlohmann::json::parse(m.at(path));
  commune["also_receives"] = {"1.000001"};
  m[path] = commune.dump(2);
  Diagnostics diags;
  const Catalog c = load_catalog(test::to_files(m), "content/", diags);
  REQUIRE_FALSE(diags.has_errors());
  const ProvinceCatalog* pc = c.find_province_catalog("tinh-mau");
  for (const Commune& cm : pc->communes) {
    INFO(cm.slug);
    CHECK(c.receives(*pc, *c.find_entry(*pc, "1.000001"), &cm) == (cm.slug == "ban-mot"));
  }
}

TEST_CASE("a badge on a reviewed procedure carries its source", "[reception][badges]") {
  const auto reviewed = [](nlohmann::json& p) {
    p["status"] = "reviewed";
    p["boundary_independent"] = true;
    p["full_online"] = true;
  };
  SECTION("refused without a source, at the flag's JSON Pointer") {
    const std::string e = errors_of(content_with(reviewed));
    CHECK_THAT(e, Contains("/boundary_independent:"));
    CHECK_THAT(e, Contains("boundary_independent_source"));
    CHECK_THAT(e, Contains("/full_online:"));
    CHECK_THAT(e, Contains("full_online_source"));
  }
  SECTION("a source without its flag is refused") {
    const std::string e = errors_of(content_with([](nlohmann::json& p) {
      p["boundary_independent"] = false;
      p["boundary_independent_source"] = "Quyết định 1/QĐ-UBND";
    }));
    CHECK_THAT(e, Contains("/boundary_independent_source"));
  }
  SECTION("a procedure nobody reviewed may keep a badge without a source") {
    CHECK(errors_of(content_with([](nlohmann::json&) {})).empty());
  }
  SECTION("with sources, the page shows each next to its badge") {
    const test::FileMap m = content_with([&](nlohmann::json& p) {
      reviewed(p);
      p["boundary_independent_source"] = "Quyết định 9/QĐ-UBND ngày 2/1/2026 của UBND Tỉnh Mẫu, Điều 1";
      p["full_online_source"] = "Quyết định 8/QĐ-TTg ngày 1/1/2026, mục 3";
    });
    const test::BuiltSite site = test::build_site(test::to_files(m));
    REQUIRE(test::formatted(site.diagnostics) == std::vector<std::string>{});
    const std::string& page = site.files.at("thu-tuc/1.000001/index.html");
    CHECK_THAT(page, Contains("Nộp ở bất kỳ đâu trong tỉnh <span class=\"badge-source\">(theo Quyết định 9/QĐ-UBND "
                              "ngày 2/1/2026 của UBND Tỉnh Mẫu, Điều 1)</span>"));
    CHECK_THAT(page, Contains("Làm trực tuyến toàn trình <span class=\"badge-source\">(theo Quyết định 8/QĐ-TTg ngày "
                              "1/1/2026, mục 3)</span>"));
    CHECK_THAT(section(page, "noi-nop"), Contains("(Nguồn: Quyết định 9/QĐ-UBND ngày 2/1/2026"));
  }
}

TEST_CASE("a province's own list is the source of its badge", "[reception][badges]") {
  test::FileMap m = test::to_map(test::read_folder("tests/sites/basic/content"));
  const std::string path = "provinces/tinh-mau/province.json";
  nlohmann::json province = nlohmann::json::parse(m.at(path));
  for (auto& e : province["catalog"]) {
    if (e["procedure"] == "2.000002") {
      e["source"] = {{"decision", "1234/QĐ-UBND"}, {"date", "2026-03-05"}, {"sample", true}};
      e["overrides"]["boundary_independent"] = true;
    }
  }
  m[path] = province.dump(2);
  const test::BuiltSite site = test::build_site(test::to_files(m));
  REQUIRE(test::formatted(site.diagnostics) == std::vector<std::string>{});
  const std::string& local = site.files.at("tinh-mau/thu-tuc/2.000002/index.html");
  CHECK_THAT(local, Contains("Nộp ở bất kỳ đâu trong tỉnh <span class=\"badge-source\">(theo Quyết định 1234/QĐ-UBND "
                             "ngày 05/03/2026, <span class=\"sample-badge\">Dữ liệu minh họa</span>)</span>"));
  // The national page does not claim it.
  CHECK(site.files.at("thu-tuc/2.000002/index.html").find("Nộp ở bất kỳ đâu trong tỉnh") == std::string::npos);
}

TEST_CASE("shipped residence procedures are received at the commune police, never listed at a center",
          "[reception][content]") {
  Diagnostics diags;
  const Catalog c = load_catalog(test::read_folder("content"), "content/", diags);
  REQUIRE_FALSE(diags.has_errors());
  int residence = 0;
  for (const Procedure& p : c.procedures) {
    if (p.status != ReviewStatus::reviewed) continue;
    INFO(p.code);
    // Every badge a reviewed page shows names its source.
    CHECK((!p.boundary_independent || !p.boundary_independent_source.empty()));
    CHECK((!p.full_online || !p.full_online_source.empty()));
    if (p.field != "cu-tru") continue;
    ++residence;
    REQUIRE(p.received_at.has_value());
    CHECK(p.received_at->place == "commune_police");
    CHECK_THAT(p.received_at->source, Contains("Công an cấp"));
    CHECK_FALSE(p.boundary_independent);  // Luật Cư trú: at the place of residence; no decision says otherwise
    for (const ProvinceCatalog& pc : c.province_catalogs) {
      const CatalogEntry* e = c.find_entry(pc, p.code);
      if (e == nullptr) continue;
      CHECK_FALSE(c.receives(pc, *e, nullptr));
      for (const Commune& cm : pc.communes) {
        INFO(pc.slug + "/" + cm.slug);
        CHECK_FALSE(c.receives(pc, *e, &cm));
      }
    }
  }
  CHECK(residence == 8);
}

TEST_CASE("a province's badge without the decision that sets it is refused", "[reception][badges]") {
  test::FileMap m = test::to_map(test::read_folder("tests/sites/basic/content"));
  const std::string path = "provinces/tinh-mau/province.json";
  nlohmann::json province = nlohmann::json::parse(m.at(path));
  std::size_t index = 0;
  for (std::size_t i = 0; i < province["catalog"].size(); ++i) {
    if (province["catalog"][i]["procedure"] == "2.000002") index = i;
  }
  province["catalog"][index]["overrides"]["boundary_independent"] = true;
  province["catalog"][index].erase("source");
  m[path] = province.dump(2);
  const std::string e = errors_of(m);
  CHECK_THAT(e, Contains("/catalog/" + std::to_string(index) + "/overrides/boundary_independent"));
  CHECK_THAT(e, Contains("\"source\""));
  // Setting a badge off needs no decision.
  province["catalog"][index]["overrides"]["boundary_independent"] = false;
  m[path] = province.dump(2);
  CHECK(errors_of(m).empty());
}
