#include "motcua/fees.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "motcua/format.h"

namespace motcua {

using json = nlohmann::json;

namespace {

constexpr std::int64_t kMaxAmount = 1'000'000'000'000LL;  // 10^12 đồng

bool is_slug(const std::string& s) {
  if (s.empty() || s.front() == '-' || s.back() == '-') return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    if (!ok || (c == '-' && i > 0 && s[i - 1] == '-')) return false;
  }
  return true;
}

// Checked arithmetic: false when the result leaves [0, kMaxFeeTotal].
bool fee_mul(std::int64_t a, std::int64_t b, std::int64_t& out) {
  return !__builtin_mul_overflow(a, b, &out) && out >= 0 && out <= kMaxFeeTotal;
}
bool fee_add(std::int64_t a, std::int64_t b, std::int64_t& out) {
  return !__builtin_add_overflow(a, b, &out) && out >= 0 && out <= kMaxFeeTotal;
}

std::int64_t input_max(const std::vector<FeeInput>& inputs, const std::string& name) {
  for (const FeeInput& in : inputs) {
    if (in.name == name) return in.max;
  }
  return kMaxAmount;
}

}  // namespace

std::int64_t fee_rule_worst_case(const FeeRule& rule, const std::vector<FeeInput>& inputs) {
  constexpr std::int64_t kOver = kMaxFeeTotal + 1;
  std::int64_t out = 0;
  switch (rule.kind) {
    case FeeRuleKind::flat: return rule.amount;
    case FeeRuleKind::per_unit:
      return fee_mul(input_max(inputs, rule.input), rule.amount, out) ? out : kOver;
    case FeeRuleKind::tiered: {
      // Tiers are contiguous from 1, so the most is reached at the largest count.
      const std::int64_t count = input_max(inputs, rule.input);
      std::int64_t one = 0;
      for (const FeeTier& t : rule.tiers) {
        if (count < t.from) break;
        const std::int64_t last = t.to == 0 ? count : std::min(count, t.to);
        std::int64_t part = 0;
        if (!fee_mul(last - t.from + 1, t.amount, part) || !fee_add(one, part, one)) {
          one = kOver;
          break;
        }
      }
      if (rule.max > 0) one = std::min(one, rule.max);
      if (rule.per.empty()) return one;
      return fee_mul(one, input_max(inputs, rule.per), out) ? out : kOver;
    }
    case FeeRuleKind::percent: {
      std::int64_t scaled = 0;
      if (!fee_mul(input_max(inputs, rule.input), rule.basis_points, scaled)) {
        return rule.max > 0 ? rule.max : kOver;
      }
      out = (scaled + 5000) / 10000;
      if (rule.max > 0) out = std::min(out, rule.max);
      return std::max(out, rule.min);
    }
    case FeeRuleKind::free:
    case FeeRuleKind::not_regulated:
    case FeeRuleKind::local: return 0;
  }
  return 0;
}

void check_fee_rule_bound(ObjectReader& r, const FeeRule& rule, const std::vector<FeeInput>& inputs) {
  for (const std::string* name : {&rule.input, &rule.per}) {
    const bool declared = std::any_of(inputs.begin(), inputs.end(), [&](const FeeInput& in) { return in.name == *name; });
    if (!name->empty() && !declared) return;  // reported as an unknown input
  }
  if (fee_rule_worst_case(rule, inputs) <= kMaxFeeTotal) return;
  std::string at_max;
  for (const std::string* name : {&rule.input, &rule.per}) {
    if (name->empty()) continue;
    at_max += (at_max.empty() ? "" : " and ") + ("\"" + *name + "\" = " + std::to_string(input_max(inputs, *name)));
  }
  r.error_at_pointer(r.pointer(), "rule \"" + rule.id + "\" could charge more than " + format_vnd(kMaxFeeTotal) +
                                      (at_max.empty() ? std::string() : " (with " + at_max + ")") +
                                      ": give each input it uses a realistic \"max\" in \"inputs\"");
}

FeeSource read_fee_source(ObjectReader& parent, const std::string& key, const std::string& what) {
  FeeSource s;
  if (const json* v = parent.object(key, Need::required)) {
    ObjectReader r(parent.document(), *v, parent.pointer_of(key), parent.diagnostics(), what);
    s.document = r.string("document", Need::required);
    s.article = r.string("article", Need::optional);
    s.url = r.link("url", Need::optional, false);
    r.finish();
  }
  return s;
}

namespace {

void read_dates(ObjectReader& r, std::string& from, std::string& to) {
  from = r.string("valid_from", Need::optional);
  to = r.string("valid_to", Need::optional);
  for (const auto& [key, value] : {std::pair<const char*, std::string*>{"valid_from", &from}, {"valid_to", &to}}) {
    if (!value->empty() && !is_valid_date(*value)) {
      r.error(key, "invalid date \"" + *value + "\": write it as YYYY-MM-DD, e.g. 2027-01-01");
      value->clear();
    }
  }
  if (!from.empty() && !to.empty() && to < from) r.error("valid_to", "\"valid_to\" " + to + " is before \"valid_from\" " + from);
}

std::vector<std::string> read_channel_list(ObjectReader& r, const std::vector<std::string>& channels) {
  std::vector<std::string> out = r.strings("channels", Need::optional);
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (std::find(channels.begin(), channels.end(), out[i]) == channels.end()) {
      r.error_at_pointer(r.pointer_of("channels") + "/" + std::to_string(i),
                         "this procedure has no \"" + out[i] + "\" channel");
    }
  }
  return out;
}

