#pragma once
// Fees as data: each rule with its legal source and dates, computed for one person's
// case (pages, copies, channel, date, exemption category) with a breakdown whose every
// line names its source. "Miễn phí" (the law says free) and "Không quy định" (no fee is
// set) are different answers.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "motcua/civil_date.h"
#include "motcua/json_document.h"
#include "motcua/object_reader.h"

namespace motcua {

// The largest fee total the engine computes, in đồng (10^13: ten thousand billion). Content
// whose rules could reach more, with every input at its "max", is refused when it is
// loaded, and the engine refuses requests that would; every sum and product is checked.
constexpr std::int64_t kMaxFeeTotal = 10'000'000'000'000LL;

struct FeeSource {
  std::string document;  // "Thông tư 226/2016/TT-BTC"
  std::string article;   // "Điều 4, khoản 1"
  std::string url;
  std::string text() const;  // "Thông tư 226/2016/TT-BTC, Điều 4, khoản 1"
};

// A number the citizen gives: pages, copies, declared value…
struct FeeInput {
  std::string name;   // "pages"
  std::string label;  // "Số trang của bản chính"
  std::string unit;   // "trang"
  std::int64_t min = 0;
  std::int64_t max = 1'000'000'000'000LL;
  std::int64_t fallback = 1;  // used when the request does not give it
};

struct FeeTier {
  std::int64_t from = 1;
  std::int64_t to = 0;  // 0: no upper bound
  std::int64_t amount = 0;  // đồng per unit inside the tier
};

enum class FeeRuleKind { flat, per_unit, tiered, percent, free, not_regulated, local };

struct FeeRule {
  std::string id;
  std::string label;
  FeeRuleKind kind = FeeRuleKind::flat;
  std::vector<std::string> channels;  // empty: every channel
  std::int64_t amount = 0;            // flat: the amount; per_unit: per unit
  std::string input;                  // per_unit, tiered, percent: the input counted
  std::string unit;                   // "bản", "trang", "chữ ký" (per_unit, tiered)
  std::vector<FeeTier> tiers;         // tiered
  std::string per;                    // tiered: input multiplying the tiered amount (copies)
  std::int64_t max = 0;               // tiered: cap per `per` unit; percent: maximum; 0: none
  std::int64_t min = 0;               // percent: minimum
  std::int64_t basis_points = 0;      // percent, in 1/10000 (0.5% -> 50)
  std::string valid_from, valid_to;   // YYYY-MM-DD, optional
  FeeSource source;
  bool sample = false;
  std::string note;
};

// A reduction for a channel and/or a period (e.g. online submission; Circular
// 64/2025/TT-BTC from 1/7/2025 to 31/12/2026).
struct FeeAdjustment {
  std::string label;
  std::vector<std::string> rules;     // empty: every rule
  std::vector<std::string> channels;  // empty: every channel
  int percent_off = 0;                // 1..100
  std::string valid_from, valid_to;
  FeeSource source;
  bool sample = false;
};

// A category of applicants exempt from (or paying less of) some rules.
struct FeeExemption {
  std::string category;  // slug from content/applicant-categories.json
  std::vector<std::string> rules;
  int percent_off = 100;
  FeeSource source;
  std::string note;
  bool sample = false;  // not checked against the source: shown as "Dữ liệu minh họa"
};

struct FeeSchedule {
  std::vector<FeeInput> inputs;
  std::vector<FeeRule> rules;
  std::vector<FeeAdjustment> adjustments;
  std::vector<FeeExemption> exemptions;
  bool empty() const { return rules.empty(); }
};

struct ApplicantCategory {
  std::string slug;
  std::string name;  // "Người thuộc hộ nghèo"
  std::string note;
};

const char* fee_rule_kind_slug(FeeRuleKind k);

// Reads "fees" of a procedure (or of a province's override). `channels` are the
// procedure's channel slugs, `categories` the known applicant category slugs (nullptr:
// not checked, when one file is read on its own).
void read_fee_schedule(ObjectReader& parent, const std::string& key, const std::vector<std::string>& channels,
                       const std::vector<std::string>* categories, FeeSchedule& out);
// Reads one rule (also used for provincial overrides).
FeeRule read_fee_rule(ObjectReader& r, const std::vector<std::string>& channels);
// The most `rule` can charge with every input at its max, saturated at kMaxFeeTotal + 1.
std::int64_t fee_rule_worst_case(const FeeRule& rule, const std::vector<FeeInput>& inputs);
// Reports (at `r`'s object) a rule that could charge more than kMaxFeeTotal.
void check_fee_rule_bound(ObjectReader& r, const FeeRule& rule, const std::vector<FeeInput>& inputs);

// A province's rules replace the national rule with the same id, or add to them.
// A legal source {"document", "article", "url"} at `key` (required); `what` names it in
// messages. fee_source_json() writes it back the same way.
FeeSource read_fee_source(ObjectReader& parent, const std::string& key, const std::string& what = "fee source");
nlohmann::json fee_source_json(const FeeSource& s);

// True when `rule` would apply on the same day and channel as an earlier rule with its id.
bool fee_rules_clash(const std::vector<FeeRule>& earlier, const FeeRule& rule);
FeeSchedule apply_fee_overrides(const FeeSchedule& national, const std::vector<FeeRule>& local);

nlohmann::json fee_schedule_to_json(const FeeSchedule& s);
nlohmann::json applicant_categories_to_json(const std::vector<ApplicantCategory>& c);

// Plain words for one rule, as on the page: "2.000 đồng/trang cho trang 1–2; 1.000 đồng/trang
// từ trang 3; tối đa 200.000 đồng/bản".
// `inputs` (the schedule's) name the unit a cap applies to ("tối đa 200.000 đồng mỗi bản").
std::string describe_fee_rule(const FeeRule& r, const std::vector<FeeInput>& inputs = {});
std::string describe_dates(const std::string& from, const std::string& to);  // "từ 01/07/2025 đến 31/12/2026"

// The fee engine, on the data file published beside a procedure page (see
// procedure_tool_data_json in procedure_data.h). Returns the result or a JSON error
// naming the field of the request; `ok` tells which.
std::string calc_fee(const nlohmann::json& data, const std::string& request_json, bool& ok);

}  // namespace motcua
