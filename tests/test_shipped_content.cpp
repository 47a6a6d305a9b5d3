// The content we ship must always load cleanly and meet the bar of the issue:
// real procedures with sources, provinces from our plans, sample data marked.
#include <catch2/catch.hpp>
#include <set>

#include "fixtures.h"
#include "motcua/vietnamese_text.h"

using namespace motcua;

namespace {
const test::BuiltSite& shipped() {
  static const test::BuiltSite site = test::build_site(test::read_folder("content"));
  return site;
}
}  // namespace

TEST_CASE("shipped content loads without errors or warnings", "[content]") {
  CHECK(test::formatted(shipped().diagnostics) == std::vector<std::string>{});
}

TEST_CASE("shipped content covers what citizens need", "[content]") {
  const Catalog& c = shipped().catalog;
  // The whole portal catalog we hold (2,642 records), 50 of them checked by hand.
  CHECK(c.procedures.size() == 2642);
  CHECK(c.provinces.size() == 34);
  std::set<std::string> fields;
  std::size_t reviewed = 0;
  for (const Procedure& p : c.procedures) {
    INFO(p.code);
    fields.insert(p.field);
    CHECK(p.status != ReviewStatus::unspecified);
    CHECK_FALSE(p.source.decision.empty());
    CHECK(is_nfc(p.name));
    CHECK(is_nfc(p.summary));
    if (p.status == ReviewStatus::reviewed) {
      ++reviewed;
      CHECK_FALSE(p.legal_basis.empty());
      CHECK_FALSE(p.steps_markdown.empty());
      CHECK_FALSE(p.dossier.empty());
      CHECK(p.unreviewed.empty());
      continue;
    }
    // An imported procedure lacks a part only when the page can say why, in the source's words.
    if (p.legal_basis.empty()) CHECK(p.flag_within("/legal_basis") != nullptr);
    if (p.steps_markdown.empty()) CHECK(p.flag("/steps") != nullptr);
    if (p.dossier.empty()) CHECK(p.flag_within("/dossier") != nullptr);
    if (p.channels.empty()) CHECK(p.flag_within("/channels") != nullptr);
    if (p.results.empty()) CHECK(p.flag_within("/results") != nullptr);
    CHECK_FALSE(p.source.url.empty());
    CHECK_FALSE(p.import.record.empty());
  }
  CHECK(reviewed == 50);
  for (const char* f : {"ho-tich", "chung-thuc", "cu-tru", "dat-dai", "ho-kinh-doanh", "xay-dung"}) {
    CHECK(fields.count(f) == 1);
  }
  std::size_t communes = 0;
  for (const char* slug : {"lai-chau", "son-la", "thanh-hoa", "hai-phong"}) {
    const ProvinceCatalog* pc = c.find_province_catalog(slug);
    REQUIRE(pc != nullptr);
    communes += pc->communes.size();
    CHECK(pc->catalog.size() >= 40);
  }
  CHECK(communes >= 20);
}

TEST_CASE("every center shows the sample mark unless its contacts have a source", "[content]") {
  for (const ProvinceCatalog& pc : shipped().catalog.province_catalogs) {
    INFO(pc.file);
    CHECK((pc.center.sample || !pc.center.source.empty()));
    const std::string& page = shipped().files.at(pc.slug + "/index.html");
    // The note shows while any part (address, hours, a hotline) is unchecked.
    bool any_sample = pc.center.sample;
    for (const Hotline& h : pc.center.hotlines) any_sample = any_sample || h.sample;
    for (const OpeningHours& h : pc.center.opening_hours) any_sample = any_sample || h.sample;
    CHECK((page.find("class=\"sample-note\"") != std::string::npos) == any_sample);
    for (const Commune& cm : pc.communes) {
      INFO(cm.file);
      CHECK((cm.center.sample || !cm.center.source.empty()));
    }
  }
}

TEST_CASE("each procedure page says whether a person reviewed it", "[content]") {
  const test::BuiltSite& site = shipped();
  std::size_t checked = 0;
  for (const Procedure& p : site.catalog.procedures) {
    INFO(p.code);
    const std::string& page = site.files.at("thu-tuc/" + p.code + "/index.html");
    const bool says_reviewed = page.find("class=\"review reviewed\"") != std::string::npos;
    const bool says_imported = page.find("Nhập tự động từ Cổng Dịch vụ công quốc gia") != std::string::npos;
    CHECK(says_reviewed == (p.status == ReviewStatus::reviewed));
    CHECK(says_imported == (p.status == ReviewStatus::imported));
    // Every flagged part is marked on the page, with the source's words when it has any.
    if (!p.unreviewed.empty()) CHECK(page.find("class=\"unreviewed-badge\">Chưa rà soát") != std::string::npos);
    ++checked;
  }
  CHECK(checked == site.catalog.procedures.size());
}

TEST_CASE("the shipped list of essential services: 25, each linked to its procedures or saying it has none",
          "[content][essential]") {
  const auto& files = shipped().files;
  REQUIRE(shipped().catalog.essential_services.services.size() == 25);
  REQUIRE(files.count("dich-vu-cong-thiet-yeu/index.html") == 1);
  const std::string& page = files.at("dich-vu-cong-thiet-yeu/index.html");
  std::size_t items = 0, pos = 0;
  while ((pos = page.find("<li id=\"dich-vu-", pos)) != std::string::npos) ++items, ++pos;
  CHECK(items == 25);
  std::size_t linked = 0;
  for (const EssentialService& s : shipped().catalog.essential_services.services) {
    INFO("service " << s.number << ": " << s.name);
    const std::size_t at = page.find("<li id=\"dich-vu-" + std::to_string(s.number) + "\"");
    REQUIRE(at != std::string::npos);
    const std::string item = page.substr(at, page.find("</li>\n", at) - at);
    if (s.procedures.empty()) CHECK(item.find("Chưa có thủ tục tương ứng") != std::string::npos);
    for (const std::string& code : s.procedures) {
      CHECK(item.find("href=\"../thu-tuc/" + code + "/\"") != std::string::npos);
      REQUIRE(files.count("thu-tuc/" + code + "/index.html") == 1);
      CHECK(files.at("thu-tuc/" + code + "/index.html").find("nộp trực tuyến toàn trình, không nộp giấy tờ bản giấy") !=
            std::string::npos);
      ++linked;
    }
  }
  CHECK(linked >= 20);
}
