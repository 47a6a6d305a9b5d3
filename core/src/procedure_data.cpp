#include "motcua/procedure_data.h"

#include "motcua/checklist.h"
#include "motcua/fees.h"

namespace motcua {

std::string procedure_data_path(const std::string& code, const std::string& province_slug) {
  return (province_slug.empty() ? "" : province_slug + "/") + "thu-tuc/" + code + "/du-lieu.json";
}

std::string procedure_data_json(const Catalog& catalog, const Procedure& p, const ProvinceCatalog* province) {
  nlohmann::json channels = nlohmann::json::array();
  for (const Channel& c : p.channels) channels.push_back(channel_slug(c.kind));
  nlohmann::json out = {{"schema_version", kSchemaVersion},
                        {"procedure", p.code},
                        {"name", p.name},
                        {"channels", channels},
                        {"fees", fee_schedule_to_json(p.fees)},
                        {"applicant_categories", applicant_categories_to_json(catalog.applicant_categories)},
                        {"questions", questions_to_json(p.questions)},
                        {"dossier", dossier_to_json(p.dossier, p.questions)}};
  if (province != nullptr) out["province"] = province->slug;
  return out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace motcua
