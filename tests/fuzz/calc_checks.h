#pragma once
// The invariants of a `motcua calc` reply, shared by the calc_<engine> and calc_data targets:
// the reply is a JSON object; it fails exactly when it holds "error", which names a field
// by JSON Pointer and says why (and "errors" lists it first); a deadline is not before the
// receipt; a fee total is the sum of its lines and never more than kMaxFeeTotal; checklist
// statuses and form validity are consistent.
#include <cstdint>
#include <set>
#include <string>

#include "fuzz_support.h"
#include "motcua/calc.h"
#include "motcua/deadline.h"
#include "motcua/fees.h"

namespace motcua::fuzz {

using nlohmann::json;

inline void check_ok(const std::string& engine, const json& r, const std::string& why) {
  if (engine == "deadline") {
    FUZZ_CHECK(r.contains("due_at") && r["due_at"].is_string(), "a deadline has \"due_at\"" + why);
    motcua::LocalTime due = 0, received = 0;
    FUZZ_CHECK(motcua::parse_datetime(r["due_at"].get<std::string>(), due), "\"due_at\" reads back" + why);
    FUZZ_CHECK(r.contains("received_at") && r["received_at"].is_string() &&
                   motcua::parse_datetime(r["received_at"].get<std::string>(), received),
               "\"received_at\" reads back" + why);
    FUZZ_CHECK(due >= received, "a deadline is not before the receipt" + why);
  } else if (engine == "fee") {
    static const std::set<std::string> statuses = {"fee", "free", "not_regulated", "local", "unknown"};
    FUZZ_CHECK(r.contains("status") && r["status"].is_string() && statuses.count(r["status"].get<std::string>()),
               "a fee has a known status" + why);
    FUZZ_CHECK(r.contains("total") && r["total"].is_number_integer(), "a fee total is an integer" + why);
    const std::int64_t total = r["total"].get<std::int64_t>();
    FUZZ_CHECK(total >= 0 && total <= motcua::kMaxFeeTotal, "0 <= total <= kMaxFeeTotal" + why);
    std::int64_t sum = 0;
    FUZZ_CHECK(r.contains("lines") && r["lines"].is_array(), "a fee lists its lines" + why);
    for (const json& line : r["lines"]) {
      FUZZ_CHECK(line.contains("amount") && line["amount"].is_number_integer(), "a fee line has an amount" + why);
      FUZZ_CHECK(!__builtin_add_overflow(sum, line["amount"].get<std::int64_t>(), &sum), "the lines add up" + why);
    }
    FUZZ_CHECK(sum == total, "the total is the sum of the lines" + why);
  } else if (engine == "checklist") {
    static const std::set<std::string> statuses = {"required", "conditional", "not_needed", "waived"};
    FUZZ_CHECK(r.contains("items") && r["items"].is_array(), "a checklist has items" + why);
    bool open = false;
    for (const json& item : r["items"]) {
      FUZZ_CHECK(item.contains("status") && item["status"].is_string() && statuses.count(item["status"].get<std::string>()),
                 "a checklist item has a known status" + why);
      open = open || item["status"] == "conditional";
    }
    FUZZ_CHECK(r.contains("complete") && r["complete"].is_boolean(), "a checklist says whether it is complete" + why);
    FUZZ_CHECK(!(open && r["complete"].get<bool>()), "a checklist with an open item is not complete" + why);
  } else if (engine == "form") {
    FUZZ_CHECK(r.contains("valid") && r["valid"].is_boolean(), "a form check says whether it is valid" + why);
    FUZZ_CHECK(r.contains("errors") && r["errors"].is_array(), "a form check lists its errors" + why);
    FUZZ_CHECK(r["valid"].get<bool>() == r["errors"].empty(), "a form is valid exactly when it has no errors" + why);
  }
}

inline void check_reply(const std::string& engine, const motcua::CalcReply& reply, const std::string& request) {
  const std::string why = "\nrequest: " + excerpt(request) + "\nreply: " + excerpt(reply.json);
  const json r = json::parse(reply.json, nullptr, false);
  FUZZ_CHECK(r.is_object(), "the reply is a JSON object" + why);
  FUZZ_CHECK(reply.ok != r.contains("error"), "the reply holds \"error\" exactly when it fails" + why);
  if (!reply.ok) {
    const json& e = r["error"];
    FUZZ_CHECK(e.is_object() && e.contains("field") && e["field"].is_string() && e.contains("message") &&
                   e["message"].is_string() && !e["message"].get<std::string>().empty(),
               "an error has a field and a message" + why);
    const std::string field = e["field"].get<std::string>();
    FUZZ_CHECK(!field.empty() && field[0] == '/', "an error's field is a JSON Pointer" + why);
    FUZZ_CHECK(r.contains("errors") && r["errors"].is_array() && !r["errors"].empty() && r["errors"][0] == e,
               "\"errors\" lists the error first" + why);
    return;
  }
  check_ok(engine, r, why);
}

}  // namespace motcua::fuzz
