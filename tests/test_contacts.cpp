// Contacts a citizen may use: the header offers only a checked number, every center with a
// checked address (or coordinates) has map links, and content that says a contact is
// checked must say where from and on which day (docs/content.md, "Sample data").
#include <catch2/catch.hpp>
#include <cstdio>
#include <set>

#include "fixtures.h"

using namespace motcua;

namespace {

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// Everything a page shows before its main content: the header with the hotline slot.
std::string header_of(const std::string& html) {
  const std::size_t main = html.find("<main");
  REQUIRE(main != std::string::npos);
  return html.substr(0, main);
}

// Percent-encoding written out here, independent of the renderer's (RFC 3986 unreserved kept).
std::string percent_encoded(const std::string& s) {
  std::string out;
  for (const unsigned char c : s) {
    if (std::isalnum(c) != 0 && c < 0x80) out += static_cast<char>(c);
    else if (c == '-' || c == '_' || c == '.' || c == '~') out += static_cast<char>(c);
    else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    }
  }
  return out;
}

std::string digits_of(const std::string& number) {
  std::string out;
  for (const char c : number) {
    if (c >= '0' && c <= '9') out += c;
  }
  return out;
}

// The numbers a catalog marks sample: they must never head a page.
std::set<std::string> sample_numbers(const Catalog& c) {
  std::set<std::string> out;
  for (const NationalHotline& h : c.hotlines) {
    if (h.sample) out.insert(h.number);
  }
  auto add = [&](const Center& center) {
    for (const Hotline& h : center.hotlines) {
      if (h.sample) out.insert(h.number);
    }
  };
  for (const ProvinceCatalog& pc : c.province_catalogs) {
    add(pc.center);
    for (const Commune& cm : pc.communes) add(cm.center);
  }
  return out;
}

const test::FileMap& basic_content() {
  static const test::FileMap m = test::to_map(test::read_folder("tests/sites/basic/content"));
  return m;
}

test::BuiltSite build(const test::FileMap& content) {
  test::BuiltSite site = test::build_site(test::to_files(content));
  INFO(test::formatted(site.diagnostics).size() << " diagnostics, first: "
       << (site.diagnostics.items().empty() ? "" : format_diagnostic(site.diagnostics.items().front())));
  REQUIRE_FALSE(site.diagnostics.has_errors());
  return site;
}

}  // namespace

