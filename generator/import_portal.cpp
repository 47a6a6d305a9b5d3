// `motcua import portal RECORDS_DIR`: see import_portal.h and docs/import.md.
#include "import_portal.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "build_parts.h"
#include "file_io.h"
#include "motcua/catalog.h"
#include "motcua/catalog_loader.h"
#include "motcua/format.h"
#include "motcua/portal_import.h"
#include "motcua/vietnamese_text.h"

namespace motcua::cli {

namespace {

using nlohmann::json;
using ojson = nlohmann::ordered_json;

std::string with_slash(std::string dir) {
  if (!dir.empty() && dir.back() != '/') dir += '/';
  return dir;
}


// procedure.json as written: two-space indentation, UTF-8 as is, a final newline.
std::string dump(const ojson& v) { return v.dump(2, ' ', false, json::error_handler_t::strict) + "\n"; }

std::string shorten(const std::string& s, std::size_t n = 100) {
  if (s.size() <= n) return s;
  std::size_t cut = n;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return s.substr(0, cut) + "…";
}

std::string value_text(const json& v) {
  if (v.is_string()) return "\"" + shorten(v.get<std::string>()) + "\"";
  return shorten(v.dump(-1, ' ', false, json::error_handler_t::replace));
}

std::string escape_pointer_token(const std::string& key) {
  std::string out;
  for (char c : key) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}

// What changed between two versions of one procedure, part by part.
void diff(const json& before, const json& after, const std::string& pointer, std::vector<std::string>& out) {
  if (before == after) return;
  if (before.is_object() && after.is_object()) {
    std::set<std::string> keys;
    for (auto it = before.begin(); it != before.end(); ++it) keys.insert(it.key());
    for (auto it = after.begin(); it != after.end(); ++it) keys.insert(it.key());
    for (const std::string& k : keys) {
      const std::string p = pointer + "/" + escape_pointer_token(k);
      if (!before.contains(k)) out.push_back(p + ": added " + value_text(after[k]));
      else if (!after.contains(k)) out.push_back(p + ": removed (was " + value_text(before[k]) + ")");
      else diff(before[k], after[k], p, out);
    }
    return;
  }
  if (before.is_array() && after.is_array() && before.size() == after.size()) {
    for (std::size_t i = 0; i < before.size(); ++i) diff(before[i], after[i], pointer + "/" + std::to_string(i), out);
    return;
  }
  if (before.is_array() && after.is_array()) {
    // Items came or went: name each, not the whole list.
    for (std::size_t i = 0; i < after.size(); ++i) {
      if (std::find(before.begin(), before.end(), after[i]) == before.end()) {
        out.push_back(pointer + "/" + std::to_string(i) + ": added " + value_text(after[i]));
      }
    }
    for (std::size_t i = 0; i < before.size(); ++i) {
      if (std::find(after.begin(), after.end(), before[i]) == after.end()) {
        out.push_back(pointer + "/" + std::to_string(i) + ": removed (was " + value_text(before[i]) + ")");
      }
    }
    return;
  }
  out.push_back(pointer + ": " + value_text(before) + " → " + value_text(after));
}

// Where a reviewed procedure and the record now disagree, in facts officials can check.
std::vector<std::string> drift(const json& reviewed, const json& imported) {
  std::vector<std::string> out;
  auto str = [](const json& o, const char* k) { return o.contains(k) && o[k].is_string() ? o[k].get<std::string>() : ""; };
  if (str(reviewed, "name") != str(imported, "name")) {
    out.push_back("/name: content \"" + str(reviewed, "name") + "\", record \"" + str(imported, "name") + "\"");
  }
  auto as_set = [](const json& a) {
    std::set<std::string> s;
    if (a.is_array()) {
      for (const json& v : a) {
        if (v.is_string()) s.insert(v.get<std::string>());
      }
    }
    return s;
  };
  if (as_set(reviewed.value("levels", json::array())) != as_set(imported.value("levels", json::array()))) {
    out.push_back("/levels: content " + value_text(reviewed.value("levels", json())) + ", record " +
                  value_text(imported.value("levels", json())));
  }
  // Channels by kind: deadline and fee, only where the record's own value is structured.
  std::set<std::string> flagged;
  for (const json& u : imported.value("unreviewed", json::array())) flagged.insert(u.value("pointer", ""));
  auto is_flagged = [&](const std::string& p) {
    for (const std::string& f : flagged) {
      if (f == p || f.rfind(p + "/", 0) == 0) return true;
    }
    return false;
  };
  std::map<std::string, std::pair<std::size_t, json>> content_channels, record_channels;
  const json rc = reviewed.value("channels", json::array());
  const json ic = imported.value("channels", json::array());
  for (std::size_t i = 0; i < rc.size(); ++i) content_channels[rc[i].value("kind", "")] = {i, rc[i]};
  for (std::size_t i = 0; i < ic.size(); ++i) record_channels[ic[i].value("kind", "")] = {i, ic[i]};
  for (const auto& [kind, rec] : record_channels) {
    const auto it = content_channels.find(kind);
    if (it == content_channels.end()) {
      out.push_back("/channels: the record offers \"" + kind + "\", the content does not");
      continue;
    }
    const json& c = it->second.second;
    const json& r = rec.second;
    const std::string cp = "/channels/" + std::to_string(it->second.first);
    const std::string rp = "/channels/" + std::to_string(rec.first);
    const json cd = c.value("deadline", json::object()), rd = r.value("deadline", json::object());
    if (!is_flagged(rp + "/deadline") &&
        (cd.value("unit", "") != rd.value("unit", "") || cd.value("value", 0) != rd.value("value", 0))) {
      out.push_back(cp + "/deadline (" + kind + "): content " + std::to_string(cd.value("value", 0)) + " " +
                    cd.value("unit", "") + ", record " + std::to_string(rd.value("value", 0)) + " " +
                    rd.value("unit", "") + " (\"" + rd.value("text", "") + "\")");
    }
    const json cf = c.value("fee", json::object()), rf = r.value("fee", json::object());
    if (!is_flagged(rp + "/fee") &&
        (cf.value("kind", "") != rf.value("kind", "") || cf.value("amount", 0LL) != rf.value("amount", 0LL))) {
      out.push_back(cp + "/fee (" + kind + "): content " + cf.value("kind", "") +
                    (cf.contains("amount") ? " " + std::to_string(cf.value("amount", 0LL)) : "") + ", record " +
                    rf.value("kind", "") + (rf.contains("amount") ? " " + std::to_string(rf.value("amount", 0LL)) : "") +
                    (rf.contains("text") ? " (\"" + shorten(rf.value("text", ""), 80) + "\")" : ""));
    }
  }
  for (const auto& [kind, c] : content_channels) {
    if (record_channels.count(kind) == 0 && !ic.empty()) {
      out.push_back("/channels/" + std::to_string(c.first) + ": the content offers \"" + kind + "\", the record does not");
    }
  }
  // Results by code, legal documents by number, the dossier by its size.
  auto codes = [](const json& p) {
    std::set<std::string> s;
    if (p.contains("result") && p["result"].is_object()) s.insert(p["result"].value("code", ""));
    for (const json& r : p.value("results", json::array())) s.insert(r.value("code", ""));
    s.erase("");
    return s;
  };
  const auto content_codes = codes(reviewed), record_codes = codes(imported);
  for (const std::string& c : record_codes) {
    if (content_codes.count(c) == 0) out.push_back("/result: the record names result " + c + ", the content does not");
  }
  auto numbers = [](const json& p) {
    std::set<std::string> s;
    for (const json& l : p.value("legal_basis", json::array())) s.insert(l.value("number", ""));
    s.erase("");
    return s;
  };
  if (!is_flagged("/legal_basis")) {
    const auto content_numbers = numbers(reviewed);
    for (const std::string& n : numbers(imported)) {
      if (content_numbers.count(n) == 0) out.push_back("/legal_basis: the record cites " + n + ", the content does not");
    }
  }
  const std::size_t content_items = reviewed.value("dossier", json::array()).size();
  const std::size_t record_items = imported.value("dossier", json::array()).size();
  if (!is_flagged("/dossier") && record_items != content_items) {
    out.push_back("/dossier: content " + std::to_string(content_items) + " papers, record " +
                  std::to_string(record_items));
  }
  const std::string content_decision = reviewed.contains("source") ? str(reviewed["source"], "decision") : "";
  const std::string record_decision = imported.contains("source") ? str(imported["source"], "decision") : "";
  if (content_decision != record_decision) {
    out.push_back("/source/decision: content \"" + content_decision + "\", record \"" + record_decision + "\"");
  }
  return out;
}

// fields.json in its own layout: one field per line.
std::string fields_file(const json& fields_doc) {
  std::string out = "{\n";
  if (fields_doc.contains("$schema")) out += "  \"$schema\": " + fields_doc["$schema"].dump() + ",\n";
  out += "  \"fields\": [\n";
  const json& fields = fields_doc["fields"];
  for (std::size_t i = 0; i < fields.size(); ++i) {
    const json& f = fields[i];
    ojson line;
    line["slug"] = f.value("slug", "");
    line["name"] = f.value("name", "");
    if (f.contains("description")) line["description"] = f["description"];
    std::string text = line.dump(-1, ' ', false);
    // {"slug":"x","name":"y"} -> { "slug": "x", "name": "y" }, the file's hand-written style.
    std::string spaced;
    bool in_string = false;
    for (std::size_t k = 0; k < text.size(); ++k) {
      const char c = text[k];
      if (c == '"' && (k == 0 || text[k - 1] != '\\')) in_string = !in_string;
      if (!in_string && c == '{') { spaced += "{ "; continue; }
      if (!in_string && c == '}') { spaced += " }"; continue; }
      if (!in_string && c == ':') { spaced += ": "; continue; }
      if (!in_string && c == ',') { spaced += ", "; continue; }
      spaced += c;
    }
    out += "    " + spaced + (i + 1 < fields.size() ? ",\n" : "\n");
  }
  out += "  ]\n}\n";
  return out;
}

bool write_atomically(const std::string& path, const std::string& text, std::string& error) {
  const std::string tmp = path + ".tmp-import-" + std::to_string(::getpid());
  {
    std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
    if (!f) {
      error = "cannot create " + io::printable(tmp);
      return false;
    }
    f.write(text.data(), static_cast<std::streamsize>(text.size()));
    f.flush();
    if (!f) {
      error = "cannot write " + io::printable(tmp);
      std::remove(tmp.c_str());
      return false;
    }
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    error = "cannot replace " + io::printable(path);
    std::remove(tmp.c_str());
    return false;
  }
  return true;
}

}  // namespace

int import_portal(const ImportPortalOptions& options) {
  const std::string date = options.date.empty() ? today_in_vietnam() : options.date;
  if (!is_valid_date(date)) {
    std::cerr << "motcua: error: --date \"" << io::printable(date) << "\" is not a date; write YYYY-MM-DD\n";
    return 2;
  }
  std::vector<SourceFile> record_files;
  std::string error;
  if (!io::read_tree(options.records_dir, record_files, error)) {
    std::cerr << "motcua: error: cannot read the records: " << error
              << "\n  Give the folder holding <ministry>/<code>.json (../shared/data/national-portal/records). "
                 "Nothing was written.\n";
    return 2;
  }
  std::vector<SourceFile> content;
  if (!io::read_tree(options.content_dir, content, error)) {
    std::cerr << "motcua: error: cannot read the content: " << error << "\n  Nothing was written.\n";
    return 2;
  }
  const std::string records_prefix = with_slash(options.records_dir);
  const std::string content_prefix = with_slash(options.content_dir);
  std::map<std::string, std::string> content_text;
  for (const SourceFile& f : content) content_text[f.path] = f.text;

  // Fields by name, as fields.json has them.
  json fields_doc = json::parse(content_text.count("fields.json") ? content_text["fields.json"] : "{}", nullptr, false);
  if (fields_doc.is_discarded() || !fields_doc.is_object() || !fields_doc.contains("fields") || !fields_doc["fields"].is_array()) {
    std::cerr << "motcua: error: " << content_prefix
              << "fields.json is missing or not valid: run `motcua check` first. Nothing was written.\n";
    return 1;
  }
  std::map<std::string, std::string> slug_by_name;
  std::set<std::string> slugs;
  for (const json& f : fields_doc["fields"]) {
    if (!f.is_object()) continue;
    slug_by_name[fold_for_search(f.value("name", ""))] = f.value("slug", "");
    slugs.insert(f.value("slug", ""));
  }
  std::vector<std::pair<std::string, std::string>> new_fields;  // (slug, name)
  auto field_slug = [&](const std::string& name) {
    const std::string key = fold_for_search(name);
    const auto it = slug_by_name.find(key);
    if (it != slug_by_name.end()) return it->second;
    std::string slug = portal::make_slug(name);
    if (slug.empty()) slug = "linh-vuc";
    std::string candidate = slug;
    for (int n = 2; slugs.count(candidate) != 0; ++n) candidate = slug + "-" + std::to_string(n);
    slugs.insert(candidate);
    slug_by_name[key] = candidate;
    new_fields.push_back({candidate, name});
    return candidate;
  };

  // Parse every record first: one bad record stops the import before anything is written.
  struct Record {
    std::string path;
    json value;
  };
  std::vector<Record> records;
  std::set<std::string> record_codes;
  std::vector<std::string> record_errors;
  for (const SourceFile& f : record_files) {
    if (f.path.size() < 5 || f.path.compare(f.path.size() - 5, 5, ".json") != 0) continue;
    json v = json::parse(f.text, nullptr, false);
    if (v.is_discarded() || !v.is_object()) {
      record_errors.push_back(records_prefix + f.path + ": error: not a JSON object; re-download the record");
      continue;
    }
    records.push_back({f.path, std::move(v)});
    if (records.back().value.contains("ma_thu_tuc") && records.back().value["ma_thu_tuc"].is_string()) {
      record_codes.insert(portal::clean_text(records.back().value["ma_thu_tuc"].get<std::string>()));
    }
  }
  std::set<std::string> content_codes;
  for (const auto& [path, text] : content_text) {
    // procedures/<code>/procedure.json; a later version (procedures/<code>/<date>/) is the official's.
    if (path.rfind("procedures/", 0) == 0 && path.size() > 15 && path.compare(path.size() - 15, 15, "/procedure.json") == 0) {
      const std::string code = path.substr(11, path.size() - 11 - 15);
      if (code.find('/') == std::string::npos) content_codes.insert(code);
    }
  }

  struct Change {
    std::string code;
    std::vector<std::string> lines;
  };
  std::vector<Change> added, updated, drifted;
  std::vector<std::string> unchanged, kept_reviewed;
  std::map<std::string, std::string> writes;  // content path -> text
  std::vector<std::string> removals;           // content paths an import wrote before and no longer does
  std::map<std::string, std::string> code_source;  // code -> record path, for duplicates
  ojson report_flags = ojson::array();
  std::map<std::string, portal::PartCount> record_counts;

  for (const Record& r : records) {
    portal::ConvertOptions co;
    co.record_path = r.path;
    co.date = date;
    co.field_slug = field_slug;
    co.known_code = [&](const std::string& code) { return record_codes.count(code) || content_codes.count(code); };
    portal::ConvertedRecord c = portal::convert_record(r.value, co);
    if (!c.error.empty()) {
      record_errors.push_back(records_prefix + r.path + ": error: " + c.error);
      continue;
    }
    const auto dup = code_source.find(c.code);
    if (dup != code_source.end()) {
      record_errors.push_back(records_prefix + r.path + ": error: procedure " + c.code + " is also in " + records_prefix +
                              dup->second + "; keep one of the two records");
      continue;
    }
    code_source[c.code] = r.path;
    for (const auto& [part, n] : c.counts) {
      record_counts[part].parsed += n.parsed;
      record_counts[part].flagged += n.flagged;
      record_counts[part].empty += n.empty;
    }
    for (const auto& u : c.procedure.value("unreviewed", ojson::array())) {
      ojson f = u;
      f["procedure"] = c.code;
      report_flags.push_back(f);
    }
    const std::string dir = "procedures/" + c.code + "/";
    const auto existing = content_text.find(dir + "procedure.json");
    json old = existing == content_text.end() ? json() : json::parse(existing->second, nullptr, false);
    if (existing != content_text.end() && (old.is_discarded() || !old.is_object())) {
      record_errors.push_back(content_prefix + dir + "procedure.json: error: not valid JSON, so the import cannot tell "
                              "whether a person reviewed it; fix or remove it and run again");
      continue;
    }
    // The days an official gave this version (the decision abolishing it, the day it starts)
    // are theirs, not the portal's: kept as they are.
    if (existing != content_text.end()) {
      for (const char* key : {"effective_from", "effective_until"}) {
        if (old.contains(key)) c.procedure[key] = old[key];
      }
    }
    const json fresh = json::parse(c.procedure.dump());
    if (existing != content_text.end() && old.value("status", "") != "imported") {
      // Hand-checked content wins: never written, only compared.
      kept_reviewed.push_back(c.code);
      std::vector<std::string> lines = drift(old, fresh);
      if (!lines.empty()) drifted.push_back({c.code, lines});
      continue;
    }
    // Same record, same content: keep the file as it is, its import date included.
    auto same_but_date = [&](json a, json b) {
      if (a.contains("import") && a["import"].is_object()) a["import"].erase("date");
      if (b.contains("import") && b["import"].is_object()) b["import"].erase("date");
      return a == b;
    };
    auto text_of = [&](const std::string& rel) {
      const auto it = content_text.find(dir + rel);
      return it == content_text.end() ? std::string() : it->second;
    };
    const bool same_files = text_of("steps.md") == c.steps && text_of("conditions.md") == c.conditions;
    if (existing != content_text.end() && same_but_date(old, fresh) && same_files) {
      unchanged.push_back(c.code);
      continue;
    }
    Change change{c.code, {}};
    if (existing != content_text.end()) {
      json a = old, b = fresh;
      a.erase("import");
      b.erase("import");
      diff(a, b, "", change.lines);
      if (text_of("steps.md") != c.steps) change.lines.push_back("steps.md: changed");
      if (text_of("conditions.md") != c.conditions) change.lines.push_back("conditions.md: changed");
      updated.push_back(change);
    } else {
      added.push_back(change);
    }
    writes[dir + "procedure.json"] = dump(c.procedure);
    for (const auto& [rel, text] : {std::pair<std::string, std::string>{"steps.md", c.steps}, {"conditions.md", c.conditions}}) {
      if (!text.empty()) writes[dir + rel] = text;
      else if (content_text.count(dir + rel)) removals.push_back(dir + rel);
    }
  }
  if (!record_errors.empty()) {
    for (const std::string& e : record_errors) std::cerr << e << "\n";
    std::cerr << "motcua: " << record_errors.size() << (record_errors.size() == 1 ? " record" : " records")
              << " cannot be imported; nothing was written.\n";
    return 1;
  }
  // Imported procedures whose record is gone are reported, never deleted silently.
  std::vector<std::string> gone;
  for (const std::string& code : content_codes) {
    if (code_source.count(code)) continue;
    json old = json::parse(content_text["procedures/" + code + "/procedure.json"], nullptr, false);
    if (old.is_object() && old.value("status", "") == "imported") gone.push_back(code);
  }
  if (!new_fields.empty()) {
    for (const auto& [slug, name] : new_fields) fields_doc["fields"].push_back({{"slug", slug}, {"name", name}});
    writes["fields.json"] = fields_file(fields_doc);
  }

  // The content as it will be, loaded and validated before a single file is written.
  std::vector<SourceFile> next;
  for (const auto& [path, text] : content_text) {
    if (writes.count(path) || std::find(removals.begin(), removals.end(), path) != removals.end()) continue;
    next.push_back({path, text});
  }
  for (const auto& [path, text] : writes) next.push_back({path, text});
  std::sort(next.begin(), next.end(), [](const SourceFile& a, const SourceFile& b) { return a.path < b.path; });
  Diagnostics diags;
  const Catalog catalog = load_catalog(next, content_prefix, diags);
  if (diags.has_errors()) {
    std::size_t shown = 0;
    for (const Diagnostic& d : diags.items()) {
      if (d.severity != Severity::error) continue;
      if (shown++ < 50) std::cerr << format_diagnostic(d) << "\n";
    }
    std::cerr << "motcua: the imported content would have " << diags.error_count()
              << " errors (a bug in the importer or in the existing content); nothing was written.\n";
    return 1;
  }

  // The report.
  std::cout << "Imported " << code_source.size() << " records from " << io::printable(options.records_dir) << ":\n"
            << "  " << added.size() << " new, " << updated.size() << " updated, " << unchanged.size()
            << " unchanged, " << kept_reviewed.size() << " reviewed procedures kept as they are ("
            << drifted.size() << " disagree with their record)";
  if (!new_fields.empty()) std::cout << ", " << new_fields.size() << " new fields";
  std::cout << ".\n";
  for (const Change& c : updated) {
    std::cout << "\nUpdated " << c.code << ":\n";
    std::size_t n = 0;
    for (const std::string& l : c.lines) {
      if (n++ == 20) {
        std::cout << "  … " << (c.lines.size() - 20) << " more changes\n";
        break;
      }
      std::cout << "  " << l << "\n";
    }
  }
  for (const Change& c : drifted) {
    std::cout << "\nReviewed " << c.code << " disagrees with its record (" << code_source[c.code]
              << "); check and update by hand:\n";
    for (const std::string& l : c.lines) std::cout << "  " << l << "\n";
  }
  for (const std::string& code : gone) {
    std::cout << "\nImported " << code << " is no longer in the records: it was kept; remove content/procedures/"
              << code << "/ if the procedure was abolished.\n";
  }
  const auto rates = portal::parse_rates(catalog);
  std::cout << "\nParse rates (docs/import-rates.md):\n";
  std::printf("  %-12s %8s %8s %8s\n", "part", "parsed", "flagged", "empty");
  std::cout.flush();
  for (const char* part : portal::kReportedParts) {
    const portal::PartCount& c = rates.at(part);
    std::printf("  %-12s %8d %8d %8d\n", part, c.parsed, c.flagged, c.empty);
  }
  std::fflush(stdout);
  std::cout << "\nFlags by reason:\n";
  for (const auto& [reason, n] : portal::reason_counts(catalog)) std::cout << "  " << reason << ": " << n << "\n";

  if (!options.report.empty()) {
    ojson report;
    report["records"] = options.records_dir;
    report["date"] = date;
    auto codes_of = [](const std::vector<Change>& v) {
      std::vector<std::string> out;
      for (const Change& c : v) out.push_back(c.code);
      return out;
    };
    report["added"] = codes_of(added);
    ojson up = ojson::object();
    for (const Change& c : updated) up[c.code] = c.lines;
    report["updated"] = up;
    report["unchanged"] = unchanged;
    ojson dr = ojson::object();
    for (const Change& c : drifted) dr[c.code] = c.lines;
    report["reviewed_kept"] = kept_reviewed;
    report["drift"] = dr;
    report["no_longer_in_records"] = gone;
    ojson rt = ojson::object();
    for (const char* part : portal::kReportedParts) {
      rt[part] = {{"parsed", rates.at(part).parsed}, {"flagged", rates.at(part).flagged}, {"empty", rates.at(part).empty}};
    }
    report["rates"] = rt;
    report["flags"] = report_flags;
    if (!options.dry_run && !write_atomically(options.report, report.dump(2) + "\n", error)) {
      std::cerr << "motcua: error: " << error << "\n";
      return 2;
    }
  }
  if (options.dry_run) {
    std::cout << "\n--dry-run: nothing was written.\n";
    return 0;
  }
  // Write: each file replaced atomically; folders made as needed.
  for (const auto& [path, text] : writes) {
    const std::string full = content_prefix + path;
    const std::size_t slash = full.rfind('/');
    if (slash != std::string::npos) {
      const std::string dir = full.substr(0, slash);
      std::error_code ec;
      std::filesystem::create_directories(dir, ec);
      if (ec) {
        std::cerr << "motcua: error: cannot create " << io::printable(dir) << ": " << ec.message() << "\n";
        return 2;
      }
    }
    if (!write_atomically(full, text, error)) {
      std::cerr << "motcua: error: " << error << "; the files before it were written, run the import again.\n";
      return 2;
    }
  }
  for (const std::string& path : removals) std::remove((content_prefix + path).c_str());
  if (!options.rates.empty()) {
    const std::string md = portal::rates_markdown(catalog, "dichvucong.gov.vn");
    if (!write_atomically(options.rates, md, error)) {
      std::cerr << "motcua: error: " << error << "\n";
      return 2;
    }
  }
  std::cout << "\nWrote " << writes.size() << " files into " << io::printable(options.content_dir) << ".\n";
  return 0;
}

}  // namespace motcua::cli
