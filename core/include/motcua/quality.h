#pragma once
// Data-quality warnings: facts that load without error but look wrong, such as a fee
// marked "Miễn phí" whose description names an amount, or a legal basis that cites a
// replaced law. `motcua check` prints them; they never stop a build. Pure: takes the
// loaded catalog, returns values (docs/content.md, "Data-quality warnings").
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "motcua/catalog.h"
#include "motcua/diagnostic.h"
#include "motcua/json_document.h"

namespace motcua {

// The thresholds, documented in docs/content.md.
constexpr std::int64_t kQualityMinAmount = 1000;  // đồng: a fee below this is unusual ("40 đồng")
constexpr int kQualityMaxHours = 24;              // working_hours above this are unusual (days meant?)
constexpr int kQualityMaxCopies = 10;             // originals or copies of one paper
// A channel's deadline is "far from the others" when, against every other channel with the
// same unit, the longer is at least kQualityDeadlineRatio times the shorter and they differ
// by at least kQualityDeadlineGap units (4 against 18 working days: yes; 5 against 7: no).
constexpr int kQualityDeadlineRatio = 3;
constexpr int kQualityDeadlineGap = 3;

struct QualityWarning {
  std::string file;     // as diagnostics show it: "content/procedures/1.001193/procedure.json"
  std::string pointer;  // JSON Pointer into that file (it may name a part the file lacks: "/legal_basis")
  std::string code;     // snake_case, one of quality_warning_codes()
  std::string message;  // what looks wrong and what to check
  int line = 0;         // filled by locate_quality_warnings; 0 when unknown
  int column = 0;
};

struct QualityWarningCode {
  const char* code;
  const char* summary;  // one line for the per-code count
};

// Every code, in the order the summary lists them.
const std::vector<QualityWarningCode>& quality_warning_codes();

// Runs every rule over the national procedures and the provinces' overrides. The catalog
// must have loaded without errors. Warnings come in file order, then in rule order.
std::vector<QualityWarning> check_quality(const Catalog& catalog);

// Fills line:column from the files' text (parsed again: the catalog keeps no positions).
// `files` have paths relative to the content folder, `display_prefix` as given to load_catalog.
void locate_quality_warnings(std::vector<QualityWarning>& warnings, const std::vector<SourceFile>& files,
                             const std::string& display_prefix);

// "file:line:col: warning: /pointer: message [code]"
std::string format_quality_warning(const QualityWarning& w);

}  // namespace motcua