TEST_CASE("the header never offers a sample number", "[contacts]") {
  const test::BuiltSite site = build(basic_content());
  const std::set<std::string> samples = sample_numbers(site.catalog);
  REQUIRE(samples.count("1800 0000") == 1);     // the fixture's sample national line
  REQUIRE(samples.count("0213 000 0004") == 1);  // a sample line at a checked center
  std::size_t pages = 0;
  for (const auto& [path, html] : site.files) {
    if (path.size() < 5 || path.compare(path.size() - 5, 5, ".html") != 0) continue;
    if (path.rfind("nhung/", 0) == 0) {
      // The embeddable catalog has no header; its one number is never a link when unchecked.
      for (const std::string& n : samples) CHECK_FALSE(contains(html, "tel:" + digits_of(n)));
      continue;
    }
    ++pages;
    const std::string header = header_of(html);
    INFO(path);
    for (const std::string& n : samples) {
      CHECK_FALSE(contains(header, n));
      CHECK_FALSE(contains(header, "tel:" + digits_of(n)));
    }
    CHECK_FALSE(contains(header, "sample-badge"));
    CHECK(contains(header, "duong-day-nong/\">Tất cả đường dây nóng</a>"));
  }
  CHECK(pages > 20);

  auto at = [&](const std::string& path) -> const std::string& {
    REQUIRE(site.files.count(path) == 1);
    return site.files.at(path);
  };
  // The first national line is checked: it heads the national pages and every center
  // without a checked line of its own (Bản Một, the province).
  CHECK(contains(header_of(at("index.html")), "<span class=\"call-number\">1900 1234</span>"));
  CHECK(contains(header_of(at("tinh-mau/ban-mot/index.html")), "<span class=\"call-number\">1900 1234</span>"));
  CHECK(contains(header_of(at("tinh-mau/index.html")), "<span class=\"call-number\">1900 1234</span>"));
  // A checked center offers its own first checked line.
  CHECK(contains(header_of(at("tinh-mau/doan-ket/index.html")), "<span class=\"call-number\">0213 000 0003</span>"));
  // Unchecked numbers stay listed where they belong, with their mark, but are not offered
  // as a link to call: a citizen would call a made-up number.
  const std::string& ward = at("tinh-mau/doan-ket/index.html");
  CHECK(contains(ward, "<span class=\"call-unchecked\">0213 000 0004</span> <span class=\"muted\">Bộ phận một cửa</span> <span class=\"sample-badge\">"));
  CHECK_FALSE(contains(ward, "tel:02130000004"));
  for (const auto& [path, bytes] : site.files) {
    if (path.size() < 5 || path.compare(path.size() - 5, 5, ".html") != 0) continue;
    INFO(path);
    CHECK_FALSE(contains(bytes, "href=\"tel:02130000004\""));
  }
  CHECK(contains(ward, "Mục có nhãn <span class=\"sample-badge\">Dữ liệu minh họa</span> chưa được kiểm chứng"));
  CHECK(contains(ward, "(kiểm tra ngày 15/01/2026)"));
  const std::string& directory = at("duong-day-nong/index.html");
  CHECK(contains(directory, "<span class=\"call-unchecked\">1800 0000</span> <span class=\"muted\">(24/7)</span> <span class=\"sample-badge\">"));
  CHECK_FALSE(contains(directory, "tel:18000000"));
  CHECK(contains(directory, "(kiểm tra ngày 15/01/2026)"));
}

TEST_CASE("with no checked first national line the header keeps only the link", "[contacts]") {
  test::FileMap content = basic_content();
  // A checked line that is not the first (a child-protection line, say) is no general help line.
  content["hotlines.json"] =
      "{ \"hotlines\": [ { \"name\": \"Tổng đài thử\", \"number\": \"1800 0000\", \"sample\": true },"
      " { \"name\": \"Tổng đài khác\", \"number\": \"111\", \"source\": \"Thông báo (dữ liệu kiểm thử)\","
      " \"checked\": \"2026-01-15\" } ] }";
  const test::BuiltSite site = build(content);
  for (const std::string path : {"index.html", "thu-tuc/1.000001/index.html", "tinh-mau/ban-mot/index.html"}) {
    INFO(path);
    const std::string header = header_of(site.files.at(path));
    CHECK_FALSE(contains(header, "href=\"tel:"));
    CHECK_FALSE(contains(header, "1800 0000"));
    CHECK(contains(header, "Tất cả đường dây nóng</a>"));
  }
  // The center with a checked line still offers it.
  CHECK(contains(header_of(site.files.at("tinh-mau/doan-ket/index.html")), "0213 000 0003"));
}

