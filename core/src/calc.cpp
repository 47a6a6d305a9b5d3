#include "motcua/calc.h"

#include "motcua/deadline.h"

namespace motcua {

namespace {

CalcReply error_reply(const std::string& field, const std::string& message) {
  nlohmann::json j = {{"error", {{"field", field}, {"message", message}}}};
  return {false, j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)};
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

}  // namespace

CalcReply calc_with_data(const std::string& engine, const std::string& data_json, const std::string& request_json) {
  if (engine == "deadline") return deadline(data_json, request_json);
  return error_reply("/", "unknown calculation \"" + engine + "\"");
}

CalcReply run_calc(const std::string& engine, const Catalog& catalog, const std::string& request_json) {
  if (engine == "deadline") return calc_with_data(engine, deadline_data_json(catalog), request_json);
  return error_reply("/", "unknown calculation \"" + engine + "\"");
}

}  // namespace motcua