bool in_list(const std::vector<std::string>& list, const std::string& v) {
  return list.empty() || std::find(list.begin(), list.end(), v) != list.end();
}

bool valid_on(const std::string& from, const std::string& to, const std::string& date) {
  return (from.empty() || from <= date) && (to.empty() || date <= to);
}

std::string percent_text(std::int64_t bp) {
  std::string s = std::to_string(bp / 100);
  if (bp % 100) {
    std::string frac = std::to_string(bp % 100);
    if (frac.size() < 2) frac = "0" + frac;
    if (frac.back() == '0') frac.pop_back();
    s += "," + frac;
  }
  return s + "%";
}

}  // namespace

std::string FeeSource::text() const { return article.empty() ? document : document + ", " + article; }

const char* fee_rule_kind_slug(FeeRuleKind k) {
  switch (k) {
    case FeeRuleKind::flat: return "flat";
    case FeeRuleKind::per_unit: return "per_unit";
    case FeeRuleKind::tiered: return "tiered";
    case FeeRuleKind::percent: return "percent";
    case FeeRuleKind::free: return "free";
    case FeeRuleKind::not_regulated: return "not_regulated";
    case FeeRuleKind::local: return "local";
  }
  return "";
}

FeeRule read_fee_rule(ObjectReader& r, const std::vector<std::string>& channels) {
  FeeRule f;
  f.id = r.string("id", Need::required);
  if (!f.id.empty() && !is_slug(f.id)) {
    r.error("id", "invalid rule id \"" + f.id + "\": use lowercase letters, digits and hyphens, e.g. \"phi-chung-thuc\"");
  }
  f.label = r.string("label", Need::required);
  static const std::map<std::string, FeeRuleKind> kinds = {
      {"flat", FeeRuleKind::flat}, {"per_unit", FeeRuleKind::per_unit}, {"tiered", FeeRuleKind::tiered},
      {"percent", FeeRuleKind::percent}, {"free", FeeRuleKind::free}, {"not_regulated", FeeRuleKind::not_regulated},
      {"local", FeeRuleKind::local}};
  const std::string kind = r.one_of("kind", Need::required,
                                    {"flat", "per_unit", "tiered", "percent", "free", "not_regulated", "local"}, "");
  if (kind.empty()) return f;  // reported; the other keys depend on the kind
  f.kind = kinds.at(kind);
  f.channels = read_channel_list(r, channels);
  const bool needs_amount = f.kind == FeeRuleKind::flat || f.kind == FeeRuleKind::per_unit;
  const bool needs_input = f.kind == FeeRuleKind::per_unit || f.kind == FeeRuleKind::tiered || f.kind == FeeRuleKind::percent;
  f.amount = r.integer("amount", needs_amount ? Need::required : Need::optional, 0, kMaxAmount, 0);
  if (!needs_amount && r.has("amount")) r.error("amount", "\"amount\" is not used by a \"" + kind + "\" rule");
  f.input = r.string("input", needs_input ? Need::required : Need::optional);
  if (!needs_input && r.has("input")) r.error("input", "\"input\" is not used by a \"" + kind + "\" rule");
  f.unit = r.string("unit", Need::optional);
  f.per = r.string("per", Need::optional);
  if (r.has("per") && f.kind != FeeRuleKind::tiered) r.error("per", "\"per\" is only used by a \"tiered\" rule");
  f.max = r.integer("max", Need::optional, 1, kMaxAmount, 0);
  f.min = r.integer("min", Need::optional, 0, kMaxAmount, 0);
  if (r.has("max") && f.kind != FeeRuleKind::tiered && f.kind != FeeRuleKind::percent) {
    r.error("max", "\"max\" is only used by \"tiered\" and \"percent\" rules");
  }
  if (r.has("min") && f.kind != FeeRuleKind::percent) r.error("min", "\"min\" is only used by a \"percent\" rule");
  if (f.max > 0 && f.min > f.max) r.error("min", "\"min\" is larger than \"max\"");
  if (f.kind == FeeRuleKind::percent) {
    // Whole basis points: 0.01% is the smallest rate.
    const double p = r.number("percent", Need::required, 0.01, 100);
    f.basis_points = static_cast<std::int64_t>(std::llround(p * 100));
  } else if (r.has("percent")) {
    r.error("percent", "\"percent\" is only used by a \"percent\" rule");
  }
  if (const json* tiers = r.array("tiers", f.kind == FeeRuleKind::tiered ? Need::required : Need::optional)) {
    if (f.kind != FeeRuleKind::tiered) r.error("tiers", "\"tiers\" is only used by a \"tiered\" rule");
    if (tiers->empty()) r.error("tiers", "a tiered rule needs at least one tier");
    std::int64_t expect = 1;
    for (std::size_t i = 0; i < tiers->size(); ++i) {
      ObjectReader tr(r.document(), (*tiers)[i], r.pointer_of("tiers") + "/" + std::to_string(i), r.diagnostics(), "tier");
      FeeTier t;
      t.from = tr.integer("from", Need::required, 1, kMaxAmount, 1);
      t.to = tr.integer("to", Need::optional, 1, kMaxAmount, 0);
      t.amount = tr.integer("amount", Need::required, 0, kMaxAmount, 0);
      if (tr.has("from") && t.from != expect) {
        tr.error("from", "tiers must follow each other without gaps: this tier should start at " +
                             std::to_string(expect));
      }
      if (t.to != 0 && t.to < t.from) tr.error("to", "\"to\" is before \"from\"");
      if (t.to == 0 && i + 1 < tiers->size()) tr.error("to", "only the last tier may leave \"to\" open");
      expect = t.to == 0 ? expect : t.to + 1;
      tr.finish();
      f.tiers.push_back(t);
    }
  }
  read_dates(r, f.valid_from, f.valid_to);
  f.source = read_fee_source(r, "source");
  f.sample = r.boolean("sample", Need::optional, false);
  f.note = r.string("note", Need::optional);
  r.finish();
  return f;
}

