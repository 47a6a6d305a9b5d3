// No broken internal link anywhere in the site we ship: every page, the sitemap, robots.txt,
// the web manifest, the service worker and its offline page (tests/link_checker.h).
#include <catch2/catch.hpp>

#include "fixtures.h"
#include "link_checker.h"

using namespace motcua;

namespace {

std::vector<std::string> described(const std::vector<test::BrokenLink>& broken) {
  std::vector<std::string> out;
  for (const test::BrokenLink& b : broken) out.push_back(b.file + ": " + b.url + " (" + b.reason + ")");
  return out;
}

}  // namespace

TEST_CASE("the link checker finds what a visitor would find broken", "[links]") {
  const std::string base = "https://tthc.example.gov.vn/mot-cua/";
  std::map<std::string, std::string> files = {
      {"index.html", R"(<a href="thu-tuc/">A–Z</a> <a href='bieu-mau/'>x</a> <a href="tel:1800">call</a>
                        <a href="https://other.example/x/">away</a> <a href="#main">skip</a> <main id="main"></main>)"},
      {"thu-tuc/index.html", R"(<link href="../assets/style.css"><a href="../">home</a><a href="/mot-cua/thu-tuc/#top">t</a>
                               <h1 id="top">A–Z</h1><div data-config="{&quot;data&quot;:&quot;../api/x.json&quot;}"></div>)"},
      {"bieu-mau/index.html", R"(<a href="bieu-mau/to-khai/">form</a>)"},
      {"bieu-mau/to-khai/index.html", R"(<a href="/thu-tuc/">wrong root</a><a href="../../thu-tuc#missing">x</a>)"},
      {"ngoai-tuyen/index.html", R"(<a href="../ho-so-nhap/">drafts</a><a href="/mot-cua/">home</a>)"},
      {"ho-so-nhap/index.html", R"(<a href="#nowhere">x</a>)"},
      {"assets/style.css", "body{background:url(icon.svg)}"},
      {"sitemap.xml", "<urlset><url><loc>" + base + "thu-tuc/</loc></url><url><loc>" + base + "cu/</loc></url></urlset>"},
      {"robots.txt", "Sitemap: " + base + "sitemap.xml\n"},
      {"manifest.webmanifest", R"({"start_url": "./", "icons": [{"src": "assets/icon-192.png"}]})"},
      {"sw.js", "var PRECACHE = [\"assets/style.css\",\"ho-so-nhap/\",\"api/lich.json\"];\nvar OFFLINE = 'ngoai-tuyen/';\n"},
  };
  const std::vector<std::string> found = described(test::LinkChecker(files, base).check());
  CHECK(found == std::vector<std::string>{
                     "assets/style.css: icon.svg (no file assets/icon.svg)",
                     "bieu-mau/index.html: bieu-mau/to-khai/ (no file bieu-mau/bieu-mau/to-khai/index.html)",
                     "bieu-mau/to-khai/index.html: /thu-tuc/ (root-absolute link outside the site's base path /mot-cua/)",
                     "bieu-mau/to-khai/index.html: ../../thu-tuc#missing (no file thu-tuc (a folder: end the link with '/'))",
                     "ho-so-nhap/index.html: #nowhere (no id \"nowhere\" in ho-so-nhap/index.html)",
                     "manifest.webmanifest: assets/icon-192.png (no file assets/icon-192.png)",
                     // The offline page is served at the address of any page never visited.
                     "ngoai-tuyen/index.html: ../ho-so-nhap/ (no file x/y/ho-so-nhap/index.html)",
                     "sitemap.xml: https://tthc.example.gov.vn/mot-cua/cu/ (no file cu/index.html)",
                     "sw.js: api/lich.json (no file api/lich.json)",
                     "thu-tuc/index.html: ../api/x.json (no file api/x.json)",
                 });
}

TEST_CASE("the shipped site has no broken internal link", "[links][content]") {
  // The site as ./build.sh ships it: the shipped content, the templates and the WebAssembly
  // modules (their bytes do not matter here, only that pages, precache and files agree).
  std::vector<SourceFile> templates = test::read_folder("templates");
  for (const char* name : {"assets/motcua.js", "assets/motcua.wasm", "assets/motcua-forms.wasm",
                           "assets/motcua-search.wasm"}) {
    templates.push_back({name, std::string("stand-in for ") + name});
  }
  const std::string base = "https://tthc.example.gov.vn/mot-cua/";
  Diagnostics diags;
  const Catalog catalog = load_catalog(test::read_folder("content"), "content/", diags);
  REQUIRE_FALSE(diags.has_errors());
  SiteOptions options;
  options.base_url = base;
  std::map<std::string, std::string> files;
  for (OutputFile& f : render_site(catalog, templates, options, diags)) files[f.path] = std::move(f.bytes);
  REQUIRE_FALSE(diags.has_errors());
  REQUIRE(files.size() > 1000);

  const std::vector<std::string> broken = described(test::LinkChecker(files, base).check());
  // Each broken link as "<file>: <link> (<what is wrong>)", the first 40 of them.
  const std::vector<std::string> shown(broken.begin(), broken.begin() + std::min<std::size_t>(broken.size(), 40));
  INFO(broken.size() << " broken links");
  CHECK(shown == std::vector<std::string>{});
}
