#include "motcua/calc.h"

#include "motcua/deadline.h"

namespace motcua {

namespace {

CalcReply error_reply(const std::string& field, const std::string& message) {
  nlohmann::json j = {{"error", {{"field", field}, {"message", message}}}};
  return {false, j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)};
}

CalcReply deadline(const Catalog& catalog, const std::string& request) {
  DeadlineData data;
  Diagnostics diags;
  if (!read_deadline_data(deadline_data_json(catalog), data, diags)) {
    return error_reply("/", "the calendar data could not be read back: " +
                                (diags.items().empty() ? std::string("unknown problem") : diags.items()[0].message));
  }
  CalcReply reply;
  reply.json = calc_deadline(data, request, reply.ok);
  return reply;
}

}  // namespace

CalcReply run_calc(const std::string& engine, const Catalog& catalog, const std::string& request_json) {
  if (engine == "deadline") return deadline(catalog, request_json);
  return error_reply("/", "unknown calculation \"" + engine + "\"");
}

}  // namespace motcua
