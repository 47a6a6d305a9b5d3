// Fuzz target: one National Public Service Portal record into content
// (motcua::portal::convert_record, behind `motcua import portal`).
//
// The input is the record's cells separated by the byte 0x1F, in the order of kKeys, so
// mutations act on the flattened tables the parsers read (the seeds are real records).
//
// Invariants: conversion never crashes or throws; a converted record is valid UTF-8 JSON
// that the loader accepts as an imported procedure (every flag names a JSON Pointer in or
// under the file, with a reason code), and converting it again gives the same bytes.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "fuzz_support.h"
#include "motcua/catalog_loader.h"
#include "motcua/portal_import.h"

using motcua::fuzz::excerpt;

namespace {

const char* const kKeys[] = {"ma_thu_tuc",         "ten_thu_tuc",           "linh_vuc",          "cap_thuc_hien",
                             "cach_thuc_thuc_hien", "thanh_phan_ho_so",     "can_cu_phap_ly",    "ket_qua_xu_ly",
                             "trinh_tu_thuc_hien",  "yeu_cau_dieu_kien",    "doi_tuong_thuc_hien", "co_quan_co_tham_quyen",
                             "co_quan_thuc_hien",   "so_quyet_dinh",        "thu_tuc_lien_quan"};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  nlohmann::json record = nlohmann::json::object();
  std::size_t start = 0;
  for (const char* key : kKeys) {
    const std::size_t end = input.find('\x1f', start);
    record[key] = input.substr(start, end == std::string::npos ? std::string::npos : end - start);
    start = end == std::string::npos ? input.size() : end + 1;
  }
  record["detail_url"] = "https://dichvucong.gov.vn/thu-tuc-hanh-chinh/fuzz";
  motcua::portal::ConvertOptions options;
  options.record_path = "fuzz/record.json";
  options.date = "2026-12-01";
  options.field_slug = motcua::portal::make_slug;
  options.known_code = [](const std::string&) { return true; };
  const motcua::portal::ConvertedRecord c = motcua::portal::convert_record(record, options);
  if (!c.error.empty()) return 0;
  // dump() with the strict handler throws on invalid UTF-8: the text must be clean.
  std::string text;
  try {
    text = c.procedure.dump(2);
  } catch (const std::exception& e) {
    motcua::fuzz::fail("the converted procedure is valid UTF-8", std::string(e.what()) + "\ninput: " + excerpt(input));
  }
  motcua::Diagnostics diags;
  motcua::JsonDocument doc;
  FUZZ_CHECK(motcua::parse_json(motcua::SourceFile{"procedure.json", text}, doc, diags),
             "the converted procedure parses\n" + excerpt(text, 400));
  motcua::Procedure p;
  motcua::read_procedure(doc, p, diags, nullptr);
  std::string errors;
  for (const motcua::Diagnostic& d : diags.items()) errors += motcua::format_diagnostic(d) + "\n";
  FUZZ_CHECK(!diags.has_errors(), "the loader accepts the converted procedure\n" + errors + "input: " + excerpt(input));
  FUZZ_CHECK(p.status == motcua::ReviewStatus::imported, "it is marked imported");
  for (const motcua::UnreviewedPart& u : p.unreviewed) {
    FUZZ_CHECK(u.pointer.empty() || u.pointer[0] == '/', "a flag's pointer is a JSON Pointer: " + u.pointer);
  }
  const motcua::portal::ConvertedRecord again = motcua::portal::convert_record(record, options);
  FUZZ_CHECK(again.procedure.dump(2) == text && again.steps == c.steps, "the same record gives the same bytes");
  return 0;
}
