#pragma once
// The steps of `motcua build` that `motcua serve` shares (commands.cpp).
#include <string>
#include <unordered_map>
#include <vector>

#include "commands.h"
#include "motcua/catalog_loader.h"
#include "motcua/json_document.h"

namespace motcua::cli {

// What a site is built from, as fingerprints of the files (names, sizes, modification times).
struct BuildInputs {
  std::string fingerprint;  // of everything; empty when a folder could not be walked
  std::string shared;       // SiteOptions::shared_inputs (empty: no page may be reused)
  std::unordered_map<std::string, std::string> procedures;  // SiteOptions::procedure_inputs
};
// `base_url` as normalised for the pages.
BuildInputs walk_inputs(const BuildOptions& options, const std::string& base_url);

// The templates folder, with the WebAssembly modules of --wasm as assets. False with `error`
// when the templates cannot be read; a missing module is a line in `warnings`.
bool read_templates(const BuildOptions& options, std::vector<SourceFile>& templates, std::string& error,
                    std::vector<std::string>& warnings);

// The line `line` of `text` and under it a caret at `column` ("LINE\n   ^"), as messages
// show them; empty when it cannot be shown on one line as it is (too long, control characters).
std::string source_excerpt(const std::string& text, int line, int column);

// Today's date in Vietnam (UTC+7), YYYY-MM-DD.
std::string today_in_vietnam();

// The threads a build uses: --jobs, or one per core.
unsigned jobs_of(const BuildOptions& options);
// Runs body(0) … body(count - 1) on `jobs` threads (the loader's ParallelFor).
ParallelFor parallel_for(unsigned jobs);

}  // namespace motcua::cli
