#pragma once
// The content model: what docs/content.md describes, as plain values.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "motcua/fees.h"

namespace motcua {

constexpr int kSchemaVersion = 1;

enum class Level { bo, tinh, xa, khac };
enum class ChannelKind { direct, online, postal };
enum class DeadlineUnit { same_day, working_days, calendar_days, working_hours, months, unknown };
enum class FeeKind { free, amount, local, not_regulated, foreign, unknown };
// Who stands behind a procedure's facts (docs/import.md).
enum class ReviewStatus { unspecified, reviewed, imported };
enum class DossierKind { submit, present };

struct Deadline {
  int value = 0;  // meaningless for same_day and unknown
  DeadlineUnit unit = DeadlineUnit::unknown;
  std::string text;  // the plain wording shown to citizens
};

struct Fee {
  FeeKind kind = FeeKind::unknown;
  std::int64_t amount = 0;  // whole đồng for FeeKind::amount; whole units of `currency` for foreign
  std::string currency;     // ISO 4217 ("USD"), for FeeKind::foreign
  std::string per;          // "bản", "trang", "hồ sơ" ...
  std::string text;         // tiers and exceptions in words
  std::string summary;      // the answer in a few words for the page's summary box ("Miễn phí nếu đăng ký trong 60 ngày")
  std::string basis;        // legal source
  bool sample = false;
};

struct Channel {
  ChannelKind kind = ChannelKind::direct;
  std::string online_level;  // "full" | "partial" | "" (online channels only)
  Deadline deadline;
  Fee fee;
  std::string description;
};

// "Bạn nộp hồ sơ thay cho người khác?": asked to the citizen to build their checklist.
struct QuestionOption {
  std::string value;
  std::string label;
};

struct Question {
  std::string id;
  std::string text;
  std::string type = "yes_no";  // "yes_no" | "choice"
  std::vector<QuestionOption> options;
  std::string help;
};

// One way to provide a paper instead of another ("one of A or B").
struct DossierAlternative {
  std::string name;
  int originals = 0;
  int copies = 0;
  std::string form;
};

// A paper not needed in some case, with its basis (e-ID, data in a national database).
struct DossierWaiver {
  nlohmann::json condition;  // see checklist.h
  std::string reason;
  std::string source;
};

struct DossierItem {
  std::string id;
  std::string name;
  int originals = 0;
  int copies = 0;
  std::string form;
  DossierKind kind = DossierKind::submit;
  std::string when;          // free-text note from the source ("Khi nào cần")
  nlohmann::json condition;  // null: always needed; else see checklist.h
  std::vector<DossierAlternative> alternatives;
  std::vector<DossierWaiver> waivers;
  std::string source;        // basis of the item, when the record gives one
};

struct LegalDocument {
  std::string type;  // "Luật", "Nghị định", "Thông tư"... when known
  std::string title;
  std::string number;
  std::string article;
  std::string issued;
};

struct ProcedureResult {
  std::string name;
  std::string code;
};

// A part of an imported record that could not be structured: shown as the source's own
// words marked "Chưa rà soát" (docs/import.md).
struct UnreviewedPart {
  std::string pointer;  // JSON Pointer into the procedure file
  std::string reason;   // code from docs/import.md
  std::string text;     // the source's words
};

struct ImportInfo {
  std::string from;    // "dichvucong.gov.vn"
  std::string record;  // "bo-tu-phap/1.000656.json"
  std::string date;    // YYYY-MM-DD, the day the import last changed the file
};

// A guide video a procedure links to (docs/content.md, "videos"). The page shows a plain
// link: nothing is loaded from the video host until the citizen opens it.
struct ProcedureVideo {
  std::string title;
  int duration_seconds = 0;  // whole seconds, at least 1
  std::string url;           // https only
  std::string source;        // who published it ("Bộ Công an", "Cổng Dịch vụ công quốc gia")
};

struct SourceReference {
  std::string decision;
  std::string url;
  std::string retrieved;
};

// Where a procedure's dossiers are really received, when it is not the one-stop center
// (docs/content.md, "received_at"): the residence procedures go to the commune police.
struct Reception {
  std::string place;   // "center" | "commune_police" | "online_only" | "agency"
  std::string text;    // the words shown ("Công an xã, phường, đặc khu nơi bạn cư trú")
  std::string source;  // the record, decision or article that says so
};

struct Procedure {
  std::string code;
  std::string name;
  std::string short_name;  // the plain title citizens say ("Đăng ký khai sinh"); empty: derived from name
  std::string summary;
  std::vector<Level> levels;
  std::string field;
  std::string procedure_type;
  std::string competent_agency;
  std::string implementing_agency;
  std::string authorized_agency;
  std::vector<std::string> coordinating_agencies;
  std::vector<std::string> applicants;
  std::vector<Channel> channels;
  std::vector<DossierItem> dossier;
  std::vector<Question> questions;  // asked to build a personal checklist
  FeeSchedule fees;                 // fee rules as data (empty: not given yet)
  std::string steps_markdown;
  std::string conditions_markdown;
  std::vector<ProcedureResult> results;  // "result" or "results" in content; may be empty only when imported
  std::vector<LegalDocument> legal_basis;
  bool boundary_independent = false;
  bool full_online = false;
  std::string boundary_independent_source;  // the decision/article behind the badge (required when reviewed)
  std::string full_online_source;
  std::optional<Reception> received_at;  // absent: the one-stop center of its level
  std::vector<std::string> life_events;
  std::vector<std::string> related;
  std::string effective_date;
  // The dates of the decision that brings this version in and of the one that ends it
  // (YYYY-MM-DD, both days included; empty: open). A later version of the same code
  // (procedures/<code>/<effective_from>/) ends this one the day before it starts.
  std::string effective_from;
  std::string effective_until;
  SourceReference source;
  std::vector<std::string> notes;
  ReviewStatus status = ReviewStatus::unspecified;
  ImportInfo import;                     // status imported
  std::vector<UnreviewedPart> unreviewed;
  std::vector<ProcedureVideo> videos;  // guide videos, in the order written
  std::string file;  // where it was defined, for messages

