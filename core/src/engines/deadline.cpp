#include "motcua/deadline.h"

#include "motcua/limits.h"

#include <algorithm>
#include <set>

#include "motcua/format.h"
#include "motcua/object_reader.h"

namespace motcua {

using json = nlohmann::json;

namespace {

constexpr LocalTime kDay = 86400;
constexpr int kDataSchemaVersion = kSchemaVersion;  // one version for the data files and the module
const char* const kPauseReason = "Tạm dừng giải quyết (chờ bổ sung hồ sơ)";

std::int64_t floor_div(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }
std::int64_t day_of(LocalTime t) { return floor_div(t, kDay); }
int seconds_of_day(LocalTime t) { return static_cast<int>(t - day_of(t) * kDay); }

bool read_digits(const std::string& s, std::size_t pos, std::size_t n, int& out) {
  if (pos + n > s.size()) return false;
  out = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    out = out * 10 + (s[i] - '0');
  }
  return true;
}

std::string hh_mm(LocalTime t) {
  const int s = seconds_of_day(t);
  return zero_padded(s / 3600, 2) + ':' + zero_padded(s / 60 % 60, 2);
}

// "17:00 Thứ Sáu, 27/02/2026"
std::string describe_moment(LocalTime t) {
  const CivilDate d = civil_from_days(day_of(t));
  return hh_mm(t) + " " + weekday_name(weekday(d)) + ", " + to_vietnamese(d);
}

struct Duration {
  int value = 0;
  DeadlineUnit unit = DeadlineUnit::unknown;
};

struct Stage {
  std::string name;
  Duration duration;
  std::string pointer;
};

struct Pause {
  LocalTime from = 0;
  LocalTime to = 0;
};

struct Skip {
  std::string reason;
  std::string source;
  bool estimated = false;
};

// Counts one request over the calendar and a center's working time.
class Counter {
 public:
  Counter(const WorkCalendar& calendar, const WorkingTime& wt, std::vector<Pause> pauses)
      : calendar_(calendar), wt_(wt), pauses_(std::move(pauses)) {}

  std::string error;
  bool estimated = false;
  std::set<int> estimated_years;
  std::map<std::int64_t, Skip> skipped;
  std::vector<std::string> notes;

  DayStatus status(std::int64_t day) {
    const CivilDate d = civil_from_days(day);
    if (!calendar_.covers(d.year)) {
      if (error.empty()) {
        error = "the deadline runs into " + std::to_string(d.year) + ", outside the years the calendar covers (" +
                std::to_string(calendar_.first_year()) + "–" + std::to_string(calendar_.last_year()) + ")";
      }
      return {false, "", "", "", false};
    }
    DayStatus s = calendar_.day(d);
    if (s.estimated) {
      estimated = true;
      estimated_years.insert(d.year);
    }
    const bool center_day = std::find(wt_.weekdays.begin(), wt_.weekdays.end(), weekday(d)) != wt_.weekdays.end();
    if (s.working && s.kind != "working" && !center_day) {
      s.working = false;
      s.reason = weekday_name(weekday(d));
      s.kind = "weekend";
      s.source = wt_.source;
    }
    return s;
  }

  bool working(std::int64_t day) { return status(day).working; }

  void skip_day(std::int64_t day) {
    const DayStatus s = status(day);
    if (error.empty()) skipped[day] = {s.reason, s.source, s.estimated};
  }

  bool paused_day(std::int64_t day) const {
    for (const Pause& p : pauses_) {
      if (day_of(p.from) <= day && day <= day_of(p.to)) return true;
    }
    return false;
  }

  LocalTime end_of_day(std::int64_t day) const { return day * kDay + wt_.sessions.back().second * 60; }

  // The moment itself if it is inside a working session, else the start of the next
  // session; non-working days passed over are recorded when `record` is set.
  LocalTime next_working_moment(LocalTime t, bool record) {
    for (int guard = 0; guard < 4000 && error.empty(); ++guard) {
      const std::int64_t day = day_of(t);
      if (working(day)) {
        const int s = seconds_of_day(t);
        for (const auto& [start, end] : wt_.sessions) {
          if (s < end * 60) return day * kDay + std::max(s, start * 60);
        }
      } else if (record) {
        skip_day(day);
      }
      t = (day + 1) * kDay;
    }
    if (error.empty()) error = "no working day found within ten years; check the calendar data";
    return t;
  }

