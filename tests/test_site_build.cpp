// Whole-site build of tests/sites/basic: which files exist and what key pages say.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <regex>
#include <set>

#include "fixtures.h"

using namespace motcua;

namespace {

const test::BuiltSite& basic_site() {
  static const test::BuiltSite site = test::build_site(test::read_folder("tests/sites/basic/content"));
  return site;
}

const std::string& page(const std::string& path) {
  const auto& files = basic_site().files;
  const auto it = files.find(path);
  if (it == files.end()) FAIL("missing page " << path);
  return it->second;
}

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

}  // namespace

TEST_CASE("the basic fixture builds without diagnostics", "[site]") {
  CHECK(test::formatted(basic_site().diagnostics).empty());
}

TEST_CASE("every public page is generated", "[site]") {
  const auto& files = basic_site().files;
  for (const char* path : {"index.html", "404.html", "sitemap.xml", "robots.txt", "api/catalog.json",
                           "api/thu-tuc/1.000001.json", "api/tinh-mau.json", "thu-tuc/index.html",
                           "thu-tuc/1.000001/index.html", "thu-tuc/2.000002/index.html", "linh-vuc/index.html",
                           "linh-vuc/ho-tich/index.html", "cap-thuc-hien/xa/index.html", "cap-thuc-hien/tinh/index.html",
                           "phi-dia-gioi/index.html", "truc-tuyen-toan-trinh/index.html", "su-kien/sinh-con/index.html",
                           "duong-day-nong/index.html", "tinh-mau/index.html", "tinh-mau/ban-mot/index.html",
                           "tinh-mau/doan-ket/index.html", "tinh-mau/thu-tuc/1.000001/index.html",
                           "tinh-mau/thu-tuc/2.000002/index.html"}) {
    CHECK(files.count(path) == 1);
  }
  // Provinces without a catalog get no pages, and the stylesheet carries its hash.
  CHECK(files.count("thanh-pho-khac/index.html") == 0);
  std::size_t stylesheets = 0;
  for (const auto& [path, bytes] : files) {
    if (path.rfind("assets/style.", 0) == 0 && path.size() == std::string("assets/style.0123456789.css").size()) {
      ++stylesheets;
      CHECK(path == "assets/style." + content_hash(bytes) + ".css");
    }
  }
  CHECK(stylesheets == 1);
}

TEST_CASE("links are relative so the site works under any sub-path", "[site]") {
  const std::string& p = page("tinh-mau/thu-tuc/2.000002/index.html");
  CHECK(contains(p, "href=\"../../../thu-tuc/\""));
  CHECK(contains(p, "href=\"../../../assets/style."));
  CHECK(contains(p, "href=\"../../../tinh-mau/ban-mot/\""));
  CHECK_FALSE(contains(p, "href=\"/"));
  // Full URLs only where the web requires them.
  CHECK(contains(p, "<link rel=\"canonical\" href=\"https://tthc.example.gov.vn/mot-cua/tinh-mau/thu-tuc/2.000002/\">"));
  CHECK(contains(p, "<meta property=\"og:url\" content=\"https://tthc.example.gov.vn/mot-cua/tinh-mau/thu-tuc/2.000002/\">"));
  CHECK(contains(page("sitemap.xml"), "<loc>https://tthc.example.gov.vn/mot-cua/tinh-mau/ban-mot/</loc>"));
  CHECK_FALSE(contains(page("sitemap.xml"), "404"));
  CHECK(contains(page("robots.txt"), "Sitemap: https://tthc.example.gov.vn/mot-cua/sitemap.xml"));
  // The 404 page is served at any depth, so it links from the site's own path.
  CHECK(contains(page("404.html"), "href=\"/mot-cua/thu-tuc/\""));
  CHECK(contains(page("404.html"), "<meta name=\"robots\" content=\"noindex\">"));
}

namespace {

// The scripts a page loads, in order, without their folder and hash ("core.js").
std::vector<std::string> scripts_of(const std::string& html) {
  static const std::regex script("<script src=\"([^\"]*/)?([a-z-]+)\\.[0-9a-f]{10}\\.js\" defer></script>");
  std::vector<std::string> out;
  for (auto it = std::sregex_iterator(html.begin(), html.end(), script); it != std::sregex_iterator(); ++it) {
    out.push_back((*it)[2].str() + ".js");
  }
  return out;
}

}  // namespace

