// The reports of `motcua diff`: text for a terminal, JSON for tools, and an HTML page an
// official attaches to the draft decision.
#include <nlohmann/json.hpp>

#include "motcua/catalog_diff.h"
#include "motcua/format.h"

namespace motcua {

namespace {

const char* kind_sign(ChangeKind k) {
  switch (k) {
    case ChangeKind::added: return "+";
    case ChangeKind::removed: return "-";
    case ChangeKind::amended: return "~";
  }
  return "";
}

std::size_t province_entry_changes(const CatalogDiff& diff) {
  std::size_t n = 0;
  for (const ProvinceChange& p : diff.provinces) n += p.entries.size();
  return n;
}

std::string summary_line(const CatalogDiff& diff) {
  return "Thủ tục mới: " + std::to_string(diff.count(ChangeKind::added)) +
         "; bãi bỏ: " + std::to_string(diff.count(ChangeKind::removed)) +
         "; sửa đổi: " + std::to_string(diff.count(ChangeKind::amended)) +
         "; tỉnh, thành phố có thay đổi: " + std::to_string(diff.provinces.size()) + ".";
}

std::string procedure_heading(ChangeKind k) {
  switch (k) {
    case ChangeKind::added: return "Thủ tục mới";
    case ChangeKind::removed: return "Thủ tục bãi bỏ";
    case ChangeKind::amended: return "Thủ tục sửa đổi, bổ sung";
  }
  return "";
}

std::string entry_words(const ItemChange& e) {
  switch (e.kind) {
    case ChangeKind::added: return "thêm vào danh mục";
    case ChangeKind::removed: return "bỏ khỏi danh mục";
    case ChangeKind::amended: return "sửa đổi";
  }
  return "";
}

void text_changes(std::string& out, const std::vector<FieldChange>& changes, const std::string& indent) {
  for (const FieldChange& c : changes) out += indent + c.text + "\n";
}

nlohmann::ordered_json json_changes(const std::vector<FieldChange>& changes) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const FieldChange& c : changes) {
    out.push_back({{"field", c.field}, {"label", c.label}, {"before", c.before}, {"after", c.after}, {"text", c.text}});
  }
  return out;
}

// `removed`: how a removal is named ("abolished" for a national procedure).
nlohmann::ordered_json json_items(const std::vector<ItemChange>& items, const char* key, const char* removed = "removed") {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const ItemChange& i : items) {
    out.push_back({{key, i.code},
                   {"name", i.name},
                   {"change", i.kind == ChangeKind::removed ? removed : change_kind_slug(i.kind)},
                   {"changes", json_changes(i.changes)}});
  }
  return out;
}


void html_changes(std::string& out, const std::vector<FieldChange>& changes) {
  if (changes.empty()) return;
  out += "<ul class=\"changes\">";
  for (const FieldChange& c : changes) {
    out += "<li>" + escape_html(c.text);
    // A long value (the steps, a condition) is said to have changed; both versions follow.
    const bool long_before = c.before.size() > 160 || c.before.find('\n') != std::string::npos;
    const bool long_after = c.after.size() > 160 || c.after.find('\n') != std::string::npos;
    if (long_before || long_after) {
      out += "<div class=\"versions\"><div><p class=\"v\">Trước</p><p class=\"text\">" + escape_html(c.before) +
             "</p></div><div><p class=\"v\">Sau</p><p class=\"text\">" + escape_html(c.after) + "</p></div></div>";
    }
    out += "</li>";
  }
  out += "</ul>";
}