void read_fee_schedule(ObjectReader& parent, const std::string& key, const std::vector<std::string>& channels,
                       const std::vector<std::string>* categories, FeeSchedule& out) {
  const json* v = parent.object(key, Need::optional);
  if (v == nullptr) return;
  ObjectReader r(parent.document(), *v, parent.pointer_of(key), parent.diagnostics(), "fees");
  std::set<std::string> input_names;
  if (const json* inputs = r.array("inputs", Need::optional)) {
    for (std::size_t i = 0; i < inputs->size(); ++i) {
      ObjectReader ir(r.document(), (*inputs)[i], r.pointer_of("inputs") + "/" + std::to_string(i), r.diagnostics(),
                      "fee input");
      FeeInput in;
      in.name = ir.string("name", Need::required);
      if (!in.name.empty() && !is_slug(in.name)) ir.error("name", "invalid input name \"" + in.name +
                                                                      "\": use lowercase letters, digits and hyphens, e.g. \"pages\"");
      if (!in.name.empty() && !input_names.insert(in.name).second) ir.error("name", "input \"" + in.name + "\" is listed twice");
      in.label = ir.string("label", Need::required);
      in.unit = ir.string("unit", Need::optional);
      in.min = ir.integer("min", Need::optional, 0, kMaxAmount, 0);
      in.max = ir.integer("max", Need::optional, 0, kMaxAmount, kMaxAmount);
      in.fallback = ir.integer("default", Need::optional, 0, kMaxAmount, std::max<std::int64_t>(in.min, 1));
      if (in.max < in.min) ir.error("max", "\"max\" is less than \"min\"");
      else if (in.fallback < in.min || in.fallback > in.max) {
        ir.error("default", "\"default\" must be between \"min\" and \"max\"");
      }
      ir.finish();
      out.inputs.push_back(in);
    }
  }
  std::set<std::string> ids;
  if (const json* rules = r.array("rules", Need::required)) {
    for (std::size_t i = 0; i < rules->size(); ++i) {
      const std::string rp = r.pointer_of("rules") + "/" + std::to_string(i);
      ObjectReader rr(r.document(), (*rules)[i], rp, r.diagnostics(), "fee rule");
      FeeRule rule = read_fee_rule(rr, channels);
      if (fee_rules_clash(out.rules, rule)) {
        rr.error_at_pointer(rp + "/id", "rule \"" + rule.id +
                                            "\" already applies to the same channel in an overlapping period; give "
                                            "each period its own \"valid_from\"/\"valid_to\" or each its own \"channels\"");
      }
      for (const std::string* name : {&rule.input, &rule.per}) {
        if (!name->empty() && !input_names.count(*name)) {
          rr.error_at_pointer(rp + (name == &rule.input ? "/input" : "/per"),
                              "unknown input \"" + *name + "\"; declare it in \"inputs\"");
        }
      }
      check_fee_rule_bound(rr, rule, out.inputs);
      ids.insert(rule.id);
      out.rules.push_back(rule);
    }
  }
  // Rules add up: together they must stay within the limit too.
  std::int64_t worst = 0;
  for (const FeeRule& rule : out.rules) {
    const std::int64_t one = fee_rule_worst_case(rule, out.inputs);
    if (one > kMaxFeeTotal) break;  // reported with the rule
    if (!fee_add(worst, one, worst)) {
      r.error("rules", "together these rules could charge more than " + format_vnd(kMaxFeeTotal) +
                           ": give each input a realistic \"max\" in \"inputs\"");
      break;
    }
  }
  auto check_rule_ids = [&](ObjectReader& x, const std::vector<std::string>& list) {
    for (std::size_t k = 0; k < list.size(); ++k) {
      if (!ids.count(list[k])) {
        x.error_at_pointer(x.pointer_of("rules") + "/" + std::to_string(k), "unknown rule \"" + list[k] + "\"");
      }
    }
  };
  if (const json* adjustments = r.array("adjustments", Need::optional)) {
    for (std::size_t i = 0; i < adjustments->size(); ++i) {
      ObjectReader ar(r.document(), (*adjustments)[i], r.pointer_of("adjustments") + "/" + std::to_string(i),
                      r.diagnostics(), "fee adjustment");
      FeeAdjustment a;
      a.label = ar.string("label", Need::required);
      a.rules = ar.strings("rules", Need::optional);
      check_rule_ids(ar, a.rules);
      a.channels = read_channel_list(ar, channels);
      a.percent_off = static_cast<int>(ar.integer("percent_off", Need::required, 1, 100, 0));
      read_dates(ar, a.valid_from, a.valid_to);
      a.source = read_fee_source(ar, "source");
      a.sample = ar.boolean("sample", Need::optional, false);
      ar.finish();
      out.adjustments.push_back(a);
    }
  }
  if (const json* exemptions = r.array("exemptions", Need::optional)) {
    for (std::size_t i = 0; i < exemptions->size(); ++i) {
      ObjectReader er(r.document(), (*exemptions)[i], r.pointer_of("exemptions") + "/" + std::to_string(i),
                      r.diagnostics(), "fee exemption");
      FeeExemption e;
      e.category = er.string("category", Need::required);
      if (!e.category.empty() && categories != nullptr &&
          std::find(categories->begin(), categories->end(), e.category) == categories->end()) {
        er.error("category", "unknown applicant category \"" + e.category +
                                 "\"; categories are defined in content/applicant-categories.json");
      }
      e.rules = er.strings("rules", Need::optional);
      check_rule_ids(er, e.rules);
      e.percent_off = static_cast<int>(er.integer("percent_off", Need::optional, 1, 100, 100));
      e.source = read_fee_source(er, "source");
      e.note = er.string("note", Need::optional);
      e.sample = er.boolean("sample", Need::optional, false);
      er.finish();
      out.exemptions.push_back(e);
    }
  }
  r.finish();
}

