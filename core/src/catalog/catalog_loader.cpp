#include "motcua/catalog_loader.h"
#include "motcua/utf8.h"

#include "motcua/limits.h"

#include "motcua/checklist.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <set>

#include "motcua/civil_date.h"
#include "motcua/format.h"
#include "motcua/object_reader.h"
#include "motcua/search.h"
#include "motcua/vietnamese_text.h"
#include "motcua/work_calendar.h"

namespace motcua {

namespace {

using nlohmann::json;

bool is_digit(char c) { return c >= '0' && c <= '9'; }


// Exactly one Vietnamese phone number, reported at the character where it goes wrong.
void check_phone(ObjectReader& r, const std::string& key, const std::string& number) {
  if (number.empty()) return;
  std::size_t offset = 0;
  const std::string why = check_phone_number(number, offset);
  if (!why.empty()) r.error_in_string(key, offset, "\"" + number + "\": " + why);
}


// Reports the first invalid UTF-8 sequence of a Markdown file.
bool check_utf8(const std::string& file, const std::string& text, Diagnostics& diags) {
  int line = 1, column = 1;
  for (std::size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    std::size_t len = c < 0x80 ? 1 : (c >= 0xC2 && c <= 0xDF) ? 2 : (c >= 0xE0 && c <= 0xEF) ? 3
                                   : (c >= 0xF0 && c <= 0xF4) ? 4 : 0;
    bool ok = len > 0 && i + len <= text.size();
    for (std::size_t k = 1; ok && k < len; ++k) ok = (static_cast<unsigned char>(text[i + k]) & 0xC0) == 0x80;
    if (!ok) {
      diags.error(file, line, column, "", "invalid UTF-8: save the file as UTF-8");
      return false;
    }
    if (c == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
    i += len;
  }
  return true;
}

bool is_currency_code(const std::string& s) {
  return s.size() == 3 && std::all_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

Deadline read_deadline(ObjectReader& parent, const std::string& key, Need need, bool* present) {
  Deadline d;
  const json* v = parent.object(key, need);
  if (present) *present = v != nullptr;
  if (v == nullptr) return d;
  ObjectReader r(parent.document(), *v, parent.pointer_of(key), parent.diagnostics(), "deadline");
  const std::string unit = r.one_of(
      "unit", Need::required,
      {"same_day", "working_days", "calendar_days", "working_hours", "months", "unknown"}, "unknown");
  static const std::map<std::string, DeadlineUnit> units = {
      {"same_day", DeadlineUnit::same_day},       {"working_days", DeadlineUnit::working_days},
      {"calendar_days", DeadlineUnit::calendar_days}, {"working_hours", DeadlineUnit::working_hours},
      {"months", DeadlineUnit::months},           {"unknown", DeadlineUnit::unknown}};
  d.unit = units.at(unit);
  const bool needs_value = d.unit != DeadlineUnit::same_day && d.unit != DeadlineUnit::unknown;
  d.value = static_cast<int>(r.integer("value", needs_value ? Need::required : Need::optional, 0, 3650, 0));
  if (needs_value && r.has("value") && d.value == 0) {
    r.error("value", "a deadline of 0 " + unit + " makes no sense; use \"unit\": \"same_day\" for trong ngày");
  }
  d.text = r.string("text", Need::optional);
  r.finish();
  return d;
}

Fee read_fee(ObjectReader& parent, const std::string& key, Need need, bool* present) {
  Fee f;
  const json* v = parent.object(key, need);
  if (present) *present = v != nullptr;
  if (v == nullptr) return f;
  ObjectReader r(parent.document(), *v, parent.pointer_of(key), parent.diagnostics(), "fee");
  const std::string kind =
      r.one_of("kind", Need::required, {"free", "amount", "local", "not_regulated", "foreign", "unknown"}, "unknown");
  static const std::map<std::string, FeeKind> kinds = {
      {"free", FeeKind::free}, {"amount", FeeKind::amount}, {"local", FeeKind::local},
      {"not_regulated", FeeKind::not_regulated}, {"foreign", FeeKind::foreign}, {"unknown", FeeKind::unknown}};
  f.kind = kinds.at(kind);
  const bool has_amount = f.kind == FeeKind::amount || f.kind == FeeKind::foreign;
  f.amount = r.integer("amount", has_amount ? Need::required : Need::optional, 0, 1'000'000'000'000LL, 0);
  if (!has_amount && r.has("amount")) {
    r.error("amount", "\"amount\" is only used with \"kind\": \"amount\" or \"foreign\" (found \"" + kind + "\")");
  }
  f.currency = r.string("currency", f.kind == FeeKind::foreign ? Need::required : Need::optional);
  if (f.kind == FeeKind::foreign && r.has("currency") && !is_currency_code(f.currency)) {
    r.error("currency", "\"" + f.currency + "\" is not a currency code; use ISO 4217 letters such as \"USD\"");
  }
  if (f.kind != FeeKind::foreign && r.has("currency")) {
    r.error("currency", "\"currency\" is only used with \"kind\": \"foreign\"; amounts in đồng need none");
  }
  f.per = r.string("per", Need::optional);
  f.text = r.string("text", Need::optional);
  f.summary = r.string("summary", Need::optional);
  if (decode_utf8(f.summary).size() > 160) {
    r.error("summary", "\"summary\" is the answer in a few words for the page's summary box (at most 160 characters); put the detail in \"text\"");
  }
  f.basis = r.string("basis", Need::optional);
  f.sample = r.boolean("sample", Need::optional, false);
  r.finish();
  return f;
}

ChannelKind channel_kind(const std::string& s) {
  if (s == "online") return ChannelKind::online;
  if (s == "postal") return ChannelKind::postal;
  return ChannelKind::direct;
}

// What a hotline or an opening-hours entry says about itself; the rest comes from its center.
struct OwnProvenance {
  bool has_sample = false;
  bool sample = false;
  std::string source;
  std::string checked;
};

OwnProvenance read_own_provenance(ObjectReader& r) {
  OwnProvenance p;
  p.has_sample = r.has("sample");
  p.sample = r.boolean("sample", Need::optional, false);
  p.source = r.string("source", Need::optional);
  p.checked = r.string("checked", Need::optional);
  if (!p.checked.empty() && !is_valid_date(p.checked)) {
    r.error("checked", "invalid date \"" + p.checked + "\": write the day the source was read or published "
                       "as YYYY-MM-DD, e.g. 2026-12-02");
  }
  return p;
}

// A part that is not sample needs a source and the day it was checked: its own, or its
// center's when the center is not sample either. Returns the resolved "sample".
bool resolve_provenance(ObjectReader& center, const std::string& pointer, const OwnProvenance& own,
                        const Center& c, const char* what) {
  const bool sample = own.has_sample ? own.sample : c.sample;
  if (sample || !center.is_object()) return sample;
  const bool has_source = !own.source.empty() || (!c.sample && !c.source.empty());
  const bool has_checked = !own.checked.empty() || (!c.sample && !c.checked.empty());
  if (c.sample && (!has_source || !has_checked)) {
    center.error_at_pointer(pointer, std::string(what) + " with \"sample\": false needs its own \"source\" and "
                                         "\"checked\" (YYYY-MM-DD), because the center's details are sample; or "
                                         "mark it \"sample\": true so the page shows \"Dữ liệu minh họa\"");
  }
  return sample;
}

Center read_center(ObjectReader& parent, const std::string& key) {
  Center c;
  const json* v = parent.object(key, Need::required);
  if (v == nullptr) return c;
  Diagnostics& diags = parent.diagnostics();
  const JsonDocument& doc = parent.document();
  ObjectReader r(doc, *v, parent.pointer_of(key), diags, "center");
  c.name = r.string("name", Need::required);
  c.address = r.string("address", Need::required);
  if (const json* coords = r.object("coordinates", Need::optional)) {
    ObjectReader cr(doc, *coords, r.pointer_of("coordinates"), diags, "coordinates");
    Coordinates xy;
    xy.lat = cr.number("lat", Need::required, -90, 90);
    xy.lng = cr.number("lng", Need::required, -180, 180);
    cr.finish();
    c.coordinates = xy;
  }
  std::vector<OwnProvenance> hours_own, lines_own;
  if (const json* hours = r.array("opening_hours", Need::optional)) {
    for (std::size_t i = 0; i < hours->size(); ++i) {
      const std::string p = r.pointer_of("opening_hours") + "/" + std::to_string(i);
      ObjectReader hr(doc, (*hours)[i], p, diags, "opening hours");
      OpeningHours h;
      static const std::set<std::string> days = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
      h.days = hr.strings("days", Need::required);
      for (std::size_t d = 0; d < h.days.size(); ++d) {
        if (!days.count(h.days[d])) {
          hr.error_at_pointer(hr.pointer_of("days") + "/" + std::to_string(d),
                              "unknown day \"" + h.days[d] + "\"; use mon, tue, wed, thu, fri, sat, sun");
        }
      }
      if (const json* sessions = hr.array("sessions", Need::required)) {
        for (std::size_t s = 0; s < sessions->size(); ++s) {
          const json& pair = (*sessions)[s];
          const std::string sp = hr.pointer_of("sessions") + "/" + std::to_string(s);
          if (!pair.is_array() || pair.size() != 2 || !pair[0].is_string() || !pair[1].is_string()) {
            hr.error_at_pointer(sp, "a session is [\"HH:MM\", \"HH:MM\"], e.g. [\"07:30\", \"11:30\"]");
            continue;
          }
          TimeSession ts{pair[0].get<std::string>(), pair[1].get<std::string>()};
          if (!is_valid_time(ts.start) || !is_valid_time(ts.end) || !(ts.start < ts.end)) {
            hr.error_at_pointer(sp, "invalid session \"" + ts.start + "\"–\"" + ts.end +
                                        "\": times are HH:MM and the start comes before the end");
            continue;
          }
          h.sessions.push_back(ts);
        }
      }
      hours_own.push_back(read_own_provenance(hr));
      h.source = hours_own.back().source;
      h.checked = hours_own.back().checked;
      hr.finish();
      c.opening_hours.push_back(h);
    }
  }
  if (const json* wt = r.object("working_time", Need::optional)) {
    WorkingTime w;
    if (read_working_time(doc, *wt, r.pointer_of("working_time"), w, diags)) c.working_time = w;
  }
  if (const json* lines = r.array("hotlines", Need::required)) {
    if (lines->empty()) r.error("hotlines", "a center needs at least one hotline");
    for (std::size_t i = 0; i < lines->size(); ++i) {
      const std::string p = r.pointer_of("hotlines") + "/" + std::to_string(i);
      ObjectReader hr(doc, (*lines)[i], p, diags, "hotline");
      Hotline h;
      h.number = hr.string("number", Need::required);
      check_phone(hr, "number", h.number);
      h.label = hr.string("label", Need::optional);
      h.hours = hr.string("hours", Need::optional);
      lines_own.push_back(read_own_provenance(hr));
      h.source = lines_own.back().source;
      h.checked = lines_own.back().checked;
      hr.finish();
      c.hotlines.push_back(h);
    }
  }
  c.email = r.string("email", Need::optional);
  c.website = r.link("website", Need::optional, true);
  c.sample = r.boolean("sample", Need::optional, false);
  c.source = r.string("source", Need::optional);
  c.checked = r.string("checked", Need::optional);
  if (!c.checked.empty() && !is_valid_date(c.checked)) {
    r.error("checked", "invalid date \"" + c.checked + "\": write the day the source was read or published "
                       "as YYYY-MM-DD, e.g. 2026-12-02");
  }
  if (!c.sample && c.source.empty() && r.is_object()) {
    r.error_at_pointer(r.pointer(), "say where these contact details come from in \"source\", or mark them "
                                    "\"sample\": true so the page shows \"Dữ liệu minh họa\"");
  } else if (!c.sample && c.checked.empty() && r.is_object()) {
    r.error_at_pointer(r.pointer(), "say on which day the source was read or published in \"checked\" "
                                    "(YYYY-MM-DD), or mark the details \"sample\": true");
  }
  for (std::size_t i = 0; i < c.opening_hours.size() && i < hours_own.size(); ++i) {
    c.opening_hours[i].sample = resolve_provenance(
        r, r.pointer_of("opening_hours") + "/" + std::to_string(i), hours_own[i], c, "an opening-hours entry");
  }
  for (std::size_t i = 0; i < c.hotlines.size() && i < lines_own.size(); ++i) {
    c.hotlines[i].sample =
        resolve_provenance(r, r.pointer_of("hotlines") + "/" + std::to_string(i), lines_own[i], c, "a hotline");
  }
  r.finish();
  return c;
}

void check_date(ObjectReader& r, const std::string& key, const std::string& value) {
  if (!value.empty() && !is_valid_date(value)) {
    r.error(key, "invalid date \"" + value + "\": write it as YYYY-MM-DD, e.g. 2025-07-01");
  }
}

// "effective_from" and "effective_until" of a procedure, an entry or its overrides: real days,
// the last not before the first (both are included).
void read_effective_days(ObjectReader& r, std::string& from, std::string& until) {
  from = r.string("effective_from", Need::optional);
  check_date(r, "effective_from", from);
  until = r.string("effective_until", Need::optional);
  check_date(r, "effective_until", until);
  if (!from.empty() && !until.empty() && until < from) {
    r.error("effective_until", "\"effective_until\" (" + until + ") is before \"effective_from\" (" + from +
                                   "); both days are included");
  }
}

// WCAG 2.2 relative luminance of an sRGB channel value 0..255.
double channel_luminance(int v) {
  const double c = v / 255.0;
  return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

// A brand colour "#rrggbb" that white text on it can be read on: contrast at least 4.5:1
// (WCAG 2.2 AA for normal text), reported with the ratio it has.
void check_brand_color(ObjectReader& r, const std::string& key, const std::string& value) {
  if (value.empty()) return;
  bool hex = value.size() == 7 && value[0] == '#';
  for (std::size_t i = 1; hex && i < 7; ++i) hex = std::isxdigit(static_cast<unsigned char>(value[i])) != 0;
  if (!hex) {
    r.error(key, "\"" + value + "\" is not a colour written #rrggbb (six hexadecimal digits, e.g. #0b4f8a)");
    return;
  }
  const auto digit = [&](std::size_t at) {
    const char c = static_cast<char>(std::tolower(static_cast<unsigned char>(value[at])));
    return c <= '9' ? c - '0' : c - 'a' + 10;
  };
  const auto part = [&](std::size_t at) { return digit(at) * 16 + digit(at + 1); };
  const double l = 0.2126 * channel_luminance(part(1)) + 0.7152 * channel_luminance(part(3)) +
                   0.0722 * channel_luminance(part(5));
  const double ratio = 1.05 / (l + 0.05);
  if (ratio < 4.5) {
    // Rounded down, so that 4.499 never reads "4.50".
    const int hundredths = static_cast<int>(ratio * 100);
    const std::string shown = std::to_string(hundredths / 100) + "." + zero_padded(hundredths % 100, 2);
    r.error(key, "white text on " + value + " has a contrast of " + shown +
                     ":1; WCAG 2.2 AA needs at least 4.5:1. Choose a darker colour");
  }
}

void check_slug(ObjectReader& r, const std::string& key, const std::string& slug) {
  if (!slug.empty() && !is_valid_slug(slug)) {
    r.error(key, "invalid slug \"" + slug +
                     "\": use lowercase letters a-z, digits and single hyphens, e.g. \"ban-bo\"");
  }
}

std::string parent_dir(const std::string& path) {
  const auto slash = path.rfind('/');
  return slash == std::string::npos ? "" : path.substr(0, slash);
}

std::string base_name(const std::string& path) {
  const auto slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

class Loader {
 public:
  Loader(const std::vector<SourceFile>& files, const std::string& prefix, Diagnostics& diags)
      : prefix_(prefix), diags_(diags) {
    for (const SourceFile& f : files) files_[f.path] = &f;
  }
  // load_catalog_releasing: the files may be emptied once read (see the header).
  Loader(std::vector<SourceFile>& files, const std::string& prefix, Diagnostics& diags, ParallelFor parallel)
      : Loader(static_cast<const std::vector<SourceFile>&>(files), prefix, diags) {
    for (SourceFile& f : files) releasable_[f.path] = &f;
    parallel_ = std::move(parallel);
  }

  Catalog run() {
    parse_all_json();
    read_site();
    read_fields();
    read_life_events();
    read_provinces();
    read_hotlines();
    read_applicant_categories();
    read_replaced_documents_file();
    read_search_settings();
    read_procedures();
    read_essential_services();
    read_province_catalogs();
    read_calendar();
    read_forms();
    report_unknown_files();
    // What is in force on the day the content describes; a build picks its own day
    // (Catalog::select_date, motcua build --date).
    catalog_.select_date(catalog_.site.content_as_of);
    return std::move(catalog_);
  }

 private:
  std::string prefix_;
  Diagnostics& diags_;
  std::map<std::string, const SourceFile*> files_;
  std::map<std::string, SourceFile*> releasable_;  // empty unless the caller lets texts go
  ParallelFor parallel_;  // empty: one procedure folder at a time
  std::map<std::string, JsonDocument> docs_;  // by relative path; only those that parsed
  std::set<std::string> used_;
  std::set<std::string> broken_;  // JSON files that did not parse: skip checks that depend on them
  std::set<std::string> broken_procedures_;  // codes (folder names) of procedures whose JSON is broken
  Catalog catalog_;
  std::map<std::string, const Procedure*> procedure_by_code_;
  std::vector<std::string> category_slugs_;

  std::string display(const std::string& rel) const { return prefix_ + rel; }

  // A procedure's own file (procedures/<code>/procedure.json): parsed by read_procedures,
  // one at a time, so that the parsed documents of the whole catalog are never in memory
  // together.
  static bool procedure_file(const std::string& path) {
    if (base_name(path) != "procedure.json") return false;
    const std::string dir = parent_dir(path);
    return parent_dir(dir) == "procedures" || version_folder(dir);
  }
  // procedures/<code>/<YYYY-MM-DD>/: a version of the procedure that takes effect that day.
  static bool version_folder(const std::string& dir) {
    return parent_dir(parent_dir(dir)) == "procedures" && is_valid_date(base_name(dir));
  }
  // The folder named by the code: procedures/<code>/, also for a version's folder.
  static std::string code_folder(const std::string& dir) { return version_folder(dir) ? parent_dir(dir) : dir; }

  void parse_all_json() {
    for (const auto& [path, file] : files_) {
      if (path.size() < 5 || path.compare(path.size() - 5, 5, ".json") != 0 || procedure_file(path)) continue;
      JsonDocument doc;
      if (parse_json({display(path), file->text}, doc, diags_)) {
        docs_.emplace(path, std::move(doc));
      } else {
        used_.insert(path);  // reported already
        broken_.insert(path);
      }
    }
  }

  // The document at `rel`, or nullptr (reporting a missing required file).
  const JsonDocument* doc(const std::string& rel, bool required) {
    used_.insert(rel);
    const auto it = docs_.find(rel);
    if (it != docs_.end()) return &it->second;
    if (required && !files_.count(rel)) {
      diags_.error(display(rel), 0, 0, "", "required file is missing: create it as described in docs/content.md");
    }
    return nullptr;
  }

  void read_site() {
    const JsonDocument* d = doc("site.json", true);
    if (d == nullptr) return;
    ObjectReader r(*d, d->value, "", diags_, "site settings");
    SiteInfo& s = catalog_.site;
    s.schema_version = static_cast<int>(r.integer("schema_version", Need::required, 0, 1000, kSchemaVersion));
    if (r.has("schema_version") && s.schema_version != kSchemaVersion) {
      r.error("schema_version", "this version of motcua reads schema_version " + std::to_string(kSchemaVersion) +
                                    ", found " + std::to_string(s.schema_version));
    }
    s.title = r.string("title", Need::required);
    s.description = r.string("description", Need::required);
    s.content_as_of = r.string("content_as_of", Need::required);
    check_date(r, "content_as_of", s.content_as_of);
    s.publisher = r.string("publisher", Need::optional);
    if (const json* b = r.object("brand", Need::optional)) read_brand(*d, *b, s.brand);
    r.finish();
  }

  void read_brand(const JsonDocument& d, const json& value, Brand& brand) {
    ObjectReader r(d, value, "/brand", diags_, "brand");
    brand.name = r.string("name", Need::optional);
    brand.logo = r.string("logo", Need::optional);
    if (!brand.logo.empty()) {
      const auto ends = [&](const char* e) {
        const std::string end = e;
        return brand.logo.size() > end.size() && brand.logo.compare(brand.logo.size() - end.size(), end.size(), end) == 0;
      };
      const auto file = files_.find(brand.logo);
      if (!ends(".svg") && !ends(".png")) {
        r.error("logo", "\"" + brand.logo + "\": the logo must be an .svg or .png file of the content folder");
      } else if (file == files_.end()) {
        r.error("logo", "no file \"" + brand.logo + "\" in the content folder: give the logo's path relative to it, "
                        "e.g. \"brand/logo.svg\"");
      } else {
        used_.insert(brand.logo);
        brand.logo_bytes = file->second->text;
      }
    }
    if (const json* c = r.object("colors", Need::optional)) {
      ObjectReader colors(d, *c, "/brand/colors", diags_, "brand colours");
      brand.primary = colors.string("primary", Need::required);
      check_brand_color(colors, "primary", brand.primary);
      brand.primary_dark = colors.string("primary_dark", Need::required);
      check_brand_color(colors, "primary_dark", brand.primary_dark);
      colors.finish();
    }
    if (const json* c = r.object("contact", Need::optional)) {
      ObjectReader contact(d, *c, "/brand/contact", diags_, "brand contact");
      brand.phone = contact.string("phone", Need::optional);
      check_phone(contact, "phone", brand.phone);
      brand.email = contact.string("email", Need::optional);
      const std::size_t at = brand.email.find('@');
      if (!brand.email.empty() && (at == 0 || at == std::string::npos || brand.email.find('@', at + 1) != std::string::npos ||
                                   brand.email.find_first_of(" \t<>\"'") != std::string::npos ||
                                   brand.email.find('.', at) == std::string::npos)) {
        contact.error("email", "\"" + brand.email + "\" is not an e-mail address (name@domain.vn)");
      }
      brand.address = contact.string("address", Need::optional);
      contact.finish();
    }
    r.finish();
  }

  // Reads {"<key>": [ {slug, name, description}, ... ]}.
  template <typename T>
  std::vector<T> read_named_list(const std::string& rel, const std::string& key, const std::string& what,
                                 bool required) {
    std::vector<T> out;
    const JsonDocument* d = doc(rel, required);
    if (d == nullptr) return out;
    ObjectReader top(*d, d->value, "", diags_, "file");
    std::set<std::string> seen;
    if (const json* items = top.array(key, Need::required)) {
      for (std::size_t i = 0; i < items->size(); ++i) {
        const std::string p = "/" + key + "/" + std::to_string(i);
        ObjectReader r(*d, (*items)[i], p, diags_, what);
        T t;
        t.slug = r.string("slug", Need::required);
        check_slug(r, "slug", t.slug);
        if (!t.slug.empty() && !seen.insert(t.slug).second) r.error("slug", "duplicate slug \"" + t.slug + "\"");
        t.name = r.string("name", Need::required);
        t.description = r.string("description", Need::optional);
        r.finish();
        out.push_back(t);
      }
    }
    top.finish();
    return out;
  }

  void read_fields() { catalog_.fields = read_named_list<Field>("fields.json", "fields", "field", true); }
  void read_life_events() {
    catalog_.life_events = read_named_list<LifeEvent>("life-events.json", "life_events", "life event", false);
  }

  void read_provinces() {
    const JsonDocument* d = doc("provinces.json", true);
    if (d == nullptr) return;
    ObjectReader top(*d, d->value, "", diags_, "file");
    std::set<std::string> slugs, codes;
    const auto& reserved = reserved_top_level_slugs();
    if (const json* items = top.array("provinces", Need::required)) {
      for (std::size_t i = 0; i < items->size(); ++i) {
        ObjectReader r(*d, (*items)[i], "/provinces/" + std::to_string(i), diags_, "province");
        ProvinceInfo p;
        p.code = r.string("code", Need::required);
        p.slug = r.string("slug", Need::required);
        check_slug(r, "slug", p.slug);
        if (std::find(reserved.begin(), reserved.end(), p.slug) != reserved.end()) {
          r.error("slug", "\"" + p.slug + "\" is used by the site itself; choose another province slug");
        }
        if (!p.slug.empty() && !slugs.insert(p.slug).second) r.error("slug", "duplicate province slug \"" + p.slug + "\"");
        if (!p.code.empty() && !codes.insert(p.code).second) r.error("code", "duplicate province code \"" + p.code + "\"");
        p.name = r.string("name", Need::required);
        p.kind = r.one_of("kind", Need::required, {"tinh", "thanh-pho"}, "tinh");
        p.merged_from = r.strings("merged_from", Need::optional);
        p.code_verified = r.boolean("code_verified", Need::optional, false);
        r.finish();
        catalog_.provinces.push_back(p);
      }
    }
    top.finish();
  }

  // Who may be exempt from fees: content/applicant-categories.json (optional).
  void read_applicant_categories() {
    const JsonDocument* d = doc("applicant-categories.json", false);
    if (d == nullptr) return;
    ObjectReader top(*d, d->value, "", diags_, "file");
    top.string("$schema", Need::optional);
    std::set<std::string> seen;
    if (const json* items = top.array("categories", Need::required)) {
      for (std::size_t i = 0; i < items->size(); ++i) {
        ObjectReader r(*d, (*items)[i], "/categories/" + std::to_string(i), diags_, "applicant category");
        ApplicantCategory c;
        c.slug = r.string("slug", Need::required);
        if (!c.slug.empty() && !is_valid_slug(c.slug)) r.error("slug", "invalid slug \"" + c.slug + "\"");
        if (!c.slug.empty() && !seen.insert(c.slug).second) r.error("slug", "category \"" + c.slug + "\" is listed twice");
        c.name = r.string("name", Need::required);
        c.note = r.string("note", Need::optional);
        r.finish();
        catalog_.applicant_categories.push_back(c);
        category_slugs_.push_back(c.slug);
      }
    }
    top.finish();
  }

  // Legal documents known to be replaced: content/replaced-documents.json (optional; `motcua check`
  // warns when a procedure cites one).
  void read_replaced_documents_file() {
    if (const JsonDocument* d = doc("replaced-documents.json", false)) {
      read_replaced_documents(*d, catalog_.replaced_documents, diags_);
    }
  }

  // content/search/synonyms.json and content/search/ranking.json (both optional; docs/search.md).
  void read_search_settings() {
    SearchSettings& out = catalog_.search;
    if (const JsonDocument* d = doc("search/synonyms.json", false)) {
      ObjectReader top(*d, d->value, "", diags_, "file");
      top.string("$schema", Need::optional);
      top.string("$comment", Need::optional);
      std::map<std::string, std::string> seen;  // folded word -> pointer of its entry
      if (const json* items = top.array("entries", Need::required)) {
        for (std::size_t i = 0; i < items->size(); ++i) {
          const std::string at = "/entries/" + std::to_string(i);
          ObjectReader r(*d, (*items)[i], at, diags_, "synonym");
          SearchSynonym syn;
          syn.words = r.strings("words", Need::required);
          syn.means = r.strings("means", Need::required);
          if (r.has("words") && syn.words.empty()) r.error("words", "list at least one word people type");
          if (r.has("means") && syn.means.empty()) r.error("means", "list at least one phrase of a procedure name");
          syn.kind = r.one_of("kind", Need::required, {"abbreviation", "old-name", "everyday"});
          if (const json* src = r.object("source", Need::required)) {
            ObjectReader sr(*d, *src, at + "/source", diags_, "source");
            syn.source_title = sr.string("title", Need::required);
            syn.source_url = sr.link("url", Need::optional, true);
            sr.finish();
          }
          for (std::size_t w = 0; w < syn.words.size(); ++w) {
            // Words that differ only by their marks ("thuê đất", "thuế đất") are different words.
            std::string folded;
            for (const SearchSyllable& syl : search_syllables(syn.words[w])) folded += syl.marked + " ";
            if (folded.empty()) {
              r.error_at_pointer(at + "/words/" + std::to_string(w), "a word needs letters or digits");
              continue;
            }
            const auto prev = seen.emplace(folded, at);
            if (!prev.second && prev.first->second != at) {
              r.error_at_pointer(at + "/words/" + std::to_string(w),
                                 "\"" + syn.words[w] + "\" is already listed at " + prev.first->second +
                                     "; merge the two entries");
            }
          }
          for (std::size_t m = 0; m < syn.means.size(); ++m) {
            if (fold_for_search(syn.means[m]).empty()) {
              r.error_at_pointer(at + "/means/" + std::to_string(m), "a phrase needs letters or digits");
            }
          }
          r.finish();
          out.synonyms.push_back(std::move(syn));
        }
      }
      top.finish();
    }
    if (const JsonDocument* d = doc("search/ranking.json", false)) {
      ObjectReader top(*d, d->value, "", diags_, "file");
      top.string("$schema", Need::optional);
      top.string("$comment", Need::optional);
      out.common_fields = top.strings("common_fields", Need::optional);
      for (std::size_t i = 0; i < out.common_fields.size(); ++i) {
        const std::string& slug = out.common_fields[i];
        const bool known = std::any_of(catalog_.fields.begin(), catalog_.fields.end(),
                                       [&](const Field& f) { return f.slug == slug; });
        if (!known && !broken_.count("fields.json")) {
          top.error_at_pointer("/common_fields/" + std::to_string(i),
                               "unknown field \"" + slug + "\"; fields are defined in " + display("fields.json"));
        }
      }
      if (const json* words = top.object("question_words", Need::optional)) {
        for (auto it = words->begin(); it != words->end(); ++it) {
          const std::string at = "/question_words/" + it.key();
          if (!it.value().is_number() || it.value().get<double>() < 0 || it.value().get<double>() > 1) {
            top.error_at_pointer(at, "give a weight between 0 and 1 (0.1 = the word barely counts)");
            continue;
          }
          const std::string folded = fold_for_search(it.key());
          if (folded.empty() || folded.find(' ') != std::string::npos) {
            top.error_at_pointer(at, "a question word is one syllable");
            continue;
          }
          out.question_words[folded] = it.value().get<double>();
        }
      }
      top.finish();
    }
  }

  void read_hotlines() {
    const JsonDocument* d = doc("hotlines.json", false);
    if (d == nullptr) return;
    ObjectReader top(*d, d->value, "", diags_, "file");
    if (const json* items = top.array("hotlines", Need::required)) {
      for (std::size_t i = 0; i < items->size(); ++i) {
        ObjectReader r(*d, (*items)[i], "/hotlines/" + std::to_string(i), diags_, "hotline");
        NationalHotline h;
        h.name = r.string("name", Need::required);
        h.number = r.string("number", Need::required);
        check_phone(r, "number", h.number);
        h.hours = r.string("hours", Need::optional);
        h.description = r.string("description", Need::optional);
        h.source = r.string("source", Need::optional);
        h.checked = r.string("checked", Need::optional);
        h.sample = r.boolean("sample", Need::optional, false);
        if (!h.checked.empty() && !is_valid_date(h.checked)) {
          r.error("checked", "invalid date \"" + h.checked + "\": write the day the source was read or "
                             "published as YYYY-MM-DD, e.g. 2026-12-02");
        }
        if (!h.sample && (h.source.empty() || h.checked.empty()) && r.is_object()) {
          r.error_at_pointer(r.pointer(), "a hotline that is not \"sample\" needs \"source\" (where the number "
                                          "is published) and \"checked\" (YYYY-MM-DD, the day it was read or "
                                          "published); or mark it \"sample\": true");
        }
        r.finish();
        catalog_.hotlines.push_back(h);
      }
    }
    top.finish();
  }

  // Markdown for `key`: inline in the JSON, or in `<key>.md` beside it.
  // `diags` and `used` are the reading folder's own (read_procedure_folder).
  std::string markdown(ObjectReader& r, const std::string& dir, const std::string& key, bool required,
                       Diagnostics& diags, std::vector<std::string>& used) const {
    const std::string md_rel = dir + "/" + key + ".md";
    const auto md = files_.find(md_rel);
    const nlohmann::json& value = r.document().value;
    const bool inline_present = r.has(key);
    std::string text;
    if (inline_present && value[key].is_string()) {
      if (value[key].get_ref<const std::string&>().size() > limits::kMaxMarkdownBytes) {
        r.error(key, "\"" + key + "\" is longer than " + std::to_string(limits::kMaxMarkdownBytes / 1024) +
                         " KiB, the limit for one Markdown text: shorten it");
      } else {
        text = to_nfc(value[key].get<std::string>());
      }
    }
    if (md != files_.end()) {
      used.push_back(md_rel);
      if (inline_present) {
        r.error(key, "\"" + key + "\" is given both here and in " + display(md_rel) + "; keep only one");
      }
      if (md->second->text.size() > limits::kMaxMarkdownBytes) {
        diags.error(display(md_rel), 0, 0, "",
                     "this Markdown file is longer than " + std::to_string(limits::kMaxMarkdownBytes / 1024) +
                         " KiB, the limit for one text: shorten it");
      } else if (check_utf8(display(md_rel), md->second->text, diags)) {
        text = to_nfc(md->second->text);
      }
    } else if (!inline_present && required) {
      r.error_at_pointer("", "missing \"" + key + "\": add it to the JSON or write " + display(md_rel));
    }
    return text;
  }

  // Frees the text of a procedure's files that no message since `first` names.
  void release_procedure_files(const std::string& dir, std::size_t first) {
    if (releasable_.empty()) return;
    for (const char* name : {"/procedure.json", "/steps.md", "/conditions.md"}) {
      const auto it = releasable_.find(dir + name);
      if (it == releasable_.end()) continue;
      const std::string shown = display(it->first);
      const auto& items = diags_.items();
      if (std::any_of(items.begin() + static_cast<std::ptrdiff_t>(first), items.end(),
                      [&](const Diagnostic& d) { return d.file == shown; })) {
        continue;
      }
      std::string().swap(it->second->text);
    }
  }

  // One procedure folder, read on its own: what read_procedures keeps of it.
  struct ReadProcedure {
    Procedure procedure;
    Diagnostics diags;
    std::vector<std::string> used;  // the folder's files it read
    bool broken = false;            // procedure.json is not JSON
  };

  // Reads procedures/<code>/procedure.json and its Markdown files. It touches nothing of the
  // loader but what it reads, so several folders may be read at once (parallel_).
  ReadProcedure read_procedure_folder(const std::string& path, const SourceFile& file) const {
    ReadProcedure out;
    const std::string dir = parent_dir(path);
    out.used.push_back(path);
    JsonDocument parsed;
    if (!parse_json({display(path), file.text}, parsed, out.diags)) {
      out.broken = true;
      // Its syntax error is reported; keep its files and its code from causing more errors.
      out.used.push_back(dir + "/steps.md");
      out.used.push_back(dir + "/conditions.md");
      return out;
    }
    Procedure& p = out.procedure;
    if (!read_procedure(parsed, p, out.diags, &category_slugs_)) {
      // Keep going: cross-references below still report what they can.
    }
    ObjectReader r(parsed, parsed.value, "", out.diags, "procedure");
    p.steps_markdown = markdown(r, dir, "steps", p.status != ReviewStatus::imported, out.diags, out.used);
    p.conditions_markdown = markdown(r, dir, "conditions", false, out.diags, out.used);
    const std::string folder = base_name(code_folder(dir));
    if (!p.code.empty() && p.code != folder) {
      r.error("code", "code \"" + p.code + "\" does not match its folder procedures/" + folder +
                          "/; rename the folder or fix the code");
    }
    if (version_folder(dir) && p.effective_from != base_name(dir)) {
      r.error(p.effective_from.empty() ? "code" : "effective_from",
              "this version lives in procedures/" + folder + "/" + base_name(dir) + "/, so it takes effect on " +
                  base_name(dir) + ": set \"effective_from\": \"" + base_name(dir) + "\" (or rename the folder)");
    }
    if (!p.field.empty() && !field_known(p.field)) {
      r.error("field", "unknown field \"" + p.field + "\"; fields are defined in " + display("fields.json"));
    }
    for (std::size_t i = 0; i < p.life_events.size(); ++i) {
      if (!life_event_known(p.life_events[i])) {
        r.error_at_pointer("/life_events/" + std::to_string(i),
                           "unknown life event \"" + p.life_events[i] + "\"; life events are defined in " +
                               display("life-events.json"));
      }
    }
    p.file = display(path);
    return out;
  }

  // An entry whose overrides carry days of their own: the entry without them before and after
  // those days, and with them during (each an entry of its own days, Catalog::select_date).
  static std::vector<CatalogEntry> split_dated_overrides(CatalogEntry e) {
    const std::string from = e.overrides.effective_from, until = e.overrides.effective_until;
    if (from.empty() && until.empty()) return {std::move(e)};
    CatalogEntry plain = e;
    plain.overrides = ProcedureOverrides();
    std::vector<CatalogEntry> out;
    if (!from.empty() && (e.effective_from.empty() || e.effective_from < from)) {
      CatalogEntry before = plain;
      before.effective_until = shift_iso_date(from, -1);
      out.push_back(std::move(before));
    }
    CatalogEntry during = e;
    if (!from.empty()) during.effective_from = std::max(from, e.effective_from);
    if (!until.empty()) during.effective_until = e.effective_until.empty() ? until : std::min(until, e.effective_until);
    if (!until.empty() && (e.effective_until.empty() || until < e.effective_until)) {
      CatalogEntry after = plain;
      after.effective_from = shift_iso_date(until, 1);
      out.push_back(std::move(during));
      out.push_back(std::move(after));
    } else {
      out.push_back(std::move(during));
    }
    return out;
  }

  // The versions of one code (procedures/<code>/ and procedures/<code>/<date>/) follow one
  // another: one may start open, no two start the same day, and one that names its last day
  // ends before the next starts.
  void check_versions() {
    std::map<std::string, std::vector<const Procedure*>> by_code;
    for (const Procedure& p : catalog_.procedures) {
      // A file whose code is not its folder's is reported already; it is no version of that code.
      const std::string dir = parent_dir(p.file.substr(std::min(prefix_.size(), p.file.size())));
      if (base_name(code_folder(dir)) == p.code) by_code[p.code].push_back(&p);
    }
    for (auto& [code, versions] : by_code) {
      if (versions.size() < 2) continue;
      std::sort(versions.begin(), versions.end(),
                [](const Procedure* a, const Procedure* b) { return a->effective_from < b->effective_from; });
      for (std::size_t i = 1; i < versions.size(); ++i) {
        const Procedure& before = *versions[i - 1];
        const Procedure& after = *versions[i];
        if (after.effective_from == before.effective_from) {
          diags_.error(after.file, 0, 0, "/effective_from",
                       before.effective_from.empty()
                           ? "two versions of " + code + " have no \"effective_from\" (" + before.file +
                                 "): only the first may be open; give this one the date its decision takes effect"
                           : "two versions of " + code + " take effect on " + after.effective_from + " (" + before.file +
                                 "); give each its own date");
        } else if (!before.effective_until.empty() && before.effective_until >= after.effective_from) {
          diags_.error(before.file, 0, 0, "/effective_until",
                       "this version of " + code + " is in force until " + before.effective_until + ", but " +
                           after.file + " takes effect on " + after.effective_from +
                           ": end this one the day before, or leave \"effective_until\" out (a later version ends it)");
        }
      }
    }
  }

  void read_procedures() {
    std::vector<std::pair<const std::string*, const SourceFile*>> folders;
    for (const auto& [path, file] : files_) {
      if (path.rfind("procedures/", 0) == 0 && procedure_file(path)) folders.push_back({&path, file});
    }
    // In batches, read on every core the caller offers, then kept in the order of their paths:
    // the messages and the catalog are the same as when read one by one. A batch bounds how
    // many parsed folders wait to be kept (their files are freed as they are).
    constexpr std::size_t kBatch = 256;
    std::vector<ReadProcedure> batch;
    for (std::size_t first = 0; first < folders.size(); first += kBatch) {
      const std::size_t n = std::min(kBatch, folders.size() - first);
      batch.clear();
      batch.resize(n);
      const auto read_one = [&](std::size_t i) {
        batch[i] = read_procedure_folder(*folders[first + i].first, *folders[first + i].second);
      };
      if (parallel_) {
        parallel_(n, read_one);
      } else {
        for (std::size_t i = 0; i < n; ++i) read_one(i);
      }
      for (std::size_t i = 0; i < n; ++i) {
        ReadProcedure& read = batch[i];
        const std::string& path = *folders[first + i].first;
        const std::string dir = parent_dir(path);
        const std::size_t first_message = diags_.items().size();
        diags_.append(read.diags);
        for (std::string& u : read.used) used_.insert(std::move(u));
        if (read.broken) {
          broken_.insert(path);
          broken_procedures_.insert(base_name(code_folder(dir)));
          continue;
        }
        catalog_.procedures.push_back(std::move(read.procedure));
        release_procedure_files(dir, first_message);
      }
    }
    check_versions();
    // Every procedure folder must hold a procedure.json.
    std::set<std::string> dirs_with_json;
    for (const Procedure& p : catalog_.procedures) dirs_with_json.insert(parent_dir(p.file));
    for (const auto& [path, file] : files_) {
      if (path.rfind("procedures/", 0) != 0) continue;
      const std::string dir = parent_dir(path);
      // procedures/<code>/<folder>/procedure.json: a version, named by its first day.
      if (base_name(path) == "procedure.json" && parent_dir(parent_dir(dir)) == "procedures" && !version_folder(dir)) {
        diags_.error(display(path), 0, 0, "",
                     "a later version of a procedure lives in procedures/<code>/<YYYY-MM-DD>/, named by the day it "
                     "takes effect (a real date, e.g. 2027-01-01); rename the folder \"" + base_name(dir) + "\"");
        used_.insert(path);
        continue;
      }
      if (parent_dir(dir) == "procedures" && !files_.count(dir + "/procedure.json")) {
        diags_.error(display(path), 0, 0, "", "this folder has no procedure.json; every procedure folder needs one");
        used_.insert(path);
      }
    }
  }

  bool field_known(const std::string& slug) const {
    if (broken_.count("fields.json")) return true;
    return std::any_of(catalog_.fields.begin(), catalog_.fields.end(), [&](const Field& f) { return f.slug == slug; });
  }
  bool life_event_known(const std::string& slug) const {
    if (broken_.count("life-events.json")) return true;
    return std::any_of(catalog_.life_events.begin(), catalog_.life_events.end(),
                       [&](const LifeEvent& e) { return e.slug == slug; });
  }
  const Procedure* procedure_known(const std::string& code) {
    if (procedure_by_code_.size() != catalog_.procedures.size()) {
      procedure_by_code_.clear();
      for (const Procedure& p : catalog_.procedures) procedure_by_code_.emplace(p.code, &p);
    }
    const auto it = procedure_by_code_.find(code);
    return it == procedure_by_code_.end() ? nullptr : it->second;
  }

  // The essential public services that must be offered fully online:
  // content/essential-services.json (optional; docs/content.md).
  void read_essential_services() {
    const std::string rel = "essential-services.json";
    const JsonDocument* d = doc(rel, false);
    if (d == nullptr) return;
    EssentialServices& out = catalog_.essential_services;
    ObjectReader top(*d, d->value, "", diags_, "list of essential services");
    if (!top.is_object()) return;
    top.string("$schema", Need::optional);
    if (const json* source = top.object("source", Need::required)) {
      ObjectReader sr(*d, *source, "/source", diags_, "source");
      out.document = sr.string("document", Need::required);
      out.issued = sr.string("issued", Need::required);
      check_date(sr, "issued", out.issued);
      out.url = sr.link("url", Need::optional, false);
      out.status = sr.one_of("status", Need::required, {"official", "reported"}, "reported");
      out.read = sr.string("read", Need::required);
      check_date(sr, "read", out.read);
      out.applies_from = sr.string("applies_from", Need::optional);
      check_date(sr, "applies_from", out.applies_from);
      out.reported_by = sr.strings("reported_by", Need::optional);
      for (std::size_t i = 0; i < out.reported_by.size(); ++i) {
        const std::string why = check_link_url(out.reported_by[i], false);
        if (!why.empty()) sr.error_at_pointer("/source/reported_by/" + std::to_string(i), "\"" + out.reported_by[i] + "\": " + why);
      }
      if (out.status == "reported" && out.reported_by.empty()) {
        sr.error("status", "a list known from reports names them: add \"reported_by\" with the links of the reports");
      }
      sr.finish();
    }
    out.note = top.string("note", Need::optional);
    std::map<std::string, int> owner;  // procedure code -> number of the service that lists it
    if (const json* items = top.array("services", Need::required)) {
      if (items->empty()) top.error("services", "list at least one service");
      for (std::size_t i = 0; i < items->size(); ++i) {
        const std::string at = "/services/" + std::to_string(i);
        ObjectReader r(*d, (*items)[i], at, diags_, "essential service");
        EssentialService e;
        e.number = static_cast<int>(r.integer("number", Need::required, 1, 1000, 0));
        if (r.has("number") && e.number != static_cast<int>(i) + 1) {
          r.error("number", "service " + std::to_string(i + 1) + " of the list has number " + std::to_string(e.number) +
                                "; number the services 1, 2, 3 … in the order of the list");
        }
        e.name = r.string("name", Need::required);
        // [] is an answer too: the catalog has no procedure for the service, and the page says so.
        e.procedures = r.strings("procedures", Need::optional);
        if (!r.has("procedures")) {
          r.error("procedures", "list the codes of the procedures the service maps to, or [] when the catalog has none");
        }
        for (std::size_t k = 0; k < e.procedures.size(); ++k) {
          const std::string& code = e.procedures[k];
          const std::string cp = at + "/procedures/" + std::to_string(k);
          if (!is_procedure_code(code)) {
            r.error_at_pointer(cp, "invalid procedure code \"" + code + "\": national codes look like 1.001193");
          } else if (procedure_known(code) == nullptr && !broken_procedures_.count(code)) {
            r.error_at_pointer(cp, "unknown procedure " + code + ": there is no " + display("procedures/" + code + "/procedure.json") +
                                       "; list only procedures of the catalog, or none when the service has no procedure here");
          } else if (const auto it = owner.find(code); it != owner.end()) {
            r.error_at_pointer(cp, "procedure " + code + " is already listed under service " + std::to_string(it->second) +
                                       "; a procedure belongs to one essential service");
          } else {
            owner.emplace(code, e.number);
          }
        }
        e.note = r.string("note", Need::optional);
        r.finish();
        out.services.push_back(std::move(e));
      }
    }
    top.finish();
    out.loaded = true;
  }

  void read_province_catalogs() {
    std::map<std::string, std::vector<std::string>> commune_files;  // province dir -> commune rel paths
    std::set<std::string> province_dirs;
    for (const auto& [path, file] : files_) {
      if (path.rfind("provinces/", 0) != 0) continue;
      const std::string dir = parent_dir(path);
      if (base_name(path) == "province.json" && parent_dir(dir) == "provinces") province_dirs.insert(dir);
      if (base_name(dir) == "communes" && parent_dir(parent_dir(dir)) == "provinces" &&
          path.size() > 5 && path.compare(path.size() - 5, 5, ".json") == 0) {
        commune_files[parent_dir(dir)].push_back(path);
      }
    }
    for (const auto& [dir, communes] : commune_files) {
      if (!province_dirs.count(dir)) {
        diags_.error(display(dir + "/province.json"), 0, 0, "",
                     "required file is missing: communes are listed in " + display(dir + "/communes/") +
                         " but the province has no province.json");
      }
    }
    for (const std::string& dir : province_dirs) {
      const std::string rel = dir + "/province.json";
      const JsonDocument* d = doc(rel, true);
      if (d == nullptr) {
        for (const std::string& c : commune_files[dir]) used_.insert(c);
        continue;
      }
      ProvinceCatalog pc;
      pc.file = display(rel);
      ObjectReader r(*d, d->value, "", diags_, "province catalog");
      pc.slug = r.string("slug", Need::required);
      check_slug(r, "slug", pc.slug);
      const std::string folder = base_name(dir);
      if (!pc.slug.empty() && pc.slug != folder) {
        r.error("slug", "slug \"" + pc.slug + "\" does not match its folder provinces/" + folder + "/");
      }
      if (!pc.slug.empty() && !broken_.count("provinces.json") && !std::any_of(catalog_.provinces.begin(), catalog_.provinces.end(),
                                           [&](const ProvinceInfo& p) { return p.slug == pc.slug; })) {
        r.error("slug", "unknown province \"" + pc.slug + "\"; provinces are listed in " + display("provinces.json"));
      }
      pc.agency_code = r.string("agency_code", Need::optional);
      pc.agency_code_verified = r.boolean("agency_code_verified", Need::optional, false);
      pc.center = read_center(r, "center");

      // Communes first: catalog entries may name them in "centers".
      std::set<std::string> commune_slugs;
      for (const std::string& crel : commune_files[dir]) {
        const JsonDocument* cd = doc(crel, false);
        if (cd == nullptr) continue;
        Commune c = read_commune(*cd, crel);
        // Other files refer to a commune by its file name (unique in its folder); a
        // "slug" that disagrees with it is reported by read_commune.
        const std::string file_name = base_name(crel);
        commune_slugs.insert(file_name.substr(0, file_name.size() - 5));
        pc.communes.push_back(std::move(c));
      }

      // code -> the entry's index: an entry listed again must be for other days.
      std::map<std::string, std::vector<std::size_t>> listed;
      if (const json* entries = r.array("catalog", Need::required)) {
        for (std::size_t i = 0; i < entries->size(); ++i) {
          const std::string p = "/catalog/" + std::to_string(i);
          CatalogEntry e = read_entry(*d, (*entries)[i], p, commune_slugs);
          e.position = i;
          for (CatalogEntry& part : split_dated_overrides(std::move(e))) {
            if (!part.procedure.empty()) listed[part.procedure].push_back(pc.catalog.size());
            pc.catalog.push_back(std::move(part));
          }
        }
      }
      for (auto& [code, at] : listed) {
        if (at.size() < 2) continue;
        std::sort(at.begin(), at.end(), [&](std::size_t a, std::size_t b) {
          return pc.catalog[a].effective_from < pc.catalog[b].effective_from;
        });
        for (std::size_t k = 1; k < at.size(); ++k) {
          const CatalogEntry& before = pc.catalog[at[k - 1]];
          const CatalogEntry& after = pc.catalog[at[k]];
          const std::string p = "/catalog/" + std::to_string(after.position);
          if (after.effective_from == before.effective_from) {
            r.error_at_pointer(p + "/procedure",
                               "procedure \"" + code + "\" is listed twice in this catalog" +
                                   (before.effective_from.empty()
                                        ? std::string()
                                        : " from the same day (" + before.effective_from + ")") +
                                   "; list it once, or give each entry the days it is in force "
                                   "(\"effective_from\", \"effective_until\")");
          } else if (!before.effective_until.empty() && before.effective_until >= after.effective_from) {
            r.error_at_pointer("/catalog/" + std::to_string(before.position) + "/effective_until",
                               "this entry of " + code + " is in force until " + before.effective_until +
                                   ", but the entry at /catalog/" + std::to_string(after.position) + " takes effect on " +
                                   after.effective_from + "; end this one the day before");
          }
        }
      }
      r.finish();

      // Commune adjustments must name procedures of this province's catalog.
      for (const std::string& crel : commune_files[dir]) {
        const auto it = docs_.find(crel);
        if (it == docs_.end()) continue;
        const JsonDocument& cd = it->second;
        ObjectReader cr(cd, cd.value, "", diags_, "commune");
        for (const char* key : {"also_receives", "does_not_receive"}) {
          if (!cd.value.is_object() || !cd.value.contains(key) || !cd.value[key].is_array()) continue;
          const json& list = cd.value[key];
          for (std::size_t k = 0; k < list.size(); ++k) {
            if (!list[k].is_string()) continue;
            const std::string code = list[k].get<std::string>();
            if (!listed.count(code)) {
              cr.error_at_pointer(std::string("/") + key + "/" + std::to_string(k),
                                  "procedure \"" + code + "\" is not in the catalog of " + display(rel) +
                                      "; add it there first");
            }
          }
        }
      }
      catalog_.province_catalogs.push_back(std::move(pc));
    }
  }

  Commune read_commune(const JsonDocument& d, const std::string& rel) {
    Commune c;
    c.file = display(rel);
    ObjectReader r(d, d.value, "", diags_, "commune");
    c.slug = r.string("slug", Need::required);
    check_slug(r, "slug", c.slug);
    std::string file_slug = base_name(rel);
    file_slug = file_slug.substr(0, file_slug.size() - 5);
    if (!c.slug.empty() && c.slug != file_slug) {
      r.error("slug", "slug \"" + c.slug + "\" does not match its file name " + file_slug + ".json");
    }
    if (c.slug == "thu-tuc" || c.slug == "linh-vuc") {
      r.error("slug", "\"" + c.slug + "\" is used by the site itself; choose another commune slug");
    }
    c.name = r.string("name", Need::required);
    c.kind = r.one_of("kind", Need::required, {"xa", "phuong", "dac-khu"}, "xa");
    c.code = r.string("code", Need::optional);
    c.code_verified = r.boolean("code_verified", Need::optional, false);
    c.center = read_center(r, "center");
    c.also_receives = r.strings("also_receives", Need::optional);
    c.does_not_receive = r.strings("does_not_receive", Need::optional);
    r.finish();
    return c;
  }

  CatalogEntry read_entry(const JsonDocument& d, const json& value, const std::string& pointer,
                          const std::set<std::string>& commune_slugs) {
    CatalogEntry e;
    ObjectReader r(d, value, pointer, diags_, "catalog entry");
    e.procedure = r.string("procedure", Need::required);
    const Procedure* national = nullptr;
    if (!e.procedure.empty()) {
      national = procedure_known(e.procedure);
      if (national == nullptr && !broken_procedures_.count(e.procedure)) {
        r.error("procedure", "unknown procedure \"" + e.procedure + "\"; national procedures live in " +
                                 display("procedures/<code>/procedure.json"));
      }
    }
    read_effective_days(r, e.effective_from, e.effective_until);
    e.local_code = r.string("local_code", Need::optional);
    if (!e.local_code.empty() && e.local_code.rfind(e.procedure + ".", 0) != 0) {
      r.error("local_code", "local code \"" + e.local_code + "\" must start with the national code \"" +
                                e.procedure + ".\"");
    }
    e.centers = r.strings("centers", Need::optional);
    for (std::size_t i = 0; i < e.centers.size(); ++i) {
      if (e.centers[i] != kProvinceCenter && !commune_slugs.count(e.centers[i])) {
        r.error_at_pointer(r.pointer_of("centers") + "/" + std::to_string(i),
                           "unknown center \"" + e.centers[i] +
                               "\"; use \"province\" or the slug of a commune of this province");
      }
    }
    if (const json* s = r.object("source", Need::optional)) {
      ObjectReader sr(d, *s, r.pointer_of("source"), diags_, "catalog entry source");
      CatalogSource src;
      src.decision = sr.string("decision", Need::required);
      src.date = sr.string("date", Need::required);
      check_date(sr, "date", src.date);
      src.sample = sr.boolean("sample", Need::optional, false);
      sr.finish();
      e.source = src;
    }
    if (const json* o = r.object("overrides", Need::optional)) {
      ObjectReader orr(d, *o, r.pointer_of("overrides"), diags_, "overrides");
      // Overrides of their own days (a decision changing a fee from a date): within the entry's.
      read_effective_days(orr, e.overrides.effective_from, e.overrides.effective_until);
      const ProcedureOverrides& ov = e.overrides;
      if (!ov.effective_from.empty() && !e.effective_from.empty() && ov.effective_from < e.effective_from) {
        orr.error("effective_from", "the overrides start on " + ov.effective_from + ", before the entry itself (" +
                                        e.effective_from + "); they can only apply while the entry is in force");
      }
      if (!ov.effective_until.empty() && !e.effective_until.empty() && ov.effective_until > e.effective_until) {
        orr.error("effective_until", "the overrides end on " + ov.effective_until + ", after the entry itself (" +
                                         e.effective_until + "); they can only apply while the entry is in force");
      }
      if (orr.has("competent_agency")) e.overrides.competent_agency = orr.string("competent_agency", Need::required);
      if (orr.has("implementing_agency")) {
        e.overrides.implementing_agency = orr.string("implementing_agency", Need::required);
      }
      e.overrides.note = orr.string("note", Need::optional);
      if (orr.has("boundary_independent")) {
        e.overrides.boundary_independent = orr.boolean("boundary_independent", Need::required);
      }
      if (orr.has("full_online")) {
        e.overrides.full_online = orr.boolean("full_online", Need::required);
        if (*e.overrides.full_online && national != nullptr && national->channel(ChannelKind::online) == nullptr) {
          orr.error("full_online", "\"full_online\" is true but procedure " + national->code +
                                       " has no \"online\" channel; add it to the national procedure first");
        }
      }
      // A badge the province's page shows cites the province's decision (the entry's "source").
      for (const char* flag : {"boundary_independent", "full_online"}) {
        const std::optional<bool>& set = std::string(flag) == "full_online" ? e.overrides.full_online
                                                                            : e.overrides.boundary_independent;
        if (set && *set && !e.source) {
          orr.error(flag, std::string("\"") + flag + "\" is true but the entry names no \"source\": add the "
                          "province's decision that lists it, \"source\": {\"decision\": \"…/QĐ-UBND\", \"date\": "
                          "\"YYYY-MM-DD\"}, which the page cites next to the badge");
        }
      }
      if (const json* rules = orr.array("fee_rules", Need::optional)) {
        std::vector<std::string> channel_slugs;
        if (national != nullptr) {
          for (const Channel& c : national->channels) channel_slugs.push_back(channel_slug(c.kind));
        }
        for (std::size_t i = 0; i < rules->size(); ++i) {
          ObjectReader fr(d, (*rules)[i], orr.pointer_of("fee_rules") + "/" + std::to_string(i), diags_, "fee rule");
          const FeeRule rule = read_fee_rule(fr, channel_slugs);
          if (fee_rules_clash(e.overrides.fee_rules, rule)) {
            fr.error("id", "rule \"" + rule.id + "\" already applies to the same channel in an overlapping period; give "
                           "each period its own \"valid_from\"/\"valid_to\" or each its own \"channels\"");
          }
          if (national != nullptr) {
            for (const std::string* name : {&rule.input, &rule.per}) {
              if (name->empty()) continue;
              bool found = false;
              for (const FeeInput& in : national->fees.inputs) found = found || in.name == *name;
              if (!found) {
                fr.error(name == &rule.input ? "input" : "per",
                         "unknown input \"" + *name + "\"; the national procedure declares its inputs in \"fees\"");
              }
            }
            check_fee_rule_bound(fr, rule, national->fees.inputs);
          }
          e.overrides.fee_rules.push_back(rule);
        }
      }
      if (const json* channels = orr.array("channels", Need::optional)) {
        for (std::size_t i = 0; i < channels->size(); ++i) {
          const std::string cp = orr.pointer_of("channels") + "/" + std::to_string(i);
          ObjectReader cr(d, (*channels)[i], cp, diags_, "channel override");
          ChannelOverride co;
          co.kind = channel_kind(cr.one_of("kind", Need::required, {"direct", "online", "postal"}, "direct"));
          bool has_deadline = false, has_fee = false;
          const Deadline dl = read_deadline(cr, "deadline", Need::optional, &has_deadline);
          const Fee fee = read_fee(cr, "fee", Need::optional, &has_fee);
          if (has_deadline) co.deadline = dl;
          if (has_fee) co.fee = fee;
          if (!has_deadline && !has_fee) cr.error_at_pointer(cp, "a channel override changes \"deadline\" and/or \"fee\"");
          if (national != nullptr && cr.has("kind") && national->channel(co.kind) == nullptr) {
            cr.error("kind", std::string("procedure ") + national->code + " has no \"" +
                                 (*channels)[i]["kind"].get<std::string>() + "\" channel to override");
          }
          cr.finish();
          e.overrides.channels.push_back(co);
        }
      }
      orr.finish();
    }
    r.finish();
    return e;
  }

  // calendar/rules.json and one calendar/<year>.json per year with an official schedule.
  void read_calendar() {
    if (const JsonDocument* d = doc("calendar/rules.json", true)) {
      read_calendar_rules(*d, d->value, "", catalog_.calendar.rules, diags_);
    }
    for (const auto& [path, document] : docs_) {
      if (parent_dir(path) != "calendar" || path == "calendar/rules.json") continue;
      used_.insert(path);
      YearSchedule y;
      read_year_schedule(document, document.value, "", y, diags_);
      const std::string expected = std::to_string(y.year) + ".json";
      if (y.year != 0 && base_name(path) != expected) {
        ObjectReader r(document, document.value, "", diags_, "year schedule");
        r.error("year", "the schedule of " + std::to_string(y.year) + " belongs in calendar/" + expected);
      } else if (y.year != 0) {
        catalog_.calendar.years.push_back(y);
      }
    }
    std::sort(catalog_.calendar.years.begin(), catalog_.calendar.years.end(),
              [](const YearSchedule& a, const YearSchedule& b) { return a.year < b.year; });
  }

  // content/citizen-id.json (the structure of the personal identification number) and
  // content/forms/<id>.json (declaration forms citizens draft in the browser).
  void read_forms() {
    if (const JsonDocument* d = doc("citizen-id.json", false)) read_citizen_id_rules(*d, catalog_.citizen_id, diags_);
    std::vector<std::string> codes;
    for (const Procedure& p : catalog_.procedures) codes.push_back(p.code);
    for (const std::string& code : broken_procedures_) codes.push_back(code);
    bool any = false;
    for (const auto& [path, file] : files_) {
      if (parent_dir(path) != "forms") continue;
      const std::string name = base_name(path);
      if (name.size() < 6 || name.compare(name.size() - 5, 5, ".json") != 0) continue;
      const JsonDocument* d = doc(path, false);
      if (d == nullptr) continue;
      any = true;
      Form f;
      if (read_form(*d, name.substr(0, name.size() - 5), codes, f, diags_)) catalog_.forms.push_back(std::move(f));
    }
    if (any && !files_.count("citizen-id.json")) {
      diags_.error(display("citizen-id.json"), 0, 0, "",
                   "forms check personal identification numbers against this file: create it as described in docs/content.md");
    }
    std::sort(catalog_.forms.begin(), catalog_.forms.end(), [](const Form& a, const Form& b) { return a.id < b.id; });
  }

  void report_unknown_files() {
    for (const auto& [path, file] : files_) {
      if (used_.count(path)) continue;
      const std::string name = base_name(path);
      if (name == "README.md" || name.rfind('.', 0) == 0) continue;
      diags_.warning(display(path), 0, 0, "", "file is not part of the content model and was ignored (see docs/content.md)");
    }
  }
};

}  // namespace

bool is_procedure_code(const std::string& code) {
  if (code.size() != 8 || code[1] != '.') return false;
  for (std::size_t i = 0; i < code.size(); ++i) {
    if (i != 1 && !is_digit(code[i])) return false;
  }
  return true;
}

const std::vector<std::string>& reserved_top_level_slugs() {
  static const std::vector<std::string> names = {
      "thu-tuc", "linh-vuc", "cap-thuc-hien", "su-kien", "phi-dia-gioi", "truc-tuyen-toan-trinh",
      "duong-day-nong", "tim-kiem", "api", "assets", "404", "lich-lam-viec", "ho-so-nhap",
      "ngoai-tuyen", "bieu-mau", "dich-vu-cong-thiet-yeu", "nhung"};
  return names;
}

bool read_procedure(const JsonDocument& doc, Procedure& p, Diagnostics& diags,
                    const std::vector<std::string>* categories) {
  const std::size_t errors_before = diags.error_count();
  ObjectReader r(doc, doc.value, "", diags, "procedure");
  if (!r.is_object()) return false;
  p.code = r.string("code", Need::required);
  if (!p.code.empty() && !is_procedure_code(p.code)) {
    r.error("code", "invalid procedure code \"" + p.code + "\": national codes look like 1.001193");
  }
  p.name = r.string("name", Need::required);
  p.short_name = r.string("short_name", Need::optional);
  if (!p.short_name.empty() && p.short_name.size() > p.name.size()) {
    r.error("short_name", "short_name is longer than name: give the plain title citizens use, shorter than the legal name");
  }
  // Imported records may lack what a reviewed page must have; the importer flags each gap.
  const std::string status = r.one_of("status", Need::optional, {"reviewed", "imported"}, "");
  p.status = status == "reviewed" ? ReviewStatus::reviewed
             : status == "imported" ? ReviewStatus::imported
                                    : ReviewStatus::unspecified;
  const bool imported = p.status == ReviewStatus::imported;
  const Need reviewed_needs = imported ? Need::optional : Need::required;
  p.summary = r.string("summary", reviewed_needs);
  static const std::map<std::string, Level> levels = {
      {"bo", Level::bo}, {"tinh", Level::tinh}, {"xa", Level::xa}, {"khac", Level::khac}};
  const std::vector<std::string> level_names = r.strings("levels", Need::required);
  for (std::size_t i = 0; i < level_names.size(); ++i) {
    const auto it = levels.find(level_names[i]);
    if (it == levels.end()) {
      r.error_at_pointer("/levels/" + std::to_string(i),
                         "unknown level \"" + level_names[i] + "\"; use one of: bo, tinh, xa, khac");
    } else if (!p.has_level(it->second)) {
      p.levels.push_back(it->second);
    }
  }
  p.field = r.string("field", Need::required);
  check_slug(r, "field", p.field);
  p.procedure_type = r.string("procedure_type", Need::optional);
  p.competent_agency = r.string("competent_agency", reviewed_needs);
  p.implementing_agency = r.string("implementing_agency", Need::optional);
  p.authorized_agency = r.string("authorized_agency", Need::optional);
  p.coordinating_agencies = r.strings("coordinating_agencies", Need::optional);
  p.applicants = r.strings("applicants", reviewed_needs);

  if (const json* channels = r.array("channels", Need::required)) {
    if (channels->empty() && !imported) {
      r.error("channels", "a procedure needs at least one channel (direct, online or postal)");
    }
    std::set<std::string> kinds;
    for (std::size_t i = 0; i < channels->size(); ++i) {
      const std::string cp = "/channels/" + std::to_string(i);
      ObjectReader cr(doc, (*channels)[i], cp, diags, "channel");
      Channel c;
      const std::string kind = cr.one_of("kind", Need::required, {"direct", "online", "postal"}, "");
      c.kind = channel_kind(kind);
      if (!kind.empty() && !kinds.insert(kind).second) cr.error("kind", "channel \"" + kind + "\" is listed twice");
      c.online_level = cr.one_of("online_level", Need::optional, {"full", "partial"}, "");
      if (!c.online_level.empty() && c.kind != ChannelKind::online) {
        cr.error("online_level", "\"online_level\" only applies to the \"online\" channel");
      }
      c.deadline = read_deadline(cr, "deadline", Need::required, nullptr);
      c.fee = read_fee(cr, "fee", Need::required, nullptr);
      c.description = cr.string("description", Need::optional);
      cr.finish();
      p.channels.push_back(c);
    }
  }

  std::vector<std::string> channel_slugs;
  for (const Channel& c : p.channels) channel_slugs.push_back(channel_slug(c.kind));

  // Questions asked to build a personal checklist.
  if (const json* questions = r.array("questions", Need::optional)) {
    std::set<std::string> ids;
    for (std::size_t i = 0; i < questions->size(); ++i) {
      ObjectReader qr(doc, (*questions)[i], "/questions/" + std::to_string(i), diags, "question");
      Question q;
      q.id = qr.string("id", Need::required);
      if (!q.id.empty() && !is_valid_slug(q.id)) qr.error("id", "invalid question id \"" + q.id + "\"; use e.g. \"nop-thay\"");
      if (!q.id.empty() && !ids.insert(q.id).second) qr.error("id", "question \"" + q.id + "\" is listed twice");
      q.text = qr.string("text", Need::required);
      q.type = qr.one_of("type", Need::required, {"yes_no", "choice"}, "yes_no");
      q.help = qr.string("help", Need::optional);
      if (const json* options = qr.array("options", q.type == "choice" ? Need::required : Need::optional)) {
        if (q.type != "choice") qr.error("options", "\"options\" are only used by a \"choice\" question");
        if (q.type == "choice" && options->size() < 2) qr.error("options", "a choice question needs at least two options");
        std::set<std::string> values;
        for (std::size_t k = 0; k < options->size(); ++k) {
          ObjectReader orr(doc, (*options)[k], qr.pointer_of("options") + "/" + std::to_string(k), diags, "option");
          QuestionOption o;
          o.value = orr.string("value", Need::required);
          if (!o.value.empty() && !values.insert(o.value).second) orr.error("value", "option \"" + o.value + "\" is listed twice");
          o.label = orr.string("label", Need::required);
          orr.finish();
          q.options.push_back(o);
        }
      }
      qr.finish();
      p.questions.push_back(q);
    }
  }

  if (const json* dossier = r.array("dossier", Need::required)) {
    std::set<std::string> ids;
    for (std::size_t i = 0; i < dossier->size(); ++i) {
      const std::string dp = "/dossier/" + std::to_string(i);
      ObjectReader dr(doc, (*dossier)[i], dp, diags, "dossier item");
      DossierItem item;
      item.id = dr.string("id", Need::optional);
      if (!item.id.empty() && !is_valid_slug(item.id)) dr.error("id", "invalid item id \"" + item.id + "\"");
      if (!item.id.empty() && !ids.insert(item.id).second) dr.error("id", "item \"" + item.id + "\" is listed twice");
      if (item.id.empty()) item.id = "giay-to-" + std::to_string(i + 1);
      item.name = dr.string("name", reviewed_needs);
      item.originals = static_cast<int>(dr.integer("originals", Need::required, 0, 100, 0));
      item.copies = static_cast<int>(dr.integer("copies", Need::required, 0, 100, 0));
      item.form = dr.string("form", Need::optional);
      item.kind = dr.one_of("kind", Need::optional, {"submit", "present"}, "submit") == "present"
                      ? DossierKind::present
                      : DossierKind::submit;
      item.when = dr.string("when", Need::optional);
      item.source = dr.string("source", Need::optional);
      if (dr.has("if")) {
        dr.object("if", Need::required);
        if (check_condition(doc, (*dossier)[i]["if"], dp + "/if", p.questions, channel_slugs, diags)) {
          item.condition = (*dossier)[i]["if"];
        }
      }
      if (const json* alts = dr.array("one_of", Need::optional)) {
        if (alts->size() < 2) dr.error("one_of", "\"one_of\" lists at least two papers, any one of which will do");
        for (std::size_t k = 0; k < alts->size(); ++k) {
          ObjectReader ar(doc, (*alts)[k], dp + "/one_of/" + std::to_string(k), diags, "alternative");
          DossierAlternative a;
          a.name = ar.string("name", Need::required);
          a.originals = static_cast<int>(ar.integer("originals", Need::optional, 0, 100, item.originals));
          a.copies = static_cast<int>(ar.integer("copies", Need::optional, 0, 100, item.copies));
          a.form = ar.string("form", Need::optional);
          ar.finish();
          item.alternatives.push_back(a);
        }
      }
      if (const json* waivers = dr.array("waived", Need::optional)) {
        for (std::size_t k = 0; k < waivers->size(); ++k) {
          const std::string wp = dp + "/waived/" + std::to_string(k);
          ObjectReader wr(doc, (*waivers)[k], wp, diags, "waiver");
          DossierWaiver w;
          if (wr.object("if", Need::required) &&
              check_condition(doc, (*waivers)[k]["if"], wp + "/if", p.questions, channel_slugs, diags)) {
            w.condition = (*waivers)[k]["if"];
          }
          w.reason = wr.string("reason", Need::required);
          w.source = wr.string("source", Need::required);
          wr.finish();
          if (!w.condition.is_null()) item.waivers.push_back(w);
        }
      }
      dr.finish();
      p.dossier.push_back(item);
    }
  }

  read_fee_schedule(r, "fees", channel_slugs, categories, p.fees);

  // steps/conditions may instead come from .md files: the catalog loader handles those.
  r.string("steps", Need::optional);
  r.string("conditions", Need::optional);
  if (doc.value.contains("steps") && doc.value["steps"].is_string()) p.steps_markdown = to_nfc(doc.value["steps"].get<std::string>());
  if (doc.value.contains("conditions") && doc.value["conditions"].is_string()) {
    p.conditions_markdown = to_nfc(doc.value["conditions"].get<std::string>());
  }

  auto read_result = [&](const json& v, const std::string& pointer) {
    ObjectReader rr(doc, v, pointer, diags, "result");
    ProcedureResult res;
    res.name = rr.string("name", reviewed_needs);
    res.code = rr.string("code", Need::optional);
    rr.finish();
    p.results.push_back(res);
  };
  if (r.has("result") && r.has("results")) {
    r.error("results", "give either \"result\" (one) or \"results\" (several), not both");
  } else if (r.has("results")) {
    if (const json* results = r.array("results", Need::required)) {
      if (results->empty() && !imported) r.error("results", "a procedure needs at least one result");
      for (std::size_t i = 0; i < results->size(); ++i) read_result((*results)[i], "/results/" + std::to_string(i));
    }
  } else if (const json* result = r.object("result", reviewed_needs)) {
    read_result(*result, "/result");
  }
  if (const json* basis = r.array("legal_basis", reviewed_needs)) {
    // An empty list is allowed: `motcua check` warns about it (missing_legal_basis).
    for (std::size_t i = 0; i < basis->size(); ++i) {
      ObjectReader lr(doc, (*basis)[i], "/legal_basis/" + std::to_string(i), diags, "legal document");
      LegalDocument l;
      l.title = lr.string("title", reviewed_needs);
      l.number = lr.string("number", Need::required);
      l.type = lr.string("type", Need::optional);
      l.article = lr.string("article", Need::optional);
      l.issued = lr.string("issued", Need::optional);
      check_date(lr, "issued", l.issued);
      lr.finish();
      p.legal_basis.push_back(l);
    }
  }
  p.boundary_independent = r.boolean("boundary_independent", Need::required);
  p.full_online = r.boolean("full_online", Need::required);
  // A badge a reviewed page shows says which decision it comes from (issue 12).
  p.boundary_independent_source = r.string("boundary_independent_source", Need::optional);
  p.full_online_source = r.string("full_online_source", Need::optional);
  if (p.status == ReviewStatus::reviewed) {
    if (p.boundary_independent && p.boundary_independent_source.empty()) {
      r.error("boundary_independent",
              "a reviewed procedure marked \"boundary_independent\" needs \"boundary_independent_source\": "
              "the decision or article that lets it be submitted anywhere (number, date, article); "
              "without one set \"boundary_independent\": false");
    }
    if (p.full_online && p.full_online_source.empty()) {
      r.error("full_online",
              "a reviewed procedure marked \"full_online\" needs \"full_online_source\": the decision "
              "that lists it as a full-process online service; without one set \"full_online\": false");
    }
  }
  if (!p.boundary_independent && !p.boundary_independent_source.empty()) {
    r.error("boundary_independent_source", "\"boundary_independent_source\" is given but \"boundary_independent\" "
                                           "is false; remove the source or set the flag");
  }
  if (!p.full_online && !p.full_online_source.empty()) {
    r.error("full_online_source", "\"full_online_source\" is given but \"full_online\" is false; remove the "
                                  "source or set the flag");
  }
  if (const json* where = r.object("received_at", Need::optional)) {
    ObjectReader wr(doc, *where, "/received_at", diags, "reception");
    Reception rec;
    rec.place = wr.one_of("place", Need::required, {"center", "commune_police", "online_only", "agency"}, "");
    rec.text = wr.string("text", rec.place == "agency" ? Need::required : Need::optional);
    rec.source = wr.string("source", Need::required);
    if (rec.place == "online_only" && p.channel(ChannelKind::online) == nullptr) {
      wr.error("place", "\"online_only\" but the procedure has no \"online\" channel");
    }
    wr.finish();
    if (!rec.place.empty() && !rec.source.empty() && (rec.place != "agency" || !rec.text.empty())) {
      p.received_at = rec;
    }
  }
  if (p.full_online) {
    const Channel* online = p.channel(ChannelKind::online);
    if (online == nullptr) {
      r.error("full_online", "\"full_online\" is true but the procedure has no \"online\" channel");
    } else if (online->online_level == "partial") {
      r.error("full_online", "\"full_online\" is true but the online channel says \"online_level\": \"partial\"");
    }
  }
  p.life_events = r.strings("life_events", Need::optional);
  p.related = r.strings("related", Need::optional);
  for (std::size_t i = 0; i < p.related.size(); ++i) {
    if (!is_procedure_code(p.related[i])) {
      r.error_at_pointer("/related/" + std::to_string(i),
                         "invalid procedure code \"" + p.related[i] + "\": national codes look like 1.001193");
    }
  }
  p.effective_date = r.string("effective_date", Need::optional);
  check_date(r, "effective_date", p.effective_date);
  read_effective_days(r, p.effective_from, p.effective_until);
  if (const json* source = r.object("source", reviewed_needs)) {
    ObjectReader sr(doc, *source, "/source", diags, "source");
    p.source.decision = sr.string("decision", reviewed_needs);
    p.source.url = sr.link("url", Need::optional, false);
    p.source.retrieved = sr.string("retrieved", Need::optional);
    sr.finish();
  }
  p.notes = r.strings("notes", Need::optional);
  if (const json* info = r.object("import", imported ? Need::required : Need::optional)) {
    if (!imported) r.error("import", "\"import\" belongs to procedures with \"status\": \"imported\"");
    ObjectReader ir(doc, *info, "/import", diags, "import");
    p.import.from = ir.string("from", Need::required);
    p.import.record = ir.string("record", Need::required);
    p.import.date = ir.string("date", Need::required);
    check_date(ir, "date", p.import.date);
    ir.finish();
  }
  if (const json* videos = r.array("videos", Need::optional)) {
    for (std::size_t i = 0; i < videos->size(); ++i) {
      ObjectReader vr(doc, (*videos)[i], "/videos/" + std::to_string(i), diags, "video");
      ProcedureVideo v;
      v.title = vr.string("title", Need::required);
      v.duration_seconds = static_cast<int>(vr.integer("duration", Need::required, 1, 36000, 0));
      v.url = vr.link("url", Need::required, false);
      v.source = vr.string("source", Need::required);
      if (vr.has("thumbnail")) {
        vr.misplaced("thumbnail",
                     "thumbnails are not shown: the page loads nothing from a video host until the citizen opens the "
                     "video; remove \"thumbnail\"");
      }
      vr.finish();
      if (!v.url.empty()) p.videos.push_back(v);
    }
  }
  if (const json* parts = r.array("unreviewed", Need::optional)) {
    for (std::size_t i = 0; i < parts->size(); ++i) {
      ObjectReader ur(doc, (*parts)[i], "/unreviewed/" + std::to_string(i), diags, "unreviewed part");
      UnreviewedPart u;
      u.pointer = ur.string("pointer", Need::optional);
      if (!u.pointer.empty() && u.pointer.front() != '/') {
        ur.error("pointer", "\"" + u.pointer + "\" is not a JSON Pointer; write e.g. \"/channels/0/deadline\"");
      }
      u.reason = ur.string("reason", Need::required);
      if (!u.reason.empty() && !std::all_of(u.reason.begin(), u.reason.end(), [](char c) {
            return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
          })) {
        ur.error("reason", "reason codes are snake_case, e.g. \"deadline_no_unit\" (see docs/import.md)");
      }
      u.text = ur.string("text", Need::optional);
      ur.finish();
      p.unreviewed.push_back(u);
    }
  }
  r.finish();
  return diags.error_count() == errors_before;
}

Catalog load_catalog(const std::vector<SourceFile>& files, const std::string& display_prefix,
                     Diagnostics& diags) {
  Loader loader(files, display_prefix, diags);
  Catalog c = loader.run();
  diags.sort();
  return c;
}

Catalog load_catalog_releasing(std::vector<SourceFile>& files, const std::string& display_prefix,
                               Diagnostics& diags, ParallelFor parallel) {
  Loader loader(files, display_prefix, diags, std::move(parallel));
  Catalog c = loader.run();
  diags.sort();
  return c;
}

}  // namespace motcua