const char* kStyle =
    "body{font:15px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1a1a1a;max-width:60rem;"
    "margin:0 auto;padding:1rem}h1{font-size:1.5rem;margin:.2rem 0 .6rem}h2{font-size:1.25rem;margin:1.6rem 0 .4rem;"
    "border-bottom:2px solid #0b4f8a;padding-bottom:.2rem}h3{font-size:1.05rem;margin:1rem 0 .2rem}"
    ".meta{color:#444;margin:0}.summary{border-collapse:collapse;margin:.8rem 0}.summary td,.summary th{border:1px solid "
    "#999;padding:.25rem .6rem;text-align:left}.summary td{text-align:right}.code{font-variant-numeric:tabular-nums;"
    "white-space:nowrap}.tag{display:inline-block;padding:0 .4rem;border:1px solid currentColor;border-radius:.2rem;"
    "font-size:.85rem;margin-right:.4rem}.added{color:#1b5e20}.removed{color:#b3261e}.amended{color:#0b4f8a}"
    ".changes{margin:.2rem 0 .6rem;padding-left:1.3rem}.changes li{margin:.15rem 0;overflow-wrap:anywhere}"
    ".versions{display:grid;grid-template-columns:1fr 1fr;gap:.6rem;margin:.3rem 0}.versions>div{border:1px solid #ccc;"
    "padding:.3rem .5rem}.v{font-weight:600;margin:0}.text{white-space:pre-wrap;margin:.2rem 0;font-size:.9rem}"
    "@media (max-width:40rem){.versions{grid-template-columns:1fr}}@media print{body{max-width:none;padding:0}"
    "h2{break-after:avoid}h3{break-after:avoid}}@page{size:A4;margin:15mm}";

}  // namespace

std::string diff_report_text(const CatalogDiff& diff, const std::string& from, const std::string& to) {
  std::string out = "So sánh nội dung: " + from + " → " + to + "\n";
  if (diff.empty()) return out + "Không có thay đổi.\n";
  out += summary_line(diff) + "\n";
  for (ChangeKind kind : {ChangeKind::added, ChangeKind::removed, ChangeKind::amended}) {
    if (diff.count(kind) == 0) continue;
    out += "\n" + procedure_heading(kind) + " (" + std::to_string(diff.count(kind)) + ")\n";
    for (const ItemChange& p : diff.procedures) {
      if (p.kind != kind) continue;
      out += std::string("  ") + kind_sign(kind) + " " + p.code + "  " + p.name + "\n";
      text_changes(out, p.changes, "      ");
    }
  }
  for (const ProvinceChange& p : diff.provinces) {
    out += "\n" + p.name + " (" + p.slug + ")";
    if (p.kind == ChangeKind::added) out += ": danh mục mới của tỉnh";
    if (p.kind == ChangeKind::removed) out += ": danh mục của tỉnh bị bỏ";
    out += "\n";
    text_changes(out, p.center, "  ");
    if (!p.entries.empty()) out += "  Danh mục của tỉnh (" + std::to_string(p.entries.size()) + "):\n";
    for (const ItemChange& e : p.entries) {
      out += std::string("    ") + kind_sign(e.kind) + " " + e.code + "  " + e.name + ": " + entry_words(e) + "\n";
      text_changes(out, e.changes, "        ");
    }
    if (!p.communes.empty()) out += "  Xã, phường, đặc khu (" + std::to_string(p.communes.size()) + "):\n";
    for (const ItemChange& c : p.communes) {
      out += std::string("    ") + kind_sign(c.kind) + " " + c.name + "\n";
      text_changes(out, c.changes, "        ");
    }
  }
  if (!diff.other.empty()) {
    out += "\nNội dung chung\n";
    text_changes(out, diff.other, "  ");
  }
  return out;
}

