#include "motcua/calc.h"

#include <algorithm>
#include <optional>

#include "motcua/checklist.h"
#include "motcua/deadline.h"
#include "motcua/fees.h"
#include "motcua/limits.h"
#include "motcua/procedure_data.h"

namespace motcua {

namespace {

CalcReply error_reply(const std::string& field, const std::string& message) {
  // The same shape as the engines' own errors: the first one, and the list.
  const nlohmann::json e = {{"field", field}, {"message", message}};
  nlohmann::json j = {{"error", e}, {"errors", nlohmann::json::array({e})}};
  return {false, j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)};
}

// Deepest nesting of objects and arrays in `text`, counted without parsing (strings skipped),
// so that a hostile request is refused before any recursive copy of it can exhaust the stack.
int nesting_depth(const std::string& text) {
  int depth = 0, deepest = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      deepest = std::max(deepest, ++depth);
    } else if (c == '}' || c == ']') {
      --depth;
    }
  }
  return deepest;
}

// Requests are bounded in size and nesting (limits.h) before any engine reads them.
std::optional<CalcReply> refuse_unbounded(const std::string& request) {
  if (request.size() > limits::kMaxRequestBytes) {
    return error_reply("/", "the request is " + std::to_string(request.size()) + " bytes; the limit is " +
                                std::to_string(limits::kMaxRequestBytes) + " bytes");
  }
  if (nesting_depth(request) > limits::kMaxRequestDepth) {
    return error_reply("/", "the request is nested more than " + std::to_string(limits::kMaxRequestDepth) +
                                " levels deep; no calculation needs that");
  }
  return std::nullopt;
}

// A data file that does not read back is reported with the pointer of its first problem,
// so a page whose data comes from another build says so instead of computing nonsense.
CalcReply data_error(const Diagnostics& diags) {
  if (diags.items().empty()) return error_reply("/", "the data file could not be read");
  const Diagnostic& d = diags.items().front();
  return error_reply(d.pointer.empty() ? "/" : d.pointer, "the data file could not be read: " + d.message);
}

CalcReply deadline(const std::string& data_json, const std::string& request) {
  DeadlineData data;
  Diagnostics diags;
  if (!read_deadline_data(data_json, data, diags)) return data_error(diags);
  CalcReply reply;
  reply.json = calc_deadline(data, request, reply.ok);
  return reply;
}


// The data file published beside a page (a procedure's or a form's): JSON of this
// build's schema version, or the reply that says why it cannot be used.
std::optional<CalcReply> read_page_data(const std::string& data_json, nlohmann::json& data) {
  data = nlohmann::json::parse(data_json, nullptr, false);
  if (data.is_discarded() || !data.is_object()) return error_reply("/", "the data file is not JSON");
  const auto version = data.find("schema_version");
  if (version == data.end() || *version != kSchemaVersion) {
    return error_reply("/schema_version", "this page's data comes from another version of the site (schema_version " +
                                              (version == data.end() ? std::string("missing") : version->dump()) +
                                              ", expected " + std::to_string(kSchemaVersion) + "): reload the page");
  }
  return std::nullopt;
}

// Fee and checklist: the data file of one procedure page (procedure_data.h).
CalcReply procedure_engine(const std::string& engine, const std::string& data_json, const std::string& request) {
  nlohmann::json data;
  if (std::optional<CalcReply> refused = read_page_data(data_json, data)) return *refused;
  // A request naming another procedure or province than the data is a mix-up, not an answer.
  const nlohmann::json req = nlohmann::json::parse(request, nullptr, false);
  if (req.is_object()) {
    for (const char* key : {"procedure", "province"}) {
      const auto in_data = data.find(key);
      const std::string of_data = in_data != data.end() && in_data->is_string() ? in_data->get<std::string>() : "";
      if (req.contains(key) && (!req[key].is_string() || req[key] != of_data)) {
        return error_reply(std::string("/") + key, std::string("this data is for ") + key + " \"" + of_data + "\"");
      }
    }
  }
  CalcReply reply;
  reply.json = engine == "fee" ? calc_fee(data, request, reply.ok) : calc_checklist(data, request, reply.ok);
  return reply;
}

// Form validation: the data file of one form page (forms.h).
CalcReply form_engine(const std::string& data_json, const std::string& request) {
  nlohmann::json data;
  if (std::optional<CalcReply> refused = read_page_data(data_json, data)) return *refused;
  CalcReply reply;
  reply.json = calc_form(data, request, reply.ok);
  return reply;
}

