#include "motcua/quality.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <tuple>

#include "motcua/format.h"
#include "motcua/replaced_documents.h"
#include "motcua/vietnamese_text.h"

namespace motcua {

namespace {

bool all_digits(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::vector<std::string> words(const std::string& folded) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < folded.size()) {
    std::size_t end = folded.find(' ', start);
    if (end == std::string::npos) end = folded.size();
    if (end > start) out.push_back(folded.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

// An amount in đồng written in `text`: digits (grouped by thousands with '.', ',' or spaces)
// followed by "đồng", "đ", "VNĐ", "VND" or "Việt Nam Đồng", optionally after "nghìn"/"ngàn"/
// "triệu". Returns the amount as written again ("10.000 đồng"), or nothing when the text
// names no amount above 0 đồng.
std::optional<std::string> amount_in_dong(const std::string& text) {
  const std::vector<std::string> w = words(fold_for_search(text));
  for (std::size_t i = 0; i < w.size(); ++i) {
    if (w[i].empty() || w[i][0] < '0' || w[i][0] > '9') continue;
    // Split a trailing unit glued to the digits: "000d", "000dong", "000vnd".
    std::vector<std::string> groups;
    std::string glued;
    std::size_t j = i;
    for (; j < w.size(); ++j) {
      std::string token = w[j];
      std::size_t digits = 0;
      while (digits < token.size() && token[digits] >= '0' && token[digits] <= '9') ++digits;
      if (digits == 0) break;
      const bool first = groups.empty();
      if (!first && digits != 3) break;  // thousands come in threes
      if (first && digits > 3 && j + 1 < w.size() && all_digits(w[j + 1])) break;  // "2024 000": not grouped
      groups.push_back(token.substr(0, digits));
      if (digits < token.size()) {
        glued = token.substr(digits);
        ++j;
        break;
      }
    }
    if (groups.empty()) continue;
    std::size_t k = j;
    std::string scale;
    auto unit_at = [&](std::size_t at, std::size_t& after) {
      if (at >= w.size()) return false;
      if (w[at] == "dong" || w[at] == "d" || w[at] == "vnd") {
        after = at + 1;
        return true;
      }
      if (w[at] == "viet" && at + 2 < w.size() && w[at + 1] == "nam" && w[at + 2] == "dong") {
        after = at + 3;
        return true;
      }
      return false;
    };
    bool found = false;
    std::size_t after = 0;
    if (!glued.empty()) {
      // A bare "d" glued to a short number is an article's letter ("Điều 105d"), not "8.000đ".
      const bool dong_sign = glued == "d" && (groups.size() > 1 || groups[0].size() >= 4);
      found = glued == "dong" || glued == "vnd" || dong_sign;
    } else {
      // "1,5 triệu đồng": a decimal part only makes sense before a scale word.
      std::string decimal;
      if (groups.size() == 1 && k + 1 < w.size() && all_digits(w[k]) && w[k].size() <= 2 &&
          (w[k + 1] == "nghin" || w[k + 1] == "ngan" || w[k + 1] == "trieu")) {
        decimal = "," + w[k];
        ++k;
      }
      groups.back() += decimal;
      if (k < w.size() && (w[k] == "nghin" || w[k] == "ngan" || w[k] == "trieu")) {
        scale = w[k] == "trieu" ? " triệu" : " nghìn";
        ++k;
      }
      found = unit_at(k, after);
    }
    if (!found) continue;
    std::string number;
    bool nonzero = false;
    for (std::size_t g = 0; g < groups.size(); ++g) {
      if (g > 0) number += '.';
      number += groups[g];
      nonzero = nonzero || groups[g].find_first_not_of("0,") != std::string::npos;
    }
    if (!nonzero) continue;  // "0 đồng" agrees with "Miễn phí"
    return number + scale + " đồng";
  }
  return std::nullopt;
}

// Words that say a procedure concerns foreigners, life abroad or border crossings, folded as
// fold_for_search writes them. A procedure none of whose name, applicants and agencies
// contains one is "domestic" for the foreign_currency_fee rule.
const std::vector<std::string>& foreign_markers() {
  static const std::vector<std::string> markers = {
      "nuoc ngoai",   "ngoai quoc", "quoc te",       "ngoai giao", "lanh su",   "co quan dai dien",
      "xuat canh",    "nhap canh",  "qua canh",      "xuat khau",  "nhap khau", "viet kieu",
      "khong quoc tich", "hai ngoai"};
  return markers;
}

// The first foreign marker found in the procedure's name, applicants or agencies, or "".
std::string foreign_marker(const Procedure& p) {
  std::vector<std::string> texts = {p.name, p.competent_agency, p.implementing_agency, p.authorized_agency};
  texts.insert(texts.end(), p.applicants.begin(), p.applicants.end());
  texts.insert(texts.end(), p.coordinating_agencies.begin(), p.coordinating_agencies.end());
  for (const std::string& t : texts) {
    const std::string folded = " " + fold_for_search(t) + " ";
    for (const std::string& m : foreign_markers()) {
      if (folded.find(" " + m + " ") != std::string::npos) return m;
    }
  }
  return "";
}

const char* unit_words(DeadlineUnit u) {
  switch (u) {
    case DeadlineUnit::working_days: return "working days";
    case DeadlineUnit::calendar_days: return "calendar days";
    case DeadlineUnit::working_hours: return "working hours";
    case DeadlineUnit::months: return "months";
    default: return "";
  }
}

bool far_apart(int a, int b) {
  const int lo = std::min(a, b), hi = std::max(a, b);
  return hi - lo >= kQualityDeadlineGap && hi >= kQualityDeadlineRatio * lo;
}

class Checker {
 public:
  explicit Checker(const Catalog& catalog) : catalog_(catalog) {
    for (const ReplacedDocument& d : catalog.replaced_documents) replaced_[document_number_key(d.number)] = &d;
  }

  std::vector<QualityWarning> run() {
    for (const Procedure& p : catalog_.procedures) procedure(p);
    for (const ProvinceCatalog& pc : catalog_.province_catalogs) province(pc);
    return std::move(out_);
  }

 private:
  const Catalog& catalog_;
  std::map<std::string, const ReplacedDocument*> replaced_;
  std::vector<QualityWarning> out_;

  void warn(const std::string& file, const std::string& pointer, const char* code, const std::string& message) {
    out_.push_back({file, pointer, code, message, 0, 0});
  }

  // Checks one fee (of a channel, or of a province's channel override) at `at`.
  void fee(const std::string& file, const std::string& at, const Fee& f, const std::string& description,
           const Procedure& p) {
    if (f.kind == FeeKind::free) {
      for (const auto& [text, where] : {std::pair<const std::string*, const char*>{&f.text, "its text"},
                                        {&description, "the channel's description"}}) {
        if (const auto amount = amount_in_dong(*text)) {
          warn(file, at, "free_with_amount",
               "the fee is \"free\" (Miễn phí) but " + std::string(where) + " states " + *amount +
                   ": check which is right (on the portal the description is usually the more reliable part) "
                   "and write the amount, or say in the text why it is not charged");
          break;
        }
      }
    }
    if (f.kind == FeeKind::amount && f.amount < kQualityMinAmount) {
      std::string message = "a fee of " + format_vnd(f.amount) + " is unusually small (under " +
                            format_vnd(kQualityMinAmount) + ")";
      // The portal's amount column often lost its "000" while the text kept it: say so.
      const auto in_text = amount_in_dong(f.text);
      if (in_text && *in_text != format_vnd(f.amount)) message += " while its text states " + *in_text;
      warn(file, at + "/amount", "amount_under_1000",
           message + ": check the source for a lost \"000\" (\"40\" for 40.000 đồng), an amount given in thousands "
                     "or another currency");
    }
    if (f.kind == FeeKind::foreign) {
      const std::string marker = foreign_marker(p);
      if (marker.empty()) {
        warn(file, at, "foreign_currency_fee",
             "a fee of " + std::to_string(f.amount) + " " + f.currency +
                 " on a procedure that looks domestic (neither its name, applicants nor agencies mention "
                 "foreigners, life abroad, representative missions or border crossings): check whether the "
                 "amount is in đồng, or whether the channel concerns a mission abroad");
      }
    }
  }

  void deadline(const std::string& file, const std::string& at, const Deadline& d) {
    if (d.unit == DeadlineUnit::working_hours && d.value > kQualityMaxHours) {
      warn(file, at + "/value", "hours_over_24",
           "a deadline of " + std::to_string(d.value) + " working hours (more than " +
               std::to_string(kQualityMaxHours) +
               "): check whether the source meant working days, and write the deadline in the unit it uses");
    }
  }

  void fee_rule(const std::string& file, const std::string& at, const FeeRule& r) {
    auto small = [&](const std::string& key, std::int64_t amount, bool zero_counts) {
      if (amount >= kQualityMinAmount || (amount == 0 && !zero_counts)) return;
      warn(file, at + "/" + key, "amount_under_1000",
           "an amount of " + format_vnd(amount) + " in fee rule \"" + r.id + "\" is unusually small (under " +
               format_vnd(kQualityMinAmount) + "): check " + r.source.text() + " for a lost \"000\"");
    };
    switch (r.kind) {
      case FeeRuleKind::flat:
      case FeeRuleKind::per_unit: small("amount", r.amount, true); break;
      case FeeRuleKind::tiered:
        // A tier of 0 đồng is a documented pattern (the first pages free); a cap of 0 is "none".
        for (std::size_t t = 0; t < r.tiers.size(); ++t) small("tiers/" + std::to_string(t) + "/amount", r.tiers[t].amount, false);
        small("max", r.max, false);
        break;
      case FeeRuleKind::percent:
        small("min", r.min, false);
        small("max", r.max, false);
        break;
      case FeeRuleKind::free:
        for (const auto& [text, key] : {std::pair<const std::string*, const char*>{&r.note, "note"}, {&r.label, "label"}}) {
          if (const auto amount = amount_in_dong(*text)) {
            warn(file, at, "free_with_amount",
                 "fee rule \"" + r.id + "\" is \"free\" (Miễn phí) but its " + key + " states " + *amount +
                     ": check " + r.source.text() + " and write the amount as a rule, or say why it is not charged");
            break;
          }
        }
        break;
      default: break;
    }
  }

  // One channel whose deadline is far from every other channel's with the same unit.
  void deadline_outliers(const Procedure& p) {
    std::map<DeadlineUnit, std::vector<std::size_t>> by_unit;
    for (std::size_t i = 0; i < p.channels.size(); ++i) {
      const Deadline& d = p.channels[i].deadline;
      if (d.value > 0 && *unit_words(d.unit) != '\0') by_unit[d.unit].push_back(i);
    }
    for (const auto& [unit, group] : by_unit) {
      if (group.size() < 2) continue;
      std::vector<std::size_t> far;
      for (std::size_t c : group) {
        bool from_all = true;
        for (std::size_t o : group) {
          if (o != c && !far_apart(p.channels[c].deadline.value, p.channels[o].deadline.value)) from_all = false;
        }
        if (from_all) far.push_back(c);
      }
      // Two channels far apart: either may be wrong; warn once, at the one that is not the counter.
      if (group.size() == 2 && far.size() == 2) {
        far = {p.channels[group[1]].kind == ChannelKind::direct ? group[0] : group[1]};
      }
      for (std::size_t c : far) {
        std::string others;
        for (std::size_t o : group) {
          if (o == c) continue;
          if (!others.empty()) others += ", ";
          others += std::to_string(p.channels[o].deadline.value) + " (" + channel_slug(p.channels[o].kind) + ")";
        }
        warn(p.file, "/channels/" + std::to_string(c) + "/deadline/value", "deadline_outlier",
             "the " + std::string(channel_slug(p.channels[c].kind)) + " channel's deadline of " +
                 std::to_string(p.channels[c].deadline.value) + " " + unit_words(unit) + " is far from the other " +
                 (group.size() == 2 ? "channel's " : "channels' ") + others +
                 ": check the source; one of them may be a typo");
      }
    }
  }

  void copies(const std::string& file, const std::string& at, const std::string& name, int originals, int copies,
              bool check_originals, bool check_copies) {
    for (const auto& [count, key, check] : {std::tuple<int, const char*, bool>{originals, "originals", check_originals},
                                            {copies, "copies", check_copies}}) {
      if (!check || count <= kQualityMaxCopies) continue;
      warn(file, at + "/" + key, "copy_count_over_10",
           std::to_string(count) + " " + key + " of \"" + name + "\" (more than " + std::to_string(kQualityMaxCopies) +
               "): check the source for a count glued to a year or a form number (\"20241\")");
    }
  }

  void procedure(const Procedure& p) {
    const std::string& file = p.file;
    for (std::size_t i = 0; i < p.channels.size(); ++i) {
      const Channel& c = p.channels[i];
      const std::string at = "/channels/" + std::to_string(i);
      fee(file, at + "/fee", c.fee, c.description, p);
      deadline(file, at + "/deadline", c.deadline);
    }
    deadline_outliers(p);
    for (std::size_t i = 0; i < p.fees.rules.size(); ++i) {
      fee_rule(file, "/fees/rules/" + std::to_string(i), p.fees.rules[i]);
    }
    for (std::size_t i = 0; i < p.dossier.size(); ++i) {
      const DossierItem& item = p.dossier[i];
      const std::string at = "/dossier/" + std::to_string(i);
      copies(file, at, item.name, item.originals, item.copies, true, true);
      for (std::size_t k = 0; k < item.alternatives.size(); ++k) {
        const DossierAlternative& a = item.alternatives[k];
        // An alternative without its own counts takes the item's, already checked.
        copies(file, at + "/one_of/" + std::to_string(k), a.name, a.originals, a.copies,
               a.originals != item.originals, a.copies != item.copies);
      }
    }
    if (p.legal_basis.empty()) {
      warn(file, "/legal_basis", "missing_legal_basis",
           "no legal basis: add the documents the procedure rests on (the portal's \"Căn cứ pháp lý\") to "
           "\"legal_basis\", each with its number and title");
    }
    std::set<std::string> cited;
    for (const LegalDocument& l : p.legal_basis) cited.insert(document_number_key(l.number));
    for (std::size_t i = 0; i < p.legal_basis.size(); ++i) {
      const auto it = replaced_.find(document_number_key(p.legal_basis[i].number));
      if (it == replaced_.end()) continue;
      const ReplacedDocument& d = *it->second;
      // Numbers, not titles: a decree's title is a line long.
      std::string message = "cites " + p.legal_basis[i].number + ", replaced by " + d.replaced_by_number;
      if (!d.from.empty()) message += " from " + format_date(d.from);
      message += " (" + d.source.text() +
                 (d.sample ? "; an entry of replaced-documents.json not yet checked against the text" : "") + ")";
      if (cited.count(document_number_key(d.replaced_by_number))) {
        message += "; the procedure also cites " + d.replaced_by_number +
                   ": check whether the old document is still needed (for cases begun before the change)";
      } else {
        message += ": check whether the procedure still applies it, and cite the replacement";
      }
      warn(file, "/legal_basis/" + std::to_string(i) + "/number", "replaced_document", message);
    }
  }

  void province(const ProvinceCatalog& pc) {
    for (std::size_t e = 0; e < pc.catalog.size(); ++e) {
      const CatalogEntry& entry = pc.catalog[e];
      const Procedure* national = catalog_.find_procedure(entry.procedure);
      if (national == nullptr) continue;
      const std::string at = "/catalog/" + std::to_string(e) + "/overrides";
      for (std::size_t i = 0; i < entry.overrides.channels.size(); ++i) {
        const ChannelOverride& co = entry.overrides.channels[i];
        const std::string cat = at + "/channels/" + std::to_string(i);
        const Channel* c = national->channel(co.kind);
        if (co.fee) fee(pc.file, cat + "/fee", *co.fee, c != nullptr ? c->description : "", *national);
        if (co.deadline) deadline(pc.file, cat + "/deadline", *co.deadline);
      }
      for (std::size_t i = 0; i < entry.overrides.fee_rules.size(); ++i) {
        fee_rule(pc.file, at + "/fee_rules/" + std::to_string(i), entry.overrides.fee_rules[i]);
      }
    }
  }
};

}  // namespace

const std::vector<QualityWarningCode>& quality_warning_codes() {
  static const std::vector<QualityWarningCode> codes = {
      {"free_with_amount", "\"Miễn phí\" beside an amount in đồng"},
      {"deadline_outlier", "one channel's deadline far from the others'"},
      {"hours_over_24", "a deadline of more than 24 working hours"},
      {"amount_under_1000", "an amount under 1.000 đồng"},
      {"foreign_currency_fee", "a fee in foreign currency on a domestic procedure"},
      {"missing_legal_basis", "no legal basis"},
      {"replaced_document", "a legal basis citing a document known to be replaced"},
      {"copy_count_over_10", "more than 10 originals or copies of one paper"},
  };
  return codes;
}

std::vector<QualityWarning> check_quality(const Catalog& catalog) { return Checker(catalog).run(); }

void locate_quality_warnings(std::vector<QualityWarning>& warnings, const std::vector<SourceFile>& files,
                             const std::string& display_prefix) {
  std::map<std::string, const SourceFile*> by_display;
  for (const SourceFile& f : files) by_display[display_prefix + f.path] = &f;
  // A file's warnings come together, so one parsed document at a time is enough.
  JsonDocument doc;
  std::string parsed_file;
  bool parsed_any = false;
  for (QualityWarning& w : warnings) {
    if (!parsed_any || parsed_file != w.file) {
      doc = JsonDocument{};
      parsed_file = w.file;
      parsed_any = true;
      const auto source = by_display.find(w.file);
      Diagnostics ignored;  // the file loaded before, so it parses
      if (source != by_display.end()) parse_json({w.file, source->second->text}, doc, ignored);
    }
    const Position pos = doc.position_of(w.pointer);
    w.line = pos.line;
    w.column = pos.column;
  }
  std::stable_sort(warnings.begin(), warnings.end(), [](const QualityWarning& a, const QualityWarning& b) {
    if (a.file != b.file) return a.file < b.file;
    if (a.line != b.line) return a.line < b.line;
    return a.column < b.column;
  });
}

std::string format_quality_warning(const QualityWarning& w) {
  Diagnostic d{Severity::warning, w.file, w.line, w.column, w.pointer, w.message + " [" + w.code + "]"};
  return format_diagnostic(d);
}

}  // namespace motcua
