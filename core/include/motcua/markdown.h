#pragma once
#include <string>

namespace motcua {

// CommonMark to HTML with cmark in its safe mode: raw HTML is replaced by a
// comment and javascript:/vbscript:/file:/data: links are dropped.
std::string render_markdown(const std::string& markdown);

// The version of the Markdown library that render_markdown uses ("0.30.2"): a rebuild takes
// pages from the previous build only when it is the same.
std::string markdown_library_version();

}  // namespace motcua
