#pragma once
// The data file published beside each procedure page (national and province
// versions): what the fee and checklist engines need, in the browser and on the
// command line alike.
#include <string>

#include "motcua/catalog.h"

namespace motcua {

// "thu-tuc/2.000815/du-lieu.json" or "lai-chau/thu-tuc/2.000815/du-lieu.json".
std::string procedure_data_path(const std::string& code, const std::string& province_slug);

// The fee rules, the questions and the dossier of `p`: the national procedure, or a
// province's version from Catalog::localize (its fee overrides applied) with `province`.
std::string procedure_data_json(const Catalog& catalog, const Procedure& p, const ProvinceCatalog* province);

}  // namespace motcua