TEST_CASE("each page loads the shared script and only the scripts of the tools it has", "[site][scripts]") {
  using V = std::vector<std::string>;
  // A procedure page: the deadline tool and the checklist, and the fee tool when it has fee rules.
  CHECK(scripts_of(page("thu-tuc/2.000002/index.html")) == V{"core.js", "deadline.js", "checklist.js", "fee.js", "search.js"});
  CHECK(scripts_of(page("tinh-mau/thu-tuc/2.000002/index.html")) ==
        V{"core.js", "deadline.js", "checklist.js", "fee.js", "search.js"});
  // The drafts live on the form pages and the drafts page only; both check records the same way.
  CHECK(scripts_of(page("bieu-mau/to-khai-mau/index.html")) == V{"core.js", "draft-records.js", "form.js", "search.js"});
  CHECK(scripts_of(page("ho-so-nhap/index.html")) == V{"core.js", "draft-records.js", "drafts.js", "search.js"});
  // Pages without a tool: the service worker, the store and the engine loader only.
  for (const char* path : {"index.html", "thu-tuc/index.html", "bieu-mau/index.html", "ngoai-tuyen/index.html", "404.html",
                           "lich-lam-viec/index.html", "linh-vuc/ho-tich/index.html"}) {
    INFO(path);
    CHECK(scripts_of(page(path)) == V{"core.js", "search.js"});
  }
}

TEST_CASE("the service worker precaches every script and head link a page loads", "[site][scripts][offline]") {
  const std::string& sw = page("sw.js");
  std::smatch m;
  REQUIRE(std::regex_search(sw, m, std::regex("var PRECACHE = (\\[[^\\]]*\\]);")));
  const nlohmann::json precache = nlohmann::json::parse(m[1].str());
  std::set<std::string> cached(precache.begin(), precache.end());
  static const std::regex script("<script src=\"(?:\\.\\./|/mot-cua/)*(assets/[^\"]+)\" defer></script>");
  // What the head links to (style sheet, icons, the web app manifest) is fetched by the
  // browser on any page, offline too: a file it lacks is a failed load on every visit.
  static const std::regex link("<link rel=\"(?:stylesheet|icon|apple-touch-icon|manifest)\" href=\"(?:\\.\\./|/mot-cua/)*([^\"]+)\"");
  std::set<std::string> loaded, linked;
  const auto collect = [](const std::string& bytes, const std::regex& re, std::set<std::string>& into) {
    for (auto it = std::sregex_iterator(bytes.begin(), bytes.end(), re); it != std::sregex_iterator(); ++it) {
      into.insert((*it)[1].str());
    }
  };
  std::size_t pages = 0;
  for (const auto& [path, bytes] : basic_site().files) {
    if (path.size() < 5 || path.compare(path.size() - 5, 5, ".html") != 0) continue;
    ++pages;
    collect(bytes, script, loaded);
    collect(bytes, link, linked);
  }
  CHECK(pages > 20);
  CHECK(loaded.size() == 9);  // core.js, the six tool scripts, search.js, the embed page's embed.js
  CHECK(linked.count("manifest.webmanifest") == 1);
  CHECK(linked.size() == 5);  // with the embed page's embed.css
  for (const std::set<std::string>* fetched : {&loaded, &linked}) {
    for (const std::string& s : *fetched) {
      INFO(s);
      CHECK(cached.count(s) == 1);
    }
  }
}

TEST_CASE("a province's version applies its overrides", "[site]") {
  const std::string& national = page("thu-tuc/2.000002/index.html");
  const std::string& local = page("tinh-mau/thu-tuc/2.000002/index.html");
  CHECK(contains(national, "Theo mức do Hội đồng nhân dân tỉnh quy định"));
  CHECK_FALSE(contains(national, "50.000 đồng"));
  CHECK(contains(local, "50.000 đồng/giấy <span class=\"sample-badge\">Dữ liệu minh họa</span>"));
  CHECK(contains(local, "Chi nhánh Văn phòng đăng ký đất đai Tỉnh Mẫu"));
  CHECK(contains(local, "Mã tại địa phương: 2.000002.000.00.00.H98"));
  // Received at the province center and at Bản Một only ("centers").
  CHECK(contains(local, "Trung tâm Phục vụ hành chính công xã Bản Một"));
  CHECK_FALSE(contains(local, "phường Đoàn Kết"));
  // The national page links to each province's version.
  CHECK(contains(national, "href=\"../../tinh-mau/thu-tuc/2.000002/\""));
}

