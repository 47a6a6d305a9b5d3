#pragma once
// `motcua import csv FILE --province SLUG`: a province's published list into its catalog.
#include <string>

namespace motcua::cli {

struct ImportCsvOptions {
  std::string file;      // the CSV list
  std::string province;  // slug of content/provinces/<slug>/
  std::string content_dir = "content";
  bool sample = false;   // mark every fact written as sample data (not checked against the signed decision)
};

// 0 written (or already up to date), 1 errors in the list or the content (nothing written),
// 2 a problem with the command line or the filesystem (nothing written).
int import_csv(const ImportCsvOptions& options);

}  // namespace motcua::cli