// What every engine refuses before reading anything: an unbounded request, a data file nested
// deeper than the content reader ever writes (a copy saved or altered on the device is read
// with the same care as the site's).
std::optional<CalcReply> refuse_input(const std::string& data_json, const std::string& request_json) {
  if (std::optional<CalcReply> refused = refuse_unbounded(request_json)) return refused;
  if (nesting_depth(data_json) > limits::kMaxJsonDepth) {
    return error_reply("/", "the data file could not be read: nested too deeply");
  }
  return std::nullopt;
}

CalcReply unknown_engine(const std::string& engine) {
  return error_reply("/", "unknown calculation \"" + engine + "\"");
}

}  // namespace

CalcReply calc_procedure_page(const std::string& engine, const std::string& data_json, const std::string& request_json) {
  if (std::optional<CalcReply> refused = refuse_input(data_json, request_json)) return *refused;
  if (engine == "deadline") return deadline(data_json, request_json);
  if (engine == "fee" || engine == "checklist") return procedure_engine(engine, data_json, request_json);
  return unknown_engine(engine);
}

CalcReply calc_form_page(const std::string& engine, const std::string& data_json, const std::string& request_json) {
  if (std::optional<CalcReply> refused = refuse_input(data_json, request_json)) return *refused;
  if (engine == "form") return form_engine(data_json, request_json);
  return unknown_engine(engine);
}

CalcReply calc_with_data(const std::string& engine, const std::string& data_json, const std::string& request_json) {
  return engine == "form" ? calc_form_page(engine, data_json, request_json)
                          : calc_procedure_page(engine, data_json, request_json);
}

CalcReply run_calc(const std::string& engine, const Catalog& catalog, const std::string& request_json) {
  if (std::optional<CalcReply> refused = refuse_unbounded(request_json)) return *refused;
  if (engine == "deadline") return calc_with_data(engine, deadline_data_json(catalog), request_json);
  if (engine == "fee" || engine == "checklist") {
    // Find the procedure (and the province's version) the request names.
    const nlohmann::json req = nlohmann::json::parse(request_json, nullptr, false);
    if (req.is_discarded() || !req.is_object()) return error_reply("/", "the request is not a JSON object");
    if (!req.contains("procedure") || !req["procedure"].is_string()) {
      return error_reply("/procedure", "name the procedure by its code, e.g. \"procedure\": \"2.000815\"");
    }
    const Procedure* p = catalog.find_procedure(req["procedure"].get<std::string>());
    if (p == nullptr) return error_reply("/procedure", "unknown procedure \"" + req["procedure"].get<std::string>() + "\"");
    const ProvinceCatalog* province = nullptr;
    const CatalogEntry* entry = nullptr;
    if (req.contains("province")) {
      if (req["province"].is_string()) {
        for (const ProvinceCatalog& pc : catalog.province_catalogs) {
          if (pc.slug == req["province"].get<std::string>()) province = &pc;
        }
      }
      if (province == nullptr) {
        const bool known = req["province"].is_string() && catalog.find_province(req["province"].get<std::string>());
        return error_reply("/province", known ? "this province has not published its catalog yet; leave \"province\" out "
                                                "for the national rules"
                                              : "unknown province; use its slug, e.g. \"lai-chau\"");
      }
      entry = catalog.find_entry(*province, p->code);
      if (entry == nullptr) {
        return error_reply("/province", "this province's catalog does not list procedure " + p->code);
      }
    }
    if (entry == nullptr) return calc_with_data(engine, procedure_data_json(catalog, *p, nullptr), request_json);
    return calc_with_data(engine, procedure_data_json(catalog, Catalog::localize(*p, *entry), province), request_json);
  }
  if (engine == "form") {
    const nlohmann::json req = nlohmann::json::parse(request_json, nullptr, false);
    if (req.is_discarded() || !req.is_object()) return error_reply("/", "the request is not a JSON object");
    if (!req.contains("form") || !req["form"].is_string()) {
      return error_reply("/form", "name the form by its id, e.g. \"form\": \"to-khai-dang-ky-khai-sinh\"");
    }
    const Form* f = catalog.find_form(req["form"].get<std::string>());
    if (f == nullptr) return error_reply("/form", "unknown form \"" + req["form"].get<std::string>() + "\"");
    return calc_with_data(engine, form_data_json(*f, catalog.citizen_id), request_json);
  }
  return error_reply("/", "unknown calculation \"" + engine + "\"");
}

}  // namespace motcua
