// Fuzz target: Markdown to HTML (motcua::render_markdown: cmark in safe mode), which
// renders the steps and conditions of every procedure page.
//
// Invariants: the HTML is valid UTF-8; every tag is one cmark writes for Markdown (raw
// HTML only ever appears as the "raw HTML omitted" comment); attributes are the ones
// cmark writes, quoted, and no link or image points at javascript:, vbscript:, file: or
// a data: URL other than an image.
//
// Debian's libcmark is not instrumented, so coverage guides the fuzzer only through the
// checks below (which tags and attributes came out); the invariants are the point.
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>

#include "fuzz_support.h"
#include "motcua/markdown.h"

using motcua::fuzz::excerpt;

namespace {

bool valid_utf8(const std::string& s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    std::size_t len = 0;
    std::uint32_t cp = 0;
    if (c < 0x80) {
      ++i;
      continue;
    }
    if (c >= 0xC2 && c <= 0xDF) { len = 2; cp = c & 0x1F; }
    else if (c >= 0xE0 && c <= 0xEF) { len = 3; cp = c & 0x0F; }
    else if (c >= 0xF0 && c <= 0xF4) { len = 4; cp = c & 0x07; }
    else return false;
    if (i + len > s.size()) return false;
    for (std::size_t k = 1; k < len; ++k) {
      const unsigned char cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) || (cp >= 0xD800 && cp <= 0xDFFF)) {
      return false;
    }
    i += len;
  }
  return true;
}

std::string lower(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

// cmark's own rule (_scan_dangerous_url): data: is allowed for these images only.
bool dangerous_url(const std::string& url) {
  const std::string u = lower(url);
  for (const char* scheme : {"javascript:", "vbscript:", "file:"}) {
    if (u.rfind(scheme, 0) == 0) return true;
  }
  if (u.rfind("data:", 0) == 0) {
    for (const char* ok : {"data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"}) {
      if (u.rfind(ok, 0) == 0) return false;
    }
    return true;
  }
  return false;
}

bool is_name_char(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

// Checks the tag starting at html[i] ('<') and returns the index after it.
std::size_t check_tag(const std::string& html, std::size_t i, const std::string& input) {
  static const std::string omitted = "<!-- raw HTML omitted -->";
  static const std::set<std::string> tags = {"p",  "h1", "h2", "h3",  "h4",         "h5", "h6", "a",  "img",
                                             "em", "strong", "code", "pre", "blockquote", "ul", "ol", "li", "hr", "br"};
  static const std::set<std::string> attributes = {"href", "title", "src", "alt", "class", "start"};
  const std::string why = "\nmarkdown: " + excerpt(input) + "\nhtml: " + excerpt(html.substr(i), 200);
  if (html.compare(i, 4, "<!--") == 0) {
    FUZZ_CHECK(html.compare(i, omitted.size(), omitted) == 0, "the only comment is cmark's \"raw HTML omitted\"" + why);
    return i + omitted.size();
  }
  std::size_t j = i + 1;
  if (j < html.size() && html[j] == '/') ++j;
  const std::size_t name_start = j;
  while (j < html.size() && is_name_char(html[j])) ++j;
  const std::string name = html.substr(name_start, j - name_start);
  FUZZ_CHECK(tags.count(name) == 1, "a tag cmark writes for Markdown, not <" + name + ">" + why);
  while (true) {
    FUZZ_CHECK(j < html.size(), "the tag is closed" + why);
    if (html[j] == ' ') {
      ++j;
      continue;
    }
    if (html[j] == '>') return j + 1;
    if (html.compare(j, 2, "/>") == 0) return j + 2;
    const std::size_t attr_start = j;
    while (j < html.size() && is_name_char(html[j])) ++j;
    const std::string attr = html.substr(attr_start, j - attr_start);
    FUZZ_CHECK(attributes.count(attr) == 1, "an attribute cmark writes, not " + attr + why);
    FUZZ_CHECK(html.compare(j, 2, "=\"") == 0, "an attribute value in double quotes" + why);
    j += 2;
    const std::size_t end = html.find('"', j);
    FUZZ_CHECK(end != std::string::npos, "the attribute value is closed" + why);
    const std::string value = html.substr(j, end - j);
    FUZZ_CHECK(value.find('<') == std::string::npos && value.find('>') == std::string::npos,
               "no < or > inside an attribute" + why);
    if (attr == "href" || attr == "src") FUZZ_CHECK(!dangerous_url(value), "no dangerous " + attr + why);
    j = end + 1;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string markdown(reinterpret_cast<const char*>(data), size);
  const std::string html = motcua::render_markdown(markdown);
  FUZZ_CHECK(valid_utf8(html), "the HTML is valid UTF-8\nmarkdown: " + excerpt(markdown));
  std::size_t i = 0;
  while ((i = html.find('<', i)) != std::string::npos) i = check_tag(html, i, markdown);
  return 0;
}
