#pragma once
// Converting National Public Service Portal records (dichvucong.gov.vn, see
// docs/import.md) into the content model. Pure functions: text in, JSON out, no I/O.
// Native only (the wasm client never imports).
#include <nlohmann/json.hpp>
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
