#pragma once
// What changed between two versions of the content, in words an official can put in a
// draft decision: procedures added, abolished and amended (each amendment field by field:
// "Lệ phí nộp trực tiếp: 10.000 đồng → 15.000 đồng", "Thêm giấy tờ: …"), and for each
// province its catalog entries, local overrides, center and communes. Pure: both catalogs
// come in loaded; the reports are strings.
#include <string>
#include <vector>

#include "motcua/catalog.h"

namespace motcua {

// One change of one part, in words.
struct FieldChange {
  std::string field;   // a stable name of the part: "name", "channels/direct/fee", "dossier", "centers"
  std::string label;   // the part in Vietnamese: "Lệ phí nộp trực tiếp"
  std::string before;  // the old value in words; empty when the part is new
  std::string after;   // the new value in words; empty when the part is gone
  std::string text;    // the whole change as one sentence: "Lệ phí nộp trực tiếp: 10.000 đồng → 15.000 đồng"
};

enum class ChangeKind { added, removed, amended };
const char* change_kind_slug(ChangeKind k);  // "added", "removed", "amended"

// A procedure of the national catalog, or an entry of a province's catalog (removed means
// abolished for the former, taken off the province's list for the latter).
struct ItemChange {
  std::string code;
  std::string name;  // the new name (the old one when removed)
  ChangeKind kind = ChangeKind::amended;
  std::vector<FieldChange> changes;  // amended: at least one; added procedure: its facts ("Thời hạn: …")
};

struct ProvinceChange {
  std::string slug;
  std::string name;                   // "Lai Châu"
  ChangeKind kind = ChangeKind::amended;  // added, removed: the whole province catalog
  std::vector<FieldChange> center;    // the province's center (address, hotlines, hours…)
  std::vector<ItemChange> communes;   // communes added, removed, or their center changed
  std::vector<ItemChange> entries;    // catalog entries added, removed or amended
  bool empty() const { return kind == ChangeKind::amended && center.empty() && communes.empty() && entries.empty(); }
};

struct CatalogDiff {
  std::vector<ItemChange> procedures;  // by code
  std::vector<ProvinceChange> provinces;  // by slug
  std::vector<FieldChange> other;     // fields, life events, national hotlines, the site's title
  bool empty() const { return procedures.empty() && provinces.empty() && other.empty(); }
  std::size_t count(ChangeKind k) const;
};

CatalogDiff diff_catalogs(const Catalog& before, const Catalog& after);

// What changes on one day of the dated content (Catalog::change_dates): the catalog in force
// the day before against the one in force that day.
struct DatedChange {
  std::string date;  // YYYY-MM-DD, the first day of the new state
  CatalogDiff diff;
};
// Every day of change, in order (empty when nothing is dated). `catalog` may show any day.
// Only what carries dates is compared, so the cost follows the dated content, not the catalog.
std::vector<DatedChange> dated_changes(const Catalog& catalog);

// What changes on `date` for a procedure as `province` publishes it: the versions in force
// the day before and that day, each with the province's entry of its day applied, so a
// national change the province overrides is not announced there. Empty when nothing changes
// (or when the procedure or the entry is not in force on one of the two days).
std::vector<FieldChange> localized_changes(const Catalog& catalog, const ProvinceCatalog& province,
                                           const std::string& code, const std::string& date);

// The reports. `from` and `to` name the two versions ("content-cu/", "HEAD~1").
std::string diff_report_text(const CatalogDiff& diff, const std::string& from, const std::string& to);
std::string diff_report_json(const CatalogDiff& diff, const std::string& from, const std::string& to);
// A page of its own (inline style, printable on A4) to attach to the draft decision.
// `generated` is the date it was made (YYYY-MM-DD), shown on the page.
std::string diff_report_html(const CatalogDiff& diff, const std::string& from, const std::string& to,
                             const std::string& generated);

}  // namespace motcua
