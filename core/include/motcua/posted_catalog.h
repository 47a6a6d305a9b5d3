#pragma once
// The catalog a center posts on its notice board (Nghị định 118/2025/NĐ-CP requires the
// catalog to be publicly posted where dossiers are received): one printable A4 page per
// center, the procedures grouped by field with code, name, deadline, fee and where, and a QR
// code to each procedure's page on the published site. Pure: the page comes back as text,
// every QR code drawn in it as SVG.
#include <string>

#include "motcua/catalog.h"

namespace motcua {

// A QR code (error correction M) of `text` as an SVG element, its modules drawn as one path
// with a four-module quiet zone; `label` is its accessible name. Empty when the text is too
// long for a QR code.
std::string qr_svg(const std::string& text, const std::string& label);

// The posted catalog of one center: the province's (`commune` nullptr) or a commune's.
// `base_url` is where the site is published (ending in '/'): the QR codes lead there.
// `generated` (YYYY-MM-DD) is printed on the page.
std::string render_posted_catalog(const Catalog& catalog, const ProvinceCatalog& province, const Commune* commune,
                                  const std::string& base_url, const std::string& generated);

}  // namespace motcua