  // Days counted from the day after `start`'s day; `working_only` skips non-working days.
  LocalTime count_days(LocalTime start, int n, bool working_only) {
    std::int64_t d = day_of(start);
    for (int counted = 0; counted < n && error.empty();) {
      ++d;
      if (paused_day(d)) {
        skipped[d] = {kPauseReason, "", false};
        continue;
      }
      if (!working_only || working(d)) {
        ++counted;
      } else {
        skip_day(d);
      }
    }
    return last_day_rule(d);
  }

  // Civil Code Art. 148: a period in months ends on the same day of its last month, or
  // that month's last day when it has no such day.
  LocalTime count_months(LocalTime start, int n) {
    const std::int64_t first = day_of(start);
    const CivilDate s = civil_from_days(first);
    const int months = s.year * 12 + (s.month - 1) + n;
    CivilDate target{months / 12, months % 12 + 1, 1};
    target.day = std::min(s.day, days_in_month(target.year, target.month));
    std::int64_t end = days_from_civil(target);
    // Pauses push the end back by the days they cover.
    for (int guard = 0; guard < 100; ++guard) {
      std::int64_t paused = 0;
      for (std::int64_t d = first + 1; d <= end; ++d) paused += paused_day(d) ? 1 : 0;
      if (days_from_civil(target) + paused == end) break;
      end = days_from_civil(target) + paused;
    }
    for (std::int64_t d = first + 1; d <= end; ++d) {
      if (paused_day(d)) skipped[d] = {kPauseReason, "", false};
    }
    return last_day_rule(end);
  }

  // Civil Code Art. 148(2): a period whose last day is not a working day ends at the end
  // of the next working day.
  // `count_pauses`: a day touched by a pause is not a last day either (periods in days);
  // same-day work restarts on the day the papers come back, so it passes false.
  LocalTime last_day_rule(std::int64_t d, bool count_pauses = true) {
    for (int guard = 0; guard < 4000 && error.empty() && (!working(d) || (count_pauses && paused_day(d))); ++guard) {
      if (working(d)) skipped[d] = {kPauseReason, "", false};
      else skip_day(d);
      ++d;
    }
    return end_of_day(d);
  }

  LocalTime count_hours(LocalTime start, int hours) {
    LocalTime remaining = static_cast<LocalTime>(hours) * 3600;
    LocalTime t = start;
    for (int guard = 0; guard < 100000 && error.empty(); ++guard) {
      t = next_working_moment(t, true);
      if (!error.empty()) break;
      const std::int64_t day = day_of(t);
      LocalTime segment_end = t;
      for (const auto& [a, b] : wt_.sessions) {
        if (seconds_of_day(t) < b * 60) {
          segment_end = day * kDay + b * 60;
          break;
        }
      }
      bool in_pause = false;
      for (const Pause& p : pauses_) {
        if (p.from <= t && t < p.to) {
          t = p.to;
          in_pause = true;
          break;
        }
        if (t < p.from && p.from < segment_end) segment_end = p.from;
      }
      if (in_pause) continue;
      const LocalTime available = segment_end - t;
      if (remaining <= available) return t + remaining;
      remaining -= available;
      t = segment_end;
    }
    return t;
  }

  LocalTime same_day(LocalTime start, int cutoff_minutes) {
    LocalTime s = start;
    LocalTime due = 0;
    for (int guard = 0; guard < 100 && error.empty(); ++guard) {
      const std::int64_t day = day_of(s);
      if (cutoff_minutes >= 0 && working(day) && seconds_of_day(s) > cutoff_minutes * 60) {
        due = last_day_rule(day + 1, false);
      } else {
        due = last_day_rule(day, false);
      }
      bool moved = false;
      for (const Pause& p : pauses_) {
        if (p.from < due && p.to > s) {
          s = next_working_moment(p.to, false);
          moved = true;
        }
      }
      if (!moved) break;
    }
    return due;
  }

