#pragma once
// A link checker for a built site held in memory ({path -> bytes}, as render_site gives it):
// every internal href/src/action/srcset and data-* URL of every HTML page, the URLs inside the
// tools' data-config, the sitemap, robots.txt, the web manifest, the service worker's precache
// list and offline page, and url() in style sheets must name a file of the site. Links are
// resolved the way a browser does, under the base URL's path (a site published at
// https://x.gov.vn/mot-cua/ may link "/mot-cua/a/" but not "/a/"), and a link with a
// fragment must find that id in its target page. Pages a host or the service worker serve at
// any address (404.html, the offline page) are also resolved as if served three folders deep.
#include <cctype>
#include <map>
#include <optional>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace motcua::test {

struct BrokenLink {
  std::string file;    // the site file holding the link, e.g. "bieu-mau/index.html"
  std::string url;     // the link as written
  std::string reason;  // what is wrong, e.g. "no file bieu-mau/bieu-mau/x/index.html"
};

using Attributes = std::vector<std::pair<std::string, std::string>>;

class LinkChecker {
 public:
  // Every start tag of a page with its quoted attributes, (name, value as written), in order:
  // a plain scan, since std::regex recurses per character and a long value (a tool's
  // data-config) would exhaust the stack.
  static std::vector<Attributes> tags(const std::string& html) {
    std::vector<Attributes> out;
    const auto is_name = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_'; };
    bool in_tag = false;
    for (std::size_t i = 0; i < html.size(); ++i) {
      const char c = html[i];
      if (!in_tag) {
        if (c == '<' && i + 1 < html.size() && std::isalpha(static_cast<unsigned char>(html[i + 1]))) {
          in_tag = true;
          out.emplace_back();
        }
        continue;
      }
      if (c == '>') { in_tag = false; continue; }
      if (!std::isspace(static_cast<unsigned char>(c))) continue;
      std::size_t j = i + 1;
      while (j < html.size() && is_name(html[j])) ++j;
      if (j == i + 1) continue;
      std::string name = html.substr(i + 1, j - i - 1);
      std::size_t k = j;
      while (k < html.size() && std::isspace(static_cast<unsigned char>(html[k]))) ++k;
      if (k >= html.size() || html[k] != '=') { i = j - 1; continue; }
      ++k;
      while (k < html.size() && std::isspace(static_cast<unsigned char>(html[k]))) ++k;
      if (k >= html.size() || (html[k] != '"' && html[k] != '\'')) { i = k - 1; continue; }
      const std::size_t close = html.find(html[k], k + 1);
      if (close == std::string::npos) break;
      for (char& ch : name) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      out.back().emplace_back(std::move(name), html.substr(k + 1, close - k - 1));
      i = close;
    }
    return out;
  }

  // `base_url` is the address the site is published at, ending in '/'.
  LinkChecker(const std::map<std::string, std::string>& files, std::string base_url)
      : files_(files), base_url_(std::move(base_url)) {
    const std::size_t scheme = base_url_.find("://");
    const std::size_t path = scheme == std::string::npos ? std::string::npos : base_url_.find('/', scheme + 3);
    origin_ = path == std::string::npos ? base_url_ : base_url_.substr(0, path);
    base_path_ = path == std::string::npos ? "/" : base_url_.substr(path);
  }

  std::vector<BrokenLink> check() {
    broken_.clear();
    for (const auto& [path, bytes] : files_) {
      if (ends_with(path, ".html")) {
        check_html(path, bytes, dir_of(path));
        if (path == "404.html" || path == offline_page()) check_html(path, bytes, "x/y/z/");
      } else if (path == "sitemap.xml") {
        for (const std::string& loc : all_matches(bytes, std::regex("<loc>([^<]*)</loc>"))) check_url(path, "", unescape(loc));
      } else if (path == "robots.txt") {
        for (const std::string& url : all_matches(bytes, std::regex("Sitemap:\\s*(\\S+)"))) check_url(path, "", url);
      } else if (ends_with(path, ".webmanifest")) {
        check_manifest(path, bytes);
      } else if (path == "sw.js") {
        check_service_worker(path, bytes);
      } else if (ends_with(path, ".css")) {
        for (const std::string& url : all_matches(bytes, std::regex("url\\(\\s*['\"]?([^'\")]+)"))) {
          check_url(path, dir_of(path), url);
        }
      }
    }
    return broken_;
  }

