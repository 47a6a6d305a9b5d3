#pragma once
// Converting National Public Service Portal records (dichvucong.gov.vn, see
// docs/import.md) into the content model. Pure functions: text in, JSON out, no I/O.
// Native only (the wasm client never imports).
#include <nlohmann/json.hpp>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace motcua::portal {

// A part of the record that could not be structured. It stays in the content verbatim
// ("unreviewed" in procedure.json) and shows on the page marked "Chưa rà soát".
struct Flag {
  std::string pointer;  // JSON Pointer; relative to the part while parsing, to the file once assembled
  std::string reason;   // a code from docs/import.md ("deadline_no_unit"); "*_missing": empty in the source
  std::string text;     // the source's own words for that part
};

// One section of a record, parsed: `value` in the content model's shape
// (docs/content.md), `flags` for what could not be parsed.
struct Parsed {
  nlohmann::json value;
  std::vector<Flag> flags;
  bool empty = false;  // the source gives nothing ("", "Không có thông tin")
};

// "Hình thức nộpThời gianPhí, lệ phíMô tảTrực tuyến7 Ngày làm việc10,000 Việt Nam Đồng…":
// value = array of channel objects {kind, online_level?, deadline, fee, description?}.
// Flag pointers start with "/<index>/deadline" or "/<index>/fee" (or "/<index>" for a row).
Parsed parse_channels(const std::string& cell);

// thanh_phan_ho_so: value = array of dossier items {name, originals, copies, form?, when?, kind}.
Parsed parse_dossier(const std::string& cell);

// can_cu_phap_ly: value = array of {title, number, issued?}.
Parsed parse_legal_basis(const std::string& cell);

// ket_qua_xu_ly: value = array of {name, code?}.
Parsed parse_results(const std::string& cell);

// cap_thuc_hien: value = array of level slugs ("bo", "tinh", "xa", "khac").
// "Cấp huyện" (abolished on 1/7/2025) is flagged, never mapped.
Parsed parse_levels(const std::string& cell);

// doi_tuong_thuc_hien and other comma lists: split at top-level commas (not inside brackets).
std::vector<std::string> split_list(const std::string& cell);

// The text with whitespace runs collapsed and trimmed; "" for "Không có thông tin".
std::string clean_text(const std::string& cell);

}  // namespace motcua::portal

namespace motcua::portal {

// How one part of one record ended: structured, kept verbatim with a flag, or empty in the source.
struct PartCount {
  int parsed = 0;
  int flagged = 0;
  int empty = 0;
};

// The parts the parse-rate table reports (docs/import-rates.md): per channel for deadline
// and fee, per record for the rest.
inline const char* const kReportedParts[] = {"deadline", "fee", "dossier", "legal_basis", "result", "agency"};

// One record converted. `procedure` is procedure.json as written (keys in a fixed order
// when dumped: nlohmann::ordered_json), `steps`/`conditions` the Markdown files ("" none).
struct ConvertedRecord {
  std::string code;
  std::string field_name;  // linh_vuc, to be found or added in fields.json
  nlohmann::ordered_json procedure;
  std::string steps;
  std::string conditions;
  std::map<std::string, PartCount> counts;  // one record's contribution to the table
  std::string error;                        // non-empty: the record cannot become content (why)
};

struct ConvertOptions {
  std::string record_path;  // "bo-tu-phap/1.000656.json", kept in "import"
  std::string date;         // YYYY-MM-DD of the import
  // Field slug for a linh_vuc name (found in fields.json or made for it).
  std::function<std::string(const std::string& name)> field_slug;
  // Is this national code in the catalog (for "related")?
  std::function<bool(const std::string& code)> known_code;
};

ConvertedRecord convert_record(const nlohmann::json& record, const ConvertOptions& options);

// Verbatim portal text as Markdown: every source line kept, nothing it says read as markup.
std::string text_to_markdown(const std::string& text);

// A slug for a Vietnamese name: "Hàng hải và đường thủy nội địa" -> "hang-hai-va-duong-thuy-noi-dia".
std::string make_slug(const std::string& name);

}  // namespace motcua::portal

#include "motcua/model.h"

namespace motcua {
class Catalog;
}

namespace motcua::portal {

// The parse-rate table over the imported procedures of a catalog, from what their content
// says: a part is flagged when an "unreviewed" entry names it, empty when that entry's
// reason ends in "_missing". Deadlines and fees count per channel, the rest per procedure.
std::map<std::string, PartCount> parse_rates(const Catalog& catalog);
// Reason code -> how many flags carry it, over the imported procedures.
std::map<std::string, int> reason_counts(const Catalog& catalog);
// Both as the Markdown page docs/import-rates.md.
std::string rates_markdown(const Catalog& catalog, const std::string& records_origin);

}  // namespace motcua::portal