// The same id may appear for several periods (a scheduled change) or several channels
// (an online amount), never twice for the same channel on the same day.
bool fee_rules_clash(const std::vector<FeeRule>& earlier, const FeeRule& rule) {
  for (const FeeRule& other : earlier) {
    if (other.id != rule.id) continue;
    const bool overlap = (other.valid_to.empty() || rule.valid_from.empty() || rule.valid_from <= other.valid_to) &&
                         (rule.valid_to.empty() || other.valid_from.empty() || other.valid_from <= rule.valid_to);
    bool shared_channel = other.channels.empty() || rule.channels.empty();
    for (const std::string& c : rule.channels) {
      shared_channel = shared_channel || std::find(other.channels.begin(), other.channels.end(), c) != other.channels.end();
    }
    if (overlap && shared_channel) return true;
  }
  return false;
}

FeeSchedule apply_fee_overrides(const FeeSchedule& national, const std::vector<FeeRule>& local) {
  // A province's rules replace every period of the national rule with the same id, in
  // its place; rules with new ids are added at the end.
  FeeSchedule out = national;
  out.rules.clear();
  std::set<std::string> placed;
  const auto place = [&](const std::string& id) {
    if (!placed.insert(id).second) return;
    for (const FeeRule& l : local) {
      if (l.id == id) out.rules.push_back(l);
    }
  };
  for (const FeeRule& n : national.rules) {
    const bool overridden = std::any_of(local.begin(), local.end(), [&](const FeeRule& l) { return l.id == n.id; });
    if (overridden) place(n.id);
    else out.rules.push_back(n);
  }
  for (const FeeRule& l : local) place(l.id);
  return out;
}

json fee_source_json(const FeeSource& s) {
  json out = {{"document", s.document}};
  if (!s.article.empty()) out["article"] = s.article;
  if (!s.url.empty()) out["url"] = s.url;
  return out;
}

