#pragma once
// `motcua import portal RECORDS_DIR`: the National Public Service Portal's records into the
// content, one procedure each (docs/import.md).
#include <string>

namespace motcua::cli {

struct ImportPortalOptions {
  std::string records_dir;  // <ministry>/<code>.json
  std::string content_dir = "content";
  std::string date;         // YYYY-MM-DD recorded as the import date; empty: today in Vietnam (UTC+7)
  std::string report;       // optional: write the whole report (every flag, change and drift) as JSON here
  std::string rates;        // optional: write the parse-rate table as Markdown here (docs/import-rates.md)
  bool dry_run = false;     // report only, write nothing
};

// 0 written (or nothing to change), 1 records or resulting content with errors (nothing
// written), 2 a problem with the command line or the filesystem (nothing written).
int import_portal(const ImportPortalOptions& options);

}  // namespace motcua::cli
