#include "motcua/markdown.h"

#include <cstdlib>

#include <cmark.h>

namespace motcua {

std::string render_markdown(const std::string& markdown) {
  // CMARK_OPT_UNSAFE is never set: cmark >= 0.29 is safe by default. CMARK_OPT_SAFE
  // is passed as well so older cmark versions behave the same.
  char* html = cmark_markdown_to_html(markdown.data(), markdown.size(),
                                      CMARK_OPT_DEFAULT | CMARK_OPT_SAFE | CMARK_OPT_VALIDATE_UTF8);
  std::string out(html != nullptr ? html : "");
  std::free(html);
  return out;
}

std::string markdown_library_version() { return cmark_version_string(); }

}  // namespace motcua
