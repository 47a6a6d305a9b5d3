// XSS vectors placed in every kind of content field must never reach the output
// unescaped. The basic fixture is rewritten so that every free-text string
// carries the payload, then the whole site is built and every page scanned.
#include <catch2/catch.hpp>
#include <cctype>
#include <set>

#include "fixtures.h"

using namespace motcua;
using nlohmann::json;

namespace {

const std::string kPayload = "<script>alert(1)</script>\"'><img src=x onerror=alert(2)>&amp;";

// Keys whose values are identifiers, enums, dates or numbers checked by the loader.
const std::set<std::string> kStructural = {
    "$schema", "slug", "code", "kind", "unit", "field", "levels", "life_events", "related", "procedure",
    "centers", "days", "sessions", "online_level", "content_as_of", "effective_date", "issued", "url",
    "local_code", "also_receives", "does_not_receive", "retrieved", "website", "calendar", "rule", "time",
    "date", "status", "year", "id", "question", "equals", "in", "channel", "channels", "value", "input", "rules",
    "category", "categories", "valid_from", "valid_to", "type", "gender", "procedures", "birth_date", "checked",
    "place"};

void inject(json& v, const std::string& key, const std::string& parent_key) {
  if (v.is_object()) {
    for (auto it = v.begin(); it != v.end(); ++it) inject(it.value(), it.key(), key.empty() ? parent_key : key);
  } else if (v.is_array()) {
    for (json& item : v) inject(item, key, parent_key);
  } else if (v.is_string() && !kStructural.count(key) && !(key == "number" && parent_key == "hotlines") &&
             !(key == "name" && parent_key == "inputs")) {
    v = v.get<std::string>() + kPayload;
  }
}

// Scans the markup for tags and their attribute names (quoted values skipped),
// returning every tag or attribute that is not ours.
std::vector<std::string> foreign_markup(const std::string& html) {
  static const std::set<std::string> tags = {
      "!doctype", "html", "head", "meta", "title", "link", "body", "a", "header", "div", "span", "nav", "ul", "ol",
      "li", "main", "footer", "p", "h1", "h2", "h3", "section", "form", "label", "input", "button", "details",
      "summary", "article", "strong", "em", "br", "dl", "dt", "dd", "table", "caption", "thead", "tbody", "tr",
      "th", "td", "code", "time", "!--", "fieldset", "legend", "output", "textarea", "select", "option", "noscript",
      "pre", "h4"};
  static const std::set<std::string> attributes = {
      "lang", "aria-hidden", "data-item", "data-due", "charset", "name", "content", "property", "rel", "href", "class", "role", "aria-label", "id",
      "tabindex", "aria-labelledby", "aria-current", "action", "method", "for", "type", "autocomplete",
      "spellcheck", "scope", "datetime", "hidden", "data-root", "data-content-as-of", "data-wasm-js", "data-wasm",
      "data-tool", "data-config", "sizes", "novalidate", "data-field", "maxlength", "aria-describedby", "inputmode",
      "size", "value", "checked", "data-derived", "rows", "data-action", "data-print", "data-search-head",
      "data-search-wasm", "data-here", "placeholder", "data-province-slugs", "data-offline-status",
      // The embeddable catalog (nhung/): links and the search's form open the site in a new tab.
      "data-province", "data-code", "target", "aria-live", "open"};
  std::vector<std::string> out;
  std::size_t i = 0;
  while ((i = html.find('<', i)) != std::string::npos) {
    std::size_t j = i + 1;
    if (j < html.size() && html[j] == '/') ++j;
    std::string tag;
    while (j < html.size() && (std::isalnum(static_cast<unsigned char>(html[j])) || html[j] == '!' || html[j] == '-')) {
      tag += static_cast<char>(std::tolower(static_cast<unsigned char>(html[j])));
      ++j;
    }
    if (tag.rfind("!--", 0) == 0) {
      i = html.find("-->", j);  // cmark's "raw HTML omitted" comments
      continue;
    }
    // Our one script element: <script src="….js" defer></script>. The payload's
    // <script> has no such attributes and is still reported.
    static const std::string ours_end = "\" defer></script>";
    if (tag == "script" && html.compare(j, 6, " src=\"") == 0) {
      const std::size_t end = html.find(ours_end, j);
      const std::string src = end == std::string::npos ? "" : html.substr(j + 6, end - j - 6);
      if (!src.empty() && src.find_first_of("<>\"' ") == std::string::npos && src.size() > 3 &&
          src.compare(src.size() - 3, 3, ".js") == 0) {
        i = end + ours_end.size();
        continue;
      }
    }
    if (!tags.count(tag)) out.push_back("<" + tag);
    if (tag == "!doctype") {
      i = html.find('>', j);
      continue;
    }
    // Attributes up to the closing '>'.
    while (j < html.size() && html[j] != '>') {
      if (html[j] == '"' || html[j] == '\'') {
        j = html.find(html[j], j + 1) + 1;
        continue;
      }
      if (std::isalpha(static_cast<unsigned char>(html[j]))) {
        std::string attr;
        while (j < html.size() && (std::isalnum(static_cast<unsigned char>(html[j])) || html[j] == '-')) attr += html[j++];
        if (!attributes.count(attr)) out.push_back(tag + " " + attr);
        continue;
      }
      ++j;
    }
    i = j;
  }
  return out;
}

bool is_html(const std::string& path) { return path.size() > 5 && path.compare(path.size() - 5, 5, ".html") == 0; }

}  // namespace