TEST_CASE("every center with a checked address or coordinates has map links", "[contacts]") {
  test::FileMap content = basic_content();
  // An address with characters that must be encoded in a URL and escaped in HTML.
  const std::string key = "provinces/tinh-mau/communes/doan-ket.json";
  std::string& ward = content.at(key);
  const std::string plain = "\"address\": \"Số 5 đường Đoàn Kết\"";
  REQUIRE(contains(ward, plain));
  ward.replace(ward.find(plain), plain.size(), "\"address\": \"Số 5 \\\"A&B\\\" <đường> Đoàn Kết\"");
  const test::BuiltSite site = build(content);

  std::size_t centers_with_links = 0;
  for (const ProvinceCatalog& pc : site.catalog.province_catalogs) {
    std::vector<std::pair<std::string, const Center*>> centers = {{pc.slug + "/index.html", &pc.center}};
    for (const Commune& cm : pc.communes) centers.push_back({pc.slug + "/" + cm.slug + "/index.html", &cm.center});
    for (const auto& [path, center] : centers) {
      INFO(path);
      const std::string& html = site.files.at(path);
      if (center->coordinates) {
        char geo[64];
        std::snprintf(geo, sizeof geo, "href=\"geo:%.6f,%.6f\"", center->coordinates->lat, center->coordinates->lng);
        CHECK(contains(html, geo));
        CHECK(contains(html, "href=\"https://www.openstreetmap.org/?mlat="));
        ++centers_with_links;
      } else if (!center->sample) {
        const std::string q = percent_encoded(center->address);
        CHECK(contains(html, "href=\"https://www.openstreetmap.org/search?query=" + q + "\""));
        CHECK(contains(html, "href=\"geo:0,0?q=" + q + "\""));
        ++centers_with_links;
      } else {
        // A sample address would send people to a place that may not exist.
        CHECK_FALSE(contains(html, "openstreetmap.org"));
        CHECK_FALSE(contains(html, "href=\"geo:"));
      }
    }
  }
  CHECK(centers_with_links == 2);  // the province (coordinates) and Đoàn Kết (checked address)
  const std::string& html = site.files.at("tinh-mau/doan-ket/index.html");
  CHECK(contains(html, "search?query=S%E1%BB%91%205%20%22A%26B%22%20%3C%C4%91%C6%B0%E1%BB%9Dng%3E%20%C4%90o%C3%A0n%20K%E1%BA%BFt\""));
  CHECK(contains(html, "Số 5 &quot;A&amp;B&quot; &lt;đường&gt; Đoàn Kết"));
  CHECK_FALSE(contains(html, "<đường>"));
}

TEST_CASE("contacts marked checked must say where from and on which day", "[contacts]") {
  const test::FileMap base = basic_content();
  auto errors_of = [](const test::FileMap& content) {
    Diagnostics diags;
    load_catalog(test::to_files(content), "content/", diags);
    return test::formatted(diags);
  };
  auto has = [](const std::vector<std::string>& lines, const std::string& needle) {
    for (const std::string& l : lines) {
      if (contains(l, needle)) return true;
    }
    return false;
  };
  REQUIRE(errors_of(base).empty());

  SECTION("a center without \"checked\"") {
    test::FileMap c = base;
    std::string& ward = c.at("provinces/tinh-mau/communes/doan-ket.json");
    const std::string checked = ", \"checked\": \"2026-01-15\"";
    REQUIRE(contains(ward, checked));
    ward.erase(ward.find(checked), checked.size());
    const auto e = errors_of(c);
    INFO(e.size() << " errors; first: " << (e.empty() ? "" : e.front()));
    CHECK(has(e, "content/provinces/tinh-mau/communes/doan-ket.json:3:13: error: /center: say on which day the "
                 "source was read or published in \"checked\""));
  }
  SECTION("a national hotline without \"source\" or \"checked\"") {
    test::FileMap c = base;
    c["hotlines.json"] = "{ \"hotlines\": [ { \"name\": \"A\", \"number\": \"1900 1234\", \"sample\": false } ] }";
    const auto e = errors_of(c);
    CHECK(has(e, "content/hotlines.json:1:17: error: /hotlines/0: a hotline that is not \"sample\" needs \"source\""));
  }
  SECTION("a checked hotline at a sample center needs its own source") {
    test::FileMap c = base;
    std::string& commune = c.at("provinces/tinh-mau/communes/ban-mot.json");
    const std::string line = "{ \"number\": \"0213 000 0002\" }";
    REQUIRE(contains(commune, line));
    commune.replace(commune.find(line), line.size(), "{ \"number\": \"0213 000 0002\", \"sample\": false }");
    const auto e = errors_of(c);
    CHECK(has(e, "/center/hotlines/0: a hotline with \"sample\": false needs its own \"source\" and \"checked\""));
  }
}