 private:
  const WorkCalendar& calendar_;
  const WorkingTime& wt_;
  std::vector<Pause> pauses_;
};

// ---------------------------------------------------------------------------
// Request reading

struct Request {
  LocalTime received = 0;
  std::vector<Stage> stages;  // one stage when the request gives "duration"
  bool single = true;
  std::vector<Pause> pauses;
  std::string center;
  std::string outside_hours_rule;
};

Duration read_duration(ObjectReader& parent, const std::string& key) {
  Duration d;
  const json* v = parent.object(key, Need::required);
  if (v == nullptr) return d;
  ObjectReader r(parent.document(), *v, parent.pointer_of(key), parent.diagnostics(), "duration");
  const std::string unit = r.one_of("unit", Need::required,
                                    {"same_day", "working_days", "calendar_days", "working_hours", "months"});
  if (unit == "same_day") d.unit = DeadlineUnit::same_day;
  if (unit == "working_days") d.unit = DeadlineUnit::working_days;
  if (unit == "calendar_days") d.unit = DeadlineUnit::calendar_days;
  if (unit == "working_hours") d.unit = DeadlineUnit::working_hours;
  if (unit == "months") d.unit = DeadlineUnit::months;
  const long long max = d.unit == DeadlineUnit::working_hours ? 24 * 365 : d.unit == DeadlineUnit::months ? 120 : 3650;
  d.value = static_cast<int>(r.integer("value", d.unit == DeadlineUnit::same_day ? Need::optional : Need::required,
                                       d.unit == DeadlineUnit::same_day ? 0 : 1, max, 0));
  r.finish();
  return d;
}

LocalTime read_moment(ObjectReader& r, const std::string& key, Need need, bool& present) {
  LocalTime t = 0;
  const std::string s = r.string(key, need);
  present = false;
  if (s.empty()) return t;
  if (!parse_datetime(s, t)) {
    r.error(key, "invalid date and time \"" + s + "\": write it as YYYY-MM-DDTHH:MM:SS+07:00, e.g. "
                 "2026-02-13T10:00:00+07:00");
  } else {
    present = true;
  }
  return t;
}

bool read_request(const JsonDocument& doc, const DeadlineData& data, Request& req, Diagnostics& diags) {
  ObjectReader r(doc, doc.value, "", diags, "deadline request");
  bool has_received = false;
  req.received = read_moment(r, "received_at", Need::required, has_received);
  if (r.has("duration") && r.has("stages")) {
    r.error("stages", "give either \"duration\" or \"stages\", not both");
  } else if (r.has("stages")) {
    req.single = false;
    if (const json* items = r.array("stages", Need::required)) {
      if (items->empty()) r.error("stages", "\"stages\" needs at least one stage");
      if (items->size() > limits::kMaxStages) {
        r.error("stages", "at most " + std::to_string(limits::kMaxStages) + " stages, found " +
                              std::to_string(items->size()));
        return false;
      }
      for (std::size_t i = 0; i < items->size(); ++i) {
        const std::string p = r.pointer_of("stages") + "/" + std::to_string(i);
        ObjectReader sr(doc, (*items)[i], p, diags, "stage");
        Stage s;
        s.pointer = p;
        s.name = sr.string("name", Need::optional);
        s.duration = read_duration(sr, "duration");
        sr.finish();
        req.stages.push_back(s);
      }
    }
  } else {
    Stage s;
    s.pointer = "/duration";
    s.duration = read_duration(r, "duration");
    req.stages.push_back(s);
  }
  // The whole count, stages and pauses together, stays within kMaxDeadlineSpanYears of the
  // day the dossier was received: the engine walks the calendar day by day.
  constexpr LocalTime kMaxSpan = static_cast<LocalTime>(limits::kMaxDeadlineSpanYears) * 365 * kDay;
  LocalTime stage_span = 0;
  for (const Stage& st : req.stages) {
    const long long v = st.duration.value;
    switch (st.duration.unit) {
      case DeadlineUnit::working_days: stage_span += v * 2 * kDay; break;  // weekends and holidays in between
      case DeadlineUnit::calendar_days: stage_span += v * kDay; break;
      case DeadlineUnit::working_hours: stage_span += (v / 8 + 1) * 2 * kDay; break;
      case DeadlineUnit::months: stage_span += v * 31 * kDay; break;
      default: stage_span += kDay; break;
    }
  }
  if (stage_span > kMaxSpan) {
    r.error(req.single ? "duration" : "stages", "the durations add up to more than " +
                                                    std::to_string(limits::kMaxDeadlineSpanYears) +
                                                    " years; no procedure takes that long");
  }
  if (const json* items = r.array("pauses", Need::optional)) {
    if (items->size() > limits::kMaxPauses) {
      r.error("pauses", "at most " + std::to_string(limits::kMaxPauses) + " pauses, found " +
                            std::to_string(items->size()));
      return false;
    }
    for (std::size_t i = 0; i < items->size(); ++i) {
      ObjectReader pr(doc, (*items)[i], r.pointer_of("pauses") + "/" + std::to_string(i), diags, "pause");
      bool has_from = false, has_to = false;
      Pause p;
      p.from = read_moment(pr, "from", Need::required, has_from);
      p.to = read_moment(pr, "to", Need::required, has_to);
      if (has_from && has_to && p.to <= p.from) pr.error("to", "a pause ends (\"to\") after it starts (\"from\")");
      if (has_from && has_received && p.from < req.received) {
        pr.error("from", "a pause starts after the dossier was received (\"received_at\")");
      }
      if (has_to && has_received && p.to - req.received > kMaxSpan) {
        pr.error("to", "a pause ends within " + std::to_string(limits::kMaxDeadlineSpanYears) +
                           " years of the day the dossier was received (\"received_at\")");
        has_to = false;
      }
      pr.finish();
      if (has_from && has_to) req.pauses.push_back(p);
    }
  }
  req.center = r.string("center", Need::optional);
  if (!req.center.empty() && !data.centers.count(req.center)) {
    r.error("center", "unknown center \"" + req.center + "\": use \"<province>\" for a province center or "
                      "\"<province>/<commune>\", e.g. \"lai-chau/phuong-tan-phong\"");
  }
  req.outside_hours_rule = r.one_of("outside_working_time", Need::optional, {"next_session", "as_received"});
  r.finish();
  return !diags.has_errors();
}

json error_json(const Diagnostics& diags) {
  json errors = json::array();
  for (const Diagnostic& d : diags.items()) {
    if (d.severity != Severity::error) continue;
    json e = {{"field", d.pointer.empty() ? "/" : d.pointer}, {"message", d.message}};
    if (d.line > 0) {
      e["line"] = d.line;
      e["column"] = d.column;
    }
    errors.push_back(e);
  }
  json first = errors.empty() ? json{{"field", "/"}, {"message", "invalid request"}} : errors[0];
  return {{"schema_version", kDataSchemaVersion}, {"error", first}, {"errors", errors}};
}

std::string dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

}  // namespace

