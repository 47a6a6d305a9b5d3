#include "motcua/procedure_data.h"

#include <algorithm>

#include "motcua/checklist.h"
#include "motcua/fees.h"

namespace motcua {

std::string procedure_data_path(const std::string& code, const std::string& province_slug) {
  return (province_slug.empty() ? "" : province_slug + "/") + "thu-tuc/" + code + "/du-lieu.json";
}

std::string procedure_data_json(const Catalog& catalog, const Procedure& p, const ProvinceCatalog* province) {
  nlohmann::json channels = nlohmann::json::array();
  for (const Channel& c : p.channels) channels.push_back(channel_slug(c.kind));
  // Every category's slug (the calculator refuses one it does not know), and the name and
  // note only of those this procedure's exemptions name: the others are never shown, and
  // the list is two kilobytes in each of ten thousand files.
  nlohmann::json categories = applicant_categories_to_json(catalog.applicant_categories);
  for (nlohmann::json& c : categories) {
    const std::string slug = c["slug"].get<std::string>();
    if (std::none_of(p.fees.exemptions.begin(), p.fees.exemptions.end(),
                     [&](const FeeExemption& e) { return e.category == slug; })) {
      nlohmann::json only = nlohmann::json::object();
      only["slug"] = slug;
      c = only;
    }
  }
  nlohmann::json out = {{"schema_version", kSchemaVersion},
                        {"procedure", p.code},
                        {"name", p.name},
                        {"channels", channels},
                        {"fees", fee_schedule_to_json(p.fees)},
                        {"applicant_categories", categories},
                        {"questions", questions_to_json(p.questions)},
                        {"dossier", dossier_to_json(p.dossier, p.questions)}};
  if (province != nullptr) out["province"] = province->slug;
  return out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace motcua
