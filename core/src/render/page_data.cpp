#include "page_data.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>

#include "motcua/checklist.h"
#include "motcua/deadline.h"
#include "motcua/fees.h"
#include "motcua/format.h"
#include "motcua/markdown.h"
#include "motcua/vietnamese_text.h"

namespace motcua::render {

Data list() { return Data(Data::type::list); }

std::string duration_text(int seconds) {
  if (seconds <= 0) return "";
  const int h = seconds / 3600, m = seconds % 3600 / 60, s = seconds % 60;
  std::string out;
  auto add = [&](int n, const char* unit) {
    if (n == 0) return;
    if (!out.empty()) out += ' ';
    out += std::to_string(n) + " " + unit;
  };
  add(h, "giờ");
  add(m, "phút");
  add(s, "giây");
  return out;
}

std::string link_host(const std::string& url) {
  const std::size_t start = url.find("://");
  if (start == std::string::npos) return "";
  std::string host = url.substr(start + 3, url.find_first_of("/?#", start + 3) - (start + 3));
  if (host.rfind("www.", 0) == 0) host = host.substr(4);
  return host;
}

void put(Data& d, const std::string& key, const std::string& value) {
  if (value.empty()) d.set(key, Data(false));
  else d.set(key, Data(value));
}
void put(Data& d, const std::string& key, const char* value) { put(d, key, std::string(value)); }
void put(Data& d, const std::string& key, bool value) { d.set(key, Data(value)); }
void put(Data& d, const std::string& key, const Data& value) {
  // Lists also get "has_<key>", so templates can wrap them in headings and <ul>s.
  if (value.is_list()) d.set("has_" + key, Data(!value.list_value().empty()));
  d.set(key, value);
}

Data strings(const std::vector<std::string>& items) {
  Data out = list();
  for (const std::string& s : items) out.push_back(Data(s));
  return out;
}

std::string url_encode(const std::string& s) {
  std::string out;
  for (const unsigned char c : s) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    }
  }
  return out;
}

std::string province_name(const Catalog& catalog, const std::string& slug) {
  const ProvinceInfo* p = catalog.find_province(slug);
  return p != nullptr ? p->name : slug;
}

namespace {

std::string levels_text(const Procedure& p) {
  std::string out;
  for (const Level l : p.levels) out += (out.empty() ? "" : ", ") + std::string(level_name(l));
  return out;
}

std::string count_text(const DossierItem& d) {
  std::string out;
  if (d.originals > 0) out += std::to_string(d.originals) + " bản chính";
  if (d.copies > 0) out += (out.empty() ? "" : ", ") + std::to_string(d.copies) + " bản sao";
  return out;
}

Data fee_data(const Fee& f) {
  Data d;
  // The short answer the content gives ("Miễn phí nếu đăng ký trong 60 ngày…") leads.
  put(d, "text", f.summary.empty() ? describe_fee(f) : f.summary);
  put(d, "details", f.text);
  put(d, "basis", f.basis);
  put(d, "sample", f.sample);
  put(d, "free", f.kind == FeeKind::free);
  put(d, "unspecified", f.kind == FeeKind::unknown);
  put(d, "local", f.kind == FeeKind::local);
  return d;
}

// What the page says about a part it shows as the source's words (docs/import.md).
Data flag_data(const UnreviewedPart* u) {
  if (u == nullptr) return Data(false);
  Data d;
  put(d, "text", u->text);
  put(d, "reason", describe_unreviewed_reason(u->reason));
  put(d, "missing", u->reason.size() > 8 && u->reason.compare(u->reason.size() - 8, 8, "_missing") == 0);
  return d;
}

bool same_deadline(const Deadline& a, const Deadline& b) {
  return a.unit == b.unit && a.value == b.value && a.text == b.text;
}
bool same_fee(const Fee& a, const Fee& b) {
  return a.kind == b.kind && a.amount == b.amount && a.per == b.per && a.text == b.text && a.sample == b.sample;
}

}  // namespace

Data procedure_item(const Procedure& p, const std::string& href, const Catalog& catalog) {
  Data d;
  put(d, "code", p.code);
  put(d, "name", p.name);
  put(d, "href", href);
  put(d, "levels", levels_text(p));
  const Field* f = catalog.find_field(p.field);
  put(d, "field", f != nullptr ? f->name : p.field);
  put(d, "boundary_independent", p.boundary_independent);
  put(d, "full_online", p.full_online);
  return d;
}

