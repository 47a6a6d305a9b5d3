#pragma once
// The whole loaded content, with lookups and the rules that overlay a province's
// catalog on the national procedures.
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "motcua/forms.h"
#include "motcua/model.h"
#include "motcua/replaced_documents.h"
#include "motcua/work_calendar.h"

namespace motcua {

// What the search needs beyond the procedures (content/search/, docs/search.md).
struct SearchSynonym {
  std::vector<std::string> words;  // what people type: "hộ khẩu", "CCCD"
  std::vector<std::string> means;  // wording of procedure names searched as well
  std::string kind;                // "abbreviation" | "old-name" | "everyday"
  std::string source_title;
  std::string source_url;
};

struct SearchSettings {
  std::vector<SearchSynonym> synonyms;           // content/search/synonyms.json
  std::map<std::string, double> question_words;  // content/search/ranking.json: word -> weight
  std::vector<std::string> common_fields;        // fields citizens use most, ranked first
};

class Catalog {
 public:
  SiteInfo site;
  std::vector<Field> fields;
  std::vector<LifeEvent> life_events;
  std::vector<ProvinceInfo> provinces;         // all 34, in file order
  std::vector<NationalHotline> hotlines;
  std::vector<Procedure> procedures;           // sorted by code
  std::vector<ProvinceCatalog> province_catalogs;  // sorted by slug
  CalendarData calendar;  // content/calendar/: rules and yearly schedules
  std::vector<ApplicantCategory> applicant_categories;  // content/applicant-categories.json
  std::vector<Form> forms;          // content/forms/<id>.json, sorted by id
  CitizenIdRules citizen_id;        // content/citizen-id.json
  std::vector<ReplacedDocument> replaced_documents;  // content/replaced-documents.json (optional)
  SearchSettings search;            // content/search/ (optional)
  EssentialServices essential_services;  // content/essential-services.json (optional)

  // The essential service a procedure belongs to, or nullptr.
  const EssentialService* find_essential_service(const std::string& procedure_code) const;

  const Form* find_form(const std::string& id) const;
  // Forms a procedure uses, in id order.
  std::vector<const Form*> forms_for(const std::string& procedure_code) const;

  // Call once after the vectors are filled (the loader does, through select_date).
  void index();

  // Dated content (effective_from / effective_until, docs/content.md "Effective dates"):
  // the day the catalog shows, and the versions of procedures and the province entries that
  // are not in force that day (before their first day, past their last, or replaced by a
  // later version), so that another day can be chosen again.
  std::string in_force_on;
  std::vector<Procedure> other_versions;                          // sorted by code, then effective_from
  std::map<std::string, std::vector<CatalogEntry>> other_entries;  // province slug -> entries
  // Shows what is in force on `date` (YYYY-MM-DD; empty: what carries no effective_from),
  // then index(). The loader calls it with site.content_as_of; a build with its --date.
  void select_date(const std::string& date);
  // True when some content carries effective dates.
  bool has_dated_content() const;
  // Every day on which something starts or stops being in force, in order.
  std::vector<std::string> change_dates() const;
  // The version of a procedure, or a province's entry of it, in force on `date` (whichever
  // day the catalog shows), or nullptr.
  const Procedure* version_on(const std::string& code, const std::string& date) const;
  const CatalogEntry* entry_on(const std::string& province, const std::string& code, const std::string& date) const;

  const Procedure* find_procedure(const std::string& code) const;
  const Field* find_field(const std::string& slug) const;
  const LifeEvent* find_life_event(const std::string& slug) const;
  const ProvinceInfo* find_province(const std::string& slug) const;
  const ProvinceCatalog* find_province_catalog(const std::string& slug) const;
  const CatalogEntry* find_entry(const ProvinceCatalog& province, const std::string& code) const;

  // Procedures in Vietnamese A–Z order of their names.
  const std::vector<const Procedure*>& procedures_by_name() const;

  // The national procedure with the province's overrides applied.
  static Procedure localize(const Procedure& national, const CatalogEntry& entry);

  // Does this center receive the entry? `commune` nullptr means the province center. A
  // procedure received at the commune police or online only is not, unless the commune
  // lists it in "also_receives".
  bool receives(const ProvinceCatalog& province, const CatalogEntry& entry,
                const Commune* commune) const;
  // Entries received at a center, in catalog order.
  std::vector<const CatalogEntry*> received_at(const ProvinceCatalog& province,
                                               const Commune* commune) const;
  // Entries the center's level would take that are received elsewhere (the commune police,
  // online only: Procedure::received_at), in catalog order, also when the commune lists them
  // in "does_not_receive": its page lists them apart so that nobody makes the trip for them.
  std::vector<const CatalogEntry*> received_elsewhere(const ProvinceCatalog& province,
                                                      const Commune* commune) const;
  // The site path of a procedure as a province lists it: the province's own version
  // ("<province>/thu-tuc/<code>/") where CatalogEntry::local_version, else the national page.
  std::string procedure_path(const ProvinceCatalog* province, const std::string& code) const;

  // True when a procedure is received neither at the province nor at the commune centers.
  static bool received_outside_centers(const Procedure& p);

 private:
  void mark_local_versions(ProvinceCatalog& province) const;

  // The rule of docs/content.md (levels, "centers", the commune's own lists), before
  // Procedure::received_at is considered.
  bool receives_by_level(const ProvinceCatalog& province, const CatalogEntry& entry,
                         const Commune* commune) const;
  // The same, given the entry's national procedure (find_procedure(entry.procedure), which
  // may be null): a national build asks it for every entry of every commune.
  bool receives_by_level(const CatalogEntry& entry, const Commune* commune, const Procedure* national) const;

  // Key -> position in its vector. Hashed: the renderer looks procedures up millions of times
  // on a national catalog (every entry of every commune).
  using Index = std::unordered_map<std::string, std::size_t>;
  Index procedure_index_;
  Index field_index_;
  Index life_event_index_;
  Index province_index_;
  Index province_catalog_index_;
  std::unordered_map<std::string, Index> entry_index_;  // province -> code -> entry
  std::vector<const Procedure*> by_name_;
};

}  // namespace motcua
