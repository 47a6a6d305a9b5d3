#include "motcua/work_calendar.h"

#include <algorithm>
#include <set>

#include "motcua/format.h"
#include "motcua/lunar_calendar.h"
#include "motcua/object_reader.h"

namespace motcua {

using json = nlohmann::json;

namespace {

const char* const kWeekdayKeys[] = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};

int minutes_of(const std::string& hh_mm) {
  return ((hh_mm[0] - '0') * 10 + (hh_mm[1] - '0')) * 60 + (hh_mm[3] - '0') * 10 + (hh_mm[4] - '0');
}

std::string hh_mm(int minutes) {
  std::string s = "00:00";
  s[0] = static_cast<char>('0' + minutes / 600);
  s[1] = static_cast<char>('0' + minutes / 60 % 10);
  s[3] = static_cast<char>('0' + minutes % 60 / 10);
  s[4] = static_cast<char>('0' + minutes % 10);
  return s;
}

std::vector<int> read_weekdays(ObjectReader& r, const std::string& key, Need need) {
  std::vector<int> out;
  const std::vector<std::string> keys = r.strings(key, need);
  for (std::size_t i = 0; i < keys.size(); ++i) {
    const int w = weekday_from_key(keys[i]);
    if (w < 0) {
      r.error_at_pointer(r.pointer_of(key) + "/" + std::to_string(i),
                         "unknown day \"" + keys[i] + "\"; use mon, tue, wed, thu, fri, sat, sun");
    } else if (std::find(out.begin(), out.end(), w) == out.end()) {
      out.push_back(w);
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

json weekdays_to_json(const std::vector<int>& days) {
  json out = json::array();
  // Monday first, as people read a week.
  for (const int w : {1, 2, 3, 4, 5, 6, 0}) {
    if (std::find(days.begin(), days.end(), w) != days.end()) out.push_back(kWeekdayKeys[w]);
  }
  return out;
}

void read_scheduled_days(ObjectReader& top, const std::string& key, const std::string& kind_default,
                         std::initializer_list<const char*> kinds, const std::map<std::string, DocumentSource>& sources,
                         int year, std::set<std::int64_t>& seen, std::vector<ScheduledDay>& out) {
  const json* items = top.array(key, Need::optional);
  if (items == nullptr) return;
  for (std::size_t i = 0; i < items->size(); ++i) {
    ObjectReader r(top.document(), (*items)[i], top.pointer_of(key) + "/" + std::to_string(i), top.diagnostics(),
                   "scheduled day");
    ScheduledDay day;
    const std::string date = r.string("date", Need::required);
    const std::optional<CivilDate> parsed = parse_iso_date(date);
    if (!date.empty() && !parsed) {
      r.error("date", "invalid date \"" + date + "\": write it as YYYY-MM-DD, e.g. 2026-02-17");
    } else if (parsed && parsed->year != year) {
      r.error("date", "date " + date + " is not in " + std::to_string(year) + ", the year of this file");
    } else if (parsed && !seen.insert(days_from_civil(*parsed)).second) {
      r.error("date", "date " + date + " is listed twice in this file");
    }
    if (parsed) day.date = *parsed;
    day.reason = r.string("reason", Need::required);
    day.kind = kind_default.empty() ? r.one_of("kind", Need::required, kinds, "holiday") : kind_default;
    const std::string source = r.string("source", Need::required);
    const auto it = sources.find(source);
    if (!source.empty() && it == sources.end()) {
      r.error("source", "unknown source \"" + source + "\": give the id of an entry of \"sources\"");
    } else if (it != sources.end()) {
      day.source = it->second.document;
      day.url = it->second.url;
    }
    r.finish();
    if (parsed) out.push_back(day);
  }
  std::sort(out.begin(), out.end(), [](const ScheduledDay& a, const ScheduledDay& b) {
    return days_from_civil(a.date) < days_from_civil(b.date);
  });
}

}  // namespace

const char* weekday_name(int weekday) {
  static const char* const names[] = {"Chủ nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"};
  return weekday >= 0 && weekday < 7 ? names[weekday] : "";
}

int weekday_from_key(const std::string& key) {
  for (int i = 0; i < 7; ++i) {
    if (key == kWeekdayKeys[i]) return i;
  }
  return -1;
}

// ---------------------------------------------------------------------------
// The calendar

WorkCalendar::WorkCalendar(CalendarData data) : data_(std::move(data)) {
  first_year_ = 2199;
  for (const HolidayRule& r : data_.rules.holidays) first_year_ = std::min(first_year_, r.from_year);
  for (const YearSchedule& y : data_.years) first_year_ = std::min(first_year_, y.year);
}

bool WorkCalendar::weekly_rest(const CivilDate& d) const {
  const auto& rest = data_.rules.weekly_rest_days;
  return std::find(rest.begin(), rest.end(), weekday(d)) != rest.end();
}

bool WorkCalendar::estimated_year(int y) const { return year(y).estimated; }

const WorkCalendar::Year& WorkCalendar::year(int y) const {
  const auto it = cache_.find(y);
  if (it != cache_.end()) return it->second;
  for (const YearSchedule& s : data_.years) {
    if (s.year == y) return cache_.emplace(y, build_from_schedule(s)).first->second;
  }
  return cache_.emplace(y, build_from_rules(y)).first->second;
}

WorkCalendar::Year WorkCalendar::build_from_schedule(const YearSchedule& s) const {
  Year out;
  out.estimated = false;
  for (const ScheduledDay& d : s.days_off) {
    out.special[days_from_civil(d.date)] = {false, d.reason, d.kind, d.source, false};
  }
  for (const ScheduledDay& d : s.working_days) {
    out.special[days_from_civil(d.date)] = {true, d.reason, "working", d.source, false};
  }
  return out;
}

WorkCalendar::Year WorkCalendar::build_from_rules(int y) const {
  Year out;
  out.estimated = true;
  struct Off {
    std::int64_t day;
    const HolidayRule* rule;
  };
  std::vector<Off> offs;
  for (const HolidayRule& rule : data_.rules.holidays) {
    if (y < rule.from_year || y > rule.to_year) continue;
    std::optional<CivilDate> anchor;
    if (rule.lunar) {
      anchor = from_lunar(LunarDate{y, rule.month, rule.day, false});
    } else {
      const CivilDate d{y, rule.month, rule.day};
      if (is_real_date(d)) anchor = d;
    }
    if (!anchor) continue;
    const std::int64_t base = days_from_civil(*anchor);
    for (const int off : rule.offsets) offs.push_back({base + off, &rule});
  }
  std::sort(offs.begin(), offs.end(), [](const Off& a, const Off& b) { return a.day < b.day; });
  for (const Off& o : offs) {
    out.special[o.day] = {false, o.rule->name, "holiday", o.rule->source, true};
  }
  if (!data_.rules.compensatory_days) return out;
  // Labor Code 2019, Art. 111(3): a holiday on a weekly rest day gives a day off on
  // the next working day. Holidays are taken in date order, so a block of holidays
  // over a weekend pushes its compensatory days past the end of the block.
  for (const Off& o : offs) {
    if (!weekly_rest(civil_from_days(o.day))) continue;
    std::int64_t next = o.day + 1;
    while (weekly_rest(civil_from_days(next)) || out.special.count(next)) ++next;
    out.special[next] = {false, "Nghỉ bù " + o.rule->name, "compensatory", data_.rules.compensatory_source, true};
  }
  return out;
}

DayStatus WorkCalendar::day(const CivilDate& d) const {
  const Year& y = year(d.year);
  const auto it = y.special.find(days_from_civil(d));
  if (it != y.special.end()) return it->second;
  DayStatus s;
  s.estimated = y.estimated;
  if (weekly_rest(d)) {
    s.working = false;
    s.reason = weekday_name(weekday(d));
    s.kind = "weekend";
    s.source = data_.rules.weekly_rest_source;
  }
  return s;
}

std::vector<std::pair<CivilDate, DayStatus>> WorkCalendar::special_days(int y) const {
  std::vector<std::pair<CivilDate, DayStatus>> out;
  for (const auto& [day, status] : year(y).special) out.emplace_back(civil_from_days(day), status);
  return out;
}

// ---------------------------------------------------------------------------
// Reading

bool read_working_time(const JsonDocument& doc, const json& value, const std::string& pointer, WorkingTime& out,
                       Diagnostics& diags) {
  const std::size_t before = diags.error_count();
  ObjectReader r(doc, value, pointer, diags, "working time");
  out.weekdays = read_weekdays(r, "days", Need::required);
  if (r.has("days") && out.weekdays.empty()) r.error("days", "working time needs at least one day");
  if (const json* sessions = r.array("sessions", Need::required)) {
    if (sessions->empty()) r.error("sessions", "working time needs at least one session");
    for (std::size_t s = 0; s < sessions->size(); ++s) {
      const json& pair = (*sessions)[s];
      const std::string sp = r.pointer_of("sessions") + "/" + std::to_string(s);
      if (!pair.is_array() || pair.size() != 2 || !pair[0].is_string() || !pair[1].is_string()) {
        r.error_at_pointer(sp, "a session is [\"HH:MM\", \"HH:MM\"], e.g. [\"07:30\", \"11:30\"]");
        continue;
      }
      const std::string a = pair[0].get<std::string>(), b = pair[1].get<std::string>();
      if (!is_valid_time(a) || !is_valid_time(b) || !(a < b)) {
        r.error_at_pointer(sp, "invalid session \"" + a + "\"–\"" + b +
                                   "\": times are HH:MM and the start comes before the end");
        continue;
      }
      const std::pair<int, int> session{minutes_of(a), minutes_of(b)};
      if (!out.sessions.empty() && session.first < out.sessions.back().second) {
        r.error_at_pointer(sp, "sessions must be in order and must not overlap");
        continue;
      }
      out.sessions.push_back(session);
    }
  }
  out.source = r.string("source", Need::optional);
  out.sample = r.boolean("sample", Need::optional, false);
  r.finish();
  return diags.error_count() == before;
}

void read_calendar_rules(const JsonDocument& doc, const json& value, const std::string& pointer, CalendarRules& out,
                         Diagnostics& diags) {
  out.file = doc.file;
  ObjectReader top(doc, value, pointer, diags, "calendar rules");
  if (const json* w = top.object("weekly_rest_days", Need::required)) {
    ObjectReader r(doc, *w, top.pointer_of("weekly_rest_days"), diags, "weekly rest days");
    out.weekly_rest_days = read_weekdays(r, "days", Need::required);
    out.weekly_rest_source = r.string("source", Need::required);
    r.finish();
  }
  if (const json* w = top.object("working_time", Need::required)) {
    read_working_time(doc, *w, top.pointer_of("working_time"), out.working_time, diags);
    if (out.working_time.source.empty() && !out.working_time.sample) {
      top.error("working_time", "say where the national working hours come from in \"source\", or mark them "
                                "\"sample\": true");
    }
  }
  if (const json* o = top.object("outside_working_time", Need::required)) {
    ObjectReader r(doc, *o, top.pointer_of("outside_working_time"), diags, "rule for receipt outside working time");
    out.outside_hours_rule = r.one_of("rule", Need::required, {"next_session", "as_received"}, "next_session");
    out.outside_hours_source = r.string("source", Need::required);
    r.finish();
  }
  if (const json* o = top.object("same_day_cutoff", Need::optional)) {
    ObjectReader r(doc, *o, top.pointer_of("same_day_cutoff"), diags, "same-day cut-off");
    const std::string t = r.string("time", Need::required);
    if (!t.empty() && !is_valid_time(t)) r.error("time", "invalid time \"" + t + "\": write it as HH:MM, e.g. 15:00");
    else if (!t.empty()) out.same_day_cutoff = minutes_of(t);
    out.same_day_cutoff_source = r.string("source", Need::required);
    r.finish();
  }
  if (const json* o = top.object("compensatory_days", Need::required)) {
    ObjectReader r(doc, *o, top.pointer_of("compensatory_days"), diags, "compensatory days rule");
    out.compensatory_days = r.boolean("enabled", Need::required, true);
    out.compensatory_source = r.string("source", Need::required);
    r.finish();
  }
  out.estimate_note = top.string("estimate_note", Need::required);
  if (const json* items = top.array("holidays", Need::required)) {
    for (std::size_t i = 0; i < items->size(); ++i) {
      ObjectReader r(doc, (*items)[i], top.pointer_of("holidays") + "/" + std::to_string(i), diags, "holiday rule");
      HolidayRule h;
      h.name = r.string("name", Need::required);
      h.lunar = r.one_of("calendar", Need::required, {"solar", "lunar"}, "solar") == "lunar";
      h.month = static_cast<int>(r.integer("month", Need::required, 1, 12, 1));
      h.day = static_cast<int>(r.integer("day", Need::required, 1, h.lunar ? 30 : 31, 1));
      if (!h.lunar && r.has("month") && r.has("day") && h.day > days_in_month(2024, h.month)) {
        r.error("day", "there is no day " + std::to_string(h.day) + " in month " + std::to_string(h.month));
      }
      if (const json* offsets = r.array("days", Need::required)) {
        for (std::size_t k = 0; k < offsets->size(); ++k) {
          const json& v = (*offsets)[k];
          if (!v.is_number_integer() || v.get<long long>() < -30 || v.get<long long>() > 30) {
            r.error_at_pointer(r.pointer_of("days") + "/" + std::to_string(k),
                               "each entry of \"days\" is a whole number of days from the holiday's date "
                               "(0 = the date itself, -1 = the day before), between -30 and 30");
            continue;
          }
          const int off = static_cast<int>(v.get<long long>());
          if (std::find(h.offsets.begin(), h.offsets.end(), off) != h.offsets.end()) {
            r.error_at_pointer(r.pointer_of("days") + "/" + std::to_string(k),
                               "day " + std::to_string(off) + " is listed twice");
            continue;
          }
          h.offsets.push_back(off);
        }
        if (offsets->empty()) r.error("days", "a holiday needs at least one day; use [0] for the date itself");
      }
      h.from_year = static_cast<int>(r.integer("from", Need::required, 1900, 2199, 1900));
      h.to_year = static_cast<int>(r.integer("to", Need::optional, 1900, 2199, 9999));
      if (r.has("to") && h.to_year < h.from_year) r.error("to", "\"to\" comes before \"from\"");
      h.source = r.string("source", Need::required);
      h.note = r.string("note", Need::optional);
      r.finish();
      out.holidays.push_back(h);
    }
  }
  top.finish();
}

void read_year_schedule(const JsonDocument& doc, const json& value, const std::string& pointer, YearSchedule& out,
                        Diagnostics& diags) {
  out.file = doc.file;
  ObjectReader top(doc, value, pointer, diags, "year schedule");
  out.year = static_cast<int>(top.integer("year", Need::required, 1900, 2199, 0));
  out.status = top.one_of("status", Need::required, {"official", "reported"}, "reported");
  std::map<std::string, DocumentSource> by_id;
  if (const json* items = top.array("sources", Need::required)) {
    if (items->empty()) top.error("sources", "name at least one document the schedule comes from");
    for (std::size_t i = 0; i < items->size(); ++i) {
      ObjectReader r(doc, (*items)[i], top.pointer_of("sources") + "/" + std::to_string(i), diags, "source");
      DocumentSource s;
      s.id = r.string("id", Need::required);
      s.document = r.string("document", Need::required);
      s.url = r.link("url", Need::optional, false);
      s.note = r.string("note", Need::optional);
      if (!s.id.empty() && !by_id.emplace(s.id, s).second) r.error("id", "duplicate source id \"" + s.id + "\"");
      r.finish();
      out.sources.push_back(s);
    }
  }
  std::set<std::int64_t> seen;
  read_scheduled_days(top, "days_off", "", {"holiday", "compensatory", "swapped"}, by_id, out.year, seen,
                      out.days_off);
  read_scheduled_days(top, "working_days", "working", {}, by_id, out.year, seen, out.working_days);
  top.finish();
}

// ---------------------------------------------------------------------------
// Writing

json working_time_to_json(const WorkingTime& wt) {
  json sessions = json::array();
  for (const auto& [a, b] : wt.sessions) sessions.push_back({hh_mm(a), hh_mm(b)});
  json out = {{"days", weekdays_to_json(wt.weekdays)}, {"sessions", sessions}};
  if (!wt.source.empty()) out["source"] = wt.source;
  if (wt.sample) out["sample"] = true;
  return out;
}

json calendar_rules_to_json(const CalendarRules& rules) {
  json holidays = json::array();
  for (const HolidayRule& h : rules.holidays) {
    json item = {{"name", h.name}, {"calendar", h.lunar ? "lunar" : "solar"}, {"month", h.month}, {"day", h.day},
                 {"days", h.offsets}, {"from", h.from_year}, {"source", h.source}};
    if (h.to_year != 9999) item["to"] = h.to_year;
    if (!h.note.empty()) item["note"] = h.note;
    holidays.push_back(item);
  }
  json out = {
      {"weekly_rest_days", {{"days", weekdays_to_json(rules.weekly_rest_days)}, {"source", rules.weekly_rest_source}}},
      {"working_time", working_time_to_json(rules.working_time)},
      {"outside_working_time", {{"rule", rules.outside_hours_rule}, {"source", rules.outside_hours_source}}},
      {"compensatory_days", {{"enabled", rules.compensatory_days}, {"source", rules.compensatory_source}}},
      {"estimate_note", rules.estimate_note},
      {"holidays", holidays}};
  if (rules.same_day_cutoff >= 0) {
    out["same_day_cutoff"] = {{"time", hh_mm(rules.same_day_cutoff)}, {"source", rules.same_day_cutoff_source}};
  }
  return out;
}

json year_schedule_to_json(const YearSchedule& y) {
  json sources = json::array();
  std::map<std::string, std::string> id_of;  // document -> id
  for (const DocumentSource& s : y.sources) {
    json item = {{"id", s.id}, {"document", s.document}};
    if (!s.url.empty()) item["url"] = s.url;
    if (!s.note.empty()) item["note"] = s.note;
    sources.push_back(item);
    id_of.emplace(s.document, s.id);
  }
  auto days = [&](const std::vector<ScheduledDay>& list, bool with_kind) {
    json out = json::array();
    for (const ScheduledDay& d : list) {
      json item = {{"date", to_iso(d.date)}, {"reason", d.reason}, {"source", id_of[d.source]}};
      if (with_kind) item["kind"] = d.kind;
      out.push_back(item);
    }
    return out;
  };
  return {{"year", y.year},
          {"status", y.status},
          {"sources", sources},
          {"days_off", days(y.days_off, true)},
          {"working_days", days(y.working_days, false)}};
}

}  // namespace motcua