json fee_schedule_to_json(const FeeSchedule& s) {
  json inputs = json::array(), rules = json::array(), adjustments = json::array(), exemptions = json::array();
  for (const FeeInput& in : s.inputs) {
    inputs.push_back({{"name", in.name}, {"label", in.label}, {"unit", in.unit}, {"min", in.min}, {"max", in.max},
                      {"default", in.fallback}});
  }
  for (const FeeRule& r : s.rules) {
    json j = {{"id", r.id}, {"label", r.label}, {"kind", fee_rule_kind_slug(r.kind)}, {"source", fee_source_json(r.source)},
              {"text", describe_fee_rule(r, s.inputs)}};
    if (!r.channels.empty()) j["channels"] = r.channels;
    if (r.kind == FeeRuleKind::flat || r.kind == FeeRuleKind::per_unit) j["amount"] = r.amount;
    if (!r.input.empty()) j["input"] = r.input;
    if (!r.unit.empty()) j["unit"] = r.unit;
    if (!r.per.empty()) j["per"] = r.per;
    if (r.max) j["max"] = r.max;
    if (r.min) j["min"] = r.min;
    if (r.kind == FeeRuleKind::percent) j["basis_points"] = r.basis_points;
    if (!r.tiers.empty()) {
      json tiers = json::array();
      for (const FeeTier& t : r.tiers) {
        json tj = {{"from", t.from}, {"amount", t.amount}};
        if (t.to) tj["to"] = t.to;
        tiers.push_back(tj);
      }
      j["tiers"] = tiers;
    }
    if (!r.valid_from.empty()) j["valid_from"] = r.valid_from;
    if (!r.valid_to.empty()) j["valid_to"] = r.valid_to;
    if (r.sample) j["sample"] = true;
    if (!r.note.empty()) j["note"] = r.note;
    rules.push_back(j);
  }
  for (const FeeAdjustment& a : s.adjustments) {
    json j = {{"label", a.label}, {"percent_off", a.percent_off}, {"source", fee_source_json(a.source)}};
    if (!a.rules.empty()) j["rules"] = a.rules;
    if (!a.channels.empty()) j["channels"] = a.channels;
    if (!a.valid_from.empty()) j["valid_from"] = a.valid_from;
    if (!a.valid_to.empty()) j["valid_to"] = a.valid_to;
    if (a.sample) j["sample"] = true;
    adjustments.push_back(j);
  }
  for (const FeeExemption& e : s.exemptions) {
    json j = {{"category", e.category}, {"percent_off", e.percent_off}, {"source", fee_source_json(e.source)}};
    if (!e.rules.empty()) j["rules"] = e.rules;
    if (!e.note.empty()) j["note"] = e.note;
    if (e.sample) j["sample"] = true;
    exemptions.push_back(j);
  }
  return {{"inputs", inputs}, {"rules", rules}, {"adjustments", adjustments}, {"exemptions", exemptions}};
}

json applicant_categories_to_json(const std::vector<ApplicantCategory>& c) {
  json out = json::array();
  for (const ApplicantCategory& a : c) {
    json j = {{"slug", a.slug}, {"name", a.name}};
    if (!a.note.empty()) j["note"] = a.note;
    out.push_back(j);
  }
  return out;
}

std::string describe_dates(const std::string& from, const std::string& to) {
  if (!from.empty() && !to.empty()) return "từ " + format_date(from) + " đến " + format_date(to);
  if (!from.empty()) return "từ " + format_date(from);
  if (!to.empty()) return "đến " + format_date(to);
  return "";
}

std::string describe_fee_rule(const FeeRule& r, const std::vector<FeeInput>& inputs) {
  const auto per_unit_word = [&](const std::string& name) {
    for (const FeeInput& in : inputs) {
      if (in.name == name && !in.unit.empty()) return in.unit;
    }
    return std::string("lần tính");
  };
  const std::string unit = r.unit.empty() ? "" : "/" + r.unit;
  switch (r.kind) {
    case FeeRuleKind::free: return "Miễn phí";
    case FeeRuleKind::not_regulated: return "Không quy định";
    case FeeRuleKind::local: return "Theo mức do Hội đồng nhân dân tỉnh quy định";
    case FeeRuleKind::flat: return format_vnd(r.amount);
    case FeeRuleKind::per_unit: return format_vnd(r.amount) + unit;
    case FeeRuleKind::tiered: {
      std::string s;
      for (const FeeTier& t : r.tiers) {
        if (!s.empty()) s += "; ";
        s += format_vnd(t.amount) + unit + " ";
        const std::string what = r.unit.empty() ? "" : r.unit + " ";
        if (t.to == 0) s += "từ " + what + "thứ " + std::to_string(t.from) + " trở đi";
        else if (t.from == t.to) s += "cho " + what + "thứ " + std::to_string(t.from);
        else s += "cho " + what + "thứ " + std::to_string(t.from) + " đến thứ " + std::to_string(t.to);
      }
      // The cap applies to each "per" unit (each copy for certified copies).
      if (r.max) s += "; tối đa " + format_vnd(r.max) + (r.per.empty() ? "" : " mỗi " + per_unit_word(r.per));
      return s;
    }
    case FeeRuleKind::percent: {
      std::string s = percent_text(r.basis_points) + " giá trị";
      if (r.min) s += ", tối thiểu " + format_vnd(r.min);
      if (r.max) s += ", tối đa " + format_vnd(r.max);
      return s;
    }
  }
  return "";
}

// ------------------------------------------------------------------ the engine

