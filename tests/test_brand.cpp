// A province or commune publishing its own copy: its name, logo, colours and contact from
// site.json "brand", checked when the content is loaded (colours must leave white text
// readable, WCAG 2.2 AA), and shown on every page.
#include <catch2/catch.hpp>

#include "fixtures.h"

using namespace motcua;

namespace {

const char* kSite = R"({
  "schema_version": 1,
  "title": "Thủ tục hành chính tỉnh Lai Châu",
  "description": "Bộ nội dung nhỏ dùng cho kiểm thử.",
  "content_as_of": "2026-01-15",
  "brand": {
    "name": "Ủy ban nhân dân tỉnh Lai Châu",
    "logo": "brand/logo.svg",
    "colors": {"primary": "#7a1f00", "primary_dark": "#4d1400"},
    "contact": {"phone": "0213 3876 543", "email": "vanphong@laichau.gov.vn", "address": "Tầng 2, Khu hành chính tỉnh"}
  }
})";

const char* kLogo = R"(<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="5"/></svg>)";

test::FileMap branded(const std::string& site = kSite) {
  test::FileMap files = test::to_map(test::read_folder("tests/sites/basic/content"));
  files["site.json"] = site;
  files["brand/logo.svg"] = kLogo;
  return files;
}

// The errors (not the warnings: a logo no longer named is a file outside the content model).
std::vector<std::string> errors_of(const test::FileMap& files, bool warnings_too = false) {
  Diagnostics diags;
  load_catalog(test::to_files(files), "content/", diags);
  std::vector<std::string> out;
  for (const Diagnostic& d : diags.items()) {
    if (warnings_too || d.severity == Severity::error) out.push_back(format_diagnostic(d));
  }
  return out;
}

std::string with(const std::string& from, const std::string& to) {
  std::string site = kSite;
  const std::size_t at = site.find(from);
  REQUIRE(at != std::string::npos);
  return site.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("a brand loads and every page shows it", "[brand]") {
  const test::BuiltSite site = test::build_site(test::to_files(branded()));
  REQUIRE_FALSE(site.diagnostics.has_errors());
  const Brand& brand = site.catalog.site.brand;
  CHECK(brand.name == "Ủy ban nhân dân tỉnh Lai Châu");
  CHECK(brand.logo_bytes == kLogo);
  // The logo is published as an asset named by its hash.
  std::string logo_path;
  for (const auto& [path, bytes] : site.files) {
    if (path.rfind("assets/logo.", 0) == 0) logo_path = path;
  }
  REQUIRE_FALSE(logo_path.empty());
  CHECK(logo_path.size() > 4);
  CHECK(logo_path.compare(logo_path.size() - 4, 4, ".svg") == 0);
  CHECK(site.files.at(logo_path) == kLogo);
  std::size_t pages = 0;
  for (const auto& [path, html] : site.files) {
    if (path.size() < 10 || path.compare(path.size() - 10, 10, "index.html") != 0) continue;
    // The embeddable catalog sits in another site's page: neutral, without the brand.
    if (path.rfind("nhung/", 0) == 0) continue;
    ++pages;
    INFO(path);
    CHECK(html.find("<meta name=\"theme-color\" content=\"#7a1f00\">") != std::string::npos);
    CHECK(html.find("<style>:root{--brand:#7a1f00;--brand-dark:#4d1400}</style>") != std::string::npos);
    CHECK(html.find(logo_path + "\" alt=\"\"") != std::string::npos);
    CHECK(html.find("Liên hệ Ủy ban nhân dân tỉnh Lai Châu: Tầng 2, Khu hành chính tỉnh. Điện thoại <a "
                    "href=\"tel:02133876543\">0213 3876 543</a>. Thư điện tử <a "
                    "href=\"mailto:vanphong@laichau.gov.vn\">vanphong@laichau.gov.vn</a>.") != std::string::npos);
  }
  CHECK(pages > 10);
  CHECK(site.files.at("manifest.webmanifest").find("\"theme_color\": \"#7a1f00\"") != std::string::npos);
}

TEST_CASE("no brand: the pages are as before", "[brand]") {
  const test::BuiltSite site = test::build_site(test::read_folder("tests/sites/basic/content"));
  REQUIRE_FALSE(site.diagnostics.has_errors());
  const std::string& home = site.files.at("index.html");
  CHECK(home.find("<meta name=\"theme-color\" content=\"#0b4f8a\">") != std::string::npos);
  CHECK(home.find("--brand:") == std::string::npos);
  CHECK(home.find("Liên hệ") == std::string::npos);
}

TEST_CASE("a brand's colours must leave white text readable, its files must exist", "[brand]") {
  CHECK(errors_of(branded(), true).empty());  // the logo is part of the content: no warning either
  // #0b4f8a (the default) passes; a light blue does not, and the message gives the ratio.
  const auto light = errors_of(branded(with("#7a1f00", "#4a90e2")));
  REQUIRE(light.size() == 1);
  CHECK(light[0] == "content/site.json:9:27: error: /brand/colors/primary: white text on #4a90e2 has a contrast of "
                    "3.29:1; WCAG 2.2 AA needs at least 4.5:1. Choose a darker colour");
  const auto word = errors_of(branded(with("\"#4d1400\"", "\"dark red\"")));
  REQUIRE(word.size() == 1);
  CHECK(word[0].find("/brand/colors/primary_dark: \"dark red\" is not a colour written #rrggbb") != std::string::npos);
  const auto missing = errors_of(branded(with("brand/logo.svg", "brand/logo-moi.svg")));
  REQUIRE(missing.size() == 1);
  CHECK(missing[0].find("/brand/logo: no file \"brand/logo-moi.svg\" in the content folder") != std::string::npos);
  const auto kind = errors_of(branded(with("brand/logo.svg", "site.json")));
  REQUIRE(kind.size() == 1);
  CHECK(kind[0].find("the logo must be an .svg or .png file") != std::string::npos);
  const auto phone = errors_of(branded(with("0213 3876 543", "0213 3876 543 hoặc 113")));
  REQUIRE(phone.size() == 1);
  CHECK(phone[0].find("/brand/contact/phone") != std::string::npos);
  const auto mail = errors_of(branded(with("vanphong@laichau.gov.vn", "vanphong laichau")));
  REQUIRE(mail.size() == 1);
  CHECK(mail[0].find("/brand/contact/email: \"vanphong laichau\" is not an e-mail address") != std::string::npos);
  const auto unknown = errors_of(branded(with("\"name\": \"Ủy", "\"ten\": \"Ủy")));
  REQUIRE(unknown.size() == 1);
  CHECK(unknown[0].find("/brand") != std::string::npos);
}
