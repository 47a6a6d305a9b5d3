#pragma once
// Personal dossier checklists: the papers of a procedure, with conditions asked as
// plain questions ("Bạn nộp hồ sơ thay cho người khác?"), alternatives ("one of A or
// B") and waivers (online with an electronic identity; data already in a national
// database), each with its basis. Conditions are data:
//   {"question": "nop-thay", "equals": true}     a yes/no or choice answer
//   {"question": "doi-tuong", "in": ["a", "b"]}  one of several choices
//   {"channel": "online"} / {"channel": ["online", "postal"]}
//   {"all": [...]}, {"any": [...]}, {"not": {...}}
#include <string>
#include <vector>

#include "motcua/json_document.h"
#include "motcua/model.h"

namespace motcua {

// Checks a condition against the procedure's questions and channels; reports every
// problem at its JSON Pointer. Returns false when the condition is not usable.
bool check_condition(const JsonDocument& doc, const nlohmann::json& condition, const std::string& pointer,
                     const std::vector<Question>& questions, const std::vector<std::string>& channels,
                     Diagnostics& diags);

// Plain Vietnamese for a condition: "Bạn nộp hồ sơ thay cho người khác? — Có".
std::string describe_condition(const nlohmann::json& condition, const std::vector<Question>& questions);

nlohmann::json questions_to_json(const std::vector<Question>& questions);
nlohmann::json dossier_to_json(const std::vector<DossierItem>& dossier, const std::vector<Question>& questions);

// The checklist engine on the data file published beside a procedure page.
std::string calc_checklist(const nlohmann::json& data, const std::string& request_json, bool& ok);

}  // namespace motcua