namespace {

struct Error {
  std::string field, message;
};

// Readers of our own published data: never throw, never abort on a wrong type.
std::string str(const json& j, const char* key) {
  const auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}
std::int64_t num(const json& j, const char* key, std::int64_t fallback = 0) {
  const auto it = j.find(key);
  return it != j.end() && it->is_number_integer() ? it->get<std::int64_t>() : fallback;
}
std::vector<std::string> strs(const json& j, const char* key) {
  std::vector<std::string> out;
  const auto it = j.find(key);
  if (it != j.end() && it->is_array()) {
    for (const json& v : *it) {
      if (v.is_string()) out.push_back(v.get<std::string>());
    }
  }
  return out;
}
const json& arr(const json& j, const char* key) {
  static const json empty = json::array();
  const auto it = j.find(key);
  return it != j.end() && it->is_array() ? *it : empty;
}
std::string source_text(const json& j) {
  const auto it = j.find("source");
  if (it == j.end() || !it->is_object()) return "";
  const std::string doc = str(*it, "document"), art = str(*it, "article");
  return art.empty() ? doc : doc + ", " + art;
}

std::string error_json(const std::vector<Error>& errors) {
  json list = json::array();
  for (const Error& e : errors) list.push_back({{"field", e.field}, {"message", e.message}});
  return json({{"error", list.front()}, {"errors", list}}).dump(-1, ' ', false, json::error_handler_t::replace);
}

// Tiered amount for `count` units: each unit priced by the tier it falls in.
// False when the amount would pass kMaxFeeTotal.
bool tiered_amount(const json& tiers, std::int64_t count, std::string& detail, const std::string& unit,
                   std::int64_t& total) {
  total = 0;
  for (const json& t : tiers) {
    const std::int64_t from = num(t, "from", 1), to = num(t, "to", 0), amount = num(t, "amount");
    if (count < from) break;
    const std::int64_t last = to == 0 ? count : std::min(count, to);
    const std::int64_t n = last - from + 1;
    if (n <= 0) continue;
    std::int64_t part = 0;
    if (!fee_mul(n, amount, part) || !fee_add(total, part, total)) return false;
    if (!detail.empty()) detail += " + ";
    detail += std::to_string(n) + " " + unit + " × " + format_vnd(amount);
  }
  return true;
}

}  // namespace

