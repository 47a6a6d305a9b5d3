#pragma once
// When will the result be ready? Counts a procedure's deadline from the receipt of
// a complete dossier across working sessions, weekends, holidays, compensatory and
// swapped days, pauses and multi-agency stages, and says why each day was skipped.
//
// Default semantics (docs/deadlines.md): Civil Code 2015, Art. 147–148 — the day of
// receipt is not counted; a period in days ends at the end of its last day; if that
// day is not a working day the period ends at the end of the next working day; a
// period in hours runs from the moment of receipt, inside working sessions only.
//
// The JSON contract is shared by `motcua calc deadline` and the wasm module: both call
// calc_deadline() with the data file the site publishes (api/lich-lam-viec.json), so
// the browser and the command line cannot disagree.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "motcua/catalog.h"
#include "motcua/work_calendar.h"

namespace motcua {

// Seconds since 1970-01-01T00:00 in Vietnam's time (UTC+7, no daylight saving).
using LocalTime = std::int64_t;

// "2026-02-13T10:00:00+07:00", "2026-02-13T03:00Z", "2026-02-13T10:00" (taken as
// Vietnam time) -> local time. False when malformed.
bool parse_datetime(const std::string& s, LocalTime& out);
std::string format_datetime(LocalTime t);  // "2026-02-13T10:00:00+07:00"

// Everything the engine needs besides the request: the calendar and each center's
// working time ("lai-chau" for a province center, "lai-chau/xa-tam-duong" for a commune).
struct DeadlineData {
  CalendarData calendar;
  std::map<std::string, WorkingTime> centers;
  std::string content_as_of;
};

// The published data file, built from the loaded content.
std::string deadline_data_json(const Catalog& catalog);
// Reads it back (the browser's path, and the command line's too).
bool read_deadline_data(const std::string& json_text, DeadlineData& out, Diagnostics& diags);

// request JSON -> result JSON, or {"error": {"field": "/pointer", "message": "…"}} with ok = false.
std::string calc_deadline(const DeadlineData& data, const std::string& request_json, bool& ok);

// Plain words for a procedure page: how the deadline is counted.
std::string explain_deadline_counting(const Deadline& d, const CalendarRules& rules);

}  // namespace motcua
