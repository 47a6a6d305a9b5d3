#include "page_scripts.h"

namespace motcua::render {

const std::vector<std::string>& client_scripts() {
  static const std::vector<std::string> all = {"core.js",          "deadline.js", "checklist.js", "fee.js",
                                               "draft-records.js", "form.js",     "drafts.js"};
  return all;
}

}  // namespace motcua::render
