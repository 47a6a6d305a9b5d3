#pragma once
// Which days are working days for public administration, and why the others are
// not: weekly rest days, statutory holidays computed from rules (Labor Code 2019,
// Art. 112, lunar holidays included), compensatory days off, and each year's
// official schedule (exact Tết days, nghỉ bù, làm bù) given as data. Years without
// an official schedule fall back to the rules and are marked estimated.
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "motcua/civil_date.h"
#include "motcua/json_document.h"
#include "motcua/model.h"

namespace motcua {

struct HolidayRule {
  std::string name;        // "Tết Nguyên đán"
  bool lunar = false;      // month/day in the Vietnamese lunar calendar
  int month = 1;
  int day = 1;
  std::vector<int> offsets;  // days off relative to the anchor date, e.g. {-1,0,1,2,3}
  int from_year = 0;       // first year the rule applies
  int to_year = 9999;      // last year it applies
  std::string source;      // "Bộ luật Lao động 2019, Điều 112, khoản 1, điểm b"
  std::string note;        // how the default placement was chosen
};

struct ScheduledDay {
  CivilDate date;
  std::string reason;
  std::string kind;    // days off: "holiday" | "compensatory" | "swapped"; working days: "working"
  std::string source;  // the document, in words
  std::string url;
};

struct DocumentSource {
  std::string id;
  std::string document;
  std::string url;
  std::string note;
};

// One year's official schedule (content/calendar/<year>.json).
struct YearSchedule {
  int year = 0;
  std::string status;  // "official" | "reported"
  std::vector<DocumentSource> sources;
  std::vector<ScheduledDay> days_off;
  std::vector<ScheduledDay> working_days;  // Saturdays worked back
  std::string file;
};

// The national rules (content/calendar/rules.json).
struct CalendarRules {
  std::vector<int> weekly_rest_days;  // weekdays, 0 = Sunday
  std::string weekly_rest_source;
  WorkingTime working_time;  // national default for centers that give none
  // A dossier received outside working time counts as received at the start of the
  // next working session ("next_session"), or at the moment it arrived ("as_received").
  std::string outside_hours_rule = "next_session";
  std::string outside_hours_source;
  // Same-day (trong ngày) work received after this time is due the next working day; -1: none.
  int same_day_cutoff = -1;
  std::string same_day_cutoff_source;
  std::vector<HolidayRule> holidays;
  bool compensatory_days = true;
  std::string compensatory_source;
  std::string estimate_note;  // shown with every estimated result
  std::string file;
};

struct CalendarData {
  CalendarRules rules;
  std::vector<YearSchedule> years;  // sorted by year
};

// What a day is.
struct DayStatus {
  bool working = true;
  std::string reason;  // for non-working days: "Thứ Bảy", "Tết Nguyên đán", "Nghỉ bù Quốc khánh"
                       // for worked Saturdays: "Làm bù …"
  std::string kind;    // "weekend" | "holiday" | "compensatory" | "swapped" | "working" | ""
  std::string source;
  bool estimated = false;  // the year has no official schedule: the rules were applied
};

class WorkCalendar {
 public:
  explicit WorkCalendar(CalendarData data);
  const CalendarData& data() const { return data_; }

  // Years the rules cover: from the earliest holiday rule up to 2199.
  int first_year() const { return first_year_; }
  int last_year() const { return 2199; }
  bool covers(int year) const { return year >= first_year_ && year <= last_year(); }

  DayStatus day(const CivilDate& d) const;
  bool estimated_year(int year) const;
  // Every day of the year that is not an ordinary working weekday or ordinary weekend:
  // holidays, compensatory and swapped days off, and Saturdays worked back, sorted.
  std::vector<std::pair<CivilDate, DayStatus>> special_days(int year) const;

 private:
  struct Year {
    bool estimated = true;
    std::map<std::int64_t, DayStatus> special;  // day number -> status
  };
  const Year& year(int y) const;
  Year build_from_rules(int y) const;
  Year build_from_schedule(const YearSchedule& s) const;
  bool weekly_rest(const CivilDate& d) const;

  CalendarData data_;
  int first_year_ = 0;
  mutable std::map<int, Year> cache_;
};

// Vietnamese weekday names: "Chủ nhật", "Thứ Hai", ... "Thứ Bảy".
const char* weekday_name(int weekday);
// "mon" ... "sun" -> 1..6, 0; -1 when unknown.
int weekday_from_key(const std::string& key);

// Reading the calendar from JSON, with every problem positioned (used for the content
// files and for the data file the site publishes for the browser).
// `value` is the object at `pointer` of `doc` (the whole file for content files).
void read_calendar_rules(const JsonDocument& doc, const nlohmann::json& value, const std::string& pointer,
                         CalendarRules& out, Diagnostics& diags);
void read_year_schedule(const JsonDocument& doc, const nlohmann::json& value, const std::string& pointer,
                        YearSchedule& out, Diagnostics& diags);
// Reads {"days": ["mon", ...], "sessions": [["07:30","11:30"], ...], "source"?, "sample"?}
// at `pointer` of `doc`.
bool read_working_time(const JsonDocument& doc, const nlohmann::json& value, const std::string& pointer,
                       WorkingTime& out, Diagnostics& diags);

// The same shapes back to JSON, for the published data file.
nlohmann::json calendar_rules_to_json(const CalendarRules& rules);
nlohmann::json year_schedule_to_json(const YearSchedule& year);
nlohmann::json working_time_to_json(const WorkingTime& wt);

}  // namespace motcua