 private:
  static bool ends_with(const std::string& s, const std::string& tail) {
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
  }
  static bool starts_with(const std::string& s, const std::string& head) { return s.compare(0, head.size(), head) == 0; }
  static std::string dir_of(const std::string& path) {
    const std::size_t slash = path.rfind('/');
    return slash == std::string::npos ? "" : path.substr(0, slash + 1);
  }
  static std::vector<std::string> all_matches(const std::string& text, const std::regex& re) {
    std::vector<std::string> out;
    for (std::sregex_iterator it(text.begin(), text.end(), re), end; it != end; ++it) out.push_back((*it)[1].str());
    return out;
  }
  static Attributes attributes(const std::string& html) {
    Attributes out;
    for (Attributes& tag : tags(html)) {
      for (auto& a : tag) out.push_back(std::move(a));
    }
    return out;
  }

 public:
  static std::string unescape(std::string s) {
    static const std::pair<const char*, const char*> entities[] = {
        {"&quot;", "\""}, {"&#39;", "'"}, {"&#x27;", "'"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&amp;", "&"}};
    for (const auto& [from, to] : entities) {
      for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + 1)) {
        s.replace(at, std::string(from).size(), to);
      }
    }
    return s;
  }

 private:
  static std::string percent_decode(const std::string& s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
      if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
          std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
        out += static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
        i += 2;
      } else {
        out += s[i];
      }
    }
    return out;
  }
  // "a/b/../c/./" -> "a/c/"; nullopt when ".." climbs above the site's root.
  static std::optional<std::string> normalize(const std::string& path) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    for (;;) {
      const std::size_t slash = path.find('/', start);
      const std::string part = path.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
      if (part == "..") {
        if (parts.empty()) return std::nullopt;
        parts.pop_back();
      } else if (part != "." && !part.empty()) {
        parts.push_back(part);
      }
      if (slash == std::string::npos) break;
      start = slash + 1;
    }
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? "/" : "") + parts[i];
    const bool folder = path.empty() || path.back() == '/' || ends_with(path, "/.") || ends_with(path, "/..") ||
                        path == "." || path == "..";
    if (folder && !out.empty()) out += "/";
    return out;
  }
  // "https:", "tel:", "mailto:"…: letters, digits, '+', '-', '.' before a colon, first a letter.
  static bool has_scheme(const std::string& url) {
    if (url.empty() || !std::isalpha(static_cast<unsigned char>(url[0]))) return false;
    for (const char c : url) {
      if (c == ':') return true;
      if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.') return false;
    }
    return false;
  }
  std::string offline_page() const { return "ngoai-tuyen/index.html"; }

  void report(const std::string& file, const std::string& url, const std::string& reason) {
    broken_.push_back({file, url, reason});
  }

  // Checks one URL written in `file`, resolved against the folder `dir` (relative to the site).
  void check_url(const std::string& file, const std::string& dir, const std::string& raw) {
    std::string url = raw;
    while (!url.empty() && std::isspace(static_cast<unsigned char>(url.front()))) url.erase(0, 1);
    while (!url.empty() && std::isspace(static_cast<unsigned char>(url.back()))) url.pop_back();
    if (url.empty()) return report(file, raw, "empty link");
    std::string fragment;
    bool has_fragment = false;
    if (const std::size_t hash = url.find('#'); hash != std::string::npos) {
      fragment = percent_decode(url.substr(hash + 1));
      has_fragment = true;
      url.erase(hash);
    }
    if (const std::size_t query = url.find('?'); query != std::string::npos) url.erase(query);
    std::string site_path;  // relative to the site's root
    if (has_scheme(url) || starts_with(url, "//")) {
      const std::string absolute = starts_with(url, "//") ? "https:" + url : url;
      if (!starts_with(absolute, "http://") && !starts_with(absolute, "https://")) return;  // tel:, mailto:, geo:…
      if (!starts_with(absolute, origin_ + "/") && absolute != origin_) return;              // another site
      const std::string path = absolute.size() > origin_.size() ? absolute.substr(origin_.size()) : "/";
      if (!starts_with(path, base_path_)) return report(file, raw, "outside the site's base path " + base_path_);
      site_path = path.substr(base_path_.size());
    } else if (starts_with(url, "/")) {
      if (!starts_with(url, base_path_)) {
        return report(file, raw, "root-absolute link outside the site's base path " + base_path_);
      }
      site_path = url.substr(base_path_.size());
    } else if (url.empty()) {
      site_path = file == offline_page() || file == "404.html" ? "" : file;  // "#id": this page
      if (!has_fragment) return;
      if (site_path.empty()) return check_fragment(file, raw, file, fragment);
    } else {
      site_path = dir + url;
    }
    const std::optional<std::string> normal = normalize(percent_decode(site_path));
    if (!normal) return report(file, raw, "climbs above the site's root");
    std::string target = *normal;
    if (target.empty() || target.back() == '/') target += "index.html";
    if (!files_.count(target)) {
      const std::string hint = files_.count(target + "/index.html") ? " (a folder: end the link with '/')" : "";
      return report(file, raw, "no file " + target + hint);
    }
    if (has_fragment && !fragment.empty()) check_fragment(file, raw, target, fragment);
  }

  void check_fragment(const std::string& file, const std::string& raw, const std::string& target,
                      const std::string& fragment) {
    if (!ends_with(target, ".html")) return;
    auto it = ids_.find(target);
    if (it == ids_.end()) {
      std::set<std::string> ids;
      for (const auto& [name, value] : attributes(files_.at(target))) {
        if (name == "id" || name == "name") ids.insert(unescape(value));
      }
      it = ids_.emplace(target, std::move(ids)).first;
    }
    if (!it->second.count(fragment)) report(file, raw, "no id \"" + fragment + "\" in " + target);
  }

  void check_html(const std::string& file, const std::string& html, const std::string& dir) {
    // href, src, action, poster, srcset, and data-* attributes that hold URLs.
    for (const auto& [name, raw] : attributes(html)) {
      if (name != "href" && name != "src" && name != "action" && name != "poster" && name != "srcset" &&
          !starts_with(name, "data-")) {
        continue;
      }
      const std::string value = unescape(raw);
      if (name == "srcset") {
        static const std::regex candidate("\\s*([^\\s,]+)[^,]*,?");
        for (const std::string& url : all_matches(value, candidate)) check_url(file, dir, url);
      } else if (name == "data-config") {
        check_config(file, dir, nlohmann::json::parse(value, nullptr, false));
      } else if (starts_with(name, "data-")) {
        if (looks_like_path(value)) check_url(file, dir, value);
      } else {
        check_url(file, dir, value);
      }
    }
  }

  // A data-* value is a URL when it is written like one: "../", "./", a root-absolute path,
  // or a file name with one of the site's extensions.
  static bool looks_like_path(const std::string& v) {
    static const std::regex path("^(\\.{1,2}/|/)[^\\s]*$|^[a-z0-9._/-]+\\.(json|js|wasm|txt|css|html|png|svg)$");
    return std::regex_match(v, path);
  }

  void check_config(const std::string& file, const std::string& dir, const nlohmann::json& j) {
    if (j.is_string()) {
      if (looks_like_path(j.get<std::string>())) check_url(file, dir, j.get<std::string>());
    } else if (j.is_structured()) {
      for (const auto& item : j) check_config(file, dir, item);
    }
  }

  void check_manifest(const std::string& file, const std::string& bytes) {
    const nlohmann::json m = nlohmann::json::parse(bytes, nullptr, false);
    if (!m.is_object()) return report(file, "", "not a JSON object");
    for (const char* key : {"start_url", "scope"}) {
      if (m.contains(key) && m[key].is_string()) check_url(file, dir_of(file), m[key].get<std::string>());
    }
    if (m.contains("icons") && m["icons"].is_array()) {
      for (const auto& icon : m["icons"]) {
        if (icon.contains("src") && icon["src"].is_string()) check_url(file, dir_of(file), icon["src"].get<std::string>());
      }
    }
  }

  // The service worker's precache list and offline page, relative to its scope (the root).
  void check_service_worker(const std::string& file, const std::string& js) {
    std::smatch m;
    static const std::regex precache("var PRECACHE = (\\[[^\\]]*\\]);");
    if (std::regex_search(js, m, precache)) {
      const nlohmann::json list = nlohmann::json::parse(m[1].str(), nullptr, false);
      for (const auto& url : list) {
        if (url.is_string()) check_url(file, "", url.get<std::string>());
      }
    } else {
      report(file, "PRECACHE", "no precache list found");
    }
    static const std::regex offline("var OFFLINE = '([^']*)';");
    if (std::regex_search(js, m, offline)) check_url(file, "", m[1].str());
  }

  const std::map<std::string, std::string>& files_;
  std::string base_url_, origin_, base_path_;
  std::map<std::string, std::set<std::string>> ids_;
  std::vector<BrokenLink> broken_;
};

}  // namespace motcua::test