std::string calc_fee(const json& data, const std::string& request_json, bool& ok) {
  ok = false;
  std::vector<Error> errors;
  const json req = json::parse(request_json, nullptr, false);
  if (req.is_discarded() || !req.is_object()) return error_json({{"/", "the request is not a JSON object"}});
  const json& fees = data.contains("fees") && data["fees"].is_object() ? data["fees"] : json::object();

  static const std::set<std::string> known = {"procedure", "province", "channel", "date", "inputs", "applicant"};
  for (auto it = req.begin(); it != req.end(); ++it) {
    if (!known.count(it.key())) errors.push_back({"/" + pointer_escape(it.key()), "unknown field \"" + it.key() + "\""});
  }
  // Channel: one the procedure has.
  // Without a channel: the counter when the procedure has one, else its first channel.
  const std::vector<std::string> offered = strs(data, "channels");
  std::string channel = offered.empty() || in_list(offered, "direct") ? "direct" : offered.front();
  if (req.contains("channel")) {
    if (!req["channel"].is_string()) errors.push_back({"/channel", "\"channel\" is \"direct\", \"online\" or \"postal\""});
    else channel = req["channel"].get<std::string>();
  }
  const std::vector<std::string> channels = strs(data, "channels");
  if (std::find(channels.begin(), channels.end(), channel) == channels.end()) {
    std::string list;
    for (const std::string& c : channels) list += (list.empty() ? "" : ", ") + c;
    errors.push_back({"/channel", "this procedure cannot be submitted by \"" + channel + "\"; use one of: " + list});
  }
  std::string date;
  if (!req.contains("date")) {
    errors.push_back({"/date", "give the date you will submit, as YYYY-MM-DD: fees change over time"});
  } else if (!req["date"].is_string() || !is_valid_date(req["date"].get<std::string>())) {
    errors.push_back({"/date", "the date is YYYY-MM-DD, e.g. 2026-03-02"});
  } else {
    date = req["date"].get<std::string>();
  }
  // Inputs: each a whole number within its bounds; missing ones take their default.
  std::map<std::string, std::int64_t> inputs;
  std::map<std::string, const json*> input_defs;
  for (const json& in : arr(fees, "inputs")) input_defs[str(in, "name")] = &in;
  for (const auto& [name, def] : input_defs) inputs[name] = num(*def, "default", 1);
  if (req.contains("inputs")) {
    if (!req["inputs"].is_object()) {
      errors.push_back({"/inputs", "\"inputs\" is an object, e.g. {\"pages\": 7, \"copies\": 2}"});
    } else {
      for (auto it = req["inputs"].begin(); it != req["inputs"].end(); ++it) {
        const auto def = input_defs.find(it.key());
        const std::string field = "/inputs/" + pointer_escape(it.key());
        if (def == input_defs.end()) {
          std::string list;
          for (const auto& [n, d] : input_defs) list += (list.empty() ? "" : ", ") + n;
          errors.push_back({field, "this procedure's fee does not depend on \"" + it.key() + "\"" +
                                       (list.empty() ? "" : "; its inputs are: " + list)});
          continue;
        }
        const std::int64_t lo = num(*def->second, "min", 0), hi = num(*def->second, "max", kMaxAmount);
        if (!it.value().is_number_integer() || it.value().get<std::int64_t>() < lo || it.value().get<std::int64_t>() > hi) {
          errors.push_back({field, "\"" + it.key() + "\" (" + str(*def->second, "label") + ") is a whole number from " +
                                       std::to_string(lo) + " to " + std::to_string(hi)});
          continue;
        }
        inputs[it.key()] = it.value().get<std::int64_t>();
      }
    }
  }
  std::vector<std::string> categories;
  if (req.contains("applicant")) {
    const json& a = req["applicant"];
    if (!a.is_object() || (a.contains("categories") && !a["categories"].is_array())) {
      errors.push_back({"/applicant", "\"applicant\" is {\"categories\": [\"…\"]}"});
    } else if (a.contains("categories")) {
      std::set<std::string> known_categories;
      for (const json& c : arr(data, "applicant_categories")) known_categories.insert(str(c, "slug"));
      for (std::size_t i = 0; i < a["categories"].size(); ++i) {
        const json& c = a["categories"][i];
        if (!c.is_string() || !known_categories.count(c.get<std::string>())) {
          errors.push_back({"/applicant/categories/" + std::to_string(i),
                            "unknown applicant category" + (c.is_string() ? " \"" + c.get<std::string>() + "\"" : std::string()) +
                                "; see content/applicant-categories.json"});
          continue;
        }
        categories.push_back(c.get<std::string>());
      }
    }
  }
  if (!errors.empty()) return error_json(errors);

  json lines = json::array();
  std::int64_t total = 0;
  // Content is checked so that no rule passes kMaxFeeTotal; a page's data file could still
  // be altered, so every step is checked here too.
  bool too_large = false;
  const auto mul = [&](std::int64_t a, std::int64_t b) {
    std::int64_t out = 0;
    if (!fee_mul(a, b, out)) too_large = true;
    return out;
  };
  bool any_rule = false, all_free = true, all_not_regulated = true, any_local = false, any_sample = false;
  bool any_exempted = false;  // some rule fully waived for the applicant's category
  const json* local_waiver = nullptr;  // the exemption that waives the current local rule
  std::set<std::string> used_inputs;
  for (const json& rule : arr(fees, "rules")) {
    if (!valid_on(str(rule, "valid_from"), str(rule, "valid_to"), date)) continue;
    if (!in_list(strs(rule, "channels"), channel)) continue;
    any_rule = true;
    const std::string kind = str(rule, "kind"), id = str(rule, "id"), unit = str(rule, "unit");
    all_free = all_free && kind == "free";
    all_not_regulated = all_not_regulated && kind == "not_regulated";
    const bool sample = rule.contains("sample") && rule["sample"] == true;
    any_sample = any_sample || sample;
    std::int64_t amount = 0;
    std::string detail;
    if (kind == "flat") {
      amount = num(rule, "amount");
      detail = format_vnd(amount);
    } else if (kind == "per_unit") {
      const std::string input = str(rule, "input");
      used_inputs.insert(input);
      const std::int64_t n = inputs[input];
      amount = mul(n, num(rule, "amount"));
      detail = std::to_string(n) + " " + unit + " × " + format_vnd(num(rule, "amount"));
    } else if (kind == "tiered") {
      const std::string input = str(rule, "input"), per = str(rule, "per");
      used_inputs.insert(input);
      std::string each;
      std::int64_t one = 0;
      if (!tiered_amount(arr(rule, "tiers"), inputs[input], each, unit, one)) too_large = true;
      const std::int64_t cap = num(rule, "max");
      if (cap && one > cap) {
        each += " = " + format_vnd(one) + ", tối đa " + format_vnd(cap);
        one = cap;
      }
      if (per.empty()) {
        amount = one;
        detail = each;
      } else {
        used_inputs.insert(per);
        std::string per_unit;
        for (const json& in : arr(fees, "inputs")) {
          if (str(in, "name") == per) per_unit = str(in, "unit");
        }
        amount = mul(one, inputs[per]);
        detail = std::to_string(inputs[per]) + " " + per_unit + " × (" + each + ")";
      }
    } else if (kind == "percent") {
      const std::string input = str(rule, "input");
      used_inputs.insert(input);
      const std::int64_t value = inputs[input], bp = num(rule, "basis_points");
      // Whole đồng, rounded half up; amounts up to 10^12 × 10^4 fit in 64 bits.
      std::int64_t scaled = 0;
      if (__builtin_mul_overflow(value, bp, &scaled) || scaled < 0) too_large = true;
      amount = too_large ? 0 : (scaled + 5000) / 10000;
      detail = percent_text(bp) + " × " + format_vnd(value);
      const std::int64_t lo = num(rule, "min"), hi = num(rule, "max");
      if (lo && amount < lo) {
        amount = lo;
        detail += ", tối thiểu " + format_vnd(lo);
      }
      if (hi && amount > hi) {
        amount = hi;
        detail += ", tối đa " + format_vnd(hi);
      }
    } else if (kind == "local") {
      // The province sets the amount, but a category the law fully exempts pays nothing
      // wherever it is (death registered on time: Luật Hộ tịch 2014, Điều 11).
      local_waiver = nullptr;
      for (const json& ex : arr(fees, "exemptions")) {
        if (num(ex, "percent_off", 100) != 100 || !in_list(strs(ex, "rules"), id)) continue;
        if (std::find(categories.begin(), categories.end(), str(ex, "category")) == categories.end()) continue;
        local_waiver = &ex;
        break;
      }
      if (!local_waiver) any_local = true;
    }
    json line = {{"rule", id}, {"label", str(rule, "label")}, {"kind", kind}, {"amount", amount},
                 {"amount_text", kind == "free"            ? std::string("Miễn phí")
                                 : kind == "not_regulated" ? std::string("Không quy định")
                                 : kind == "local"         ? std::string("Theo mức do Hội đồng nhân dân tỉnh quy định")
                                                           : format_vnd(amount)},
                 {"detail", detail}, {"source", source_text(rule)}};
    if (sample) line["sample"] = true;
    lines.push_back(line);
    if (too_large || !fee_add(total, amount, total)) {
      return error_json({{"/inputs", "the fee for these numbers is more than " + format_vnd(kMaxFeeTotal) +
                                         ", which no procedure charges: check the numbers you gave"}});
    }

    // Reductions of this rule: by channel and/or period, then by applicant category.
    std::int64_t remaining = amount;
    for (const json& adj : arr(fees, "adjustments")) {
      if (remaining <= 0) break;
      if (!valid_on(str(adj, "valid_from"), str(adj, "valid_to"), date)) continue;
      if (!in_list(strs(adj, "channels"), channel) || !in_list(strs(adj, "rules"), id)) continue;
      const std::int64_t off = (remaining * std::clamp<std::int64_t>(num(adj, "percent_off"), 0, 100) + 50) / 100;
      remaining -= off;
      total -= off;
      json l = {{"rule", id}, {"label", str(adj, "label")}, {"kind", "adjustment"}, {"amount", -off},
                {"amount_text", format_vnd(-off)},
                {"detail", "giảm " + std::to_string(num(adj, "percent_off")) + "% của " + format_vnd(remaining + off)},
                {"source", source_text(adj)}};
      if (adj.contains("sample") && adj["sample"] == true) {
        l["sample"] = true;
        any_sample = true;
      }
      lines.push_back(l);
    }
    if (kind == "local" && local_waiver) {
      std::string name = str(*local_waiver, "category");
      for (const json& c : arr(data, "applicant_categories")) {
        if (str(c, "slug") == name) name = str(c, "name");
      }
      json line = {{"rule", id}, {"label", "Miễn cho: " + name}, {"kind", "exemption"},
                   {"category", str(*local_waiver, "category")}, {"amount", 0}, {"amount_text", format_vnd(0)},
                   {"detail", "miễn toàn bộ"}, {"source", source_text(*local_waiver)}};
      if (local_waiver->contains("sample") && (*local_waiver)["sample"] == true) {
        line["sample"] = true;
        any_sample = true;
      }
      lines.push_back(line);
      any_exempted = true;
    }
    for (const json& ex : arr(fees, "exemptions")) {
      if (remaining <= 0) break;
      const std::string category = str(ex, "category");
      if (std::find(categories.begin(), categories.end(), category) == categories.end()) continue;
      if (!in_list(strs(ex, "rules"), id)) continue;
      std::string name = category;
      for (const json& c : arr(data, "applicant_categories")) {
        if (str(c, "slug") == category) name = str(c, "name");
      }
      const std::int64_t pct = std::clamp<std::int64_t>(num(ex, "percent_off", 100), 0, 100);
      const std::int64_t off = (remaining * pct + 50) / 100;
      remaining -= off;
      total -= off;
      if (remaining == 0) any_exempted = true;
      json line = {{"rule", id}, {"label", (pct == 100 ? "Miễn cho: " : "Giảm cho: ") + name},
                   {"kind", "exemption"}, {"category", category}, {"amount", -off}, {"amount_text", format_vnd(-off)},
                   {"detail", pct == 100 ? std::string("miễn toàn bộ") : "giảm " + std::to_string(pct) + "%"},
                   {"source", source_text(ex)}};
      if (ex.contains("sample") && ex["sample"] == true) {
        line["sample"] = true;
        any_sample = true;
      }
      lines.push_back(line);
    }
  }
  // "exempt": nothing is owed because of an exemption, not merely part of it.
  const bool exempt = any_exempted && total == 0;
  std::string status, total_text;
  if (!any_rule) {
    status = "unknown";
    total_text = "Chưa có thông tin về lệ phí";
  } else if (all_free) {
    status = "free";
    total_text = "Miễn phí";
  } else if (all_not_regulated) {
    status = "not_regulated";
    total_text = "Không quy định";
  } else if (any_local && total == 0) {
    status = "local";
    total_text = "Theo mức do Hội đồng nhân dân tỉnh quy định";
  } else {
    status = "fee";
    total_text = total == 0 ? (exempt ? "Được miễn (0 đồng)" : "0 đồng") : format_vnd(total);
  }
  json used = json::object();
  for (const std::string& name : used_inputs) used[name] = inputs[name];
  json out = {{"schema_version", data.value("schema_version", 0)},
              {"procedure", str(data, "procedure")},
              {"channel", channel},
              {"date", date},
              {"inputs", used},
              {"status", status},
              {"total", total},
              {"total_text", total_text},
              {"currency", "VND"},
              {"exempt", exempt},
              {"sample", any_sample},
              {"lines", lines}};
  if (!str(data, "province").empty()) out["province"] = str(data, "province");
  if (any_local) out["notes"] = json::array({"Một phần lệ phí do Hội đồng nhân dân tỉnh quy định; xem trang của tỉnh."});
  ok = true;
  return out.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace motcua