// ---------------------------------------------------------------------------

bool parse_datetime(const std::string& s, LocalTime& out) {
  const std::optional<CivilDate> date = s.size() >= 10 ? parse_iso_date(s.substr(0, 10)) : std::nullopt;
  if (!date || s.size() < 16 || (s[10] != 'T' && s[10] != ' ') || s[13] != ':') return false;
  int hour = 0, minute = 0, second = 0;
  if (!read_digits(s, 11, 2, hour) || !read_digits(s, 14, 2, minute) || hour > 23 || minute > 59) return false;
  std::size_t pos = 16;
  if (pos < s.size() && s[pos] == ':') {
    if (!read_digits(s, pos + 1, 2, second) || second > 59) return false;
    pos += 3;
    if (pos < s.size() && s[pos] == '.') {
      ++pos;
      const std::size_t digits = pos;
      while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') ++pos;
      if (pos == digits) return false;
    }
  }
  int offset_minutes = 7 * 60;  // no offset: Vietnam time
  if (pos < s.size()) {
    if (s[pos] == 'Z' && pos + 1 == s.size()) {
      offset_minutes = 0;
    } else if ((s[pos] == '+' || s[pos] == '-') && pos + 6 == s.size() && s[pos + 3] == ':') {
      int oh = 0, om = 0;
      if (!read_digits(s, pos + 1, 2, oh) || !read_digits(s, pos + 4, 2, om) || oh > 14 || om > 59) return false;
      offset_minutes = (oh * 60 + om) * (s[pos] == '-' ? -1 : 1);
    } else {
      return false;
    }
  }
  const LocalTime wall = days_from_civil(*date) * kDay + hour * 3600 + minute * 60 + second;
  out = wall - static_cast<LocalTime>(offset_minutes) * 60 + 7 * 3600;
  return true;
}

std::string format_datetime(LocalTime t) {
  const CivilDate d = civil_from_days(day_of(t));
  const int s = seconds_of_day(t);
  return to_iso(d) + 'T' + zero_padded(s / 3600, 2) + ':' + zero_padded(s / 60 % 60, 2) + ':' +
         zero_padded(s % 60, 2) + "+07:00";
}

