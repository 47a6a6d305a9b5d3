#pragma once
// Declaration forms (tờ khai) as data: sections of typed fields, required and
// conditional fields, and validation a citizen's draft goes through in the browser and
// on the command line alike: 12-digit personal identification numbers with their
// province/century/gender/birth-year structure, phone numbers, e-mail, dates (solar or
// lunar), numbers, choices and text limits. One plain Vietnamese message per field.
#include <string>
#include <vector>

#include "motcua/fees.h"
#include "motcua/json_document.h"

namespace motcua {

struct Form {
  std::string id;     // "to-khai-dang-ky-khai-sinh": the file name and the page's address
  std::string title;  // "Tờ khai đăng ký khai sinh"
  std::string code;   // "Mẫu CT01"
  FeeSource source;   // the circular and appendix that publish the form
  bool sample = false;
  std::vector<std::string> procedures;  // codes of the procedures that use it
  // The definition as published for the browser: id, title, code, source, addressee,
  // sections[{title, fields[…]}], declaration, signature, note.
  nlohmann::json definition;
};

// The structure of the 12-digit personal identification number (content/citizen-id.json):
// province codes of birth registration and the century/gender digit, with sources.
struct CitizenIdRules {
  bool loaded = false;
  FeeSource structure_source;       // the 12-digit structure
  FeeSource province_codes_source;  // the province codes and the century/gender digit
  nlohmann::json data;  // {provinces: [{code, name}], century_gender: [{digit, century_start, gender}], sources}
};

// Reads content/citizen-id.json. Returns false (errors in `diags`) when it is invalid.
bool read_citizen_id_rules(const JsonDocument& doc, CitizenIdRules& out, Diagnostics& diags);

// Reads one content/forms/<id>.json; every problem is reported with its position.
// `procedure_codes`: the known procedures (a form names the ones that use it).
bool read_form(const JsonDocument& doc, const std::string& expected_id, const std::vector<std::string>& procedure_codes,
               Form& out, Diagnostics& diags);

// "bieu-mau/<id>/du-lieu.json": what the browser needs to validate a draft of the form.
std::string form_data_path(const std::string& form_id);
std::string form_data_json(const Form& form, const CitizenIdRules& id_rules);

// Validates one draft. Request: {"form": "<id>", "values": {"<field>": …}, "today":
// "YYYY-MM-DD"}. Result: {"schema_version", "form", "valid", "errors": [{"field",
// "label", "message"}], "visible": [ids], "derived": {"<field>": {…}}}. Hidden
// (conditional) fields are never reported. A bad request gives {"error": {"field", "message"}}.
std::string calc_form(const nlohmann::json& data, const std::string& request_json, bool& ok);

}  // namespace motcua