TEST_CASE("content never reaches the pages unescaped", "[security]") {
  test::FileMap content = test::to_map(test::read_folder("tests/sites/basic/content"));
  std::size_t injected_files = 0;
  for (auto& [path, text] : content) {
    if (path.size() > 5 && path.compare(path.size() - 5, 5, ".json") == 0) {
      json doc = json::parse(text);
      inject(doc, "", "");
      text = doc.dump(2);
      ++injected_files;
    }
  }
  // URL-valued fields get a payload that is still an allowed https URL (quotes and angle
  // brackets are refused by the loader, see test_limits.cpp; an apostrophe and & are not).
  json commune = json::parse(content.at("provinces/tinh-mau/communes/doan-ket.json"));
  commune["center"]["website"] = "https://example.gov.vn/?a=1&b='onmouseover=alert(3)";
  content["provinces/tinh-mau/communes/doan-ket.json"] = commune.dump(2);
  // Markdown: raw HTML and script links are dropped by cmark's safe mode.
  content["procedures/1.000001/steps.md"] =
      "1. <script>alert(4)</script>\n2. [bấm vào đây](javascript:alert(5))\n3. <img src=x onerror=alert(6)>\n"
      "4. [tải mẫu](data:text/html;base64,PHNjcmlwdD4=)\n";
  REQUIRE(injected_files >= 8);

  const test::BuiltSite site = test::build_site(test::to_files(content));
  REQUIRE(test::formatted(site.diagnostics) == std::vector<std::string>{});
  std::size_t pages = 0, pages_with_payload = 0;
  for (const auto& [path, bytes] : site.files) {
    if (!is_html(path)) continue;
    ++pages;
    INFO(path);
    CHECK(foreign_markup(bytes) == std::vector<std::string>{});
    CHECK(bytes.find("javascript:") == std::string::npos);
    CHECK(bytes.find("data:text/html") == std::string::npos);
    if (bytes.find("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&apos;&gt;&lt;img src=x onerror=alert(2)&gt;&amp;amp;") !=
        std::string::npos) {
      ++pages_with_payload;
    }
  }
  // The payload really was rendered (escaped) on every page, not dropped.
  CHECK(pages > 20);
  CHECK(pages_with_payload == pages);
  const std::string& commune_page = site.files.at("tinh-mau/doan-ket/index.html");
  CHECK(commune_page.find("href=\"https://example.gov.vn/?a=1&amp;b=&apos;onmouseover=alert(3)\"") != std::string::npos);
  // JSON files keep the text exactly, as data.
  const json api = json::parse(site.files.at("api/thu-tuc/1.000001.json"));
  CHECK(api["name"] == "Đăng ký khai sinh" + kPayload);
}
