#include "motcua/posted_catalog.h"

#include <cctype>
#include <map>
#include <optional>
#include <stdexcept>
#include <qrcodegen.hpp>
#include <set>
#include <vector>

#include "motcua/format.h"

namespace motcua {

namespace {


std::string lower_channel(ChannelKind k) {
  switch (k) {
    case ChannelKind::direct: return "trực tiếp";
    case ChannelKind::online: return "trực tuyến";
    case ChannelKind::postal: return "bưu chính";
  }
  return "";
}

// One value for every channel, or each channel's ("Trực tiếp: 5 ngày làm việc; trực tuyến: 3 …").
template <typename Words>
std::string by_channel(const Procedure& p, Words words) {
  std::set<std::string> distinct;
  for (const Channel& c : p.channels) distinct.insert(words(c));
  if (distinct.empty()) return "";
  if (distinct.size() == 1) return *distinct.begin();
  std::vector<std::string> parts;
  for (const Channel& c : p.channels) {
    std::string label = lower_channel(c.kind);
    if (parts.empty()) label[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(label[0])));
    parts.push_back(label + ": " + words(c));
  }
  return join_nonempty(parts, "; ");
}

std::string channels_words(const Procedure& p) {
  std::vector<std::string> kinds;
  for (const Channel& c : p.channels) kinds.push_back(lower_channel(c.kind));
  std::string words = join_nonempty(kinds, ", ");
  if (!words.empty()) words[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(words[0])));
  return words;
}

const char* kStyle =
    "*{box-sizing:border-box}body{font:11pt/1.35 'DejaVu Sans',system-ui,sans-serif;color:#000;margin:0 auto;"
    "max-width:190mm;padding:8mm 4mm}h1{font-size:18pt;margin:0 0 2mm;text-transform:uppercase;letter-spacing:.02em}"
    ".head{display:flex;gap:6mm;align-items:flex-start;justify-content:space-between;border-bottom:2pt solid #000;"
    "padding-bottom:3mm;margin-bottom:3mm}.head p{margin:0 0 1mm}.center{font-size:13pt;font-weight:700}"
    ".scan{width:34mm;text-align:center;font-size:8pt;flex:none}.scan svg{width:30mm;height:30mm;display:block;"
    "margin:0 auto 1mm}.note{font-size:9pt}h2{font-size:12pt;margin:5mm 0 1.5mm;break-after:avoid}"
    ".wrap{overflow-x:auto}table{width:100%;border-collapse:collapse;font-size:9pt}th,td{border:.5pt solid #000;"
    "padding:1mm 1.5mm;vertical-align:top;text-align:left}thead{display:table-header-group}th{background:#eee}"
    "tr{break-inside:avoid}td.n,td.code{white-space:nowrap}td.qr{width:19mm;padding:.5mm}td.qr svg{width:18mm;"
    "height:18mm;display:block}.sample{font-weight:700}footer{margin-top:5mm;font-size:9pt;border-top:1pt solid #000;"
    "padding-top:2mm}footer p{margin:0 0 1mm}@page{size:A4;margin:10mm}@media print{body{max-width:none;padding:0}"
    ".wrap{overflow:visible}}";

}  // namespace

std::string qr_svg(const std::string& text, const std::string& label) {
  using qrcodegen::QrCode;
  // The smallest version that holds the text; a higher error correction where it fits free.
  std::optional<QrCode> made;
  try {
    made.emplace(QrCode::encodeText(text.c_str(), QrCode::Ecc::MEDIUM));
  } catch (const std::exception&) {
    return "";  // longer than a QR code holds (about 2,300 characters of a URL)
  }
  const QrCode& qr = *made;
  const int size = qr.getSize();
  const int border = 4;
  std::string path;
  path.reserve(static_cast<std::size_t>(size * size));
  for (int y = 0; y < size; ++y) {
    for (int x = 0; x < size;) {
      if (!qr.getModule(x, y)) {
        ++x;
        continue;
      }
      int run = 1;
      while (x + run < size && qr.getModule(x + run, y)) ++run;
      path += "M" + std::to_string(x + border) + " " + std::to_string(y + border) + "h" + std::to_string(run) +
              "v1h-" + std::to_string(run) + "z";
      x += run;
    }
  }
  const std::string side = std::to_string(size + 2 * border);
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + side + " " + side +
         "\" shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"" + escape_html(label) + "\"><rect width=\"" + side +
         "\" height=\"" + side + "\" fill=\"#fff\"/><path d=\"" + path + "\" fill=\"#000\"/></svg>";
}

