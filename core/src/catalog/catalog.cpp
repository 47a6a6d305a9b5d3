#include "motcua/catalog.h"

#include <algorithm>
#include <map>
#include <set>

#include "motcua/civil_date.h"
#include "motcua/vietnamese_text.h"

namespace motcua {

bool Procedure::has_level(Level l) const {
  return std::find(levels.begin(), levels.end(), l) != levels.end();
}

const Channel* Procedure::channel(ChannelKind kind) const {
  for (const Channel& c : channels) {
    if (c.kind == kind) return &c;
  }
  return nullptr;
}

const UnreviewedPart* Procedure::flag(const std::string& pointer) const {
  for (const UnreviewedPart& u : unreviewed) {
    if (u.pointer == pointer) return &u;
  }
  return nullptr;
}

const UnreviewedPart* Procedure::flag_within(const std::string& pointer) const {
  for (const UnreviewedPart& u : unreviewed) {
    if (u.pointer == pointer || (u.pointer.size() > pointer.size() && u.pointer.compare(0, pointer.size(), pointer) == 0 &&
                                 u.pointer[pointer.size()] == '/')) {
      return &u;
    }
  }
  return nullptr;
}

const char* level_name(Level l) {
  switch (l) {
    case Level::bo: return "Cấp bộ";
    case Level::tinh: return "Cấp tỉnh";
    case Level::xa: return "Cấp xã";
    case Level::khac: return "Cơ quan khác";
  }
  return "";
}

const char* level_slug(Level l) {
  switch (l) {
    case Level::bo: return "bo";
    case Level::tinh: return "tinh";
    case Level::xa: return "xa";
    case Level::khac: return "khac";
  }
  return "";
}

const char* channel_name(ChannelKind k) {
  switch (k) {
    case ChannelKind::direct: return "Trực tiếp";
    case ChannelKind::online: return "Trực tuyến";
    case ChannelKind::postal: return "Qua dịch vụ bưu chính công ích";
  }
  return "";
}

const char* channel_slug(ChannelKind k) {
  switch (k) {
    case ChannelKind::direct: return "direct";
    case ChannelKind::online: return "online";
    case ChannelKind::postal: return "postal";
  }
  return "";
}

const char* deadline_unit_slug(DeadlineUnit u) {
  switch (u) {
    case DeadlineUnit::same_day: return "same_day";
    case DeadlineUnit::working_days: return "working_days";
    case DeadlineUnit::calendar_days: return "calendar_days";
    case DeadlineUnit::working_hours: return "working_hours";
    case DeadlineUnit::months: return "months";
    case DeadlineUnit::unknown: break;
  }
  return "unknown";
}

const char* commune_kind_name(const std::string& kind) {
  if (kind == "phuong") return "Phường";
  if (kind == "dac-khu") return "Đặc khu";
  return "Xã";
}

namespace {
template <typename T, typename Key>
void build(std::unordered_map<std::string, std::size_t>& index, const std::vector<T>& items, Key key) {
  index.clear();
  for (std::size_t i = 0; i < items.size(); ++i) index.emplace(key(items[i]), i);
}

template <typename T>
const T* lookup(const std::unordered_map<std::string, std::size_t>& index, const std::vector<T>& items,
                const std::string& key) {
  const auto it = index.find(key);
  return it == index.end() ? nullptr : &items[it->second];
}
}  // namespace

void Catalog::index() {
  std::sort(procedures.begin(), procedures.end(),
            [](const Procedure& a, const Procedure& b) { return a.code < b.code; });
  std::sort(province_catalogs.begin(), province_catalogs.end(),
            [](const ProvinceCatalog& a, const ProvinceCatalog& b) { return a.slug < b.slug; });
  for (ProvinceCatalog& p : province_catalogs) {
    std::sort(p.communes.begin(), p.communes.end(), [](const Commune& a, const Commune& b) {
      return collation_key(a.name) < collation_key(b.name);
    });
  }
  build(procedure_index_, procedures, [](const Procedure& p) { return p.code; });
  build(field_index_, fields, [](const Field& f) { return f.slug; });
  build(life_event_index_, life_events, [](const LifeEvent& e) { return e.slug; });
  build(province_index_, provinces, [](const ProvinceInfo& p) { return p.slug; });
  build(province_catalog_index_, province_catalogs, [](const ProvinceCatalog& p) { return p.slug; });
  entry_index_.clear();
  for (const ProvinceCatalog& p : province_catalogs) {
    build(entry_index_[p.slug], p.catalog, [](const CatalogEntry& e) { return e.procedure; });
  }
  for (ProvinceCatalog& pc : province_catalogs) mark_local_versions(pc);
  std::vector<std::pair<std::string, const Procedure*>> keyed;
  keyed.reserve(procedures.size());
  for (const Procedure& p : procedures) keyed.emplace_back(collation_key(p.name), &p);
  std::stable_sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  by_name_.clear();
  for (const auto& k : keyed) by_name_.push_back(k.second);
}

namespace {

// Of the versions of one code (sorted by effective_from, open first), the one in force on
// `date`: the last to have started, unless it ended; none before the first has started.
template <typename Item>
std::ptrdiff_t in_force(const std::vector<const Item*>& versions, const std::string& date) {
  std::ptrdiff_t chosen = -1;
  for (std::size_t i = 0; i < versions.size(); ++i) {
    const std::string& from = versions[i]->effective_from;
    if (from.empty() || (!date.empty() && from <= date)) chosen = static_cast<std::ptrdiff_t>(i);
  }
  if (chosen < 0) return -1;
  const std::string& until = versions[static_cast<std::size_t>(chosen)]->effective_until;
  if (!until.empty() && !date.empty() && until < date) return -1;
  return chosen;
}

template <typename Item, typename Key>
void split_by_date(std::vector<Item>& all, const std::string& date, Key key, std::vector<Item>& kept,
                   std::vector<Item>& others) {
  std::map<std::string, std::vector<const Item*>> groups;
  for (Item& item : all) groups[key(item)].push_back(&item);
  std::set<const Item*> chosen;
  for (auto& [k, versions] : groups) {
    (void)k;
    std::stable_sort(versions.begin(), versions.end(),
                     [](const Item* a, const Item* b) { return a->effective_from < b->effective_from; });
    const std::ptrdiff_t i = in_force<Item>(versions, date);
    if (i >= 0) chosen.insert(versions[static_cast<std::size_t>(i)]);
  }
  for (Item& item : all) (chosen.count(&item) ? kept : others).push_back(std::move(item));
}

}  // namespace

void Catalog::select_date(const std::string& date) {
  in_force_on = date;
  if (has_dated_content()) {
    std::vector<Procedure> all = std::move(procedures);
    for (Procedure& p : other_versions) all.push_back(std::move(p));
    procedures.clear();
    other_versions.clear();
    split_by_date(all, date, [](const Procedure& p) { return p.code; }, procedures, other_versions);
    std::stable_sort(other_versions.begin(), other_versions.end(), [](const Procedure& a, const Procedure& b) {
      return a.code != b.code ? a.code < b.code : a.effective_from < b.effective_from;
    });
    for (ProvinceCatalog& pc : province_catalogs) {
      std::vector<CatalogEntry> all_entries = std::move(pc.catalog);
      std::vector<CatalogEntry>& others = other_entries[pc.slug];
      for (CatalogEntry& e : others) all_entries.push_back(std::move(e));
      std::stable_sort(all_entries.begin(), all_entries.end(),
                       [](const CatalogEntry& a, const CatalogEntry& b) { return a.position < b.position; });
      pc.catalog.clear();
      others.clear();
      split_by_date(all_entries, date, [](const CatalogEntry& e) { return e.procedure; }, pc.catalog, others);
      if (others.empty()) other_entries.erase(pc.slug);
    }
  }
  index();
}

bool Catalog::has_dated_content() const {
  if (!other_versions.empty() || !other_entries.empty()) return true;
  for (const Procedure& p : procedures) {
    if (!p.effective_from.empty() || !p.effective_until.empty()) return true;
  }
  for (const ProvinceCatalog& pc : province_catalogs) {
    for (const CatalogEntry& e : pc.catalog) {
      if (!e.effective_from.empty() || !e.effective_until.empty()) return true;
    }
  }
  return false;
}

std::vector<std::string> Catalog::change_dates() const {
  std::set<std::string> dates;
  const auto add = [&](const std::string& from, const std::string& until) {
    if (!from.empty()) dates.insert(from);
    if (!until.empty()) {
      // The day after the last day in force.
      if (parse_iso_date(until)) dates.insert(shift_iso_date(until, 1));
    }
  };
  for (const Procedure& p : procedures) add(p.effective_from, p.effective_until);
  for (const Procedure& p : other_versions) add(p.effective_from, p.effective_until);
  for (const ProvinceCatalog& pc : province_catalogs) {
    for (const CatalogEntry& e : pc.catalog) add(e.effective_from, e.effective_until);
  }
  for (const auto& [slug, entries] : other_entries) {
    for (const CatalogEntry& e : entries) add(e.effective_from, e.effective_until);
  }
  return {dates.begin(), dates.end()};
}

const Procedure* Catalog::version_on(const std::string& code, const std::string& date) const {
  std::vector<const Procedure*> versions;
  if (const Procedure* p = find_procedure(code)) versions.push_back(p);
  const auto first = std::lower_bound(other_versions.begin(), other_versions.end(), code,
                                      [](const Procedure& p, const std::string& c) { return p.code < c; });
  for (auto it = first; it != other_versions.end() && it->code == code; ++it) versions.push_back(&*it);
  std::stable_sort(versions.begin(), versions.end(),
                   [](const Procedure* a, const Procedure* b) { return a->effective_from < b->effective_from; });
  const std::ptrdiff_t i = in_force<Procedure>(versions, date);
  return i < 0 ? nullptr : versions[static_cast<std::size_t>(i)];
}

const CatalogEntry* Catalog::entry_on(const std::string& province, const std::string& code,
                                      const std::string& date) const {
  std::vector<const CatalogEntry*> versions;
  if (const ProvinceCatalog* pc = find_province_catalog(province)) {
    if (const CatalogEntry* e = find_entry(*pc, code)) versions.push_back(e);
  }
  const auto others = other_entries.find(province);
  if (others != other_entries.end()) {
    for (const CatalogEntry& e : others->second) {
      if (e.procedure == code) versions.push_back(&e);
    }
  }
  std::stable_sort(versions.begin(), versions.end(),
                   [](const CatalogEntry* a, const CatalogEntry* b) { return a->effective_from < b->effective_from; });
  const std::ptrdiff_t i = in_force<CatalogEntry>(versions, date);
  return i < 0 ? nullptr : versions[static_cast<std::size_t>(i)];
}

void Catalog::mark_local_versions(ProvinceCatalog& pc) const {
  // Codes a commune of the province receives against the rule of levels.
  std::set<std::string> commune_lists;
  for (const Commune& cm : pc.communes) {
    commune_lists.insert(cm.also_receives.begin(), cm.also_receives.end());
    commune_lists.insert(cm.does_not_receive.begin(), cm.does_not_receive.end());
  }
  for (CatalogEntry& e : pc.catalog) {
    const Procedure* national = find_procedure(e.procedure);
    const ProcedureOverrides& o = e.overrides;
    const auto differs = [](const auto& local, const auto& value) { return local && *local != value; };
    e.local_version =
        national != nullptr &&
        (differs(o.competent_agency, national->competent_agency) ||
         differs(o.implementing_agency, national->implementing_agency) ||
         differs(o.boundary_independent, national->boundary_independent) ||
         differs(o.full_online, national->full_online) || !o.channels.empty() || !o.fee_rules.empty() ||
         !o.note.empty() || !e.centers.empty() || commune_lists.count(e.procedure) != 0);
  }
}

std::string Catalog::procedure_path(const ProvinceCatalog* province, const std::string& code) const {
  if (province != nullptr) {
    const CatalogEntry* e = find_entry(*province, code);
    if (e != nullptr && e->local_version) return province->slug + "/thu-tuc/" + code + "/";
  }
  return "thu-tuc/" + code + "/";
}

const EssentialService* Catalog::find_essential_service(const std::string& procedure_code) const {
  for (const EssentialService& s : essential_services.services) {
    if (std::find(s.procedures.begin(), s.procedures.end(), procedure_code) != s.procedures.end()) return &s;
  }
  return nullptr;
}

const Procedure* Catalog::find_procedure(const std::string& code) const {
  return lookup(procedure_index_, procedures, code);
}
const Form* Catalog::find_form(const std::string& id) const {
  for (const Form& f : forms) {
    if (f.id == id) return &f;
  }
  return nullptr;
}
std::vector<const Form*> Catalog::forms_for(const std::string& procedure_code) const {
  std::vector<const Form*> out;
  for (const Form& f : forms) {
    if (std::find(f.procedures.begin(), f.procedures.end(), procedure_code) != f.procedures.end()) out.push_back(&f);
  }
  return out;
}
const Field* Catalog::find_field(const std::string& slug) const { return lookup(field_index_, fields, slug); }
const LifeEvent* Catalog::find_life_event(const std::string& slug) const {
  return lookup(life_event_index_, life_events, slug);
}
const ProvinceInfo* Catalog::find_province(const std::string& slug) const {
  return lookup(province_index_, provinces, slug);
}
const ProvinceCatalog* Catalog::find_province_catalog(const std::string& slug) const {
  return lookup(province_catalog_index_, province_catalogs, slug);
}

const CatalogEntry* Catalog::find_entry(const ProvinceCatalog& province, const std::string& code) const {
  const auto it = entry_index_.find(province.slug);
  return it == entry_index_.end() ? nullptr : lookup(it->second, province.catalog, code);
}

const std::vector<const Procedure*>& Catalog::procedures_by_name() const { return by_name_; }

Procedure Catalog::localize(const Procedure& national, const CatalogEntry& entry) {
  Procedure p = national;
  const ProcedureOverrides& o = entry.overrides;
  if (o.competent_agency) p.competent_agency = *o.competent_agency;
  if (o.implementing_agency) p.implementing_agency = *o.implementing_agency;
  if (o.boundary_independent) p.boundary_independent = *o.boundary_independent;
  if (o.full_online) {
    p.full_online = *o.full_online;
    // The province offers the whole process online even where the national text says partial.
    for (Channel& c : p.channels) {
      if (c.kind == ChannelKind::online && p.full_online) c.online_level = "full";
    }
  }
  for (const ChannelOverride& co : o.channels) {
    for (Channel& c : p.channels) {
      if (c.kind != co.kind) continue;
      if (co.deadline) c.deadline = *co.deadline;
      if (co.fee) c.fee = *co.fee;
    }
  }
  p.fees = apply_fee_overrides(national.fees, o.fee_rules);
  return p;
}

bool Catalog::received_outside_centers(const Procedure& p) {
  return p.received_at && (p.received_at->place == "commune_police" || p.received_at->place == "online_only");
}

bool Catalog::receives(const ProvinceCatalog& province, const CatalogEntry& entry,
                       const Commune* commune) const {
  (void)province;  // the rule reads the entry and the commune; the province names the catalog
  if (commune != nullptr &&
      std::find(commune->also_receives.begin(), commune->also_receives.end(), entry.procedure) !=
          commune->also_receives.end()) {
    return true;
  }
  const Procedure* national = find_procedure(entry.procedure);
  if (national != nullptr && received_outside_centers(*national)) return false;
  return receives_by_level(entry, commune, national);
}

bool Catalog::receives_by_level(const ProvinceCatalog& province, const CatalogEntry& entry,
                                const Commune* commune) const {
  (void)province;
  return receives_by_level(entry, commune, find_procedure(entry.procedure));
}

bool Catalog::receives_by_level(const CatalogEntry& entry, const Commune* commune, const Procedure* p) const {
  const auto listed = [&](const std::string& name) {
    return std::find(entry.centers.begin(), entry.centers.end(), name) != entry.centers.end();
  };
  const auto in = [](const std::vector<std::string>& list, const std::string& code) {
    return std::find(list.begin(), list.end(), code) != list.end();
  };
  if (commune == nullptr) {
    if (!entry.centers.empty()) return listed(kProvinceCenter);
    return p != nullptr && (p->has_level(Level::tinh) || p->has_level(Level::bo) || p->has_level(Level::khac));
  }
  if (in(commune->does_not_receive, entry.procedure)) return false;
  if (in(commune->also_receives, entry.procedure)) return true;
  if (!entry.centers.empty()) return listed(commune->slug);
  return p != nullptr && p->has_level(Level::xa);
}

std::vector<const CatalogEntry*> Catalog::received_at(const ProvinceCatalog& province,
                                                      const Commune* commune) const {
  std::vector<const CatalogEntry*> out;
  for (const CatalogEntry& e : province.catalog) {
    if (receives(province, e, commune)) out.push_back(&e);
  }
  return out;
}

std::vector<const CatalogEntry*> Catalog::received_elsewhere(const ProvinceCatalog& province,
                                                             const Commune* commune) const {
  std::vector<const CatalogEntry*> out;
  for (const CatalogEntry& e : province.catalog) {
    const Procedure* p = find_procedure(e.procedure);
    if (p == nullptr || !received_outside_centers(*p) || receives(province, e, commune)) continue;
    // By level or the entry's "centers" only: a commune's "does_not_receive" says nothing of
    // its police, who still take the dossier.
    const bool here = !e.centers.empty()
                          ? std::find(e.centers.begin(), e.centers.end(),
                                      commune != nullptr ? commune->slug : std::string(kProvinceCenter)) != e.centers.end()
                          : receives_by_level(province, e, commune) || (commune != nullptr && p->has_level(Level::xa));
    if (here) out.push_back(&e);
  }
  return out;
}

}  // namespace motcua