std::string deadline_data_json(const Catalog& catalog) {
  const CalendarRules& rules = catalog.calendar.rules;
  json years = json::array();
  for (const YearSchedule& y : catalog.calendar.years) years.push_back(year_schedule_to_json(y));
  json centers = json::object();
  for (const ProvinceCatalog& pc : catalog.province_catalogs) {
    centers[pc.slug] = working_time_to_json(pc.center.working_time.value_or(rules.working_time));
    for (const Commune& c : pc.communes) {
      centers[pc.slug + "/" + c.slug] = working_time_to_json(c.center.working_time.value_or(rules.working_time));
    }
  }
  return dump({{"schema_version", kDataSchemaVersion},
               {"content_as_of", catalog.site.content_as_of},
               {"rules", calendar_rules_to_json(rules)},
               {"years", years},
               {"centers", centers}});
}

bool read_deadline_data(const std::string& json_text, DeadlineData& out, Diagnostics& diags) {
  JsonDocument doc;
  if (!parse_json({"lich-lam-viec.json", json_text}, doc, diags)) return false;
  ObjectReader r(doc, doc.value, "", diags, "deadline data");
  const long long version = r.integer("schema_version", Need::required, 0, 1000, 0);
  if (r.has("schema_version") && version != kDataSchemaVersion) {
    r.error("schema_version", "this data file has schema_version " + std::to_string(version) +
                                  " but the engine reads " + std::to_string(kDataSchemaVersion) +
                                  ": the page and the engine come from different builds; reload the page");
    return false;
  }
  out.content_as_of = r.string("content_as_of", Need::optional);
  if (const json* rules = r.object("rules", Need::required)) {
    read_calendar_rules(doc, *rules, r.pointer_of("rules"), out.calendar.rules, diags);
  }
  if (const json* years = r.array("years", Need::required)) {
    for (std::size_t i = 0; i < years->size(); ++i) {
      YearSchedule y;
      read_year_schedule(doc, (*years)[i], r.pointer_of("years") + "/" + std::to_string(i), y, diags);
      out.calendar.years.push_back(y);
    }
  }
  if (const json* centers = r.object("centers", Need::required)) {
    for (const auto& [name, value] : centers->items()) {
      WorkingTime wt;
      if (read_working_time(doc, value, r.pointer_of("centers") + "/" + pointer_escape(name), wt, diags)) {
        out.centers[name] = wt;
      }
    }
  }
  r.finish();
  return !diags.has_errors();
}