  // The flag on a part, or on a part inside it ("/channels/1" matches "/channels/1/fee"), if any.
  const UnreviewedPart* flag(const std::string& pointer) const;
  const UnreviewedPart* flag_within(const std::string& pointer) const;

  bool has_level(Level l) const;
  const Channel* channel(ChannelKind kind) const;
};

// Who vouches for a hotline or an opening-hours entry: it may say "sample", "source" and
// "checked" itself (a center whose address is checked may have a hotline that is not); what
// it does not say it takes from its center. `sample` is the resolved value; `source` and
// `checked` are its own (empty: the center's).
struct Hotline {
  std::string number;
  std::string label;
  std::string hours;
  bool sample = false;
  std::string source;
  std::string checked;  // YYYY-MM-DD: the day the source was read or published
};

struct TimeSession {
  std::string start;  // "07:30"
  std::string end;    // "11:30"
};

struct OpeningHours {
  std::vector<std::string> days;  // "mon" ... "sun"
  std::vector<TimeSession> sessions;
  bool sample = false;  // as in Hotline
  std::string source;
  std::string checked;
};

// The hours a center works, which is what deadlines count (not the hours it
// receives the public: a center open on Saturday morning does not make Saturday a
// working day). Sessions are [start, end) in minutes after midnight, sorted.
struct WorkingTime {
  std::vector<int> weekdays;  // 0 = Sunday ... 6 = Saturday
  std::vector<std::pair<int, int>> sessions;
  std::string source;
  bool sample = false;
};

struct Coordinates {
  double lat = 0;
  double lng = 0;
};

struct Center {
  std::string name;
  std::string address;
  std::optional<Coordinates> coordinates;
  std::vector<OpeningHours> opening_hours;
  std::optional<WorkingTime> working_time;  // absent: the national default
  std::vector<Hotline> hotlines;
  std::string email;
  std::string website;
  bool sample = false;
  std::string source;
  std::string checked;  // YYYY-MM-DD, required unless sample: the day the source was read or published
};

struct Commune {
  std::string slug;
  std::string name;
  std::string kind;  // "xa" | "phuong" | "dac-khu"
  std::string code;
  bool code_verified = false;
  Center center;
  std::vector<std::string> also_receives;
  std::vector<std::string> does_not_receive;
  std::string file;
};

struct ChannelOverride {
  ChannelKind kind = ChannelKind::direct;
  std::optional<Deadline> deadline;
  std::optional<Fee> fee;
};

struct ProcedureOverrides {
  std::optional<std::string> competent_agency;
  std::optional<std::string> implementing_agency;
  std::vector<ChannelOverride> channels;
  std::vector<FeeRule> fee_rules;  // replace the national rule with the same id, or add
  std::string note;
  std::optional<bool> boundary_independent;  // the province's own list decides (import csv)
  std::optional<bool> full_online;
  // Days these overrides apply (YYYY-MM-DD, both included; empty: open). The loader turns a
  // dated override into entries of their own (CatalogEntry::effective_from/until).
  std::string effective_from;
  std::string effective_until;
};

// The provincial decision that published a catalog entry ("Quyết định công bố danh mục
// TTHC"): the source of every local fact in the entry.
struct CatalogSource {
  std::string decision;  // "1234/QĐ-UBND"
  std::string date;      // YYYY-MM-DD
  bool sample = false;   // not checked against the signed decision
};

// Where a catalog entry is received: the province center, and/or communes.
inline constexpr const char* kProvinceCenter = "province";

struct CatalogEntry {
  std::string procedure;  // national code
  std::string local_code;
  std::vector<std::string> centers;  // empty: follow the levels; else commune slugs and/or "province"
  std::optional<CatalogSource> source;
  ProcedureOverrides overrides;
  // As Procedure::effective_from/until: an entry may be listed more than once, for days that
  // do not overlap (another override from a decision's date, a procedure taken off the list).
  std::string effective_from;
  std::string effective_until;
  std::size_t position = 0;  // its place in the file's "catalog" (lists keep that order)
  // Set by Catalog::index(): the province publishes its own page of this entry because it
  // changes something of the national procedure or names its own centers. Otherwise its
  // lists link to the national page, which is the same for every province.
  bool local_version = false;
};

struct ProvinceCatalog {
  std::string slug;
  std::string agency_code;
  bool agency_code_verified = false;
  Center center;
  std::vector<CatalogEntry> catalog;
  std::vector<Commune> communes;  // sorted by name
  std::string file;
};

struct ProvinceInfo {
  std::string code;
  std::string slug;
  std::string name;
  std::string kind;  // "tinh" | "thanh-pho"
  std::vector<std::string> merged_from;
  bool code_verified = false;
};

struct Field {
  std::string slug;
  std::string name;
  std::string description;
};

struct LifeEvent {
  std::string slug;
  std::string name;
  std::string description;
};

struct NationalHotline {
  std::string name;
  std::string number;
  std::string hours;
  std::string description;
  std::string source;
  std::string checked;  // YYYY-MM-DD, required unless sample
  bool sample = false;
};

// One of the essential public services that must be offered fully online, from the
// Prime Minister's list (content/essential-services.json, docs/content.md).
struct EssentialService {
  int number = 0;                       // its number in the list, from 1
  std::string name;                     // as the list words it
  std::vector<std::string> procedures;  // codes in content/procedures/ it maps to (may be empty)
  std::string note;
};

struct EssentialServices {
  std::string document;  // the text that sets the list ("Chỉ thị số 24/CT-TTg ...")
  std::string issued;    // YYYY-MM-DD
  std::string url;       // where the text or the report of it was read
  std::string status;    // "official" (checked against the text) | "reported" (known from reports)
  std::string read;      // YYYY-MM-DD, the day the source was read
  std::string applies_from;  // YYYY-MM-DD: from when centers take no paper dossiers for them
  std::vector<std::string> reported_by;  // reports the list was taken from, while "reported"
  std::string note;
  std::vector<EssentialService> services;  // by number
  bool loaded = false;                     // the file exists and loaded
};

// A province or commune publishing its own copy (site.json "brand"): who it is, its logo and
// colours, and how to reach it. Every field optional; empty: the defaults.
struct Brand {
  std::string name;        // the publisher beside the logo ("Ủy ban nhân dân tỉnh Lai Châu")
  std::string logo;        // a file of the content folder ("brand/logo.svg"), SVG or PNG
  std::string logo_bytes;  // its bytes, read with the content
  std::string primary;     // "#0b4f8a": the header, with white text on it (contrast checked)
  std::string primary_dark;  // the menu and the navigation bar, white text on it too
  std::string phone, email, address;  // the publisher's contact, in every page's footer
};

struct SiteInfo {
  int schema_version = kSchemaVersion;
  std::string title;
  std::string description;
  std::string content_as_of;
  std::string publisher;
  Brand brand;
};

// Names shown to citizens.
const char* level_name(Level l);       // "Cấp xã"
const char* level_slug(Level l);       // "xa"
const char* channel_name(ChannelKind k);  // "Trực tiếp"
const char* channel_slug(ChannelKind k);  // "direct", as in content and the JSON contracts
const char* deadline_unit_slug(DeadlineUnit u);  // "working_days", as in content
const char* commune_kind_name(const std::string& kind);  // "Xã", "Phường", "Đặc khu"

}  // namespace motcua
