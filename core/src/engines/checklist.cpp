#include "motcua/checklist.h"

#include <cstdint>
#include <algorithm>
#include <set>

#include "motcua/format.h"

namespace motcua {

using json = nlohmann::json;

namespace {

const Question* find_question(const std::vector<Question>& questions, const std::string& id) {
  for (const Question& q : questions) {
    if (q.id == id) return &q;
  }
  return nullptr;
}

void report(const JsonDocument& doc, const std::string& pointer, const std::string& message, Diagnostics& diags) {
  const Position pos = doc.position_of(pointer);
  diags.error(doc.file, pos.line, pos.column, pointer.empty() ? "/" : pointer, message);
}

const char* channel_words(const std::string& c) {
  if (c == "online") return "nộp trực tuyến";
  if (c == "postal") return "nộp qua dịch vụ bưu chính công ích";
  return "nộp trực tiếp";
}

std::string answer_label(const Question* q, const json& v) {
  if (v.is_boolean()) return v.get<bool>() ? "Có" : "Không";
  if (v.is_string() && q != nullptr) {
    for (const QuestionOption& o : q->options) {
      if (o.value == v.get<std::string>()) return o.label;
    }
  }
  return v.is_string() ? v.get<std::string>() : v.dump();
}

}  // namespace

bool check_condition(const JsonDocument& doc, const json& c, const std::string& pointer,
                     const std::vector<Question>& questions, const std::vector<std::string>& channels,
                     Diagnostics& diags) {
  if (!c.is_object() || c.size() == 0) {
    report(doc, pointer,
           "a condition is an object: {\"question\": …, \"equals\": …}, {\"channel\": …}, {\"all\": […]}, "
           "{\"any\": […]} or {\"not\": {…}}",
           diags);
    return false;
  }
  bool ok = true;
  if (c.contains("all") || c.contains("any")) {
    const char* key = c.contains("all") ? "all" : "any";
    if (c.size() != 1) {
      report(doc, pointer, std::string("\"") + key + "\" stands alone in its condition", diags);
      return false;
    }
    const json& list = c[key];
    if (!list.is_array() || list.size() < 2) {
      report(doc, pointer + "/" + key, std::string("\"") + key + "\" lists at least two conditions", diags);
      return false;
    }
    for (std::size_t i = 0; i < list.size(); ++i) {
      ok = check_condition(doc, list[i], pointer + "/" + key + "/" + std::to_string(i), questions, channels, diags) && ok;
    }
    return ok;
  }
  if (c.contains("not")) {
    if (c.size() != 1) {
      report(doc, pointer, "\"not\" stands alone in its condition", diags);
      return false;
    }
    return check_condition(doc, c["not"], pointer + "/not", questions, channels, diags);
  }
  if (c.contains("channel")) {
    if (c.size() != 1) {
      report(doc, pointer, "\"channel\" stands alone in its condition; combine conditions with \"all\"", diags);
      return false;
    }
    const json& v = c["channel"];
    std::vector<std::string> list;
    if (v.is_string()) list.push_back(v.get<std::string>());
    else if (v.is_array()) {
      for (const json& x : v) list.push_back(x.is_string() ? x.get<std::string>() : "");
    }
    if (list.empty()) {
      report(doc, pointer + "/channel", "\"channel\" is \"direct\", \"online\", \"postal\" or a list of them", diags);
      return false;
    }
    for (const std::string& ch : list) {
      if (std::find(channels.begin(), channels.end(), ch) == channels.end()) {
        report(doc, pointer + "/channel", "this procedure has no \"" + ch + "\" channel", diags);
        ok = false;
      }
    }
    return ok;
  }
  if (c.contains("question")) {
    const json& id = c["question"];
    const Question* q = id.is_string() ? find_question(questions, id.get<std::string>()) : nullptr;
    if (q == nullptr) {
      report(doc, pointer + "/question",
             "unknown question " + (id.is_string() ? "\"" + id.get<std::string>() + "\"" : id.dump()) +
                 "; questions are listed in \"questions\"",
             diags);
      return false;
    }
    const bool has_equals = c.contains("equals"), has_in = c.contains("in");
    if (has_equals == has_in || c.size() != 2) {
      report(doc, pointer, "a question condition is {\"question\": …, \"equals\": …} or {\"question\": …, \"in\": […]}", diags);
      return false;
    }
    std::vector<std::pair<json, std::string>> values;  // value, pointer
    if (has_equals) values.push_back({c["equals"], pointer + "/equals"});
    else if (!c["in"].is_array() || c["in"].empty()) {
      report(doc, pointer + "/in", "\"in\" lists the answers that meet the condition", diags);
      return false;
    } else {
      for (std::size_t i = 0; i < c["in"].size(); ++i) values.push_back({c["in"][i], pointer + "/in/" + std::to_string(i)});
    }
    for (const auto& value_and_pointer : values) {
      const json& v = value_and_pointer.first;
      const std::string& vp = value_and_pointer.second;
      if (q->type == "yes_no" && !v.is_boolean()) {
        report(doc, vp, "question \"" + q->id + "\" is answered true (Có) or false (Không)", diags);
        ok = false;
      } else if (q->type == "choice") {
        const bool known = v.is_string() && std::any_of(q->options.begin(), q->options.end(), [&](const QuestionOption& o) {
                             return o.value == v.get<std::string>();
                           });
        if (!known) {
          report(doc, vp, "not an option of question \"" + q->id + "\"", diags);
          ok = false;
        }
      }
    }
    return ok;
  }
  report(doc, pointer, "unknown condition; use \"question\", \"channel\", \"all\", \"any\" or \"not\"", diags);
  return false;
}

std::string describe_condition(const json& c, const std::vector<Question>& questions) {
  if (!c.is_object()) return "";
  if (c.contains("all") || c.contains("any")) {
    const bool all = c.contains("all");
    std::string out;
    for (const json& part : c[all ? "all" : "any"]) {
      std::string s = describe_condition(part, questions);
      if (part.contains("all") || part.contains("any")) s = "(" + s + ")";
      if (!out.empty()) out += all ? " và " : " hoặc ";
      out += s;
    }
    return out;
  }
  if (c.contains("not")) {
    const json& inner = c["not"];
    // "không nộp qua dịch vụ bưu chính công ích"; other negations read "không phải …".
    if (inner.is_object() && inner.contains("channel")) return "không " + describe_condition(inner, questions);
    // "“Trẻ … thuộc trường hợp nào?” – không phải Trẻ bị bỏ rơi"
    if (inner.is_object() && inner.contains("question")) {
      const std::string s = describe_condition(inner, questions);
      const std::size_t dash = s.rfind("” – ");
      if (dash != std::string::npos) {
        const std::size_t at = dash + std::string("” – ").size();
        return s.substr(0, at) + "không phải " + s.substr(at);
      }
    }
    const std::string s = describe_condition(inner, questions);
    return "không phải " + (inner.contains("all") || inner.contains("any") ? "(" + s + ")" : s);
  }
  if (c.contains("channel")) {
    const json& v = c["channel"];
    if (v.is_string()) return channel_words(v.get<std::string>());
    std::string out;
    for (const json& x : v) out += (out.empty() ? "" : " hoặc ") + std::string(channel_words(x.get<std::string>()));
    return out;
  }
  if (c.contains("question")) {
    const Question* q = find_question(questions, c["question"].get<std::string>());
    const std::string text = q != nullptr ? q->text : c["question"].get<std::string>();
    std::string answers;
    if (c.contains("equals")) answers = answer_label(q, c["equals"]);
    else {
      for (const json& v : c["in"]) answers += (answers.empty() ? "" : " hoặc ") + answer_label(q, v);
    }
    return "“" + text + "” – " + answers;
  }
  return "";
}

json questions_to_json(const std::vector<Question>& questions) {
  json out = json::array();
  for (const Question& q : questions) {
    json j = {{"id", q.id}, {"text", q.text}, {"type", q.type}};
    if (!q.help.empty()) j["help"] = q.help;
    if (q.type == "choice") {
      json options = json::array();
      for (const QuestionOption& o : q.options) options.push_back({{"value", o.value}, {"label", o.label}});
      j["options"] = options;
    }
    out.push_back(j);
  }
  return out;
}

namespace {
std::string count_words(int originals, int copies) {
  std::string s;
  if (originals > 0) s += std::to_string(originals) + " bản chính";
  if (copies > 0) s += (s.empty() ? "" : ", ") + std::to_string(copies) + " bản sao";
  return s;
}
}  // namespace

json dossier_to_json(const std::vector<DossierItem>& dossier, const std::vector<Question>& questions) {
  json out = json::array();
  for (const DossierItem& d : dossier) {
    json j = {{"id", d.id},
              {"name", d.name},
              {"originals", d.originals},
              {"copies", d.copies},
              {"count_text", count_words(d.originals, d.copies)},
              {"kind", d.kind == DossierKind::present ? "present" : "submit"}};
    if (!d.form.empty()) j["form"] = d.form;
    if (!d.when.empty()) j["note"] = d.when;
    if (!d.source.empty()) j["source"] = d.source;
    if (!d.condition.is_null()) {
      j["if"] = d.condition;
      j["if_text"] = describe_condition(d.condition, questions);
    }
    if (!d.alternatives.empty()) {
      json alts = json::array();
      for (const DossierAlternative& a : d.alternatives) {
        json aj = {{"name", a.name}, {"originals", a.originals}, {"copies", a.copies},
                   {"count_text", count_words(a.originals, a.copies)}};
        if (!a.form.empty()) aj["form"] = a.form;
        alts.push_back(aj);
      }
      j["one_of"] = alts;
    }
    if (!d.waivers.empty()) {
      json ws = json::array();
      for (const DossierWaiver& w : d.waivers) {
        ws.push_back({{"if", w.condition}, {"if_text", describe_condition(w.condition, questions)}, {"reason", w.reason},
                      {"source", w.source}});
      }
      j["waived"] = ws;
    }
    out.push_back(j);
  }
  return out;
}

// ------------------------------------------------------------------ the engine

namespace {

struct Ctx {
  const json* answers;
  std::string channel;  // empty: not given
};

// 1 met, 0 not met, -1 not known yet (a question without an answer).
int evaluate(const json& c, const Ctx& ctx) {
  if (!c.is_object()) return 1;
  if (c.contains("all") || c.contains("any")) {
    const bool all = c.contains("all");
    bool unknown = false;
    for (const json& part : c[all ? "all" : "any"]) {
      const int v = evaluate(part, ctx);
      if (v == (all ? 0 : 1)) return v;
      if (v < 0) unknown = true;
    }
    return unknown ? -1 : (all ? 1 : 0);
  }
  if (c.contains("not")) {
    const int v = evaluate(c["not"], ctx);
    return v < 0 ? -1 : 1 - v;
  }
  if (c.contains("channel")) {
    if (ctx.channel.empty()) return -1;
    const json& v = c["channel"];
    if (v.is_string()) return v.get<std::string>() == ctx.channel ? 1 : 0;
    for (const json& x : v) {
      if (x.is_string() && x.get<std::string>() == ctx.channel) return 1;
    }
    return 0;
  }
  if (c.contains("question") && c["question"].is_string()) {
    const std::string id = c["question"].get<std::string>();
    if (ctx.answers == nullptr || !ctx.answers->contains(id)) return -1;
    const json& a = (*ctx.answers)[id];
    if (c.contains("equals")) return a == c["equals"] ? 1 : 0;
    if (c.contains("in") && c["in"].is_array()) {
      for (const json& x : c["in"]) {
        if (a == x) return 1;
      }
      return 0;
    }
  }
  return -1;
}

std::string str(const json& j, const char* key) {
  const auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// A whole number of the data file (a count of papers), 0 when it is not one: the file may come
// from a device's cache, damaged.
int whole(const json& j, const char* key) {
  const auto it = j.find(key);
  if (it == j.end() || !it->is_number_integer()) return 0;
  const std::int64_t v = it->get<std::int64_t>();
  return v < 0 || v > 1000000 ? 0 : static_cast<int>(v);
}

std::string error_json(const json& errors) {
  return json({{"error", errors.front()}, {"errors", errors}}).dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace

std::string calc_checklist(const json& data, const std::string& request_json, bool& ok) {
  ok = false;
  const json req = json::parse(request_json, nullptr, false);
  if (req.is_discarded() || !req.is_object()) {
    return error_json(json::array({{{"field", "/"}, {"message", "the request is not a JSON object"}}}));
  }
  json errors = json::array();
  static const std::set<std::string> known = {"procedure", "province", "channel", "answers"};
  for (auto it = req.begin(); it != req.end(); ++it) {
    if (!known.count(it.key())) errors.push_back({{"field", "/" + pointer_escape(it.key())}, {"message", "unknown field \"" + it.key() + "\""}});
  }
  const json questions = data.contains("questions") && data["questions"].is_array() ? data["questions"] : json::array();
  Ctx ctx{nullptr, ""};
  if (req.contains("channel")) {
    const json& c = req["channel"];
    bool valid = false;
    if (c.is_string() && data.contains("channels") && data["channels"].is_array()) {
      for (const json& x : data["channels"]) valid = valid || x == c;
    }
    if (!valid) errors.push_back({{"field", "/channel"}, {"message", "not a channel of this procedure"}});
    else ctx.channel = c.get<std::string>();
  }
  json answers = json::object();
  if (req.contains("answers")) {
    if (!req["answers"].is_object()) {
      errors.push_back({{"field", "/answers"}, {"message", "\"answers\" is an object: {\"<question id>\": answer}"}});
    } else {
      for (auto it = req["answers"].begin(); it != req["answers"].end(); ++it) {
        const json* q = nullptr;
        for (const json& x : questions) {
          if (str(x, "id") == it.key()) q = &x;
        }
        const std::string field = "/answers/" + pointer_escape(it.key());
        if (q == nullptr) {
          errors.push_back({{"field", field}, {"message", "unknown question \"" + it.key() + "\""}});
          continue;
        }
        if (str(*q, "type") == "yes_no" && !it.value().is_boolean()) {
          errors.push_back({{"field", field}, {"message", "answer true (Có) or false (Không)"}});
          continue;
        }
        if (str(*q, "type") == "choice") {
          bool valid = false;
          const auto options = q->find("options");
          if (options != q->end() && options->is_array() && it.value().is_string()) {
            for (const json& o : *options) valid = valid || (o.is_object() && o.contains("value") && o["value"] == it.value());
          }
          if (!valid) {
            errors.push_back({{"field", field}, {"message", "not one of the options of this question"}});
            continue;
          }
        }
        answers[it.key()] = it.value();
      }
    }
  }
  if (!errors.empty()) return error_json(errors);
  ctx.answers = &answers;

  json items = json::array();
  std::set<std::string> pending;  // questions whose answer would change the list
  auto collect = [&](const json& c, auto&& self) -> void {
    if (!c.is_object()) return;
    for (const char* k : {"all", "any"}) {
      if (c.contains(k)) {
        for (const json& p : c[k]) self(p, self);
      }
    }
    if (c.contains("not")) self(c["not"], self);
    if (c.contains("question") && c["question"].is_string() && !answers.contains(c["question"].get<std::string>())) {
      pending.insert(c["question"].get<std::string>());
    }
  };
  int needed = 0, open_items = 0;
  for (const json& d : data.contains("dossier") && data["dossier"].is_array() ? data["dossier"] : json::array()) {
    json item = {{"id", str(d, "id")},          {"name", str(d, "name")}, {"originals", whole(d, "originals")},
                 {"copies", whole(d, "copies")}, {"count_text", str(d, "count_text")}, {"kind", str(d, "kind")}};
    for (const char* k : {"form", "note", "source", "one_of"}) {
      if (d.contains(k)) item[k] = d[k];
    }
    const int met = d.contains("if") ? evaluate(d["if"], ctx) : 1;
    if (d.contains("if")) collect(d["if"], collect);
    if (met == 0) {
      item["status"] = "not_needed";
      item["included"] = false;
      item["reason"] = "Không cần vì không đúng điều kiện: " + str(d, "if_text") + ".";
    } else if (met < 0) {
      item["status"] = "conditional";
      item["included"] = nullptr;
      item["reason"] = "Cần nếu: " + str(d, "if_text") + ".";
    } else {
      item["status"] = "required";
      item["included"] = true;
      item["reason"] = d.contains("if") ? "Cần vì: " + str(d, "if_text") + "." : std::string("Luôn cần.");
    }
    if (met != 0 && d.contains("waived") && d["waived"].is_array()) {
      for (const json& w : d["waived"]) {
        const int v = evaluate(w.contains("if") ? w["if"] : json(), ctx);
        if (w.contains("if")) collect(w["if"], collect);
        if (v == 1) {
          item["status"] = "waived";
          item["included"] = false;
          item["reason"] = std::string(str(d, "kind") == "present" ? "Không phải xuất trình: " : "Không phải nộp: ") +
                           str(w, "reason") + " (" + str(w, "if_text") + ").";
          item["waiver"] = {{"reason", str(w, "reason")}, {"source", str(w, "source")}};
          break;
        }
        if (v < 0) {
          item["may_be_waived"] = {{"if_text", str(w, "if_text")}, {"reason", str(w, "reason")}, {"source", str(w, "source")}};
        }
      }
    }
    if (item["status"] == "required") ++needed;
    if (item["status"] == "conditional") ++open_items;
    items.push_back(item);
  }
  json unanswered = json::array();
  for (const json& q : questions) {
    if (pending.count(str(q, "id"))) unanswered.push_back(str(q, "id"));
  }
  json out = {{"schema_version", data.value("schema_version", 0)},
              {"procedure", str(data, "procedure")},
              {"answers", answers},
              // Complete: every item is settled (questions answered and, where it matters, the channel).
              {"complete", unanswered.empty() && open_items == 0},
              {"unanswered", unanswered},
              {"needed", needed},
              {"items", items}};
  if (!ctx.channel.empty()) out["channel"] = ctx.channel;
  if (!str(data, "province").empty()) out["province"] = str(data, "province");
  ok = true;
  return out.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace motcua