TEST_CASE("center pages show contacts and the catalog received there", "[site]") {
  const std::string& commune = page("tinh-mau/ban-mot/index.html");
  // Bản Một's number is sample: listed and marked, but not a link to call.
  CHECK(contains(commune, "<span class=\"call-unchecked\">"));
  CHECK_FALSE(contains(commune, "href=\"tel:02130000002\""));
  CHECK(contains(commune, "<p class=\"sample-note\"><span class=\"sample-badge\">Dữ liệu minh họa</span>"));
  CHECK(contains(commune, "Đăng ký khai sinh"));             // commune-level procedure
  CHECK(contains(commune, "Cấp đổi Giấy chứng nhận"));       // listed for this center explicitly
  const std::string& ward = page("tinh-mau/doan-ket/index.html");
  CHECK_FALSE(contains(ward, "Đăng ký khai sinh"));          // does_not_receive
  CHECK(contains(ward, "Thứ Hai – Thứ Bảy: 07:30–11:30"));
  CHECK_FALSE(contains(ward, "sample-note\"><span"));       // a center with a source: no all-sample note
  CHECK(contains(ward, "openstreetmap.org/search?query="));  // map link by address
  CHECK_FALSE(contains(commune, "openstreetmap"));           // never for a sample address
  CHECK(contains(page("tinh-mau/index.html"), "openstreetmap.org/?mlat=22.400000&amp;mlon=103.450000"));
  // The same hotline slot heads every page (WCAG 3.2.6 Consistent Help), with checked numbers
  // only: Bản Một's own line is sample, so the national one stands in (tests/test_contacts.cpp).
  CHECK(contains(page("index.html"), "<span class=\"call-number\">1900 1234</span>"));
  CHECK(contains(commune, "<span class=\"call-number\">1900 1234</span>"));
}

TEST_CASE("lists and the hotline directory", "[site]") {
  const std::string& az = page("thu-tuc/index.html");
  CHECK(az.find("id=\"chu-C\"") < az.find("id=\"chu-Đ\""));
  CHECK(contains(page("phi-dia-gioi/index.html"), "Đăng ký khai sinh"));
  CHECK_FALSE(contains(page("phi-dia-gioi/index.html"), "Cấp đổi Giấy chứng nhận"));
  CHECK(contains(page("truc-tuyen-toan-trinh/index.html"), "Đăng ký khai sinh"));
  CHECK(contains(page("cap-thuc-hien/tinh/index.html"), "Cấp đổi Giấy chứng nhận"));
  const std::string& hotlines = page("duong-day-nong/index.html");
  // Checked numbers are links to call; sample ones are listed without a link.
  CHECK(contains(hotlines, "tel:02130000003"));
  CHECK(contains(hotlines, "<span class=\"call-unchecked\">1800 0000</span>"));
  CHECK_FALSE(contains(hotlines, "tel:18000000"));
  const std::string& home = page("index.html");
  // The search box leads to the search page, which answers without JavaScript too.
  CHECK(contains(home, "action=\"tim-kiem/\""));
  CHECK(contains(home, "href=\"tinh-mau/doan-ket/\">Phường Đoàn Kết</a>"));
  CHECK(contains(home, "<li>Thành phố Khác</li>"));
}

TEST_CASE("the JSON API carries the catalog and local overrides", "[site]") {
  const auto index = nlohmann::json::parse(page("api/catalog.json"));
  CHECK(index["schema_version"] == kSchemaVersion);
  CHECK(index["procedures"].size() == 3);
  CHECK(index["procedures"][0]["url"] == "https://tthc.example.gov.vn/mot-cua/thu-tuc/1.000001/");
  const auto province = nlohmann::json::parse(page("api/tinh-mau.json"));
  const auto& entry = province["catalog"][1];
  CHECK(entry["code"] == "2.000002");
  CHECK(entry["channels"][0]["fee"]["amount"] == 50000);
  CHECK(entry["received_at"] == nlohmann::json::array({"province", "ban-mot"}));
}