Data center_data(const Center& c) {
  Data d;
  put(d, "name", c.name);
  put(d, "address", c.address);
  put(d, "sample", c.sample);
  put(d, "source", c.source);
  put(d, "checked", c.checked.empty() ? std::string() : format_date(c.checked));
  put(d, "email", c.email);
  put(d, "website", c.website);
  // Parts may be checked one by one (an address from a decision, a hotline not yet).
  bool all_sample = c.sample, any_sample = c.sample;
  Data hours = list();
  for (const OpeningHours& h : c.opening_hours) {
    Data x;
    put(x, "text", describe_opening_hours(h));
    put(x, "sample", h.sample);
    put(x, "source", h.source);
    put(x, "checked", h.checked.empty() ? std::string() : format_date(h.checked));
    all_sample = all_sample && h.sample;
    any_sample = any_sample || h.sample;
    hours.push_back(x);
  }
  put(d, "opening_hours", hours);
  Data lines = list();
  for (const Hotline& h : c.hotlines) {
    Data l;
    put(l, "number", h.number);
    // A number nobody checked is shown, marked, but not offered as a link to call.
    put(l, "tel", h.sample ? std::string() : tel_uri(h.number));
    put(l, "label", h.label.empty() ? std::string("Đường dây nóng") : h.label);
    put(l, "hours", h.hours);
    put(l, "sample", h.sample);
    put(l, "source", h.source);
    put(l, "checked", h.checked.empty() ? std::string() : format_date(h.checked));
    all_sample = all_sample && h.sample;
    any_sample = any_sample || h.sample;
    lines.push_back(l);
  }
  put(d, "hotlines", lines);
  put(d, "all_sample", all_sample);
  put(d, "partly_sample", any_sample && !all_sample);

  // A map link for a sample address would send people to a place that does not exist;
  // coordinates, when given, are what the center says it is at.
  put(d, "map_url", "");
  put(d, "geo_uri", "");
  if (c.coordinates) {
    char buf[160];
    std::snprintf(buf, sizeof buf, "https://www.openstreetmap.org/?mlat=%.6f&mlon=%.6f#map=17/%.6f/%.6f",
                  c.coordinates->lat, c.coordinates->lng, c.coordinates->lat, c.coordinates->lng);
    put(d, "map_url", std::string(buf));
    std::snprintf(buf, sizeof buf, "geo:%.6f,%.6f", c.coordinates->lat, c.coordinates->lng);
    put(d, "geo_uri", std::string(buf));
  } else if (!c.sample && !c.address.empty()) {
    put(d, "map_url", "https://www.openstreetmap.org/search?query=" + url_encode(c.address));
    // RFC 5870 has no address search; "geo:0,0?q=" is the form phone map apps open.
    put(d, "geo_uri", "geo:0,0?q=" + url_encode(c.address));
  }
  return d;
}

// The fee rules as a table a citizen can read without JavaScript: each rule with its
// amount in words, the channels and dates it applies to, and its source.
Data fee_rules_data(const Catalog& catalog, const Procedure& p) {
  Data out;
  Data rules = list();
  bool any_sample = false;
  for (const FeeRule& r : p.fees.rules) {
    Data x;
    put(x, "label", r.label);
    put(x, "text", describe_fee_rule(r, p.fees.inputs));
    std::string when;
    if (!r.channels.empty()) {
      for (const std::string& c : r.channels) {
        for (const Channel& ch : p.channels) {
          if (channel_slug(ch.kind) != c) continue;
          const char* words = ch.kind == ChannelKind::online   ? "trực tuyến"
                              : ch.kind == ChannelKind::postal ? "qua bưu chính công ích"
                                                               : "trực tiếp";
          when += (when.empty() ? "Khi nộp " : " hoặc ") + std::string(words);
        }
      }
    }
    const std::string dates = describe_dates(r.valid_from, r.valid_to);
    if (!dates.empty()) when += (when.empty() ? "Áp dụng " : "; áp dụng ") + dates;
    put(x, "when", when);
    put(x, "source", r.source.text());
    put(x, "note", r.note);
    put(x, "sample", r.sample);
    put(x, "free", r.kind == FeeRuleKind::free);
    put(x, "not_regulated", r.kind == FeeRuleKind::not_regulated);
    any_sample = any_sample || r.sample;
    rules.push_back(x);
  }
  put(out, "rules", rules);
  put(out, "any_sample", any_sample);
  Data adjustments = list();
  for (const FeeAdjustment& a : p.fees.adjustments) {
    Data x;
    std::string text = a.label + ": giảm " + std::to_string(a.percent_off) + "%";
    const std::string dates = describe_dates(a.valid_from, a.valid_to);
    if (!dates.empty()) text += " " + dates;
    put(x, "text", text);
    put(x, "source", a.source.text());
    put(x, "sample", a.sample);
    adjustments.push_back(x);
  }
  put(out, "adjustments", adjustments);
  put(out, "has_adjustments", !p.fees.adjustments.empty());
  Data exemptions = list();
  for (const FeeExemption& e : p.fees.exemptions) {
    Data x;
    std::string name = e.category;
    for (const ApplicantCategory& c : catalog.applicant_categories) {
      if (c.slug == e.category) name = c.name;
    }
    put(x, "text", name + (e.percent_off == 100 ? ": miễn" : ": giảm " + std::to_string(e.percent_off) + "%"));
    put(x, "note", e.note);
    put(x, "source", e.source.text());
    put(x, "sample", e.sample);
    exemptions.push_back(x);
  }
  put(out, "exemptions", exemptions);
  put(out, "has_exemptions", !p.fees.exemptions.empty());
  return out;
}