std::string diff_report_json(const CatalogDiff& diff, const std::string& from, const std::string& to) {
  nlohmann::ordered_json provinces = nlohmann::ordered_json::array();
  for (const ProvinceChange& p : diff.provinces) {
    provinces.push_back({{"province", p.slug},
                         {"name", p.name},
                         {"change", change_kind_slug(p.kind)},
                         {"center", json_changes(p.center)},
                         {"entries", json_items(p.entries, "code")},
                         {"communes", json_items(p.communes, "commune")}});
  }
  const nlohmann::ordered_json out = {
      {"from", from},
      {"to", to},
      {"changed", !diff.empty()},
      {"summary",
       {{"added", diff.count(ChangeKind::added)},
        {"abolished", diff.count(ChangeKind::removed)},
        {"amended", diff.count(ChangeKind::amended)},
        {"provinces", diff.provinces.size()},
        {"province_entries", province_entry_changes(diff)}}},
      {"procedures", json_items(diff.procedures, "code", "abolished")},
      {"provinces", provinces},
      {"other", json_changes(diff.other)}};
  return out.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

std::string diff_report_html(const CatalogDiff& diff, const std::string& from, const std::string& to,
                             const std::string& generated) {
  std::string out =
      "<!doctype html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>Báo cáo thay đổi danh mục thủ tục hành chính</title>\n<style>" +
      std::string(kStyle) + "</style>\n</head>\n<body>\n<main>\n<h1>Báo cáo thay đổi danh mục thủ tục hành chính</h1>\n";
  out += "<p class=\"meta\">So sánh <strong>" + escape_html(from) + "</strong> (trước) với <strong>" + escape_html(to) +
         "</strong> (sau). Lập ngày " + escape_html(format_date(generated)) + " bằng motcua.</p>\n";
  if (diff.empty()) return out + "<p><strong>Không có thay đổi.</strong></p>\n</main>\n</body>\n</html>\n";
  out += "<table class=\"summary\" aria-label=\"Tóm tắt\"><tbody>";
  out += "<tr><th scope=\"row\">Thủ tục mới</th><td>" + std::to_string(diff.count(ChangeKind::added)) + "</td></tr>";
  out += "<tr><th scope=\"row\">Thủ tục bãi bỏ</th><td>" + std::to_string(diff.count(ChangeKind::removed)) + "</td></tr>";
  out += "<tr><th scope=\"row\">Thủ tục sửa đổi, bổ sung</th><td>" + std::to_string(diff.count(ChangeKind::amended)) +
         "</td></tr>";
  out += "<tr><th scope=\"row\">Tỉnh, thành phố có thay đổi</th><td>" + std::to_string(diff.provinces.size()) +
         "</td></tr></tbody></table>\n";
  for (ChangeKind kind : {ChangeKind::added, ChangeKind::removed, ChangeKind::amended}) {
    if (diff.count(kind) == 0) continue;
    out += "<section>\n<h2>" + procedure_heading(kind) + " (" + std::to_string(diff.count(kind)) + ")</h2>\n";
    for (const ItemChange& p : diff.procedures) {
      if (p.kind != kind) continue;
      out += "<h3><span class=\"code\">" + escape_html(p.code) + "</span> — " + escape_html(p.name) + "</h3>\n";
      html_changes(out, p.changes);
    }
    out += "</section>\n";
  }
  for (const ProvinceChange& p : diff.provinces) {
    out += "<section>\n<h2>" + escape_html(p.name);
    if (p.kind == ChangeKind::added) out += ": danh mục mới của tỉnh";
    if (p.kind == ChangeKind::removed) out += ": danh mục của tỉnh bị bỏ";
    out += "</h2>\n";
    html_changes(out, p.center);
    if (!p.entries.empty()) out += "<h3>Danh mục của tỉnh (" + std::to_string(p.entries.size()) + ")</h3>\n";
    for (const ItemChange& e : p.entries) {
      out += std::string("<p><span class=\"tag ") + change_kind_slug(e.kind) + "\">" + escape_html(entry_words(e)) +
             "</span><span class=\"code\">" + escape_html(e.code) + "</span> — " + escape_html(e.name) + "</p>\n";
      html_changes(out, e.changes);
    }
    if (!p.communes.empty()) out += "<h3>Xã, phường, đặc khu (" + std::to_string(p.communes.size()) + ")</h3>\n";
    for (const ItemChange& c : p.communes) {
      const char* words = c.kind == ChangeKind::added ? "thêm" : c.kind == ChangeKind::removed ? "bỏ" : "sửa đổi";
      out += std::string("<p><span class=\"tag ") + change_kind_slug(c.kind) + "\">" + words + "</span>" + escape_html(c.name) +
             "</p>\n";
      html_changes(out, c.changes);
    }
    out += "</section>\n";
  }
  if (!diff.other.empty()) {
    out += "<section>\n<h2>Nội dung chung</h2>\n";
    html_changes(out, diff.other);
    out += "</section>\n";
  }
  return out + "</main>\n</body>\n</html>\n";
}

}  // namespace motcua
