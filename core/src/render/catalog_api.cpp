// The machine-readable catalog: what portals, apps and the wasm client read.
#include <nlohmann/json.hpp>

#include "motcua/site_renderer.h"

namespace motcua {

namespace {

using nlohmann::json;

const char* fee_kind_name(FeeKind k) {
  switch (k) {
    case FeeKind::free: return "free";
    case FeeKind::amount: return "amount";
    case FeeKind::local: return "local";
    case FeeKind::not_regulated: return "not_regulated";
    case FeeKind::foreign: return "foreign";
    case FeeKind::unknown: break;
  }
  return "unknown";
}

json levels_json(const Procedure& p) {
  json out = json::array();
  for (const Level l : p.levels) out.push_back(level_slug(l));
  return out;
}

json procedure_json(const Procedure& p, const std::string& url) {
  json channels = json::array();
  for (const Channel& c : p.channels) {
    json ch = {{"kind", channel_slug(c.kind)},
               {"deadline", {{"unit", deadline_unit_slug(c.deadline.unit)}, {"value", c.deadline.value}, {"text", c.deadline.text}}},
               {"fee", {{"kind", fee_kind_name(c.fee.kind)}, {"amount", c.fee.amount}, {"per", c.fee.per},
                        {"text", c.fee.text}, {"basis", c.fee.basis}, {"sample", c.fee.sample}}}};
    if (!c.online_level.empty()) ch["online_level"] = c.online_level;
    if (!c.fee.currency.empty()) ch["fee"]["currency"] = c.fee.currency;
    channels.push_back(ch);
  }
  json dossier = json::array();
  for (const DossierItem& d : p.dossier) {
    dossier.push_back({{"name", d.name}, {"originals", d.originals}, {"copies", d.copies}, {"form", d.form},
                       {"kind", d.kind == DossierKind::present ? "present" : "submit"}, {"when", d.when}});
  }
  json results = json::array();
  for (const ProcedureResult& r : p.results) results.push_back({{"name", r.name}, {"code", r.code}});
  json unreviewed = json::array();
  for (const UnreviewedPart& u : p.unreviewed) {
    unreviewed.push_back({{"pointer", u.pointer}, {"reason", u.reason}, {"text", u.text}});
  }
  json basis = json::array();
  for (const LegalDocument& l : p.legal_basis) {
    basis.push_back({{"title", l.title}, {"number", l.number}, {"article", l.article}, {"issued", l.issued}});
  }
  return {{"code", p.code},
          {"name", p.name},
          {"summary", p.summary},
          {"url", url},
          {"levels", levels_json(p)},
          {"field", p.field},
          {"competent_agency", p.competent_agency},
          {"implementing_agency", p.implementing_agency},
          {"applicants", p.applicants},
          {"channels", channels},
          {"dossier", dossier},
          {"steps_markdown", p.steps_markdown},
          {"conditions_markdown", p.conditions_markdown},
          {"result", results.empty() ? json(nullptr) : results.front()},
          {"results", results},
          {"legal_basis", basis},
          {"boundary_independent", p.boundary_independent},
          {"full_online", p.full_online},
          {"life_events", p.life_events},
          {"related", p.related},
          {"effective_date", p.effective_date},
          {"effective_from", p.effective_from},
          {"effective_until", p.effective_until},
          {"source", {{"decision", p.source.decision}, {"url", p.source.url}, {"retrieved", p.source.retrieved}}},
          {"notes", p.notes},
          {"status", p.status == ReviewStatus::reviewed   ? "reviewed"
                     : p.status == ReviewStatus::imported ? "imported"
                                                          : "unspecified"},
          {"unreviewed", unreviewed}};
}

json center_json(const Center& c) {
  json hotlines = json::array();
  for (const Hotline& h : c.hotlines) {
    hotlines.push_back({{"number", h.number}, {"label", h.label}, {"hours", h.hours}, {"sample", h.sample},
                        {"source", h.source}, {"checked", h.checked}});
  }
  json hours = json::array();
  for (const OpeningHours& h : c.opening_hours) {
    json sessions = json::array();
    for (const TimeSession& s : h.sessions) sessions.push_back({s.start, s.end});
    hours.push_back({{"days", h.days}, {"sessions", sessions}, {"sample", h.sample}});
  }
  json out = {{"name", c.name}, {"address", c.address}, {"hotlines", hotlines}, {"opening_hours", hours},
              {"email", c.email}, {"website", c.website}, {"sample", c.sample}, {"source", c.source},
              {"checked", c.checked}};
  if (c.coordinates) out["coordinates"] = {{"lat", c.coordinates->lat}, {"lng", c.coordinates->lng}};
  return out;
}

// One line, UTF-8 as it is; a file ends with a newline.
std::string compact(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }
std::string dump(const json& j) { return compact(j) + "\n"; }

}  // namespace

OutputFile procedure_api_file(const Procedure& p, const SiteOptions& options) {
  json full = procedure_json(p, options.base_url + "thu-tuc/" + p.code + "/");
  full["schema_version"] = kSchemaVersion;
  return {"api/thu-tuc/" + p.code + ".json", dump(full)};
}

OutputFile province_api_file(const Catalog& catalog, const ProvinceInfo& info, const ProvinceCatalog& pc,
                             const SiteOptions& options) {
  // Each entry says where the province receives it and, of the national procedure
  // (api/thu-tuc/<code>.json, "data"), only what the province changes: the file stays the
  // size of the province's list, not of the national catalog.
  json entries = json::array();
  for (const CatalogEntry& e : pc.catalog) {
    const Procedure* national = catalog.find_procedure(e.procedure);
    if (national == nullptr) continue;
    json centers = json::array();
    if (catalog.receives(pc, e, nullptr)) centers.push_back(kProvinceCenter);
    for (const Commune& cm : pc.communes) {
      if (catalog.receives(pc, e, &cm)) centers.push_back(cm.slug);
    }
    json entry = {{"code", e.procedure},
                  {"name", national->name},
                  {"url", options.base_url + catalog.procedure_path(&pc, e.procedure)},
                  {"data", "thu-tuc/" + e.procedure + ".json"},
                  {"local_code", e.local_code},
                  {"received_at", centers},
                  {"local_note", e.overrides.note}};
    if (!e.effective_from.empty()) entry["effective_from"] = e.effective_from;
    if (!e.effective_until.empty()) entry["effective_until"] = e.effective_until;
    if (e.source) {
      entry["local_source"] = {{"decision", e.source->decision}, {"date", e.source->date}, {"sample", e.source->sample}};
    }
    const ProcedureOverrides& o = e.overrides;
    if (o.competent_agency || o.implementing_agency || o.boundary_independent || o.full_online ||
        !o.channels.empty() || !o.fee_rules.empty()) {
      const json local = procedure_json(Catalog::localize(*national, e), "");
      const json base = procedure_json(*national, "");
      for (auto it = local.begin(); it != local.end(); ++it) {
        if (it.key() != "url" && base.value(it.key(), json()) != it.value()) entry[it.key()] = it.value();
      }
    }
    entries.push_back(entry);
  }
  json communes = json::array();
  for (const Commune& cm : pc.communes) {
    communes.push_back({{"slug", cm.slug}, {"name", cm.name}, {"kind", cm.kind}, {"code", cm.code},
                        {"code_verified", cm.code_verified}, {"center", center_json(cm.center)},
                        {"url", options.base_url + pc.slug + "/" + cm.slug + "/"}});
  }
  json province = {{"schema_version", kSchemaVersion}, {"slug", pc.slug}, {"name", info.name},
                   {"center", center_json(pc.center)}, {"communes", communes}, {"catalog", entries},
                   {"url", options.base_url + pc.slug + "/"}};
  return {"api/" + pc.slug + ".json", dump(province)};
}

OutputFile catalog_api_file(const Catalog& catalog, const SiteOptions& options) {
  // Written entry by entry, never as one tree of the whole catalog (nlohmann's objects cost
  // far more than their text): the same bytes as dump() of the whole object, whose keys come
  // in sorted order.
  std::string out = "{\"content_as_of\":" + compact(catalog.site.content_as_of) + ",\"procedures\":[";
  bool first = true;
  for (const Procedure& p : catalog.procedures) {
    const json entry = {{"code", p.code}, {"name", p.name}, {"field", p.field}, {"levels", levels_json(p)},
                        {"boundary_independent", p.boundary_independent}, {"full_online", p.full_online},
                        {"url", options.base_url + "thu-tuc/" + p.code + "/"}, {"data", "thu-tuc/" + p.code + ".json"}};
    if (!first) out += ',';
    first = false;
    out += compact(entry);
  }
  json provinces = json::array();
  for (const ProvinceInfo& info : catalog.provinces) {
    json p = {{"code", info.code}, {"slug", info.slug}, {"name", info.name}, {"kind", info.kind},
              {"merged_from", info.merged_from}, {"code_verified", info.code_verified}};
    if (catalog.find_province_catalog(info.slug) != nullptr) p["data"] = info.slug + ".json";
    provinces.push_back(p);
  }
  out += "],\"provinces\":" + compact(provinces) + ",\"schema_version\":" + compact(kSchemaVersion) +
         ",\"title\":" + compact(catalog.site.title) + "}\n";
  return {"api/catalog.json", std::move(out)};
}

void render_catalog_api(const Catalog& catalog, const SiteOptions& options,
                        const std::function<void(OutputFile&&)>& emit) {
  for (const Procedure& p : catalog.procedures) emit(procedure_api_file(p, options));
  for (const ProvinceInfo& info : catalog.provinces) {
    if (const ProvinceCatalog* pc = catalog.find_province_catalog(info.slug)) emit(province_api_file(catalog, info, *pc, options));
  }
  emit(catalog_api_file(catalog, options));
}

std::vector<OutputFile> render_catalog_api(const Catalog& catalog, const SiteOptions& options) {
  std::vector<OutputFile> files;
  render_catalog_api(catalog, options, [&](OutputFile&& f) { files.push_back(std::move(f)); });
  return files;
}

}  // namespace motcua
