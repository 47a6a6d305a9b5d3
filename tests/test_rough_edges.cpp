// Rough edges a citizen met on the shipped site (issue 12), each kept fixed by a test: the
// browser-side ones (fee and deadline tools, the checklist's wording, tap targets, the
// offline page) are in tests/browser/rough-edges.test.js; broken links in test_site_links.cpp.
#include <catch2/catch.hpp>
#include <set>

#include "fixtures.h"
#include "link_checker.h"
#include "motcua/vietnamese_text.h"

using namespace motcua;

namespace {

const test::BuiltSite& shipped() {
  static const test::BuiltSite site = test::build_site(test::read_folder("content"));
  return site;
}

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// What a page shows as text: everything outside tags, scripts and styles.
std::string visible_text(const std::string& html) {
  std::string out;
  std::size_t i = 0;
  while (i < html.size()) {
    if (html.compare(i, 7, "<script") == 0 || html.compare(i, 6, "<style") == 0) {
      const std::size_t end = html.find(html.compare(i, 7, "<script") == 0 ? "</script>" : "</style>", i);
      if (end == std::string::npos) break;
      i = end + 1;
    } else if (html[i] == '<') {
      const std::size_t end = html.find('>', i);
      if (end == std::string::npos) break;
      out += ' ';
      i = end + 1;
    } else {
      out += html[i++];
    }
  }
  return out;
}

// The words of a text, folded (lower case, no tone marks), split at anything not a letter or digit.
std::vector<std::string> words(const std::string& text) {
  std::vector<std::string> out;
  std::string word;
  for (const char c : fold_for_search(text) + " ") {
    if (std::isalnum(static_cast<unsigned char>(c)) || (static_cast<unsigned char>(c) & 0x80)) {
      word += c;
    } else if (!word.empty()) {
      out.push_back(word);
      word.clear();
    }
  }
  return out;
}

}  // namespace

TEST_CASE("rough edges: the forms list links to the forms", "[rough-edges][content]") {
  const test::BuiltSite& site = shipped();
  REQUIRE_FALSE(site.catalog.forms.empty());
  const std::string& list = site.files.at("bieu-mau/index.html");
  for (const Form& f : site.catalog.forms) {
    INFO(f.id);
    // bieu-mau/index.html links its forms from its own folder.
    CHECK(contains(list, "href=\"" + f.id + "/\""));
    CHECK(site.files.count("bieu-mau/" + f.id + "/index.html") == 1);
  }
  CHECK_FALSE(contains(list, "href=\"bieu-mau/"));
}

TEST_CASE("rough edges: no page shows a content file's path to citizens", "[rough-edges][content]") {
  const test::BuiltSite& site = shipped();
  std::vector<std::string> showing;
  for (const auto& [path, bytes] : site.files) {
    if (path.size() > 5 && path.compare(path.size() - 5, 5, ".html") == 0 && contains(visible_text(bytes), "content/")) {
      showing.push_back(path);
    }
  }
  CHECK(showing == std::vector<std::string>{});
  // The working-hours rule still names its legal source.
  CHECK(contains(site.files.at("lich-lam-viec/index.html"), "Căn cứ: áp dụng tương tự Thông tư 87/2021/TT-BTC, Điều 10"));
}

TEST_CASE("rough edges: the provinces a province was merged from read as a sentence", "[rough-edges][site]") {
  const std::string& shipped_page = shipped().files.at("hai-phong/index.html");
  CHECK(contains(shipped_page, "Hợp nhất từ: Hải Dương.</p>"));
  CHECK_FALSE(contains(shipped_page, "; </p>"));

  test::FileMap content = test::to_map(test::read_folder("tests/sites/basic/content"));
  std::string& provinces = content.at("provinces.json");
  const std::string one = "\"merged_from\": [\"Tỉnh Cũ\"]";
  REQUIRE(contains(provinces, one));
  for (const auto& [list, sentence] : std::vector<std::pair<std::string, std::string>>{
           {"[\"Tỉnh Cũ\", \"Tỉnh Xưa\"]", "Hợp nhất từ: Tỉnh Cũ và Tỉnh Xưa.</p>"},
           {"[\"Tỉnh Cũ\", \"Tỉnh Xưa\", \"Tỉnh Gốc\"]", "Hợp nhất từ: Tỉnh Cũ, Tỉnh Xưa và Tỉnh Gốc.</p>"}}) {
    test::FileMap changed = content;
    std::string& p = changed.at("provinces.json");
    p.replace(p.find(one), one.size(), "\"merged_from\": " + list);
    const test::BuiltSite site = test::build_site(test::to_files(changed));
    REQUIRE(test::formatted(site.diagnostics) == std::vector<std::string>{});
    CHECK(contains(site.files.at("tinh-mau/index.html"), sentence));
  }
}

