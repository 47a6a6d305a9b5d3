#pragma once
#include <string>

namespace motcua {

// CommonMark to HTML with cmark in its safe mode: raw HTML is replaced by a
// comment and javascript:/vbscript:/file:/data: links are dropped.
std::string render_markdown(const std::string& markdown);

}  // namespace motcua
