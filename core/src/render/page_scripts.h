#pragma once
// Which of the client scripts (templates/assets/*.js) a page loads: the shared core.js on
// every page, and a tool's script only on the pages that have that tool. A phone's first
// visit of a procedure page then downloads the deadline, checklist and fee tools, never the
// declaration forms' or the drafts page's code.
#include <string>
#include <string_view>
#include <vector>

namespace motcua::render {

// Every client script the site ships, in the order a page loads those it needs (a script
// comes after the ones it uses: core.js first, draft-records.js before form.js and drafts.js).
const std::vector<std::string>& client_scripts();

// The scripts (logical asset names, e.g. "core.js", "fee.js") the page whose rendered body
// is `body_html` loads, in client_scripts() order. A tool is a template's element with
// data-tool="<name>"; text from the content never carries that attribute (the templates
// escape quotes and Markdown is rendered in safe mode). A pure function of its argument:
// pages may be rendered in parallel.
std::vector<std::string> page_scripts(std::string_view body_html);

// The calculators' WebAssembly module (logical asset name) the page whose rendered body is
// `body_html` loads when a tool first calculates: "motcua-forms.wasm" (the form engine) on the
// declaration forms and the drafts page, "motcua.wasm" (deadline, fee, checklist) elsewhere.
// Both share the loader motcua.js. A pure function of its argument, like page_scripts().
std::string page_wasm(std::string_view body_html);

}  // namespace motcua::render