TEST_CASE("golden procedure page", "[site][golden]") {
  const std::string golden_path = test::source_path("tests/golden/thu-tuc-1.000001.html");
  const std::string& actual = page("thu-tuc/1.000001/index.html");
  if (std::getenv("MOTCUA_UPDATE_GOLDEN") != nullptr) {
    std::ofstream(golden_path, std::ios::binary) << actual;
    WARN("rewrote " << golden_path);
  }
  std::ifstream in(golden_path, std::ios::binary);
  REQUIRE(in.good());
  const std::string expected((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  // On an intended change run: MOTCUA_UPDATE_GOLDEN=1 ctest -R golden, then review the diff.
  CHECK(actual == expected);
}

TEST_CASE("procedure pages show fee rules and conditional dossiers without JavaScript", "[site][fees]") {
  const std::string& p = page("thu-tuc/2.000002/index.html");
  // Fee rules, each with its source; sample data marked.
  CHECK(contains(p, "<caption>Cách tính phí, lệ phí <span class=\"sample-badge\">Dữ liệu minh họa</span></caption>"));
  CHECK(contains(p, "0,15% giá trị, tối thiểu 100.000 đồng, tối đa 5.000.000 đồng</td><td class=\"source\">"
                    "Dữ liệu kiểm thử, Điều 1</td>"));
  CHECK(contains(p, "giảm 50% từ 01/07/2025 đến 31/12/2026"));
  // Conditions spelled out as the questions a citizen would be asked.
  CHECK(contains(p, "Chỉ cần nếu: “Bạn nộp hồ sơ thay cho người khác?” – Có và không nộp qua dịch vụ bưu chính "
                    "công ích"));
  CHECK(contains(p, "Một trong các giấy tờ sau:<ul><li>Quyết định thành lập (1 bản sao)</li>"));
  CHECK(contains(p, "Không phải xuất trình nếu nộp qua dịch vụ bưu chính công ích"));
  // "Miễn phí" and "Không quy định" are different answers.
  CHECK(contains(page("thu-tuc/1.000001/index.html"), "<p class=\"answer\">Miễn phí</p>"));
  CHECK(contains(page("thu-tuc/2.000003/index.html"), "<p class=\"answer\">Không quy định</p>"));
  // The rule data the browser tools need sits beside each version of the page.
  for (const char* path : {"thu-tuc/2.000002/du-lieu.json", "tinh-mau/thu-tuc/2.000002/du-lieu.json"}) {
    INFO(path);
    const auto data = nlohmann::json::parse(page(path));
    CHECK(data["schema_version"] == kSchemaVersion);
    CHECK(data["procedure"] == "2.000002");
    CHECK(data["fees"]["rules"].size() == 2);
    CHECK(data["questions"].size() == 2);
    CHECK(data["dossier"].size() == 4);
  }
  CHECK(nlohmann::json::parse(page("tinh-mau/thu-tuc/2.000002/du-lieu.json"))["province"] == "tinh-mau");
  CHECK(contains(p, "data-tool=\"fee\" data-config=\"{&quot;data&quot;:&quot;../../thu-tuc/2.000002/du-lieu.json&quot;}\""));
}

TEST_CASE("an embeddable catalog longer than embed_inline_rows has a page per field", "[site][embed]") {
  Diagnostics diags;
  const Catalog catalog = load_catalog(test::read_folder("tests/sites/basic/content"), "content/", diags);
  REQUIRE_FALSE(diags.has_errors());
  SiteOptions options;
  options.embed_inline_rows = 1;
  std::map<std::string, std::string> files;
  for (OutputFile& f : render_site(catalog, test::read_folder("templates"), options, diags)) files[f.path] = std::move(f.bytes);
  REQUIRE_FALSE(diags.has_errors());
  const ProvinceCatalog* pc = catalog.find_province_catalog("tinh-mau");
  REQUIRE(pc != nullptr);
  REQUIRE(pc->catalog.size() > 1);
  const std::string& main = files.at("nhung/tinh-mau/index.html");
  CHECK(main.find("class=\"fields\"") != std::string::npos);
  CHECK(main.find("data-all=\"1\"") != std::string::npos);
  CHECK(main.find("<li data-code=") == std::string::npos);
  // Each field's page lists that field's entries of the province, with a way back.
  std::size_t rows = 0;
  const std::regex link("<li><a href=\"(linh-vuc/[a-z0-9-]+/)\">");
  for (auto it = std::sregex_iterator(main.begin(), main.end(), link); it != std::sregex_iterator(); ++it) {
    const std::string path = "nhung/tinh-mau/" + (*it)[1].str() + "index.html";
    INFO(path);
    REQUIRE(files.count(path) == 1);
    const std::string& page = files.at(path);
    CHECK(page.find("<a href=\"../../\">← Tất cả lĩnh vực</a>") != std::string::npos);
    for (std::size_t at = page.find("<li data-code="); at != std::string::npos; at = page.find("<li data-code=", at + 1)) {
      ++rows;
    }
    // Its links lead to the site's pages (national, or the province's version) from its own depth.
    CHECK(std::regex_search(page, std::regex("href=\"\\.\\./\\.\\./\\.\\./\\.\\./(tinh-mau/)?thu-tuc/\\d\\.\\d{6}/\"")));
  }
  CHECK(rows == pc->catalog.size());
}
