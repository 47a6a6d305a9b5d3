// The answer a procedure page opens with (issue 12): a short plain title, then how long,
// how much, where to submit and what to bring, in the first screen of a phone. Every line
// links to the section below that says it in full, with its sources; a part shown in the
// source's own words (Chưa rà soát) is never restated here as our fact.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "motcua/format.h"
#include "page_data.h"

namespace motcua::render {
namespace {

// The channel names of a group of channels that agree: "Trực tiếp, Bưu chính".
std::string channel_names(const std::vector<const Channel*>& group) {
  std::string out;
  for (const Channel* c : group) out += (out.empty() ? "" : ", ") + std::string(channel_name(c->kind));
  return out;
}

// The lowest level that receives the procedure, in words a citizen can find.
std::string where_text(const Procedure& p, const ProvinceCatalog* province, const Catalog& catalog) {
  // Where the procedure is really received, when that is not the one-stop center.
  if (p.received_at && !p.received_at->text.empty()) return p.received_at->text;
  if (p.received_at && p.received_at->place == "commune_police") return "Công an xã, phường, đặc khu nơi bạn cư trú";
  if (p.received_at && p.received_at->place == "online_only") return "Chỉ nhận trực tuyến";
  if (p.has_level(Level::xa)) {
    return province != nullptr ? "Trung tâm Phục vụ hành chính công xã, phường ở " + province_name(catalog, province->slug)
                               : "Trung tâm Phục vụ hành chính công xã, phường";
  }
  if (p.has_level(Level::tinh)) {
    return province != nullptr ? province->center.name : "Trung tâm Phục vụ hành chính công tỉnh, thành phố";
  }
  if (!p.implementing_agency.empty()) return p.implementing_agency;
  if (!p.competent_agency.empty()) return p.competent_agency;
  return "";
}

}  // namespace

Data glance_data(const Catalog& catalog, const Procedure& p, const std::string& root,
                 const ProvinceCatalog* province) {
  Data g;
  const std::string title = plain_title(p);
  put(g, "title", title);
  // The legal name, once, below the title; a long one folds away.
  if (title != p.name) {
    put(g, "legal_name", p.name);
    put(g, "legal_name_long", p.name.size() > 220);
  }

  // How long: channels that agree share a line; a flagged deadline is never restated.
  Data deadlines = list();
  std::vector<bool> done(p.channels.size(), false);
  bool any_flag = false;
  for (std::size_t i = 0; i < p.channels.size(); ++i) {
    if (done[i]) continue;
    const Channel& c = p.channels[i];
    const bool flagged = p.flag_within("/channels/" + std::to_string(i) + "/deadline") != nullptr ||
                         p.flag("/channels") != nullptr;
    std::vector<const Channel*> group{&c};
    if (!flagged) {
      for (std::size_t j = i + 1; j < p.channels.size(); ++j) {
        const Channel& o = p.channels[j];
        if (done[j] || p.flag_within("/channels/" + std::to_string(j) + "/deadline") != nullptr) continue;
        if (o.deadline.unit == c.deadline.unit && o.deadline.value == c.deadline.value) {
          group.push_back(&o);
          done[j] = true;
        }
      }
    }
    done[i] = true;
    Data row;
    put(row, "channels", channel_names(group));
    put(row, "flag", flagged);
    put(row, "text", "");
    put(row, "due", "");
    if (flagged) {
      any_flag = true;
    } else {
      put(row, "text", describe_deadline(c.deadline));
      // The due date if submitted now, computed in the browser by the same engine.
      if (c.deadline.unit != DeadlineUnit::unknown) {
        nlohmann::json duration = {{"unit", deadline_unit_slug(c.deadline.unit)}};
        if (c.deadline.unit != DeadlineUnit::same_day) duration["value"] = c.deadline.value;
        put(row, "due", duration.dump());
      }
    }
    deadlines.push_back(row);
  }
  put(g, "single_deadline", deadlines.list_value().size() == 1);
  put(g, "deadlines", deadlines);

  // How much, per channel, or one answer when they agree.
  Data fees = list();
  std::vector<bool> fee_done(p.channels.size(), false);
  bool local = false, sample = false;
  for (std::size_t i = 0; i < p.channels.size(); ++i) {
    if (fee_done[i]) continue;
    const Channel& c = p.channels[i];
    const bool flagged = p.flag_within("/channels/" + std::to_string(i) + "/fee") != nullptr ||
                         p.flag("/channels") != nullptr;
    std::vector<const Channel*> group{&c};
    if (!flagged) {
      for (std::size_t j = i + 1; j < p.channels.size(); ++j) {
        const Channel& o = p.channels[j];
        if (fee_done[j] || p.flag_within("/channels/" + std::to_string(j) + "/fee") != nullptr) continue;
        if (describe_fee(o.fee) == describe_fee(c.fee) && o.fee.summary == c.fee.summary && o.fee.sample == c.fee.sample) {
          group.push_back(&o);
          fee_done[j] = true;
        }
      }
    }
    fee_done[i] = true;
    Data row;
    put(row, "channels", channel_names(group));
    put(row, "flag", flagged);
    put(row, "text", "");
    put(row, "free", false);
    put(row, "sample", false);
    if (flagged) {
      any_flag = true;
    } else {
      put(row, "text", c.fee.summary.empty() ? describe_fee(c.fee) : c.fee.summary);
      put(row, "free", c.fee.kind == FeeKind::free);
      put(row, "sample", c.fee.sample);
      local = local || c.fee.kind == FeeKind::local;
      sample = sample || c.fee.sample;
    }
    fees.push_back(row);
  }
  put(g, "single_fee", fees.list_value().size() == 1);
  put(g, "fees", fees);
  // The rule that sets the amount, or the calculator, is in the fee section.
  put(g, "fee_more", !p.fees.empty() ? std::string("Tính số tiền phải nộp")
                     : local        ? std::string("Xem mức thu ở địa phương")
                                    : std::string());
  put(g, "any_flag", any_flag);

  // Where to submit: the nearest level, and the other ways.
  put(g, "where", where_text(p, province, catalog));
  put(g, "where_flag", p.flag_within("/levels") != nullptr);
  bool online = false, postal = false, online_full = false;
  for (const Channel& c : p.channels) {
    online = online || c.kind == ChannelKind::online;
    online_full = online_full || (c.kind == ChannelKind::online && c.online_level == "full");
    postal = postal || c.kind == ChannelKind::postal;
  }
  put(g, "online", online);
  put(g, "postal", postal);
  put(g, "online_full", online_full);
  const std::string where = where_text(p, province, catalog);
  std::string other;
  const bool only_online = p.received_at && p.received_at->place == "online_only";
  if (only_online) other = "";
  else if (online && postal) other = "nộp trực tuyến, gửi bưu chính";
  else if (online) other = "nộp trực tuyến";
  else if (postal) other = "gửi qua bưu chính";
  // Short: on a phone this line shares the first screen with how long and how much.
  if (!other.empty()) other = (where.empty() ? "Có thể " : "Hoặc ") + other + ".";
  put(g, "other_ways", other);
  // The procedure's page on the national portal, where an online dossier starts.
  const bool portal = p.source.url.rfind("https://dichvucong.gov.vn/", 0) == 0;
  put(g, "start_url", online && portal ? p.source.url : std::string());
  put(g, "portal_url", !online && portal ? p.source.url : std::string());

  // What to bring: counts, linking to the list (which the checklist enhances in place).
  int submit = 0, present = 0, conditional = 0;
  for (const DossierItem& item : p.dossier) {
    (item.kind == DossierKind::present ? present : submit) += 1;
    if (!item.condition.is_null()) ++conditional;
  }
  std::string bring;
  const int total = submit + present;
  if (total > 0 && conditional > 0) {
    bring = std::to_string(total - conditional) + " giấy tờ luôn cần, " + std::to_string(conditional) + " giấy tờ tùy trường hợp";
  } else if (total > 0) {
    bring = std::to_string(total) + " giấy tờ";
    if (submit > 0 && present > 0) {
      bring += " (" + std::to_string(submit) + " để nộp, " + std::to_string(present) + " để xuất trình)";
    } else if (present > 0) {
      bring += " để xuất trình";
    }
  }
  put(g, "bring", bring);
  put(g, "bring_flag", p.flag("/dossier") != nullptr);
  (void)root;
  return g;
}

}  // namespace motcua::render
