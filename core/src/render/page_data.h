#pragma once
// Builds the values templates see. Everything here is plain text: the template
// engine escapes it. Only *_html fields carry markup, and those come from cmark
// in safe mode.
#include <string>
#include <vector>

#include <kainjow/mustache.hpp>

#include "motcua/catalog.h"

namespace motcua::render {

using Data = kainjow::mustache::data;

Data list();

// Sets `key` on `d`. An empty string is stored as false, so that a template's
// {{#key}}…{{/key}} section is skipped for it (Mustache treats "" as true) and
// never falls back to a same-named value of an enclosing context. A list also
// sets "has_<key>" (true when it is not empty).
void put(Data& d, const std::string& key, const std::string& value);
void put(Data& d, const std::string& key, const char* value);
void put(Data& d, const std::string& key, bool value);
void put(Data& d, const std::string& key, const Data& value);
Data strings(const std::vector<std::string>& items);

// One procedure in a list: name, code, href, levels, flags.
Data procedure_item(const Procedure& p, const std::string& href, const Catalog& catalog);

// A center's contact block: name, address, hours, hotlines (with tel: links), map link.
Data center_data(const Center& c);

// The full procedure page. `province`/`entry` are set for the province version.
Data procedure_data(const Catalog& catalog, const Procedure& p, const std::string& root,
                    const ProvinceCatalog* province, const CatalogEntry* entry);

// The answer a procedure page opens with: plain title, how long, how much, where, what to
// bring (glance.cpp).
Data glance_data(const Catalog& catalog, const Procedure& p, const std::string& root,
                 const ProvinceCatalog* province);

std::string province_name(const Catalog& catalog, const std::string& slug);

// What an essential public service's procedure page says (issue 12; content/essential-services.json).
inline constexpr const char* kEssentialServiceRule =
    "Dịch vụ công thiết yếu: nộp trực tuyến toàn trình, không nộp giấy tờ bản giấy";

// A length of time in words: 200 -> "3 phút 20 giây", 3900 -> "1 giờ 5 phút".
std::string duration_text(int seconds);
// The host of an http(s) link without "www.": "https://www.youtube.com/watch?v=…" -> "youtube.com".
std::string link_host(const std::string& url);
std::string url_encode(const std::string& s);

}  // namespace motcua::render