std::string calc_deadline(const DeadlineData& data, const std::string& request_json, bool& ok) {
  ok = false;
  Diagnostics diags;
  JsonDocument doc;
  Request req;
  if (!parse_json({"request", request_json}, doc, diags) || !read_request(doc, data, req, diags)) {
    return dump(error_json(diags));
  }
  const CalendarRules& rules = data.calendar.rules;
  const WorkingTime& wt = req.center.empty() ? rules.working_time : data.centers.at(req.center);
  const std::string outside = req.outside_hours_rule.empty() ? rules.outside_hours_rule : req.outside_hours_rule;

  // Overlapping pauses are merged: the clock is either running or stopped.
  std::sort(req.pauses.begin(), req.pauses.end(), [](const Pause& a, const Pause& b) { return a.from < b.from; });
  std::vector<Pause> pauses;
  for (const Pause& p : req.pauses) {
    if (!pauses.empty() && p.from <= pauses.back().to) pauses.back().to = std::max(pauses.back().to, p.to);
    else pauses.push_back(p);
  }

  const WorkCalendar calendar(data.calendar);
  Counter counter(calendar, wt, pauses);
  const auto fail = [&](const std::string& field, const std::string& message) {
    Diagnostics d;
    d.error("request", 0, 0, field, message);
    return dump(error_json(d));
  };
  if (!calendar.covers(civil_from_days(day_of(req.received)).year)) {
    return fail("/received_at", "the calendar covers " + std::to_string(calendar.first_year()) + "–" +
                                    std::to_string(calendar.last_year()) + " only");
  }

  std::vector<std::string> notes;
  LocalTime start = req.received;
  const LocalTime in_session = counter.next_working_moment(req.received, false);
  if (in_session != req.received && outside == "next_session") {
    start = counter.next_working_moment(req.received, true);
    notes.push_back("Hồ sơ nhận ngoài giờ làm việc được tính là nhận lúc " + describe_moment(start) + " (" +
                    rules.outside_hours_source + ").");
  }

  json stages = json::array();
  LocalTime t = start;
  for (const Stage& stage : req.stages) {
    const LocalTime stage_start = t;
    switch (stage.duration.unit) {
      case DeadlineUnit::same_day:
        t = counter.same_day(t, rules.same_day_cutoff);
        if (rules.same_day_cutoff >= 0 && seconds_of_day(stage_start) > rules.same_day_cutoff * 60 &&
            day_of(t) != day_of(stage_start)) {
          const std::string cutoff =
              zero_padded(rules.same_day_cutoff / 60, 2) + ':' + zero_padded(rules.same_day_cutoff % 60, 2);
          notes.push_back(std::string("Việc giải quyết trong ngày: hồ sơ nhận sau ") + cutoff +
                          " được trả trong ngày làm việc tiếp theo (" + rules.same_day_cutoff_source + ").");
        }
        break;
      case DeadlineUnit::working_days: t = counter.count_days(t, stage.duration.value, true); break;
      case DeadlineUnit::calendar_days: t = counter.count_days(t, stage.duration.value, false); break;
      case DeadlineUnit::months: t = counter.count_months(t, stage.duration.value); break;
      case DeadlineUnit::working_hours: t = counter.count_hours(t, stage.duration.value); break;
      case DeadlineUnit::unknown: break;
    }
    if (!counter.error.empty()) return fail(stage.pointer, counter.error);
    if (!req.single) {
      Deadline d;
      d.value = stage.duration.value;
      d.unit = stage.duration.unit;
      json s = {{"duration", describe_deadline(d)}, {"started_at", format_datetime(stage_start)},
                {"due_at", format_datetime(t)}};
      if (!stage.name.empty()) s["name"] = stage.name;
      stages.push_back(s);
    }
  }
  for (const Pause& p : pauses) {
    notes.push_back("Tạm dừng từ " + describe_moment(p.from) + " đến " + describe_moment(p.to) +
                    ": thời gian này không được tính.");
  }
  if (counter.estimated) notes.push_back(rules.estimate_note);

  json skipped = json::array();
  for (const auto& [day, skip] : counter.skipped) {
    const CivilDate d = civil_from_days(day);
    json s = {{"date", to_iso(d)}, {"weekday", weekday_name(weekday(d))}, {"reason", skip.reason}};
    if (!skip.source.empty()) s["source"] = skip.source;
    if (skip.estimated) s["estimated"] = true;
    skipped.push_back(s);
  }
  json out = {{"schema_version", kDataSchemaVersion},
              {"received_at", format_datetime(req.received)},
              {"counted_from", format_datetime(start)},
              {"due_at", format_datetime(t)},
              {"due_date", to_iso(civil_from_days(day_of(t)))},
              {"estimated", counter.estimated},
              {"estimated_years", json(counter.estimated_years)},
              {"skipped", skipped},
              {"notes", notes},
              {"text", "Hạn trả kết quả: " + describe_moment(t) + (counter.estimated ? " (dự kiến)" : "")}};
  if (!req.single) out["stages"] = stages;
  ok = true;
  return dump(out);
}

std::string explain_deadline_counting(const Deadline& d, const CalendarRules& rules) {
  switch (d.unit) {
    case DeadlineUnit::working_days:
      return "Tính theo ngày làm việc, từ ngày làm việc tiếp theo ngày nhận đủ hồ sơ hợp lệ; không tính thứ Bảy, "
             "Chủ nhật, ngày nghỉ lễ, Tết và ngày nghỉ bù.";
    case DeadlineUnit::calendar_days:
      return "Tính cả ngày nghỉ, từ ngày tiếp theo ngày nhận đủ hồ sơ hợp lệ; nếu ngày cuối cùng là ngày nghỉ thì "
             "hạn là hết ngày làm việc tiếp theo.";
    case DeadlineUnit::months:
      return "Tính theo tháng: hạn là ngày tương ứng của tháng cuối cùng; nếu ngày đó là ngày nghỉ thì hạn là hết "
             "ngày làm việc tiếp theo.";
    case DeadlineUnit::working_hours:
      return "Tính theo giờ làm việc từ lúc nhận đủ hồ sơ hợp lệ, chỉ trong giờ hành chính.";
    case DeadlineUnit::same_day:
      if (rules.same_day_cutoff >= 0) {
        const std::string cutoff =
            zero_padded(rules.same_day_cutoff / 60, 2) + ':' + zero_padded(rules.same_day_cutoff % 60, 2);
        return std::string("Trả trong ngày nhận đủ hồ sơ hợp lệ; hồ sơ nhận sau ") + cutoff +
               " được trả trong ngày làm việc tiếp theo.";
      }
      return "Trả trong ngày nhận đủ hồ sơ hợp lệ.";
    case DeadlineUnit::unknown: break;
  }
  return "";
}

}  // namespace motcua