std::string render_posted_catalog(const Catalog& catalog, const ProvinceCatalog& province, const Commune* commune,
                                  const std::string& base_url, const std::string& generated) {
  const ProvinceInfo* info = catalog.find_province(province.slug);
  const std::string province_name = info ? info->name : province.slug;
  const Center& center = commune ? commune->center : province.center;
  const std::string place = commune ? commune_title(*commune) + ", " + province_name : province_name;
  const std::string center_name = center.name.empty() ? "Trung tâm Phục vụ hành chính công " + place : center.name;
  const std::string page_url = base_url + province.slug + "/" + (commune ? commune->slug + "/" : "");

  // The entries received here, by field (in the order of content/fields.json).
  std::map<std::string, std::vector<std::pair<const CatalogEntry*, Procedure>>> by_field;
  std::set<std::string> decisions;
  bool any_sample = center.sample;
  std::size_t total = 0;
  for (const CatalogEntry* entry : catalog.received_at(province, commune)) {
    const Procedure* national = catalog.find_procedure(entry->procedure);
    if (national == nullptr) continue;
    Procedure local = Catalog::localize(*national, *entry);
    if (entry->source) {
      decisions.insert(entry->source->decision + (entry->source->date.empty() ? "" : " ngày " + format_date(entry->source->date)) +
                       (entry->source->sample ? " (dữ liệu minh họa)" : ""));
      any_sample = any_sample || entry->source->sample;
    }
    for (const Channel& c : local.channels) any_sample = any_sample || c.fee.sample;
    by_field[local.field].emplace_back(entry, std::move(local));
    ++total;
  }

  std::string out =
      "<!doctype html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>Danh mục thủ tục hành chính – " +
      escape_html(center_name) + "</title>\n<style>" + kStyle + "</style>\n</head>\n<body>\n<header class=\"head\">\n<div>\n";
  out += "<h1>Danh mục thủ tục hành chính</h1>\n<p class=\"center\">" + escape_html(center_name) + "</p>\n";
  if (!center.address.empty()) {
    out += "<p>Địa chỉ: " + escape_html(center.address) + (center.sample ? " <span class=\"sample\">(dữ liệu minh họa)</span>" : "") +
           "</p>\n";
  }
  std::vector<std::string> hotlines;
  for (const Hotline& h : center.hotlines) {
    hotlines.push_back(escape_html(h.number) + (h.hours.empty() ? "" : " (" + escape_html(h.hours) + ")") +
                       (h.sample ? " <span class=\"sample\">(dữ liệu minh họa)</span>" : ""));
  }
  if (!hotlines.empty()) out += "<p>Đường dây nóng: " + join_nonempty(hotlines, "; ") + "</p>\n";
  std::vector<std::string> hours;
  for (const OpeningHours& h : center.opening_hours) hours.push_back(escape_html(describe_opening_hours(h)));
  if (!hours.empty()) out += "<p>Giờ tiếp nhận: " + join_nonempty(hours, "; ") + "</p>\n";
  out += "<p class=\"note\">" + std::to_string(total) + " thủ tục, theo " + std::to_string(by_field.size()) +
         " lĩnh vực. Nội dung cập nhật đến ngày " + escape_html(format_date(catalog.site.content_as_of)) + "; in ngày " +
         escape_html(format_date(generated)) + ".</p>\n</div>\n";
  out += "<div class=\"scan\">" + qr_svg(page_url, "Mã QR đến danh mục trên mạng: " + page_url) +
         "Quét mã để xem danh mục, giấy tờ cần mang và tính lệ phí trên điện thoại</div>\n</header>\n<main>\n";

  std::size_t number = 0;
  const auto emit_field = [&](const std::string& slug, const std::string& name) {
    const auto it = by_field.find(slug);
    if (it == by_field.end()) return;
    out += "<section>\n<h2>" + escape_html(name) + " (" + std::to_string(it->second.size()) + ")</h2>\n<div class=\"wrap\"><table>\n"
           "<thead><tr><th scope=\"col\">STT</th><th scope=\"col\">Mã</th><th scope=\"col\">Tên thủ tục</th>"
           "<th scope=\"col\">Thời hạn</th><th scope=\"col\">Lệ phí</th><th scope=\"col\">Cách nộp</th>"
           "<th scope=\"col\">Mã QR</th></tr></thead>\n<tbody>\n";
    for (const auto& [entry, p] : it->second) {
      const std::string url = base_url + catalog.procedure_path(&province, p.code);
      std::string where = channels_words(p);
      if (p.boundary_independent) where += "; nộp ở nơi nào trong tỉnh cũng được";
      const std::string deadline = by_channel(p, [](const Channel& c) { return deadline_words(c.deadline); });
      const std::string fee = by_channel(p, [](const Channel& c) { return fee_words(c.fee); });
      out += "<tr><td class=\"n\">" + std::to_string(++number) + "</td><td class=\"code\">" +
             escape_html(entry->local_code.empty() ? p.code : entry->local_code) + "</td><td>" + escape_html(p.name) + "</td><td>" +
             escape_html(deadline) + "</td><td>" + escape_html(fee) + "</td><td>" + escape_html(where) +
             "</td><td class=\"qr\">" + qr_svg(url, "Mã QR đến trang thủ tục " + p.code) + "</td></tr>\n";
    }
    out += "</tbody>\n</table></div>\n</section>\n";
    by_field.erase(it);
  };
  for (const Field& f : catalog.fields) emit_field(f.slug, f.name);
  while (!by_field.empty()) emit_field(by_field.begin()->first, by_field.begin()->first);
  if (total == 0) out += "<p>Chưa có thủ tục nào được công bố tiếp nhận tại đây.</p>\n";

  out += "</main>\n<footer>\n";
  if (!decisions.empty()) {
    std::vector<std::string> list(decisions.begin(), decisions.end());
    for (std::string& d : list) d = escape_html(d);
    out += "<p>Căn cứ: Quyết định công bố danh mục " + join_nonempty(list, "; ") + ".</p>\n";
  }
  out += "<p>Thời hạn tính từ khi nhận đủ hồ sơ hợp lệ. Mỗi mã QR dẫn tới trang của thủ tục: giấy tờ cần mang, các "
         "bước, lệ phí và nơi nộp.</p>\n";
  if (any_sample) {
    out += "<p class=\"sample\">Mục ghi \"dữ liệu minh họa\" chưa được kiểm chứng với văn bản gốc: hỏi cán bộ tiếp nhận "
           "trước khi nộp.</p>\n";
  }
  out += "<p>" + escape_html(page_url) + "</p>\n</footer>\n</body>\n</html>\n";
  return out;
}

}  // namespace motcua
