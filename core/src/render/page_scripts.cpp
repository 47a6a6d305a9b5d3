#include "page_scripts.h"

#include <algorithm>

namespace motcua::render {

namespace {

// A tool, as its box names it in the templates, and the scripts it runs on (after core.js).
struct ToolScripts {
  const char* attribute;
  std::vector<std::string> scripts;
};

const std::vector<ToolScripts>& tools() {
  static const std::vector<ToolScripts> t = {
      {"data-tool=\"deadline\"", {"deadline.js"}},    // procedure pages (and the due date at a glance)
      {"data-tool=\"checklist\"", {"checklist.js"}},  // procedure pages
      {"data-tool=\"fee\"", {"fee.js"}},              // procedure pages with fee rules
      {"data-tool=\"form\"", {"draft-records.js", "form.js"}},      // declaration forms (bieu-mau/…)
      {"data-tool=\"drafts\"", {"draft-records.js", "drafts.js"}},  // the drafts page (ho-so-nhap/)
  };
  return t;
}

}  // namespace

const std::vector<std::string>& client_scripts() {
  static const std::vector<std::string> all = {"core.js",          "deadline.js", "checklist.js", "fee.js",
                                               "draft-records.js", "form.js",     "drafts.js"};
  return all;
}

std::vector<std::string> page_scripts(std::string_view body_html) {
  std::vector<bool> needed(client_scripts().size(), false);
  needed[0] = true;  // core.js: the service worker, the store, the engine loader
  for (const ToolScripts& t : tools()) {
    if (body_html.find(t.attribute) == std::string_view::npos) continue;
    for (const std::string& s : t.scripts) {
      const auto at = std::find(client_scripts().begin(), client_scripts().end(), s);
      needed[static_cast<std::size_t>(at - client_scripts().begin())] = true;
    }
  }
  std::vector<std::string> out;
  for (std::size_t i = 0; i < needed.size(); ++i) {
    if (needed[i]) out.push_back(client_scripts()[i]);
  }
  return out;
}

std::string page_wasm(std::string_view body_html) {
  for (const char* form_tool : {"data-tool=\"form\"", "data-tool=\"drafts\""}) {
    if (body_html.find(form_tool) != std::string_view::npos) return "motcua-forms.wasm";
  }
  return "motcua.wasm";
}

}  // namespace motcua::render