TEST_CASE("rough edges: every ARIA and label reference names another element of the page", "[rough-edges][content]") {
  // A region labelled by itself is named by all its text (the home page's "Tìm Trung tâm…"
  // section was); a reference to a missing id names nothing.
  std::vector<std::string> problems;
  for (const auto& [path, bytes] : shipped().files) {
    if (path.size() < 5 || path.compare(path.size() - 5, 5, ".html") != 0) continue;
    const std::vector<test::Attributes> tags = test::LinkChecker::tags(bytes);
    std::set<std::string> ids;
    for (const test::Attributes& tag : tags) {
      for (const auto& [name, value] : tag) {
        if (name == "id") ids.insert(test::LinkChecker::unescape(value));
      }
    }
    for (const test::Attributes& tag : tags) {
      std::string own;
      for (const auto& [name, value] : tag) {
        if (name == "id") own = test::LinkChecker::unescape(value);
      }
      for (const auto& [name, value] : tag) {
        if (name != "aria-labelledby" && name != "aria-describedby" && name != "aria-controls" && name != "for") continue;
        std::istringstream refs(test::LinkChecker::unescape(value));
        for (std::string ref; refs >> ref;) {
          if (ref == own) problems.push_back(path + ": " + name + "=\"" + ref + "\" names the element itself");
          else if (!ids.count(ref)) problems.push_back(path + ": " + name + "=\"" + ref + "\" names no element");
        }
      }
    }
    if (problems.size() > 40) break;
  }
  CHECK(problems == std::vector<std::string>{});
  CHECK(contains(shipped().files.at("index.html"),
                 "<section aria-labelledby=\"h-tim-xa-phuong\" id=\"tim-xa-phuong\">\n  <h2 id=\"h-tim-xa-phuong\">"));
}

TEST_CASE("rough edges: a life event promises only procedures it lists", "[rough-edges][content]") {
  // Each item of a card's description ("Khai tử, đăng ký lại khai tử, …"; examples in
  // parentheses aside) is in the name of a procedure the event's page lists.
  const Catalog& c = shipped().catalog;
  REQUIRE_FALSE(c.life_events.empty());
  for (const LifeEvent& e : c.life_events) {
    std::vector<std::vector<std::string>> names;
    for (const Procedure& p : c.procedures) {
      if (std::find(p.life_events.begin(), p.life_events.end(), e.slug) != p.life_events.end()) names.push_back(words(p.name));
    }
    std::string description;
    int depth = 0;
    for (const char ch : e.description) {
      depth += ch == '(' ? 1 : ch == ')' ? -1 : 0;
      if (depth == 0 && ch != ')') description += ch;
    }
    std::vector<std::string> items;
    std::string item;
    for (const std::string& w : [&] {
           std::vector<std::string> tokens;  // words, with "," as a token of its own
           std::string t;
           for (const char ch : description + " ") {
             if (ch == ',' || ch == ' ' || ch == '.') {
               if (!t.empty()) tokens.push_back(t);
               t.clear();
               if (ch == ',') tokens.push_back(",");
             } else {
               t += ch;
             }
           }
           return tokens;
         }()) {
      if (w == "," || w == "và") {
        if (!item.empty()) items.push_back(item);
        item.clear();
      } else {
        item += (item.empty() ? "" : " ") + w;
      }
    }
    if (!item.empty()) items.push_back(item);
    for (const std::string& promise : items) {
      INFO(e.slug << ": \"" << promise << "\"");
      const std::vector<std::string> wanted = words(promise);
      const bool listed = std::any_of(names.begin(), names.end(), [&](const std::vector<std::string>& name) {
        return std::all_of(wanted.begin(), wanted.end(),
                           [&](const std::string& w) { return std::find(name.begin(), name.end(), w) != name.end(); });
      });
      CHECK(listed);
    }
  }
}