// What the offline "when will it be ready?" calculator needs, as JSON in a data
// attribute: each channel's period and, on a province's page, the centers that receive
// the procedure (keys of the published calendar data: "province" or "province/commune").
std::string deadline_tool_json(const Catalog& catalog, const Procedure& p, const std::string& root,
                               const ProvinceCatalog* province, const CatalogEntry* entry) {
  nlohmann::json channels = nlohmann::json::array();
  for (std::size_t i = 0; i < p.channels.size(); ++i) {
    const Channel& c = p.channels[i];
    const Deadline& dl = c.deadline;
    if (dl.unit == DeadlineUnit::unknown) continue;
    // A deadline shown in the source's words (Chưa rà soát) is never counted into a date.
    if (p.flag_within("/channels/" + std::to_string(i) + "/deadline") != nullptr) continue;
    nlohmann::json duration = {{"unit", deadline_unit_slug(dl.unit)}};
    if (dl.unit != DeadlineUnit::same_day) duration["value"] = dl.value;
    channels.push_back({{"kind", channel_slug(c.kind)}, {"label", channel_name(c.kind)}, {"duration", duration},
                        {"text", describe_deadline(dl)}});
  }
  if (channels.empty()) return "";
  nlohmann::json centers = nlohmann::json::array();
  if (province != nullptr && entry != nullptr) {
    if (catalog.receives(*province, *entry, nullptr)) {
      centers.push_back({{"key", province->slug}, {"name", province->center.name}});
    }
    for (const Commune& commune : province->communes) {
      if (catalog.receives(*province, *entry, &commune)) {
        centers.push_back({{"key", province->slug + "/" + commune.slug}, {"name", commune.center.name}});
      }
    }
  }
  const nlohmann::json tool = {{"calendar", root + "api/lich-lam-viec.json"}, {"channels", channels}, {"centers", centers}};
  return tool.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Data procedure_data(const Catalog& catalog, const Procedure& p, const std::string& root,
                    const ProvinceCatalog* province, const CatalogEntry* entry) {
  Data d;
  put(d, "code", p.code);
  put(d, "name", p.name);
  put(d, "summary", p.summary);
  put(d, "levels", levels_text(p));
  const Field* field = catalog.find_field(p.field);
  put(d, "field_name", field != nullptr ? field->name : p.field);
  put(d, "field_href", root + "linh-vuc/" + p.field + "/");
  put(d, "procedure_type", p.procedure_type);
  put(d, "competent_agency", p.competent_agency);
  put(d, "implementing_agency", p.implementing_agency);
  put(d, "authorized_agency", p.authorized_agency);
  put(d, "coordinating_agencies", strings(p.coordinating_agencies));
  put(d, "applicants", strings(p.applicants));
  put(d, "boundary_independent", p.boundary_independent);
  put(d, "full_online", p.full_online);
  put(d, "effective_date", format_date(p.effective_date));
  // Each badge with the decision it comes from (a province's own list, else the national one).
  const std::string province_decision =
      entry != nullptr && entry->source ? "Quyết định " + entry->source->decision + " ngày " +
                                              format_date(entry->source->date)
                                        : std::string();
  const auto badge_source = [&](const std::optional<bool>& override_flag, const std::string& national) {
    return override_flag && !province_decision.empty() ? province_decision : national;
  };
  const std::string bi_source = badge_source(entry != nullptr ? entry->overrides.boundary_independent
                                                              : std::optional<bool>(),
                                             p.boundary_independent_source);
  const std::string fo_source =
      badge_source(entry != nullptr ? entry->overrides.full_online : std::optional<bool>(), p.full_online_source);
  Data badges = list();
  const auto badge = [&](const char* text, const std::string& source, bool sample) {
    Data b;
    put(b, "text", text);
    put(b, "source", source);
    put(b, "sample", sample);
    badges.push_back(b);
  };
  const bool province_sample = entry != nullptr && entry->source && entry->source->sample;
  if (p.boundary_independent) {
    badge("Nộp ở bất kỳ đâu trong tỉnh", bi_source,
          province_sample && entry->overrides.boundary_independent.has_value());
  }
  if (p.full_online) {
    badge("Làm trực tuyến toàn trình", fo_source, province_sample && entry->overrides.full_online.has_value());
  }
  put(d, "badges", badges);
  put(d, "boundary_independent_source", bi_source);
  // Where the dossier is really received, when the record names a place other than the center.
  if (p.received_at) {
    const Reception& rec = *p.received_at;
    Data w;
    std::string text = rec.text;
    if (text.empty()) {
      text = rec.place == "commune_police" ? "Công an xã, phường, đặc khu"
             : rec.place == "online_only"  ? "Chỉ nộp trực tuyến"
                                           : "Trung tâm Phục vụ hành chính công";
    }
    put(w, "text", text);
    put(w, "source", rec.source);
    put(w, "commune_police", rec.place == "commune_police");
    put(w, "online_only", rec.place == "online_only");
    put(w, "agency", rec.place == "agency");
    put(w, "not_center", rec.place != "center");
    put(d, "received_at", w);
  }
  put(d, "status_reviewed", p.status == ReviewStatus::reviewed);
  put(d, "status_imported", p.status == ReviewStatus::imported);
  put(d, "import_date", format_date(p.import.date));
  // The first few flagged parts at the top; every one is marked where it is shown.
  constexpr std::size_t kListedFlags = 5;
  Data unreviewed = list();
  for (const UnreviewedPart& u : p.unreviewed) {
    if (unreviewed.list_value().size() == kListedFlags) break;
    Data x = flag_data(&u);
    put(x, "part", describe_content_part(u.pointer, p));
    put(x, "href", "#" + section_of_part(u.pointer));
    unreviewed.push_back(x);
  }
  put(d, "unreviewed", unreviewed);
  put(d, "unreviewed_more",
      p.unreviewed.size() > kListedFlags ? std::to_string(p.unreviewed.size() - kListedFlags) : std::string());
  put(d, "levels_flag", flag_data(p.flag_within("/levels")));
  put(d, "agency_flag", flag_data(p.flag_within("/competent_agency")));
  put(d, "channels_flag", flag_data(p.flag("/channels")));
  put(d, "dossier_flag", flag_data(p.flag("/dossier")));
  put(d, "results_flag", flag_data(p.flag("/results")));
  put(d, "legal_flag", flag_data(p.flag("/legal_basis")));
  put(d, "steps_flag", flag_data(p.flag("/steps")));

  // What to bring, split as the law splits it: papers to hand in and papers to show.
  Data submit = list(), present = list();
  for (std::size_t n = 0; n < p.dossier.size(); ++n) {
    const DossierItem& item = p.dossier[n];
    Data i;
    put(i, "name", item.name);
    put(i, "id", item.id);
    put(i, "flag", flag_data(p.flag_within("/dossier/" + std::to_string(n))));
    put(i, "count", count_text(item));
    put(i, "form", item.form);
    put(i, "when", item.when);
    put(i, "if_text", item.condition.is_null() ? "" : describe_condition(item.condition, p.questions));
    Data alts = list();
    for (const DossierAlternative& a : item.alternatives) {
      Data x;
      put(x, "name", a.name);
      DossierItem tmp;
      tmp.originals = a.originals;
      tmp.copies = a.copies;
      put(x, "count", count_text(tmp));
      put(x, "form", a.form);
      alts.push_back(x);
    }
    put(i, "one_of", alts);
    put(i, "has_one_of", !item.alternatives.empty());
    Data waivers = list();
    for (const DossierWaiver& w : item.waivers) {
      Data x;
      put(x, "if_text", describe_condition(w.condition, p.questions));
      put(x, "reason", w.reason);
      put(x, "source", w.source);
      waivers.push_back(x);
    }
    put(i, "waivers", waivers);
    (item.kind == DossierKind::present ? present : submit).push_back(i);
  }
  put(d, "dossier_submit", submit);
  put(d, "dossier_present", present);
  // Declaration forms a citizen can draft (and print) for this procedure.
  Data forms = list();
  for (const Form* f : catalog.forms_for(p.code)) {
    Data x;
    put(x, "title", f->title);
    put(x, "href", root + "bieu-mau/" + f->id + "/");
    forms.push_back(x);
  }
  put(d, "forms", forms);
  put(d, "has_dossier", !p.dossier.empty());

  // How long and how much, per channel; one sentence when every channel agrees.
  Data channels = list();
  bool deadlines_agree = true, fees_agree = true, any_sample_fee = false;
  for (std::size_t n = 0; n < p.channels.size(); ++n) {
    const Channel& c = p.channels[n];
    const std::string cp = "/channels/" + std::to_string(n);
    const UnreviewedPart* deadline_flag = p.flag_within(cp + "/deadline");
    const UnreviewedPart* fee_flag = p.flag_within(cp + "/fee");
    Data ch;
    put(ch, "kind", std::string(channel_name(c.kind)));
    put(ch, "deadline_flag", flag_data(deadline_flag));
    put(ch, "row_flag", flag_data(p.flag(cp)));
    put(ch, "online", c.kind == ChannelKind::online);
    put(ch, "online_full", c.online_level == "full");
    put(ch, "online_partial", c.online_level == "partial");
    put(ch, "deadline", describe_deadline(c.deadline));
    // The wording adds nothing when it only repeats "7 ngày làm việc".
    put(ch, "deadline_text", c.deadline.text == describe_deadline(c.deadline) ? "" : c.deadline.text);
    Data fee = fee_data(c.fee);
    put(fee, "flag", flag_data(fee_flag));
    put(ch, "fee", fee);
    put(ch, "description", c.description);
    channels.push_back(ch);
    // A flagged part is shown per channel, in the source's words.
    deadlines_agree = deadlines_agree && deadline_flag == nullptr && same_deadline(c.deadline, p.channels.front().deadline);
    fees_agree = fees_agree && fee_flag == nullptr && same_fee(c.fee, p.channels.front().fee);
    any_sample_fee = any_sample_fee || c.fee.sample;
  }
  put(d, "channels", channels);
  put(d, "any_sample_fee", any_sample_fee);
  if (!p.channels.empty() && deadlines_agree) {
    Data dl;
    put(dl, "text", describe_deadline(p.channels.front().deadline));
    const Deadline& first = p.channels.front().deadline;
    put(dl, "details", first.text == describe_deadline(first) ? "" : first.text);
    put(d, "deadline_common", dl);
  }
  if (!p.channels.empty() && fees_agree) put(d, "fee_common", fee_data(p.channels.front().fee));
  put(d, "fee_rules", fee_rules_data(catalog, p));
  put(d, "has_fee_rules", !p.fees.rules.empty());
  // How the deadline is counted, once per unit used.
  std::vector<std::string> counting;
  for (const Channel& c : p.channels) {
    const std::string s = explain_deadline_counting(c.deadline, catalog.calendar.rules);
    if (!s.empty() && std::find(counting.begin(), counting.end(), s) == counting.end()) counting.push_back(s);
  }
  put(d, "deadline_counting", strings(counting));

  put(d, "steps_html", render_markdown(p.steps_markdown));
  put(d, "has_conditions", !p.conditions_markdown.empty());
  put(d, "conditions_html", render_markdown(p.conditions_markdown));
  Data results = list();
  for (std::size_t n = 0; n < p.results.size(); ++n) {
    Data r;
    put(r, "name", p.results[n].name);
    put(r, "code", p.results[n].code);
    put(r, "flag", flag_data(p.flag_within("/results/" + std::to_string(n))));
    results.push_back(r);
  }
  put(d, "results", results);
  put(d, "several_results", p.results.size() > 1);

  Data basis = list();
  for (std::size_t n = 0; n < p.legal_basis.size(); ++n) {
    const LegalDocument& l = p.legal_basis[n];
    Data b;
    put(b, "flag", flag_data(p.flag_within("/legal_basis/" + std::to_string(n))));
    put(b, "title", l.title);
    put(b, "number", l.number);
    put(b, "article", l.article);
    put(b, "issued", format_date(l.issued));
    basis.push_back(b);
  }
  put(d, "legal_basis", basis);
  put(d, "source_decision", p.source.decision);
  put(d, "source_url", p.source.url);
  put(d, "source_retrieved", p.source.retrieved);
  put(d, "notes", strings(p.notes));

  Data related = list();
  for (const std::string& code : p.related) {
    Data r;
    put(r, "code", code);
    const Procedure* other = catalog.find_procedure(code);
    put(r, "name", other != nullptr ? other->name : "");
    put(r, "href", other != nullptr ? root + catalog.procedure_path(province, code) : "");
    related.push_back(r);
  }
  put(d, "related", related);

  // Guide videos: plain links, so that nothing is loaded from the video host before a tap.
  Data videos = list();
  for (const ProcedureVideo& v : p.videos) {
    Data x;
    put(x, "title", v.title);
    put(x, "url", v.url);
    put(x, "duration", duration_text(v.duration_seconds));
    put(x, "duration_iso", "PT" + std::to_string(v.duration_seconds) + "S");
    put(x, "source", v.source);
    put(x, "host", link_host(v.url));
    videos.push_back(x);
  }
  put(d, "videos", videos);

  // One of the essential public services that must be done fully online.
  if (const EssentialService* e = catalog.find_essential_service(p.code)) {
    const EssentialServices& list_info = catalog.essential_services;
    Data x;
    put(x, "number", std::to_string(e->number));
    put(x, "name", e->name);
    put(x, "rule", kEssentialServiceRule);
    put(x, "href", root + "dich-vu-cong-thiet-yeu/#dich-vu-" + std::to_string(e->number));
    put(x, "document", list_info.document);
    put(x, "reported", list_info.status == "reported");
    put(d, "essential", x);
  }

  Data events = list();
  for (const std::string& slug : p.life_events) {
    if (const LifeEvent* e = catalog.find_life_event(slug)) {
      Data ev;
      put(ev, "name", e->name);
      put(ev, "href", root + "su-kien/" + slug + "/");
      events.push_back(ev);
    }
  }
  put(d, "life_events", events);

  if (province != nullptr && entry != nullptr) {
    Data prov;
    put(prov, "name", province_name(catalog, province->slug));
    put(prov, "href", root + province->slug + "/");
    put(prov, "local_code", entry->local_code);
    put(prov, "note", entry->overrides.note);
    // The decision that published the province's list, the source of its local facts.
    put(prov, "source_text", entry->source ? "Quyết định " + entry->source->decision + " ngày " +
                                                 format_date(entry->source->date)
                                           : std::string());
    put(prov, "source_sample", entry->source && entry->source->sample);
    put(prov, "national_href", root + "thu-tuc/" + p.code + "/");
    // Where this province receives it.
    Data centers = list();
    if (catalog.receives(*province, *entry, nullptr)) {
      Data c;
      put(c, "name", province->center.name);
      put(c, "href", root + province->slug + "/");
      put(c, "sample", province->center.sample);
      centers.push_back(c);
    }
    for (const Commune& commune : province->communes) {
      if (!catalog.receives(*province, *entry, &commune)) continue;
      Data c;
      put(c, "name", commune.center.name);
      put(c, "href", root + province->slug + "/" + commune.slug + "/");
      put(c, "sample", commune.center.sample);
      centers.push_back(c);
    }
    put(prov, "centers", centers);
    put(d, "province", prov);
  } else {
    // The national page points to each province that publishes it: to the province's own
    // version where it has one, else to the province's page (its centers and contacts).
    Data offered = list();
    for (const ProvinceCatalog& pc : catalog.province_catalogs) {
      const CatalogEntry* e = catalog.find_entry(pc, p.code);
      if (e == nullptr) continue;
      Data o;
      put(o, "name", province_name(catalog, pc.slug));
      put(o, "href", root + (e->local_version ? pc.slug + "/thu-tuc/" + p.code + "/" : pc.slug + "/"));
      put(o, "own", e->local_version);
      offered.push_back(o);
    }
    put(d, "offered_in", offered);
  }
  put(d, "deadline_tool", deadline_tool_json(catalog, p, root, province, entry));
  put(d, "glance", glance_data(catalog, p, root, province));
  return d;
}

}  // namespace motcua::render
