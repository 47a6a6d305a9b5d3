#pragma once
// The client scripts (templates/assets/*.js) the pages load: the shared core.js and one
// script per tool.
#include <string>
#include <vector>

namespace motcua::render {

// Every client script the site ships, in the order a page loads them (a script comes after
// the ones it uses: core.js first, draft-records.js before form.js and drafts.js).
const std::vector<std::string>& client_scripts();

}  // namespace motcua::render
